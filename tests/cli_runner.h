// Runs the built `claimtrace` binary (CLAIMTRACE_BIN) through the shell with
// its output in temp files, and parses the JSON Lines it prints.
#ifndef CLAIMTRACE_TESTS_CLI_RUNNER_H_
#define CLAIMTRACE_TESTS_CLI_RUNNER_H_

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace claimtrace::testing {

using Json = nlohmann::json;

// Single-quotes `s` for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

struct CliRun {
  int exit_code = -1;            // 128 + signal when the process was killed
  std::string out;               // stdout
  std::string err;               // stderr
  std::vector<Json> lines;       // stdout, one parsed JSON value per line
};

struct CliOptions {
  std::string stdin_command;     // shell command piped into the CLI ("cat x"), or empty
  size_t memory_cap_mb = 4096;   // address-space cap (ulimit -v) so a runaway cannot take the machine down
  bool parse_json = true;
};

// `args` is already shell-quoted. Output goes to files in `dir`.
inline CliRun RunCli(const std::string& args, const TempDir& dir, const CliOptions& options = {}) {
  static int run_no = 0;
  const std::string stem = dir / ("cli_run_" + std::to_string(run_no++));
  std::string cmd;
#ifndef CLAIMTRACE_SANITIZED
  if (options.memory_cap_mb > 0) cmd += "ulimit -v " + std::to_string(options.memory_cap_mb * 1024) + "; ";
#endif
  if (!options.stdin_command.empty()) cmd += options.stdin_command + " | ";
  cmd += ShellQuote(CLAIMTRACE_BIN) + " " + args + " > " + ShellQuote(stem + ".out") + " 2> " +
         ShellQuote(stem + ".err");
  int status = std::system(cmd.c_str());
  CliRun run;
  if (status == -1) {
    ADD_FAILURE() << "cannot run: " << cmd;
  } else if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    run.exit_code = 128 + WTERMSIG(status);
  }
  run.out = ReadFile(stem + ".out");
  run.err = ReadFile(stem + ".err");
  if (options.parse_json) {
    std::istringstream in(run.out);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) {
        ADD_FAILURE() << "output line " << n << " is not JSON: " << line.substr(0, 200);
        continue;
      }
      run.lines.push_back(std::move(j));
    }
  }
  return run;
}

// The `claimtrace extract` output contract (see /README, "Output format").
inline void ExpectContractFields(const Json& j) {
  ASSERT_TRUE(j.is_object()) << j.dump().substr(0, 200);
  for (const char* field : {"doc_id", "input", "url", "outlet", "title", "published", "lang", "text", "claims",
                            "attributions", "flags", "error"}) {
    EXPECT_TRUE(j.contains(field)) << "missing field '" << field << "' in " << j.dump().substr(0, 200);
  }
  if (!j.contains("error")) return;
  EXPECT_TRUE(j["input"].is_string());
  EXPECT_TRUE(j["text"].is_string());
  EXPECT_TRUE(j["claims"].is_array());
  EXPECT_TRUE(j["attributions"].is_array());
  EXPECT_TRUE(j["flags"].is_array());
  EXPECT_TRUE(j["error"].is_null() || j["error"].is_string());
  EXPECT_TRUE(j["doc_id"].is_null() || j["doc_id"].is_string());
  EXPECT_TRUE(j["published"].is_null() || j["published"].is_string());
  if (j["error"].is_string()) {
    EXPECT_FALSE(j["error"].get<std::string>().empty());
    EXPECT_TRUE(j["claims"].empty());
  }
}

inline std::string ErrorOf(const Json& j) {
  return j.contains("error") && j["error"].is_string() ? j["error"].get<std::string>() : std::string();
}

}  // namespace claimtrace::testing

#endif  // CLAIMTRACE_TESTS_CLI_RUNNER_H_
