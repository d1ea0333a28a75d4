// Quantities on sentences written for these tests.
#include "extract/quantity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segment/segment.h"

namespace claimtrace {
namespace {

std::vector<Quantity> Find(const std::string& text) {
  Document doc;
  doc.text = text;
  segment::Segment(&doc);
  auto qs = FindQuantities(doc);
  for (const auto& q : qs) {
    EXPECT_EQ(q.text, text.substr(q.span.begin, q.span.size()));
    EXPECT_TRUE(q.span.Contains(q.number_span));
  }
  return qs;
}

// The only quantity in text; fails the test when there is not exactly one.
Quantity One(const std::string& text) {
  auto qs = Find(text);
  EXPECT_EQ(qs.size(), 1u) << text;
  return qs.empty() ? Quantity{} : qs[0];
}

TEST(Quantity, ReadsAnApproximateCountWithItsNoun) {
  Quantity q = One("The brigade said around 300 troops walked away from the front.");
  EXPECT_EQ(q.text, "around 300 troops");
  EXPECT_EQ(*q.value, 300);
  EXPECT_TRUE(q.approx);
  EXPECT_EQ(q.bound, "");
  EXPECT_EQ(q.unit, "people");
  EXPECT_EQ(q.noun, "troops");
  EXPECT_EQ(q.text.substr(q.number_span.begin - q.span.begin, q.number_span.size()), "300");
}

TEST(Quantity, ReadsThousandsSeparatorsSpacesAndScales) {
  EXPECT_EQ(*One("Officials counted 43,000 refugees at the border.").value, 43000);
  EXPECT_EQ(*One("Officials counted 6 000 refugees at the border.").value, 6000);
  EXPECT_EQ(*One("Officials counted 1 200 000 refugees at the border.").value, 1200000);
  EXPECT_EQ(*One("The region lost 1.5 million residents.").value, 1500000);
  Quantity money = One("The package is worth $2.3bn, the ministry said.");
  EXPECT_DOUBLE_EQ(*money.value, 2.3e9);
  EXPECT_EQ(money.unit, "currency");
  EXPECT_EQ(money.text, "$2.3bn");
  EXPECT_EQ(*One("They fired 300k shells in a month.").value, 300000);
}

TEST(Quantity, ReadsNumberWords) {
  EXPECT_EQ(*One("Three soldiers surrendered at dawn.").value, 3);
  EXPECT_EQ(*One("The unit lost twenty-five men.").value, 25);
  EXPECT_EQ(*One("The unit lost twenty five men.").value, 25);
  EXPECT_EQ(*One("They captured a dozen prisoners.").value, 12);
  EXPECT_EQ(*One("They captured a hundred prisoners.").value, 100);
  EXPECT_EQ(*One("They captured two thousand prisoners.").value, 2000);
  EXPECT_EQ(*One("They captured a thousand prisoners.").value, 1000);
  EXPECT_EQ(*One("Half a million people fled the city.").value, 500000);
  EXPECT_EQ(*One("They freed three hundred and five prisoners.").value, 305);
  EXPECT_EQ(*One("Two dozen drones were shot down.").value, 24);
}

TEST(Quantity, FindsTheNounAfterModifiers) {
  Quantity q = One("Moscow has sent four full-fledged combat units to the area.");
  EXPECT_EQ(q.text, "four full-fledged combat units");
  EXPECT_EQ(*q.value, 4);
  EXPECT_EQ(q.unit, "units");
  EXPECT_EQ(q.noun, "units");
  Quantity r = One("Police detained 10 Russian soldiers.");
  EXPECT_EQ(r.noun, "soldiers");
  EXPECT_EQ(r.unit, "people");
}

TEST(Quantity, MapsNounsToUnits) {
  EXPECT_EQ(One("Forces destroyed 12 tanks near the river.").unit, "equipment");
  EXPECT_EQ(One("Forces downed 40 drones overnight.").unit, "equipment");
  EXPECT_EQ(One("The army retook 6,000 sq km of land.").unit, "area_km2");
  EXPECT_EQ(One("The army retook 6,000 square kilometres of land.").unit, "area_km2");
  EXPECT_EQ(One("The column was 40 km long.").unit, "km");
  EXPECT_EQ(One("The column was 40km long.").unit, "km");
  EXPECT_EQ(One("Troops entered five villages in the district.").unit, "settlements");
  EXPECT_EQ(One("They swapped 90 prisoners of war.").noun, "prisoners of war");
  EXPECT_EQ(One("Exchanges freed 90 POWs.").unit, "people");
}

TEST(Quantity, KeepsTheCountedWordWhenItIsNotInTheLexicon) {
  Quantity q = One("The strike hit 14 warehouses.");
  EXPECT_EQ(q.noun, "warehouses");
  EXPECT_EQ(q.unit, "");
}

TEST(Quantity, ReadsRanges) {
  Quantity a = One("Between 5 and 10 soldiers deserted.");
  EXPECT_EQ(*a.value, 5);
  EXPECT_EQ(*a.high, 10);
  EXPECT_EQ(a.text, "Between 5 and 10 soldiers");
  Quantity b = One("Some 200-300 fighters remain in the plant.");
  EXPECT_EQ(*b.value, 200);
  EXPECT_EQ(*b.high, 300);
  EXPECT_TRUE(b.approx);
  Quantity c = One("They lost 200 to 300 men.");
  EXPECT_EQ(*c.value, 200);
  EXPECT_EQ(*c.high, 300);
  Quantity d = One("Two or three drones crossed the border.");
  EXPECT_EQ(*d.value, 2);
  EXPECT_EQ(*d.high, 3);
  EXPECT_TRUE(d.approx);
  Quantity e = One("Officials said 2 to 3 million people had left.");
  EXPECT_EQ(*e.value, 2000000);
  EXPECT_EQ(*e.high, 3000000);
  Quantity f = One("About 200\u2013300 civilians sheltered there.");
  EXPECT_EQ(*f.high, 300);
}

TEST(Quantity, MarksBoundsAndApproximation) {
  Quantity a = One("More than 300 servicemen were captured.");
  EXPECT_EQ(a.bound, "min");
  EXPECT_TRUE(a.approx);
  Quantity b = One("Up to 40 missiles were fired.");
  EXPECT_EQ(b.bound, "max");
  Quantity c = One("Over 300 soldiers refused.");
  EXPECT_EQ(c.bound, "min");
  Quantity d = One("The army claims 300+ kills.");
  EXPECT_EQ(d.bound, "min");
  EXPECT_TRUE(d.approx);
  EXPECT_EQ(d.text, "300+ kills");
  Quantity e = One("Fewer than 20 tanks remain.");
  EXPECT_EQ(e.bound, "max");
  Quantity f = One("An estimated 5,000 troops crossed.");
  EXPECT_TRUE(f.approx);
  EXPECT_EQ(f.text, "An estimated 5,000 troops");
  Quantity g = One("They counted ~300 craters.");
  EXPECT_TRUE(g.approx);
  Quantity h = One("At least 12 civilians died.");
  EXPECT_EQ(h.bound, "min");
  EXPECT_FALSE(One("Exactly 12 civilians died.").approx);
}

TEST(Quantity, VagueQuantitiesHaveNoValue) {
  Quantity a = One("Thousands of troops massed at the border.");
  EXPECT_FALSE(a.value.has_value());
  EXPECT_TRUE(a.approx);
  EXPECT_EQ(a.unit, "people");
  EXPECT_EQ(a.text, "Thousands of troops");
  EXPECT_FALSE(One("Dozens of soldiers were wounded.").value.has_value());
  EXPECT_FALSE(One("Several soldiers were wounded.").value.has_value());
  EXPECT_EQ(One("Several hundred soldiers were wounded.").text, "Several hundred soldiers");
  EXPECT_EQ(One("Tens of thousands of civilians fled.").text, "Tens of thousands of civilians");
  EXPECT_EQ(One("Scores of civilians fled.").unit, "people");
  EXPECT_EQ(One("The shelling killed hundreds.").text, "hundreds");
}

TEST(Quantity, WeakVagueWordsNeedACountedNoun) {
  EXPECT_TRUE(Find("Many believe the war will end soon.").empty());
  EXPECT_TRUE(Find("He has tried several times.").empty());
  EXPECT_EQ(One("Many soldiers believe it.").unit, "people");
}

TEST(Quantity, PercentagesAndMoney) {
  Quantity a = One("Turnout fell by 12% in the region.");
  EXPECT_EQ(a.unit, "percent");
  EXPECT_EQ(*a.value, 12);
  EXPECT_EQ(One("Turnout fell by 12 per cent.").unit, "percent");
  EXPECT_EQ(One("Turnout fell by 12.5 percent.").unit, "percent");
  Quantity b = One("Kyiv received \u20ac5 million in aid.");
  EXPECT_EQ(b.unit, "currency");
  EXPECT_EQ(*b.value, 5000000);
  EXPECT_EQ(One("Kyiv received 40 billion hryvnias.").unit, "currency");
  EXPECT_EQ(*One("They spent $5m on drones.").value, 5000000);
}

TEST(Quantity, OrdinalsAreNotCounts) {
  EXPECT_TRUE(Find("The 23rd brigade held the line.").empty());
  EXPECT_TRUE(Find("The third battalion held the line.").empty());
  EXPECT_TRUE(Find("The 3rd Assault Brigade moved north.").empty());
}

TEST(Quantity, DatesYearsAndTimesAreNotCounts) {
  EXPECT_TRUE(Find("The war began in 2022.").empty());
  EXPECT_TRUE(Find("It happened on March 23 near the town.").empty());
  EXPECT_TRUE(Find("It happened on 23 March near the town.").empty());
  EXPECT_TRUE(Find("The alert sounded at 11:42 local time.").empty());
  EXPECT_TRUE(Find("The alert sounded at 10 am.").empty());
  EXPECT_TRUE(Find("The alert sounded at 10pm.").empty());
  EXPECT_TRUE(Find("The order is dated 23.03.2022 and 2022-03-23.").empty());
  EXPECT_TRUE(Find("A 24-hour ceasefire began.").empty());
  EXPECT_TRUE(Find("Veterans of the 1990s wars joined.").empty());
  // A four-digit number that counts a known noun is a count, not a year.
  EXPECT_EQ(*One("Moscow sent 2000 troops.").value, 2000);
}

TEST(Quantity, ModelDesignationsAreNotCounts) {
  EXPECT_TRUE(Find("A T-72 and an Su-25 were hit by an S-300 missile.").empty());
  EXPECT_TRUE(Find("The HIMARS M142 launcher fired.").empty());
  EXPECT_TRUE(Find("Germany sent its Leopard 2 tanks.").empty());
  EXPECT_TRUE(Find("The vote on Resolution 2231 failed.").empty());
  EXPECT_TRUE(Find("The 2S19 howitzer fired.").empty());
}

TEST(Quantity, LabelsAreNotCounts) {
  EXPECT_TRUE(Find("Under article 5 the allies must respond.").empty());
  EXPECT_TRUE(Find("The driver, aged 25, survived.").empty());
  EXPECT_TRUE(Find("He was listed as No. 3 on the roster.").empty());
}

TEST(Quantity, OneOfIsNotACount) {
  EXPECT_TRUE(Find("One of the soldiers surrendered.").empty());
  EXPECT_TRUE(Find("No one was hurt.").empty());
  Quantity q = One("One soldier surrendered.");
  EXPECT_EQ(*q.value, 1);
  // Other numbers before "of" count: "three of the soldiers".
  Quantity r = One("Three of the soldiers surrendered.");
  EXPECT_EQ(*r.value, 3);
  EXPECT_EQ(r.noun, "soldiers");
}

TEST(Quantity, AnArticleIsNotACount) {
  EXPECT_TRUE(Find("A soldier was wounded.").empty());
}

TEST(Quantity, FindsSeveralQuantitiesInOrder) {
  auto qs = Find("About 300 troops were killed and 500 wounded, while 12 tanks and 4 drones were lost.");
  ASSERT_EQ(qs.size(), 4u);
  EXPECT_EQ(qs[0].text, "About 300 troops");
  EXPECT_EQ(qs[1].text, "500 wounded");
  EXPECT_EQ(qs[2].text, "12 tanks");
  EXPECT_EQ(qs[3].text, "4 drones");
  for (size_t k = 1; k < qs.size(); ++k) EXPECT_LE(qs[k - 1].span.end, qs[k].span.begin);
}

TEST(Quantity, BareNumbersHaveNoUnit) {
  Quantity q = One("Losses rose to 300 by Friday.");
  EXPECT_EQ(*q.value, 300);
  EXPECT_EQ(q.unit, "");
  EXPECT_EQ(q.noun, "");
  EXPECT_EQ(q.text, "300");
}

TEST(Quantity, SurvivesOddInput) {
  EXPECT_TRUE(Find("").empty());
  Find("1,2,3,4 ,,, 9.9.9 $ $$ 5- -5 between and 1e308 99999999999999999999999 ~~ + %");
  Find(std::string(5000, '9'));
  Find("half a");
  Find("a");
}

TEST(Quantity, ReachesTheNounAcrossANameAndItsAcronym) {
  Quantity q = One("Over a thousand former Northern Guard (NG) fighters joined.");
  EXPECT_EQ(q.noun, "fighters");
  EXPECT_EQ(*q.value, 1000);
}

TEST(Quantity, CountsPiecesOfEquipmentAsEquipment) {
  EXPECT_EQ(One("They left 70 pieces of equipment behind.").unit, "equipment");
}

TEST(Quantity, TakesThePluralOfAnUnknownNounPhrase) {
  EXPECT_EQ(One("He fought in two world wars.").noun, "wars");
}

TEST(Quantity, VersionNumbersAreNotCounts) {
  EXPECT_TRUE(Find("The new Starlink 2.0 terminals arrived.").empty());
}

TEST(Quantity, YearRangesAndAbbreviatedDatesAreNotCounts) {
  EXPECT_TRUE(Find("Prices rose in 2019-2021 sharply.").empty());
  EXPECT_TRUE(Find("Since the Feb. 24 invasion, the city has changed.").empty());
}

TEST(Quantity, ARangeMayWriteTheThousandsOnce) {
  Quantity q = One("They lost 70 to 80,000 men.");
  EXPECT_EQ(*q.value, 70000);
  EXPECT_EQ(*q.high, 80000);
}

}  // namespace
}  // namespace claimtrace

namespace claimtrace {
namespace {

// Found by fuzzing: a number far beyond any integer type must not be cast to one.
TEST(Quantity, AHugeNumberIsReadWithoutOverflow) {
  auto qs = Find("They counted 111111111111111111111111111111111111111111111111111111111111 troops.");
  ASSERT_EQ(qs.size(), 1u);
  ASSERT_TRUE(qs[0].value);
  EXPECT_GT(*qs[0].value, 1e50);
}

}  // namespace
}  // namespace claimtrace
