// The per-document pipeline: ingest -> clean -> segment -> extract.
//
// Usage:
//   claimtrace::InputReader reader({"examples/", "-"});
//   claimtrace::Pipeline pipeline;
//   claimtrace::Document doc;
//   while (reader.Next(&doc)) {
//     pipeline.Process(&doc);            // never throws; sets doc.error on failure
//     std::cout << claimtrace::ToJsonLine(doc) << "\n";
//   }
//
// Pipeline is immutable after construction and safe to share between threads;
// each thread processes its own Document. InputReader is single-threaded.
#ifndef CLAIMTRACE_PIPELINE_H_
#define CLAIMTRACE_PIPELINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace {

struct ReaderOptions {
  size_t max_document_bytes = size_t{64} << 20;  // larger inputs (also decompressed, or fetched) get an error line
  size_t max_files = 1'000'000;                  // directory walk limit
  // Web inputs: RSS/Atom feeds (URLs or files) read after `inputs`, each
  // item's link fetched once; and the limits of every HTTP fetch.
  std::vector<std::string> feeds;
  double rate_per_host = 1.0;      // requests per second to any one host; 0: no limit
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;        // per request, redirects included
  long max_redirects = 5;
};

// What InputReader passed over without a Document.
struct ReaderStats {
  size_t warc_records_skipped = 0;  // WARC records that are not HTML pages (warcinfo, request, images, …)
  size_t duplicate_links = 0;       // feed items whose link was already fetched
};

// Turns input arguments (files, .gz files, WARC and WARC.gz archives,
// directories walked recursively, JSON Lines files, http(s) URLs, "-" for
// stdin) into Documents, one at a time, in input order.
// A path that cannot be read still yields one Document with `error` set.
class InputReader {
 public:
  explicit InputReader(std::vector<std::string> inputs, ReaderOptions options = {});
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Fills *doc (reset first) with the next document; false at the end.
  bool Next(Document* doc);
  const ReaderStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct PipelineOptions {
  bool drop_chrome = true;       // remove site chrome from the text
  bool extract_attributions = true;
  bool extract_claims = true;    // needs extract_attributions
  // Also find attitudes ("X wants …", "X seems …"): attribution corpora such as
  // PolNeAR annotate them, the claims ledger does not use them. Off by default.
  bool attitudes = false;
};

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options = {});
  // Runs clean, segment and extract. Documents that arrive with `error` set are
  // left alone. Any failure sets doc->error and clears partial results.
  void Process(Document* doc) const;
  const PipelineOptions& options() const { return options_; }

 private:
  PipelineOptions options_;
};

// The output contract of `claimtrace extract` (see README "Output format").
std::string ToJsonLine(const Document& doc);

}  // namespace claimtrace

#endif  // CLAIMTRACE_PIPELINE_H_
