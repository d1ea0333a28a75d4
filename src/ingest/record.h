// One JSON Lines record in the corpus format ({id, url, outlet, published,
// title, lang, text or html}) to a Document.
#ifndef CLAIMTRACE_INGEST_RECORD_H_
#define CLAIMTRACE_INGEST_RECORD_H_

#include <simdjson.h>

#include <string>

#include "claimtrace/document.h"

namespace claimtrace::ingest {

// Parses the record at data[0, len) (capacity bytes readable from data, for
// simdjson's padding). Sets doc->input to "path#id" (or "path#line-N") and,
// on failure, doc->error naming the line and what was wrong.
void ParseRecord(const std::string& path, size_t line_no, const char* data, size_t len, size_t capacity,
                 simdjson::ondemand::parser* parser, size_t max_bytes, Document* doc);

// True for YYYY-MM-DD with a real month and day; *out gets the date. Accepts a
// longer ISO 8601 timestamp and keeps its date part.
bool ParseIsoDate(std::string_view s, std::string* out);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_RECORD_H_
