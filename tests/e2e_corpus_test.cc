// Runs over the real corpora in ../shared (third-party text: read in place,
// never copied into the repository). Skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "claimtrace/pipeline.h"
#include "cli_runner.h"
#include "test_support.h"

namespace claimtrace::testing {
namespace {

namespace fs = std::filesystem;

const std::string kCorpus = std::string(CLAIMTRACE_SHARED_DIR) + "/corpus";

#define SKIP_WITHOUT_SHARED()                                                  \
  do {                                                                         \
    if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "../shared not found: skipping corpus test"; \
  } while (0)

constexpr char kAllChrome[] = "corruption: no article text left after cleaning";

size_t NonBlankLines(const std::string& path) {
  std::string all = ReadFile(path);
  size_t n = 0;
  for (size_t b = 0; b < all.size();) {
    size_t e = all.find('\n', b);
    if (e == std::string::npos) e = all.size();
    if (all.find_first_not_of(" \t\r", b) < e) ++n;
    b = e + 1;
  }
  return n;
}

// The corpora whose records carry article text.
std::vector<std::string> ArticleInputs() {
  return {kCorpus + "/seeds", kCorpus + "/gdelt-ukraine/articles.jsonl", kCorpus + "/ru-official/mfa_telegram.jsonl"};
}

size_t ExpectedDocuments() {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(kCorpus + "/seeds")) n += e.path().extension() == ".txt";
  return n + NonBlankLines(kCorpus + "/gdelt-ukraine/articles.jsonl") +
         NonBlankLines(kCorpus + "/ru-official/mfa_telegram.jsonl");
}

TEST(Corpus, CliProcessesRealArticlesRefusingOnlyAllChromeRecords) {
  SKIP_WITHOUT_SHARED();
  TempDir dir;
  std::string args = "extract";
  for (const std::string& in : ArticleInputs()) args += " " + ShellQuote(in);
  CliRun run = RunCli(args, dir);
  EXPECT_EQ(run.lines.size(), ExpectedDocuments());
  size_t failed = 0;
  for (const Json& j : run.lines) {
    ExpectContractFields(j);
    if (j["error"].is_null()) continue;
    // A few scraped records hold nothing but a sign-up box; refusing them is right.
    ++failed;
    EXPECT_EQ(ErrorOf(j), kAllChrome) << j["input"];
  }
  EXPECT_LE(failed * 100, run.lines.size()) << "more than 1% of real articles failed";
  EXPECT_EQ(run.exit_code, failed ? 1 : 0) << run.err.substr(0, 500);
}

TEST(Corpus, ReadsAHeadlineIndexAsOneDocumentPerRecordAndCarriesOn) {
  SKIP_WITHOUT_SHARED();
  // The TASS headline index has title/date/url/snippet fields (t, d, u, s) and no text.
  const std::string index = kCorpus + "/ru-official/tass_headlines.jsonl";
  TempDir dir;
  WriteFile(dir / "after.txt", "Ferry service to Vorna island resumed on Friday, the port authority said.\n");
  CliRun run = RunCli("extract " + ShellQuote(index) + " " + ShellQuote(dir / "after.txt"), dir);
  size_t records = NonBlankLines(index);
  ASSERT_EQ(run.lines.size(), records + 1);
  size_t failed = 0;
  for (size_t i = 0; i < records; ++i) {
    ASSERT_EQ(run.lines[i]["input"].get<std::string>().rfind(index + "#", 0), 0u) << run.lines[i]["input"];
    if (run.lines[i]["error"].is_null()) {
      ASSERT_FALSE(run.lines[i]["title"].is_null()) << run.lines[i]["input"];
      continue;
    }
    ++failed;
    EXPECT_EQ(ErrorOf(run.lines[i]), kAllChrome) << run.lines[i]["input"];
  }
  EXPECT_LE(failed * 100, records);
  EXPECT_EQ(run.lines.back()["input"], dir / "after.txt");
  EXPECT_TRUE(run.lines.back()["error"].is_null());
  EXPECT_EQ(run.exit_code, failed ? 1 : 0);
}

// Library-level invariants over real text: clean keeps byte-identical pieces
// of the input, and segment's spans nest and stay in bounds.
TEST(Corpus, CleanAndSegmentKeepTheirInvariantsOnRealArticles) {
  SKIP_WITHOUT_SHARED();
  PipelineOptions options;
  options.extract_attributions = false;
  Pipeline pipeline(options);
  InputReader reader(ArticleInputs());
  Document doc;
  size_t docs = 0;
  while (reader.Next(&doc)) {
    ++docs;
    pipeline.Process(&doc);
    if (doc.error) {
      EXPECT_EQ(*doc.error, kAllChrome) << doc.input;
      continue;
    }
    SCOPED_TRACE(doc.input);
    uint32_t covered_to = 0;
    for (const OffsetPiece& p : doc.offsets) {
      ASSERT_GE(p.clean_begin, covered_to);
      ASSERT_LE(p.raw_begin + p.length, doc.raw.size());
      ASSERT_EQ(doc.text.compare(p.clean_begin, p.length, doc.raw, p.raw_begin, p.length), 0);
      covered_to = p.clean_begin + p.length;
    }
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      ASSERT_LE(doc.tokens[i].span.end, doc.text.size());
      ASSERT_LT(doc.tokens[i].span.begin, doc.tokens[i].span.end);
      if (i > 0) {
        ASSERT_GE(doc.tokens[i].span.begin, doc.tokens[i - 1].span.end);
      }
    }
    for (const Sentence& s : doc.sentences) {
      ASSERT_LT(s.paragraph, doc.paragraphs.size());
      ASSERT_TRUE(doc.paragraphs[s.paragraph].span.Contains(s.span));
    }
    for (const Quote& q : doc.quotes) {
      ASSERT_TRUE(q.span.Contains(q.inner));
      ASSERT_LE(q.span.end, doc.text.size());
      ASSERT_LE(q.open_token, q.close_token);
    }
  }
  EXPECT_EQ(docs, ExpectedDocuments());
}

}  // namespace
}  // namespace claimtrace::testing
