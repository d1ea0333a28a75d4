// `claimtrace serve` end to end: a server on a free 127.0.0.1 port over a
// store of the examples (and an invented hostile article), spoken to over raw
// sockets: every endpoint's status and shape, JSON errors for bad parameters,
// unknown ids, routes and methods, path traversal, body limits, ingest
// tokens, and a thousand malformed requests after which it still answers.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"
#include "test_support.h"

extern char** environ;

namespace claimtrace::testing {
namespace {

const std::string kExamples = std::string(CLAIMTRACE_SOURCE_DIR) + "/examples";
constexpr char kToken[] = "s3cret-test-token-0123456789";
constexpr char kOutsideSecret[] = "OUTSIDE-THE-WEB-FOLDER-7f3a";

// An invented article whose title, outlet and text carry markup and script.
constexpr char kHostile[] =
    R"({"id": "hostile-serve-1", "url": "https://hostile.example.org/a?x=<script>", )"
    R"("outlet": "Harbour <b onmouseover=\"alert(1)\">Gazette</b>", "published": "2024-07-09", )"
    R"("title": "<script>alert('t')</script> Ferry depot <img src=x onerror=alert(2)> shelled", )"
    R"("text": "<script>alert('t')</script> Ferry depot <img src=x onerror=alert(2)> shelled\n\n)"
    R"(Russian artillery shelled the ferry depot in Kherson <svg onload=alert(3)> overnight, wounding two )"
    R"(dockers, the regional governor <script>document.cookie</script> said on Tuesday.\n\n)"
    R"(<a href=\"javascript:alert(4)\" onclick=\"alert(5)\">More</a>"})";

struct HttpResult {
  int status = 0;                              // 0: no response (connection failed or closed early)
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string raw;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  Json JsonBody() const { return Json::parse(body, nullptr, false); }
};

// Parses the first response in r->raw; true once it is complete (by Content-Length).
bool ParseResponse(HttpResult* r) {
  size_t head_end = r->raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  r->headers.clear();
  r->status = r->raw.rfind("HTTP/1.", 0) == 0 ? std::atoi(r->raw.c_str() + 9) : 0;
  size_t pos = r->raw.find("\r\n") + 2;
  while (pos < head_end) {
    size_t eol = r->raw.find("\r\n", pos);
    std::string line = r->raw.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = line.find_first_not_of(' ', colon + 1);
      r->headers.emplace(name, v == std::string::npos ? "" : line.substr(v));
    }
    pos = eol + 2;
  }
  size_t length = std::strtoul(r->Header("content-length").c_str(), nullptr, 10);
  if (r->raw.size() - (head_end + 4) < length) return false;
  r->body = r->raw.substr(head_end + 4, length);
  return true;
}

// Sends `bytes` on a fresh connection and reads one response. With
// `half_close`, the sending side is shut first: the server then sees the end
// of an incomplete request at once (and, as cpp-httplib does, may write
// nothing back to a half-closed peer).
HttpResult Exchange(int port, const std::string& bytes, bool half_close = false) {
  HttpResult r;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return r;
  timeval tv{20, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return r;
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  if (half_close) ::shutdown(fd, SHUT_WR);
  char buf[65536];
  bool complete = false;
  while (!complete) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    r.raw.append(buf, static_cast<size_t>(n));
    complete = ParseResponse(&r);
  }
  ::close(fd);
  if (!complete) r.status = 0;
  return r;
}

std::string Request(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::vector<std::string>& headers = {}, bool content_length = true) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& h : headers) req += h + "\r\n";
  if (content_length && (!body.empty() || method == "POST")) req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return req + "\r\n" + body;
}

// A running `claimtrace serve`; SIGTERM and wait on destruction.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& args, const std::string& log) {
    std::vector<std::string> argv = {CLAIMTRACE_BIN, "serve"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--port", "0"});
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, (log + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int rc = posix_spawn(&pid_, CLAIMTRACE_BIN, &fa, nullptr, cargv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
      pid_ = -1;
      return;
    }
    // The URL line tells the port.
    static const std::regex kUrl(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 600 && port_ == 0; ++i) {
      std::smatch m;
      std::string out = ReadFile(log);
      if (std::regex_search(out, m, kUrl)) port_ = std::stoi(m[1]);
      int status = 0;
      if (port_ == 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        error_ = ReadFile(log + ".err");
        return;
      }
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& error() const { return error_; }
  bool alive() const {
    int status = 0;
    return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == 0;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string error_;
};

long RssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

class Serve : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    db_ = *dir_ / "serve.db";
    WriteFile(*dir_ / "hostile.jsonl", std::string(kHostile) + "\n");
    CliOptions text;
    text.parse_json = false;
    CliRun ingest = RunCli("ingest --db " + ShellQuote(db_) + " " + ShellQuote(kExamples) + " " +
                               ShellQuote(*dir_ / "hostile.jsonl"),
                           *dir_, text);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    // A small web folder with a symbolic link out of it.
    std::string web = *dir_ / "web";
    WriteFile(web + "/index.html", "<!doctype html><title>claimtrace test page</title><script src=app.js></script>");
    WriteFile(web + "/app.js", "console.log('test app');\n");
    WriteFile(web + "/images/dot.png", std::string("\x89PNG\r\n\x1a\n", 8));
    WriteFile(*dir_ / "outside.txt", kOutsideSecret);
    std::filesystem::create_symlink(*dir_ / "outside.txt", web + "/leak.txt");
    std::filesystem::create_directory_symlink(dir_->path(), web + "/up");
    server_ = new ServerProcess({"--db", db_, "--web", web, "--token", kToken}, *dir_ / "serve.log");
    ASSERT_GT(server_->port(), 0) << server_->error();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!server_ || server_->port() <= 0) GTEST_SKIP() << "the server did not start";
  }

  static HttpResult Get(const std::string& target, const std::vector<std::string>& headers = {}) {
    return Exchange(server_->port(), Request("GET", target, "", headers));
  }
  static HttpResult Post(const std::string& target, const std::string& body, std::vector<std::string> headers = {}) {
    if (headers.empty()) headers.push_back("Content-Type: application/json");
    return Exchange(server_->port(), Request("POST", target, body, headers));
  }
  // A 2xx JSON body, parsed.
  static Json GetJson(const std::string& target) {
    HttpResult r = Get(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body.substr(0, 300);
    EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8") << target;
    Json j = r.JsonBody();
    EXPECT_FALSE(j.is_discarded()) << target << ": " << r.body.substr(0, 300);
    return j;
  }
  static void ExpectJsonError(const HttpResult& r, int status, const std::string& what) {
    EXPECT_EQ(r.status, status) << what << ": " << r.raw.substr(0, 400);
    EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8") << what;
    Json j = r.JsonBody();
    ASSERT_TRUE(j.is_object()) << what << ": " << r.body.substr(0, 300);
    ASSERT_TRUE(j.contains("error")) << what;
    EXPECT_EQ(j["error"]["code"], status) << what;
    EXPECT_TRUE(j["error"]["message"].is_string()) << what;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << what;
  }

  static TempDir* dir_;
  static std::string db_;
  static ServerProcess* server_;
};

TempDir* Serve::dir_ = nullptr;
std::string Serve::db_;
ServerProcess* Serve::server_ = nullptr;

TEST_F(Serve, StatsCountTheStoreAndEveryResponseCarriesTheSecurityHeaders) {
  HttpResult r = Get("/api/stats");
  ASSERT_EQ(r.status, 200) << r.raw;
  Json s = r.JsonBody();
  for (const char* k : {"documents", "claims", "claim_clusters", "outlets", "claims_by_type", "claims_by_side",
                        "clusters_by_status", "first_date", "last_date", "schema_version"}) {
    EXPECT_TRUE(s.contains(k)) << k;
  }
  EXPECT_GE(s["documents"].get<int>(), 12);
  EXPECT_GT(s["claims"].get<int>(), 10);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  HttpResult page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(page.Header("content-security-policy").empty());
}

TEST_F(Serve, ClaimsArePagedFilteredAndSorted) {
  Json all = GetJson("/api/claims?limit=500");
  ASSERT_TRUE(all["claims"].is_array());
  const size_t total = all["total"].get<size_t>();
  ASSERT_GT(total, 3u);
  EXPECT_EQ(all["claims"].size(), std::min<size_t>(total, 500));
  Json first = GetJson("/api/claims");
  EXPECT_EQ(first["limit"], 50);
  EXPECT_EQ(first["offset"], 0);
  EXPECT_EQ(first["total"], total);
  const Json& c = first["claims"][0];
  for (const char* k : {"claim_id", "id", "type", "types", "text", "span", "trigger", "actor", "place", "count",
                        "time", "chain", "root", "polarity", "modality", "hedges", "doc", "event_date", "cluster",
                        "status", "copy_of"}) {
    EXPECT_TRUE(c.contains(k)) << k;
  }
  EXPECT_TRUE(c["doc"]["id"].is_number_integer());
  // A page is a slice of the whole list.
  Json page = GetJson("/api/claims?limit=2&offset=1");
  ASSERT_EQ(page["claims"].size(), 2u);
  EXPECT_EQ(page["claims"][0]["claim_id"], all["claims"][1]["claim_id"]);
  EXPECT_EQ(page["claims"][1]["claim_id"], all["claims"][2]["claim_id"]);
  EXPECT_EQ(GetJson("/api/claims?limit=100000")["limit"], 500);
  EXPECT_TRUE(GetJson("/api/claims?offset=100000")["claims"].empty());
  // Dates ascending by default (undated claims last), descending with -date.
  std::string last;
  Json last_dated;
  bool undated = false;
  for (const auto& x : all["claims"]) {
    if (!x["event_date"].is_string()) {
      undated = true;
      continue;
    }
    EXPECT_FALSE(undated) << "a dated claim after an undated one: " << x["claim_id"];
    std::string d = x["event_date"].get<std::string>();
    EXPECT_LE(last, d);
    last = d;
    last_dated = x;
  }
  Json desc = GetJson("/api/claims?sort=-date&limit=500");
  EXPECT_EQ(desc["claims"][0]["event_date"], last_dated["event_date"]);
  EXPECT_EQ(GetJson("/api/claims?sort=reports")["total"], total);
  // Filters: each returned claim matches; total counts them.
  Json by_type = GetJson("/api/claims?type=surrender&limit=500");
  ASSERT_GT(by_type["total"].get<size_t>(), 0u);
  EXPECT_LT(by_type["total"].get<size_t>(), total);
  EXPECT_EQ(by_type["claims"].size(), by_type["total"].get<size_t>());
  for (const auto& x : by_type["claims"]) {
    bool has = false;
    for (const auto& t : x["types"]) has |= t == "surrender";
    EXPECT_TRUE(has) << x.dump();
  }
  for (const char* side : {"RU", "UA"}) {
    Json by_side = GetJson(std::string("/api/claims?limit=500&side=") + side);
    for (const auto& x : by_side["claims"]) EXPECT_EQ(x["actor"]["side"], side);
  }
  const Json unknown = GetJson("/api/claims?limit=500&side=unknown");
  for (const auto& x : unknown["claims"]) {
    EXPECT_TRUE(x["actor"].is_null() || x["actor"]["side"].is_null()) << x.dump();
  }
  Json dated = GetJson("/api/claims?limit=500&since=2024-03-01&until=2024-03-31");
  for (const auto& x : dated["claims"]) {
    EXPECT_GE(x["event_date"].get<std::string>(), "2024-03-01");
    EXPECT_LE(x["event_date"].get<std::string>().substr(0, 10), "2024-03-31");
  }
  // Empty parameters mean "any"; unknown ones are ignored.
  EXPECT_EQ(GetJson("/api/claims?type=&side=&place=&q=&bogus=1")["total"], total);
  Json placed;
  for (const auto& x : all["claims"]) {
    if (x["place"].is_object() && x["place"]["id"].is_string()) {
      placed = x;
      break;
    }
  }
  ASSERT_TRUE(placed.is_object());
  Json by_place = GetJson("/api/claims?limit=500&place=" + placed["place"]["id"].get<std::string>());
  ASSERT_GT(by_place["total"].get<size_t>(), 0u);
  for (const auto& x : by_place["claims"]) EXPECT_EQ(x["place"]["id"], placed["place"]["id"]);
}

TEST_F(Serve, BadParametersAreJson400s) {
  for (const char* q : {"since=yesterday", "until=2024-13-45", "status=true", "sort=random", "limit=-1",
                        "limit=abc", "offset=1.5", "cluster=x", "type=bogus", "since=%FF%FE"}) {
    ExpectJsonError(Get(std::string("/api/claims?") + q), 400, q);
  }
  ExpectJsonError(Get("/api/clusters?status=maybe"), 400, "clusters status");
  ExpectJsonError(Get("/api/timeline?since=soon"), 400, "timeline since");
  ExpectJsonError(Get("/api/places?cluster=-3"), 400, "places cluster");
  ExpectJsonError(Get("/api/search"), 400, "search without q");
  ExpectJsonError(Get("/api/search?q=%20%20"), 400, "search with blank q");
}

TEST_F(Serve, AClaimComesWithItsDocumentClusterAndGraph) {
  Json list = GetJson("/api/claims?sort=reports&limit=1");
  ASSERT_EQ(list["claims"].size(), 1u);
  const int64_t id = list["claims"][0]["claim_id"].get<int64_t>();
  Json detail = GetJson("/api/claims/" + std::to_string(id));
  ASSERT_TRUE(detail["claim"].is_object());
  EXPECT_EQ(detail["claim"]["claim_id"], id);
  const Json& doc = detail["document"];
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["id"], detail["claim"]["doc"]["id"]);
  // The span is a byte range of the document's text holding the claim's text.
  const std::string text = doc["text"].get<std::string>();
  size_t b = detail["claim"]["span"][0].get<size_t>(), e = detail["claim"]["span"][1].get<size_t>();
  ASSERT_LE(e, text.size());
  EXPECT_EQ(text.substr(b, e - b), detail["claim"]["text"].get<std::string>());
  bool listed = false;
  for (const auto& c : doc["claim_ids"]) listed |= c == id;
  EXPECT_TRUE(listed) << doc["claim_ids"].dump();
  ASSERT_TRUE(detail["cluster"].is_object());
  EXPECT_EQ(detail["cluster"]["id"], detail["claim"]["cluster"]);
  EXPECT_TRUE(detail["cluster"]["roots_by_side"].is_object());
  ASSERT_TRUE(detail["graph"]["nodes"].is_array());
  ASSERT_FALSE(detail["graph"]["nodes"].empty());
  std::set<std::string> node_ids;
  for (const auto& n : detail["graph"]["nodes"]) {
    node_ids.insert(n["id"].get<std::string>());
    EXPECT_TRUE(n.contains("side")) << n.dump();
  }
  for (const auto& edge : detail["graph"]["edges"]) {
    EXPECT_TRUE(node_ids.count(edge["from"].get<std::string>())) << edge.dump();
    EXPECT_TRUE(node_ids.count(edge["to"].get<std::string>())) << edge.dump();
  }
  // The same document on its own.
  Json d2 = GetJson("/api/documents/" + std::to_string(doc["id"].get<int64_t>()));
  EXPECT_EQ(d2["text"], doc["text"]);
  // Unknown ids and malformed ones.
  ExpectJsonError(Get("/api/claims/999999999"), 404, "unknown claim");
  ExpectJsonError(Get("/api/claims/abc"), 404, "non-numeric claim");
  ExpectJsonError(Get("/api/claims/0"), 404, "claim 0");
  ExpectJsonError(Get("/api/documents/999999999"), 404, "unknown document");
  ExpectJsonError(Get("/api/documents/1x"), 404, "bad document id");
}

TEST_F(Serve, ClustersSearchTimelineAndPlacesHaveTheirShapes) {
  Json clusters = GetJson("/api/clusters?limit=500");
  ASSERT_GT(clusters["total"].get<size_t>(), 0u);
  EXPECT_EQ(clusters["clusters"].size(), clusters["total"].get<size_t>());
  for (const char* k : {"id", "type", "side", "place", "first_date", "last_date", "claims", "documents", "outlets",
                        "independent_roots", "roots_by_side", "roots", "denied", "status", "representative"}) {
    EXPECT_TRUE(clusters["clusters"][0].contains(k)) << k;
  }
  Json disputed = GetJson("/api/clusters?status=disputed");
  for (const auto& k : disputed["clusters"]) EXPECT_EQ(k["status"], "disputed");

  Json search = GetJson("/api/search?q=surrendered&limit=5");
  ASSERT_TRUE(search["claims"].is_array());
  EXPECT_FALSE(search["claims"].empty());
  EXPECT_LE(search["claims"].size(), 5u);

  Json timeline = GetJson("/api/timeline");
  ASSERT_FALSE(timeline["days"].empty());
  std::string prev;
  for (const auto& d : timeline["days"]) {
    std::string date = d["date"].get<std::string>();
    EXPECT_TRUE(std::regex_match(date, std::regex(R"(\d{4}-\d{2}-\d{2})"))) << date;
    EXPECT_LT(prev, date);
    prev = date;
    EXPECT_FALSE(d["counts"].empty());
  }
  Json places = GetJson("/api/places");
  ASSERT_FALSE(places["places"].empty());
  size_t most = SIZE_MAX;
  for (const auto& p : places["places"]) {
    EXPECT_TRUE(p["lat"].is_number() && p["lon"].is_number()) << p.dump();
    EXPECT_LE(p["claims"].get<size_t>(), most);
    most = p["claims"].get<size_t>();
  }
}

TEST_F(Serve, UnknownRoutesAndWrongMethodsAreJsonErrors) {
  ExpectJsonError(Get("/api/nope"), 404, "unknown API route");
  ExpectJsonError(Get("/api/claims/"), 404, "trailing slash");
  ExpectJsonError(Get("/api"), 404, "/api");
  ExpectJsonError(Get("/nothing-here.html"), 404, "unknown file");
  HttpResult r = Exchange(server_->port(), Request("POST", "/api/claims", "{}", {"Content-Type: application/json"}));
  ExpectJsonError(r, 405, "POST /api/claims");
  EXPECT_NE(r.Header("allow").find("GET"), std::string::npos);
  ExpectJsonError(Exchange(server_->port(), Request("DELETE", "/api/stats")), 405, "DELETE /api/stats");
  ExpectJsonError(Exchange(server_->port(), Request("PUT", "/index.html", "x")), 405, "PUT /index.html");
  ExpectJsonError(Get("/api/extract"), 405, "GET /api/extract");
  ExpectJsonError(Exchange(server_->port(), Request("OPTIONS", "/api/claims")), 405, "OPTIONS");
  ExpectJsonError(Exchange(server_->port(), Request("TRACE", "/")), 405, "TRACE");
  // Another site's name in Host (DNS rebinding) is refused.
  ExpectJsonError(Exchange(server_->port(), "GET /api/stats HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n"),
                  403, "foreign Host");
}

TEST_F(Serve, StaticFilesNeverLeaveTheirFolder) {
  HttpResult index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("claimtrace test page"), std::string::npos);
  EXPECT_EQ(Get("/index.html").body, index.body);
  HttpResult js = Get("/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(Get("/images/dot.png").Header("content-type"), "image/png");
  const std::string secret_path = (dir_->path() / "outside.txt").string();
  for (const std::string& target : std::vector<std::string>{"/../../etc/passwd", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2f..%2fetc%2fpasswd", "/images/..%2f..%2foutside.txt", "/%2E%2E%2F%2E%2E%2Foutside.txt",
        "/..\\..\\etc\\passwd", "/images/%5c..%5c..%5coutside.txt", "//etc/passwd", "/%2fetc%2fpasswd",
        "/leak.txt", "/up/outside.txt", "/index.html%00.png", "/.%2e/outside.txt",
        "/./index.html", "/images/../index.html", std::string("/") + secret_path, "/%252e%252e/outside.txt",
        "/images/", "/images", "http://127.0.0.1/../../etc/passwd"}) {
    HttpResult r = Get(target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " -> " << r.status;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(r.body.find(kOutsideSecret), std::string::npos) << target;
    EXPECT_EQ(r.body.find("test app"), std::string::npos) << target;
  }
}

TEST_F(Serve, ExtractReturnsTheContractLineAndStoresNothing) {
  Json before = GetJson("/api/stats");
  HttpResult r = Post("/api/extract",
                      R"({"text": "Russian forces shelled Kupiansk overnight, the regional governor said.", )"
                      R"("published": "2024-10-14"})");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = r.JsonBody();
  ASSERT_TRUE(j["document"].is_object()) << r.body;
  ExpectContractFields(j["document"]);
  EXPECT_EQ(j["document"]["input"], "api");
  EXPECT_EQ(j["document"]["published"], "2024-10-14");
  ASSERT_FALSE(j["document"]["claims"].empty()) << r.body;
  EXPECT_EQ(j["document"]["claims"][0]["type"], "attack");
  EXPECT_FALSE(j["document"]["claims"][0].contains("claim_id"));
  HttpResult html = Post("/api/extract", R"({"html": "<html><body><p>Ukrainian troops recaptured two villages near )"
                                         R"(Vovchansk, the General Staff said.</p></body></html>"})");
  EXPECT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(GetJson("/api/stats")["documents"], before["documents"]);

  ExpectJsonError(Post("/api/extract", "{not json"), 400, "bad JSON");
  ExpectJsonError(Post("/api/extract", "[1, 2]"), 400, "array body");
  ExpectJsonError(Post("/api/extract", R"({"title": "no body"})"), 400, "no text or html");
  ExpectJsonError(Post("/api/extract", R"({"text": 42})"), 400, "text not a string");
  ExpectJsonError(Post("/api/extract", R"({"text": "x", "published": "last Monday"})"), 400, "bad date");
  ExpectJsonError(Post("/api/extract", "{\"text\": \"bad \xff\xfe utf-8\"}"), 400, "invalid UTF-8");
  ExpectJsonError(Post("/api/extract", R"({"text": "x"})", {"Content-Type: text/plain"}), 415, "form content type");
  std::string big = R"({"text": ")" + std::string(3 << 20, 'a') + R"("})";
  ExpectJsonError(Post("/api/extract", big), 413, "3 MB extract");
  HttpResult empty = Post("/api/extract", R"({"text": "   "})");
  EXPECT_EQ(empty.status, 200);
  EXPECT_TRUE(empty.JsonBody()["document"]["error"].is_string()) << empty.body;
}

TEST_F(Serve, BodiesOverTheLimitOrWithoutALengthAreRefused) {
  // Only the head is sent: the server answers from Content-Length without reading 9 MB.
  HttpResult r = Exchange(server_->port(), "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                           "application/json\r\nContent-Length: 9437184\r\n\r\n{\"text\": \"");
  ExpectJsonError(r, 413, "9 MB declared");
  ExpectJsonError(Exchange(server_->port(), "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                                            "18446744073709551615\r\n\r\n"),
                  413, "absurd length");
  ExpectJsonError(Exchange(server_->port(), "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                                            "99999999999999999999999\r\n\r\n"),
                  413, "length beyond 64 bits");
  ExpectJsonError(Exchange(server_->port(), "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                                            "-12\r\n\r\n"),
                  400, "negative length");
  ExpectJsonError(Exchange(server_->port(), "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: "
                                            "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
                  411, "chunked");
  ExpectJsonError(Exchange(server_->port(), "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n{}"), 411,
                  "no length");
  // A real 9 MB body.
  std::string huge(9 << 20, 'x');
  HttpResult h = Exchange(server_->port(), Request("POST", "/api/ingest", huge, {"Authorization: Bearer " + std::string(kToken)}));
  EXPECT_TRUE(h.status == 413 || h.status == 0) << h.status;  // 0: the server closed before we finished sending
  ExpectJsonError(Get("/api/claims?q=" + std::string(9000, 'a')), 414, "long URI");
}

TEST_F(Serve, IngestNeedsTheTokenAndStoresWhatItGets) {
  const std::string article =
      R"({"id": "serve-ingest-1", "url": "https://example.org/quayside/1", "outlet": "Quayside Courier", )"
      R"("title": "Ferry crews desert Zalizna", )"
      R"("published": "2024-08-02", "text": "Ferry crews desert Zalizna\n\nAbout 40 Russian conscripts )"
      R"(deserted their posts near Kherson on Thursday, the Quayside Courier was told by a Ukrainian )"
      R"(official who said the men crossed the river at night."})";
  std::vector<std::string> json_type = {"Content-Type: application/x-ndjson"};
  ExpectJsonError(Post("/api/ingest", article, json_type), 401, "no token");
  HttpResult wrong = Post("/api/ingest", article, {"Authorization: Bearer wrong-token", json_type[0]});
  ExpectJsonError(wrong, 401, "wrong token");
  EXPECT_NE(wrong.Header("www-authenticate").find("Bearer"), std::string::npos);
  ExpectJsonError(Post("/api/ingest", article, {"Authorization: Bearer " + std::string(kToken) + "x"}), 401,
                  "token with a suffix");
  ExpectJsonError(Post("/api/ingest", article, {"Authorization: Basic " + std::string(kToken)}), 401, "basic auth");
  EXPECT_EQ(GetJson("/api/claims?q=Zalizna")["total"], 0);
  const int documents = GetJson("/api/stats")["documents"].get<int>();  // remembered until the store changes
  HttpResult ok = Post("/api/ingest", article + "\n", {"Authorization: Bearer " + std::string(kToken)});
  ASSERT_EQ(ok.status, 200) << ok.body;
  Json j = ok.JsonBody();
  EXPECT_EQ(j["stored"], 1) << ok.body;
  EXPECT_EQ(j["linked"], true);
  EXPECT_GT(GetJson("/api/claims?q=Zalizna")["total"].get<int>(), 0);
  EXPECT_EQ(GetJson("/api/stats")["documents"].get<int>(), documents + 1);
  ExpectJsonError(Post("/api/ingest", "\n\n", {"Authorization: Bearer " + std::string(kToken)}), 400, "empty ingest");

  // Without --token, ingest is off.
  ServerProcess plain({"--db", db_, "--web", *dir_ / "web"}, *dir_ / "plain.log");
  ASSERT_GT(plain.port(), 0) << plain.error();
  HttpResult off = Exchange(plain.port(), Request("POST", "/api/ingest", article, {"Authorization: Bearer " + std::string(kToken)}));
  ExpectJsonError(off, 403, "ingest disabled");
}

TEST_F(Serve, AnIngestByAnotherProcessShowsWhileServing) {
  WriteFile(*dir_ / "late.jsonl",
            R"({"id": "late-1", "url": "https://example.org/tidewater/9", "outlet": "Tidewater Bulletin", )"
            R"("published": "2024-09-03", "title": "Tugboat crews report drone strike at Ochakiv pier", )"
            R"("text": "Russian drones struck a pier in Ochakiv overnight, the regional governor said on Tuesday."})"
            "\n");
  EXPECT_EQ(GetJson("/api/claims?q=Tugboat")["total"], 0);
  CliOptions text;
  text.parse_json = false;
  CliRun ingest = RunCli("ingest --db " + ShellQuote(db_) + " " + ShellQuote(*dir_ / "late.jsonl"), *dir_, text);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_GT(GetJson("/api/claims?q=Tugboat")["total"].get<int>(), 0);
}

TEST_F(Serve, AHostileArticleRoundTripsAsData) {
  Json list = GetJson("/api/claims?q=ferry%20depot%20shelled&limit=5");
  ASSERT_GT(list["total"].get<int>(), 0) << list.dump();
  const Json& c = list["claims"][0];
  EXPECT_NE(c["doc"]["title"].get<std::string>().find("<script>alert('t')</script>"), std::string::npos);
  EXPECT_NE(c["doc"]["outlet"]["name"].get<std::string>().find("onmouseover"), std::string::npos);
  Json detail = GetJson("/api/claims/" + std::to_string(c["claim_id"].get<int64_t>()));
  EXPECT_NE(detail["document"]["title"].get<std::string>().find("<img src=x onerror=alert(2)>"), std::string::npos);
  const std::string text = detail["document"]["text"].get<std::string>();
  EXPECT_NE(text.find("<svg onload=alert(3)>"), std::string::npos) << text;
  EXPECT_NE(text.find("<script>document.cookie</script>"), std::string::npos) << text;
  // Served as JSON, never as a page.
  HttpResult raw = Get("/api/claims/" + std::to_string(c["claim_id"].get<int64_t>()));
  EXPECT_EQ(raw.Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(raw.Header("x-content-type-options"), "nosniff");
  // And through /api/extract, the same markup comes back as text.
  Json in = {{"title", "<script>alert(1)</script>"}, {"text", "<img src=x onerror=alert(1)> Russian drones struck Kherson, the governor said."}};
  HttpResult ex = Post("/api/extract", in.dump());
  ASSERT_EQ(ex.status, 200) << ex.body;
  EXPECT_NE(ex.JsonBody()["document"]["text"].get<std::string>().find("onerror=alert(1)"), std::string::npos);
}

TEST_F(Serve, AThousandMalformedRequestsLeaveItAnsweringWithBoundedMemory) {
  // Warm up the paths once, then measure.
  for (int i = 0; i < 20; ++i) Get("/api/claims?limit=5&offset=" + std::to_string(i));
  const long rss_before = RssKb(server_->pid());
  ASSERT_GT(rss_before, 0);
  const std::string huge_header = "X-Padding: " + std::string(64 << 10, 'h') + "\r\n";
  std::string many_headers;
  for (int i = 0; i < 300; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
  auto extract_with = [](const std::string& body) {
    return "POST /api/extract HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  const std::vector<std::string> kinds = {
      "\x01\x02\x03 garbage \xff\xfe\r\n\r\n",
      "FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "GET /api/stats HTTP/1.1\r\n" + huge_header + "\r\n",
      "GET /api/stats HTTP/1.1\r\n" + many_headers + "\r\n",
      "POST /api/extract HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\": \"tr",
      "GET /api/claims?q=%FF%FE%00%C0%AF HTTP/1.1\r\n\r\n",
      "GET /api/claims?side=\xff\xc0\xaf&place=\xed\xa0\x80 HTTP/1.1\r\n\r\n",
      "GET /\xff\xfe/index.html HTTP/1.1\r\n\r\n",
      extract_with("{\"text\":]"),
      extract_with("{\"html\": \"\xff\xfe<p>\xc3(\"}"),
      extract_with("{\"text\": \"ok\", \"published\": {\"$gt\": 1}}"),
      extract_with(std::string(2000, '[')),
      "POST /api/extract HTTP/1.1\r\nContent-Length: 99999999999999\r\n\r\n",
      "POST /api/extract HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "POST /api/extract HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
      "GET /" + std::string(12000, 'a') + " HTTP/1.1\r\n\r\n",
      "GET /api/stats HTTP/1.1\nHost: 127.0.0.1\n\n",
      "GET /api/stats HTTP/1.1\r\nHost 127.0.0.1\r\nNoColonHere\r\n\r\n",
      "GET /api/claims?limit=99999999999999999999999&offset=-1 HTTP/1.1\r\n\r\n",
      "GET /api/claims/99999999999999999999999 HTTP/1.1\r\n\r\n",
      "POST /api/ingest HTTP/1.1\r\nAuthorization: Bearer \xff\r\nContent-Length: 2\r\n\r\n{}",
      "GET /%%%%%zz HTTP/1.1\r\n\r\n",
      "GET /api/timeline?since=2024-02-30 HTTP/1.1\r\n\r\n",
      "\r\n\r\n\r\n",
      std::string("GET /api/stats\0 HTTP/1.1\r\n\r\n", 28),
  };
  const size_t kTruncated = 6;  // the server would wait for the rest of its body: end it at once
  int answered = 0;
  for (int i = 0; i < 1000; ++i) {
    HttpResult r = Exchange(server_->port(), kinds[i % kinds.size()], i % kinds.size() == kTruncated);
    if (r.status >= 400 && r.status < 500) ++answered;
    if (r.status >= 500) ADD_FAILURE() << "5xx for kind " << i % kinds.size() << ": " << r.raw.substr(0, 300);
  }
  EXPECT_GT(answered, 500);  // most get a 4xx; a few the server may just close
  ASSERT_TRUE(server_->alive());
  HttpResult stats = Get("/api/stats");
  EXPECT_EQ(stats.status, 200);
  const long rss_after = RssKb(server_->pid());
  std::printf("[          ] server RSS before %ld kB, after 1000 malformed requests %ld kB\n", rss_before, rss_after);
#ifdef CLAIMTRACE_SANITIZED
  const long kGrowthKb = 768 * 1024;  // ASan keeps up to 256 MB of freed memory in quarantine
#else
  const long kGrowthKb = 64 * 1024;
#endif
  EXPECT_LT(rss_after, rss_before + kGrowthKb) << "RSS grew from " << rss_before << " kB to " << rss_after << " kB";
}

TEST_F(Serve, NoServeChecksTheDatabaseAndExits) {
  CliOptions text;
  text.parse_json = false;
  CliRun ok = RunCli("serve --no-serve --db " + ShellQuote(db_), *dir_, text);
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("http://127.0.0.1:8080/"), std::string::npos) << ok.out;
  CliRun missing = RunCli("serve --no-serve --db " + ShellQuote(*dir_ / "absent.db"), *dir_, text);
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("absent.db"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace claimtrace::testing
