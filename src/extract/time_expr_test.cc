// Time expressions on sentences written for these tests. Weekdays of the
// publication dates used: 2024-03-01 Friday, 2024-03-03 Sunday, 2023-01-04
// Wednesday, 2022-03-23 Wednesday.
#include "extract/time_expr.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segment/segment.h"

namespace claimtrace {
namespace {

std::vector<TimeExpr> Find(const std::string& text, const char* published = nullptr) {
  Document doc;
  doc.text = text;
  if (published) doc.published = published;
  segment::Segment(&doc);
  auto ts = FindTimes(doc);
  for (const auto& t : ts) EXPECT_EQ(t.text, text.substr(t.span.begin, t.span.size()));
  return ts;
}

TimeExpr One(const std::string& text, const char* published = nullptr) {
  auto ts = Find(text, published);
  EXPECT_EQ(ts.size(), 1u) << text;
  return ts.empty() ? TimeExpr{} : ts[0];
}

// "date|end_date|granularity" of the only expression.
std::string Got(const std::string& text, const char* published = nullptr) {
  TimeExpr t = One(text, published);
  return t.date + "|" + t.end_date + "|" + t.granularity;
}

TEST(TimeExpr, ReadsAbsoluteDatesInCommonLayouts) {
  EXPECT_EQ(Got("Troops withdrew on 13 September 2022 after shelling."), "2022-09-13||day");
  EXPECT_EQ(Got("Troops withdrew on March 23, 2022 after shelling."), "2022-03-23||day");
  EXPECT_EQ(Got("The report is dated 2022-03-23."), "2022-03-23||day");
  EXPECT_EQ(Got("The report is dated 23.03.2022."), "2022-03-23||day");
  EXPECT_EQ(Got("The report is dated 23/03/2022."), "2022-03-23||day");
  EXPECT_EQ(Got("The report is dated 03/23/2022."), "2022-03-23||day");
  EXPECT_EQ(Got("Posted 23rd Mar 22 11:42 am"), "2022-03-23||day");
  EXPECT_EQ(Got("Fighting resumed on the 5th of May 2023."), "2023-05-05||day");
  EXPECT_EQ(Got("Fighting raged on 13-14 September 2022."), "2022-09-13|2022-09-14|range");
}

TEST(TimeExpr, TheSpanIsTheDate) {
  TimeExpr t = One("Troops withdrew on March 23, 2022 after shelling.");
  EXPECT_EQ(t.text, "March 23, 2022");
  EXPECT_FALSE(t.relative);
}

TEST(TimeExpr, ReadsMonthsAndYears) {
  EXPECT_EQ(Got("The offensive began in March 2022."), "2022-03||month");
  EXPECT_EQ(Got("The offensive began in 2022."), "2022||year");
  TimeExpr t = One("The offensive began in mid-March 2022.");
  EXPECT_EQ(t.text, "mid-March 2022");
  EXPECT_EQ(t.date, "2022-03");
  EXPECT_EQ(Got("The offensive began in early March 2022."), "2022-03||month");
  EXPECT_EQ(One("The offensive began in early March 2022.").text, "early March 2022");
  EXPECT_EQ(Got("The offensive stalled by the end of 2022."), "2022||year");
}

TEST(TimeExpr, AYearlessDateTakesThePublicationYear) {
  EXPECT_EQ(Got("Troops withdrew on 13 September.", "2022-10-01"), "2022-09-13||day");
  EXPECT_EQ(Got("Troops withdrew on November 3.", "2022-11-20"), "2022-11-03||day");
  EXPECT_EQ(Got("The offensive began in March.", "2022-06-01"), "2022-03||month");
  EXPECT_TRUE(One("Troops withdrew on 13 September.", "2022-10-01").relative);
}

TEST(TimeExpr, AYearlessDateFarAfterPublicationIsLastYear) {
  EXPECT_EQ(Got("Troops withdrew on December 28.", "2023-01-04"), "2022-12-28||day");
  EXPECT_EQ(Got("The offensive began in November.", "2023-01-04"), "2022-11||month");
  // Within two months ahead: the same year (plans, schedules).
  EXPECT_EQ(Got("Talks resume on February 5.", "2023-01-04"), "2023-02-05||day");
}

TEST(TimeExpr, LeapDays) {
  EXPECT_EQ(Got("Shelling resumed on February 29.", "2024-03-10"), "2024-02-29||day");
  EXPECT_EQ(Got("Shelling resumed on 29 February 2024."), "2024-02-29||day");
  EXPECT_TRUE(Find("Shelling resumed on 29 February 2023.").empty());
  EXPECT_TRUE(Find("Shelling resumed on February 29.", "2023-03-10").empty());
  EXPECT_EQ(Got("Shelling resumed yesterday.", "2024-03-01"), "2024-02-29||day");
  EXPECT_EQ(Got("Shelling resumed two days ago.", "2023-03-01"), "2023-02-27||day");
  EXPECT_EQ(Got("Shelling resumed two days ago.", "2024-03-01"), "2024-02-28||day");
}

TEST(TimeExpr, ResolvesDayWords) {
  EXPECT_EQ(Got("Drones struck the city today.", "2022-03-23"), "2022-03-23||day");
  EXPECT_EQ(Got("Drones struck the city yesterday.", "2023-01-01"), "2022-12-31||day");
  EXPECT_EQ(Got("Drones struck the city this morning.", "2022-03-23"), "2022-03-23||day");
  EXPECT_EQ(Got("Drones struck the city last night.", "2022-03-23"), "2022-03-22||day");
  EXPECT_EQ(Got("Drones struck the city overnight.", "2022-03-01"), "2022-02-28|2022-03-01|range");
  EXPECT_EQ(One("Drones struck the city yesterday morning.", "2022-03-23").text, "yesterday morning");
}

TEST(TimeExpr, ResolvesWeekdaysToTheMostRecentOnOrBeforePublication) {
  EXPECT_EQ(Got("The ministry said on Friday that troops left.", "2024-03-03"), "2024-03-01||day");
  // Published on a Friday: "on Friday" is that day.
  EXPECT_EQ(Got("The ministry said on Friday that troops left.", "2024-03-01"), "2024-03-01||day");
  // "last Friday" is strictly before.
  EXPECT_EQ(Got("The ministry said last Friday that troops left.", "2024-03-01"), "2024-02-23||day");
  EXPECT_EQ(Got("The ministry will say next Friday.", "2024-03-01"), "2024-03-08||day");
  EXPECT_EQ(One("Shelling continued on Tuesday night.", "2022-03-23").text, "Tuesday night");
  EXPECT_EQ(Got("Shelling continued on Tuesday night.", "2022-03-23"), "2022-03-22||day");
}

TEST(TimeExpr, APossessiveWeekdayIsATimeReference) {
  TimeExpr t = One("Friday's statement denied the losses.", "2024-03-03");
  EXPECT_EQ(t.text, "Friday");
  EXPECT_EQ(t.date, "2024-03-01");
}

TEST(TimeExpr, AWeekdayFollowedByADateTakesTheDate) {
  TimeExpr t = One("It happened on Friday, March 25, 2022, officials said.", "2022-04-02");
  EXPECT_EQ(t.text, "Friday, March 25, 2022");
  EXPECT_EQ(t.date, "2022-03-25");
  EXPECT_FALSE(t.relative);
}

TEST(TimeExpr, ResolvesPeriods) {
  EXPECT_EQ(Got("Troops pulled back last week.", "2023-01-04"), "2022-12-26|2023-01-01|week");
  EXPECT_EQ(Got("Troops pulled back this week.", "2022-03-23"), "2022-03-21|2022-03-27|week");
  EXPECT_EQ(Got("Troops pulled back earlier this week.", "2022-03-23"), "2022-03-21|2022-03-23|week");
  EXPECT_EQ(Got("Troops pulled back last month.", "2023-01-15"), "2022-12||month");
  EXPECT_EQ(Got("Troops pulled back earlier this month.", "2023-01-15"), "2023-01||month");
  EXPECT_EQ(Got("Troops pulled back last year.", "2023-01-15"), "2022||year");
  EXPECT_EQ(One("Troops pulled back earlier this month.", "2023-01-15").text, "earlier this month");
}

TEST(TimeExpr, ResolvesAgo) {
  EXPECT_EQ(Got("The column left two days ago.", "2022-03-23"), "2022-03-21||day");
  EXPECT_EQ(Got("The column left a week ago.", "2022-03-23"), "2022-03-16||day");
  EXPECT_EQ(Got("The column left 3 months ago.", "2022-03-23"), "2021-12||month");
  EXPECT_EQ(One("The column left two days ago.", "2022-03-23").text, "two days ago");
  TimeExpr vague = One("The column left a few days ago.", "2022-03-23");
  EXPECT_EQ(vague.text, "a few days ago");
  EXPECT_EQ(vague.date, "");
}

TEST(TimeExpr, ResolvesSinceAndPastRanges) {
  EXPECT_EQ(Got("Fighting has raged since February 24.", "2022-03-23"), "2022-02-24|2022-03-23|range");
  EXPECT_EQ(One("Fighting has raged since February 24.", "2022-03-23").text, "since February 24");
  EXPECT_EQ(Got("Fighting has raged since 2014.", "2022-03-23"), "2014|2022-03-23|range");
  EXPECT_EQ(Got("Ten strikes hit over the past 24 hours.", "2022-03-01"), "2022-02-28|2022-03-01|range");
  EXPECT_EQ(Got("Ten strikes hit in the last three days.", "2022-03-23"), "2022-03-20|2022-03-23|range");
  EXPECT_EQ(One("Ten strikes hit over the past 24 hours.", "2022-03-01").text, "over the past 24 hours");
}

TEST(TimeExpr, RelativeExpressionsStayUnresolvedWithoutAPublicationDate) {
  for (const char* s : {"Drones struck yesterday.", "Drones struck last week.", "Drones struck two days ago.",
                        "Drones struck on Friday.", "Drones struck on 13 September."}) {
    TimeExpr t = One(s);
    EXPECT_EQ(t.date, "") << s;
    EXPECT_TRUE(t.relative) << s;
  }
  EXPECT_EQ(Got("Drones struck on 13 September 2022."), "2022-09-13||day");
}

TEST(TimeExpr, IgnoresWordsThatOnlyLookLikeDates) {
  EXPECT_TRUE(Find("You may say the march on Kyiv failed.").empty());
  EXPECT_TRUE(Find("May God help them.").empty());
  EXPECT_TRUE(Find("Jan Kowalski said the Sun reported it.").empty());
  EXPECT_TRUE(Find("In March 23 troops died.").size() <= 1);
  EXPECT_TRUE(Find("He served for 24 years.").empty());
  EXPECT_TRUE(Find("The last Russian troops left.").empty());
}

TEST(TimeExpr, KeepsTextOrder) {
  auto ts = Find("On 5 May troops attacked; yesterday they withdrew, and since Friday the town is quiet.",
                 "2022-05-10");
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0].text, "5 May");
  EXPECT_EQ(ts[1].text, "yesterday");
  EXPECT_EQ(ts[2].text, "since Friday");
  EXPECT_EQ(ts[2].date, "2022-05-06");
}

TEST(TimeExpr, SurvivesOddInput) {
  EXPECT_TRUE(Find("").empty());
  Find("since since in in the past ago ago 99/99/9999 31.02.2022 2022-13-45 mid- mid-Foo", "2022-03-23");
  Find("two days ago", "not a date");
  Find("ago", "2022-03-23");
  Find("yesterday", "1899-01-01");
}

}  // namespace
}  // namespace claimtrace
