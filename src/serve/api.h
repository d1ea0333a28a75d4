// The JSON API of `claimtrace serve` (docs/api.md), apart from any HTTP
// library: a request (method, path, decoded query parameters, body, the
// Authorization header) goes in, a status and a JSON body come out.
//
// Usage:
//   claimtrace::serve::ApiOptions o;
//   o.db = "claimtrace.db";
//   claimtrace::serve::Api api(o);
//   claimtrace::serve::ApiRequest req{"GET", "/api/claims", {{"type", "surrender"}}};
//   claimtrace::serve::ApiResponse res = api.Handle(req);   // res.status, res.body (JSON)
//
// Thread safety: Handle may be called from any number of threads at once.
// Reads go through a pool of read-only store connections, one per concurrent
// request (a Store is single-threaded); they see what another process (e.g.
// `claimtrace ingest`) commits as soon as it commits (SQLite WAL). Writes
// (POST /api/ingest) open their own connection, one at a time.
//
// What scans the whole store is remembered until the database changes (its
// files' size or time change): the totals of /api/claims and /api/clusters per
// filter, and the bodies of /api/stats, /api/timeline and /api/places. Pages
// of claims are always read afresh.
//
// Handle never throws: a failed store call becomes a 4xx/5xx JSON error
// ({"error": {"code": N, "message": "…"}}), an unexpected exception a 500.
#ifndef CLAIMTRACE_SERVE_API_H_
#define CLAIMTRACE_SERVE_API_H_

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "claimtrace/pipeline.h"
#include "claimtrace/status.h"
#include "claimtrace/store.h"

namespace claimtrace::serve {

struct ApiOptions {
  std::string db;                          // the store; opened read-only for queries
  std::string token;                       // POST /api/ingest needs "Bearer <token>"; empty: ingest disabled
  size_t max_extract_bytes = size_t{2} << 20;  // POST /api/extract body limit (413 above)
  size_t max_ingest_bytes = size_t{8} << 20;   // POST /api/ingest body limit (413 above)
  size_t default_limit = 50, max_limit = 500;  // paging of /api/claims, /api/clusters, /api/search
};

struct ApiRequest {
  std::string method;                          // GET, HEAD, POST, …
  std::string path;                            // decoded, starting with /api/
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string authorization;                   // the Authorization header, or empty
  std::string content_type;                    // the Content-Type header, or empty
};

struct ApiResponse {
  int status = 200;
  std::string body;                                         // JSON, UTF-8
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, WWW-Authenticate)
};

// {"error": {"code": status, "message": message}} (invalid UTF-8 in message replaced).
std::string ErrorBody(int status, const std::string& message);

// True when `a` and `b` are equal, in a time that depends on their lengths only.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

class Api {
 public:
  explicit Api(ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  ApiResponse Handle(const ApiRequest& request) const noexcept;

  // Opens one read-only connection (the store must exist and be readable) and
  // loads the pipeline's data tables, so the first requests are not slow and a
  // bad database is reported before serving.
  Status Warm() const;

 private:
  class ReaderPool;
  class Cache;
  ApiResponse Route(const ApiRequest& request) const;
  ApiResponse Read(const ApiRequest& request, const std::string& route) const;
  ApiResponse Extract(const ApiRequest& request) const;
  ApiResponse Ingest(const ApiRequest& request) const;

  ApiOptions options_;
  std::unique_ptr<ReaderPool> readers_;
  std::unique_ptr<Cache> cache_;
  Pipeline pipeline_;
  mutable std::mutex ingest_mu_;
};

}  // namespace claimtrace::serve

#endif  // CLAIMTRACE_SERVE_API_H_
