// A small token-based date reader: a line is split into words, every word must
// be a date part, a time part or a known filler, and day, month and year must
// all be found. Two-digit years are read as 20YY.
#include "util/dates.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "util/utf8.h"

namespace claimtrace::util {

bool Ymd::valid() const {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::string Ymd::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int MonthFromName(std::string_view word) {
  static const char* kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                 "july",    "august",   "september", "october", "november", "december"};
  // Lower-cased into a small buffer: this runs on every capitalised token.
  char buf[12];
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > sizeof buf) return 0;
  for (size_t k = 0; k < word.size(); ++k) buf[k] = AsciiLowerChar(word[k]);
  std::string_view w(buf, word.size());
  if (w == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    std::string_view name(kNames[i]);
    if (w == name || (w.size() == 3 && name.substr(0, 3) == w)) return i + 1;
  }
  return 0;
}

int WeekdayFromName(std::string_view word) {
  static const char* kNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  char buf[12];
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > sizeof buf) return 0;
  for (size_t k = 0; k < word.size(); ++k) buf[k] = AsciiLowerChar(word[k]);
  std::string_view w(buf, word.size());
  if (w == "tues") return 2;
  if (w == "thur" || w == "thurs") return 4;
  for (int i = 0; i < 7; ++i) {
    std::string_view name(kNames[i]);
    if (w == name || (w.size() == 3 && name.substr(0, 3) == w)) return i + 1;
  }
  return 0;
}

bool ParseIsoDate(std::string_view s, Ymd* out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (s.size() > 10 && (s[10] >= '0' && s[10] <= '9')) return false;
  Ymd d;
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  d.month = (s[5] - '0') * 10 + (s[6] - '0');
  d.day = (s[8] - '0') * 10 + (s[9] - '0');
  if (!d.valid()) return false;
  *out = d;
  return true;
}

namespace {

std::chrono::sys_days ToSysDays(const Ymd& d) {
  return std::chrono::sys_days(std::chrono::year(d.year) / std::chrono::month(static_cast<unsigned>(d.month)) /
                               std::chrono::day(static_cast<unsigned>(d.day)));
}

}  // namespace

int DaysFromEpoch(const Ymd& d) { return static_cast<int>(ToSysDays(d).time_since_epoch().count()); }

Ymd DateFromDays(int days) {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  return Ymd{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
             static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Ymd AddDays(const Ymd& d, int days) { return DateFromDays(DaysFromEpoch(d) + days); }

int IsoWeekday(const Ymd& d) { return static_cast<int>(std::chrono::weekday(ToSysDays(d)).iso_encoding()); }

Ymd AddMonths(const Ymd& d, int months) {
  int index = d.year * 12 + (d.month - 1) + months;
  return Ymd{index / 12, index % 12 + 1, 1};
}

bool ResolveYearless(int month, int day, const Ymd& published, Ymd* out) {
  if (month < 1 || month > 12 || day < 0 || day > 31) return false;
  Ymd probe{published.year, month, day == 0 ? 1 : day};
  // Compare on the 28th at most so that an impossible day (31 April) still picks a year.
  Ymd safe{probe.year, month, probe.day > 28 ? 28 : probe.day};
  if (DaysFromEpoch(safe) - DaysFromEpoch(published) > kYearlessLookaheadDays) --probe.year;
  if (day != 0 && !probe.valid()) return false;
  *out = probe;
  return true;
}

namespace {

bool IsFiller(const std::string& w) {
  static const char* kFill[] = {"published", "updated", "last", "posted", "first", "on", "at", "am", "pm", "a.m.",
                                "p.m.", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "msk", "eet",
                                "eest", "et", "of", "the", "|", "-", "–", "—", "·", "•", ","};
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                "mon",    "tue",     "tues",      "wed",      "thu",    "thur",     "thurs",
                                "fri",    "sat",     "sun"};
  for (const char* f : kFill) {
    if (w == f) return true;
  }
  for (const char* d : kDays) {
    if (w == d) return true;
  }
  return false;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

bool ParseDateLine(std::string_view line, Ymd* out) {
  line = Trim(line);
  if (line.empty() || line.size() > 80) return false;
  std::vector<std::string> words;
  std::string cur;
  for (char c : line) {
    if (c == ' ' || c == ',' || c == '\t' || (c == ':' && cur.empty())) {
      if (!cur.empty()) words.push_back(AsciiLower(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(AsciiLower(cur));
  Ymd d;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (!w.empty() && w.back() == ':') w.pop_back();
    // "Published 14 March 2024 | Updated 15 March 2024": the first date is the
    // publication date; the rest must itself be a date line.
    if (w == "updated" && d.year && d.month && d.day) {
      std::string rest;
      for (size_t k = i; k < words.size(); ++k) rest += words[k] + " ";
      Ymd updated;
      if (!ParseDateLine(rest, &updated)) return false;
      break;
    }
    if (w.empty() || IsFiller(w)) continue;
    if (w.size() == 10 && w[4] == '-' && w[7] == '-' && AllDigits(w.substr(0, 4)) && AllDigits(w.substr(5, 2)) &&
        AllDigits(w.substr(8, 2))) {
      d.year = std::stoi(w.substr(0, 4));
      d.month = std::stoi(w.substr(5, 2));
      d.day = std::stoi(w.substr(8, 2));
      continue;
    }
    if (int m = MonthFromName(w); m != 0 && d.month == 0) {
      d.month = m;
      continue;
    }
    // Times: 11:42, 11.42, 11:42am
    if (w.find(':') != std::string::npos || (w.size() <= 7 && (w.find("am") != std::string::npos ||
                                                                 w.find("pm") != std::string::npos) &&
                                              std::isdigit(static_cast<unsigned char>(w[0])))) {
      continue;
    }
    std::string digits = w;
    for (const char* suf : {"st", "nd", "rd", "th"}) {
      if (digits.size() > 2 && digits.compare(digits.size() - 2, 2, suf) == 0) digits.resize(digits.size() - 2);
    }
    if (!AllDigits(digits)) return false;
    int n = std::stoi(digits.substr(0, 6));
    if (digits.size() == 4) {
      if (d.year) return false;
      d.year = n;
    } else if (digits.size() <= 2 && d.day == 0 && (d.month == 0 || d.year == 0) && n >= 1 && n <= 31 &&
               !(d.month != 0 && d.year == 0 && digits != w && false)) {
      d.day = n;
    } else if (digits.size() == 2 && d.year == 0 && d.day != 0 && d.month != 0) {
      d.year = 2000 + n;
    } else {
      return false;
    }
  }
  if (!d.valid()) return false;
  *out = d;
  return true;
}

}  // namespace claimtrace::util
