// InputReader over real files in a scratch directory: walking, skipping,
// JSON Lines records and the error document every bad input must yield.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "claimtrace/pipeline.h"
#include "test_support.h"

namespace claimtrace {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

constexpr char kArticle[] =
    "Ferry service to the island resumed on Friday.\n\n"
    "\u201CThe crossing is safe again,\u201D harbour master Olav Rinne said.\n";

std::vector<Document> ReadAll(std::vector<std::string> inputs, ReaderOptions options = {}) {
  InputReader reader(std::move(inputs), options);
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(&doc)) docs.push_back(doc);
  return docs;
}

std::vector<std::string> Inputs(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const Document& d : docs) out.push_back(d.input);
  return out;
}

bool Contains(const std::optional<std::string>& s, std::string_view part) {
  return s && s->find(part) != std::string::npos;
}

TEST(InputReader, ReadsOneTextFileWithIdAndRawText) {
  TempDir dir;
  WriteFile(dir / "story.txt", kArticle);
  std::vector<Document> docs = ReadAll({dir / "story.txt"});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].error) << *docs[0].error;
  EXPECT_EQ(docs[0].input, dir / "story.txt");
  EXPECT_EQ(docs[0].raw, kArticle);
  EXPECT_EQ(docs[0].format, InputFormat::kText);
  EXPECT_EQ(docs[0].doc_id.size(), 24u);
}

TEST(InputReader, WalksADirectoryRecursivelyInSortedOrder) {
  TempDir dir;
  WriteFile(dir / "b.txt", kArticle);
  WriteFile(dir / "a.txt", kArticle);
  WriteFile(dir / "m/inner.html", "<html><body><p>Inner page text here.</p></body></html>");
  WriteFile(dir / "m/deeper/c.txt", kArticle);
  WriteFile(dir / "z.txt", kArticle);
  std::vector<Document> docs = ReadAll({dir.path().string()});
  std::vector<std::string> expected = {dir / "a.txt", dir / "b.txt", dir / "m/deeper/c.txt", dir / "m/inner.html",
                                       dir / "z.txt"};
  EXPECT_EQ(Inputs(docs), expected);
  for (const Document& d : docs) EXPECT_FALSE(d.error) << d.input << ": " << *d.error;
  EXPECT_EQ(docs[3].format, InputFormat::kHtml);
}

TEST(InputReader, SkipsHiddenFilesAndNonArticleExtensions) {
  TempDir dir;
  WriteFile(dir / "keep.txt", kArticle);
  WriteFile(dir / ".hidden.txt", kArticle);
  WriteFile(dir / ".git/objects/x.txt", kArticle);
  WriteFile(dir / "NOTES.md", "# notes\n");
  WriteFile(dir / "photo.jpg", "\xFF\xD8\xFF\xE0");
  WriteFile(dir / "data.csv", "a,b\n");
  std::vector<Document> docs = ReadAll({dir.path().string()});
  EXPECT_EQ(Inputs(docs), std::vector<std::string>{dir / "keep.txt"});
}

TEST(InputReader, ReportsASymlinkLoopOnceAndGoesOnWithTheWalk) {
  TempDir dir;
  WriteFile(dir / "a.txt", kArticle);
  fs::create_directories(dir.path() / "b");
  fs::create_directory_symlink("..", dir.path() / "b" / "up");  // b/up -> the walk's root
  WriteFile(dir / "c.txt", kArticle);
  std::vector<Document> docs = ReadAll({dir.path().string()});
  std::vector<std::string> expected = {dir / "a.txt", dir / "b/up", dir / "c.txt"};
  ASSERT_EQ(Inputs(docs), expected);
  EXPECT_TRUE(Contains(docs[1].error, "symlink loop")) << docs[1].error.value_or("(no error)");
  EXPECT_FALSE(docs[0].error);
  EXPECT_FALSE(docs[2].error);
}

TEST(InputReader, ReportsASelfReferentialSymlinkAndGoesOn) {
  TempDir dir;
  fs::create_symlink("self.txt", dir.path() / "self.txt");  // ELOOP on stat
  WriteFile(dir / "story.txt", kArticle);
  std::vector<Document> docs = ReadAll({dir.path().string()});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].input, dir / "self.txt");
  EXPECT_TRUE(Contains(docs[0].error, "symlink")) << docs[0].error.value_or("(no error)");
  EXPECT_EQ(docs[1].input, dir / "story.txt");
  EXPECT_FALSE(docs[1].error);
}

TEST(InputReader, GivesAnErrorDocumentForAMissingPathAndGoesOn) {
  TempDir dir;
  WriteFile(dir / "story.txt", kArticle);
  std::vector<Document> docs = ReadAll({dir / "absent.txt", dir / "story.txt"});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].input, dir / "absent.txt");
  EXPECT_TRUE(Contains(docs[0].error, "no such file")) << docs[0].error.value_or("(no error)");
  EXPECT_TRUE(docs[0].doc_id.empty());
  EXPECT_FALSE(docs[1].error);
}

TEST(InputReader, GivesAnErrorDocumentForAnUnreadableFile) {
  TempDir dir;
  WriteFile(dir / "locked.txt", kArticle);
  WriteFile(dir / "story.txt", kArticle);
  fs::permissions(dir.path() / "locked.txt", fs::perms::none);
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: chmod 000 does not stop reads";
  std::vector<Document> docs = ReadAll({dir / "locked.txt", dir / "story.txt"});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].input, dir / "locked.txt");
  EXPECT_TRUE(Contains(docs[0].error, "denied")) << docs[0].error.value_or("(no error)");
  EXPECT_FALSE(docs[1].error);
}

TEST(InputReader, RefusesAFileOverTheSizeLimitWithAClearError) {
  TempDir dir;
  WriteFile(dir / "big.txt", std::string(4096, 'a'));
  WriteFile(dir / "story.txt", kArticle);
  ReaderOptions options;
  options.max_document_bytes = 1024;
  std::vector<Document> docs = ReadAll({dir / "big.txt", dir / "story.txt"}, options);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(Contains(docs[0].error, "over the limit")) << docs[0].error.value_or("(no error)");
  EXPECT_FALSE(docs[1].error);
}

TEST(InputReader, GivesAnErrorDocumentForEmptyAndWhitespaceOnlyFiles) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "blank.txt", " \n\t\n");
  std::vector<Document> docs = ReadAll({dir / "empty.txt", dir / "blank.txt"});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(Contains(docs[0].error, "empty")) << docs[0].error.value_or("(no error)");
  EXPECT_TRUE(Contains(docs[1].error, "whitespace")) << docs[1].error.value_or("(no error)");
}

TEST(InputReader, SniffsHtmlInATextFile) {
  TempDir dir;
  WriteFile(dir / "page.txt", "<!DOCTYPE html>\n<html><body><p>Body text here.</p></body></html>");
  std::vector<Document> docs = ReadAll({dir / "page.txt"});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, InputFormat::kHtml);
}

constexpr char kJsonl[] =
    R"({"id": "r1", "url": "https://example.org/r1", "outlet": "Harbour Gazette", "published": "2024-05-02", "title": "Ferries resume", "text": "Ferry service resumed on Friday."})"
    "\n"
    R"({"id": "r2", "text": "this line is cut off)"
    "\n"
    "\n"
    R"({"text": "A record without an id."})"
    "\n"
    R"({"id": "r5", "published": "2024-02-30", "text": "A record with an impossible date."})"
    "\n"
    R"({"id": "r6", "url": "https://example.org/r6"})"
    "\n"
    R"({"id": 7, "html": "<p>Numbered record in HTML.</p>"})"
    "\n";

TEST(InputReader, ReadsJsonLinesRecordsAndReportsAMalformedLineByNumber) {
  TempDir dir;
  const std::string path = dir / "feed.jsonl";
  WriteFile(path, kJsonl);
  std::vector<Document> docs = ReadAll({path});
  std::vector<std::string> expected = {path + "#r1", path + "#line-2", path + "#line-4", path + "#r5", path + "#r6",
                                       path + "#7"};
  ASSERT_EQ(Inputs(docs), expected);

  EXPECT_FALSE(docs[0].error);
  EXPECT_EQ(docs[0].raw, "Ferry service resumed on Friday.");
  EXPECT_EQ(docs[0].record_id, "r1");
  EXPECT_EQ(docs[0].url.value_or(""), "https://example.org/r1");
  ASSERT_TRUE(docs[0].outlet);
  EXPECT_EQ(docs[0].outlet->name, "Harbour Gazette");
  EXPECT_EQ(docs[0].published.value_or(""), "2024-05-02");
  EXPECT_EQ(docs[0].title.value_or(""), "Ferries resume");
  EXPECT_EQ(docs[0].format, InputFormat::kText);  // the record's body is plain text

  EXPECT_TRUE(Contains(docs[1].error, "line 2")) << docs[1].error.value_or("(no error)");
  EXPECT_TRUE(Contains(docs[1].error, "malformed JSON")) << docs[1].error.value_or("(no error)");

  EXPECT_FALSE(docs[2].error);  // blank line 3 is skipped but still counted
  EXPECT_TRUE(docs[2].record_id.empty());

  EXPECT_FALSE(docs[3].error);
  EXPECT_FALSE(docs[3].published);
  ASSERT_EQ(docs[3].flags.size(), 1u);
  EXPECT_EQ(docs[3].flags[0].kind, "bad_date");
  EXPECT_EQ(docs[3].flags[0].text, "2024-02-30");

  EXPECT_TRUE(Contains(docs[4].error, "neither 'text' nor 'html'")) << docs[4].error.value_or("(no error)");

  EXPECT_FALSE(docs[5].error);
  EXPECT_EQ(docs[5].format, InputFormat::kHtml);
}

TEST(InputReader, GoesOnToTheNextInputAfterAJsonLinesFile) {
  TempDir dir;
  WriteFile(dir / "feed.jsonl", kJsonl);
  WriteFile(dir / "story.txt", kArticle);
  std::vector<Document> docs = ReadAll({dir / "feed.jsonl", dir / "story.txt"});
  ASSERT_EQ(docs.size(), 7u);
  EXPECT_EQ(docs.back().input, dir / "story.txt");
  EXPECT_FALSE(docs.back().error);
}

TEST(InputReader, RecognisesJsonLinesInATextFileByItsFirstBrace) {
  TempDir dir;
  WriteFile(dir / "records.txt", R"({"id": "only", "text": "One record."})" "\n");
  std::vector<Document> docs = ReadAll({dir / "records.txt"});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].input, dir / "records.txt#only");
  EXPECT_EQ(docs[0].raw, "One record.");
}

TEST(InputReader, ReadsAHeadlineIndexRecordAsItsHeadlineAndSnippet) {
  TempDir dir;
  const std::string path = dir / "index.jsonl";
  WriteFile(path, R"({"t": "Ferries resume to Vorna", "d": "2025-06-06", "u": "https://example.org/f", "s": "VORNA, June 6. Ferry service resumed"})" "\n");
  std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].error) << *docs[0].error;
  EXPECT_EQ(docs[0].input, path + "#line-1");
  EXPECT_EQ(docs[0].raw, "Ferries resume to Vorna\n\nVORNA, June 6. Ferry service resumed");
  EXPECT_EQ(docs[0].title.value_or(""), "Ferries resume to Vorna");
  EXPECT_EQ(docs[0].published.value_or(""), "2025-06-06");
  EXPECT_EQ(docs[0].url.value_or(""), "https://example.org/f");
}

TEST(InputReader, ReportsNonObjectAndWrongTypeRecords) {
  TempDir dir;
  const std::string path = dir / "odd.jsonl";
  WriteFile(path,
            "[1, 2, 3]\n"
            R"({"id": "t", "text": 42})" "\n"
            R"({"id": "n", "text": "nul \u0000 inside"})" "\n");
  std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(Contains(docs[0].error, "line 1")) << docs[0].error.value_or("(no error)");
  EXPECT_TRUE(Contains(docs[1].error, "'text' must be a string")) << docs[1].error.value_or("(no error)");
  EXPECT_TRUE(Contains(docs[2].error, "NUL")) << docs[2].error.value_or("(no error)");
}

}  // namespace
}  // namespace claimtrace
