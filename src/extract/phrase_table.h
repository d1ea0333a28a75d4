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
  bool MayStart(std::string_view lower) const {
    return !lower.empty() && lower.size() < kMaxLen && shape_[static_cast<unsigned char>(lower[0]) * kMaxLen + lower.size()];
  }
  // The same filter on a token's own text (ASCII case folded on the first byte).
  bool MayStartRaw(std::string_view text) const {
    return !text.empty() && text.size() < kMaxLen &&
           shape_[static_cast<unsigned char>(Fold(text[0])) * kMaxLen + text.size()];
  }

 private:
  static constexpr size_t kMaxLen = 32;
  static char Fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
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
  std::bitset<256 * kMaxLen> shape_;
};

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_PHRASE_TABLE_H_
