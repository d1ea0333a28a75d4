// Time expressions: absolute and relative dates in a segmented document,
// resolved against the publication date (doc.published) when it is known.
//
// FindTimes reads doc.tokens in one pass and returns expressions in text order,
// never overlapping. Stateless and thread-safe; the first call parses the
// embedded data/lexicons/en/time_words.txt (a broken file aborts with its line).
//
// Absolute: "13 September", "November 3", "23rd Mar 22", "March 23, 2022",
// "2022-03-23", "23.03.2022", "23/03/2022" (day first unless the second number
// exceeds 12), "13-14 September" (a range), "March 2022", "in March", "in
// 2022", "mid-March", "early March", "the end of 2022". A bare month or year
// needs a preposition or qualifier before it ("in March", "since 2014"); the
// preposition is not part of the span, a qualifier is.
//
// Relative (relative = true; date "" without a publication date): "today",
// "yesterday", "last night", "this morning", "overnight" (the previous day to
// the publication day), "on Friday" / "Friday" (the most recent Friday on or
// before publication, so the publication day itself when it is a Friday),
// "last Friday" (strictly before), "this Friday" (in the publication week),
// "next Friday" (strictly after), "last week" (the previous Monday–Sunday),
// "this week", "earlier this week" (Monday to publication), "last month",
// "earlier this month" ("YYYY-MM"), "last year", "two days ago", "a week ago",
// "since February 24" (to publication), "over the past 24 hours" (a range
// ending at publication).
//
// A date written without a year takes the publication year, unless that puts it
// more than two months (util::kYearlessLookaheadDays) after publication: then
// the previous year. Such dates are marked relative, as their year comes from
// the publication date.
//
// A possessive is a time reference too: "Friday's statement" gives "Friday"
// (the span leaves out the "'s"); whether it dates an event is the claim
// assembler's decision. Future references ("will meet on Friday") resolve by
// the same rules and may be wrong; so may "this Friday" said of a past day.
#ifndef CLAIMTRACE_EXTRACT_TIME_EXPR_H_
#define CLAIMTRACE_EXTRACT_TIME_EXPR_H_

#include <string>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace {

struct TimeExpr {
  Span span;
  std::string text;         // doc.text of `span`
  std::string date;         // "YYYY-MM-DD", "YYYY-MM" or "YYYY" as far as known; "" when unresolved
  std::string end_date;     // last day of a range or period ("last week", "since …"); else ""
  std::string granularity;  // "day", "week", "month", "year" or "range"
  bool relative = false;    // resolved from the publication date
  int token_begin = 0, token_end = 0;  // [token_begin, token_end) in doc.tokens
};

// With `sentences`, only the sentences whose entry is non-zero are searched.
std::vector<TimeExpr> FindTimes(const Document& doc, const std::vector<char>* sentences = nullptr);

}  // namespace claimtrace

#endif  // CLAIMTRACE_EXTRACT_TIME_EXPR_H_
