// The `claimtrace serve` subcommand: the HTTP API and web UI over a store
// (src/serve/server.h; API spec in docs/api.md).
#ifndef CLAIMTRACE_TOOLS_SERVE_COMMAND_H_
#define CLAIMTRACE_TOOLS_SERVE_COMMAND_H_

#include <CLI/CLI.hpp>
#include <memory>

namespace claimtrace::cli {

struct ServeCommand;

// Registers `serve` on `app`; the returned object holds its options.
std::shared_ptr<ServeCommand> AddServeCommand(CLI::App* app);

// Runs `serve` when it was parsed: true and *exit_code set. Exit codes: 0
// stopped by SIGINT/SIGTERM (or --no-serve), 2 usage or cannot listen, 3 the
// store cannot be opened.
bool RunServeCommand(const ServeCommand& cmd, int* exit_code);

}  // namespace claimtrace::cli

#endif  // CLAIMTRACE_TOOLS_SERVE_COMMAND_H_
