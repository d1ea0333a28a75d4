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
// is a "," or "." with an ASCII digit right before and after it ("6,000" ->
// "6000"); hyphens separate ("Russian-occupied" -> "russian occupied").
// ASCII is lower-cased inline; other characters are folded with ICU (NFKC
// case folding, then the combining accents U+0300..U+036F removed: "Daczić" =
// "daczic", "Ё" = "е"; format characters such as the soft hyphen vanish), and
// each ideograph or kana is a word of its own. There is no transliteration
// ("Харків" and "Kharkiv" are different words). Each word is hashed with
// XXH3_64bits of its folded UTF-8; a shingle hash combines the hashes of
// `shingle_words` consecutive words (a polynomial, then the murmur3 64-bit
// finaliser).
//
// MinHash. One permutation hashing with optimal densification (Li, Owen and
// Zhang 2012; Shrivastava 2017): with K = bands*rows, a shingle hash's high 32
// bits pick one of K bins and the bin keeps the least low 32 bits; an empty
// bin copies the value of the first filled bin along a fixed pseudo-random
// probe sequence of its own. Two documents agree on a bin with probability J
// (their shingle Jaccard), as with K independent hash functions, at
// O(shingles + K) instead of O(shingles * K). Checked on random sets (unit
// test): no bias; error at or below the sqrt(J(1-J)/K) of independent
// functions from ~100 shingles up, up to 20% above it for 10..40 shingles;
// band agreement s^rows. Signatures with other
// bands*rows are not comparable. Everything is integer arithmetic with fixed
// constants: signatures are identical across runs, compilers and CPUs (the
// SSE2 and byte-by-byte scanners give the same words), and may be stored.
// Word folding follows the linked ICU's Unicode tables; a later Unicode
// version could fold a rare character differently.
//
// Why 3-word shingles, 64 bands of 2 rows, and a 0.25 copy threshold.
// A band matches with probability s^2 for shingle Jaccard s, so a pair
// becomes a candidate with P(s) = 1 - (1 - s^2)^64:
//     s     0.01    0.02   0.05   0.10   0.15   0.20   0.25   0.30   0.40   0.50
//   P(s)   0.0064  0.025  0.15   0.47   0.77   0.93   0.984  0.998  >0.999 >0.999
//   42 bands x 3 rows, for comparison:
//   P(s)   0.00004 0.0003 0.005  0.041  0.13   0.29   0.48   0.68   0.94   0.996
// Measured shingle Jaccard (exact) with 3-word shingles: a rewrite that
// replaces every 10th word, reorders paragraphs, changes the headline and adds
// ~60 words of boilerplate has s = 0.36..0.50, mean 0.45, over 100 GDELT
// articles (4-word shingles: 0.28..0.40; 5-word: 0.22..0.31; 2-word:
// 0.46..0.63). In the GDELT sample (503 articles, clean stage first):
// rewrites of one wire story by other outlets s = 0.30..0.39; pages that hold
// the same article under other chrome 0.58..1; articles sharing only a quoted
// press release or a few paragraphs 0.15..0.21; one outlet's articles sharing
// its site chrome 0.05..0.15; independent articles on the same topic <= 0.06
// (99% of all pairs are below 0.01). Longer shingles pull rewrites down toward
// that background; 2-word shingles lift the background (a third of all pairs
// above 0.02) faster than the rewrites. With 2 rows a rewrite at s = 0.30 is a
// candidate with P = 0.998 (3 rows: 0.68; they would need ~300 bands for
// 0.99). The price is more candidates from the background, each settled by
// one EstimateJaccard: on the GDELT sample 111 candidate pairs of 125,751
// (0.09%), 27 verified, every pair with exact s >= 0.25 among them, none
// below it (tools/copy_report.cc; 42x3 gives 28 candidates and misses one
// rewrite at s = 0.30).
// kCopyThreshold = 0.25 sits between the partial overlaps (<= 0.21) and the
// rewrites (>= 0.30). The estimate's standard error there is sqrt(s(1-s)/128)
// = 0.04: an independent same-topic pair (s <= 0.06) is never verified, a
// rewrite at s = 0.30 is verified with P ~ 0.89 (at 0.35, 0.99), a partial
// overlap at 0.21 slips through with P ~ 0.13. LinkOptions::copy_threshold =
// 0.5 would lose every rewrite below 0.5 (4 of the 27 GDELT copies).
//
// Thread safety: all functions are pure and may run on any thread (the ICU
// fold table, ~3 ms to build, and the stopword set are built once,
// thread-safely, on first use). UnionFind is a plain value: one thread at a
// time.
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

// bands*rows values (one per bin, see "MinHash" above); empty when `shingles`
// is empty or !Valid(p).
Signature MinHash(const std::vector<uint64_t>& shingles, const MinHashParams& p);

// One key per band, computed from the band's `rows` values. The band index
// sits in the top bits (key >> 54 == band) and a 54-bit hash of the values
// below, so keys of different bands never collide, and every key is below
// 2^63 (a non-negative SQLite INTEGER as it is). Uses the first bands*rows
// values of `sig`; empty when sig is shorter or !Valid(p).
std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashParams& p);

// Fraction of positions where the two signatures agree; 0 when either is
// empty or their sizes differ (other parameters).
double EstimateJaccard(const Signature& a, const Signature& b);

// Blob: one format-version byte (kSignatureFormat), then each value as 4
// little-endian bytes. The version names the word folding, shingle hashing
// and binning above; a change to any of them must bump it, so that stored
// signatures are recomputed rather than compared with new ones.
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
