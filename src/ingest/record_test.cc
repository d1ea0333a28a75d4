#include "ingest/record.h"

#include <gtest/gtest.h>

#include <string>

namespace claimtrace::ingest {
namespace {

TEST(ParseIsoDate, AcceptsAPlainDate) {
  std::string out;
  ASSERT_TRUE(ParseIsoDate("2022-03-23", &out));
  EXPECT_EQ(out, "2022-03-23");
}

TEST(ParseIsoDate, KeepsTheDatePartOfATimestamp) {
  std::string out;
  ASSERT_TRUE(ParseIsoDate("2024-03-16T08:30:00+02:00", &out));
  EXPECT_EQ(out, "2024-03-16");
  ASSERT_TRUE(ParseIsoDate("2024-03-16 08:30", &out));
  EXPECT_EQ(out, "2024-03-16");
}

TEST(ParseIsoDate, RejectsImpossibleAndMalformedDates) {
  std::string out = "unchanged";
  EXPECT_FALSE(ParseIsoDate("2023-02-29", &out));  // not a leap year
  EXPECT_FALSE(ParseIsoDate("2022-02-31", &out));
  EXPECT_FALSE(ParseIsoDate("2022-13-01", &out));
  EXPECT_FALSE(ParseIsoDate("2022-00-10", &out));
  EXPECT_FALSE(ParseIsoDate("22-03-2022", &out));
  EXPECT_FALSE(ParseIsoDate("March 2022", &out));
  EXPECT_FALSE(ParseIsoDate("2022-03-23junk", &out));
  EXPECT_FALSE(ParseIsoDate("", &out));
  EXPECT_EQ(out, "unchanged");
}

TEST(ParseIsoDate, AcceptsTheTwentyNinthOfFebruaryInALeapYear) {
  std::string out;
  EXPECT_TRUE(ParseIsoDate("2024-02-29", &out));
}

}  // namespace
}  // namespace claimtrace::ingest
