// Quantities in one left-to-right pass over tokens. At a token that can start a
// count (a digit token, a number or vague word, a modifier, a currency sign)
// the phrase is read forward — modifiers, numeral, range, "+", counted noun —
// and then vetoed when it is really a year, a date, a clock time, a label or a
// model designation. The great majority of tokens cost one bit test.
#include "extract/quantity.h"

#include <cmath>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "extract/phrase_table.h"
#include "util/data.h"
#include "util/dates.h"
#include "util/utf8.h"

namespace claimtrace {
namespace {

using extract::LowerToken;
using extract::PhraseTable;

enum class NumKind { kUnit, kTens, kHundred, kScale, kSuffix, kDozen, kHalf, kArticle, kVague };

struct NumberWord {
  double value = 0;
  NumKind kind = NumKind::kUnit;
  bool pronoun = false, needs_noun = false, scale_after = false;
};

struct Modifier {
  bool approx = false, min = false, max = false, between = false, after = false;
};

struct NounEntry {
  std::string unit;
  bool prefix = false, label = false;
};

struct Lexicon {
  std::vector<NumberWord> numbers;
  PhraseTable number_table;
  std::vector<Modifier> mods;
  PhraseTable mod_table;
  std::vector<NounEntry> nouns;
  PhraseTable noun_table;    // counted nouns and labels
  PhraseTable prefix_table;  // currency signs written before the number (payload: index in nouns)
};

[[noreturn]] void Broken(const std::string& what) {
  std::fprintf(stderr, "claimtrace: broken data file: %s\n", what.c_str());
  std::abort();
}

std::vector<util::LexiconEntry> Load(const char* name) {
  auto r = util::ParseLexicon(name, util::EmbeddedFile(name));
  if (!r.ok()) Broken(r.status().ToString());
  return std::move(r.value());
}

std::string Where(const char* name, const util::LexiconEntry& e) {
  return std::string(name) + ":" + std::to_string(e.line);
}

const Lexicon& Lex() {
  static const Lexicon lex = [] {
    Lexicon out;
    const char* kNumbers = "lexicons/en/numbers.txt";
    for (const auto& e : Load(kNumbers)) {
      NumberWord w;
      bool has_value = false, has_kind = false;
      for (const std::string& tag : e.tags) {
        if (tag == "unit") w.kind = NumKind::kUnit, has_kind = true;
        else if (tag == "tens") w.kind = NumKind::kTens, has_kind = true;
        else if (tag == "hundred") w.kind = NumKind::kHundred, has_kind = true;
        else if (tag == "scale") w.kind = NumKind::kScale, has_kind = true;
        else if (tag == "suffix") w.kind = NumKind::kSuffix, has_kind = true;
        else if (tag == "dozen") w.kind = NumKind::kDozen, has_kind = true;
        else if (tag == "half") w.kind = NumKind::kHalf, has_kind = true;
        else if (tag == "article") w.kind = NumKind::kArticle, has_kind = true;
        else if (tag == "vague") w.kind = NumKind::kVague, has_kind = true, has_value = true;
        else if (tag == "pronoun") w.pronoun = true;
        else if (tag == "needs_noun") w.needs_noun = true;
        else if (tag == "scale_after") w.scale_after = true;
        else {
          auto [p, ec] = std::from_chars(tag.data(), tag.data() + tag.size(), w.value);
          if (ec != std::errc() || p != tag.data() + tag.size()) Broken(Where(kNumbers, e) + ": unknown tag '" + tag + "'");
          has_value = true;
        }
      }
      if (!has_value || !has_kind) Broken(Where(kNumbers, e) + ": needs a value and a kind");
      for (const auto& f : e.forms) out.number_table.Add(f, static_cast<int>(out.numbers.size()));
      out.numbers.push_back(w);
    }
    const char* kMods = "lexicons/en/quantity_modifiers.txt";
    for (const auto& e : Load(kMods)) {
      Modifier m;
      for (const std::string& tag : e.tags) {
        if (tag == "approx") m.approx = true;
        else if (tag == "min") m.min = true;
        else if (tag == "max") m.max = true;
        else if (tag == "between") m.between = true;
        else if (tag == "after") m.after = true;
        else Broken(Where(kMods, e) + ": unknown tag '" + tag + "'");
      }
      for (const auto& f : e.forms) out.mod_table.Add(f, static_cast<int>(out.mods.size()));
      out.mods.push_back(m);
    }
    const char* kNouns = "lexicons/en/counted_nouns.txt";
    static const std::unordered_set<std::string> kUnits = {
        "people", "units", "equipment", "settlements", "area_km2", "area_mi2", "area_ha",
        "km",     "mi",    "percent",   "currency",    "time"};
    for (const auto& e : Load(kNouns)) {
      NounEntry n;
      for (const std::string& tag : e.tags) {
        if (tag == "prefix") n.prefix = true;
        else if (tag == "label") n.label = true;
        else if (kUnits.count(tag)) n.unit = tag;
        else Broken(Where(kNouns, e) + ": unknown tag '" + tag + "'");
      }
      if (n.unit.empty() != n.label) Broken(Where(kNouns, e) + ": a noun needs a unit, a label none");
      int id = static_cast<int>(out.nouns.size());
      for (const auto& f : e.forms) (n.prefix ? out.prefix_table : out.noun_table).Add(f, id);
      out.nouns.push_back(n);
    }
    return out;
  }();
  return lex;
}

// Function words a counted noun is never looked for across ("300 of", "300 were").
bool IsStopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "and", "or",   "but",  "nor",  "of",   "in",    "on",   "at",    "to",    "from",  "by",  "for",
      "with", "as",  "the",  "a",    "an",   "that",  "which", "who",  "whom",  "were",  "was", "are",
      "is",  "be",   "been", "have", "has",  "had",   "will", "would", "could", "should", "may", "might",
      "per", "than", "more", "less", "other", "others", "each", "said", "says",  "this",  "these", "those",
      "it",  "its",  "they", "their", "them", "he",   "she",  "his",   "her",   "we",    "our", "you",
      "i",   "not",  "no",   "so",   "if",   "when",  "while", "after", "before", "into", "over", "under",
      "times", "out", "up",  "down", "off",  "about", "there", "here", "all",   "both",  "also", "only",
      "vs",  "versus", "like", "such"};
  return kStop.count(w) > 0;
}

bool IsClockWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kClock = {"am",  "pm",  "a.m.", "p.m.", "a.m", "p.m", "gmt",
                                                              "utc", "hrs", "h",    "cet",  "msk", "bst", "o'clock",
                                                              "eet", "est", "edt",  "kyiv", "moscow"};
  return kClock.count(w) > 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads digits with thousands separators or a decimal point at the start of s
// ("43,000", "1.5", "1,5"). Returns the bytes read, 0 when the run is not one
// number (dates like "23.03.2022", malformed groups like "1,23,4").
size_t ReadDigits(std::string_view s, double* value, bool* separators) {
  size_t k = 0;
  while (k < s.size() && (IsDigit(s[k]) || s[k] == ',' || s[k] == '.')) ++k;
  std::string_view run = s.substr(0, k);
  int dots = 0, commas = 0;
  for (char c : run) dots += c == '.', commas += c == ',';
  *separators = dots + commas > 0;
  if (dots > 1 || run.empty() || !IsDigit(run.front()) || !IsDigit(run.back())) return 0;
  std::string clean;
  clean.reserve(run.size());
  if (commas > 0) {
    // Thousands groups: "43,000", "1,234.5"; or one decimal comma: "1,5".
    size_t dot = run.find('.');
    std::string_view whole = run.substr(0, dot);
    auto groups = util::Split(whole, ',');
    bool thousands = groups[0].size() >= 1 && groups[0].size() <= 3;
    for (size_t g = 1; g < groups.size() && thousands; ++g) thousands = groups[g].size() == 3;
    if (thousands) {
      for (char c : run) {
        if (c != ',') clean.push_back(c);
      }
    } else if (commas == 1 && dots == 0 && groups[1].size() <= 2) {
      clean = std::string(groups[0]) + "." + std::string(groups[1]);
    } else {
      return 0;
    }
  } else {
    clean = std::string(run);
  }
  auto [p, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), *value);
  if (ec != std::errc()) return 0;
  return k;
}

bool IsOrdinalSuffix(std::string_view r) { return r == "st" || r == "nd" || r == "rd" || r == "th"; }

struct Numeral {
  size_t begin = 0, end = 0;        // tokens
  std::optional<double> value;
  std::optional<double> high;       // "200-300" in one token
  double scale = 1;                 // the scale word or suffix applied ("million")
  bool vague = false, needs_noun = false, pronoun = false;
  bool plain = false;               // one digit token, no separators, suffix or scale
  bool letter_suffix = false;       // one-letter scale suffix ("5m", "3b"): only with a currency sign
  std::string_view suffix_unit;     // "km" from "5km"
  std::string suffix_noun;
};

bool IsKind(const Lexicon& lex, int p, NumKind k) { return p >= 0 && lex.numbers[p].kind == k; }

// Number words: "three", "twenty-five", "two thousand three hundred and five",
// "a dozen", "a thousand", "half a million".
bool ReadNumberWords(const Document& doc, size_t i, size_t limit, Numeral* n) {
  const Lexicon& lex = Lex();
  enum Last { kNone, kU, kT, kH, kS } last = kNone;
  double total = 0, current = 0;
  size_t j = i;
  int words = 0;
  bool pronoun = false;
  LowerToken first(doc, i);
  size_t e = i;
  int p = lex.number_table.Longest(doc, first.view(), i, limit, &e);
  if (IsKind(lex, p, NumKind::kArticle) || IsKind(lex, p, NumKind::kHalf)) {
    double factor = lex.numbers[p].value;
    size_t k = e;
    if (IsKind(lex, p, NumKind::kHalf)) {  // "half a million": the article after "half"
      size_t e2;
      if (k >= limit || !IsKind(lex, lex.number_table.Longest(doc, k, limit, &e2), NumKind::kArticle)) return false;
      k = e2;
    }
    if (k >= limit) return false;
    LowerToken w(doc, k);
    int q = lex.number_table.Single(w.view());
    if (!(IsKind(lex, q, NumKind::kHundred) || IsKind(lex, q, NumKind::kScale) || IsKind(lex, q, NumKind::kDozen))) {
      return false;
    }
    current = factor;
    last = kU;
    j = k;
  }
  double scale = 1;
  while (j < limit && doc.tokens[j].kind == TokenKind::kWord) {
    LowerToken w(doc, j);
    std::string_view word = w.view();
    if (word == "and" && (last == kH || last == kS) && j + 1 < limit) {
      LowerToken nx(doc, j + 1);
      std::string_view nv = nx.view();
      std::string_view head = nv.substr(0, nv.find('-'));
      int q = lex.number_table.Single(head);
      if (IsKind(lex, q, NumKind::kUnit) || IsKind(lex, q, NumKind::kTens)) {
        ++j;
        continue;
      }
      break;
    }
    // A token may hold two parts: "twenty-five".
    double t_current = current, t_total = 0;
    Last t_last = last;
    bool ok = true;
    int parts = 0;
    size_t from = 0;
    while (from <= word.size() && ok) {
      size_t dash = word.find('-', from);
      std::string_view part = word.substr(from, dash == std::string_view::npos ? std::string_view::npos : dash - from);
      from = dash == std::string_view::npos ? word.size() + 1 : dash + 1;
      ++parts;
      int q = lex.number_table.Single(part);
      if (q < 0 || parts > 2) {
        ok = false;
        break;
      }
      const NumberWord& nw = lex.numbers[q];
      switch (nw.kind) {
        case NumKind::kUnit:
          if (t_last == kU || (t_last == kT && nw.value >= 10)) ok = false;
          else t_current += nw.value, t_last = kU;
          pronoun = nw.pronoun && words == 0 && parts == 1;
          break;
        case NumKind::kTens:
          if (t_last == kU || t_last == kT) ok = false;
          else t_current += nw.value, t_last = kT;
          break;
        case NumKind::kHundred:
          if (t_last != kU || t_current >= 10) ok = false;
          else t_current *= nw.value, t_last = kH, scale = nw.value;
          break;
        case NumKind::kScale:
          if (t_last == kNone || t_last == kS) ok = false;
          else t_total += t_current * nw.value, t_current = 0, t_last = kS, scale = nw.value;
          break;
        case NumKind::kDozen:
          if (t_last != kU) ok = false;
          else t_current *= nw.value, t_last = kS, scale = nw.value;
          break;
        default:
          ok = false;
      }
    }
    if (!ok) break;
    current = t_current;
    total += t_total;
    last = t_last;
    ++words;
    ++j;
  }
  if (words == 0 || last == kNone) return false;
  n->begin = i;
  n->end = j;
  n->value = total + current;
  n->scale = scale;
  n->pronoun = pronoun && words == 1;
  return true;
}

// Vague quantities: "thousands", "a few", "several hundred", "tens of thousands".
bool ReadVague(const Document& doc, size_t i, size_t limit, Numeral* n) {
  const Lexicon& lex = Lex();
  size_t e;
  int p = lex.number_table.Longest(doc, i, limit, &e);
  if (!IsKind(lex, p, NumKind::kVague)) return false;
  n->begin = i;
  n->end = e;
  n->vague = true;
  n->needs_noun = lex.numbers[p].needs_noun;
  if (lex.numbers[p].scale_after && e < limit) {
    LowerToken w(doc, e);
    int q = lex.number_table.Single(w.view());
    if (IsKind(lex, q, NumKind::kHundred) || IsKind(lex, q, NumKind::kScale) || IsKind(lex, q, NumKind::kDozen)) {
      n->end = e + 1;
      n->needs_noun = false;
    }
  }
  // "tens of thousands", "hundreds of thousands"
  if (n->end + 1 < limit && LowerToken(doc, n->end).view() == "of") {
    size_t e2;
    int q = lex.number_table.Longest(doc, n->end + 1, limit, &e2);
    if (IsKind(lex, q, NumKind::kVague) && !lex.numbers[q].needs_noun) {
      n->end = e2;
      n->needs_noun = false;
    }
  }
  return true;
}

bool ReadNumeral(const Document& doc, size_t i, size_t limit, Numeral* n) {
  const Lexicon& lex = Lex();
  if (i >= limit) return false;
  const Token& t = doc.tokens[i];
  if (t.kind == TokenKind::kWord) return ReadVague(doc, i, limit, n) || ReadNumberWords(doc, i, limit, n);
  if (t.kind != TokenKind::kNumber) return false;
  std::string_view s = doc.Slice(t.span);
  double v = 0;
  bool sep = false;
  size_t used = ReadDigits(s, &v, &sep);
  if (used == 0) return false;
  n->begin = i;
  n->end = i + 1;
  std::string_view rest = s.substr(used);
  if (!rest.empty()) {
    if (rest[0] == '-') {
      // "200-300" is a range; "2022-03-23" a date and "24-hour" an adjective: neither counts.
      double v2 = 0;
      bool sep2 = false;
      size_t used2 = ReadDigits(rest.substr(1), &v2, &sep2);
      if (used2 == 0 || used2 + 1 != rest.size() || v2 <= v) return false;
      n->high = v2;
      sep = true;
    } else {
      LowerToken low(rest);
      std::string_view r = low.view();
      if (r.empty() || IsOrdinalSuffix(r)) return false;
      int q = lex.number_table.Single(r);
      if (IsKind(lex, q, NumKind::kSuffix) || IsKind(lex, q, NumKind::kScale)) {
        v *= lex.numbers[q].value;
        n->scale = lex.numbers[q].value;
        n->letter_suffix = r.size() == 1 && r != "k";
      } else {
        size_t e;
        int u = lex.noun_table.Single(r);
        (void)e;
        if (u < 0 || lex.nouns[u].label || lex.nouns[u].unit == "time") return false;
        n->suffix_unit = lex.nouns[u].unit;
        n->suffix_noun = std::string(r);
      }
    }
  }
  n->plain = !sep && rest.empty();
  // "6 000", "1 200 000": groups of three after a space.
  if (n->plain && s.size() <= 3) {
    while (n->end < limit) {
      const Token& g = doc.tokens[n->end];
      std::string_view gs = doc.Slice(g.span);
      if (g.kind != TokenKind::kNumber || !g.space_before || g.newline_before || gs.size() != 3 || !IsDigit(gs[0]) ||
          !IsDigit(gs[1]) || !IsDigit(gs[2])) {
        break;
      }
      v = v * 1000 + (gs[0] - '0') * 100 + (gs[1] - '0') * 10 + (gs[2] - '0');
      ++n->end;
      n->plain = false;
    }
  }
  // "1.5 million", "300 thousand"
  if (rest.empty() && !n->high) {
    while (n->end < limit && doc.tokens[n->end].kind == TokenKind::kWord) {
      LowerToken w(doc, n->end);
      int q = lex.number_table.Single(w.view());
      if (!(IsKind(lex, q, NumKind::kScale) || IsKind(lex, q, NumKind::kHundred))) break;
      v *= lex.numbers[q].value;
      n->scale = lex.numbers[q].value;
      n->plain = false;
      ++n->end;
    }
  }
  n->value = v;
  if (n->high && n->scale != 1) n->high = *n->high * n->scale;
  return true;
}

bool IsMonthToken(const Document& doc, size_t k) {
  const Token& t = doc.tokens[k];
  return t.kind == TokenKind::kWord && t.capitalized && util::MonthFromName(doc.Slice(t.span)) != 0;
}

// A month name ending just before token k ("March 23", "Feb. 24").
bool MonthBefore(const Document& doc, size_t k) {
  if (k == 0) return false;
  if (doc.Slice(doc.tokens[k - 1].span) == "." && k >= 2) return IsMonthToken(doc, k - 2);
  return IsMonthToken(doc, k - 1);
}

bool IsYearValue(double v) { return v >= 1900 && v <= 2100 && v == static_cast<double>(static_cast<int>(v)); }

struct NounMatch {
  std::string unit, noun;
  size_t end = 0;  // one past the noun's last token
  bool known = false;
};

int CountedNounAt(const Document& doc, size_t k, size_t limit, size_t* end) {
  const Lexicon& lex = Lex();
  int u = lex.noun_table.Longest(doc, k, limit, end);
  if (u < 0 || lex.nouns[u].label) return -1;
  return u;
}

std::string LowerSpan(const Document& doc, size_t b, size_t e) {
  return util::AsciiLower(doc.text.substr(doc.tokens[b].span.begin, doc.tokens[e - 1].span.end - doc.tokens[b].span.begin));
}

// The counted noun after a numeral ending at token j: directly ("300 troops"),
// after up to three modifiers ("four full-fledged combat units", "10 Russian
// soldiers"), or after "of" and a determiner ("dozens of civilians", "300 of
// the troops"). Without a lexicon noun, a following lower-case word is taken
// as the noun with an unknown unit ("300 paratroopers").
NounMatch FindNoun(const Document& doc, size_t j, size_t limit) {
  const Lexicon& lex = Lex();
  NounMatch m;
  size_t start = j;
  if (j < limit && LowerToken(doc, j).view() == "of") {
    start = j + 1;
    if (start < limit) {
      LowerToken det(doc, start);
      std::string_view d = det.view();
      if (d == "the" || d == "these" || d == "those" || d == "their" || d == "its" || d == "our" || d == "his" ||
          d == "her" || d == "whom" || d == "them") {
        ++start;
      }
    }
  }
  // Modifiers may include a proper name with its acronym: "a thousand former
  // Ukrainian Armed Forces (UAF) soldiers".
  for (size_t k = start; k < limit && k < start + 7; ++k) {
    size_t e;
    int u = CountedNounAt(doc, k, limit, &e);
    if (u >= 0) {
      m.unit = lex.nouns[u].unit;
      m.noun = LowerSpan(doc, k, e);
      m.end = e;
      m.known = true;
      return m;
    }
    const Token& t = doc.tokens[k];
    std::string_view tv = doc.Slice(t.span);
    if (t.kind == TokenKind::kPunct && (tv == "(" || tv == ")") && k > start) continue;
    if (t.kind != TokenKind::kWord) break;
    LowerToken w(doc, k);
    if (w.view().empty() || IsStopWord(w.view()) || lex.number_table.Single(w.view()) >= 0) break;
  }
  // No lexicon noun: the run of up to three lower-case words after the numeral
  // names it; its last plural is the head ("two world wars"), else its first word.
  if (start != j) return m;
  for (size_t k = j; k < limit && k < j + 3; ++k) {
    if (doc.tokens[k].kind != TokenKind::kWord || doc.tokens[k].capitalized) break;
    LowerToken w(doc, k);
    std::string_view v = w.view();
    bool alpha = !v.empty();
    for (char c : v) alpha = alpha && ((c >= 'a' && c <= 'z') || c == '-');
    if (!alpha || IsStopWord(v) || lex.number_table.Single(v) >= 0 || IsClockWord(v)) break;
    bool plural = v.size() > 3 && v.back() == 's' && v[v.size() - 2] != 's';
    if (m.end == 0 || plural) {
      m.noun = std::string(v);
      m.end = k + 1;
    }
    if (plural) break;
  }
  return m;
}

struct Context {
  size_t sentence_begin = 0;
  size_t limit = 0;  // sentence end (tokens)
};

// Reads the quantity that starts at token i; false when there is none.
bool ReadQuantity(const Document& doc, size_t i, const Context& ctx, Quantity* q, size_t* next) {
  const Lexicon& lex = Lex();
  const size_t limit = ctx.limit;
  size_t pos = i;
  bool approx = false, min = false, max = false, between = false;
  for (int k = 0; k < 2 && pos < limit; ++k) {
    size_t e;
    int m = lex.mod_table.Longest(doc, pos, limit, &e);
    if (m < 0 || lex.mods[m].after) break;
    approx |= lex.mods[m].approx;
    min |= lex.mods[m].min;
    max |= lex.mods[m].max;
    between |= lex.mods[m].between;
    pos = e;
  }
  std::string unit, noun;
  bool prefix = false;
  if (pos < limit) {
    size_t e;
    int c = lex.prefix_table.Longest(doc, pos, limit, &e);
    if (c >= 0) {
      unit = lex.nouns[c].unit;
      noun = LowerSpan(doc, pos, e);
      prefix = true;
      pos = e;
    }
  }
  Numeral n;
  if (!ReadNumeral(doc, pos, limit, &n)) return false;
  if (n.letter_suffix && !prefix) return false;  // "5m" is five metres unless it is money ("$5m")
  if (n.vague && (between || prefix)) return false;
  size_t j = n.end;
  size_t numeral_end = n.end;
  // Ranges: "200 to 300", "200–300", "two or three", "between 5 and 10".
  if (!n.vague && !n.high && j + 1 < limit) {
    const Token& sep = doc.tokens[j];
    LowerToken sw(doc, j);
    std::string_view s = sw.view();
    bool from_before = pos > 0 && LowerToken(doc, pos - 1).view() == "from";
    bool joiner = between ? s == "and"
                          : (sep.kind == TokenKind::kDash || s == "or" || (s == "to" && !from_before));
    Numeral n2;
    if (joiner && ReadNumeral(doc, j + 1, limit, &n2) && !n2.vague && !n2.high && n2.value) {
      double low = *n.value;
      if (n2.scale > 1 && n.scale == 1 && low * n2.scale <= *n2.value) low *= n2.scale;  // "2 to 3 million"
      // "70 to 80,000": the thousands are written once.
      if (n.plain && n2.scale == 1 && doc.tokens[n2.begin].kind == TokenKind::kNumber && low < 1000 &&
          low * 1000 <= *n2.value && low * 1000 * 10 > *n2.value) {
        low *= 1000;
      }
      if (*n2.value > low) {
        n.value = low;
        n.high = n2.value;
        n.plain = false;
        if (s == "or") approx = true;
        if (n2.suffix_unit.size()) n.suffix_unit = n2.suffix_unit, n.suffix_noun = n2.suffix_noun;
        j = numeral_end = n2.end;
      }
    }
  }
  if (between && !n.high) return false;
  // "300+", "300 or so"
  if (j < limit) {
    size_t e;
    int m = lex.mod_table.Longest(doc, j, limit, &e);
    if (m >= 0 && lex.mods[m].after && !(doc.Slice(doc.tokens[j].span) == "+" && doc.tokens[j].space_before)) {
      approx |= lex.mods[m].approx;
      min |= lex.mods[m].min;
      max |= lex.mods[m].max;
      j = e;
    }
  }
  size_t end = j;
  bool known = prefix;
  if (!n.suffix_unit.empty()) {
    unit = std::string(n.suffix_unit);
    noun = n.suffix_noun;
    known = true;
  } else if (!prefix) {
    NounMatch m = FindNoun(doc, j, limit);
    if (m.end) {
      unit = m.unit;
      noun = m.noun;
      end = m.end;
      known = m.known;
    }
  }
  // Vetoes.
  if ((n.pronoun || n.needs_noun) && !known) return false;
  if (n.pronoun && j < limit && LowerToken(doc, j).view() == "of") return false;  // "one of the soldiers"
  bool modified = pos != i;
  double v = n.value.value_or(0);
  // Only within the range of exact integers (a number of 60 digits is no year and no integer to cast).
  bool integer = n.value && std::fabs(v) < 9.0e15 && v == std::floor(v);
  bool counts_something = known && unit != "time" && unit != "currency";
  if (n.plain && integer && v >= 1900 && v <= 2100 && !counts_something && !modified) return false;  // a year
  if (n.high && IsYearValue(v) && IsYearValue(*n.high) && !counts_something) return false;  // "2019-2021"
  if (n.plain && integer && v >= 1 && v <= 31 && !counts_something &&
      (MonthBefore(doc, pos) || (n.end < limit && IsMonthToken(doc, n.end)))) {
    return false;  // a day of a month
  }
  // Clock times: "11:42", "10 am", "at 11.30 GMT".
  if (n.end + 1 < doc.tokens.size() && doc.Slice(doc.tokens[n.end].span) == ":" && !doc.tokens[n.end].space_before &&
      doc.tokens[n.end + 1].kind == TokenKind::kNumber && !doc.tokens[n.end + 1].space_before) {
    return false;
  }
  if (pos >= 2 && doc.Slice(doc.tokens[pos - 1].span) == ":" && !doc.tokens[pos].space_before &&
      doc.tokens[pos - 2].kind == TokenKind::kNumber) {
    return false;
  }
  if (n.end < doc.tokens.size() && !n.vague && IsClockWord(LowerToken(doc, n.end).view()) && !known) return false;
  // Labels: "article 5", "aged 25", "No. 3", "#4".
  if (pos > 0 && !prefix) {
    size_t b = pos - 1;
    std::string_view prev = doc.Slice(doc.tokens[b].span);
    if (prev == "#" || prev == "\xE2\x84\x96") return false;  // # and №
    if (prev == "." && b > 0) --b;
    size_t e;
    int u = lex.noun_table.Longest(doc, b, b + 1, &e);
    if (u >= 0 && lex.nouns[u].label && !modified) return false;
  }
  // Designations: a digit numeral right after a capitalised word inside a
  // sentence names a model or document ("Leopard 2 tanks", "Resolution 2231").
  std::string_view numeral_text = doc.Slice(doc.tokens[n.begin].span);
  bool simple = n.plain || (n.end == n.begin + 1 && n.scale == 1 && !n.high && n.suffix_unit.empty() &&
                            numeral_text.find(',') == std::string_view::npos);  // "Starlink 2.0"
  if (!modified && !prefix && simple && doc.tokens[pos].kind == TokenKind::kNumber && pos > ctx.sentence_begin) {
    const Token& prev = doc.tokens[pos - 1];
    bool first_word = true;  // a capitalised first word of the sentence says nothing
    for (size_t k = ctx.sentence_begin; k + 1 < pos && first_word; ++k) {
      first_word = doc.tokens[k].kind != TokenKind::kWord && doc.tokens[k].kind != TokenKind::kNumber;
    }
    if (prev.kind == TokenKind::kWord && prev.capitalized && !first_word && !doc.tokens[pos].newline_before &&
        !IsMonthToken(doc, pos - 1) && util::WeekdayFromName(doc.Slice(prev.span)) == 0) {
      return false;
    }
  }
  q->token_begin = static_cast<int>(i);
  q->token_end = static_cast<int>(end);
  q->span = {doc.tokens[i].span.begin, doc.tokens[end - 1].span.end};
  q->number_span = {doc.tokens[n.begin].span.begin, doc.tokens[numeral_end - 1].span.end};
  q->text = std::string(doc.Slice(q->span));
  if (!n.vague) {
    q->value = n.value;
    q->high = n.high;
  }
  q->approx = approx || n.vague;
  q->bound = min ? "min" : max ? "max" : "";
  q->unit = unit;
  q->noun = noun;
  *next = end;
  return true;
}

}  // namespace

std::vector<Quantity> FindQuantities(const Document& doc, const std::vector<char>* sentences) {
  const Lexicon& lex = Lex();
  std::vector<Quantity> out;
  const size_t n = doc.tokens.size();
  size_t sent = 0;
  for (size_t i = 0; i < n;) {
    while (sent < doc.sentences.size() && doc.sentences[sent].token_end <= i) ++sent;
    if (sentences && sent < doc.sentences.size() && doc.sentences[sent].token_begin <= i &&
        (sent >= sentences->size() || !(*sentences)[sent])) {
      i = doc.sentences[sent].token_end;
      continue;
    }
    Context ctx;
    if (sent < doc.sentences.size() && doc.sentences[sent].token_begin <= i) {
      ctx.sentence_begin = doc.sentences[sent].token_begin;
      ctx.limit = std::min<size_t>(doc.sentences[sent].token_end, n);
    } else {
      ctx.sentence_begin = i;
      ctx.limit = sent < doc.sentences.size() ? std::min<size_t>(doc.sentences[sent].token_begin, n) : n;
    }
    const Token& t = doc.tokens[i];
    bool candidate = t.kind == TokenKind::kNumber;
    if (!candidate && t.kind != TokenKind::kQuote && t.kind != TokenKind::kDash) {
      std::string_view v = doc.Slice(t.span);
      bool number = lex.number_table.MayStartRaw(v);
      size_t e = 0;
      if (number && (v.size() > 2 ||
                     (i + 1 < n && doc.tokens[i + 1].kind == TokenKind::kWord &&
                      lex.number_table.MayStartRaw(doc.Slice(doc.tokens[i + 1].span))) ||
                     (lex.number_table.Longest(doc, i, n, &e) >= 0 && e > i + 1))) {
        candidate = true;  // "a"/"an" only before a number word or in a phrase ("a dozen", "a few")
      } else if (number || lex.mod_table.MayStartRaw(v) || lex.prefix_table.MayStartRaw(v)) {
        // A modifier or sign needs a numeral within the next three tokens.
        for (size_t k = i + 1; k < n && k <= i + 3 && !candidate; ++k) {
          candidate = doc.tokens[k].kind == TokenKind::kNumber ||
                      (doc.tokens[k].kind == TokenKind::kWord && lex.number_table.MayStartRaw(doc.Slice(doc.tokens[k].span)));
        }
      } else if (t.kind == TokenKind::kWord && v.size() >= 9) {
        // "twenty-five": the tens words are five to seven letters long.
        size_t dash = v[5] == '-' ? 5 : v[6] == '-' ? 6 : v[7] == '-' ? 7 : 0;
        candidate = dash != 0 && lex.number_table.MayStartRaw(v.substr(0, dash));
      }
    }
    if (candidate) {
      Quantity q;
      size_t next = i + 1;
      if (ReadQuantity(doc, i, ctx, &q, &next)) {
        out.push_back(std::move(q));
        i = next > i ? next : i + 1;
        continue;
      }
    }
    ++i;
  }
  return out;
}

namespace extract {

bool PlainNumberAt(const Document& doc, size_t i, size_t limit, double* value, size_t* end) {
  if (i >= limit || i >= doc.tokens.size()) return false;
  const Lexicon& lex = Lex();
  LowerToken w(doc, i);
  int p = lex.number_table.Single(w.view());
  Numeral n;
  if (IsKind(lex, p, NumKind::kArticle) && !ReadNumberWords(doc, i, limit, &n)) {
    *value = 1;
    *end = i + 1;
    return true;
  }
  if (doc.tokens[i].kind == TokenKind::kWord ? !ReadNumberWords(doc, i, limit, &n) : !ReadNumeral(doc, i, limit, &n)) {
    return false;
  }
  if (n.vague || n.high || !n.value || !n.suffix_unit.empty()) return false;
  *value = *n.value;
  *end = n.end;
  return true;
}

std::string_view CountedNounUnitAt(const Document& doc, size_t i) {
  if (i >= doc.tokens.size()) return {};
  size_t e;
  int u = CountedNounAt(doc, i, doc.tokens.size(), &e);
  return u < 0 ? std::string_view() : std::string_view(Lex().nouns[u].unit);
}

}  // namespace extract
}  // namespace claimtrace
