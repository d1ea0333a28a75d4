// Copy-detection primitives of the link stage (src/link/minhash.h): per
// document, ShingleHashes + MinHash + BandKeys, on an invented ~5 KB English
// article, an invented ~5 KB Ukrainian one (the ICU fold path), and the shared
// GDELT sample after the clean stage (skipped when absent); the parts alone;
// and WordJaccard on claim-sized texts. Reports MB/s and documents (or pairs)
// per second.
//
//   build/bench/claimtrace_bench --benchmark_filter=Link
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "claimtrace/pipeline.h"
#include "link/minhash.h"

namespace {

using namespace claimtrace::link;

// Invented for this benchmark: places, people and events are fictional.
constexpr const char* kEnglishParagraphs[] = {
    "Three people were killed and at least {N} wounded when shells struck a residential quarter of Verkhnoriv late "
    "on Tuesday, regional governor Mykola Savchuk said in a video statement on Wednesday morning.",
    "Savchuk said the shells hit two apartment blocks, a pharmacy and the yard of a kindergarten closed since the "
    "spring, and that rescue crews worked through the night to pull {N} residents from the rubble.",
    "“We heard the first explosion at ten, then the windows came in,” said Halyna, {N}, who lives on the fourth "
    "floor of one of the damaged buildings. “My neighbour’s car was burning in the yard.”",
    "The governor blamed Russian units positioned across the Sukha river, roughly {N} kilometres east of the city, "
    "and said the barrage lasted about forty minutes. Russia’s defence ministry did not comment.",
    "Read more: Rail operator restores night trains to the southern coast",
};

constexpr const char* kUkrainianParagraphs[] = {
    "Унаслідок обстрілу Верхнорова загинули троє людей, ще щонайменше {N} поранені, повідомив голова обласної "
    "адміністрації Микола Савчук у відеозверненні в середу вранці.",
    "За його словами, снаряди влучили у два багатоквартирні будинки, аптеку та подвір’я дитячого садка; рятувальники "
    "всю ніч розбирали завали і врятували {N} мешканців.",
    "Обстріл тривав близько сорока хвилин. Міністерство оборони Росії не коментувало ці повідомлення.",
};

template <size_t N>
std::string Article(const char* const (&paragraphs)[N], size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) {
    std::string p = paragraphs[i % N];
    size_t at = p.find("{N}");
    if (at != std::string::npos) p.replace(at, 3, std::to_string(12 + 7 * i));
    text += p;
    text += "\n\n";
  }
  return text;
}

const std::string& English5K() {
  static const std::string text = Article(kEnglishParagraphs, 5000);
  return text;
}
const std::string& Ukrainian5K() {
  static const std::string text = Article(kUkrainianParagraphs, 5000);
  return text;
}

// The GDELT sample's clean texts (clean stage only), read once.
const std::vector<std::string>& GdeltTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::string path = std::string(CLAIMTRACE_SHARED_DIR) + "/corpus/gdelt-ukraine/articles.jsonl";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return out;
    claimtrace::InputReader reader({path});
    claimtrace::Pipeline clean({.drop_chrome = true, .extract_attributions = false, .extract_claims = false});
    claimtrace::Document d;
    while (reader.Next(&d)) {
      clean.Process(&d);
      if (!d.error) out.push_back(d.text);
    }
    return out;
  }();
  return texts;
}

void Signatures(benchmark::State& state, const std::vector<const std::string*>& docs) {
  const MinHashParams p;
  size_t bytes = 0;
  for (const std::string* d : docs) bytes += d->size();
  // The ICU fold table is built once per process; keep it out of the timing.
  benchmark::DoNotOptimize(ShingleHashes("Ї", p.shingle_words));
  for (auto _ : state) {
    for (const std::string* d : docs) {
      std::vector<uint64_t> keys = BandKeys(MinHash(ShingleHashes(*d, p.shingle_words), p), p);
      benchmark::DoNotOptimize(keys.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}

void BM_LinkSignature_English5K(benchmark::State& state) { Signatures(state, {&English5K()}); }
void BM_LinkSignature_Ukrainian5K(benchmark::State& state) { Signatures(state, {&Ukrainian5K()}); }
void BM_LinkSignature_Gdelt(benchmark::State& state) {
  std::vector<const std::string*> docs;
  for (const std::string& t : GdeltTexts()) docs.push_back(&t);
  if (docs.empty()) {
    state.SkipWithError("../shared/corpus/gdelt-ukraine/articles.jsonl not found");
    return;
  }
  Signatures(state, docs);
}

void BM_LinkShingles_English5K(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ShingleHashes(English5K(), 3).data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * English5K().size()));
  state.SetItemsProcessed(state.iterations());
}

void BM_LinkMinHash_English5K(benchmark::State& state) {
  const MinHashParams p;
  std::vector<uint64_t> shingles = ShingleHashes(English5K(), p.shingle_words);
  for (auto _ : state) benchmark::DoNotOptimize(MinHash(shingles, p).data());
  state.SetItemsProcessed(state.iterations());
  state.counters["shingles"] = static_cast<double>(shingles.size());
}

void BM_LinkWordJaccard_Claims(benchmark::State& state) {
  const std::string a = "around 300 troops objected to their commander’s orders and walked away from the combat zone";
  const std::string b = "some 300 soldiers refused their commander’s orders and left the combat zone near Verkhnoriv";
  for (auto _ : state) benchmark::DoNotOptimize(WordJaccard(a, b));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_LinkSignature_English5K);
BENCHMARK(BM_LinkSignature_Ukrainian5K);
BENCHMARK(BM_LinkSignature_Gdelt)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LinkShingles_English5K);
BENCHMARK(BM_LinkMinHash_English5K);
BENCHMARK(BM_LinkWordJaccard_Claims);

}  // namespace
