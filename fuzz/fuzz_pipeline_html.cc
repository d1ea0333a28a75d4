// Untrusted bytes as an HTML page: charset sniffing and decoding, then
// main-content extraction (pre-strip, gumbo, scoring; whole body with
// --keep-chrome), chrome removal, segment, attributions, JSON Lines and BRAT
// output (which maps clean spans back through the HTML offsets). Odd-sized
// inputs run with --keep-chrome.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  Document doc;
  doc.input = "fuzz.html";
  doc.format = InputFormat::kHtml;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!ingest::DecodeHtmlToUtf8(bytes, std::nullopt, &doc.raw, &doc.encoding).ok()) return 0;
  doc.doc_id = ingest::DocIdFor(doc.raw);
  fuzz::ProcessAndCheck(std::move(doc), size & 1);
  return 0;
}
