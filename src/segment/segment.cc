// One left-to-right pass makes tokens; paragraphs are line blocks (a single
// line break is a soft wrap only when the next line starts in lower case);
// sentences end at . ! ? … (plus closing quotes) before a capital, digit or
// opening quote, unless the period closes an abbreviation or an initial.
// Quotations are paired per paragraph, and one left open at a paragraph's end
// continues when the next paragraph opens with a quotation mark.
#include "segment/segment.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "util/utf8.h"

namespace claimtrace::segment {
namespace {

using util::QuoteMark;

bool IsWordChar(char32_t c) { return util::IsLetter(c) || util::IsDigit(c); }
bool IsApostrophe(char32_t c) { return c == '\'' || c == U'\u2019' || c == U'\u02BC'; }
bool IsHyphen(char32_t c) { return c == '-' || c == U'\u2010' || c == U'\u2011'; }

}  // namespace

bool IsAbbreviation(std::string_view w) {
  static const std::unordered_set<std::string> kAbbr = {
      "mr",   "mrs",  "ms",   "dr",   "prof", "gen",  "lt",   "col",  "sgt",  "capt", "maj",  "adm",  "cmdr",
      "gov",  "sen",  "rep",  "st",   "jr",   "sr",   "rev",  "hon",  "pres", "no",   "nos",  "vs",   "v",
      "etc",  "inc",  "corp", "ltd",  "co",   "jan",  "feb",  "mar",  "apr",  "jun",  "jul",  "aug",  "sep",
      "sept", "oct",  "nov",  "dec",  "mon",  "tue",  "wed",  "thu",  "fri",  "sat",  "sun",  "approx", "est",
      "dept", "univ", "fig",  "al",   "cf",   "e.g",  "i.e",  "u.s",  "u.k",  "u.n",  "a.m",  "p.m",  "d.c",
      "ft",   "mt",   "pvt",  "cpl",  "brig", "lieut", "sgt", "ave",  "blvd", "govt", "min",  "max",  "op"};
  std::string lower = util::AsciiLower(w);
  if (kAbbr.count(lower)) return true;
  // Initials: one capital letter ("J."), or dotted letters ("U.S").
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;
  return false;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 5);
  size_t i = 0;
  bool space = true, newline = false;
  while (i < s.size()) {
    size_t j = i;
    char32_t c = util::NextCodePoint(s, &j);
    if (util::IsSpace(c)) {
      space = true;
      if (util::IsNewline(c)) newline = true;
      i = j;
      continue;
    }
    Token t;
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (IsWordChar(c)) {
      bool digit_start = util::IsDigit(c);
      t.capitalized = util::IsUpper(c);
      bool all_digits = digit_start;
      size_t k = j;
      bool dotted = false;
      while (k < s.size()) {
        size_t m = k;
        char32_t d = util::NextCodePoint(s, &m);
        if (IsWordChar(d) || (d >= 0x300 && d < 0x370)) {
          if (!util::IsDigit(d)) all_digits = false;
          k = m;
          continue;
        }
        // Internal joiners: apostrophe or hyphen before a letter/digit; a comma
        // or point inside a number; a dot inside an abbreviation ("U.S.").
        if (m < s.size()) {
          size_t n = m;
          char32_t e = util::NextCodePoint(s, &n);
          if ((IsApostrophe(d) || IsHyphen(d)) && IsWordChar(e) && !(IsApostrophe(d) && all_digits)) {
            k = n;
            all_digits = false;
            continue;
          }
          if ((d == ',' || d == '.') && all_digits && util::IsDigit(e)) {
            k = n;
            continue;
          }
          if (d == '.' && util::IsLetter(e) && !all_digits && (k - i) <= 3) {
            // "U.S" continues when the next char after the letter is a dot too, or end-of-word.
            size_t q = n;
            char32_t f = q < s.size() ? util::NextCodePoint(s, &q) : U' ';
            if (f == '.' || ((k - i) == 1 && !IsWordChar(f))) {
              k = n;
              dotted = true;
              continue;
            }
          }
        }
        // A dotted abbreviation keeps its final dot ("U.S.").
        if (d == '.' && dotted) k = m;
        break;
      }
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(k)};
      t.kind = digit_start ? TokenKind::kNumber : TokenKind::kWord;
      tokens.push_back(t);
      i = k;
      continue;
    }
    t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    if (util::ClassifyQuote(c) != QuoteMark::kNone) {
      t.kind = TokenKind::kQuote;
    } else if (util::IsDash(c)) {
      t.kind = TokenKind::kDash;
      // "--" is one dash.
      while (j < s.size() && s[j] == '-') ++j;
      t.span.end = static_cast<uint32_t>(j);
    } else if (c < 0x80 ? std::ispunct(static_cast<int>(c)) != 0 : (c == U'\u2026' || c == U'\u00B7')) {
      t.kind = TokenKind::kPunct;
    } else {
      t.kind = TokenKind::kSymbol;
    }
    tokens.push_back(t);
    i = j;
  }
  return tokens;
}

namespace {

char32_t FirstCp(std::string_view text, const Token& t) {
  size_t i = t.span.begin;
  return util::NextCodePoint(text, &i);
}

bool EndsSentence(std::string_view text, const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  if (t.kind != TokenKind::kPunct) return false;
  char32_t c = FirstCp(text, t);
  if (c != '.' && c != '!' && c != '?' && c != U'\u2026') return false;
  if (c == '.' && i > 0 && !t.space_before) {
    const Token& prev = toks[i - 1];
    if (prev.kind == TokenKind::kWord && IsAbbreviation(text.substr(prev.span.begin, prev.span.size()))) {
      // "Gen. Smith" continues; an abbreviation at a paragraph end still ends it.
      return false;
    }
  }
  return true;
}

bool StartsSentence(std::string_view text, const Token& t) {
  char32_t c = FirstCp(text, t);
  if (t.kind == TokenKind::kQuote || c == '(' || c == '[') return true;
  if (t.kind == TokenKind::kNumber) return true;
  return util::IsUpper(c) || (!util::IsLetter(c) && t.kind != TokenKind::kPunct);
}

struct OpenQuote {
  int token = -1;
  QuoteMark mark = QuoteMark::kNone;
  char32_t cp = 0;
  uint32_t paragraph = 0;
  int quote_index = -1;  // when continuing a quote from an earlier paragraph
};

bool Adjacent(const std::vector<Token>& toks, size_t i) { return i + 1 < toks.size() && !toks[i + 1].space_before; }

void PairQuotes(Document* doc) {
  const std::string_view text = doc->text;
  const auto& toks = doc->tokens;
  doc->quotes.clear();
  OpenQuote dbl, sgl;
  auto emit = [&](OpenQuote& o, size_t close, bool closed, bool single) {
    if (o.token < 0) return;
    if (o.quote_index >= 0) {
      Quote& q = doc->quotes[static_cast<size_t>(o.quote_index)];
      q.span.end = toks[close].span.end;
      q.inner.end = closed ? toks[close].span.begin : toks[close].span.end;
      q.close_token = static_cast<uint32_t>(close);
      q.closed = closed;
    } else {
      Quote q;
      q.open_token = static_cast<uint32_t>(o.token);
      q.close_token = static_cast<uint32_t>(close);
      q.span = {toks[o.token].span.begin, toks[close].span.end};
      q.inner = {toks[o.token].span.end, closed ? toks[close].span.begin : toks[close].span.end};
      q.closed = closed;
      q.single = single;
      if (q.inner.end > q.inner.begin) doc->quotes.push_back(q);
    }
    o = OpenQuote();
  };
  // At a paragraph end an open quote either continues (next paragraph opens with
  // a mark of the same kind) or is closed at the last token of its paragraph.
  auto paragraph_end = [&](size_t last, size_t next) {
    for (OpenQuote* o : {&dbl, &sgl}) {
      if (o->token < 0) continue;
      bool single = o == &sgl;
      bool continues = false;
      if (next < toks.size() && toks[next].kind == TokenKind::kQuote) {
        QuoteMark m = util::ClassifyQuote(FirstCp(text, toks[next]));
        continues = single ? (m == QuoteMark::kOpenSingle || m == QuoteMark::kAmbiguousSingle)
                           : (m == QuoteMark::kOpenDouble || m == QuoteMark::kAmbiguousDouble);
      }
      if (continues) {
        // Record the part so far as a quote and remember to extend it.
        if (o->quote_index < 0) {
          Quote q;
          q.open_token = static_cast<uint32_t>(o->token);
          q.close_token = static_cast<uint32_t>(last);
          q.span = {toks[o->token].span.begin, toks[last].span.end};
          q.inner = {toks[o->token].span.end, toks[last].span.end};
          q.closed = false;
          q.single = single;
          doc->quotes.push_back(q);
          o->quote_index = static_cast<int>(doc->quotes.size() - 1);
        }
        doc->quotes[static_cast<size_t>(o->quote_index)].continued = true;
        o->token = static_cast<int>(next);  // the reopening mark is consumed below
      } else if (single) {
        *o = OpenQuote();  // an unmatched single mark is an apostrophe, not a quote
      } else {
        emit(*o, last, false, single);
      }
    }
  };
  size_t skip_reopen = static_cast<size_t>(-1);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i > 0 && toks[i].paragraph != toks[i - 1].paragraph) {
      paragraph_end(i - 1, i);
      if ((dbl.token == static_cast<int>(i)) || (sgl.token == static_cast<int>(i))) skip_reopen = i;
    }
    if (toks[i].kind != TokenKind::kQuote || i == skip_reopen) continue;
    char32_t c = FirstCp(text, toks[i]);
    QuoteMark m = util::ClassifyQuote(c);
    bool space_before = toks[i].space_before || i == 0 || toks[i].paragraph != toks[i - 1].paragraph;
    bool space_after = !Adjacent(toks, i) || (i + 1 < toks.size() && toks[i + 1].paragraph != toks[i].paragraph);
    bool next_is_punct = i + 1 < toks.size() && toks[i + 1].kind == TokenKind::kPunct;
    switch (m) {
      case QuoteMark::kOpenDouble:
        if (dbl.token >= 0 && dbl.cp == U'\u201E' && c == U'\u201C') {  // „…“
          emit(dbl, i, true, false);
        } else if (dbl.token >= 0 && space_after && !space_before) {  // “ used as a closer
          emit(dbl, i, true, false);
        } else {
          if (dbl.token >= 0) emit(dbl, i - 1, false, false);
          dbl = {static_cast<int>(i), m, c, toks[i].paragraph, -1};
        }
        break;
      case QuoteMark::kCloseDouble:
        if (dbl.token >= 0) {
          emit(dbl, i, true, false);
        } else if (!space_after && space_before) {  // ” used as an opener
          dbl = {static_cast<int>(i), m, c, toks[i].paragraph, -1};
        }
        break;
      case QuoteMark::kAmbiguousDouble:
        if (dbl.token >= 0 && (!space_before || space_after || next_is_punct)) {
          emit(dbl, i, true, false);
        } else if (dbl.token < 0 && !space_after) {
          dbl = {static_cast<int>(i), m, c, toks[i].paragraph, -1};
        }
        break;
      case QuoteMark::kOpenSingle:
      case QuoteMark::kAmbiguousSingle:
      case QuoteMark::kCloseSingle: {
        bool can_open = (space_before || (i > 0 && toks[i - 1].kind == TokenKind::kQuote) ||
                         (i > 0 && FirstCp(text, toks[i - 1]) == '(')) &&
                        !space_after;
        bool can_close = !space_before && (space_after || next_is_punct || i + 1 == toks.size());
        if (sgl.token >= 0 && can_close) {
          emit(sgl, i, true, true);
        } else if (sgl.token < 0 && can_open && m != QuoteMark::kCloseSingle) {
          sgl = {static_cast<int>(i), m, c, toks[i].paragraph, -1};
        } else if (sgl.token < 0 && can_open && m == QuoteMark::kCloseSingle && space_before) {
          sgl = {static_cast<int>(i), m, c, toks[i].paragraph, -1};  // ’ typed as an opener
        }
        break;
      }
      case QuoteMark::kNone:
        break;
    }
  }
  if (!toks.empty()) paragraph_end(toks.size() - 1, toks.size());
}

}  // namespace

void Segment(Document* doc) {
  const std::string_view text = doc->text;
  doc->tokens = Tokenize(text);
  doc->paragraphs.clear();
  doc->sentences.clear();
  auto& toks = doc->tokens;

  // Paragraphs: a blank line always breaks; a single line break breaks unless
  // the line does not end a sentence and the next starts in lower case.
  uint32_t para = 0;
  size_t para_start_tok = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i > 0 && toks[i].newline_before) {
      int newlines = 0;
      for (uint32_t p = toks[i - 1].span.end; p < toks[i].span.begin; ++p) newlines += text[p] == '\n';
      bool blank = newlines >= 2;
      bool lower_next = util::IsLetter(FirstCp(text, toks[i])) && !toks[i].capitalized;
      bool prev_ends = toks[i - 1].kind == TokenKind::kPunct || toks[i - 1].kind == TokenKind::kQuote;
      bool soft_wrap = !blank && lower_next && !prev_ends;
      if (!soft_wrap) {
        doc->paragraphs.push_back({{toks[para_start_tok].span.begin, toks[i - 1].span.end}, 0, 0});
        para_start_tok = i;
        ++para;
      }
    }
    toks[i].paragraph = para;
  }
  if (!toks.empty()) doc->paragraphs.push_back({{toks[para_start_tok].span.begin, toks.back().span.end}, 0, 0});

  // Sentences within paragraphs.
  size_t start = 0;
  auto close_sentence = [&](size_t end_tok) {  // [start, end_tok)
    if (end_tok <= start) return;
    Sentence s;
    s.token_begin = static_cast<uint32_t>(start);
    s.token_end = static_cast<uint32_t>(end_tok);
    s.span = {toks[start].span.begin, toks[end_tok - 1].span.end};
    s.paragraph = toks[start].paragraph;
    doc->sentences.push_back(s);
    start = end_tok;
  };
  // A "sentence" longer than this is not prose (a run-on scrape, a table): it is cut so
  // that later stages stay linear in the input.
  constexpr size_t kMaxSentenceTokens = 400;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i + 1 < toks.size() && toks[i + 1].paragraph != toks[i].paragraph) {
      close_sentence(i + 1);
      continue;
    }
    if (i + 1 - start >= kMaxSentenceTokens) {
      close_sentence(i + 1);
      continue;
    }
    if (!EndsSentence(text, toks, i)) continue;
    size_t j = i + 1;
    // Absorb repeated terminators and closing quotes/brackets: ?!  .”  .)
    while (j < toks.size() && toks[j].paragraph == toks[i].paragraph && !toks[j].space_before &&
           (toks[j].kind == TokenKind::kQuote || EndsSentence(text, toks, j) ||
            FirstCp(text, toks[j]) == ')' || FirstCp(text, toks[j]) == ']')) {
      ++j;
    }
    if (j >= toks.size() || toks[j].paragraph != toks[i].paragraph) continue;  // paragraph end handles it
    if (!toks[j].space_before) continue;
    if (!StartsSentence(text, toks[j])) continue;
    close_sentence(j);
    i = j - 1;
  }
  close_sentence(toks.size());

  for (Paragraph& p : doc->paragraphs) p.sentence_begin = p.sentence_end = 0;
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    Paragraph& p = doc->paragraphs[doc->sentences[s].paragraph];
    if (p.sentence_end == 0 && p.sentence_begin == 0 && (s == 0 || doc->sentences[s - 1].paragraph != doc->sentences[s].paragraph)) {
      p.sentence_begin = static_cast<uint32_t>(s);
    }
    p.sentence_end = static_cast<uint32_t>(s + 1);
  }
  PairQuotes(doc);
}

}  // namespace claimtrace::segment

namespace claimtrace {

uint32_t Document::TokenAtOrAfter(uint32_t clean_offset) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), clean_offset,
                             [](const Token& t, uint32_t o) { return t.span.begin < o; });
  return static_cast<uint32_t>(it - tokens.begin());
}

}  // namespace claimtrace
