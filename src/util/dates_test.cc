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

}  // namespace
}  // namespace claimtrace::util
