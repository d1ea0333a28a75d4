// Token-sequence lexicon lookup for the extractors: lexicon forms are split into
// tokens by the segmenter's own tokenizer, so "per cent", "sq. km" and "US $"
// match exactly the tokens the text produces. Lookup is by the lower-cased first
// token (ASCII case folding) behind a (first byte, length) filter, so most
// tokens are ruled out without hashing. Immutable after construction; safe to
// share between threads.
#ifndef CLAIMTRACE_EXTRACT_PHRASE_TABLE_H_
#define CLAIMTRACE_EXTRACT_PHRASE_TABLE_H_

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace::extract {

// The lower-cased text of one token in a small inline buffer (no allocation);
// empty when the token is longer than the buffer.
class LowerToken {
 public:
  LowerToken(const Document& doc, size_t token);
  explicit LowerToken(std::string_view text);
  std::string_view view() const { return {buf_, len_}; }

 private:
  char buf_[40] = {};
  size_t len_ = 0;
};

class PhraseTable {
 public:
  // Adds a form ("more than", "%", "sq km") with its payload. A form whose
  // tokens are already present keeps its first payload.
  void Add(std::string_view form, int payload);

  // The payload of the longest form that starts at token i and ends at or before
  // token `limit`; *end is set one past its last token. -1 when none matches.
  int Longest(const Document& doc, size_t i, size_t limit, size_t* end) const;
  // Same, with the first token already lower-cased by the caller.
  int Longest(const Document& doc, std::string_view first_lower, size_t i, size_t limit, size_t* end) const;

  // The payload of the one-token form `lower`, or -1.
  int Single(std::string_view lower) const;

  // True when some form may start with this lower-cased word (cheap filter).
  bool MayStart(std::string_view lower) const { return MayStartRaw(lower); }
  // The same filter on a token's own text (ASCII case folded).
  bool MayStartRaw(std::string_view text) const {
    return !text.empty() && text.size() < kMaxLen && shape_[Shape(text)];
  }

 private:
  static constexpr size_t kMaxLen = 32;
  static char Fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
  // (length, first, second and last byte) folded into 16 bits: selective
  // enough that frequent short words ("more", "made") rarely pass.
  static size_t Shape(std::string_view t) {
    auto b = [&](size_t k) { return static_cast<size_t>(static_cast<unsigned char>(Fold(t[k]))); };
    size_t h = t.size() * 0x9E37u ^ b(0) * 0x85EBu ^ (t.size() > 1 ? b(1) * 0xC2B3u : 0) ^ b(t.size() - 1) * 0x27D5u;
    return (h ^ (h >> 16)) & 0xFFFF;
  }
  struct Phrase {
    std::vector<std::string> rest;  // lower-cased tokens after the first
    int payload;
  };
  struct Slot {
    std::string key;  // lower-cased first token; empty = free
    std::vector<Phrase> phrases;  // longest first
  };
  // Open addressing over a power-of-two table (a few hundred words): no
  // division and no chain walking on the hot path.
  const Slot* Find(std::string_view key) const;
  Slot* FindOrAdd(const std::string& key);
  static uint64_t HashKey(std::string_view s);
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t used_ = 0;
  std::bitset<65536> shape_;
};

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_PHRASE_TABLE_H_
