// WARC ingest throughput: a 300-page archive built in memory (request,
// response, every tenth an image record), read through WarcReader and
// WarcRecordToDocument, plain and gzip-compressed. Bytes are the archive's.
#include <benchmark/benchmark.h>

#include <string>

#include "ingest/warc.h"
#include "ingest/warc_writer.h"

namespace {

using namespace claimtrace::ingest;

std::string Archive(bool gz) {
  std::string out;
  for (int i = 1; i <= 300; ++i) {
    std::string page = "<!DOCTYPE html><html><head><title>Report " + std::to_string(i) + "</title></head><body>";
    for (int p = 0; p < 12; ++p) {
      page += "<p>\"The crossing at the northern quay stays closed until the inspection ends,\" the harbour "
              "authority said in a statement on day " + std::to_string(i) + ", paragraph " + std::to_string(p) + ".</p>";
    }
    page += "</body></html>";
    std::string url = "https://pages.example.invalid/" + std::to_string(i);
    std::string recs[] = {
        WarcRecordBytes("request", "q" + std::to_string(i), url, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"),
        WarcRecordBytes("response", "r" + std::to_string(i), url, "application/http; msgtype=response",
                        HttpResponseBytes("text/html; charset=utf-8", page))};
    for (const std::string& r : recs) out += gz ? GzipMember(r) : r;
  }
  return out;
}

void Read(benchmark::State& state, bool gz) {
  const std::string archive = Archive(gz);
  size_t docs = 0;
  for (auto _ : state) {
    WarcReader reader = WarcReader::FromMemory(archive);
    WarcRecord rec;
    while (reader.Next(&rec)) {
      claimtrace::Document doc;
      if (WarcRecordToDocument("bench.warc", rec, size_t{64} << 20, &doc) == WarcUse::kDocument) ++docs;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * archive.size()));
  state.counters["docs"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}

void BM_WarcRead_Plain(benchmark::State& state) { Read(state, false); }
void BM_WarcRead_Gzip(benchmark::State& state) { Read(state, true); }

}  // namespace

BENCHMARK(BM_WarcRead_Plain)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WarcRead_Gzip)->Unit(benchmark::kMillisecond)->UseRealTime();
