#include "util/dates.h"

#include <gtest/gtest.h>

#include <string>

namespace claimtrace::util {
namespace {

std::string Parse(std::string_view line) {
  Ymd d;
  return ParseDateLine(line, &d) ? d.Iso() : "(rejected)";
}

TEST(ParseDateLine, ReadsDayAbbreviatedMonthTwoDigitYearAndTime) {
  EXPECT_EQ(Parse("23rd Mar 22 11:42 am"), "2022-03-23");
}

TEST(ParseDateLine, ReadsMonthDayCommaYear) {
  EXPECT_EQ(Parse("March 23, 2022"), "2022-03-23");
  EXPECT_EQ(Parse("March 23, 2022 10:00 GMT"), "2022-03-23");
}

TEST(ParseDateLine, ReadsAPublishedPrefix) {
  EXPECT_EQ(Parse("Published 14 March 2024"), "2024-03-14");
  EXPECT_EQ(Parse("Published: 14 March 2024, 09:12"), "2024-03-14");
  EXPECT_EQ(Parse("Updated Tuesday 5 November 2024"), "2024-11-05");
}

TEST(ParseDateLine, ReadsIsoDates) { EXPECT_EQ(Parse("2022-03-23"), "2022-03-23"); }

TEST(ParseDateLine, TakesThePublishedDateWhenAnUpdatedDateFollows) {
  // Regression: the second date made the whole line fail.
  EXPECT_EQ(Parse("Published 14 March 2024, 21:06 | Updated 15 March 2024, 07:30"), "2024-03-14");
}

TEST(ParseDateLine, RejectsAnUpdatedPartThatIsNotADate) {
  EXPECT_EQ(Parse("Published 14 March 2024 | Updated by the night desk"), "(rejected)");
}

TEST(ParseDateLine, RejectsProse) {
  EXPECT_EQ(Parse("Troops withdrew on 23 March 2022 after heavy shelling"), "(rejected)");
  EXPECT_EQ(Parse("March on Kyiv"), "(rejected)");
  EXPECT_EQ(Parse("May 9 parade"), "(rejected)");
  EXPECT_EQ(Parse(""), "(rejected)");
}

TEST(ParseDateLine, RejectsImpossibleDates) {
  EXPECT_EQ(Parse("31 February 2022"), "(rejected)");
  EXPECT_EQ(Parse("29 February 2023"), "(rejected)");
  EXPECT_EQ(Parse("2022-13-01"), "(rejected)");
}

TEST(ParseDateLine, RejectsADateWithoutAYear) {
  EXPECT_EQ(Parse("March 23"), "(rejected)");
}

TEST(MonthFromName, ReadsFullAbbreviatedAndDottedNames) {
  EXPECT_EQ(MonthFromName("March"), 3);
  EXPECT_EQ(MonthFromName("sept."), 9);
  EXPECT_EQ(MonthFromName("DEC"), 12);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Marchers"), 0);
}

TEST(WeekdayFromName, ReadsFullAndAbbreviatedNames) {
  EXPECT_EQ(WeekdayFromName("Friday"), 5);
  EXPECT_EQ(WeekdayFromName("fri."), 5);
  EXPECT_EQ(WeekdayFromName("Thurs"), 4);
  EXPECT_EQ(WeekdayFromName("Sunday"), 7);
  EXPECT_EQ(WeekdayFromName("Fridays"), 0);
}

TEST(CalendarArithmetic, CrossesMonthYearAndLeapDays) {
  EXPECT_EQ(AddDays(Ymd{2024, 3, 1}, -1).Iso(), "2024-02-29");
  EXPECT_EQ(AddDays(Ymd{2023, 3, 1}, -1).Iso(), "2023-02-28");
  EXPECT_EQ(AddDays(Ymd{2022, 12, 31}, 1).Iso(), "2023-01-01");
  EXPECT_EQ(IsoWeekday(Ymd{2024, 3, 1}), 5);
  EXPECT_EQ(IsoWeekday(Ymd{2024, 3, 3}), 7);
  EXPECT_EQ(AddMonths(Ymd{2023, 1, 15}, -1).Iso(), "2022-12-01");
  EXPECT_EQ(AddMonths(Ymd{2023, 11, 15}, 3).Iso(), "2024-02-01");
  EXPECT_EQ(DateFromDays(DaysFromEpoch(Ymd{2000, 2, 29})).Iso(), "2000-02-29");
}

TEST(ParseIsoDate, ReadsDatesAndTimestampsAndRejectsTheRest) {
  Ymd d;
  ASSERT_TRUE(ParseIsoDate("2022-03-23", &d));
  EXPECT_EQ(d.Iso(), "2022-03-23");
  ASSERT_TRUE(ParseIsoDate("2022-03-23T10:00:00Z", &d));
  EXPECT_FALSE(ParseIsoDate("2022-02-30", &d));
  EXPECT_FALSE(ParseIsoDate("23.03.2022", &d));
  EXPECT_FALSE(ParseIsoDate("2022-03-2", &d));
}

TEST(ResolveYearless, TakesThePublicationYearUnlessFarAhead) {
  Ymd d;
  ASSERT_TRUE(ResolveYearless(12, 28, Ymd{2023, 1, 4}, &d));
  EXPECT_EQ(d.Iso(), "2022-12-28");
  ASSERT_TRUE(ResolveYearless(2, 5, Ymd{2023, 1, 4}, &d));
  EXPECT_EQ(d.Iso(), "2023-02-05");
  ASSERT_TRUE(ResolveYearless(3, 0, Ymd{2023, 1, 4}, &d));  // a whole month: compared on its first day
  EXPECT_EQ(d.year, 2023);
  ASSERT_TRUE(ResolveYearless(2, 29, Ymd{2024, 3, 10}, &d));
  EXPECT_EQ(d.Iso(), "2024-02-29");
  EXPECT_FALSE(ResolveYearless(2, 29, Ymd{2023, 3, 10}, &d));
}

}  // namespace
}  // namespace claimtrace::util
