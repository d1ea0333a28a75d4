// The API's routes over the Store interface: parameters are checked here
// (400 with a message naming the parameter), queries go to a pooled read-only
// store, bodies are the JSON of export/store_formats.h. Extract and ingest
// parse their bodies with the same record parser as `claimtrace ingest`.
#include "serve/api.h"

#include <simdjson.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <new>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "export/store_formats.h"
#include "ingest/decode.h"
#include "ingest/record.h"
#include "util/utf8.h"

namespace claimtrace::serve {

using json = nlohmann::ordered_json;

// Read-only store connections, one per request in flight; returned after use
// unless the store failed (a broken connection is dropped, not reused).
class Api::ReaderPool {
 public:
  explicit ReaderPool(std::string db) : db_(std::move(db)) {}

  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_ && keep_) pool_->Return(std::move(store_));
    }
    Store* operator->() { return store_.get(); }
    // Checks a store call: a failure other than a bad argument or an unknown id drops the connection.
    const Status& Check(const Status& s) {
      if (!s.ok() && s.code() != StatusCode::kInvalidArgument && s.code() != StatusCode::kNotFound) keep_ = false;
      return s;
    }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Store> store_;
    bool keep_ = true;
  };

  Result<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        std::unique_ptr<Store> s = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(s));
      }
    }
    StoreOptions o;
    o.path = db_;
    o.read_only = true;
    o.busy_timeout_ms = 5'000;
    auto s = OpenSqliteStore(o);
    if (!s.ok()) return s.status();
    return Lease(this, std::move(s.value()));
  }

 private:
  void Return(std::unique_ptr<Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    if (idle_.size() < kMaxIdle) idle_.push_back(std::move(s));
  }

  static constexpr size_t kMaxIdle = 64;
  std::string db_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

// Results that scan the whole store, kept while the database files stay as
// they were (see Generation); bounded, emptied when full.
class Api::Cache {
 public:
  bool Get(const std::string& key, const std::string& generation, std::string* value) {
    if (generation.empty()) return false;
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.first != generation) return false;
    *value = it->second.second;
    return true;
  }
  void Put(const std::string& key, const std::string& generation, std::string value) {
    if (generation.empty()) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[key] = {generation, std::move(value)};
  }

 private:
  static constexpr size_t kMaxEntries = 4096;
  std::mutex mu_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> entries_;
};

namespace {

constexpr auto kReplace = json::error_handler_t::replace;

// Changes whenever a commit reaches the database: the WAL file grows or is
// rewritten with each commit, the main file changes at each checkpoint.
// Empty (no caching) when the files cannot be examined.
std::string Generation(const std::string& db) {
  std::string g;
  for (const std::string& path : {db, db + "-wal"}) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      if (path == db) return {};
      g += "|none";
      continue;
    }
    g += "|" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  }
  return g;
}

// The filter's values, as a cache key.
std::string FilterKey(const ClaimFilter& f) {
  std::string k;
  for (const std::string* v : {&f.type, &f.side, &f.place, &f.since, &f.until, &f.status, &f.source, &f.q}) {
    k += *v;
    k += '\x1f';
  }
  return k + std::to_string(f.cluster);
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, kReplace); }

ApiResponse Ok(const json& j) { return ApiResponse{200, Dump(j), {}}; }

ApiResponse Error(int status, const std::string& message) { return ApiResponse{status, ErrorBody(status, message), {}}; }

// A store Status as an HTTP error: bad arguments 400, unknown ids 404, the rest 500.
ApiResponse StoreError(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument: return Error(400, s.message());
    case StatusCode::kNotFound: return Error(404, s.message());
    case StatusCode::kIOError: return Error(503, "the database is unavailable: " + s.message());
    default: return Error(500, s.ToString());
  }
}

// The first value of a query parameter, trimmed; empty when absent.
std::string Param(const ApiRequest& r, const std::string& name) {
  auto it = r.params.find(name);
  if (it == r.params.end()) return {};
  return std::string(util::Trim(it->second));
}

// A non-negative integer of at most 18 digits.
bool ParseCount(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// limit (default and maximum from the options; larger values are clamped) and,
// unless `offset` is null, offset.
Status Paging(const ApiRequest& r, const ApiOptions& o, size_t* limit, size_t* offset) {
  *limit = o.default_limit;
  if (offset) *offset = 0;
  uint64_t v = 0;
  if (std::string s = Param(r, "limit"); !s.empty()) {
    if (!ParseCount(s, &v)) return Status::InvalidArgument("limit must be a non-negative integer, got '" + s + "'");
    *limit = static_cast<size_t>(std::min<uint64_t>(v, o.max_limit));
  }
  if (offset) {
    if (std::string s = Param(r, "offset"); !s.empty()) {
      if (!ParseCount(s, &v)) return Status::InvalidArgument("offset must be a non-negative integer, got '" + s + "'");
      *offset = static_cast<size_t>(v);
    }
  }
  return Status::OK();
}

bool IsDate(const std::string& s) {
  if (s.size() != 10) return false;
  std::string d;
  return ingest::ParseIsoDate(s, &d);
}

// The filters of docs/api.md "Filters"; the store checks type and status.
Status FilterFrom(const ApiRequest& r, ClaimFilter* f) {
  *f = ClaimFilter{};
  f->type = Param(r, "type");
  f->side = Param(r, "side");
  f->status = Param(r, "status");
  f->place = Param(r, "place");
  f->source = Param(r, "source");
  f->q = Param(r, "q");
  f->since = Param(r, "since");
  f->until = Param(r, "until");
  for (const auto& [name, v] : {std::pair<const char*, const std::string&>{"since", f->since}, {"until", f->until}}) {
    if (!v.empty() && !IsDate(v)) return Status::InvalidArgument(std::string(name) + " must be YYYY-MM-DD, got '" + v + "'");
  }
  if (std::string c = Param(r, "cluster"); !c.empty()) {
    uint64_t v = 0;
    if (!ParseCount(c, &v)) return Status::InvalidArgument("cluster must be an integer, got '" + c + "'");
    f->cluster = static_cast<int64_t>(v);
  }
  return Status::OK();
}

Status SortFrom(const ApiRequest& r, ClaimFilter* f) {
  std::string sort = Param(r, "sort");
  if (sort.empty()) sort = "date";
  if (sort != "date" && sort != "-date" && sort != "reports") {
    return Status::InvalidArgument("sort must be date, -date or reports, got '" + sort + "'");
  }
  f->sort = sort;
  return Status::OK();
}

// "/api/claims/26" with prefix "/api/claims/" -> 26; false when the rest is not a positive integer.
bool IdAfter(const std::string& path, std::string_view prefix, int64_t* id) {
  if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  uint64_t v = 0;
  if (!ParseCount(std::string_view(path).substr(prefix.size()), &v) || v == 0) return false;
  *id = static_cast<int64_t>(v);
  return true;
}

json ClaimsJson(const std::vector<StoredClaim>& rows) {
  json a = json::array();
  for (const StoredClaim& c : rows) a.push_back(StoredClaimJson(c));
  return a;
}

std::string Lower(std::string_view s) { return util::AsciiLower(s); }

const char* OutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kStored: return "stored";
    case PutOutcome::kNewVersion: return "new_version";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kError: return "error";
  }
  return "error";
}

// The routes, with the methods each allows.
struct RouteInfo {
  std::string_view prefix;  // exact path, or a prefix ending in '/' followed by an id
  bool with_id;
  const char* allow;
};
constexpr RouteInfo kRoutes[] = {
    {"/api/claims", false, "GET, HEAD"},     {"/api/claims/", true, "GET, HEAD"},
    {"/api/clusters", false, "GET, HEAD"},   {"/api/documents/", true, "GET, HEAD"},
    {"/api/search", false, "GET, HEAD"},     {"/api/stats", false, "GET, HEAD"},
    {"/api/timeline", false, "GET, HEAD"},   {"/api/places", false, "GET, HEAD"},
    {"/api/extract", false, "POST"},         {"/api/ingest", false, "POST"},
};

const RouteInfo* FindRoute(const std::string& path) {
  for (const RouteInfo& r : kRoutes) {
    if (!r.with_id && path == r.prefix) return &r;
    if (r.with_id && path.size() > r.prefix.size() && path.compare(0, r.prefix.size(), r.prefix) == 0 &&
        path.find('/', r.prefix.size()) == std::string::npos) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace

std::string ErrorBody(int status, const std::string& message) {
  return Dump(json{{"error", json{{"code", status}, {"message", message}}}});
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  const size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  // Keep the compiler from ending the loop early.
  volatile unsigned char result = diff;
  return result == 0;
}

Api::Api(ApiOptions options)
    : options_(std::move(options)),
      readers_(std::make_unique<ReaderPool>(options_.db)),
      cache_(std::make_unique<Cache>()) {}

Api::~Api() = default;

Status Api::Warm() const {
  {
    auto lease = readers_->Acquire();
    if (!lease.ok()) return lease.status();
  }
  // The stats scan the whole store; the UI asks for them on every page load.
  ApiRequest stats;
  stats.method = "GET";
  stats.path = "/api/stats";
  if (ApiResponse r = Handle(stats); r.status != 200) return Status::IOError(options_.db + ": " + r.body);
  Document doc;
  doc.input = "warm-up";
  doc.raw = "Officials in Kyiv said on Monday that 40 Russian soldiers surrendered near Kharkiv.";
  doc.doc_id = ingest::DocIdFor(doc.raw);
  pipeline_.Process(&doc);
  return Status::OK();
}

ApiResponse Api::Handle(const ApiRequest& request) const noexcept {
  try {
    return Route(request);
  } catch (const std::bad_alloc&) {
    return Error(503, "out of memory while answering this request");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "claimtrace serve: %s %s: internal error: %s\n", request.method.c_str(),
                 request.path.c_str(), e.what());
    return Error(500, "internal error");
  } catch (...) {
    return Error(500, "internal error");
  }
}

ApiResponse Api::Route(const ApiRequest& r) const {
  const RouteInfo* route = FindRoute(r.path);
  if (!route) return Error(404, "no such API route: " + r.path);
  const std::string allow = route->allow;
  bool get = r.method == "GET" || r.method == "HEAD";
  bool allowed = allow == "POST" ? r.method == "POST" : get;
  if (!allowed) {
    ApiResponse res = Error(405, r.method + " is not allowed on " + std::string(route->prefix) +
                                     (route->with_id ? "{id}" : "") + " (allowed: " + allow + ")");
    res.headers.emplace_back("Allow", allow);
    return res;
  }
  if (route->prefix == "/api/extract") return Extract(r);
  if (route->prefix == "/api/ingest") return Ingest(r);
  return Read(r, std::string(route->prefix));
}

ApiResponse Api::Read(const ApiRequest& r, const std::string& route) const {
  auto leased = readers_->Acquire();
  if (!leased.ok()) return Error(503, "the database is unavailable: " + leased.status().message());
  ReaderPool::Lease& store = leased.value();
  ClaimFilter f;
  Status s;
  const std::string generation = Generation(options_.db);  // before reading: a later commit misses the cache
  // A count, from the cache or the store.
  auto count = [&](const std::string& what, auto&& compute, size_t* n) -> Status {
    std::string key = what + FilterKey(f), hit;
    if (cache_->Get(key, generation, &hit)) {
      *n = static_cast<size_t>(std::stoull(hit));
      return Status::OK();
    }
    Status st = store.Check(compute(n));
    if (st.ok()) cache_->Put(key, generation, std::to_string(*n));
    return st;
  };
  // A whole body, from the cache or built.
  auto cached_body = [&](const std::string& key, auto&& build) -> ApiResponse {
    std::string hit;
    if (cache_->Get(key, generation, &hit)) return ApiResponse{200, std::move(hit), {}};
    ApiResponse res = build();
    if (res.status == 200) cache_->Put(key, generation, res.body);
    return res;
  };

  if (route == "/api/claims") {
    size_t limit = 0, offset = 0;
    if (!(s = FilterFrom(r, &f)).ok() || !(s = SortFrom(r, &f)).ok() ||
        !(s = Paging(r, options_, &limit, &offset)).ok()) {
      return StoreError(s);
    }
    size_t total = 0;
    s = count("claims:", [&](size_t* n) { return store->CountClaims(f, n); }, &total);
    if (!s.ok()) return StoreError(s);
    std::vector<StoredClaim> rows;
    if (limit > 0 && offset < total) {
      f.limit = limit;
      f.offset = offset;
      if (!store.Check(s = store->Claims(f, &rows)).ok()) return StoreError(s);
    }
    return Ok(json{{"total", total}, {"limit", limit}, {"offset", offset}, {"claims", ClaimsJson(rows)}});
  }

  if (route == "/api/claims/") {
    int64_t id = 0;
    if (!IdAfter(r.path, route, &id)) return Error(404, "no claim " + r.path.substr(route.size()));
    StoredClaim claim;
    if (!store.Check(s = store->GetClaim(id, &claim)).ok()) return StoreError(s);
    StoredDocument doc;
    if (!store.Check(s = store->GetDocument(claim.doc, &doc)).ok()) return StoreError(s);
    json cluster = nullptr;
    if (claim.cluster != 0) {
      ClusterSummary k;
      s = store.Check(store->GetCluster(claim.cluster, &k));
      if (s.ok()) cluster = ClusterJson(k);
      else if (s.code() != StatusCode::kNotFound) return StoreError(s);
    }
    json graph{{"nodes", json::array()}, {"edges", json::array()}};
    if (claim.cluster != 0) {
      Trace t;
      s = store.Check(store->GetTrace(id, &t));
      if (s.ok()) {
        json tj = TraceJson(t);
        graph = json{{"nodes", std::move(tj["nodes"])}, {"edges", std::move(tj["edges"])}};
      } else if (s.code() != StatusCode::kNotFound) {
        return StoreError(s);
      }
    }
    return Ok(json{{"claim", StoredClaimJson(claim)},
                   {"document", StoredDocumentJson(doc)},
                   {"cluster", std::move(cluster)},
                   {"graph", std::move(graph)}});
  }

  if (route == "/api/clusters") {
    size_t limit = 0, offset = 0;
    if (!(s = FilterFrom(r, &f)).ok() || !(s = SortFrom(r, &f)).ok() ||
        !(s = Paging(r, options_, &limit, &offset)).ok()) {
      return StoreError(s);
    }
    size_t total = 0;
    s = count("clusters:", [&](size_t* n) { return store->CountClusters(f, n); }, &total);
    if (!s.ok()) return StoreError(s);
    std::vector<ClusterSummary> rows;
    if (limit > 0 && offset < total) {
      f.limit = limit;
      f.offset = offset;
      if (!store.Check(s = store->Clusters(f, &rows)).ok()) return StoreError(s);
    }
    json a = json::array();
    for (const ClusterSummary& k : rows) a.push_back(ClusterJson(k));
    return Ok(json{{"total", total}, {"limit", limit}, {"offset", offset}, {"clusters", std::move(a)}});
  }

  if (route == "/api/documents/") {
    int64_t id = 0;
    if (!IdAfter(r.path, route, &id)) return Error(404, "no document " + r.path.substr(route.size()));
    StoredDocument doc;
    if (!store.Check(s = store->GetDocument(id, &doc)).ok()) return StoreError(s);
    return Ok(StoredDocumentJson(doc));
  }

  if (route == "/api/search") {
    std::string q = Param(r, "q");
    if (q.empty()) return Error(400, "q is required (words to search for)");
    size_t limit = 0;
    if (!(s = Paging(r, options_, &limit, nullptr)).ok()) return StoreError(s);
    std::vector<StoredClaim> rows;
    if (limit > 0 && !store.Check(s = store->SearchClaims(q, limit, &rows)).ok()) return StoreError(s);
    return Ok(json{{"claims", ClaimsJson(rows)}});
  }

  if (route == "/api/stats") {
    return cached_body("stats", [&] {
      StoreStats st;
      Status e = store.Check(store->Stats(&st));
      return e.ok() ? Ok(StatsJson(st)) : StoreError(e);
    });
  }

  if (route == "/api/timeline") {
    if (!(s = FilterFrom(r, &f)).ok()) return StoreError(s);
    return cached_body("timeline:" + FilterKey(f), [&] {
      std::vector<DayCount> days;
      Status e = store.Check(store->Timeline(f, &days));
      if (!e.ok()) return StoreError(e);
      json a = json::array();
      for (const DayCount& d : days) {
        if (!IsDate(d.date)) continue;  // claims without a full event date are not on the timeline
        json counts = json::object();
        for (const auto& [type, n] : d.by_type) counts[type] = n;
        a.push_back(json{{"date", d.date}, {"counts", std::move(counts)}});
      }
      return Ok(json{{"days", std::move(a)}});
    });
  }

  if (route == "/api/places") {
    if (!(s = FilterFrom(r, &f)).ok()) return StoreError(s);
    return cached_body("places:" + FilterKey(f), [&] {
      std::vector<PlaceCount> places;
      Status e = store.Check(store->Places(f, &places));
      if (!e.ok()) return StoreError(e);
      json a = json::array();
      for (const PlaceCount& p : places) {
        a.push_back(json{{"name", p.name},
                         {"id", p.id},
                         {"admin1", p.admin1.empty() ? json(nullptr) : json(p.admin1)},
                         {"country", p.country.empty() ? json(nullptr) : json(p.country)},
                         {"lat", p.lat},
                         {"lon", p.lon},
                         {"claims", p.claims}});
      }
      return Ok(json{{"places", std::move(a)}});
    });
  }
  return Error(404, "no such API route: " + r.path);
}

ApiResponse Api::Extract(const ApiRequest& r) const {
  if (r.body.size() > options_.max_extract_bytes) {
    return Error(413, "the body is " + std::to_string(r.body.size()) + " bytes; /api/extract takes at most " +
                          std::to_string(options_.max_extract_bytes));
  }
  // A JSON content type keeps cross-site forms out (they cannot send one without a CORS preflight).
  if (Lower(r.content_type).find("application/json") == std::string::npos) {
    return Error(415, "send the body as Content-Type: application/json");
  }
  json body = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Error(400, "the body is not JSON (UTF-8)");
  if (!body.is_object()) return Error(400, "the body must be a JSON object with \"text\" or \"html\"");
  bool has_text = body.contains("text") && !body["text"].is_null();
  bool has_html = body.contains("html") && !body["html"].is_null();
  if (!has_text && !has_html) return Error(400, "the body needs \"text\" or \"html\"");
  if (has_text && has_html) return Error(400, "send \"text\" or \"html\", not both");
  for (const char* key : {"text", "html", "title", "published", "url", "outlet", "author", "lang"}) {
    if (body.contains(key) && !body[key].is_null() && !body[key].is_string()) {
      return Error(400, std::string("\"") + key + "\" must be a string");
    }
  }
  if (body.contains("published") && body["published"].is_string()) {
    std::string date;
    const std::string& p = body["published"].get_ref<const std::string&>();
    if (!p.empty() && !ingest::ParseIsoDate(p, &date)) return Error(400, "published must be YYYY-MM-DD, got '" + p + "'");
  }
  // The record parser of `claimtrace ingest` makes the Document (only the fields checked above).
  json record = json::object();
  for (const char* key : {"text", "html", "title", "published", "url", "outlet", "author", "lang"}) {
    if (body.contains(key)) record[key] = body[key];
  }
  simdjson::padded_string padded(Dump(record));
  simdjson::ondemand::parser parser;
  Document doc;
  ingest::ParseRecord("api", 1, padded.data(), padded.size(), padded.size() + simdjson::SIMDJSON_PADDING, &parser,
                      options_.max_extract_bytes, &doc);
  doc.input = "api";
  pipeline_.Process(&doc);
  std::string line = ToJsonLine(doc);
  return ApiResponse{200, "{\"document\":" + line + "}", {}};
}

ApiResponse Api::Ingest(const ApiRequest& r) const {
  if (options_.token.empty()) {
    return Error(403, "ingest over HTTP is disabled; start `claimtrace serve` with --token to enable it");
  }
  constexpr std::string_view kBearer = "Bearer ";
  const std::string& auth = r.authorization;
  bool ok = auth.size() > kBearer.size() && Lower(auth.substr(0, kBearer.size())) == "bearer " &&
            ConstantTimeEquals(auth.substr(kBearer.size()), options_.token);
  if (!ok) {
    ApiResponse res = Error(401, auth.empty() ? "missing Authorization: Bearer <token>" : "wrong token");
    res.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"claimtrace\"");
    return res;
  }
  if (r.body.size() > options_.max_ingest_bytes) {
    return Error(413, "the body is " + std::to_string(r.body.size()) + " bytes; /api/ingest takes at most " +
                          std::to_string(options_.max_ingest_bytes));
  }
  std::string link_param = Lower(Param(r, "link"));
  bool link = !(link_param == "0" || link_param == "false" || link_param == "no");

  // JSON Lines of records ({id, url, outlet, published, title, text or html}), as `claimtrace ingest` reads them.
  simdjson::padded_string padded(r.body);
  simdjson::ondemand::parser parser;
  std::string_view all(padded.data(), padded.size());
  std::vector<Document> docs;
  size_t pos = 0, line_no = 0;
  while (pos < all.size()) {
    size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(pos, end - pos);
    size_t begin = pos;
    pos = end + 1;
    ++line_no;
    if (util::Trim(line).empty()) continue;
    Document doc;
    ingest::ParseRecord("api", line_no, all.data() + begin, line.size(),
                        padded.size() + simdjson::SIMDJSON_PADDING - begin, &parser, options_.max_ingest_bytes, &doc);
    // Without an id, the content hash names the input, so that two posted
    // articles without url or id are two documents, not versions of one.
    if (doc.record_id.empty() && !doc.doc_id.empty()) doc.input = "api#" + doc.doc_id;
    pipeline_.Process(&doc);
    doc.tokens.clear();
    doc.raw.clear();
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) return Error(400, "the body holds no records (JSON Lines: one article object a line)");

  std::lock_guard<std::mutex> lock(ingest_mu_);
  StoreOptions o;
  o.path = options_.db;
  auto store = OpenSqliteStore(o);
  if (!store.ok()) return StoreError(store.status());
  std::vector<PutOutcome> outcomes;
  Status s = store.value()->Put(docs, &outcomes);
  if (!s.ok()) return StoreError(s);
  size_t counts[4] = {0, 0, 0, 0};
  size_t claims = 0;
  json results = json::array();
  for (size_t i = 0; i < docs.size(); ++i) {
    ++counts[static_cast<int>(outcomes[i])];
    bool fresh = outcomes[i] == PutOutcome::kStored || outcomes[i] == PutOutcome::kNewVersion;
    if (fresh) claims += docs[i].claims.size();
    results.push_back(json{{"input", docs[i].input},
                           {"doc_id", docs[i].doc_id.empty() ? json(nullptr) : json(docs[i].doc_id)},
                           {"outcome", OutcomeName(outcomes[i])},
                           {"claims", docs[i].claims.size()},
                           {"error", docs[i].error ? json(*docs[i].error) : json(nullptr)}});
  }
  json out{{"documents", docs.size()},
           {"stored", counts[static_cast<int>(PutOutcome::kStored)]},
           {"new_versions", counts[static_cast<int>(PutOutcome::kNewVersion)]},
           {"unchanged", counts[static_cast<int>(PutOutcome::kUnchanged)]},
           {"errors", counts[static_cast<int>(PutOutcome::kError)]},
           {"claims", claims},
           {"results", std::move(results)},
           {"linked", false}};
  if (link) {
    LinkStats ls;
    s = store.value()->Link({}, &ls);
    if (!s.ok()) return StoreError(s);
    out["linked"] = true;
    out["claim_clusters"] = ls.claim_clusters;
    out["copy_clusters"] = ls.copy_clusters;
  }
  return Ok(out);
}

}  // namespace claimtrace::serve
