// Shared by the libFuzzer targets: run one decoded Document through the
// pipeline and every writer, and check the invariants the output contract
// promises. A broken invariant aborts, so libFuzzer saves the input.
#ifndef CLAIMTRACE_FUZZ_FUZZ_COMMON_H_
#define CLAIMTRACE_FUZZ_FUZZ_COMMON_H_

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "claimtrace/pipeline.h"
#include "export/brat.h"

namespace claimtrace::fuzz {

[[noreturn]] inline void Fail(const char* what, const Document& doc) {
  std::fprintf(stderr, "fuzz invariant broken: %s (input %s, %zu text bytes)\n", what, doc.input.c_str(),
               doc.text.size());
  std::abort();
}

inline void CheckRef(const TextRef& r, const Document& doc, const char* role) {
  if (r.span.begin > r.span.end || r.span.end > doc.text.size()) Fail(role, doc);
}

// Spans stay inside the clean text, links point at existing attributions,
// and the JSON line parses back.
inline void CheckDocument(const Document& doc) {
  const int n = static_cast<int>(doc.attributions.size());
  if (doc.error && !doc.attributions.empty()) Fail("error document with attributions", doc);
  for (int i = 0; i < n; ++i) {
    const Attribution& a = doc.attributions[static_cast<size_t>(i)];
    if (a.id != i) Fail("attribution id is not its index", doc);
    if (a.source) CheckRef(*a.source, doc, "source span out of the text");
    if (a.via) CheckRef(*a.via, doc, "via span out of the text");
    CheckRef(a.cue, doc, "cue span out of the text");
    CheckRef(a.content, doc, "content span out of the text");
    for (const Span& p : a.content_parts) {
      if (p.begin > p.end || p.end > doc.text.size()) Fail("content part out of the text", doc);
    }
    for (int link : {a.parent, a.cites, a.continues}) {
      if (link < -1 || link >= n) Fail("parent/cites/continues names no attribution", doc);
    }
    if (a.parent == i) Fail("attribution is its own parent", doc);
  }
  for (const Flag& f : doc.flags) {
    if (f.span.begin > f.span.end || f.span.end > doc.text.size()) Fail("flag span out of the text", doc);
  }

  std::string line = ToJsonLine(doc);
  if (line.find('\n') != std::string::npos) Fail("JSON line holds a raw newline", doc);
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line).get(root) != simdjson::SUCCESS) Fail("ToJsonLine output is not valid JSON", doc);

  if (!doc.error) {
    std::string ann = exporter::ToBrat(doc);
    if (!ann.empty() && ann.back() != '\n') Fail("BRAT output does not end with a newline", doc);
  }
}

// Two pipelines: with chrome dropped (the default) and kept (--keep-chrome).
inline void ProcessAndCheck(Document doc, bool keep_chrome) {
  static const Pipeline drop_chrome;
  static const Pipeline keep(PipelineOptions{.drop_chrome = false});
  (keep_chrome ? keep : drop_chrome).Process(&doc);
  CheckDocument(doc);
}

}  // namespace claimtrace::fuzz

#endif  // CLAIMTRACE_FUZZ_FUZZ_COMMON_H_
