// Benchmarks for each per-document stage, the quantity and time extractors,
// and the whole pipeline.
//
// Two inputs: (a) invented articles written for this file (quotes in several
// styles, "according to", nested citations, site chrome), replicated to about
// 100 KB of text; (b) the shared GDELT sample, ../shared/corpus/gdelt-ukraine/
// articles.jsonl, read through InputReader (skipped when absent). Each
// benchmark reports bytes processed, so the table shows MB/s. Inputs are
// prepared once, outside the timed loops; per-iteration copies of a Document
// happen with the timer paused.
//
//   build/bench/claimtrace_bench                       # everything
//   build/bench/claimtrace_bench --benchmark_filter=Gdelt
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/pipeline.h"
#include "clean/clean.h"
#include "clean/html_extract.h"
#include "ingest/decode.h"
#include "extract/attribution.h"
#include "extract/claims.h"
#include "extract/quantity.h"
#include "extract/time_expr.h"
#include "resolve/gazetteer.h"
#include "segment/segment.h"

namespace {

using claimtrace::Document;
using claimtrace::InputFormat;

// Invented for this benchmark: outlets, people, units and events are fictional.
constexpr char kArticleA[] = R"(Accept all cookies to continue reading. Manage preferences
Click 'Allow' to enable notifications - get breaking news alerts before anyone else

Frontline brigade says it held the river crossing for a third night

By Lena Sorokina, Eastbank Courier
Published 9 April 2024, 10:15

IZIUM, April 9 (Eastbank Courier) - Ukrainian troops repelled {N} attempts by Russian units to cross the Siverskyi Donets near the village of Bohorodychne overnight, a brigade spokesman said on Tuesday.

“They came in boats at three in the morning and again at dawn. None of the {N} boats reached our bank,” Major Taras Hlyba, spokesman of the 61st Mechanised Brigade, said.

Hlyba said at least {N} Russian servicemen had been killed and two captured. He added: “The {N} prisoners told us their company had been promised artillery support that never came.

“One of them said {N} men of his platoon refused to get into the boats the second time.”

According to the General Staff of the Armed Forces of Ukraine, Russian forces carried out {N} attacks in the Lyman direction in the past day. The Eastbank Courier could not independently verify the figures.

Russia's defence ministry said in a statement that its forces had “improved their tactical position” {N} km from Kreminna, without mentioning the crossing. A source in the Russian military, speaking on condition of anonymity, told the state news agency TASS that the crossing attempts were “reconnaissance in force”.

READ MORE: Minister says new air defence systems will arrive before summer
You may also like
Governor says power restored to most of the region after strikes
Officials say grain corridor traffic hit a record in March

Local residents are said to have heard {N} explosions until morning, and a regional official reportedly ordered the evacuation of two hospitals. The head of the district military administration, Oleksandr Pavliuk, wrote on Telegram that shelling had damaged a school and three houses, according to the regional broadcaster Suspilne.

Share this article: Facebook Twitter WhatsApp
[newsletter-form id=12]
)";

constexpr char kArticleB[] = R"(Steppe Ledger | World | Defence | Video

Photo: Ivan Petrenko/Handout

Kremlin denies reports of mass desertion in Kherson units

MOSCOW, April 10 - The Kremlin on Wednesday denied that {N} soldiers of a Russian marine brigade had abandoned positions on the Dnipro islands, calling the reports "a crude information operation".

"There is no desertion and there was no retreat. Our units are holding all {N} positions," spokesman Pavel Orlin told reporters. He said the footage shared online had been filmed "a year ago, somewhere else entirely".

A popular Russian military blogger, writing under the name Zapadny Veter, claimed that at least {N} marines had "simply walked away" after weeks without supplies. The blogger cited "friends in the brigade" and posted what he said was an order threatening deserters with prosecution.

Ukraine's southern defence forces said, citing {N} intercepted radio messages, that commanders had asked for military police to be sent to the islands. „Sie haben keine Munition mehr“, a German volunteer told the newspaper Nordkurier. Мирноград and Покровськ were also mentioned in {N} intercepts, officials said.

'We cannot confirm the {N} reports,' a Western diplomat said. 'But the pattern of reports is consistent.'

Related: Officials say talks on prisoner exchange will resume next week
)";

// Copy i of a template, with each {N} replaced by a number that differs between
// copies, so that clean's repeated-line filter keeps every copy's prose.
std::string Instantiate(std::string_view tmpl, int i) {
  std::string out;
  const std::string n = std::to_string(12 + 7 * i);
  for (size_t pos = 0;;) {
    size_t at = tmpl.find("{N}", pos);
    out.append(tmpl.substr(pos, at == std::string_view::npos ? std::string_view::npos : at - pos));
    if (at == std::string_view::npos) return out;
    out += n;
    pos = at + 3;
  }
}

std::string InventedText(size_t bytes = 100 * 1024) {
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) {
    out += Instantiate(kArticleA, i) + "\n" + Instantiate(kArticleB, i) + "\n";
  }
  return out;
}

std::string InventedHtml() {
  constexpr char kBlock[] =
      "<p>“They came in {N} boats at three in the morning,” Major Taras Hlyba, spokesman of the 61st Brigade, "
      "said.</p>\n"
      "<p>According to the General Staff, Russian forces carried out {N} attacks in the Lyman direction.</p>\n"
      "<div class=\"cookie-banner\">We use cookies. Accept all</div>\n"
      "<p>The Kremlin denied that {N} marines had abandoned positions, calling the reports &quot;a crude "
      "information operation&quot;.</p>\n"
      "<aside><ul><li><a href=\"/x\">Minister says air defence will arrive</a></li></ul></aside>\n";
  std::string page =
      "<!doctype html><html lang=\"en\"><head><title>Brigade holds crossing - Eastbank Courier</title>"
      "<meta property=\"og:site_name\" content=\"Eastbank Courier\">"
      "<meta property=\"article:published_time\" content=\"2024-04-09T10:15:00Z\"></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Brigade holds crossing</h1>\n";
  for (int i = 0; page.size() < 100 * 1024; ++i) page += Instantiate(kBlock, i);
  page += "</article><footer>© 2024 Eastbank Courier. All rights reserved.</footer></body></html>\n";
  return page;
}

Document RawDoc(std::string raw, InputFormat format) {
  Document d;
  d.input = "bench";
  d.format = format;
  d.raw = std::move(raw);
  return d;
}

// Runs the pipeline once so later stages have their inputs.
Document Processed(Document d) {
  claimtrace::Pipeline().Process(&d);
  return d;
}

// The shared corpus, read once; empty when the file is absent.
const std::vector<Document>& Gdelt() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    std::string path = std::string(CLAIMTRACE_SHARED_DIR) + "/corpus/gdelt-ukraine/articles.jsonl";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return out;
    claimtrace::InputReader reader({path});
    Document d;
    while (reader.Next(&d)) {
      if (!d.error) out.push_back(std::move(d));
    }
    return out;
  }();
  return docs;
}

const std::vector<Document>& GdeltProcessed() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    claimtrace::Pipeline pipeline;
    for (const Document& d : Gdelt()) {
      Document p = d;
      pipeline.Process(&p);
      if (!p.error) out.push_back(std::move(p));
    }
    return out;
  }();
  return docs;
}

size_t RawBytes(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.raw.size();
  return n;
}
size_t TextBytes(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.text.size();
  return n;
}

bool NeedGdelt(benchmark::State& state) {
  if (Gdelt().empty()) {
    state.SkipWithError("../shared/corpus/gdelt-ukraine/articles.jsonl not found");
    return false;
  }
  return true;
}

// ---- (a) invented articles ---------------------------------------------------

void BM_Tokenize_Invented(benchmark::State& state) {
  const std::string text = Processed(RawDoc(InventedText(), InputFormat::kText)).text;
  for (auto _ : state) {
    auto tokens = claimtrace::segment::Tokenize(text);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_Segment_Invented(benchmark::State& state) {
  const Document src = Processed(RawDoc(InventedText(), InputFormat::kText));
  for (auto _ : state) {
    state.PauseTiming();
    Document d;
    d.text = src.text;
    state.ResumeTiming();
    claimtrace::segment::Segment(&d);
    benchmark::DoNotOptimize(d.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.text.size()));
}

// Clean over an invented article in the given format (text or HTML).
void BM_Clean_Invented(benchmark::State& state, InputFormat format) {
  const Document src = RawDoc(format == InputFormat::kHtml ? InventedHtml() : InventedText(), format);
  for (auto _ : state) {
    state.PauseTiming();
    Document d = src;
    state.ResumeTiming();
    auto s = claimtrace::clean::Clean(&d, true);
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.raw.size()));
}

void BM_ExtractAttributions_Invented(benchmark::State& state) {
  const Document src = Processed(RawDoc(InventedText(), InputFormat::kText));
  for (auto _ : state) {
    state.PauseTiming();
    Document d = src;
    d.attributions.clear();
    state.ResumeTiming();
    claimtrace::extract::ExtractAttributions(&d);
    benchmark::DoNotOptimize(d.attributions.data());
  }
  state.counters["attributions"] = static_cast<double>(src.attributions.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.text.size()));
}

void BM_FindQuantities_Invented(benchmark::State& state) {
  const Document d = Processed(RawDoc(InventedText(), InputFormat::kText));
  size_t found = 0;
  for (auto _ : state) {
    auto qs = claimtrace::FindQuantities(d);
    found = qs.size();
    benchmark::DoNotOptimize(qs.data());
  }
  state.counters["quantities"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
}

void BM_FindTimes_Invented(benchmark::State& state) {
  Document d = Processed(RawDoc(InventedText(), InputFormat::kText));
  d.published = "2024-04-09";
  size_t found = 0;
  for (auto _ : state) {
    auto ts = claimtrace::FindTimes(d);
    found = ts.size();
    benchmark::DoNotOptimize(ts.data());
  }
  state.counters["times"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
}

// Argument: document size in KB. Time per byte should not grow with the size;
// if it does, some stage is worse than linear.
void BM_Pipeline_InventedText(benchmark::State& state) {
  const Document src = RawDoc(InventedText(static_cast<size_t>(state.range(0)) * 1024), InputFormat::kText);
  const claimtrace::Pipeline pipeline;
  for (auto _ : state) {
    state.PauseTiming();
    Document d = src;
    state.ResumeTiming();
    pipeline.Process(&d);
    benchmark::DoNotOptimize(d.attributions.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.raw.size()));
}

void BM_Pipeline_InventedHtml(benchmark::State& state) {
  const Document src = RawDoc(InventedHtml(), InputFormat::kHtml);
  const claimtrace::Pipeline pipeline;
  for (auto _ : state) {
    state.PauseTiming();
    Document d = src;
    state.ResumeTiming();
    pipeline.Process(&d);
    benchmark::DoNotOptimize(d.attributions.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.raw.size()));
}

void BM_ToJsonLine_Invented(benchmark::State& state) {
  const Document d = Processed(RawDoc(InventedText(), InputFormat::kText));
  size_t out = 0;
  for (auto _ : state) {
    std::string line = claimtrace::ToJsonLine(d);
    out = line.size();
    benchmark::DoNotOptimize(line.data());
  }
  state.counters["json_bytes"] = static_cast<double>(out);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
}

// HTML main-content extraction alone (gumbo parse, scoring, text, metadata).
void BM_HtmlExtract_Invented(benchmark::State& state) {
  const std::string html = InventedHtml();
  for (auto _ : state) {
    claimtrace::clean::HtmlExtraction ex;
    auto s = claimtrace::clean::ExtractHtml(html, claimtrace::clean::HtmlExtractOptions(), &ex);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(ex.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}

// The trafilatura evaluation pages (990 real pages, many languages), decoded
// once; items/s is pages/s of HTML extraction.
namespace fs = std::filesystem;

const std::vector<std::string>& EvalPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    std::error_code ec;
    fs::path dir = fs::path(CLAIMTRACE_SHARED_DIR) / "bench/extraction/trafilatura-eval/html";
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string text, enc;
      if (claimtrace::ingest::DecodeHtmlToUtf8(bytes, std::nullopt, &text, &enc).ok()) out.push_back(std::move(text));
    }
    return out;
  }();
  return pages;
}

void BM_HtmlExtract_TrafilaturaEval(benchmark::State& state) {
  const auto& pages = EvalPages();
  if (pages.empty()) {
    state.SkipWithError("../shared/bench/extraction/trafilatura-eval/html not found");
    return;
  }
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.size();
  for (auto _ : state) {
    for (const std::string& html : pages) {
      claimtrace::clean::HtmlExtraction ex;
      auto s = claimtrace::clean::ExtractHtml(html, claimtrace::clean::HtmlExtractOptions(), &ex);
      benchmark::DoNotOptimize(s);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// ---- (b) the shared GDELT sample -----------------------------------------------

void BM_Tokenize_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& docs = GdeltProcessed();
  for (auto _ : state) {
    for (const auto& d : docs) {
      auto tokens = claimtrace::segment::Tokenize(d.text);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}

void BM_Segment_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& src = GdeltProcessed();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs(src.size());
    for (size_t i = 0; i < src.size(); ++i) docs[i].text = src[i].text;
    state.ResumeTiming();
    for (auto& d : docs) claimtrace::segment::Segment(&d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(src)));
}

void BM_Clean_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& src = Gdelt();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = src;
    state.ResumeTiming();
    for (auto& d : docs) benchmark::DoNotOptimize(claimtrace::clean::Clean(&d, true));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * RawBytes(src)));
}

void BM_ExtractAttributions_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& src = GdeltProcessed();
  size_t atts = 0;
  for (const auto& d : src) atts += d.attributions.size();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = src;
    state.ResumeTiming();
    for (auto& d : docs) claimtrace::extract::ExtractAttributions(&d);
  }
  state.counters["docs"] = static_cast<double>(src.size());
  state.counters["attributions"] = static_cast<double>(atts);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(src)));
}

// Claim assembly (triggers, actors, counts, places, times) on documents with attributions.
void BM_ExtractClaims_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& src = GdeltProcessed();
  size_t claims = 0;
  for (const auto& d : src) claims += d.claims.size();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = src;
    state.ResumeTiming();
    for (auto& d : docs) claimtrace::extract::ExtractClaims(&d);
  }
  state.counters["docs"] = static_cast<double>(src.size());
  state.counters["claims"] = static_cast<double>(claims);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(src)));
}

// The place finder on segmented documents (the Gazetteer is built before timing).
void BM_FindPlaces_Invented(benchmark::State& state) {
  const auto& gazetteer = claimtrace::Gazetteer::Default();
  const Document src = Processed(RawDoc(InventedText(), InputFormat::kText));
  size_t found = 0;
  for (auto _ : state) {
    auto places = gazetteer.FindPlaces(src);
    found = places.size();
    benchmark::DoNotOptimize(places.data());
  }
  state.counters["places"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.text.size()));
}

void BM_FindPlaces_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& gazetteer = claimtrace::Gazetteer::Default();
  const auto& src = GdeltProcessed();
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& d : src) {
      auto places = gazetteer.FindPlaces(d);
      found += places.size();
      benchmark::DoNotOptimize(places.data());
    }
  }
  state.counters["docs"] = static_cast<double>(src.size());
  state.counters["places"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(src)));
}

void BM_Pipeline_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& src = Gdelt();
  const claimtrace::Pipeline pipeline;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = src;
    state.ResumeTiming();
    for (auto& d : docs) pipeline.Process(&d);
  }
  state.counters["docs"] = static_cast<double>(src.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * RawBytes(src)));
}

void BM_ToJsonLine_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& docs = GdeltProcessed();
  for (auto _ : state) {
    for (const auto& d : docs) {
      std::string line = claimtrace::ToJsonLine(d);
      benchmark::DoNotOptimize(line.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}

// The two extractors over segmented documents (no copies: they only read).
void BM_FindQuantities_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& docs = GdeltProcessed();
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& d : docs) found += claimtrace::FindQuantities(d).size();
  }
  state.counters["quantities"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}

void BM_FindTimes_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const auto& docs = GdeltProcessed();
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& d : docs) found += claimtrace::FindTimes(d).size();
  }
  state.counters["times"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}

// Reading and decoding the JSON Lines file: the ingest stage the CLI pays for.
void BM_InputReader_Gdelt(benchmark::State& state) {
  if (!NeedGdelt(state)) return;
  const std::string path = std::string(CLAIMTRACE_SHARED_DIR) + "/corpus/gdelt-ukraine/articles.jsonl";
  std::error_code ec;
  const auto file_bytes = std::filesystem::file_size(path, ec);
  for (auto _ : state) {
    claimtrace::InputReader reader({path});
    Document d;
    size_t n = 0;
    while (reader.Next(&d)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * (ec ? 0 : file_bytes)));
}

constexpr double kMinTime = 0.2;  // seconds; keeps the whole run short

#define CT_BENCH(fn) BENCHMARK(fn)->Unit(benchmark::kMillisecond)->MinTime(kMinTime)->UseRealTime()

CT_BENCH(BM_Tokenize_Invented);
CT_BENCH(BM_Segment_Invented);
BENCHMARK_CAPTURE(BM_Clean_Invented, Text, InputFormat::kText)
    ->Unit(benchmark::kMillisecond)->MinTime(kMinTime)->UseRealTime();
BENCHMARK_CAPTURE(BM_Clean_Invented, Html, InputFormat::kHtml)
    ->Unit(benchmark::kMillisecond)->MinTime(kMinTime)->UseRealTime();
CT_BENCH(BM_ExtractAttributions_Invented);
CT_BENCH(BM_FindQuantities_Invented);
CT_BENCH(BM_FindTimes_Invented);
CT_BENCH(BM_Pipeline_InventedText)->Arg(10)->Arg(25)->Arg(100)->Arg(400);
CT_BENCH(BM_Pipeline_InventedHtml);
CT_BENCH(BM_HtmlExtract_Invented);
BENCHMARK(BM_HtmlExtract_TrafilaturaEval)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)
    ->ReportAggregatesOnly(false)->UseRealTime();
CT_BENCH(BM_ToJsonLine_Invented);
CT_BENCH(BM_InputReader_Gdelt);
CT_BENCH(BM_Tokenize_Gdelt);
CT_BENCH(BM_Segment_Gdelt);
CT_BENCH(BM_Clean_Gdelt);
CT_BENCH(BM_ExtractAttributions_Gdelt);
CT_BENCH(BM_ExtractClaims_Gdelt);
CT_BENCH(BM_FindQuantities_Gdelt);
CT_BENCH(BM_FindTimes_Gdelt);
CT_BENCH(BM_Pipeline_Gdelt);
CT_BENCH(BM_FindPlaces_Invented);
CT_BENCH(BM_FindPlaces_Gdelt);
CT_BENCH(BM_ToJsonLine_Gdelt);

}  // namespace

// Like BENCHMARK_MAIN, but first pays the one-time initialisation (data files
// parsed, pattern databases compiled) outside any timed loop, and says how long
// it took: every claimtrace process pays it once at start.
int main(int argc, char** argv) {
  auto t0 = std::chrono::steady_clock::now();
  Processed(RawDoc("Warm-up, the benchmark said.", InputFormat::kText));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "one-time initialisation (first Pipeline::Process): %.3f s\n", secs);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
