// Prints every quantity and time expression found in the inputs, one per line,
// for eyeballing the extractors on real text (nothing is written to the repo):
//
//   build/claimtrace_timeqty_dump ../shared/corpus/seeds/*.txt
//   build/claimtrace_timeqty_dump --published 2022-03-23 ../shared/corpus/gdelt-ukraine/articles.jsonl
//
// Lines: Q <tab> text <tab> value[-high] <tab> approx/bound <tab> unit <tab> noun
//        T <tab> text <tab> date[..end_date] <tab> granularity <tab> rel/abs
// --published sets the publication date of documents that have none.
#include <cstdio>
#include <string>
#include <vector>

#include "claimtrace/pipeline.h"
#include "extract/quantity.h"
#include "extract/time_expr.h"

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string published;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--published" && i + 1 < argc) {
      published = argv[++i];
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: claimtrace_timeqty_dump [--published YYYY-MM-DD] INPUT...\n");
    return 2;
  }
  claimtrace::PipelineOptions options;
  options.extract_attributions = false;
  claimtrace::Pipeline pipeline(options);
  claimtrace::InputReader reader(inputs);
  claimtrace::Document doc;
  while (reader.Next(&doc)) {
    if (!published.empty() && !doc.published) doc.published = published;
    pipeline.Process(&doc);
    std::printf("# %s published=%s%s\n", doc.input.c_str(), doc.published ? doc.published->c_str() : "-",
                doc.error ? (" error: " + *doc.error).c_str() : "");
    if (doc.error) continue;
    for (const auto& q : claimtrace::FindQuantities(doc)) {
      std::string v = q.value ? std::to_string(*q.value) : "?";
      if (q.high) v += "-" + std::to_string(*q.high);
      std::printf("Q\t%s\t%s\t%s%s\t%s\t%s\n", q.text.c_str(), v.c_str(), q.approx ? "~" : "",
                  q.bound.c_str(), q.unit.c_str(), q.noun.c_str());
    }
    for (const auto& t : claimtrace::FindTimes(doc)) {
      std::printf("T\t%s\t%s%s%s\t%s\t%s\n", t.text.c_str(), t.date.c_str(), t.end_date.empty() ? "" : "..",
                  t.end_date.c_str(), t.granularity.c_str(), t.relative ? "rel" : "abs");
    }
  }
  return 0;
}
