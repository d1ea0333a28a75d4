// Words: one SSE2 pass lower-cases ASCII and marks letters/digits and the few
// bytes that need a closer look; words are then found with bit scans and most
// are hashed (XXH3) in place, while non-ASCII goes through a fold table built
// once from ICU. MinHash is one permutation hashing with optimal
// densification: O(shingles + K) instead of O(shingles * K) for K functions.
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
#include <memory>
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
  kSingleWord,  // an ideograph or kana: a word by itself
};

constexpr std::array<uint8_t, 128> MakeAsciiClass() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) t[c] = kWordChar;
  }
  t['\''] = kApostrophe;
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

// The entry stays valid until the next call on this thread.
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

// The text with ASCII capitals lower-cased, and bit masks over its bytes (one
// bit a byte, 64 bytes a mask word): ASCII letters and digits (word), and the
// bytes that need a closer look (special: bytes >= 0x80, "'", and a "," or "."
// between two digits; any other "," or "." is a plain separator). Built 16
// bytes at a time with SSE2 (always there on x86-64), else byte by byte.
// Words are then found with bit scans, and most are hashed where they lie in
// the lower-cased copy.
class ScannedText {
 public:
  explicit ScannedText(std::string_view text)
      : n_(text.size()), words_((text.size() + 63) / 64), lower_(new char[n_]), bits_(new uint64_t[4 * words_]()) {
    uint64_t* word = bits_.get();
    uint64_t* special = word + words_;
    uint64_t* digits = special + words_;       // scratch
    uint64_t* number_seps = digits + words_;  // scratch
    const char* data = text.data();
    char* lower = lower_.get();
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= n_; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      // Signed compares: bytes >= 0x80 are negative and fail every lower bound.
      const __m128i digit =
          _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
      const __m128i capital =
          _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
      const __m128i folded = _mm_or_si128(v, _mm_and_si128(capital, _mm_set1_epi8(0x20)));
      const __m128i letter =
          _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
      const __m128i apostrophe = _mm_cmpeq_epi8(v, _mm_set1_epi8('\''));
      const __m128i number_sep =
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(lower + i), folded);
      const int shift = static_cast<int>(i % 64);
      auto bits = [&](__m128i m) { return uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(m))} << shift; };
      word[i / 64] |= bits(_mm_or_si128(digit, letter));
      special[i / 64] |= bits(_mm_or_si128(v, apostrophe));  // v: the high bit of bytes >= 0x80
      digits[i / 64] |= bits(digit);
      number_seps[i / 64] |= bits(number_sep);
    }
#endif
    for (; i < n_; ++i) {
      const unsigned char b = static_cast<unsigned char>(data[i]);
      const uint64_t bit = uint64_t{1} << (i % 64);
      lower[i] = kAsciiWordFold[b] ? kAsciiWordFold[b] : data[i];
      if (kAsciiWordFold[b]) word[i / 64] |= bit;
      if (b >= 0x80 || b == '\'') special[i / 64] |= bit;
      if (IsAsciiDigit(data[i])) digits[i / 64] |= bit;
      if (b == ',' || b == '.') number_seps[i / 64] |= bit;
    }
    // "," and "." with a digit on both sides (across mask words too).
    for (size_t w = 0; w < words_; ++w) {
      const uint64_t before = digits[w] << 1 | (w > 0 ? digits[w - 1] >> 63 : 0);
      const uint64_t after = digits[w] >> 1 | (w + 1 < words_ ? digits[w + 1] << 63 : 0);
      special[w] |= number_seps[w] & before & after;
    }
  }

  const char* lower() const { return lower_.get(); }
  // First byte at or after i that is a word character or special; n if none.
  size_t NextInteresting(size_t i) const {
    size_t w = i / 64;
    if (w >= words_) return n_;
    uint64_t m = (bits_[w] | bits_[words_ + w]) & (~uint64_t{0} << (i % 64));
    while (m == 0) {
      if (++w == words_) return n_;
      m = bits_[w] | bits_[words_ + w];
    }
    return w * 64 + static_cast<size_t>(std::countr_zero(m));  // the masks are 0 past n
  }
  // First byte at or after i that is not an ASCII letter or digit; n if none.
  size_t NextNonWord(size_t i) const {
    size_t w = i / 64;
    if (w >= words_) return n_;
    uint64_t m = ~bits_[w] & (~uint64_t{0} << (i % 64));
    while (m == 0) {
      if (++w == words_) return n_;
      m = ~bits_[w];
    }
    return std::min(n_, w * 64 + static_cast<size_t>(std::countr_zero(m)));
  }
  // Whether the byte at i (< n) is special.
  bool Special(size_t i) const { return (bits_[words_ + i / 64] >> (i % 64)) & 1; }

 private:
  size_t n_, words_;
  std::unique_ptr<char[]> lower_;
  std::unique_ptr<uint64_t[]> bits_;  // word, special, digit and "," "." masks
};

// The word being built: a fixed buffer, and a string for the rare longer word.
class WordBuffer {
 public:
  bool empty() const { return size_ == 0; }
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
  const ScannedText scanned(text);
  const char* lower = scanned.lower();
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
  while (true) {
    const size_t start = scanned.NextInteresting(i);
    if (start != i || start == n) end_word();  // plain separators in between, or the end
    if (start == n) break;
    i = start;
    const unsigned char b = static_cast<unsigned char>(data[i]);
    if (kAsciiWordFold[b]) {  // a run of ASCII letters and digits
      const size_t end = scanned.NextNonWord(i);
      // Usually the whole word: hash it where it lies.
      if (word.empty() && (end == n || !scanned.Special(end))) {
        emit(std::string_view(lower + i, end - i));
      } else {
        word.Append(lower + i, end - i);
      }
      i = end;
      continue;
    }
    if (b < 0x80) {  // "'", or "," or "." between digits: dropped inside a word
      if (word.empty() || (b == '\'' && ClassAt(text, i + 1) != kWordChar)) end_word();
      ++i;
      continue;
    }
    size_t next = i;
    const char32_t c = util::NextCodePointSlow(text, &next);  // invalid bytes: U+FFFD, a separator
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
}

inline uint64_t HashWord(std::string_view w) { return XXH3_64bits(w.data(), w.size()); }

inline uint64_t Mix64(uint64_t h) {  // the murmur3 64-bit finaliser
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

// A shingle from its word hashes: a polynomial in a fixed odd multiplier, then
// the murmur3 64-bit finaliser. Word hashes are already XXH3 outputs, so this
// only has to be order-sensitive and mix well; it costs a fifth of running
// XXH3 again over the window.
template <size_t kFixed = 0>
inline uint64_t CombineWords(const uint64_t* words, size_t k) {
  if constexpr (kFixed != 0) k = kFixed;  // unrolled for the default size
  uint64_t h = 0;
  for (size_t i = 0; i < k; ++i) h = (h + words[i]) * 0x9E3779B97F4A7C15ull;
  return Mix64(h);
}

// ---------------------------------------------------------------------------
// One permutation hashing.

// Maps the high 32 bits of h onto [0, k) (Lemire's multiply-shift range).
inline uint32_t BinOf(uint64_t h, uint32_t k) { return static_cast<uint32_t>(((h >> 32) * k) >> 32); }

// The t-th bin (t >= 1) that empty bin i looks at for a value to copy.
inline uint32_t ProbeBin(uint32_t i, uint32_t t, uint32_t k) {
  return BinOf(Mix64((static_cast<uint64_t>(i) << 32 | t) ^ 0x636c61696d747261ull), k);  // "claimtra"
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
  if (k == 3) {
    for (size_t i = 0; i < shingles.size(); ++i) shingles[i] = CombineWords<3>(&words[i], k);
  } else {
    for (size_t i = 0; i < shingles.size(); ++i) shingles[i] = CombineWords(&words[i], k);
  }
  return shingles;
}

Signature MinHash(const std::vector<uint64_t>& shingles, const MinHashParams& p) {
  Signature sig;
  if (shingles.empty() || !Valid(p)) return sig;
  const uint32_t k = static_cast<uint32_t>(p.bands * p.rows);
  sig.assign(k, UINT32_MAX);
  uint64_t filled[kMaxHashes / 64] = {};
  for (uint64_t x : shingles) {
    uint32_t bin = BinOf(x, k), value = static_cast<uint32_t>(x);
    if (value < sig[bin]) sig[bin] = value;
    filled[bin / 64] |= uint64_t{1} << (bin % 64);
  }
  auto is_filled = [&](uint32_t bin) { return (filled[bin / 64] >> (bin % 64)) & 1; };
  // Optimal densification: an empty bin copies the value of the first filled
  // bin along its own probe sequence (filled bins never change, so in place).
  for (uint32_t i = 0; i < k; ++i) {
    if (is_filled(i)) continue;
    uint32_t source = k;
    for (uint32_t t = 1; t <= 4 * k && source == k; ++t) {
      uint32_t j = ProbeBin(i, t, k);
      if (is_filled(j)) source = j;
    }
    if (source == k) {  // very few filled bins and no luck: the next filled one
      source = ProbeBin(i, 0, k);
      while (!is_filled(source)) source = (source + 1) % k;
    }
    sig[i] = sig[source];
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
  const size_t n = a.size();
  if (n == 0 || b.size() != n) return 0;
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
