// The CLI over examples/ (invented articles): every file listed in
// examples/README.md processes without error, and every document except the
// own-voice summary has attributions.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "test_support.h"

namespace claimtrace::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExamples = std::string(CLAIMTRACE_SOURCE_DIR) + "/examples";
constexpr char kNoAttributions[] = "08_own_voice_summary.txt";

// File names in the README's table rows: "| `01_wire_original.txt` | ... |".
std::set<std::string> ReadmeFiles() {
  std::set<std::string> files;
  std::string readme = ReadFile(kExamples + "/README.md");
  std::regex row(R"(^\|\s*`([^`]+)`\s*\|)", std::regex::multiline);
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), row); it != std::sregex_iterator(); ++it) {
    files.insert((*it)[1].str());
  }
  return files;
}

// Output lines grouped by example file name (the part of `input` before '#').
std::map<std::string, std::vector<Json>> ByFile(const CliRun& run) {
  std::map<std::string, std::vector<Json>> out;
  for (const Json& j : run.lines) {
    std::string input = j["input"];
    std::string path = input.substr(0, input.find('#'));
    out[fs::path(path).filename().string()].push_back(j);
  }
  return out;
}

TEST(Examples, ReadmeListsExactlyTheExampleFiles) {
  std::set<std::string> on_disk;
  for (const auto& e : fs::directory_iterator(kExamples)) {
    if (e.path().filename() != "README.md") on_disk.insert(e.path().filename().string());
  }
  std::set<std::string> listed = ReadmeFiles();
  EXPECT_FALSE(listed.empty());
  EXPECT_EQ(listed, on_disk);
  EXPECT_EQ(listed.count(kNoAttributions), 1u);
}

class ExamplesRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    run_ = new CliRun(RunCli("extract " + ShellQuote(kExamples), *dir_));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
  }
  static TempDir* dir_;
  static CliRun* run_;
};
TempDir* ExamplesRun::dir_ = nullptr;
CliRun* ExamplesRun::run_ = nullptr;

TEST_F(ExamplesRun, ProcessesEveryExampleWithoutErrorAndExitsZero) {
  EXPECT_EQ(run_->exit_code, 0) << run_->err;
  std::map<std::string, std::vector<Json>> by_file = ByFile(*run_);
  for (const std::string& file : ReadmeFiles()) {
    ASSERT_TRUE(by_file.count(file)) << file << " gave no output line";
    for (const Json& j : by_file[file]) {
      ExpectContractFields(j);
      EXPECT_TRUE(j["error"].is_null()) << j["input"] << ": " << j["error"];
      EXPECT_FALSE(j["text"].get<std::string>().empty()) << j["input"];
    }
  }
  EXPECT_EQ(by_file.count("README.md"), 0u) << "the walk must skip .md files";
}

TEST_F(ExamplesRun, FindsAttributionsInEveryExampleButTheOwnVoiceSummary) {
  std::map<std::string, std::vector<Json>> by_file = ByFile(*run_);
  for (const std::string& file : ReadmeFiles()) {
    for (const Json& j : by_file[file]) {
      if (file == kNoAttributions) {
        EXPECT_TRUE(j["attributions"].empty()) << j["input"] << " should have no attributions";
      } else {
        EXPECT_FALSE(j["attributions"].empty()) << j["input"] << " has no attributions";
      }
    }
  }
}

TEST_F(ExamplesRun, GivesOneLinePerRecordOfTheJsonLinesExample) {
  std::map<std::string, std::vector<Json>> by_file = ByFile(*run_);
  std::string feed = ReadFile(kExamples + "/11_feed.jsonl");
  size_t records = 0;
  for (size_t b = 0; b < feed.size();) {
    size_t e = feed.find('\n', b);
    if (e == std::string::npos) e = feed.size();
    if (feed.find_first_not_of(" \t\r", b) < e) ++records;
    b = e + 1;
  }
  ASSERT_EQ(by_file["11_feed.jsonl"].size(), records);
  for (const Json& j : by_file["11_feed.jsonl"]) {
    EXPECT_NE(j["input"].get<std::string>().find("11_feed.jsonl#"), std::string::npos);
  }
}

TEST_F(ExamplesRun, KeepsAttributionSpansInsideTheText) {
  for (const Json& j : run_->lines) {
    const std::string text = j["text"];
    for (const Json& a : j["attributions"]) {
      for (const char* part : {"cue", "content"}) {
        size_t b = a[part]["span"][0], e = a[part]["span"][1];
        ASSERT_LE(b, e);
        ASSERT_LE(e, text.size());
        EXPECT_EQ(text.substr(b, e - b), a[part]["text"].get<std::string>()) << j["input"] << " " << part;
      }
    }
  }
}

TEST(Examples, PrintsAttributionsForEveryExample) {
  TempDir dir;
  CliOptions options;
  options.parse_json = false;
  CliRun run = RunCli("attributions " + ShellQuote(kExamples), dir, options);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  for (const std::string& file : ReadmeFiles()) {
    EXPECT_NE(run.out.find("/examples/" + file), std::string::npos) << file;
  }
  EXPECT_EQ(run.out.find("error:"), std::string::npos);
}

}  // namespace
}  // namespace claimtrace::testing
