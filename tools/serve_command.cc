// `claimtrace serve`: options to ServeOptions. The web UI's default folder is
// the source tree's web/dist, fixed at build time (CLAIMTRACE_WEB_DIST).
#include "serve_command.h"

#include <cstdio>
#include <iostream>

#include "claimtrace/store.h"
#include "serve/server.h"

#ifndef CLAIMTRACE_WEB_DIST
#define CLAIMTRACE_WEB_DIST ""
#endif

namespace claimtrace::cli {

struct ServeCommand {
  CLI::App* cmd = nullptr;
  serve::ServeOptions options;
};

std::shared_ptr<ServeCommand> AddServeCommand(CLI::App* app) {
  auto c = std::make_shared<ServeCommand>();
  serve::ServeOptions& o = c->options;
  o.web_dir = CLAIMTRACE_WEB_DIST;
  c->cmd = app->add_subcommand("serve", "serve the HTTP API and the web UI over a database (docs/api.md)");
  c->cmd->add_option("--db", o.db,
                     "database file (default: $CLAIMTRACE_DB, else ~/.local/share/claimtrace/claimtrace.db, else "
                     "./claimtrace.db)");
  c->cmd->add_option("--host", o.host, "address to listen on (default 127.0.0.1: this machine only)");
  c->cmd->add_option("--port", o.port, "port (default 8080; 0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535));
  c->cmd->add_option("--token", o.token,
                     "enable POST /api/ingest for requests with 'Authorization: Bearer TOKEN' (default: disabled)");
  c->cmd->add_option("--web", o.web_dir, "folder of the built web UI (default: " CLAIMTRACE_WEB_DIST ")");
  c->cmd->add_option("--threads", o.threads, "worker threads (default: max(8, 2 x cores))")->check(CLI::Range(1, 256));
  c->cmd->add_flag("--no-serve", o.dry_run, "check the database and the web folder, print the URL, and exit");
  return c;
}

bool RunServeCommand(const ServeCommand& c, int* exit_code) {
  if (!*c.cmd) return false;
  serve::ServeOptions o = c.options;
  if (o.db.empty()) o.db = DefaultStorePath();
  Status s = serve::Serve(o, &std::cout);
  if (s.ok()) {
    *exit_code = 0;
  } else {
    std::fprintf(stderr, "claimtrace: %s\n", s.ToString().c_str());
    *exit_code = s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kIOError ? 2 : 3;
  }
  return true;
}

}  // namespace claimtrace::cli
