// The store commands end to end: ingest (twice), claims, trace, export,
// stats on the examples; a kill -9 during ingest; a full disk; bad database
// files. Inputs for the crash and disk tests are generated from invented
// sentence templates.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "cli_runner.h"
#include "test_support.h"

namespace claimtrace::testing {
namespace {

const std::string kExamples = std::string(CLAIMTRACE_SOURCE_DIR) + "/examples";

std::string Q(const std::string& s) { return ShellQuote(s); }

CliOptions Text() {
  CliOptions o;
  o.parse_json = false;
  return o;
}

// `n` invented news records as JSON Lines: varied towns, numbers, sources and dates.
void WriteInventedCorpus(const std::string& path, int n) {
  const char* towns[] = {"Pokrovsk", "Kupiansk", "Vovchansk", "Kherson", "Sumy", "Izium", "Lyman", "Orikhiv"};
  const char* sources[] = {"the General Staff of the Armed Forces of Ukraine", "the Russian Defence Ministry",
                           "the regional governor", "a local official"};
  const char* sides[] = {"Russian", "Ukrainian"};
  const char* events[] = {"surrendered to", "were captured by", "withdrew from positions held against",
                          "were killed in fighting with"};
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < n; ++i) {
    int day = 1 + i % 28;
    std::string town = towns[i % 8];
    std::string text = std::to_string(10 + i % 90) + " " + sides[i % 2] + " soldiers " + events[(i / 3) % 4] +
                       " units near " + town + " on " + std::to_string(day) + " March, " + sources[(i / 5) % 4] +
                       " said in a statement on report number " + std::to_string(i) + ".\\n\\n" +
                       "The claim could not be independently verified. Officials in " + town +
                       " said fighting continued in the area through the night, and residents reported shelling "
                       "near the railway station.";
    out << "{\"id\": \"r" << i << "\", \"published\": \"2024-03-" << (day < 10 ? "0" : "") << day
        << "\", \"outlet\": \"Invented Wire " << (i % 7) << "\", \"url\": \"https://example.org/" << i
        << "\", \"text\": \"" << text << "\"}\n";
  }
}

struct DbCheck {
  std::string integrity;
  int batches = 0;
  int whole_batches = 0;
  int documents = 0;
};

DbCheck CheckDb(const std::string& path) {
  DbCheck c;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    c.integrity = "cannot open";
    sqlite3_close(db);
    return c;
  }
  auto scalar = [&](const char* sql, std::string* text, int* value) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      if (text) text->assign(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      if (value) *value = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
  };
  scalar("PRAGMA integrity_check", &c.integrity, nullptr);
  scalar("SELECT count(*) FROM batches", nullptr, &c.batches);
  scalar("SELECT count(*) FROM batches b WHERE b.documents = (SELECT count(*) FROM documents d WHERE d.batch = b.id)",
         nullptr, &c.whole_batches);
  scalar("SELECT count(*) FROM documents", nullptr, &c.documents);
  sqlite3_close(db);
  return c;
}

TEST(CliStore, IngestsTheExamplesAndIngestingTwiceChangesNothing) {
  TempDir dir;
  std::string db = (dir / "c.db");
  CliRun first = RunCli("ingest --db " + Q(db) + " " + Q(kExamples), dir, Text());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("stored"), std::string::npos) << first.out;
  CliRun claims1 = RunCli("claims --db " + Q(db) + " --format jsonl", dir);
  ASSERT_EQ(claims1.exit_code, 0) << claims1.err;
  ASSERT_FALSE(claims1.lines.empty());
  CliRun stats1 = RunCli("stats --db " + Q(db) + " --format json", dir);

  CliRun second = RunCli("ingest --db " + Q(db) + " " + Q(kExamples), dir, Text());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 new"), std::string::npos) << second.out;
  CliRun claims2 = RunCli("claims --db " + Q(db) + " --format jsonl", dir);
  EXPECT_EQ(claims1.out, claims2.out);
  CliRun stats2 = RunCli("stats --db " + Q(db) + " --format json", dir);
  EXPECT_EQ(stats1.out, stats2.out);

  // Every claim line carries the contract fields and its evidence status.
  for (const Json& c : claims1.lines) {
    EXPECT_TRUE(c.contains("type") && c.contains("chain") && c.contains("root") && c.contains("polarity"));
    EXPECT_TRUE(c["status"].is_string()) << c.dump();
    EXPECT_TRUE(c["claim_id"].is_number_integer());
  }
  DbCheck check = CheckDb(db);
  EXPECT_EQ(check.integrity, "ok");
  EXPECT_EQ(check.whole_batches, check.batches);
}

TEST(CliStore, ClaimsTraceExportAndStatsWorkOnTheExamples) {
  TempDir dir;
  std::string db = (dir / "c.db");
  ASSERT_EQ(RunCli("ingest --quiet --db " + Q(db) + " " + Q(kExamples), dir, Text()).exit_code, 0);
  CliRun table = RunCli("claims --db " + Q(db), dir, Text());
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_FALSE(table.out.empty());
  CliRun jsonl = RunCli("claims --db " + Q(db) + " --format jsonl --sort reports --limit 1", dir);
  ASSERT_EQ(jsonl.lines.size(), 1u);
  int64_t id = jsonl.lines[0]["claim_id"].get<int64_t>();
  CliRun trace = RunCli("trace --db " + Q(db) + " " + std::to_string(id), dir, Text());
  ASSERT_EQ(trace.exit_code, 0) << trace.err;
  EXPECT_NE(trace.out.find("└"), std::string::npos) << trace.out;
  CliRun trace_json = RunCli("trace --db " + Q(db) + " --format json " + std::to_string(id), dir, Text());
  Json t = Json::parse(trace_json.out, nullptr, false);
  ASSERT_FALSE(t.is_discarded());
  EXPECT_FALSE(t["nodes"].empty());

  CliRun filtered = RunCli("claims --db " + Q(db) + " --format jsonl --type surrender", dir);
  ASSERT_EQ(filtered.exit_code, 0);
  for (const Json& c : filtered.lines) {  // the main type, or one of the types (docs/api.md "Filters")
    EXPECT_TRUE(std::find(c["types"].begin(), c["types"].end(), "surrender") != c["types"].end()) << c.dump();
  }
  EXPECT_LT(filtered.lines.size(), RunCli("claims --db " + Q(db) + " --format jsonl", dir).lines.size());

  CliRun geo = RunCli("export --db " + Q(db) + " --format geojson", dir, Text());
  ASSERT_EQ(geo.exit_code, 0) << geo.err;
  Json g = Json::parse(geo.out, nullptr, false);
  ASSERT_FALSE(g.is_discarded());
  EXPECT_EQ(g["type"], "FeatureCollection");
  EXPECT_FALSE(g["features"].empty());
  CliRun review = RunCli("export --db " + Q(db) + " --format claimreview -o " + Q((dir / "r.json")), dir,
                         Text());
  ASSERT_EQ(review.exit_code, 0) << review.err;
  EXPECT_NE(ReadFile(dir / "r.json").find("ClaimReview"), std::string::npos);
  CliRun cameo = RunCli("export --db " + Q(db) + " --format cameo", dir, Text());
  ASSERT_EQ(cameo.exit_code, 0);
  EXPECT_NE(cameo.out.find('\t'), std::string::npos);
  CliRun csv = RunCli("export --db " + Q(db) + " --format csv", dir, Text());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_GT(std::count(csv.out.begin(), csv.out.end(), '\n'), 1);
  CliRun stats = RunCli("stats --db " + Q(db), dir, Text());
  ASSERT_EQ(stats.exit_code, 0);
  EXPECT_FALSE(stats.out.empty());

  // Bad filter values are usage errors that say what was wrong.
  CliRun bad = RunCli("claims --db " + Q(db) + " --since yesterday", dir, Text());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("yesterday"), std::string::npos);
  CliRun missing = RunCli("trace --db " + Q(db) + " 99999999", dir, Text());
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(CliStore, KillDuringIngestLeavesOnlyWholeBatches) {
  TempDir dir;
  std::string corpus = (dir / "many.jsonl");
  WriteInventedCorpus(corpus, 4000);
  std::string db = (dir / "crash.db");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(CLAIMTRACE_BIN, CLAIMTRACE_BIN, "ingest", "--no-link", "--batch", "40", "--db", db.c_str(), corpus.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill once some batches are committed (or after a while, whichever first).
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (CheckDb(db).batches >= 3) break;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(137));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  DbCheck after = CheckDb(db);
  EXPECT_EQ(after.integrity, "ok");
  EXPECT_GE(after.batches, 1);
  EXPECT_EQ(after.whole_batches, after.batches);
  EXPECT_EQ(after.documents % 40, 0) << "a batch was half-written";

  // Ingesting again completes the job without duplicates.
  CliRun resume = RunCli("ingest --db " + Q(db) + " " + Q(corpus), dir, Text());
  EXPECT_EQ(resume.exit_code, 0) << resume.err;
  DbCheck done = CheckDb(db);
  EXPECT_EQ(done.documents, 4000);
  EXPECT_EQ(done.integrity, "ok");
}

TEST(CliStore, AFullDiskStopsWithAClearErrorAndNoDamage) {
  TempDir dir;
  std::string corpus = (dir / "many.jsonl");
  WriteInventedCorpus(corpus, 3000);
  std::string db = (dir / "full.db");
  // A size-limited file: writes past 3 MB fail as on a full disk (SIGXFSZ ignored so the write returns an error).
  std::string cmd = "trap '' XFSZ; ulimit -f 3072; exec " + Q(CLAIMTRACE_BIN) + " ingest --batch 50 --db " + Q(db) +
                    " " + Q(corpus) + " > " + Q((dir / "o")) + " 2> " + Q((dir / "e"));
  int status = std::system(("bash -c " + Q(cmd)).c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3) << ReadFile(dir / "e");
  std::string err = ReadFile(dir / "e");
  EXPECT_NE(err.find(db), std::string::npos) << err;
  EXPECT_NE(err.find("committed before"), std::string::npos) << err;
  DbCheck after = CheckDb(db);
  EXPECT_EQ(after.integrity, "ok");
  EXPECT_EQ(after.whole_batches, after.batches);
  EXPECT_GT(after.documents, 0);
  EXPECT_LT(after.documents, 3000);
}

TEST(CliStore, BadDatabaseFilesGiveClearErrors) {
  TempDir dir;
  std::string junk = (dir / "junk.db");
  WriteFile(junk, std::string(4096, 'x'));
  CliRun r = RunCli("stats --db " + Q(junk), dir, Text());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("junk.db"), std::string::npos) << r.err;
  CliRun w = RunCli("ingest --db " + Q(junk) + " " + Q(kExamples), dir, Text());
  EXPECT_EQ(w.exit_code, 3);
  EXPECT_EQ(ReadFile(junk), std::string(4096, 'x')) << "the file was changed";

  std::string db = (dir / "new.db");
  ASSERT_EQ(RunCli("ingest --quiet --no-link --db " + Q(db) + " " + Q(kExamples + "/04_denial.txt"), dir, Text())
                .exit_code,
            0);
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_exec(h, "PRAGMA user_version = 77", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  CliRun newer = RunCli("ingest --db " + Q(db) + " " + Q(kExamples), dir, Text());
  EXPECT_EQ(newer.exit_code, 3);
  EXPECT_NE(newer.err.find("newer"), std::string::npos) << newer.err;

  std::string ro = (dir / "ro.db");
  ASSERT_EQ(RunCli("ingest --quiet --db " + Q(ro) + " " + Q(kExamples + "/04_denial.txt"), dir, Text()).exit_code, 0);
  std::filesystem::permissions(ro, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                       std::filesystem::perms::others_read);
  CliRun rw = RunCli("ingest --db " + Q(ro) + " " + Q(kExamples), dir, Text());
  EXPECT_EQ(rw.exit_code, 3);
  EXPECT_NE(rw.err.find("read-only"), std::string::npos) << rw.err;
  CliRun read = RunCli("claims --db " + Q(ro), dir, Text());
  EXPECT_EQ(read.exit_code, 0) << read.err;  // reading a read-only file is fine
}

}  // namespace
}  // namespace claimtrace::testing
