// Fetching article pages over HTTP(S) with libcurl, politely and within limits:
// connect and total timeouts, a body size limit (an endless body is cut off),
// a redirect limit, http/https only (also on redirects), a claimtrace user
// agent, and at most `rate_per_host` requests a second to any one host.
#ifndef CLAIMTRACE_INGEST_FETCH_H_
#define CLAIMTRACE_INGEST_FETCH_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace::ingest {

struct FetchOptions {
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;                   // whole transfer, redirects included
  size_t max_body_bytes = size_t{64} << 20;   // after content decoding
  long max_redirects = 5;
  double rate_per_host = 1.0;                 // requests per second per host; 0: no limit
  std::string user_agent;                     // empty: DefaultUserAgent()
};

// "claimtrace/<version> (+https://github.com/claimtrace/claimtrace)".
std::string DefaultUserAgent();

struct FetchResult {
  long status = 0;               // HTTP status of the last response
  std::string effective_url;     // after redirects
  std::string media_type;        // lower case, no parameters
  std::string charset;           // from the Content-Type header ("" if none)
  std::string body;              // content coding (gzip, deflate) removed
};

// Spaces requests to the same host at least 1/per_second seconds apart. The
// clock and sleep are injectable so tests need not wait.
class RateLimiter {
 public:
  using Clock = std::function<double()>;        // seconds, monotonic
  using Sleep = std::function<void(double)>;    // seconds
  explicit RateLimiter(double per_second, Clock now = nullptr, Sleep sleep = nullptr);
  // Blocks until a request to `host` is allowed, and books it.
  void Wait(const std::string& host);

 private:
  double interval_;
  Clock now_;
  Sleep sleep_;
  std::map<std::string, double> next_allowed_;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches `url`. Errors: kInvalidArgument (not an http/https URL),
  // kIOError (DNS, connection, timeout, TLS, too many redirects, HTTP 4xx/5xx
  // other than 404/410), kNotFound (HTTP 404 and 410), kResourceExhausted (body
  // over the limit). On an HTTP error *out still holds the status and URL.
  Status Fetch(const std::string& url, FetchResult* out);

 private:
  FetchOptions options_;
  RateLimiter limiter_;
  void* curl_ = nullptr;  // CURL*, reused for connection keep-alive
};

// True for strings starting with http:// or https:// (any case).
bool IsHttpUrl(std::string_view s);
// Lower-case host of an absolute URL ("" when it does not parse).
std::string UrlHost(const std::string& url);
// `ref` resolved against `base` (RFC 3986); `ref` itself when either does not parse.
std::string ResolveUrl(const std::string& base, const std::string& ref);

// Fetches an article page into *doc: input = `url`, url = the effective URL,
// charset from the Content-Type header. HTTP errors, fetch failures and
// content types other than HTML become doc->error.
void FetchDocument(Fetcher* fetcher, const std::string& url, Document* doc);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_FETCH_H_
