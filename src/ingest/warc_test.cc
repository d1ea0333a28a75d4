#include "ingest/warc.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimtrace/pipeline.h"
#include "ingest/gzip.h"
#include "ingest/http_payload.h"
#include "ingest/warc_writer.h"
#include "test_support.h"

namespace claimtrace::ingest {
namespace {

using claimtrace::testing::TempDir;
using claimtrace::testing::WriteFile;

std::string Page(int i) {
  return "<!DOCTYPE html><html><head><title>Harbour report " + std::to_string(i) +
         "</title></head><body><p>The harbour master said ferries would resume on day " + std::to_string(i) +
         ".</p></body></html>";
}

std::string Response(int i) {
  return WarcRecordBytes("response", "rec-" + std::to_string(i), "https://example.org/a" + std::to_string(i),
                         "application/http; msgtype=response", HttpResponseBytes("text/html; charset=utf-8", Page(i)));
}

std::vector<WarcRecord> ReadAllRecords(WarcReader reader) {
  std::vector<WarcRecord> out;
  WarcRecord rec;
  while (reader.Next(&rec)) out.push_back(rec);
  return out;
}

TEST(WarcReader, ReadsRecordsOfAPlainFile) {
  std::string warc = WarcRecordBytes("warcinfo", "info", "", "application/warc-fields", "software: test\r\n") +
                     Response(1) + Response(2);
  auto recs = ReadAllRecords(WarcReader::FromMemory(warc));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].type, "warcinfo");
  EXPECT_EQ(recs[1].type, "response");
  EXPECT_EQ(recs[1].record_id, "urn:uuid:rec-1");
  EXPECT_EQ(recs[1].target_uri, "https://example.org/a1");
  EXPECT_EQ(recs[2].number, 3u);
  for (const auto& r : recs) EXPECT_TRUE(r.error.empty()) << r.error;
  EXPECT_NE(recs[2].block.find("day 2"), std::string::npos);
  // Offsets point at each record's version line.
  EXPECT_EQ(warc.substr(recs[2].offset, 8), "WARC/1.0");
}

TEST(WarcReader, ReadsAGzipMemberPerRecord) {
  std::string gz = GzipMember(Response(1)) + GzipMember(Response(2)) + GzipMember(Response(3));
  WarcReader reader = WarcReader::FromMemory(gz);
  auto recs = ReadAllRecords(std::move(reader));
  ASSERT_EQ(recs.size(), 3u);
  for (const auto& r : recs) EXPECT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(recs[1].offset, GzipMember(Response(1)).size());  // the second member's file offset
  EXPECT_NE(recs[2].block.find("day 3"), std::string::npos);
}

TEST(WarcReader, ReportsGarbageBetweenRecordsOnceAndResynchronises) {
  std::string warc = Response(1) + "this is not a record\r\nnor is this\r\n" + Response(2);
  auto recs = ReadAllRecords(WarcReader::FromMemory(warc));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_TRUE(recs[0].error.empty());
  EXPECT_NE(recs[1].error.find("record 2"), std::string::npos) << recs[1].error;
  EXPECT_NE(recs[1].error.find("version line"), std::string::npos) << recs[1].error;
  EXPECT_TRUE(recs[2].error.empty()) << recs[2].error;
  EXPECT_EQ(recs[2].record_id, "urn:uuid:rec-2");
}

TEST(WarcReader, AContentLengthTooLongDoesNotSwallowTheNextRecord) {
  std::string bad = Response(2);
  size_t at = bad.find("Content-Length: ", bad.find("\r\n\r\n") > 0 ? 0 : 0);
  size_t eol = bad.find("\r\n", at);
  std::string real = bad.substr(at + 16, eol - at - 16);
  bad.replace(at + 16, eol - at - 16, std::to_string(std::stoul(real) + 300));
  std::string warc = Response(1) + bad + Response(3) + Response(4);
  auto recs = ReadAllRecords(WarcReader::FromMemory(warc));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_TRUE(recs[0].error.empty());
  EXPECT_NE(recs[1].error.find("wrong Content-Length"), std::string::npos) << recs[1].error;
  EXPECT_EQ(recs[2].record_id, "urn:uuid:rec-3");
  EXPECT_TRUE(recs[2].error.empty()) << recs[2].error;
  EXPECT_EQ(recs[3].record_id, "urn:uuid:rec-4");
}

TEST(WarcReader, ReportsMissingAndNonNumericContentLength) {
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\nx\r\n\r\n";
  std::string bad_length = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n";
  // A length that would overflow a 64-bit integer (found by fuzz_warc).
  std::string huge_length = "WARC/1.0\r\nContent-Length: 999999999999999999999999999999\r\n\r\nabc\r\n\r\n";
  auto recs = ReadAllRecords(WarcReader::FromMemory(no_length + bad_length + huge_length + Response(4)));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_NE(recs[0].error.find("no Content-Length"), std::string::npos) << recs[0].error;
  EXPECT_NE(recs[1].error.find("not a number"), std::string::npos) << recs[1].error;
  EXPECT_NE(recs[2].error.find("not a number"), std::string::npos) << recs[2].error;
  EXPECT_TRUE(recs[3].error.empty()) << recs[3].error;
}

TEST(WarcReader, ReportsATruncatedLastRecord) {
  std::string warc = Response(1) + Response(2);
  warc.resize(warc.size() - 40);
  auto recs = ReadAllRecords(WarcReader::FromMemory(warc));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_TRUE(recs[0].error.empty());
  EXPECT_NE(recs[1].error.find("truncated"), std::string::npos) << recs[1].error;
}

TEST(WarcReader, SkipsADamagedGzipMemberAndReadsTheRest) {
  std::string m1 = GzipMember(Response(1)), m2 = GzipMember(Response(2)), m3 = GzipMember(Response(3));
  // Garbage over the middle of member 2's deflate data.
  for (size_t i = m2.size() / 3; i < m2.size() / 3 + 24; ++i) m2[i] = static_cast<char>(0xA5 ^ i);
  auto recs = ReadAllRecords(WarcReader::FromMemory(m1 + m2 + m3));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_TRUE(recs[0].error.empty()) << recs[0].error;
  EXPECT_NE(recs[1].error.find("gzip"), std::string::npos) << recs[1].error;
  EXPECT_NE(recs[1].error.find("at byte " + std::to_string(m1.size())), std::string::npos) << recs[1].error;
  EXPECT_TRUE(recs[2].error.empty()) << recs[2].error;
  EXPECT_EQ(recs[2].record_id, "urn:uuid:rec-3");
}

TEST(WarcReader, SkipsATruncatedGzipMemberInTheMiddle) {
  std::string m1 = GzipMember(Response(1)), m2 = GzipMember(Response(2)), m3 = GzipMember(Response(3));
  m2.resize(m2.size() / 2);
  auto recs = ReadAllRecords(WarcReader::FromMemory(m1 + m2 + m3));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_TRUE(recs[0].error.empty()) << recs[0].error;
  EXPECT_FALSE(recs[1].error.empty());
  EXPECT_EQ(recs[2].record_id, "urn:uuid:rec-3") << recs[2].error;
  EXPECT_TRUE(recs[2].error.empty()) << recs[2].error;
}

TEST(WarcReader, ReportsAFileThatCannotBeOpened) {
  auto recs = ReadAllRecords(WarcReader::Open("/nonexistent/dir/crawl.warc.gz"));
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_NE(recs[0].error.find("cannot open"), std::string::npos) << recs[0].error;
}

TEST(WarcRecordToDocument, MakesADocumentOfAnHtmlResponse) {
  auto recs = ReadAllRecords(WarcReader::FromMemory(Response(7)));
  ASSERT_EQ(recs.size(), 1u);
  Document doc;
  ASSERT_EQ(WarcRecordToDocument("crawl.warc", recs[0], 1 << 20, &doc), WarcUse::kDocument);
  EXPECT_FALSE(doc.error) << *doc.error;
  EXPECT_EQ(doc.input, "crawl.warc#urn:uuid:rec-7");
  EXPECT_EQ(doc.url.value_or(""), "https://example.org/a7");
  EXPECT_EQ(doc.format, InputFormat::kHtml);
  EXPECT_EQ(doc.declared_charset.value_or(""), "utf-8");
  EXPECT_EQ(doc.raw, Page(7));
  EXPECT_EQ(doc.doc_id.size(), 24u);
}

TEST(WarcRecordToDocument, SkipsRequestsNonHtmlAndNon200Responses) {
  std::string warc =
      WarcRecordBytes("request", "q", "https://example.org/", "application/http; msgtype=request",
                      "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n") +
      WarcRecordBytes("response", "img", "https://example.org/i.png", "application/http; msgtype=response",
                      HttpResponseBytes("image/png", "\x89PNG....")) +
      WarcRecordBytes("response", "gone", "https://example.org/g", "application/http; msgtype=response",
                      "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>");
  auto recs = ReadAllRecords(WarcReader::FromMemory(warc));
  ASSERT_EQ(recs.size(), 3u);
  for (const auto& r : recs) {
    Document doc;
    EXPECT_EQ(WarcRecordToDocument("c.warc", r, 1 << 20, &doc), WarcUse::kSkipped) << r.type << " " << r.record_id;
  }
}

TEST(WarcRecordToDocument, UndoesChunkingAndGzipAndUsesTheDeclaredCharset) {
  std::string body = "<html><body><p>Caf\xE9 on the quay, said the mayor.</p></body></html>";  // Latin-1
  std::string gz = GzipMember(body);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 10) {
    std::string piece = gz.substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n"
                     "Content-Encoding: gzip\r\n\r\n" + chunked;
  auto recs = ReadAllRecords(WarcReader::FromMemory(
      WarcRecordBytes("response", "c", "https://example.org/c", "application/http; msgtype=response", http)));
  ASSERT_EQ(recs.size(), 1u);
  Document doc;
  ASSERT_EQ(WarcRecordToDocument("c.warc", recs[0], 1 << 20, &doc), WarcUse::kDocument);
  ASSERT_FALSE(doc.error) << *doc.error;
  EXPECT_EQ(doc.raw, "<html><body><p>Caf\u00E9 on the quay, said the mayor.</p></body></html>");
  EXPECT_EQ(doc.encoding, "windows-1252");
}

TEST(WarcRecordToDocument, TurnsADamagedRecordIntoAnErrorNamingTheFileAndRecord) {
  WarcRecord rec;
  rec.number = 4;
  rec.error = "record 4 (at byte 900): no Content-Length header";
  Document doc;
  ASSERT_EQ(WarcRecordToDocument("crawl.warc", rec, 1 << 20, &doc), WarcUse::kDocument);
  ASSERT_TRUE(doc.error);
  EXPECT_EQ(doc.input, "crawl.warc#record-4");
  EXPECT_NE(doc.error->find("crawl.warc"), std::string::npos);
  EXPECT_NE(doc.error->find("record 4"), std::string::npos);
}

TEST(Http, RefusesBrokenChunking) {
  std::string out;
  EXPECT_EQ(Dechunk("zz\r\nabc\r\n0\r\n\r\n", 100, &out).code(), StatusCode::kCorruption);
  EXPECT_EQ(Dechunk("10\r\nabc", 100, &out).code(), StatusCode::kCorruption);
  EXPECT_EQ(Dechunk("3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", 4, &out).code(), StatusCode::kResourceExhausted);
  ASSERT_TRUE(Dechunk("3\r\nabc\r\n3;ext=1\r\ndef\r\n0\r\n\r\n", 100, &out).ok());
  EXPECT_EQ(out, "abcdef");
}

TEST(Gunzip, RefusesABombOverTheLimit) {
  std::string bomb = GzipMember(std::string(4 << 20, 'a'));  // 4 MB of 'a' in a few KB
  std::string out;
  Status s = Gunzip(bomb, 1 << 20, &out);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted) << s.ToString();
  EXPECT_TRUE(out.empty());
  ASSERT_TRUE(Gunzip(bomb, 8 << 20, &out).ok());
  EXPECT_EQ(out.size(), size_t{4} << 20);
}

TEST(Gunzip, ReportsTruncatedAndCorruptStreams) {
  std::string gz = GzipMember("A short article about ferries.");
  std::string out;
  Status cut = Gunzip(std::string_view(gz).substr(0, gz.size() - 6), 1 << 20, &out);
  EXPECT_EQ(cut.code(), StatusCode::kCorruption);
  EXPECT_NE(cut.message().find("truncated"), std::string::npos) << cut.message();
  std::string bad = gz;
  bad[bad.size() - 6] ^= 0x55;  // inside the CRC-32
  EXPECT_EQ(Gunzip(bad, 1 << 20, &out).code(), StatusCode::kCorruption);
  EXPECT_EQ(Gunzip("plain text", 1 << 20, &out).code(), StatusCode::kCorruption);
}

TEST(Gunzip, ReadsConcatenatedMembers) {
  std::string out;
  ASSERT_TRUE(Gunzip(GzipMember("one ") + GzipMember("two"), 100, &out).ok());
  EXPECT_EQ(out, "one two");
}

// Through InputReader: .warc.gz and .html.gz files in a directory walk.
TEST(InputReaderWeb, ReadsAWarcGzWithADamagedRecordEndToEnd) {
  TempDir dir;
  std::string m2 = GzipMember(Response(2));
  m2.resize(m2.size() - 20);  // truncated member in the middle
  std::string warc = GzipMember(WarcRecordBytes("warcinfo", "i", "", "application/warc-fields", "x: y\r\n")) +
                     GzipMember(Response(1)) + m2 + GzipMember(Response(3));
  WriteFile(dir / "crawl.warc.gz", warc);
  WriteFile(dir / "page.html.gz", GzipMember(Page(9)));
  InputReader reader({dir.path().string()});
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(&doc)) docs.push_back(doc);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].input, dir / "crawl.warc.gz#urn:uuid:rec-1");
  EXPECT_FALSE(docs[0].error);
  ASSERT_TRUE(docs[1].error);
  EXPECT_NE(docs[1].error->find("crawl.warc.gz"), std::string::npos) << *docs[1].error;
  EXPECT_NE(docs[1].error->find("record 3"), std::string::npos) << *docs[1].error;
  EXPECT_EQ(docs[2].input, dir / "crawl.warc.gz#urn:uuid:rec-3");
  EXPECT_FALSE(docs[2].error);
  EXPECT_EQ(docs[3].input, dir / "page.html.gz");
  EXPECT_EQ(docs[3].format, InputFormat::kHtml);
  EXPECT_EQ(docs[3].raw, Page(9));
  EXPECT_EQ(reader.stats().warc_records_skipped, 1u);  // the warcinfo record
}

TEST(InputReaderWeb, GivesClearErrorsForABrokenGzipAndABomb) {
  TempDir dir;
  WriteFile(dir / "a.txt.gz", "\x1f\x8b\x08 this is not deflate data at all");
  WriteFile(dir / "b.html.gz", GzipMember(std::string(3 << 20, ' ')));
  ReaderOptions options;
  options.max_document_bytes = 1 << 20;
  InputReader reader({dir / "a.txt.gz", dir / "b.html.gz"}, options);
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  ASSERT_TRUE(doc.error);
  EXPECT_NE(doc.error->find("gzip"), std::string::npos) << *doc.error;
  ASSERT_TRUE(reader.Next(&doc));
  ASSERT_TRUE(doc.error);
  EXPECT_NE(doc.error->find("limit"), std::string::npos) << *doc.error;
  EXPECT_FALSE(reader.Next(&doc));
}

}  // namespace
}  // namespace claimtrace::ingest
