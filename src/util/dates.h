// Date parsing and calendar arithmetic shared by clean (datelines) and extract
// (time expressions). Arithmetic is std::chrono's civil calendar.
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

// Weekday number for "Friday", "Fri", "Fri." (case-insensitive): 1 = Monday … 7 = Sunday; 0 if none.
int WeekdayFromName(std::string_view word);

// Reads "YYYY-MM-DD" (anything after the tenth byte is ignored, so
// "2022-03-23T10:00:00Z" reads too); false when it is not a valid date.
bool ParseIsoDate(std::string_view s, Ymd* out);

// Calendar arithmetic on valid dates.
int DaysFromEpoch(const Ymd& d);  // days since 1970-01-01
Ymd DateFromDays(int days);
Ymd AddDays(const Ymd& d, int days);
int IsoWeekday(const Ymd& d);     // 1 = Monday … 7 = Sunday
// The first day of the month `months` months from d's month (negative: back).
Ymd AddMonths(const Ymd& d, int months);

// Year of a date written without one ("13 September", "in March"; day 0 for a
// whole month), given the publication date: the publication year, unless that
// puts the date more than kYearlessLookaheadDays after publication, when the
// previous year (an article in January about "December 28" means the December
// just past; one in January about "February 5" may mean next month). Returns
// false when the resulting date does not exist (29 February in a common year).
constexpr int kYearlessLookaheadDays = 61;
bool ResolveYearless(int month, int day, const Ymd& published, Ymd* out);

// Parses a line that is only a date, optionally with a time, weekday and a
// "Published"/"Updated"/"Posted" prefix: "23rd Mar 22 11:42 am",
// "Published 14 March 2024", "March 23, 2022 10:00 GMT", "2022-03-23".
// Returns false when the line holds anything else (so prose never parses).
bool ParseDateLine(std::string_view line, Ymd* out);

}  // namespace claimtrace::util

#endif  // CLAIMTRACE_UTIL_DATES_H_
