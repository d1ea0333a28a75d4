// The CLI on web inputs: a WARC.gz with a damaged record in the middle, a
// gzip-compressed page, and the usage error when nothing is given.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"
#include "ingest/warc_writer.h"

namespace claimtrace::testing {
namespace {

using ingest::GzipMember;
using ingest::HttpResponseBytes;
using ingest::WarcRecordBytes;

std::string Page(int i) {
  return "<!DOCTYPE html><html><head><title>Ferry report " + std::to_string(i) +
         "</title></head><body><p>\"The ferries will run again on day " + std::to_string(i) +
         ",\" the harbour master said on Tuesday.</p></body></html>";
}

std::string ResponseMember(int i) {
  return GzipMember(WarcRecordBytes("response", "id-" + std::to_string(i), "https://example.org/" + std::to_string(i),
                                    "application/http; msgtype=response",
                                    HttpResponseBytes("text/html; charset=utf-8", Page(i))));
}

TEST(CliWeb, ExtractsEveryPageOfAWarcGzAroundADamagedRecord) {
  TempDir dir;
  std::string warc;
  for (int i = 1; i <= 5; ++i) {
    std::string m = ResponseMember(i);
    if (i == 3) m.resize(m.size() / 2);
    warc += m;
  }
  WriteFile(dir / "crawl.warc.gz", warc);
  WriteFile(dir / "page.html.gz", GzipMember(Page(9)));
  CliRun run = RunCli("extract " + ShellQuote(dir / "crawl.warc.gz") + " " + ShellQuote(dir / "page.html.gz"), dir);
  EXPECT_EQ(run.exit_code, 1) << run.err;  // one document failed
  ASSERT_EQ(run.lines.size(), 6u) << run.out;
  int errors = 0;
  for (size_t i = 0; i < run.lines.size(); ++i) {
    const Json& line = run.lines[i];
    if (line.contains("error") && !line["error"].is_null()) {
      ++errors;
      EXPECT_EQ(i, 2u);
      EXPECT_NE(line["error"].get<std::string>().find("record 3"), std::string::npos) << line.dump();
    } else {
      EXPECT_FALSE(line["attributions"].empty()) << line.dump();
    }
  }
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(run.lines[3]["url"], "https://example.org/4");
  EXPECT_NE(run.err.find("6 documents, 1 failed"), std::string::npos) << run.err;
}

TEST(CliWeb, RefusesARunWithNoInputs) {
  TempDir dir;
  CliOptions options;
  options.parse_json = false;
  CliRun run = RunCli("extract", dir, options);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no inputs"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace claimtrace::testing
