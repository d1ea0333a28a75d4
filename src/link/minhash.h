// Near-duplicate and rewritten-copy detection primitives for the "link" stage
// (DESIGN.md): word shingles, MinHash signatures, LSH band keys, a Jaccard
// estimate to verify candidate pairs, content-word Jaccard for short claim
// texts, and union-find to turn pairs into clusters.
//
// Usage (what the store does per document, then across documents):
//   MinHashParams p;                                    // the defaults below
//   Signature sig = MinHash(ShingleHashes(doc.text, p.shingle_words), p);
//   std::string blob = EncodeSignature(sig);            // BLOB column
//   for (uint64_t key : BandKeys(sig, p)) ...           // (key, doc) rows
//   // documents that share a key are candidate pairs; a candidate pair is a
//   // copy when EstimateJaccard(sig_a, sig_b) >= kCopyThreshold.
//
// Words. A word is a run of letters, marks and digits; everything else
// (spaces, punctuation, quotes, symbols, bytes that are not UTF-8) separates
// words. Apostrophes inside a word are dropped ("Russia’s" -> "russias"), as
// are "," and "." between digits ("6,000" -> "6000"); hyphens separate
// ("Russian-occupied" -> "russian occupied"). ASCII is lower-cased inline;
// other characters are folded with ICU (NFKC case folding, then the
// combining accents U+0300..U+036F removed: "Daczić" = "daczic", "Ё" = "е"),
// and each ideograph or kana is a word of its own. Every word is hashed with
// XXH3_64bits of its folded UTF-8; a shingle is XXH3_64bits of the
// little-endian hashes of `shingle_words` consecutive words.
//
// MinHash. Function i (of bands*rows) maps the low 32 bits u of a shingle
// hash to a_i*u + c_i mod 2^32, with odd a_i and c_i fixed at compile time
// (splitmix64 from a fixed seed), and keeps the minimum. Function i is the
// same whatever bands and rows are, so a longer signature extends a shorter
// one. On random sets this estimator matches the theory (bias < 0.002, error
// sqrt(J(1-J)/K), band agreement s^rows). Everything is integer arithmetic
// on fixed seeds: signatures are identical across runs, compilers and CPUs
// (the AVX2 clone of the kernel computes the same values as the generic one),
// and may be stored. Word folding follows the linked ICU's Unicode tables;
// a future Unicode version could fold a rare character differently.
//
// Why 3-word shingles, 64 bands of 2 rows, and a 0.25 copy threshold.
// A band matches with probability s^2 for true shingle Jaccard s, so a pair
// becomes a candidate with P(s) = 1 - (1 - s^2)^64:
//     s     0.01    0.02   0.05   0.10   0.15   0.20   0.25   0.30   0.40   0.50
//   P(s)   0.0064  0.025  0.15   0.47   0.76   0.93   0.984  0.998  >0.999 >0.999
//   (the brief's 42 bands x 3 rows, for comparison:
//   P(s)   0.00004 0.0003 0.005  0.041  0.13   0.29   0.49   0.68   0.94   0.99)
// Measured (shingle Jaccard, exact): a rewrite that replaces every 10th word,
// reorders paragraphs, changes the headline and adds ~60 words of boilerplate
// has s = 0.36..0.55 with 3-word shingles (0.29..0.45 with 4, 0.22..0.36 with
// 5); real rewrites of one wire story by different outlets in the GDELT sample
// (503 articles) have s = 0.30..0.39; articles that share only a quoted
// press-release paragraph or a newsletter blurb 0.15..0.21; articles of one
// outlet sharing its site chrome 0.05..0.13; independent articles on the same
// topic <= 0.06, with 99% of all pairs below 0.01. Larger shingles pull rewrites
// down toward that background, 2-word shingles lift the background (34% of
// pairs above 0.02) faster than the rewrites. With 2 rows a rewrite at
// s = 0.30 is a candidate with P = 0.998 (3 rows: 0.68, and would need 300
// bands for 0.99). The cost is more candidates from the background, all of
// them settled by one EstimateJaccard (K = 128 compares): on the GDELT sample
// see tools/copy_report.cc (numbers in its header).
// The verification cut kCopyThreshold = 0.25 sits between the partial
// overlaps (<= 0.21) and the rewrites (>= 0.30); the estimate's standard
// error there is sqrt(s(1-s)/128) = 0.04, so an independent same-topic pair
// (s <= 0.06) is never verified, and a rewrite at s = 0.30 is verified with
// P ~ 0.9 (at s = 0.35, 0.99). LinkOptions::copy_threshold = 0.5 would miss
// most rewrites (verbatim copies with different chrome score 0.8..1).
//
// Thread safety: all functions are pure and may run on any thread (the ICU
// fold table is built once, thread-safely, on first use of non-ASCII text).
// UnionFind is a plain value: one thread at a time.
//
// Errors: none are raised. Untrusted text (any bytes) is read safely; a
// malformed signature blob makes DecodeSignature return false; parameters
// outside Valid() give an empty signature and no band keys.
#ifndef CLAIMTRACE_LINK_MINHASH_H_
#define CLAIMTRACE_LINK_MINHASH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimtrace::link {

struct MinHashParams {
  int shingle_words = 3;  // words per shingle
  int bands = 64;         // LSH bands: one key per band
  int rows = 2;           // signature values per band
};

inline constexpr int kMaxHashes = 1024;  // bands * rows at most
inline constexpr int kMaxBands = 512;    // so that band keys stay below 2^63
inline constexpr int kMaxShingleWords = 16;
// Recommended verification cut for EstimateJaccard on a candidate pair (see above).
inline constexpr double kCopyThreshold = 0.25;

// 1 <= shingle_words <= kMaxShingleWords, 1 <= bands <= kMaxBands, rows >= 1,
// bands * rows <= kMaxHashes.
bool Valid(const MinHashParams& p);

using Signature = std::vector<uint32_t>;  // bands*rows values

// The hashes of the word shingles of `text`, in text order (a repeated
// shingle repeats). A text with fewer than `shingle_words` words (but at
// least one) gives one shingle of all its words; a text without words gives
// none, as does shingle_words outside [1, kMaxShingleWords].
std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words);

// bands*rows minimum values; empty when `shingles` is empty or !Valid(p).
Signature MinHash(const std::vector<uint64_t>& shingles, const MinHashParams& p);

// One key per band, computed from the band's `rows` values. The band index
// sits in the top bits (key >> 54 == band) and a 54-bit hash of the values
// below, so keys of different bands never collide, and every key is below
// 2^63 (a non-negative SQLite INTEGER as it is). Uses the first bands*rows
// values of `sig`; empty when sig is shorter or !Valid(p).
std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashParams& p);

// Fraction of agreeing values over the first min(a.size(), b.size()) values;
// 0 when either signature is empty.
double EstimateJaccard(const Signature& a, const Signature& b);

// Blob: one format-version byte (kSignatureFormat), then each value as 4
// little-endian bytes. The version names the word folding, shingle hashing
// and hash functions above; a change to any of them must bump it so that
// stored signatures are recomputed rather than compared with new ones.
inline constexpr uint8_t kSignatureFormat = 1;
std::string EncodeSignature(const Signature& sig);
// False (and *out cleared) when the blob is not of that form: empty, another
// version byte, a length that is not 1 + 4k, or k > kMaxHashes.
bool DecodeSignature(std::string_view blob, Signature* out);

// For short claim texts: the hashes of the distinct content words (words as
// above; stopwords of data/lexicons/en/stopwords.txt dropped; numbers kept),
// sorted ascending.
std::vector<uint64_t> ContentWordHashes(std::string_view text);
// Exact Jaccard of the ContentWordHashes sets; 0 when both are empty.
double WordJaccard(std::string_view a, std::string_view b);

// Union-find over arbitrary int64 ids (path compression, union by size).
// An id never passed to Union is its own singleton cluster. The root of a
// merged cluster is the root of the larger one, the smaller id on a tie, so
// results do not depend on hash-map order.
class UnionFind {
 public:
  int64_t Find(int64_t x);
  void Union(int64_t a, int64_t b);
  // Clusters of 2+ ids, each sorted ascending, ordered by their first id.
  std::vector<std::vector<int64_t>> Clusters();

 private:
  struct Node {
    int64_t parent;
    int64_t size;
  };
  std::unordered_map<int64_t, Node> nodes_;
};

}  // namespace claimtrace::link

#endif  // CLAIMTRACE_LINK_MINHASH_H_
