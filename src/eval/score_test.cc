// The scoring rule on small invented cases.
#include "eval/score.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace claimtrace::eval {
namespace {

Claim MakeClaim(std::string type, std::string text, std::string side = "") {
  Claim c;
  c.type = std::move(type);
  c.text = std::move(text);
  if (!side.empty()) c.actor = ClaimActor{"", {}, side};
  return c;
}

TEST(Score, WordTokensDropPunctuationAndCase) {
  auto w = WordTokens("The “Brigade” said: 1,000 men—left.");
  std::vector<std::string> want = {"the", "brigade", "said", "1", "000", "men", "left"};
  EXPECT_EQ(w, want);
}

TEST(Score, MatchNeedsTypeAndSixtyPercentCoverage) {
  GoldClaim g;
  g.doc = "a";
  g.evidence = "two companies walked away from the front line";
  g.types = {"desertion"};
  g.side = "RU";
  std::map<std::string, std::vector<Claim>> docs;
  docs["a"] = {MakeClaim("desertion", "officers said two companies walked away from the front", "RU"),
               MakeClaim("retreat", "two companies walked away from the front line")};
  auto r = Score({g}, docs);
  EXPECT_EQ(r.gold, 1);
  EXPECT_EQ(r.predicted, 2);
  EXPECT_EQ(r.matched, 1);
  EXPECT_DOUBLE_EQ(r.Precision(), 0.5);
  EXPECT_EQ(r.fields["side"].right, 1);

  docs["a"] = {MakeClaim("desertion", "two companies left")};
  EXPECT_EQ(Score({g}, docs).matched, 0);
}

TEST(Score, EachGoldMatchesOnePrediction) {
  GoldClaim g;
  g.doc = "a";
  g.evidence = "the garrison surrendered";
  g.types = {"surrender"};
  std::map<std::string, std::vector<Claim>> docs;
  docs["a"] = {MakeClaim("surrender", "the garrison surrendered"), MakeClaim("surrender", "the garrison surrendered")};
  auto r = Score({g}, docs);
  EXPECT_EQ(r.matched, 1);
  EXPECT_DOUBLE_EQ(r.Recall(), 1.0);
  EXPECT_DOUBLE_EQ(r.Precision(), 0.5);
}

TEST(Score, GoldFileProblemsNameTheLineAndTheRestIsRead) {
  claimtrace::testing::TempDir dir;
  auto path = dir.path() / "gold.jsonl";
  std::ofstream(path) << "{\"doc\":\"a\",\"evidence\":\"x y\",\"type\":[\"attack\"]}\n"
                      << "not json\n"
                      << "{\"doc\":\"b\"}\n";
  std::vector<std::string> problems;
  auto gold = LoadGold(path.string(), &problems);
  ASSERT_TRUE(gold.ok());
  EXPECT_EQ(gold->size(), 1u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find(":2:"), std::string::npos);
  EXPECT_FALSE(LoadGold((dir.path() / "missing.jsonl").string(), &problems).ok());
}

TEST(Score, DocKeyIsRecordIdOrFileStem) {
  Document d;
  d.input = "dir/002_abc.txt";
  EXPECT_EQ(DocKey(d), "002_abc");
  d.record_id = "r7";
  EXPECT_EQ(DocKey(d), "r7");
}

}  // namespace
}  // namespace claimtrace::eval
