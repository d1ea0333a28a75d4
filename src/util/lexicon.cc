// Lexicon parsing: plain text, one entry a line, canonical form first.
#include <unordered_set>

#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::util {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!(e == text.size() && line.empty())) lines.push_back(line);
    b = e + 1;
  }
  return lines;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) {
      out.push_back(s.substr(b));
      break;
    }
    out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

Result<std::vector<LexiconEntry>> ParseLexicon(std::string_view name, std::string_view text) {
  std::vector<LexiconEntry> entries;
  std::unordered_set<std::string> seen;
  int line_no = 0;
  for (std::string_view line : SplitLines(text)) {
    ++line_no;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    LexiconEntry entry;
    entry.line = line_no;
    size_t tab = line.find('\t');
    std::string_view forms = line.substr(0, tab);
    if (tab != std::string_view::npos) {
      for (std::string_view t : Split(line.substr(tab + 1), ',')) {
        t = Trim(t);
        if (!t.empty()) entry.tags.emplace_back(t);
      }
    }
    for (std::string_view f : Split(forms, '|')) {
      f = Trim(f);
      if (f.empty()) {
        return Status::Corruption(std::string(name) + ":" + std::to_string(line_no) + ": empty form");
      }
      std::string key = AsciiLower(f);
      if (!seen.insert(key).second) {
        return Status::Corruption(std::string(name) + ":" + std::to_string(line_no) + ": '" + key +
                                  "' is listed twice");
      }
      entry.forms.emplace_back(f);
    }
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) return Status::Corruption(std::string(name) + ": no entries");
  return entries;
}

}  // namespace claimtrace::util
