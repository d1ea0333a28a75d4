// `claimtrace eval` and the claims of the contract, end to end through the
// binary, on articles and gold lines written by us.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"
#include "test_support.h"

namespace claimtrace::testing {
namespace {

bool Has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

CliOptions Text() {
  CliOptions o;
  o.parse_json = false;  // eval prints a report, not JSON Lines
  return o;
}

TEST(CliEval, ScoresClaimsAgainstAGoldFileAndListsMisses) {
  TempDir dir;
  WriteFile(dir / "a1.txt",
            "Officials in Kyiv said on Monday that 40 Russian soldiers surrendered near Kharkiv.\n\n"
            "The regional governor said two civilians were killed in the shelling of the town.\n");
  WriteFile(dir / "gold.jsonl",
            "{\"doc\":\"a1\",\"evidence\":\"40 Russian soldiers surrendered near Kharkiv\",\"type\":[\"surrender\"],"
            "\"actor_side\":\"RU\",\"place\":[\"Kharkiv\"],\"count\":40,\"root\":[\"Officials\"],"
            "\"polarity\":\"asserted\",\"hedged\":false,\"modality\":\"actual\"}\n"
            "{\"doc\":\"a1\",\"evidence\":\"the garrison retreated from the bridge\",\"type\":[\"retreat\"],"
            "\"actor_side\":null,\"place\":null,\"count\":null,\"root\":[],\"polarity\":\"asserted\","
            "\"hedged\":false,\"modality\":\"actual\"}\n"
            "{\"doc\":\"other\",\"evidence\":\"x\",\"type\":[\"attack\"]}\n");
  CliRun run = RunCli("eval -v --gold " + ShellQuote(dir / "gold.jsonl") + " " + ShellQuote(dir / "a1.txt"), dir, Text());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "gold 2")) << run.out;
  EXPECT_TRUE(Has(run.out, "matched 1")) << run.out;
  EXPECT_TRUE(Has(run.out, "recall     0.500")) << run.out;
  EXPECT_TRUE(Has(run.out, "MISS  a1 [retreat]")) << run.out;
  EXPECT_TRUE(Has(run.out, "count     1.000")) << run.out;
  EXPECT_TRUE(Has(run.err, "1 gold claims are about documents not among the inputs")) << run.err;
}

TEST(CliEval, AMalformedGoldLineIsNamedAndTheRestScored) {
  TempDir dir;
  WriteFile(dir / "a1.txt", "Officials said 40 Russian soldiers surrendered near Kharkiv.\n");
  WriteFile(dir / "gold.jsonl",
            "{broken\n{\"doc\":\"a1\",\"evidence\":\"40 Russian soldiers surrendered\",\"type\":[\"surrender\"]}\n");
  CliRun run = RunCli("eval --gold " + ShellQuote(dir / "gold.jsonl") + " " + ShellQuote(dir / "a1.txt"), dir, Text());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Has(run.err, "gold.jsonl:1:")) << run.err;
  EXPECT_TRUE(Has(run.out, "matched 1")) << run.out;
  CliRun missing = RunCli("eval --gold " + ShellQuote(dir / "nope.jsonl") + " " + ShellQuote(dir / "a1.txt"), dir, Text());
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(CliClaims, ExtractWritesClaimsAndFlagsInTheContract) {
  TempDir dir;
  WriteFile(dir / "a.txt",
            "Officers of the Special Border Unit (SBU) said Russian forces advanced in the Zapadnohirskyi district.\n\n"
            "According to the Daily Planet, the State Border Guard Service said 12 Russian soldiers were taken "
            "prisoner near Sumy.\n");
  CliRun run = RunCli("extract " + ShellQuote(dir / "a.txt"), dir);
  ASSERT_EQ(run.lines.size(), 1u) << run.err;
  const Json& doc = run.lines[0];
  ASSERT_FALSE(doc["claims"].empty());
  bool prisoners = false;
  for (const auto& c : doc["claims"]) {
    std::string text = c["text"];
    auto span = c["span"];
    EXPECT_EQ(std::string(doc["text"]).substr(span[0], span[1].get<size_t>() - span[0].get<size_t>()), text);
    if (c["type"] == "prisoners") {
      prisoners = true;
      EXPECT_EQ(c["actor"]["side"], "RU");
      EXPECT_EQ(c["count"]["value"], 12);
      EXPECT_EQ(c["place"]["country"], "UA");
      ASSERT_EQ(c["chain"].size(), 2u);
      EXPECT_EQ(c["root"]["side"], "UA");
    }
  }
  EXPECT_TRUE(prisoners) << doc["claims"].dump();
  bool garbled = false, unresolved = false;
  for (const auto& f : doc["flags"]) {
    garbled |= f["kind"] == "garbled_expansion";
    unresolved |= f["kind"] == "unresolved_place" && f["text"] == "Zapadnohirskyi district";
  }
  EXPECT_TRUE(garbled) << doc["flags"].dump();
  EXPECT_TRUE(unresolved) << doc["flags"].dump();
}

}  // namespace
}  // namespace claimtrace::testing
