// One reused curl easy handle (keep-alive across articles of one site). The
// body limit is enforced twice: CURLOPT_MAXFILESIZE stops a declared oversize
// body before it starts, and the write callback stops an endless one.
#include "ingest/fetch.h"

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "ingest/charset.h"
#include "ingest/http_payload.h"
#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string* body;
  size_t limit;
  bool over = false;
};

size_t WriteBody(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t bytes = size * n;
  if (sink->body->size() + bytes > sink->limit) {
    sink->over = true;
    return 0;  // makes curl abort the transfer with CURLE_WRITE_ERROR
  }
  sink->body->append(data, bytes);
  return bytes;
}

}  // namespace

std::string DefaultUserAgent() {
  return std::string("claimtrace/") + CLAIMTRACE_VERSION + " (+https://github.com/claimtrace/claimtrace)";
}

RateLimiter::RateLimiter(double per_second, Clock now, Sleep sleep)
    : interval_(per_second > 0 ? 1.0 / per_second : 0.0), now_(std::move(now)), sleep_(std::move(sleep)) {
  if (!now_) {
    now_ = [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); };
  }
  if (!sleep_) sleep_ = [](double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); };
}

void RateLimiter::Wait(const std::string& host) {
  if (interval_ <= 0) return;
  double t = now_();
  auto it = next_allowed_.find(host);
  if (it != next_allowed_.end() && it->second > t) {
    sleep_(it->second - t);
    t = it->second;
  }
  next_allowed_[host] = t + interval_;
}

bool IsHttpUrl(std::string_view s) {
  std::string head = util::AsciiLower(s.substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

std::string UrlHost(const std::string& url) {
  CURLU* u = curl_url();
  std::string host;
  char* h = nullptr;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK && curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK) {
    host = util::AsciiLower(h);
    char* port = nullptr;
    if (curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK) {
      host += std::string(":") + port;
      curl_free(port);
    }
    curl_free(h);
  }
  curl_url_cleanup(u);
  return host;
}

std::string ResolveUrl(const std::string& base, const std::string& ref) {
  CURLU* u = curl_url();
  std::string out = ref;
  char* full = nullptr;
  if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
      curl_url_set(u, CURLUPART_URL, ref.c_str(), 0) == CURLUE_OK && curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK) {
    out = full;
    curl_free(full);
  }
  curl_url_cleanup(u);
  return out;
}

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)), limiter_(options_.rate_per_host) {
  GlobalInit();
  if (options_.user_agent.empty()) options_.user_agent = DefaultUserAgent();
  curl_ = curl_easy_init();
}

Fetcher::~Fetcher() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Status Fetcher::Fetch(const std::string& url, FetchResult* out) {
  *out = FetchResult();
  if (!IsHttpUrl(url)) return Status::InvalidArgument("not an http:// or https:// URL");
  std::string host = UrlHost(url);
  if (host.empty()) return Status::InvalidArgument("malformed URL");
  if (!curl_) return Status::Internal("curl_easy_init failed");
  limiter_.Wait(host);

  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_reset(c);
  Sink sink{&out->body, options_.max_body_bytes};
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate/br as curl supports; decoded before the limit
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = curl_easy_perform(c);

  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  out->status = status;
  char* eff = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff) out->effective_url = eff;
  char* ctype = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ctype) == CURLE_OK && ctype) {
    out->media_type = ParseContentType(ctype, &out->charset);
  }
  std::string limit = std::to_string(options_.max_body_bytes);
  if (sink.over || rc == CURLE_FILESIZE_EXCEEDED) {
    out->body.clear();
    return Status::ResourceExhausted("response body over the limit of " + limit + " bytes; transfer stopped");
  }
  if (rc == CURLE_TOO_MANY_REDIRECTS) {
    return Status::IOError("more than " + std::to_string(options_.max_redirects) + " redirects");
  }
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    return Status::IOError("timed out (connect limit " + std::to_string(options_.connect_timeout_ms) +
                           " ms, total limit " + std::to_string(options_.timeout_ms) + " ms)");
  }
  if (rc != CURLE_OK) {
    return Status::IOError(std::string("fetch failed: ") + (errbuf[0] ? errbuf : curl_easy_strerror(rc)));
  }
  if (status == 404 || status == 410) return Status::NotFound("HTTP " + std::to_string(status));
  if (status < 200 || status >= 300) return Status::IOError("HTTP " + std::to_string(status));
  return Status::OK();
}

void FetchDocument(Fetcher* fetcher, const std::string& url, Document* doc) {
  doc->input = url;
  FetchResult r;
  Status s = fetcher->Fetch(url, &r);
  if (!r.effective_url.empty()) doc->url = r.effective_url;
  if (!s.ok()) {
    doc->error = s.ToString();
    return;
  }
  if (!r.media_type.empty() && !IsHtmlMediaType(r.media_type)) {
    doc->error = "unsupported: content type " + r.media_type + " is not HTML";
    return;
  }
  if (!r.charset.empty()) doc->declared_charset = r.charset;
  SetDocumentBody(r.body, !r.media_type.empty(), doc);  // no Content-Type: sniffed
}

}  // namespace claimtrace::ingest
