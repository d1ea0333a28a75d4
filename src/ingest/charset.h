// Decoding with a charset declared outside the bytes (the HTTP Content-Type of
// a fetched page or an archived response), and filling a Document's body.
#ifndef CLAIMTRACE_INGEST_CHARSET_H_
#define CLAIMTRACE_INGEST_CHARSET_H_

#include <optional>
#include <string>
#include <string_view>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace::ingest {

// Decodes `bytes` to UTF-8 as `declared` says when it is usable, else as
// DecodeToUtf8 detects. A byte-order mark wins over the declaration (as in
// browsers); a declared UTF-8 that does not validate, and a name ICU does not
// know, fall back to detection (*encoding then says so). ISO-8859-1 and
// US-ASCII are read as Windows-1252, their superset, as browsers do.
// Errors: those of DecodeToUtf8, and binary data after conversion.
Status DecodeDeclared(std::string_view bytes, const std::optional<std::string>& declared, std::string* out,
                      std::string* encoding);

// Decodes `bytes` (with doc->declared_charset) into doc->raw, sets the format
// (HTML when `html`, else sniffed) and doc_id; sets doc->error on failure. HTML
// is decoded by DecodeHtmlToUtf8 (byte-order mark, the declared charset, then
// the page's own <meta charset>, then detection).
void SetDocumentBody(std::string_view bytes, bool html, Document* doc);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_CHARSET_H_
