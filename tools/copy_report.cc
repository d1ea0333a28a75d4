// Copy detection on real inputs, for choosing and checking the link stage's
// MinHash parameters (src/link/minhash.h). Reads the inputs, runs the clean
// stage, and reports: LSH candidate pairs (documents sharing a band key), how
// many verify (EstimateJaccard >= threshold), the copy clusters, and - against
// the exact shingle Jaccard of every pair (up to --max-all-pairs documents) -
// what the bands missed. Prints to stdout only; nothing is written to the repo.
//
//   build/claimtrace_copy_report ../shared/corpus/gdelt-ukraine/articles.jsonl
//   build/claimtrace_copy_report --bands 42 --rows 3 --show 40 INPUT...
//
// Options: --shingle-words N  --bands N  --rows N  --threshold X
//          --show N (verified pairs and near misses listed; default 30)
//          --keep-chrome (skip the clean stage's chrome removal)
//          --max-all-pairs N (default 20000 documents)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimtrace/pipeline.h"
#include "link/minhash.h"

namespace {

using namespace claimtrace;

struct Doc {
  std::string name;  // input reference
  std::string text;
  std::vector<uint64_t> shingles;  // sorted, distinct
  link::Signature sig;
};

double ExactJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::string Snippet(const std::string& text, size_t n) {
  std::string s;
  for (char c : text.substr(0, n)) s.push_back(c == '\n' || c == '\t' ? ' ' : c);
  return s;
}

struct Pair {
  size_t a, b;
  double estimate, exact;
  int shared_bands;
};

}  // namespace

int main(int argc, char** argv) {
  link::MinHashParams p;
  double threshold = link::kCopyThreshold;
  size_t show = 30, max_all_pairs = 20000;
  bool keep_chrome = false;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
    if (a == "--shingle-words") {
      p.shingle_words = std::atoi(next().c_str());
    } else if (a == "--bands") {
      p.bands = std::atoi(next().c_str());
    } else if (a == "--rows") {
      p.rows = std::atoi(next().c_str());
    } else if (a == "--threshold") {
      threshold = std::atof(next().c_str());
    } else if (a == "--show") {
      show = std::strtoul(next().c_str(), nullptr, 10);
    } else if (a == "--max-all-pairs") {
      max_all_pairs = std::strtoul(next().c_str(), nullptr, 10);
    } else if (a == "--keep-chrome") {
      keep_chrome = true;
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty() || !link::Valid(p)) {
    std::fprintf(stderr,
                 "usage: claimtrace_copy_report [--shingle-words N] [--bands N] [--rows N] [--threshold X] "
                 "[--show N] [--keep-chrome] [--max-all-pairs N] INPUT...\n");
    return 2;
  }

  Pipeline clean({.drop_chrome = !keep_chrome, .extract_attributions = false, .extract_claims = false});
  InputReader reader(inputs);
  Document d;
  std::vector<Doc> docs;
  size_t errors = 0, empty = 0;
  while (reader.Next(&d)) {
    clean.Process(&d);
    if (d.error) {
      ++errors;
      continue;
    }
    Doc doc;
    doc.name = d.input;
    doc.text = d.text;
    doc.shingles = link::ShingleHashes(doc.text, p.shingle_words);
    doc.sig = link::MinHash(doc.shingles, p);
    std::sort(doc.shingles.begin(), doc.shingles.end());
    doc.shingles.erase(std::unique(doc.shingles.begin(), doc.shingles.end()), doc.shingles.end());
    if (doc.sig.empty()) ++empty;
    docs.push_back(std::move(doc));
  }

  // Candidates: documents sharing a band key (what the store does with GROUP BY key).
  std::unordered_map<uint64_t, std::vector<size_t>> by_key;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (uint64_t key : link::BandKeys(docs[i].sig, p)) by_key[key].push_back(i);
  }
  std::map<std::pair<size_t, size_t>, int> shared;
  size_t largest_block = 0;
  for (const auto& [key, members] : by_key) {
    largest_block = std::max(largest_block, members.size());
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) ++shared[{members[x], members[y]}];
    }
  }
  std::vector<Pair> candidates;
  for (const auto& [ab, n] : shared) {
    const Doc &a = docs[ab.first], &b = docs[ab.second];
    candidates.push_back(
        {ab.first, ab.second, link::EstimateJaccard(a.sig, b.sig), ExactJaccard(a.shingles, b.shingles), n});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Pair& x, const Pair& y) { return x.estimate > y.estimate; });
  link::UnionFind clusters;
  size_t verified = 0, verified_exact_below = 0;
  for (const Pair& c : candidates) {
    if (c.estimate < threshold) continue;
    ++verified;
    if (c.exact < threshold) ++verified_exact_below;
    clusters.Union(static_cast<int64_t>(c.a), static_cast<int64_t>(c.b));
  }

  const size_t n = docs.size();
  std::printf("documents %zu (errors %zu, without words %zu); shingle_words %d, bands %d, rows %d, threshold %.2f\n",
              n, errors, empty, p.shingle_words, p.bands, p.rows, threshold);
  std::printf("band keys %zu, largest block %zu documents\n", by_key.size(), largest_block);
  std::printf("candidate pairs %zu of %zu (%.4f%%); verified %zu (exact Jaccard below threshold: %zu); "
              "copy clusters %zu\n",
              candidates.size(), n * (n - 1) / 2, n > 1 ? 100.0 * candidates.size() / (n * (n - 1) / 2.0) : 0.0,
              verified, verified_exact_below, clusters.Clusters().size());

  // Candidates by exact similarity.
  const double edges[] = {0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.8, 1.01};
  std::printf("candidates by exact Jaccard:");
  for (size_t e = 0; e + 1 < std::size(edges); ++e) {
    size_t count = 0;
    for (const Pair& c : candidates) count += c.exact >= edges[e] && c.exact < edges[e + 1];
    std::printf(" [%.2f,%.2f) %zu", edges[e], std::min(edges[e + 1], 1.0), count);
  }
  std::printf("\n");

  if (n <= max_all_pairs) {
    // Every pair, exactly: how many similar pairs the bands found and verified.
    std::vector<std::pair<double, std::pair<size_t, size_t>>> missed;
    size_t pairs_by_edge[std::size(edges)] = {}, found_by_edge[std::size(edges)] = {},
           verified_by_edge[std::size(edges)] = {};
    std::map<std::pair<size_t, size_t>, const Pair*> cand;
    for (const Pair& c : candidates) cand[{c.a, c.b}] = &c;
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = a + 1; b < n; ++b) {
        double j = ExactJaccard(docs[a].shingles, docs[b].shingles);
        if (j < 0.1) continue;
        size_t e = 0;
        while (e + 2 < std::size(edges) && j >= edges[e + 1]) ++e;
        ++pairs_by_edge[e];
        auto it = cand.find({a, b});
        if (it != cand.end()) {
          ++found_by_edge[e];
          if (it->second->estimate >= threshold) ++verified_by_edge[e];
        }
        if (j >= threshold && (it == cand.end() || it->second->estimate < threshold)) missed.push_back({j, {a, b}});
      }
    }
    std::printf("all pairs with exact Jaccard >= 0.1, by band (pairs / candidates / verified):");
    for (size_t e = 0; e + 1 < std::size(edges); ++e) {
      if (edges[e] < 0.1) continue;
      std::printf(" [%.2f,%.2f) %zu/%zu/%zu", edges[e], std::min(edges[e + 1], 1.0), pairs_by_edge[e],
                  found_by_edge[e], verified_by_edge[e]);
    }
    std::printf("\nmissed (exact >= threshold, not verified): %zu\n", missed.size());
    for (const auto& [j, ab] : missed) {
      std::printf("  MISSED exact %.3f  %s | %s\n", j, docs[ab.first].name.c_str(), docs[ab.second].name.c_str());
    }
  }

  std::printf("\nverified pairs (estimate, exact, shared bands):\n");
  size_t shown = 0;
  for (const Pair& c : candidates) {
    if (c.estimate < threshold || shown++ >= show) continue;
    std::printf("  %.3f %.3f %2d  %s | %s\n      A: %s\n      B: %s\n", c.estimate, c.exact, c.shared_bands,
                docs[c.a].name.c_str(), docs[c.b].name.c_str(), Snippet(docs[c.a].text, 110).c_str(),
                Snippet(docs[c.b].text, 110).c_str());
  }
  std::printf("\nnear misses (candidates with estimate in [threshold - 0.1, threshold)):\n");
  shown = 0;
  for (const Pair& c : candidates) {
    if (c.estimate >= threshold || c.estimate < threshold - 0.1 || shown++ >= show) continue;
    std::printf("  %.3f %.3f %2d  %s | %s\n      A: %s\n      B: %s\n", c.estimate, c.exact, c.shared_bands,
                docs[c.a].name.c_str(), docs[c.b].name.c_str(), Snippet(docs[c.a].text, 110).c_str(),
                Snippet(docs[c.b].text, 110).c_str());
  }
  return 0;
}
