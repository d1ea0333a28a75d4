// Time expressions in one left-to-right pass over tokens. Only digit tokens,
// capitalised month and weekday names, and the first words of
// data/lexicons/en/time_words.txt start a reading (one bit test for the rest);
// "<number> <unit> ago" is read backwards from "ago". Calendar arithmetic is in
// util/dates (std::chrono).
#include "extract/time_expr.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "extract/phrase_table.h"
#include "extract/quantity.h"
#include "util/data.h"
#include "util/dates.h"
#include "util/utf8.h"

namespace claimtrace {
namespace {

using extract::LowerToken;
using extract::PhraseTable;
using util::Ymd;

enum class Kind { kDay, kOvernight, kRel, kEarlier, kUnit, kAgo, kPast, kSince, kPart, kPrep, kQualifier, kSome };
enum class Unit { kNone, kHour, kDay, kWeek, kWeekend, kMonth, kYear };

struct TimeWord {
  Kind kind = Kind::kDay;
  int n = 0;
  Unit unit = Unit::kNone;
};

struct Lexicon {
  std::vector<TimeWord> words;
  PhraseTable table;
};

[[noreturn]] void Broken(const std::string& what) {
  std::fprintf(stderr, "claimtrace: broken data file: %s\n", what.c_str());
  std::abort();
}

const Lexicon& Lex() {
  static const Lexicon lex = [] {
    const char* kName = "lexicons/en/time_words.txt";
    auto r = util::ParseLexicon(kName, util::EmbeddedFile(kName));
    if (!r.ok()) Broken(r.status().ToString());
    Lexicon out;
    for (const auto& e : r.value()) {
      std::string where = std::string(kName) + ":" + std::to_string(e.line);
      if (e.tags.size() != 1) Broken(where + ": needs exactly one tag");
      const std::string& tag = e.tags[0];
      TimeWord w;
      auto number = [&](std::string_view v) {
        char* endp = nullptr;
        std::string s(v);
        long x = std::strtol(s.c_str(), &endp, 10);
        if (s.empty() || *endp != '\0') Broken(where + ": bad number in '" + tag + "'");
        return static_cast<int>(x);
      };
      if (tag.rfind("day=", 0) == 0) w.kind = Kind::kDay, w.n = number(tag.substr(4));
      else if (tag.rfind("rel=", 0) == 0) w.kind = Kind::kRel, w.n = number(tag.substr(4));
      else if (tag.rfind("unit=", 0) == 0) {
        w.kind = Kind::kUnit;
        std::string u = tag.substr(5);
        w.unit = u == "hour" ? Unit::kHour : u == "day" ? Unit::kDay : u == "week" ? Unit::kWeek
               : u == "weekend" ? Unit::kWeekend : u == "month" ? Unit::kMonth : u == "year" ? Unit::kYear
               : Unit::kNone;
        if (w.unit == Unit::kNone) Broken(where + ": unknown unit '" + u + "'");
      } else if (tag == "overnight") w.kind = Kind::kOvernight;
      else if (tag == "earlier") w.kind = Kind::kEarlier;
      else if (tag == "ago") w.kind = Kind::kAgo;
      else if (tag == "past") w.kind = Kind::kPast;
      else if (tag == "since") w.kind = Kind::kSince;
      else if (tag == "part") w.kind = Kind::kPart;
      else if (tag == "prep") w.kind = Kind::kPrep;
      else if (tag == "qualifier") w.kind = Kind::kQualifier;
      else if (tag == "some") w.kind = Kind::kSome;
      else Broken(where + ": unknown tag '" + tag + "'");
      for (const auto& f : e.forms) out.table.Add(f, static_cast<int>(out.words.size()));
      out.words.push_back(w);
    }
    return out;
  }();
  return lex;
}

// Bytes of a possessive ending ("'s", "’s") on a token, or 0.
size_t PossessiveBytes(std::string_view s) {
  if (s.size() > 2 && s.compare(s.size() - 2, 2, "'s") == 0) return 2;
  if (s.size() > 4 && s.compare(s.size() - 4, 4, "\xE2\x80\x99s") == 0) return 4;
  return 0;
}

// The lower-cased token without a possessive ending.
LowerToken Key(const Document& doc, size_t k) {
  std::string_view s = doc.Slice(doc.tokens[k].span);
  return LowerToken(s.substr(0, s.size() - PossessiveBytes(s)));
}

const TimeWord* WordAt(const Document& doc, size_t k, size_t limit, size_t* end) {
  if (k >= limit || doc.tokens[k].kind != TokenKind::kWord) return nullptr;
  const Lexicon& lex = Lex();
  std::string_view raw = doc.Slice(doc.tokens[k].span);
  if (!lex.table.MayStartRaw(raw) && !lex.table.MayStartRaw(raw.substr(0, raw.size() - PossessiveBytes(raw)))) {
    return nullptr;
  }
  LowerToken key = Key(doc, k);
  int p = lex.table.Longest(doc, key.view(), k, limit, end);
  return p < 0 ? nullptr : &lex.words[p];
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits-only integer value of s, or -1.
int Int(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int Month(const Document& doc, size_t k, bool* abbreviated) {
  const Token& t = doc.tokens[k];
  if (t.kind != TokenKind::kWord || !t.capitalized) return 0;
  std::string_view s = doc.Slice(t.span);
  s.remove_suffix(PossessiveBytes(s));
  int m = util::MonthFromName(s);
  if (m != 0 && abbreviated) *abbreviated = s.size() <= 4 && s != "June" && s != "July" && s != "May";
  return m;
}

int Weekday(const Document& doc, size_t k) {
  const Token& t = doc.tokens[k];
  if (t.kind != TokenKind::kWord || !t.capitalized) return 0;
  std::string_view s = doc.Slice(t.span);
  s.remove_suffix(PossessiveBytes(s));
  return s.size() >= 6 ? util::WeekdayFromName(s) : 0;  // full names only: "Sun", "Wed" are too often other words
}

// A day number "23", "23rd", or a day range "13-14"; false otherwise.
bool DayNumber(const Document& doc, size_t k, int* day, int* end_day) {
  const Token& t = doc.tokens[k];
  if (t.kind != TokenKind::kNumber) return false;
  std::string_view s = doc.Slice(t.span);
  size_t dash = s.find('-');
  std::string_view a = s.substr(0, dash);
  if (a.size() > 2) {
    std::string_view suf = a.substr(a.size() - 2);
    if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") a.remove_suffix(2);
  }
  int d = Int(a);
  if (d < 1 || d > 31 || a.size() > 2) return false;
  int e = 0;
  if (dash != std::string_view::npos) {
    e = Int(s.substr(dash + 1));
    if (e <= d || e > 31) return false;
  }
  *day = d;
  *end_day = e;
  return true;
}

int Year4(const Document& doc, size_t k) {
  const Token& t = doc.tokens[k];
  if (t.kind != TokenKind::kNumber) return -1;
  std::string_view s = doc.Slice(t.span);
  if (s.size() != 4) return -1;
  int y = Int(s);
  return (y >= 1900 && y <= 2100) ? y : -1;
}

bool IsPunct(const Document& doc, size_t k, std::string_view p) {
  return k < doc.tokens.size() && doc.Slice(doc.tokens[k].span) == p;
}

struct When {
  int year = 0, month = 0, day = 0, end_day = 0;
};

// An absolute date at token i. `bare_ok`: a month or year alone counts (after a
// preposition or qualifier). Sets *end one past its last token.
bool ReadAbsolute(const Document& doc, size_t i, size_t limit, bool bare_ok, When* w, size_t* end) {
  const Token& t = doc.tokens[i];
  const size_t n = limit;
  if (t.kind == TokenKind::kNumber) {
    std::string_view s = doc.Slice(t.span);
    Ymd d;
    if (s.size() == 10 && util::ParseIsoDate(s, &d)) {
      *w = {d.year, d.month, d.day, 0};
      *end = i + 1;
      return true;
    }
    // 23.03.2022, 23-03-2022, 23.03.22: day first.
    for (char sep : {'.', '-'}) {
      auto parts = util::Split(s, sep);
      if (parts.size() == 3 && parts[0].size() <= 2 && parts[1].size() <= 2 &&
          (parts[2].size() == 4 || (parts[2].size() == 2 && sep == '.'))) {
        int dd = Int(parts[0]), mm = Int(parts[1]), yy = Int(parts[2]);
        if (dd < 0 || mm < 0 || yy < 0) return false;
        if (parts[2].size() == 2) yy += 2000;
        Ymd x{yy, mm, dd};
        if (!x.valid()) return false;
        *w = {yy, mm, dd, 0};
        *end = i + 1;
        return true;
      }
    }
    // 23/03/2022
    if (i + 4 < n && IsPunct(doc, i + 1, "/") && IsPunct(doc, i + 3, "/") && !doc.tokens[i + 1].space_before &&
        !doc.tokens[i + 2].space_before && !doc.tokens[i + 3].space_before && !doc.tokens[i + 4].space_before) {
      int a = Int(s), b = Int(doc.Slice(doc.tokens[i + 2].span)), y = Year4(doc, i + 4);
      if (a > 0 && b > 0 && y > 0) {
        Ymd x = b > 12 ? Ymd{y, a, b} : Ymd{y, b, a};
        if (!x.valid()) return false;
        *w = {x.year, x.month, x.day, 0};
        *end = i + 5;
        return true;
      }
      return false;
    }
    int day = 0, end_day = 0;
    if (DayNumber(doc, i, &day, &end_day)) {
      size_t k = i + 1;
      if (k < n && LowerToken(doc, k).view() == "of") ++k;
      bool abbr = false;
      int m = k < n ? Month(doc, k, &abbr) : 0;
      if (m == 0) return false;
      ++k;
      if (abbr && k < n && IsPunct(doc, k, ".") && !doc.tokens[k].space_before) ++k;
      *w = {0, m, day, end_day};
      size_t y = k < n && IsPunct(doc, k, ",") ? k + 1 : k;
      if (y < n && Year4(doc, y) > 0 && extract::CountedNounUnitAt(doc, y + 1).empty()) {
        w->year = Year4(doc, y);
        k = y + 1;
      } else if (k < n && y == k && doc.tokens[k].kind == TokenKind::kNumber && doc.Slice(doc.tokens[k].span).size() == 2 &&
                 Int(doc.Slice(doc.tokens[k].span)) >= 0 &&
                 (k + 1 >= doc.tokens.size() || doc.tokens[k + 1].kind != TokenKind::kWord ||
                  doc.tokens[k + 1].newline_before)) {
        w->year = 2000 + Int(doc.Slice(doc.tokens[k].span));  // "23rd Mar 22"
        k = k + 1;
      }
      *end = k;
      return true;
    }
    int y = Year4(doc, i);
    if (bare_ok && y > 0 && extract::CountedNounUnitAt(doc, i + 1).empty()) {
      *w = {y, 0, 0, 0};
      *end = i + 1;
      return true;
    }
    return false;
  }
  // Month first: "March 23, 2022", "March 23", "March 2022", "in March".
  bool abbr = false;
  int m = Month(doc, i, &abbr);
  if (m == 0) {
    // "mid-March", "mid-2022"
    if (t.kind != TokenKind::kWord) return false;
    LowerToken low(doc, i);
    std::string_view v = low.view();
    size_t dash = v.find('-');
    if (dash == std::string_view::npos) return false;
    std::string_view head = v.substr(0, dash);
    if (head != "mid" && head != "early" && head != "late") return false;
    std::string_view rest = doc.Slice(t.span).substr(dash + 1);
    int rm = util::MonthFromName(rest);
    int ry = Int(rest);
    if (rm != 0 && rest.size() >= 3) *w = {0, rm, 0, 0};
    else if (ry >= 1900 && ry <= 2100) *w = {ry, 0, 0, 0};
    else return false;
    size_t k = i + 1;
    if (rm != 0 && k < n && Year4(doc, k) > 0) w->year = Year4(doc, k++);
    *end = k;
    return true;
  }
  size_t k = i + 1;
  if (abbr && k < n && IsPunct(doc, k, ".") && !doc.tokens[k].space_before) ++k;
  int day = 0, end_day = 0;
  if (k < n && DayNumber(doc, k, &day, &end_day) && !IsPunct(doc, k + 1, ":") &&
      extract::CountedNounUnitAt(doc, k + 1).empty()) {
    *w = {0, m, day, end_day};
    ++k;
    size_t y = k < n && IsPunct(doc, k, ",") ? k + 1 : k;
    if (y < n && Year4(doc, y) > 0 && extract::CountedNounUnitAt(doc, y + 1).empty()) {
      w->year = Year4(doc, y);
      k = y + 1;
    }
    *end = k;
    return true;
  }
  size_t y = k < n && IsPunct(doc, k, ",") ? k + 1 : k;
  if (y < n && Year4(doc, y) > 0 && extract::CountedNounUnitAt(doc, y + 1).empty()) {
    *w = {Year4(doc, y), m, 0, 0};
    *end = y + 1;
    return true;
  }
  if (!bare_ok || abbr) return false;
  *w = {0, m, 0, 0};
  *end = k;
  return true;
}

struct Found {
  size_t begin = 0, end = 0;
  size_t skip = 0;  // set when a date was read but cannot exist ("29 February 2023"): not re-read in parts
  std::string date, end_date, granularity;
  bool relative = false;
};

std::string IsoMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}
std::string IsoYear(int y) { return std::to_string(y); }

// Resolves an absolute reading; false when the date cannot exist.
bool Resolve(const When& w, const std::optional<Ymd>& pub, Found* f) {
  f->granularity = w.day ? (w.end_day ? "range" : "day") : w.month ? "month" : "year";
  int year = w.year;
  if (year == 0) {
    f->relative = true;
    if (!pub) return Ymd{2000, w.month, w.day ? w.day : 1}.valid();  // unresolved but possible (2000: leap)
    Ymd r;
    if (!util::ResolveYearless(w.month, w.day, *pub, &r)) return false;
    year = r.year;
  }
  if (w.day) {
    Ymd d{year, w.month, w.day};
    if (!d.valid()) return false;
    f->date = d.Iso();
    if (w.end_day) {
      Ymd e{year, w.month, w.end_day};
      if (!e.valid()) return false;
      f->end_date = e.Iso();
    }
  } else if (w.month) {
    f->date = IsoMonth(year, w.month);
  } else {
    f->date = IsoYear(year);
  }
  return true;
}

// pub shifted by n units, for "two days ago" and "the past 24 hours".
Ymd Shift(const Ymd& pub, Unit u, int n) {
  switch (u) {
    case Unit::kHour: return util::AddDays(pub, -((n + 23) / 24));
    case Unit::kDay: return util::AddDays(pub, -n);
    case Unit::kWeek:
    case Unit::kWeekend: return util::AddDays(pub, -7 * n);
    case Unit::kMonth:
    case Unit::kYear: {
      Ymd first = util::AddMonths(pub, u == Unit::kMonth ? -n : -12 * n);
      Ymd d{first.year, first.month, pub.day};
      while (!d.valid() && d.day > 28) --d.day;
      return d;
    }
    default: return pub;
  }
}

// "last week", "this month", "next year", "earlier this week".
bool ResolvePeriod(Unit u, int rel, bool earlier, const Ymd& pub, Found* f) {
  switch (u) {
    case Unit::kWeek: {
      Ymd monday = util::AddDays(pub, 1 - util::IsoWeekday(pub) + 7 * rel);
      f->date = monday.Iso();
      f->end_date = earlier ? pub.Iso() : util::AddDays(monday, 6).Iso();
      f->granularity = "week";
      return true;
    }
    case Unit::kWeekend: {
      // The Saturday–Sunday of the publication week; "last weekend": the one
      // that ended before publication.
      Ymd sat = util::AddDays(pub, 6 - util::IsoWeekday(pub));
      if (rel < 0) sat = util::AddDays(sat, util::IsoWeekday(pub) == 7 ? -7 : -7);
      if (rel > 0) sat = util::AddDays(sat, 7);
      f->date = sat.Iso();
      f->end_date = util::AddDays(sat, 1).Iso();
      f->granularity = "range";
      return true;
    }
    case Unit::kMonth: {
      Ymd m = util::AddMonths(pub, rel);
      f->date = IsoMonth(m.year, m.month);
      f->granularity = "month";
      return true;
    }
    case Unit::kYear:
      f->date = IsoYear(pub.year + rel);
      f->granularity = "year";
      return true;
    default:
      return false;
  }
}

// The weekday `wd` relative to pub: rel -1 strictly before, 0 in the
// publication week, +1 strictly after; `bare` ("Friday", "on Friday"): on or before.
Ymd ResolveWeekday(int wd, int rel, bool bare, const Ymd& pub) {
  int pw = util::IsoWeekday(pub);
  if (bare) return util::AddDays(pub, -((pw - wd + 7) % 7));
  if (rel < 0) {
    int back = (pw - wd + 7) % 7;
    return util::AddDays(pub, -(back == 0 ? 7 : back));
  }
  if (rel > 0) {
    int ahead = (wd - pw + 7) % 7;
    return util::AddDays(pub, ahead == 0 ? 7 : ahead);
  }
  return util::AddDays(pub, wd - pw);
}

class Finder {
 public:
  Finder(const Document& doc) : doc_(doc), n_(doc.tokens.size()) {
    Ymd p;
    if (doc.published && util::ParseIsoDate(*doc.published, &p)) pub_ = p;
  }

  std::vector<TimeExpr> Run(const std::vector<char>* sentences) {
    size_t sent = 0;
    for (size_t i = 0; i < n_;) {
      while (sent < doc_.sentences.size() && doc_.sentences[sent].token_end <= i) ++sent;
      if (sentences && sent < doc_.sentences.size() && doc_.sentences[sent].token_begin <= i &&
          (sent >= sentences->size() || !(*sentences)[sent])) {
        i = doc_.sentences[sent].token_end;
        continue;
      }
      limit_ = (sent < doc_.sentences.size() && doc_.sentences[sent].token_begin <= i)
                   ? std::min<size_t>(doc_.sentences[sent].token_end, n_)
                   : n_;
      Found f;
      if (ReadAt(i, &f)) {
        Emit(f);
        i = f.end;
        continue;
      }
      i = f.skip > i ? f.skip : i + 1;
    }
    return std::move(out_);
  }

 private:
  // Any expression starting at token i (or, for "ago", ending at it).
  bool ReadAt(size_t i, Found* f) {
    const Token& t = doc_.tokens[i];
    if (t.kind == TokenKind::kNumber) return ReadDate(i, false, f);
    if (t.kind != TokenKind::kWord) return false;
    size_t e;
    if (const TimeWord* w = WordAt(doc_, i, limit_, &e)) {
      if (ReadWord(*w, i, e, f)) return true;
    }
    if (t.capitalized) {
      if (int wd = Weekday(doc_, i)) return ReadWeekday(wd, i, i, 0, true, f);
      if (Month(doc_, i, nullptr)) return ReadDate(i, false, f);
    }
    if (t.span.size() > 4) {  // "mid-March", "early-2022"
      LowerToken low(doc_.Slice(t.span).substr(0, 6));
      std::string_view v = low.view();
      if (v.rfind("mid-", 0) == 0 || v.rfind("early-", 0) == 0 || v.rfind("late-", 0) == 0) return ReadDate(i, false, f);
    }
    return false;
  }

  bool ReadDate(size_t i, bool bare_ok, Found* f) {
    When w;
    size_t e;
    if (!ReadAbsolute(doc_, i, limit_, bare_ok, &w, &e)) return false;
    f->begin = i;
    f->end = e;
    if (!Resolve(w, pub_, f)) {
      f->skip = e;
      return false;
    }
    if (w.day) AbsorbPart(f);
    return true;
  }

  // "Friday", "last Friday", "Friday, March 25", "Friday night".
  bool ReadWeekday(int wd, size_t begin, size_t i, int rel, bool bare, Found* f) {
    f->begin = begin;
    f->end = i + 1;
    // A written date after the weekday decides.
    size_t k = IsPunct(doc_, i + 1, ",") ? i + 2 : i + 1;
    if (k < limit_ && bare) {
      Found d;
      if (ReadDate(k, false, &d) && d.granularity == "day") {
        d.begin = begin;
        *f = d;
        return true;
      }
    }
    f->granularity = "day";
    f->relative = true;
    if (pub_) f->date = ResolveWeekday(wd, rel, bare, *pub_).Iso();
    AbsorbPart(f);
    return true;
  }

  bool ReadWord(const TimeWord& w, size_t i, size_t e, Found* f) {
    f->begin = i;
    f->end = e;
    switch (w.kind) {
      case Kind::kDay:
        f->granularity = "day";
        f->relative = true;
        if (pub_) f->date = util::AddDays(*pub_, w.n).Iso();
        AbsorbPart(f);
        return true;
      case Kind::kOvernight:
        f->granularity = "range";
        f->relative = true;
        if (pub_) f->date = util::AddDays(*pub_, -1).Iso(), f->end_date = pub_->Iso();
        return true;
      case Kind::kRel:
      case Kind::kEarlier: {
        if (e >= limit_) return false;
        int rel = w.kind == Kind::kEarlier ? 0 : w.n;
        size_t e2;
        const TimeWord* next = WordAt(doc_, e, limit_, &e2);
        if (next && next->kind == Kind::kUnit && next->unit != Unit::kHour && next->unit != Unit::kDay) {
          f->end = e2;
          f->relative = true;
          if (pub_) return ResolvePeriod(next->unit, rel, w.kind == Kind::kEarlier, *pub_, f);
          f->granularity = next->unit == Unit::kWeek ? "week" : next->unit == Unit::kMonth ? "month"
                         : next->unit == Unit::kYear ? "year" : "range";
          return true;
        }
        if (w.kind == Kind::kRel) {
          if (int wd = Weekday(doc_, e)) return ReadWeekday(wd, i, e, rel, false, f);
          if (int m = Month(doc_, e, nullptr); m != 0 && !Year4Follows(e + 1)) {
            f->end = e + 1;
            f->granularity = "month";
            f->relative = true;
            if (pub_) {
              int y = pub_->year;
              if (rel < 0 && m >= pub_->month) --y;
              if (rel > 0 && m <= pub_->month) ++y;
              f->date = IsoMonth(y, m);
            }
            return true;
          }
        }
        return false;
      }
      case Kind::kPast: return ReadPast(i, e, f);
      case Kind::kSince: {
        Found start;
        if (e >= limit_ || !ReadStart(e, &start)) return false;
        f->end = start.end;
        f->granularity = "range";
        f->relative = true;
        if (start.date.empty()) return true;
        f->date = start.date;
        if (pub_) f->end_date = pub_->Iso();
        return true;
      }
      case Kind::kAgo: return ReadAgo(i, f);
      case Kind::kPrep: {
        if (e >= limit_) return false;
        Found d;
        if (!ReadDate(e, true, &d)) return false;
        *f = d;  // the preposition stays outside the span
        return true;
      }
      case Kind::kQualifier: {
        if (e >= limit_) return false;
        Found d;
        if (!ReadDate(e, true, &d) || d.granularity == "day" || d.granularity == "range") return false;
        d.begin = i;
        *f = d;
        return true;
      }
      default:
        return false;
    }
  }

  bool Year4Follows(size_t k) const { return k < limit_ && Year4(doc_, k) > 0; }

  // What may follow "since": a date, a bare month or year, a weekday, "yesterday", "last week".
  bool ReadStart(size_t k, Found* f) {
    if (ReadDate(k, true, f)) return true;
    if (int wd = Weekday(doc_, k)) return ReadWeekday(wd, k, k, 0, true, f);
    size_t e;
    const TimeWord* w = WordAt(doc_, k, limit_, &e);
    if (w && (w->kind == Kind::kDay || w->kind == Kind::kRel || w->kind == Kind::kEarlier ||
              w->kind == Kind::kQualifier)) {
      return ReadWord(*w, k, e, f);
    }
    return false;
  }

  // "over the past 24 hours", "the past week", "in the last three days".
  bool ReadPast(size_t i, size_t e, Found* f) {
    size_t k = e;
    double count = 1;
    bool some = false;
    size_t e2;
    if (k < limit_) {
      const TimeWord* w = WordAt(doc_, k, limit_, &e2);
      if (w && w->kind == Kind::kSome) {
        some = true;
        k = e2;
      } else if (extract::PlainNumberAt(doc_, k, limit_, &count, &e2)) {
        k = e2;
      }
    }
    const TimeWord* u = WordAt(doc_, k, limit_, &e2);
    if (!u || u->kind != Kind::kUnit || count < 1 || count > 100000) return false;
    f->end = e2;
    f->granularity = "range";
    f->relative = true;
    if (pub_ && !some) {
      f->date = Shift(*pub_, u->unit, static_cast<int>(count)).Iso();
      f->end_date = pub_->Iso();
    }
    return true;
  }

  // "<number> <unit> ago", read back from "ago" at token i.
  bool ReadAgo(size_t i, Found* f) {
    if (i < 2) return false;
    size_t e;
    const TimeWord* u = WordAt(doc_, i - 1, i, &e);
    if (!u || u->kind != Kind::kUnit) return false;
    // The number: one token, or "a few"/"a couple of" (up to three).
    size_t floor = out_.empty() ? 0 : static_cast<size_t>(out_.back().token_end);
    for (size_t back = 3; back >= 1; --back) {  // longest first: "a few days ago", not "few days ago"
      if (i - 1 < back + floor) continue;
      size_t b = i - 1 - back;
      double count = 0;
      size_t ne;
      const TimeWord* s = WordAt(doc_, b, i - 1, &ne);
      bool some = s && s->kind == Kind::kSome && ne == i - 1;
      bool num = !some && extract::PlainNumberAt(doc_, b, i - 1, &count, &ne) && ne == i - 1;
      if (!some && !num) continue;
      if (num && (count < 1 || count > 100000)) return false;
      f->begin = b;
      f->end = i + 1;
      f->relative = true;
      f->granularity = u->unit == Unit::kMonth ? "month" : u->unit == Unit::kYear ? "year" : "day";
      if (pub_ && num) {
        Ymd d = Shift(*pub_, u->unit, static_cast<int>(count));
        f->date = u->unit == Unit::kMonth ? IsoMonth(d.year, d.month) : u->unit == Unit::kYear ? IsoYear(d.year)
                                                                                             : d.Iso();
      }
      return true;
    }
    return false;
  }

  // "Friday night", "yesterday morning".
  void AbsorbPart(Found* f) {
    size_t e;
    const TimeWord* w = WordAt(doc_, f->end, limit_, &e);
    if (w && w->kind == Kind::kPart) f->end = e;
  }

  void Emit(const Found& f) {
    if (f.end <= f.begin || f.end > n_) return;
    if (!out_.empty() && static_cast<size_t>(out_.back().token_end) > f.begin) return;
    TimeExpr t;
    t.token_begin = static_cast<int>(f.begin);
    t.token_end = static_cast<int>(f.end);
    const Token& last = doc_.tokens[f.end - 1];
    uint32_t end = last.span.end - static_cast<uint32_t>(PossessiveBytes(doc_.Slice(last.span)));
    t.span = {doc_.tokens[f.begin].span.begin, end};
    t.text = std::string(doc_.Slice(t.span));
    t.date = f.date;
    t.end_date = f.end_date;
    t.granularity = f.granularity;
    t.relative = f.relative;
    out_.push_back(std::move(t));
  }

  const Document& doc_;
  const size_t n_;
  size_t limit_ = 0;
  std::optional<Ymd> pub_;
  std::vector<TimeExpr> out_;
};

}  // namespace

std::vector<TimeExpr> FindTimes(const Document& doc, const std::vector<char>* sentences) {
  return Finder(doc).Run(sentences);
}

}  // namespace claimtrace
