// Date parsing shared by clean (datelines) and, later, extract (event time).
#ifndef CLAIMTRACE_UTIL_DATES_H_
#define CLAIMTRACE_UTIL_DATES_H_

#include <string>
#include <string_view>

namespace claimtrace::util {

struct Ymd {
  int year = 0, month = 0, day = 0;
  bool valid() const;
  std::string Iso() const;  // YYYY-MM-DD
};

// Month number for "Mar", "March", "Sept." (case-insensitive); 0 if none.
int MonthFromName(std::string_view word);

// Parses a line that is only a date, optionally with a time, weekday and a
// "Published"/"Updated"/"Posted" prefix: "23rd Mar 22 11:42 am",
// "Published 14 March 2024", "March 23, 2022 10:00 GMT", "2022-03-23".
// Returns false when the line holds anything else (so prose never parses).
bool ParseDateLine(std::string_view line, Ymd* out);

}  // namespace claimtrace::util

#endif  // CLAIMTRACE_UTIL_DATES_H_
