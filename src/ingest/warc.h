// A streaming reader for WARC files (ISO 28500, WARC/1.0 and 1.1), plain or
// gzip-compressed (.warc.gz: a series of gzip members, usually one per record).
//
// Usage:
//   ingest::WarcReader reader = ingest::WarcReader::Open("crawl.warc.gz");
//   ingest::WarcRecord rec;
//   while (reader.Next(&rec)) {
//     if (!rec.error.empty()) { /* one damaged stretch of the file; reading goes on */ }
//     else if (rec.type == "response") { /* rec.block is the HTTP message */ }
//   }
//
// Memory stays bounded by the largest record (at most max_record_bytes) plus
// buffers: a multi-GB WARC is read as a stream. Damage never ends the file: a
// bad version line, headers without an end, a missing or wrong Content-Length,
// a record cut short or a broken gzip member yield one record with `error` set
// (naming the record number, byte offset and problem), and the reader
// resynchronises on the next "WARC/1." line or, in .warc.gz, the next gzip
// member. Single-threaded; not copyable.
#ifndef CLAIMTRACE_INGEST_WARC_H_
#define CLAIMTRACE_INGEST_WARC_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "claimtrace/document.h"

namespace claimtrace::ingest {

struct WarcOptions {
  size_t max_record_bytes = size_t{64} << 20;  // larger blocks are skipped with an error record
};

struct WarcRecord {
  uint64_t number = 0;       // 1-based position in the file, damaged stretches counted
  uint64_t offset = 0;       // byte offset in the file; in .warc.gz, of the gzip member holding the record
  std::string type;          // WARC-Type: warcinfo, response, request, resource, metadata, …
  std::string record_id;     // WARC-Record-ID without its angle brackets
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the block
  std::string block;         // the record's content block
  std::string error;         // non-empty: this stretch of the file is damaged
};

class WarcReader {
 public:
  // Reads a file; the format (plain or gzip) is sniffed from its first bytes.
  // A file that cannot be opened gives one error record.
  static WarcReader Open(const std::string& path, WarcOptions options = {});
  // Reads bytes held in memory (not copied; they must outlive the reader).
  static WarcReader FromMemory(std::string_view bytes, WarcOptions options = {});

  WarcReader(WarcReader&&) noexcept;
  WarcReader& operator=(WarcReader&&) noexcept;
  ~WarcReader();

  // Fills *rec (reset first) with the next record; false at the end.
  bool Next(WarcRecord* rec);
  bool compressed() const;

 private:
  struct Impl;
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// What a record gives the pipeline.
enum class WarcUse {
  kDocument,  // *doc is filled: an HTML page, or an error document for a damaged record
  kSkipped,   // not an HTML page (warcinfo, request, metadata, non-200 responses, images, …)
};

// Turns a record of `path` into a Document: input "path#<WARC-Record-ID>",
// url from WARC-Target-URI, raw HTML decoded with the charset of the HTTP
// Content-Type (declared_charset), chunked transfer coding and gzip/deflate
// content coding removed. `response` records with an HTTP status 200 and
// `resource` records count when their type is text/html or
// application/xhtml+xml. Payloads over `max_doc_bytes` become error documents.
WarcUse WarcRecordToDocument(const std::string& path, const WarcRecord& rec, size_t max_doc_bytes, Document* doc);

// True for paths ending in .warc or .warc.gz (any case).
bool IsWarcPath(const std::string& path);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_WARC_H_
