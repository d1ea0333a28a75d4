// Phrase lookup over tokens; see phrase_table.h.
#include "extract/phrase_table.h"

#include <algorithm>

#include <xxhash.h>

#include "segment/segment.h"
#include "util/utf8.h"

namespace claimtrace::extract {

LowerToken::LowerToken(const Document& doc, size_t token) : LowerToken(doc.Slice(doc.tokens[token].span)) {}

LowerToken::LowerToken(std::string_view text) {
  if (text.size() > sizeof buf_) return;
  for (size_t k = 0; k < text.size(); ++k) buf_[k] = util::AsciiLowerChar(text[k]);
  len_ = text.size();
}

size_t PhraseTable::Hash::operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }

void PhraseTable::Add(std::string_view form, int payload) {
  std::vector<Token> toks = segment::Tokenize(form);
  if (toks.empty()) return;
  std::string first = util::AsciiLower(form.substr(toks[0].span.begin, toks[0].span.size()));
  if (first.empty() || first.size() >= kMaxLen) return;
  Phrase p{{}, payload};
  for (size_t k = 1; k < toks.size(); ++k) {
    p.rest.push_back(util::AsciiLower(form.substr(toks[k].span.begin, toks[k].span.size())));
  }
  auto& list = by_first_[first];
  for (const Phrase& q : list) {
    if (q.rest == p.rest) return;
  }
  list.push_back(std::move(p));
  // Longest first, so the first full match is the longest.
  std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  shape_[static_cast<unsigned char>(first[0]) * kMaxLen + first.size()] = true;
}

int PhraseTable::Longest(const Document& doc, size_t i, size_t limit, size_t* end) const {
  if (i >= limit) return -1;
  LowerToken first(doc, i);
  return Longest(doc, first.view(), i, limit, end);
}

int PhraseTable::Longest(const Document& doc, std::string_view first_lower, size_t i, size_t limit,
                         size_t* end) const {
  if (i >= limit || !MayStart(first_lower)) return -1;
  auto it = by_first_.find(first_lower);
  if (it == by_first_.end()) return -1;
  for (const Phrase& p : it->second) {
    if (i + 1 + p.rest.size() > limit) continue;
    bool ok = true;
    for (size_t k = 0; k < p.rest.size() && ok; ++k) {
      LowerToken t(doc, i + 1 + k);
      ok = t.view() == p.rest[k];
    }
    if (ok) {
      *end = i + 1 + p.rest.size();
      return p.payload;
    }
  }
  return -1;
}

int PhraseTable::Single(std::string_view lower) const {
  if (!MayStart(lower)) return -1;
  auto it = by_first_.find(lower);
  if (it == by_first_.end()) return -1;
  for (const Phrase& p : it->second) {
    if (p.rest.empty()) return p.payload;
  }
  return -1;
}

}  // namespace claimtrace::extract
