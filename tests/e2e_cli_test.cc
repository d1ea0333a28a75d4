// The CLI on bad input: every bad document is one output line whose `error`
// says what was wrong and whose `input` names it, the rest of the batch is
// processed, and the exit code is 1. Bad inputs are generated in a temp dir.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "test_support.h"

namespace claimtrace::testing {
namespace {

namespace fs = std::filesystem;

const std::string kGood = std::string(CLAIMTRACE_SOURCE_DIR) + "/tests/testdata/good_article.txt";

std::string Q(const std::string& s) { return ShellQuote(s); }

bool Has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// Checks a batch of [bad input, good file]: one error line naming `input`
// (with `error_part` in its message), then a good line, exit code 1.
void ExpectBadThenGood(const CliRun& run, const std::string& input, std::string_view error_part) {
  ASSERT_EQ(run.lines.size(), 2u) << run.out.substr(0, 500) << "\nstderr: " << run.err.substr(0, 500);
  for (const Json& j : run.lines) ExpectContractFields(j);
  EXPECT_EQ(run.lines[0]["input"], input);
  std::string error = ErrorOf(run.lines[0]);
  EXPECT_TRUE(Has(error, error_part)) << "error: " << error;
  EXPECT_TRUE(run.lines[0]["attributions"].empty());
  EXPECT_EQ(run.lines[1]["input"], kGood);
  EXPECT_TRUE(run.lines[1]["error"].is_null()) << run.lines[1]["error"];
  EXPECT_FALSE(run.lines[1]["attributions"].empty());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(Has(run.err, input)) << "stderr should name the bad input: " << run.err;
  EXPECT_TRUE(Has(run.err, "2 documents, 1 failed")) << run.err;
}

TEST(CliBadInput, ReportsAnEmptyFileAndGoesOn) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  CliRun run = RunCli("extract " + Q(dir / "empty.txt") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "empty.txt", "empty");
}

TEST(CliBadInput, ReportsABinaryFileAndGoesOn) {
  TempDir dir;
  std::string bytes;
  uint32_t x = 2463534242u;
  for (int i = 0; i < 8192; ++i) {  // xorshift noise, with NULs sprinkled in
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    bytes.push_back(i % 97 == 5 ? '\0' : static_cast<char>(x & 0xFF));
  }
  bytes[0] = 'P';  // never starts like JSON or HTML
  WriteFile(dir / "noise.txt", bytes);
  CliRun run = RunCli("extract " + Q(dir / "noise.txt") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "noise.txt", "binary data");
  EXPECT_TRUE(Has(ErrorOf(run.lines.at(0)), "at byte")) << ErrorOf(run.lines.at(0));
}

TEST(CliBadInput, ReportsInvalidUtf8AndGoesOn) {
  TempDir dir;
  WriteFile(dir / "mixed.txt", "Troops left Mykola\xC3\xAFv. The caf\xE9 stayed open.\n");
  CliRun run = RunCli("extract " + Q(dir / "mixed.txt") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "mixed.txt", "invalid UTF-8 at byte 30");
}

TEST(CliBadInput, ReportsAMissingPathAndGoesOn) {
  TempDir dir;
  CliRun run = RunCli("extract " + Q(dir / "no_such_article.txt") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "no_such_article.txt", "no such file");
}

TEST(CliBadInput, ReportsAnUnreadableFileAndGoesOn) {
  TempDir dir;
  WriteFile(dir / "locked.txt", "Ferry service resumed on Friday.\n");
  fs::permissions(dir.path() / "locked.txt", fs::perms::none);
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: chmod 000 does not stop reads";
  CliRun run = RunCli("extract " + Q(dir / "locked.txt") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "locked.txt", "denied");
}

TEST(CliBadInput, ReportsAFileOverTheSizeLimitAndGoesOn) {
  TempDir dir;
  WriteFile(dir / "big.txt", std::string(size_t{2} << 20, 'a'));
  CliRun run = RunCli("extract --max-doc-mb 1 " + Q(dir / "big.txt") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "big.txt", "over the limit");
}

TEST(CliBadInput, ReportsASymlinkLoopInADirectoryAndGoesOn) {
  TempDir dir;
  fs::create_directories(dir.path() / "walk" / "sub");
  fs::create_directory_symlink("..", dir.path() / "walk" / "sub" / "loop");
  CliRun run = RunCli("extract " + Q(dir / "walk") + " " + Q(kGood), dir);
  ExpectBadThenGood(run, dir / "walk/sub/loop", "symlink loop");
}

TEST(CliBadInput, ReportsAMalformedJsonLineByNumberAndGoesOn) {
  TempDir dir;
  const std::string feed = dir / "feed.jsonl";
  WriteFile(feed,
            R"({"id": "vg-1", "outlet": "Harbour Gazette", "text": "Ferry service resumed on Friday, the port authority said."})"
            "\n"
            R"({"id": "vg-2", "text": "This record is cut off)"
            "\n"
            R"({"text": "Harbour workers cleared the pier overnight, officials said."})"
            "\n");
  CliRun run = RunCli("extract " + Q(feed) + " " + Q(kGood), dir);
  ASSERT_EQ(run.lines.size(), 4u) << run.out.substr(0, 500) << run.err;
  for (const Json& j : run.lines) ExpectContractFields(j);
  EXPECT_EQ(run.lines[0]["input"], feed + "#vg-1");
  EXPECT_TRUE(run.lines[0]["error"].is_null());
  EXPECT_EQ(run.lines[0]["outlet"]["name"], "Harbour Gazette");
  EXPECT_EQ(run.lines[1]["input"], feed + "#line-2");
  EXPECT_TRUE(Has(ErrorOf(run.lines[1]), "line 2")) << ErrorOf(run.lines[1]);
  EXPECT_TRUE(Has(ErrorOf(run.lines[1]), "malformed JSON")) << ErrorOf(run.lines[1]);
  EXPECT_EQ(run.lines[2]["input"], feed + "#line-3");
  EXPECT_TRUE(run.lines[2]["error"].is_null());
  EXPECT_EQ(run.lines[3]["input"], kGood);
  EXPECT_TRUE(run.lines[3]["error"].is_null());
  EXPECT_EQ(run.exit_code, 1);
}

TEST(CliBadInput, ReportsABadPublishedDateAsAFlagNotAnError) {
  TempDir dir;
  const std::string feed = dir / "dates.jsonl";
  WriteFile(feed, R"({"id": "d1", "published": "31/02/2024", "text": "Ferry service resumed on Friday."})" "\n");
  CliRun run = RunCli("extract " + Q(feed), dir);
  ASSERT_EQ(run.lines.size(), 1u) << run.err;
  ExpectContractFields(run.lines[0]);
  EXPECT_TRUE(run.lines[0]["error"].is_null());
  EXPECT_TRUE(run.lines[0]["published"].is_null());
  ASSERT_EQ(run.lines[0]["flags"].size(), 1u);
  EXPECT_EQ(run.lines[0]["flags"][0]["kind"], "bad_date");
  EXPECT_EQ(run.exit_code, 0);
}

// A 50 MB single line. The content is filler words with no sentence breaks and
// no reporting verbs: this checks ingest, clean and segment at that size
// (ProcessesARunOnLineFullOfReportingVerbs covers extract).
TEST(CliBadInput, ProcessesOrRefusesA50MbSingleLineFileAndGoesOn) {
  TempDir dir;
  const std::string big = dir / "one_line.txt";
  {
    static const char* kWords[] = {"harbour", "ferry", "cloud", "island", "pier", "Vorna", "tide", "gull"};
    std::string line;
    line.reserve((size_t{50} << 20) + 16);
    uint32_t x = 12345;
    while (line.size() < (size_t{50} << 20)) {
      x = x * 1103515245u + 12345u;
      line += kWords[(x >> 16) % 8];
      line += ' ';
    }
    WriteFile(big, line);
  }
  CliRun run = RunCli("extract " + Q(big) + " " + Q(kGood), dir);
  ASSERT_EQ(run.lines.size(), 2u) << "exit " << run.exit_code << " stderr: " << run.err.substr(0, 500);
  ExpectContractFields(run.lines[0]);
  EXPECT_EQ(run.lines[0]["input"], big);
  if (run.lines[0]["error"].is_null()) {
    EXPECT_GT(run.lines[0]["text"].get<std::string>().size(), size_t{49} << 20);
    EXPECT_EQ(run.exit_code, 0);
  } else {
    EXPECT_FALSE(ErrorOf(run.lines[0]).empty());
    EXPECT_EQ(run.exit_code, 1);
  }
  EXPECT_EQ(run.lines[1]["input"], kGood);
  EXPECT_TRUE(run.lines[1]["error"].is_null());
}

// Regression: a long run-on line with many "said" cues once needed memory
// quadratic in its length (every attribution copied the rest of the
// sentence). Sentences are now capped in length and link windows bounded.
TEST(CliBadInput, ProcessesARunOnLineFullOfReportingVerbs) {
#ifdef CLAIMTRACE_SANITIZED
  GTEST_SKIP() << "needs the address-space cap, which sanitizers rule out";
#endif
  TempDir dir;
  const std::string big = dir / "run_on.txt";
  {
    std::string line;
    while (line.size() < (size_t{2} << 20)) line += "the harbour master said the ferry left and ";
    WriteFile(big, line);
  }
  CliOptions options;
  options.memory_cap_mb = 2048;
  CliRun run = RunCli("extract " + Q(big) + " " + Q(kGood), dir, options);
  ASSERT_EQ(run.lines.size(), 2u) << "exit " << run.exit_code << " stderr: " << run.err.substr(0, 500);
  EXPECT_TRUE(run.lines[0]["error"].is_null()) << ErrorOf(run.lines[0]);
  EXPECT_TRUE(run.lines[1]["error"].is_null());
  EXPECT_EQ(run.exit_code, 0);
}

TEST(CliBadInput, ReportsEveryBadInputOfOneBatchAndProcessesTheRest) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "nul.txt", std::string("Text\0with a NUL byte", 20));
  WriteFile(dir / "latin.txt", "Ferry service resumed at the caf\xE9 pier on Friday.\n");  // Windows-1252: fine
  WriteFile(dir / "feed.jsonl", "{\"id\": \"ok\", \"text\": \"The pier reopened.\"}\n{broken\n");
  fs::create_directories(dir.path() / "walk");
  fs::create_directory_symlink(".", dir.path() / "walk" / "self");
  std::string args = "extract";
  for (const std::string& p : {dir / "empty.txt", kGood, dir / "nul.txt", dir / "missing.txt", dir / "latin.txt",
                               dir / "feed.jsonl", dir / "walk", kGood}) {
    args += " " + Q(p);
  }
  CliRun run = RunCli(args, dir);
  std::vector<std::string> inputs, errors;
  for (const Json& j : run.lines) {
    ExpectContractFields(j);
    inputs.push_back(j["input"]);
    errors.push_back(ErrorOf(j));
  }
  std::vector<std::string> expected_inputs = {dir / "empty.txt",         kGood,
                                              dir / "nul.txt",           dir / "missing.txt",
                                              dir / "latin.txt",         dir / "feed.jsonl" + std::string("#ok"),
                                              dir / "feed.jsonl#line-2", dir / "walk/self",
                                              kGood};
  ASSERT_EQ(inputs, expected_inputs) << run.err;
  std::vector<bool> failed;
  for (const std::string& e : errors) failed.push_back(!e.empty());
  EXPECT_EQ(failed, (std::vector<bool>{true, false, true, true, false, false, true, true, false}));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Has(run.err, "9 documents, 5 failed")) << run.err;
}

TEST(Cli, ExitsZeroWhenEveryDocumentIsGood) {
  TempDir dir;
  WriteFile(dir / "second.txt", "Harbour workers cleared debris from the pier overnight, the port authority said.\n");
  CliRun run = RunCli("extract " + Q(kGood) + " " + Q(dir / "second.txt"), dir);
  ASSERT_EQ(run.lines.size(), 2u) << run.err;
  for (const Json& j : run.lines) {
    ExpectContractFields(j);
    EXPECT_TRUE(j["error"].is_null());
  }
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST(Cli, ReadsTheGoodArticleIntoTheContract) {
  TempDir dir;
  CliRun run = RunCli("extract " + Q(kGood), dir);
  ASSERT_EQ(run.lines.size(), 1u) << run.err;
  const Json& j = run.lines[0];
  ExpectContractFields(j);
  EXPECT_EQ(j["doc_id"].get<std::string>().size(), 24u);
  EXPECT_EQ(j["title"], "Ferries return to Vorna island after week of storms");
  EXPECT_EQ(j["outlet"]["name"], "Harbour Gazette");
  EXPECT_EQ(j["published"], "2024-03-14");
  std::string text = j["text"];
  EXPECT_FALSE(Has(text, "Share this article"));
  EXPECT_FALSE(Has(text, "Coast | Weather"));
  EXPECT_TRUE(Has(text, "Ferry service to Vorna island resumed"));
  for (const Json& a : j["attributions"]) {
    auto span = a["content"]["span"];
    std::string content = a["content"]["text"];
    EXPECT_EQ(text.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>()), content);
  }
}

TEST(Cli, ExitsTwoWithoutASubcommand) {
  TempDir dir;
  CliOptions options;
  options.parse_json = false;
  EXPECT_EQ(RunCli("", dir, options).exit_code, 2);
}

TEST(Cli, ExitsTwoOnUsageErrors) {
  TempDir dir;
  CliOptions options;
  options.parse_json = false;
  EXPECT_EQ(RunCli("extract", dir, options).exit_code, 2);  // no inputs
  EXPECT_EQ(RunCli("extract --no-such-option " + Q(kGood), dir, options).exit_code, 2);
  EXPECT_EQ(RunCli("no-such-command", dir, options).exit_code, 2);
}

TEST(Cli, ReadsStdinFromAPipe) {
  TempDir dir;
  CliOptions options;
  options.stdin_command = "cat " + Q(kGood);
  CliRun run = RunCli("extract -", dir, options);
  ASSERT_EQ(run.lines.size(), 1u) << run.err;
  ExpectContractFields(run.lines[0]);
  EXPECT_EQ(run.lines[0]["input"], "-");
  EXPECT_TRUE(run.lines[0]["error"].is_null());
  EXPECT_TRUE(Has(run.lines[0]["text"].get<std::string>(), "Ferry service to Vorna island resumed"));
  EXPECT_EQ(run.exit_code, 0);
}

TEST(Cli, ReadsJsonLinesFromAPipe) {
  TempDir dir;
  WriteFile(dir / "feed.jsonl",
            "{\"id\": \"p1\", \"text\": \"The pier reopened, officials said.\"}\n{\"text\": \"Second record.\"}\n");
  CliOptions options;
  options.stdin_command = "cat " + Q(dir / "feed.jsonl");
  CliRun run = RunCli("extract -", dir, options);
  ASSERT_EQ(run.lines.size(), 2u) << run.err;
  EXPECT_EQ(run.lines[0]["input"], "-#p1");
  EXPECT_EQ(run.lines[1]["input"], "-#line-2");
  EXPECT_EQ(run.exit_code, 0);
}

TEST(Cli, ReportsAnEmptyStdin) {
  TempDir dir;
  CliOptions options;
  options.stdin_command = "printf ''";
  CliRun run = RunCli("extract -", dir, options);
  ASSERT_EQ(run.lines.size(), 1u) << run.err;
  EXPECT_EQ(run.lines[0]["input"], "-");
  EXPECT_TRUE(Has(ErrorOf(run.lines[0]), "empty")) << ErrorOf(run.lines[0]);
  EXPECT_EQ(run.exit_code, 1);
}

TEST(Cli, WritesToAnOutputFile) {
  TempDir dir;
  const std::string out = dir / "result.jsonl";
  CliOptions options;
  options.parse_json = false;
  CliRun run = RunCli("extract -o " + Q(out) + " " + Q(kGood), dir, options);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  Json j = Json::parse(ReadFile(out), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ExpectContractFields(j);
}

TEST(Cli, AttributionsReportsBadInputAndGoesOn) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  CliOptions options;
  options.parse_json = false;
  CliRun run = RunCli("attributions " + Q(dir / "empty.txt") + " " + Q(kGood), dir, options);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Has(run.out, "== " + (dir / "empty.txt"))) << run.out;
  EXPECT_TRUE(Has(run.out, "error: corruption: empty input")) << run.out;
  EXPECT_TRUE(Has(run.out, "== " + kGood)) << run.out;
  EXPECT_TRUE(Has(run.out, "Olav Rinne")) << run.out;
}

// Counts lines of one BRAT label ("Cue") in an .ann file.
size_t BratCount(const std::string& ann, const std::string& label) {
  size_t n = 0;
  std::istringstream in(ann);
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (!line.empty() && line[0] == 'T' && tab != std::string::npos && line.compare(tab + 1, label.size() + 1, label + " ") == 0)
      ++n;
  }
  return n;
}

TEST(Cli, WritesBratFilesInThePolnearSchemeOrTheWholeLedger) {
  TempDir dir;
  WriteFile(dir / "harbour.txt",
            "The Fjordposten reported that the coast guard said the trawler had sunk.\n\n"
            "The harbour council wants a second ferry by spring, its chairman said.\n\n"
            "“We will rebuild the pier,” the harbour master continued.\n");
  CliOptions options;
  options.parse_json = false;
  CliRun scheme = RunCli("attributions --brat " + Q(dir / "scheme") + " " + Q(dir / "harbour.txt"), dir, options);
  ASSERT_EQ(scheme.exit_code, 0) << scheme.err;
  CliRun all = RunCli("attributions --brat " + Q(dir / "all") + " --brat-all " + Q(dir / "harbour.txt"), dir, options);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  CliRun feats =
      RunCli("attributions --brat " + Q(dir / "feats") + " --brat-features " + Q(dir / "harbour.txt"), dir, options);
  ASSERT_EQ(feats.exit_code, 0) << feats.err;
  std::string s = ReadFile(dir / "scheme/harbour.ann"), a = ReadFile(dir / "all/harbour.ann"),
              f = ReadFile(dir / "feats/harbour.ann");
  // The ledger has no attitudes ("wants"); the feature run has them and every other attribution too.
  EXPECT_EQ(a.find("\twants"), std::string::npos) << a;
  EXPECT_NE(f.find("\twants"), std::string::npos) << f;
  EXPECT_GE(BratCount(f, "Cue"), BratCount(a, "Cue"));
  EXPECT_LE(BratCount(s, "Cue"), BratCount(f, "Cue"));
  EXPECT_NE(f.find("AnnotatorNotes"), std::string::npos);
  EXPECT_EQ(s.find("AnnotatorNotes"), std::string::npos);
  EXPECT_NE(a.find("\tcontinued"), std::string::npos) << a;
  EXPECT_GE(BratCount(s, "Cue"), 2u) << s;
}

TEST(Cli, BenchStopsAfterTheStageAskedFor) {
  TempDir dir;
  CliOptions options;
  options.parse_json = false;
  CliRun run = RunCli("bench --until attributions " + Q(kGood), dir, options);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "stages ingest to attributions")) << run.out;
  EXPECT_TRUE(Has(run.out, "claims         0")) << run.out;
  EXPECT_FALSE(Has(run.out, "attributions   0")) << run.out;
  CliRun bad = RunCli("bench --until tokens " + Q(kGood), dir, options);
  EXPECT_NE(bad.exit_code, 0);
}

}  // namespace
}  // namespace claimtrace::testing
