// One pass over the text folds and hashes words (ASCII inline; other code
// points through a table built once from ICU), then shingles hash windows of
// word hashes. The MinHash kernel keeps 32 running minima in registers per
// pass over the shingles; it is cloned for AVX2 where the compiler can, since
// baseline x86-64 (SSE2) has no 32-bit vector multiply or unsigned minimum.
#include "link/minhash.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

// Inlined: the library call costs more than hashing a short word.
#define XXH_INLINE_ALL
#include <xxhash.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::link {
namespace {

// ---------------------------------------------------------------------------
// Character classes and folding.

enum CharClass : uint8_t {
  kSeparator = 0,
  kWordChar,    // letter, digit or kept mark: appended (folded) to the word
  kIgnorable,   // format characters and stripped accents: dropped, the word goes on
  kApostrophe,  // dropped inside a word, a separator elsewhere
  kNumberSep,   // "," and ".": dropped between digits, a separator elsewhere
  kSingleWord,  // an ideograph or kana: a word by itself
};

constexpr std::array<uint8_t, 128> MakeAsciiClass() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) t[c] = kWordChar;
  }
  t['\''] = kApostrophe;
  t[','] = kNumberSep;
  t['.'] = kNumberSep;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClass = MakeAsciiClass();

// Lower-cased word characters; 0 for anything else (and for bytes >= 0x80).
constexpr std::array<char, 256> MakeAsciiWordFold() {
  std::array<char, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if (kAsciiClass[c] == kWordChar) t[c] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  return t;
}
constexpr std::array<char, 256> kAsciiWordFold = MakeAsciiWordFold();

// 1 for a lower-case letter or digit, 2 for an upper-case letter, 0 otherwise.
constexpr std::array<uint8_t, 256> MakeAsciiWordKind() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if (kAsciiClass[c] == kWordChar) t[c] = (c >= 'A' && c <= 'Z') ? 2 : 1;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiWordKind = MakeAsciiWordKind();

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

struct FoldEntry {
  uint8_t cls = kSeparator;
  std::string folded;  // for kWordChar and kSingleWord
};

bool IsApostropheLike(char32_t c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 || c == 0x2032;
}

// The class and fold of one non-ASCII code point, straight from ICU.
FoldEntry ComputeFold(char32_t c) {
  FoldEntry e;
  if (IsApostropheLike(c)) {
    e.cls = kApostrophe;
    return e;
  }
  if (c >= 0x0300 && c <= 0x036F) {  // combining accents (decomposed text)
    e.cls = kIgnorable;
    return e;
  }
  int8_t type = u_charType(static_cast<UChar32>(c));
  uint32_t mask = U_MASK(type);
  if (mask & U_GC_CF_MASK) {
    e.cls = kIgnorable;  // soft hyphen, zero-width joiners, direction marks
    return e;
  }
  if (!(mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK))) return e;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    // ICU's normalisation data is linked in: failing here is a build defect.
    std::fprintf(stderr, "claimtrace: ICU normalizers unavailable: %s\n", u_errorName(status));
    std::abort();
  }
  icu::UnicodeString s(static_cast<UChar32>(c));
  s = casefold->normalize(s, status);
  s = nfd->normalize(s, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < s.length();) {
    UChar32 d = s.char32At(i);
    i += U16_LENGTH(d);
    if (d >= 0x0300 && d <= 0x036F) continue;
    kept.append(d);
  }
  kept = nfc->normalize(kept, status);
  if (U_FAILURE(status)) return e;
  if (kept.isEmpty()) {
    e.cls = kIgnorable;
    return e;
  }
  kept.toUTF8String(e.folded);
  UErrorCode script_status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &script_status);
  bool single = u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) ||
                script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
  e.cls = single ? kSingleWord : kWordChar;
  return e;
}

// Table for U+0080..U+2FFF (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, the
// punctuation blocks), built once; anything above goes to a per-thread cache.
constexpr char32_t kTableEnd = 0x3000;

struct FoldTable {
  std::vector<FoldEntry> entries;
  FoldTable() {
    entries.resize(kTableEnd);
    for (char32_t c = 0x80; c < kTableEnd; ++c) entries[c] = ComputeFold(c);
  }
};

const FoldEntry& Fold(char32_t c) {
  if (c < kTableEnd) {
    static const FoldTable table;
    return table.entries[c];
  }
  thread_local std::unordered_map<char32_t, FoldEntry> cache;
  auto it = cache.find(c);
  if (it == cache.end()) {
    if (cache.size() >= 8192) cache.clear();  // bounded, whatever the input holds
    it = cache.emplace(c, ComputeFold(c)).first;
  }
  return it->second;
}

// Class of the code point at s[i] (for looking one character ahead).
uint8_t ClassAt(std::string_view s, size_t i) {
  if (i >= s.size()) return kSeparator;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return kAsciiClass[b];
  size_t j = i;
  return Fold(util::NextCodePointSlow(s, &j)).cls;
}

// ---------------------------------------------------------------------------
// Words.

// End of the run of ASCII letters and digits that starts at data[i] (a word
// character), i < n; sets *upper when the run holds an upper-case letter.
// Sixteen bytes at a time where SSE2 is (always, on x86-64).
inline size_t ScanAsciiRun(const char* data, size_t i, size_t n, bool* upper) {
#if defined(__SSE2__)
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    // Signed compares: bytes >= 0x80 are negative and fail every lower bound.
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    const unsigned word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digit, letter)));
    const unsigned caps = static_cast<unsigned>(_mm_movemask_epi8(capital));
    const unsigned stop = ~word & 0xFFFFu;
    if (stop != 0) {
      const unsigned len = static_cast<unsigned>(__builtin_ctz(stop));
      if (caps & ((1u << len) - 1)) *upper = true;
      return i + len;
    }
    if (caps) *upper = true;
    i += 16;
  }
#endif
  uint8_t kinds = 0;
  for (uint8_t kind; i < n && (kind = kAsciiWordKind[static_cast<unsigned char>(data[i])]) != 0; ++i) kinds |= kind;
  if (kinds & 2) *upper = true;
  return i;
}

// True when an ASCII word that runs up to text[j] certainly ends there: at
// the end, a space or punctuation, or a "," or "." not between two digits.
inline bool EndsAsciiWord(std::string_view text, size_t j) {
  if (j == text.size()) return true;
  unsigned char c = static_cast<unsigned char>(text[j]);
  if (c >= 0x80) return false;
  uint8_t cls = kAsciiClass[c];
  if (cls == kSeparator) return true;
  return cls == kNumberSep && !(IsAsciiDigit(text[j - 1]) && j + 1 < text.size() && IsAsciiDigit(text[j + 1]));
}

// The word being built: a fixed buffer, and a string for the rare longer word.
class WordBuffer {
 public:
  bool empty() const { return size_ == 0; }
  char back() const { return long_ ? text_.back() : buf_[size_ - 1]; }
  // Appends ASCII word characters, lower-cased.
  void AppendAsciiFolded(const char* p, size_t n) {
    if (size_ + n <= sizeof(buf_)) {
      char* out = buf_ + size_;
      for (size_t k = 0; k < n; ++k) out[k] = kAsciiWordFold[static_cast<unsigned char>(p[k])];
      size_ += n;
    } else {
      std::string folded(p, n);
      for (char& c : folded) c = kAsciiWordFold[static_cast<unsigned char>(c)];
      Spill(folded.data(), folded.size());
    }
  }
  void Append(const char* p, size_t n) {
    if (size_ + n <= sizeof(buf_)) {
      std::memcpy(buf_ + size_, p, n);
      size_ += n;
    } else {
      Spill(p, n);
    }
  }
  std::string_view view() const { return long_ ? std::string_view(text_) : std::string_view(buf_, size_); }
  void clear() {
    size_ = 0;
    if (long_) text_.clear(), long_ = false;
  }

 private:
  // Past the buffer: size_ stays at its capacity so the fast paths never write.
  void Spill(const char* p, size_t n) {
    if (!long_) text_.assign(buf_, size_), long_ = true;
    text_.append(p, n);
    size_ = sizeof(buf_);
  }

  char buf_[128];
  size_t size_ = 0;  // bytes in buf_ (sizeof(buf_) once long_)
  bool long_ = false;
  std::string text_;
};

// Calls emit(folded_word) for each word of `text`, in order.
template <typename Emit>
void ForEachWord(std::string_view text, Emit&& emit) {
  WordBuffer word;
  auto end_word = [&] {
    if (!word.empty()) {
      emit(word.view());
      word.clear();
    }
  };
  const char* data = text.data();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(data[i]);
    if (kAsciiWordKind[b]) {  // a run of ASCII word characters
      bool upper = false;
      size_t j = ScanAsciiRun(data, i, n, &upper);
      // Usually the whole word, already lower case: hash it where it is.
      if (!upper && word.empty() && EndsAsciiWord(text, j)) {
        emit(std::string_view(data + i, j - i));
      } else {
        word.AppendAsciiFolded(data + i, j - i);
      }
      i = j;
      continue;
    }
    if (b < 0x80) {
      uint8_t cls = kAsciiClass[b];
      if (cls == kApostrophe) {
        if (word.empty() || ClassAt(text, i + 1) != kWordChar) end_word();
      } else if (cls == kNumberSep) {
        if (word.empty() || !IsAsciiDigit(word.back()) || i + 1 >= n || !IsAsciiDigit(text[i + 1])) end_word();
      } else {
        end_word();
      }
      ++i;
      continue;
    }
    size_t next = i;
    char32_t c = util::NextCodePointSlow(text, &next);  // invalid bytes: U+FFFD, a separator
    const FoldEntry& e = Fold(c);
    switch (e.cls) {
      case kWordChar:
        word.Append(e.folded.data(), e.folded.size());
        break;
      case kIgnorable:
        break;
      case kApostrophe:
        if (word.empty() || ClassAt(text, next) != kWordChar) end_word();
        break;
      case kSingleWord:
        end_word();
        emit(std::string_view(e.folded));
        break;
      default:
        end_word();
    }
    i = next;
  }
  end_word();
}

inline uint64_t HashWord(std::string_view w) { return XXH3_64bits(w.data(), w.size()); }

// A shingle from its word hashes: a polynomial in a fixed odd multiplier, then
// the murmur3 64-bit finaliser. Word hashes are already XXH3 outputs, so this
// only has to be order-sensitive and mix well; it costs a fifth of running
// XXH3 again over the window.
inline uint64_t CombineWords(const uint64_t* words, size_t k) {
  uint64_t h = 0;
  for (size_t i = 0; i < k; ++i) h = (h + words[i]) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

// ---------------------------------------------------------------------------
// Hash functions: a_i odd, c_i, from splitmix64 on a fixed seed at compile time.

constexpr uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

struct Seeds {
  std::array<uint32_t, kMaxHashes> a{};
  std::array<uint32_t, kMaxHashes> c{};
};

constexpr Seeds MakeSeeds() {
  Seeds s;
  uint64_t state = 0x636c61696d747261ull;  // "claimtra"
  for (int i = 0; i < kMaxHashes; ++i) {
    uint64_t r = SplitMix64(&state);
    s.a[i] = static_cast<uint32_t>(r) | 1u;
    s.c[i] = static_cast<uint32_t>(r >> 32);
  }
  return s;
}
constexpr Seeds kSeeds = MakeSeeds();

constexpr int kBlock = 32;  // functions per pass; kMaxHashes is a multiple
static_assert(kMaxHashes % kBlock == 0);

// -DCLAIMTRACE_MINHASH_CLONES= builds the generic kernel only (to compare).
#ifndef CLAIMTRACE_MINHASH_CLONES
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define CLAIMTRACE_MINHASH_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#endif
#ifndef CLAIMTRACE_MINHASH_CLONES
#define CLAIMTRACE_MINHASH_CLONES
#endif

// Minima of kBlock functions (seeds a, c) over all shingles, into out.
CLAIMTRACE_MINHASH_CLONES
void MinBlock(const uint64_t* shingles, size_t n, const uint32_t* a, const uint32_t* c, uint32_t* out) {
  uint32_t acc[kBlock], ka[kBlock], kc[kBlock];
  for (int j = 0; j < kBlock; ++j) {
    acc[j] = UINT32_MAX;
    ka[j] = a[j];
    kc[j] = c[j];
  }
  for (size_t s = 0; s < n; ++s) {
    uint32_t u = static_cast<uint32_t>(shingles[s]);
    for (int j = 0; j < kBlock; ++j) {
      uint32_t h = ka[j] * u + kc[j];
      acc[j] = h < acc[j] ? h : acc[j];
    }
  }
  for (int j = 0; j < kBlock; ++j) out[j] = acc[j];
}

// ---------------------------------------------------------------------------
// Stopwords.

const std::unordered_set<uint64_t>& Stopwords() {
  static const std::unordered_set<uint64_t> set = [] {
    constexpr std::string_view kName = "lexicons/en/stopwords.txt";
    std::string_view text = util::EmbeddedFile(kName);
    auto entries = util::ParseLexicon(kName, text);
    if (!entries.ok() || entries.value().empty()) {
      // The list is compiled into the binary: a failure is a build defect.
      std::fprintf(stderr, "claimtrace: broken data file data/%s: %s\n", std::string(kName).c_str(),
                   entries.ok() ? "empty" : entries.status().ToString().c_str());
      std::abort();
    }
    std::unordered_set<uint64_t> s;
    for (const util::LexiconEntry& entry : entries.value()) {
      for (const std::string& form : entry.forms) {
        ForEachWord(form, [&](std::string_view w) { s.insert(HashWord(w)); });
      }
    }
    return s;
  }();
  return set;
}

}  // namespace

bool Valid(const MinHashParams& p) {
  return p.shingle_words >= 1 && p.shingle_words <= kMaxShingleWords && p.bands >= 1 && p.bands <= kMaxBands &&
         p.rows >= 1 && p.rows <= kMaxHashes && p.bands * p.rows <= kMaxHashes;
}

std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words) {
  std::vector<uint64_t> shingles;
  if (shingle_words < 1 || shingle_words > kMaxShingleWords) return shingles;
  std::vector<uint64_t> words;
  words.reserve(text.size() / 5 + 1);
  ForEachWord(text, [&](std::string_view w) { words.push_back(HashWord(w)); });
  if (words.empty()) return shingles;
  const size_t k = std::min(static_cast<size_t>(shingle_words), words.size());
  shingles.resize(words.size() - k + 1);
  for (size_t i = 0; i < shingles.size(); ++i) shingles[i] = CombineWords(&words[i], k);
  return shingles;
}

Signature MinHash(const std::vector<uint64_t>& shingles, const MinHashParams& p) {
  Signature sig;
  if (shingles.empty() || !Valid(p)) return sig;
  const int k = p.bands * p.rows;
  sig.resize(k);
  uint32_t block[kBlock];
  for (int b = 0; b < k; b += kBlock) {
    MinBlock(shingles.data(), shingles.size(), &kSeeds.a[b], &kSeeds.c[b], block);
    std::memcpy(&sig[b], block, sizeof(uint32_t) * std::min(kBlock, k - b));
  }
  return sig;
}

std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashParams& p) {
  std::vector<uint64_t> keys;
  if (!Valid(p) || sig.size() < static_cast<size_t>(p.bands) * p.rows) return keys;
  keys.resize(p.bands);
  std::vector<uint32_t> le(p.rows);
  for (int b = 0; b < p.bands; ++b) {
    for (int r = 0; r < p.rows; ++r) {
      uint32_t v = sig[static_cast<size_t>(b) * p.rows + r];
      le[r] = std::endian::native == std::endian::big ? __builtin_bswap32(v) : v;
    }
    uint64_t h = XXH3_64bits(le.data(), le.size() * sizeof(uint32_t));
    keys[b] = (static_cast<uint64_t>(b) << 54) | (h >> 10);
  }
  return keys;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  const size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < n; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(n);
}

std::string EncodeSignature(const Signature& sig) {
  std::string blob(1 + 4 * sig.size(), '\0');
  blob[0] = static_cast<char>(kSignatureFormat);
  for (size_t i = 0; i < sig.size(); ++i) {
    uint32_t v = sig[i];
    for (int j = 0; j < 4; ++j) blob[1 + 4 * i + j] = static_cast<char>((v >> (8 * j)) & 0xFF);
  }
  return blob;
}

bool DecodeSignature(std::string_view blob, Signature* out) {
  out->clear();
  if (blob.empty() || static_cast<uint8_t>(blob[0]) != kSignatureFormat) return false;
  if ((blob.size() - 1) % 4 != 0 || (blob.size() - 1) / 4 > static_cast<size_t>(kMaxHashes)) return false;
  out->resize((blob.size() - 1) / 4);
  for (size_t i = 0; i < out->size(); ++i) {
    uint32_t v = 0;
    for (int j = 0; j < 4; ++j) v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[1 + 4 * i + j])) << (8 * j);
    (*out)[i] = v;
  }
  return true;
}

std::vector<uint64_t> ContentWordHashes(std::string_view text) {
  const std::unordered_set<uint64_t>& stop = Stopwords();
  std::vector<uint64_t> hashes;
  ForEachWord(text, [&](std::string_view w) {
    uint64_t h = HashWord(w);
    if (!stop.count(h)) hashes.push_back(h);
  });
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

double WordJaccard(std::string_view a, std::string_view b) {
  std::vector<uint64_t> x = ContentWordHashes(a), y = ContentWordHashes(b);
  if (x.empty() && y.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(x.size() + y.size() - common);
}

int64_t UnionFind::Find(int64_t x) {
  auto it = nodes_.find(x);
  if (it == nodes_.end()) return x;
  int64_t root = x;
  while (true) {
    int64_t parent = nodes_.find(root)->second.parent;
    if (parent == root) break;
    root = parent;
  }
  while (x != root) {  // path compression
    Node& node = nodes_.find(x)->second;
    int64_t next = node.parent;
    node.parent = root;
    x = next;
  }
  return root;
}

void UnionFind::Union(int64_t a, int64_t b) {
  nodes_.try_emplace(a, Node{a, 1});
  nodes_.try_emplace(b, Node{b, 1});
  int64_t ra = Find(a), rb = Find(b);
  if (ra == rb) return;
  Node& na = nodes_.find(ra)->second;
  Node& nb = nodes_.find(rb)->second;
  bool a_wins = na.size > nb.size || (na.size == nb.size && ra < rb);
  if (a_wins) {
    nb.parent = ra;
    na.size += nb.size;
  } else {
    na.parent = rb;
    nb.size += na.size;
  }
}

std::vector<std::vector<int64_t>> UnionFind::Clusters() {
  std::unordered_map<int64_t, std::vector<int64_t>> by_root;
  std::vector<int64_t> ids;
  ids.reserve(nodes_.size());
  for (const auto& [id, node] : nodes_) ids.push_back(id);
  for (int64_t id : ids) by_root[Find(id)].push_back(id);
  std::vector<std::vector<int64_t>> clusters;
  for (auto& [root, members] : by_root) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end());
    clusters.push_back(std::move(members));
  }
  std::sort(clusters.begin(), clusters.end(), [](const auto& x, const auto& y) { return x.front() < y.front(); });
  return clusters;
}

}  // namespace claimtrace::link
