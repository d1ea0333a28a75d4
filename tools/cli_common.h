// Input options shared by the claimtrace subcommands that read documents.
#ifndef CLAIMTRACE_TOOLS_CLI_COMMON_H_
#define CLAIMTRACE_TOOLS_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "claimtrace/pipeline.h"

namespace claimtrace::cli {

struct Common {
  std::vector<std::string> inputs;
  bool keep_chrome = false;
  size_t max_bytes_mb = 64;
  std::vector<std::string> feeds;
  double rate = 1.0;
  double timeout_s = 30;
  double connect_timeout_s = 10;
  long max_redirects = 5;
};

inline void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("inputs", c->inputs,
                  "files (.txt, .html, .jsonl, also .gz), WARC/WARC.gz archives, directories (walked recursively), "
                  "http(s) URLs, or - for stdin");
  cmd->add_flag("--keep-chrome", c->keep_chrome, "do not drop site chrome (prompts, link lists, credits)");
  cmd->add_option("--max-doc-mb", c->max_bytes_mb,
                  "largest document accepted, in MB, also after decompression or download (default 64)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--feed", c->feeds, "RSS or Atom feed (URL or file) whose item links are fetched; repeatable");
  cmd->add_option("--rate", c->rate, "HTTP requests per second to any one host (default 1; 0 = no limit)")
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--timeout", c->timeout_s, "whole-request HTTP timeout in seconds (default 30)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--connect-timeout", c->connect_timeout_s, "HTTP connect timeout in seconds (default 10)")
      ->check(CLI::Range(0.1, 600.0));
  cmd->add_option("--max-redirects", c->max_redirects, "HTTP redirects followed (default 5)")->check(CLI::Range(0, 50));
  // Positional inputs are optional so that `--feed URL` alone is enough; one of them is needed.
  cmd->callback([c] {
    if (c->inputs.empty() && c->feeds.empty()) {
      throw CLI::ValidationError("INPUT", "no inputs (give files, directories, URLs, - or --feed)");
    }
  });
}

inline claimtrace::ReaderOptions ReaderOpts(const Common& c) {
  claimtrace::ReaderOptions o;
  o.max_document_bytes = c.max_bytes_mb << 20;
  o.feeds = c.feeds;
  o.rate_per_host = c.rate;
  o.timeout_ms = static_cast<long>(c.timeout_s * 1000);
  o.connect_timeout_ms = static_cast<long>(c.connect_timeout_s * 1000);
  o.max_redirects = c.max_redirects;
  return o;
}

}  // namespace claimtrace::cli

#endif  // CLAIMTRACE_TOOLS_CLI_COMMON_H_
