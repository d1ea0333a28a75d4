// Untrusted bytes as a JSON Lines file in the corpus format: each line goes
// through ingest::ParseRecord (simdjson On-Demand over a padded buffer, as
// InputReader does), then the pipeline and the writers. Odd-sized inputs run
// with --keep-chrome.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  static simdjson::ondemand::parser parser;
  simdjson::padded_string buf(reinterpret_cast<const char*>(data), size);
  std::string_view all(buf.data(), buf.size());
  size_t line_no = 0;
  for (size_t pos = 0; pos < all.size();) {
    size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    size_t begin = pos;
    pos = end + 1;
    ++line_no;
    if (end == begin) continue;
    Document doc;
    ingest::ParseRecord("fuzz.jsonl", line_no, all.data() + begin, end - begin,
                        buf.size() + simdjson::SIMDJSON_PADDING - begin, &parser, size_t{1} << 20, &doc);
    if (!doc.error && doc.doc_id.size() != 24) std::abort();
    fuzz::ProcessAndCheck(std::move(doc), size & 1);
  }
  return 0;
}
