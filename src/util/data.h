// Access to the data files (data/…) compiled into the binary at build time,
// and the parser for the lexicon format described in data/lexicons/README.md.
#ifndef CLAIMTRACE_UTIL_DATA_H_
#define CLAIMTRACE_UTIL_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/status.h"

namespace claimtrace::util {

// Text of an embedded file by its path under data/ ("lexicons/en/cues.txt"); empty if absent.
std::string_view EmbeddedFile(std::string_view name);
std::vector<std::string_view> EmbeddedFileNames();

// One line of a lexicon: `canonical|variant|variant<TAB>tag,tag`.
struct LexiconEntry {
  std::vector<std::string> forms;  // forms[0] is the canonical form
  std::vector<std::string> tags;
  int line = 0;
};

// Parses a lexicon; '#' starts a comment, blank lines are skipped. Fails with
// kCorruption naming the file and line on an empty form or a form listed twice.
Result<std::vector<LexiconEntry>> ParseLexicon(std::string_view name, std::string_view text);

// Splits text into lines (without the newline); helper for data parsers.
std::vector<std::string_view> SplitLines(std::string_view text);
std::vector<std::string_view> Split(std::string_view s, char sep);

}  // namespace claimtrace::util

#endif  // CLAIMTRACE_UTIL_DATA_H_
