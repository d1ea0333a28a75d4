// Untrusted bytes as a plain-text article: decode (BOMs, UTF-16, Windows-1252,
// refusals), then clean, segment, attributions, JSON Lines and BRAT output.
// Odd-sized inputs run with --keep-chrome, even-sized ones without.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  Document doc;
  doc.input = "fuzz.txt";
  doc.format = InputFormat::kText;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Status s = ingest::DecodeToUtf8(bytes, &doc.raw, &doc.encoding);
  if (!s.ok()) {
    if (s.message().empty()) std::abort();  // a refusal must say why
    return 0;
  }
  doc.doc_id = ingest::DocIdFor(doc.raw);
  if (doc.doc_id.size() != 24) std::abort();
  fuzz::ProcessAndCheck(std::move(doc), size & 1);
  return 0;
}
