// Untrusted bytes as a WARC file: plain, or .warc.gz when they start with the
// gzip magic; inputs of odd size are also read wrapped in one gzip member, so
// the record parser is reached through the inflate path too. Every record goes
// through WarcRecordToDocument (HTTP parsing, dechunking, content decoding,
// charset), and the first documents through the pipeline and the writers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/warc.h"
#include "ingest/warc_writer.h"

namespace {

void ReadAll(std::string_view bytes) {
  using namespace claimtrace;
  ingest::WarcOptions options;
  options.max_record_bytes = 1 << 20;
  ingest::WarcReader reader = ingest::WarcReader::FromMemory(bytes, options);
  ingest::WarcRecord rec;
  size_t records = 0, processed = 0;
  while (reader.Next(&rec)) {
    // Each record consumes input, so there can be no more records than bytes.
    if (++records > bytes.size() + 1) std::abort();
    Document doc;
    if (ingest::WarcRecordToDocument("fuzz.warc", rec, 1 << 20, &doc) != ingest::WarcUse::kDocument) continue;
    if (doc.input.empty()) std::abort();
    if (!doc.error && doc.doc_id.size() != 24) std::abort();
    if (processed++ < 4) fuzz::ProcessAndCheck(std::move(doc), records & 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadAll(bytes);
  if (size & 1) ReadAll(claimtrace::ingest::GzipMember(bytes));
  return 0;
}
