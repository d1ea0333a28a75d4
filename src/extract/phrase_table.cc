// Phrase lookup over tokens; see phrase_table.h.
#include "extract/phrase_table.h"

#include <algorithm>

#include "segment/segment.h"
#include "util/utf8.h"

namespace claimtrace::extract {

LowerToken::LowerToken(const Document& doc, size_t token) : LowerToken(doc.Slice(doc.tokens[token].span)) {}

LowerToken::LowerToken(std::string_view text) {
  if (text.size() > sizeof buf_) return;
  for (size_t k = 0; k < text.size(); ++k) buf_[k] = util::AsciiLowerChar(text[k]);
  len_ = text.size();
}

uint64_t PhraseTable::HashKey(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a: the keys are short words
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

const PhraseTable::Slot* PhraseTable::Find(std::string_view key) const {
  size_t mask = slots_.size() - 1;
  for (size_t k = HashKey(key) & mask;; k = (k + 1) & mask) {
    const Slot& s = slots_[k];
    if (s.key.empty()) return nullptr;
    if (s.key == key) return &s;
  }
}

PhraseTable::Slot* PhraseTable::FindOrAdd(const std::string& key) {
  if ((used_ + 1) * 2 > slots_.size()) {  // keep the load under one half
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(old.size() * 2);
    used_ = 0;
    for (Slot& s : old) {
      if (!s.key.empty()) *FindOrAdd(s.key) = std::move(s);
    }
  }
  size_t mask = slots_.size() - 1;
  for (size_t k = HashKey(key) & mask;; k = (k + 1) & mask) {
    Slot& s = slots_[k];
    if (s.key == key) return &s;
    if (s.key.empty()) {
      s.key = key;
      ++used_;
      return &s;
    }
  }
}

void PhraseTable::Add(std::string_view form, int payload) {
  std::vector<Token> toks = segment::Tokenize(form);
  if (toks.empty()) return;
  std::string first = util::AsciiLower(form.substr(toks[0].span.begin, toks[0].span.size()));
  if (first.empty() || first.size() >= kMaxLen) return;
  Phrase p{{}, payload};
  for (size_t k = 1; k < toks.size(); ++k) {
    p.rest.push_back(util::AsciiLower(form.substr(toks[k].span.begin, toks[k].span.size())));
  }
  auto& list = FindOrAdd(first)->phrases;
  for (const Phrase& q : list) {
    if (q.rest == p.rest) return;
  }
  list.push_back(std::move(p));
  // Longest first, so the first full match is the longest.
  std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  shape_[Shape(first)] = true;
}

int PhraseTable::Longest(const Document& doc, size_t i, size_t limit, size_t* end) const {
  if (i >= limit) return -1;
  LowerToken first(doc, i);
  return Longest(doc, first.view(), i, limit, end);
}

int PhraseTable::Longest(const Document& doc, std::string_view first_lower, size_t i, size_t limit,
                         size_t* end) const {
  if (i >= limit || !MayStart(first_lower)) return -1;
  const Slot* slot = Find(first_lower);
  if (!slot) return -1;
  for (const Phrase& p : slot->phrases) {
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
  const Slot* slot = Find(lower);
  if (!slot) return -1;
  for (const Phrase& p : slot->phrases) {
    if (p.rest.empty()) return p.payload;
  }
  return -1;
}

}  // namespace claimtrace::extract
