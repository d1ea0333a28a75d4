// The claimtrace subcommands that work on a store: ingest, link, claims,
// trace, export, stats (README "Provenance").
#ifndef CLAIMTRACE_TOOLS_STORE_COMMANDS_H_
#define CLAIMTRACE_TOOLS_STORE_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <memory>

namespace claimtrace::cli {

struct StoreCommands;

// Registers the subcommands on `app`; the returned object holds their options.
std::shared_ptr<StoreCommands> AddStoreCommands(CLI::App* app);

// Runs the store subcommand that was parsed, if any: true and *exit_code set
// when one ran. Exit codes: 0 ok, 1 some documents had errors, 2 usage, 3 the
// store failed (cannot open, read-only, newer schema, disk full, …).
bool RunStoreCommand(const StoreCommands& cmds, int* exit_code);

}  // namespace claimtrace::cli

#endif  // CLAIMTRACE_TOOLS_STORE_COMMANDS_H_
