#include "link/cluster_rules.h"

#include <gtest/gtest.h>

namespace claimtrace::link {
namespace {

ClaimFacts Claim(std::string type, std::string side, std::string place_id, std::string admin1, std::string date) {
  ClaimFacts c;
  c.type = std::move(type);
  c.side = std::move(side);
  c.place_id = std::move(place_id);
  c.admin1 = std::move(admin1);
  c.country = c.place_id.empty() ? "" : "UA";
  c.day = DayNumber(date);
  return c;
}

TEST(ClusterRules, DayNumberReadsFullAndPartialDates) {
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(DayNumber("2022-03-01"), DayNumber("2022-03"));
  EXPECT_EQ(DayNumber("2022-01-01"), DayNumber("2022"));
  EXPECT_EQ(DayNumber("2022-13-01"), -1);
  EXPECT_EQ(DayNumber("yesterday"), -1);
  EXPECT_EQ(DayNumber(""), -1);
}

TEST(ClusterRules, ASettlementLiesInItsRegionButNotInAnother) {
  ClaimFacts town = Claim("attack", "RU", "geonames:1", "Region A", "2023-05-01");
  ClaimFacts region = Claim("attack", "RU", "claimtrace:ua-a", "Region A", "2023-05-01");
  region.place_is_admin1 = true;
  ClaimFacts other_region = Claim("attack", "RU", "claimtrace:ua-b", "Region B", "2023-05-01");
  other_region.place_is_admin1 = true;
  ClaimFacts other_town = Claim("attack", "RU", "geonames:2", "Region A", "2023-05-01");
  EXPECT_TRUE(PlacesCompatible(town, region));
  EXPECT_TRUE(PlacesCompatible(region, town));
  EXPECT_FALSE(PlacesCompatible(town, other_region));
  EXPECT_FALSE(PlacesCompatible(town, other_town));
  ClaimFacts country = Claim("attack", "RU", "claimtrace:country-ua", "", "2023-05-01");
  EXPECT_TRUE(PlacesCompatible(country, town));
  ClaimFacts nowhere = Claim("attack", "RU", "", "", "2023-05-01");
  EXPECT_TRUE(PlacesCompatible(nowhere, town));
  ClaimFacts abroad = Claim("attack", "RU", "geonames:9", "Some Oblast", "2023-05-01");
  abroad.country = "RU";
  EXPECT_FALSE(PlacesCompatible(abroad, country));
}

TEST(ClusterRules, TwoRaionsOfOneOblastDifferButTheOblastHoldsBoth) {
  ClaimFacts raion1 = Claim("retreat", "UA", "claimtrace:raion-1", "Region A", "2023-05-01");
  ClaimFacts raion2 = Claim("retreat", "UA", "claimtrace:raion-2", "Region A", "2023-05-01");
  ClaimFacts oblast = Claim("retreat", "UA", "claimtrace:ua-a", "Region A", "2023-05-01");
  oblast.place_is_admin1 = true;
  EXPECT_FALSE(PlacesCompatible(raion1, raion2));
  EXPECT_TRUE(PlacesCompatible(raion1, oblast));
}

TEST(ClusterRules, CountsWithinTheRatioAreCompatibleAndApproximationWidensIt) {
  ClaimFacts a, b;
  a.count = 300;
  b.count = 500;
  EXPECT_TRUE(CountsCompatible(a, b, 2.0));
  b.count = 900;
  EXPECT_FALSE(CountsCompatible(a, b, 2.0));
  b.count_approx = true;
  EXPECT_TRUE(CountsCompatible(a, b, 2.0));
  b.count.reset();
  EXPECT_TRUE(CountsCompatible(a, b, 2.0));
  a.count = 0;
  b.count = 5;
  EXPECT_FALSE(CountsCompatible(a, b, 2.0));
}

TEST(ClusterRules, SameSettlementSameDayIsOneEventWhateverTheWording) {
  LinkOptions opt;
  ClaimFacts a = Claim("attack", "RU", "geonames:1", "Region A", "2023-05-01");
  ClaimFacts b = Claim("attack", "", "geonames:1", "Region A", "2023-05-02");
  EXPECT_TRUE(SameEvent(a, b, 0.0, opt));
  b.day = DayNumber("2023-05-03");  // two days apart: wording must agree
  EXPECT_FALSE(SameEvent(a, b, 0.1, opt));
  EXPECT_TRUE(SameEvent(a, b, 0.4, opt));
  b.day = DayNumber("2023-05-08");  // beyond the window
  EXPECT_FALSE(SameEvent(a, b, 1.0, opt));
}

TEST(ClusterRules, DifferentTypeSideOrModalityAreDifferentEvents) {
  LinkOptions opt;
  ClaimFacts a = Claim("surrender", "UA", "", "", "2023-05-01");
  ClaimFacts b = a;
  EXPECT_TRUE(SameEvent(a, b, 0.9, opt));
  b.type = "retreat";
  EXPECT_FALSE(SameEvent(a, b, 0.9, opt));
  b = a;
  b.side = "RU";
  EXPECT_FALSE(SameEvent(a, b, 0.9, opt));
  b = a;
  b.hypothetical = true;  // "urged them to surrender" is not a surrender
  EXPECT_FALSE(SameEvent(a, b, 0.9, opt));
  b = a;
  b.denied = true;  // a denial of the event belongs with it
  EXPECT_TRUE(SameEvent(a, b, 0.9, opt));
  b = a;
  b.day = -1;  // an unknown date does not rule a pair out
  EXPECT_TRUE(SameEvent(a, b, 0.9, opt));
  EXPECT_FALSE(SameEvent(a, b, 0.1, opt));
}

TEST(ClusterRules, PublicationDatesCanJoinReportsWhoseEventDatesDiffer) {
  ClaimFacts report = Claim("surrender", "RU", "", "", "2023-05-01");  // "last Monday"
  report.pub_day = DayNumber("2023-05-09");
  ClaimFacts denial = Claim("surrender", "RU", "", "", "2023-05-10");
  denial.pub_day = DayNumber("2023-05-10");
  int gap = 0;
  EXPECT_TRUE(DatesCompatible(report, denial, 3, &gap));
  EXPECT_EQ(gap, 1);
  denial.pub_day = DayNumber("2023-05-20");
  denial.day = DayNumber("2023-05-20");
  EXPECT_FALSE(DatesCompatible(report, denial, 3, &gap));
  ClaimFacts undated;
  EXPECT_TRUE(DatesCompatible(report, undated, 3, &gap));
  EXPECT_EQ(gap, -1);
}

TEST(ClusterRules, EvidenceStatusFollowsTheRoots) {
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}}, false), "single-source");
  EXPECT_EQ(EvidenceStatus({}, false), "single-source");
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}, {"name:b", "UA"}}, false), "one-sided");
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}, {"name:b", "RU"}}, false), "corroborated");
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}, {"name:b", "GB"}}, false), "corroborated");
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}, {"name:b", ""}}, false), "corroborated");
  EXPECT_EQ(EvidenceStatus({{"registry:a", ""}, {"name:b", ""}}, false), "corroborated");
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}, {"name:b", "RU"}}, true), "disputed");
  EXPECT_EQ(EvidenceStatus({{"registry:a", "UA"}}, true), "disputed");
}

}  // namespace
}  // namespace claimtrace::link
