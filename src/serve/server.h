// `claimtrace serve`: the HTTP server of the JSON API (serve/api.h, spec in
// docs/api.md) and the web UI's static files (serve/static_files.h), on
// cpp-httplib's thread pool.
//
// Usage:
//   claimtrace::serve::ServeOptions o;
//   o.db = "claimtrace.db";
//   o.port = 8080;                       // 0: any free port
//   Status s = claimtrace::serve::Serve(o, &std::cout);   // blocks until SIGINT or SIGTERM
//
// Security: binds 127.0.0.1 unless told otherwise; on a loopback address it
// answers only requests whose Host header names a loopback host (no DNS
// rebinding). Every response carries the headers of docs/api.md (CSP,
// nosniff, no-referrer; no-store on the API). Bodies over max_body_bytes get
// 413, request lines over 8 KB 414, bodies without a Content-Length (or
// chunked) 411; reads and writes time out. Every handler's exceptions become
// a JSON 500. POST /api/ingest exists only with a token.
//
// Errors Serve returns: kInvalidArgument (bad options), kIOError (cannot
// bind), and the store's own when the database cannot be opened read-only.
#ifndef CLAIMTRACE_SERVE_SERVER_H_
#define CLAIMTRACE_SERVE_SERVER_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "claimtrace/status.h"

namespace claimtrace::serve {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port (the URL printed says which)
  std::string token;               // enables POST /api/ingest with "Authorization: Bearer <token>"
  std::string web_dir;             // web UI files (web/dist); empty or absent: API only
  size_t threads = 0;              // worker threads; 0: max(8, 2 x cores)
  size_t max_body_bytes = size_t{8} << 20;
  int read_timeout_s = 10, write_timeout_s = 10;
  int keep_alive_s = 5;
  bool dry_run = false;            // check the database and the web folder, print the URL, do not listen
};

// Serves until SIGINT or SIGTERM (then returns OK). Writes the URL (one line,
// "claimtrace serve: http://HOST:PORT/ …") to `log` once listening.
Status Serve(const ServeOptions& options, std::ostream* log);

}  // namespace claimtrace::serve

#endif  // CLAIMTRACE_SERVE_SERVER_H_
