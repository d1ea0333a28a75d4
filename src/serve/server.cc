// cpp-httplib glue. Every GET/HEAD (and every request we refuse before its
// body) is answered in the pre-routing handler, so no request reaches
// httplib's regex routing except the two POST routes; httplib reads a body
// only after we checked its Content-Length (bodies without one, or chunked,
// are refused: httplib 0.11 would read those without a size limit). Errors
// httplib produces itself (400 malformed, 413, 414) get their JSON body in
// the error handler.
#include "serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>

#include "claimtrace/store.h"
#include "serve/api.h"
#include "serve/static_files.h"
#include "util/utf8.h"

namespace claimtrace::serve {
namespace {

constexpr char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

bool IsLoopbackName(std::string_view host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]";
}

// The host part of a Host header: "127.0.0.1:8080" -> 127.0.0.1, "[::1]:80" -> ::1.
std::string HostName(std::string_view header) {
  if (!header.empty() && header[0] == '[') {
    size_t close = header.find(']');
    return std::string(close == std::string_view::npos ? header.substr(1) : header.substr(1, close - 1));
  }
  size_t colon = header.find(':');
  return util::AsciiLower(colon == std::string_view::npos ? header : header.substr(0, colon));
}

// Digits only; a number beyond 64 bits is UINT64_MAX (too large, not malformed).
bool ParseLength(const std::string& s, uint64_t* out) {
  if (s.empty()) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    uint64_t d = static_cast<uint64_t>(c - '0');
    v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
  }
  *out = v;
  return true;
}

const char* Reason(int status) {
  switch (status) {
    case 400: return "malformed request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 411: return "a body needs a Content-Length (chunked bodies are not accepted)";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 415: return "unsupported media type";
    case 431: return "request headers too large";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

void SetJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

void SetError(httplib::Response& res, int status, const std::string& message) {
  SetJson(res, status, ErrorBody(status, message));
}

bool HasBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  uint64_t n = 0;
  return req.has_header("Content-Length") && (!ParseLength(req.get_header_value("Content-Length"), &n) || n > 0);
}

ApiRequest ToApi(const httplib::Request& req) {
  ApiRequest a;
  a.method = req.method;
  a.path = req.path;
  a.params.insert(req.params.begin(), req.params.end());
  a.body = req.body;
  a.authorization = req.get_header_value("Authorization");
  a.content_type = req.get_header_value("Content-Type");
  return a;
}

void Answer(const ApiResponse& r, httplib::Response& res) {
  SetJson(res, r.status, r.body);
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
}

std::string UrlHost(const std::string& host) {
  return host.find(':') != std::string::npos && host[0] != '[' ? "[" + host + "]" : host;
}

}  // namespace

Status Serve(const ServeOptions& o, std::ostream* log) {
  if (o.db.empty()) return Status::InvalidArgument("no database (--db)");
  if (o.port < 0 || o.port > 65535) return Status::InvalidArgument("--port must be 0..65535");
  ApiOptions ao;
  ao.db = o.db;
  ao.token = o.token;
  ao.max_ingest_bytes = o.max_body_bytes;
  // A database written by an older claimtrace (an older schema) is migrated
  // once here, which needs write access; serving itself only reads.
  if (auto ro = OpenSqliteStore(StoreOptions{o.db, true});
      !ro.ok() && ro.status().code() == StatusCode::kUnsupported &&
      ro.status().message().find("older") != std::string::npos) {
    auto rw = OpenSqliteStore(StoreOptions{o.db, false});
    if (!rw.ok()) return rw.status();
    if (log) *log << "claimtrace serve: migrated " << o.db << " to this build's schema" << std::endl;
  }
  Api api(ao);
  Status s = api.Warm();
  if (!s.ok()) return s;
  StaticFiles files(o.web_dir);
  std::string web_note = files.ok() ? "web UI " + files.root()
                                    : "no web UI (" + (o.web_dir.empty() ? std::string("no --web folder") : o.web_dir + " is missing") +
                                          ": run npm ci && npm run build in web/, or pass --web DIR)";
  const bool loopback = IsLoopbackName(o.host);

  httplib::Server svr;
  if (!svr.is_valid()) return Status::Internal("cannot create the HTTP server");
  const size_t threads =
      o.threads ? o.threads : std::max<size_t>(8, 2 * std::max<unsigned>(1, std::thread::hardware_concurrency()));
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_default_headers({{"Content-Security-Policy", kCsp},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Cache-Control", "no-store"}});
  svr.set_payload_max_length(o.max_body_bytes);
  svr.set_read_timeout(o.read_timeout_s, 0);
  svr.set_write_timeout(o.write_timeout_s, 0);
  svr.set_keep_alive_timeout(o.keep_alive_s);
  svr.set_keep_alive_max_count(100);
  svr.set_tcp_nodelay(true);  // headers and body go out in two writes: no 40 ms Nagle wait between them

  svr.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    using R = httplib::Server::HandlerResponse;
    try {
      auto refuse = [&](int status, const std::string& message) {
        SetError(res, status, message);
        // The body (if any) is not read: the client must not send another request on this connection.
        if (HasBody(req)) res.set_header("Connection", "close");
        return R::Handled;
      };
      if (loopback && req.has_header("Host")) {
        std::string name = HostName(req.get_header_value("Host"));
        if (!IsLoopbackName(name) && name != util::AsciiLower(o.host)) {
          return refuse(403, "this server answers requests for 127.0.0.1 or localhost only (Host: " + name + ")");
        }
      }
      const std::string& m = req.method;
      if (m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE") {
        if (req.has_header("Transfer-Encoding")) return refuse(411, Reason(411));
        if (!req.has_header("Content-Length")) {
          if (m == "POST") return refuse(411, Reason(411));
          if (req.path.rfind("/api/", 0) == 0) {
            Answer(api.Handle(ToApi(req)), res);  // 404 or 405, with Allow
            return R::Handled;
          }
          res.set_header("Allow", "GET, HEAD");
          return refuse(405, m + " is not allowed here");
        }
        uint64_t n = 0;
        if (req.get_header_value_count("Content-Length") != 1 || !ParseLength(req.get_header_value("Content-Length"), &n)) {
          return refuse(400, "bad Content-Length");
        }
        if (n > o.max_body_bytes) {
          return refuse(413, "the body is " + std::to_string(n) + " bytes; the limit is " +
                                 std::to_string(o.max_body_bytes));
        }
        return R::Unhandled;  // httplib reads the body, then the POST routes (or the error handler) answer
      }
      if (m != "GET" && m != "HEAD") {
        res.set_header("Allow", "GET, HEAD, POST");
        return refuse(405, m + " is not allowed");
      }
      if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) {
        Answer(api.Handle(ToApi(req)), res);
      } else {
        StaticFile f;
        Status st = files.Open(req.path, &f);
        if (st.ok()) {
          res.status = 200;
          res.set_content(std::move(f.content), f.content_type.c_str());
          res.headers.erase("Cache-Control");
          res.set_header("Cache-Control", "no-cache");
        } else if (st.code() == StatusCode::kInvalidArgument) {
          SetError(res, 400, "bad path: " + st.message());
        } else {
          SetError(res, 404, files.ok() ? "not found" : "not found; " + web_note);
        }
      }
      if (HasBody(req)) res.set_header("Connection", "close");
      return R::Handled;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "claimtrace serve: %s: internal error: %s\n", req.path.c_str(), e.what());
      SetError(res, 500, "internal error");
      return R::Handled;
    }
  });

  auto post = [&](const httplib::Request& req, httplib::Response& res) { Answer(api.Handle(ToApi(req)), res); };
  svr.Post("/api/extract", post);
  svr.Post("/api/ingest", post);

  // Everything unrouted (a body method on another path) and httplib's own errors.
  svr.set_error_handler(httplib::Server::HandlerWithResponse([&](const httplib::Request& req, httplib::Response& res) {
    using R = httplib::Server::HandlerResponse;
    try {
      if (!res.body.empty()) return R::Unhandled;  // our own JSON error
      if (res.status == 404 && req.method != "GET" && req.method != "HEAD") {
        if (req.path.rfind("/api/", 0) == 0) {
          Answer(api.Handle(ToApi(req)), res);
        } else {
          res.set_header("Allow", "GET, HEAD");
          SetError(res, 405, req.method + " is not allowed here");
        }
        return R::Handled;
      }
      SetError(res, res.status, Reason(res.status));
    } catch (...) {
      res.status = 500;
    }
    return R::Handled;
  }));
  svr.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "claimtrace serve: %s %s: internal error: %s\n", req.method.c_str(), req.path.c_str(),
                 what.c_str());
    SetError(res, 500, "internal error");
  });
  svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 500) {
      std::fprintf(stderr, "claimtrace serve: %d %s %s\n", res.status, req.method.c_str(), req.path.c_str());
    }
  });

  if (o.dry_run) {
    if (log) {
      *log << "claimtrace serve: would serve " << o.db << " on http://" << UrlHost(o.host) << ":" << o.port << "/ ("
           << web_note << "; ingest over HTTP " << (o.token.empty() ? "disabled" : "enabled") << "); --no-serve: exiting"
           << std::endl;
    }
    return Status::OK();
  }

  // A client that goes away mid-response must not kill the process.
  ::signal(SIGPIPE, SIG_IGN);
  // SIGINT and SIGTERM end the server: blocked here (the pool's threads inherit
  // that), taken by one thread with sigwait.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

  int port = o.port;
  if (port == 0) {
    port = svr.bind_to_any_port(o.host);
  } else if (!svr.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    return Status::IOError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                           " (in use, or not an address of this machine)");
  }
  if (log) {
    *log << "claimtrace serve: http://" << UrlHost(o.host) << ":" << port << "/ (database " << o.db << "; " << web_note
         << "; ingest over HTTP " << (o.token.empty() ? "disabled" : "enabled") << ")" << std::endl;
  }

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    while (!done.load()) {
      svr.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  bool listened = svr.listen_after_bind();
  done.store(true);
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when no signal came
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  if (!listened && log) *log << "claimtrace serve: stopped" << std::endl;
  return Status::OK();
}

}  // namespace claimtrace::serve
