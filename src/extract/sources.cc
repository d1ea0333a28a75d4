// A small registry, matched by scanning the aliases: sources are short strings
// and a document has a few dozen of them.
#include "extract/sources.h"

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::extract {
namespace {

bool IsAcronym(std::string_view a) {
  if (a.size() > 6) return false;
  for (char c : a) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

bool WordBoundary(std::string_view text, size_t pos, size_t len) {
  auto word = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  bool left = pos == 0 || !word(static_cast<unsigned char>(text[pos - 1]));
  bool right = pos + len >= text.size() || !word(static_cast<unsigned char>(text[pos + len]));
  return left && right;
}

}  // namespace

const std::vector<SourceEntry>& Sources() {
  static const std::vector<SourceEntry> sources = [] {
    std::vector<SourceEntry> out;
    int line_no = 0;
    for (std::string_view line : util::SplitLines(util::EmbeddedFile("sources.tsv"))) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      auto cols = util::Split(line, '\t');
      if (cols.size() != 6) {
        std::fprintf(stderr, "claimtrace: broken data file sources.tsv:%d: expected 6 columns, found %zu\n", line_no,
                     cols.size());
        std::abort();
      }
      SourceEntry e{std::string(cols[0]), std::string(cols[1]), std::string(cols[2]), std::string(cols[3]),
                    std::string(cols[4]), {}};
      for (auto a : util::Split(cols[5], '|')) {
        if (a.empty()) continue;
        e.aliases.emplace_back(a);
        e.exact.push_back(IsAcronym(a));
        e.match_aliases.push_back(IsAcronym(a) ? std::string(a) : util::AsciiLower(a));
      }
      out.push_back(std::move(e));
    }
    return out;
  }();
  return sources;
}

namespace {

const SourceEntry* MatchSourceUncached(std::string_view text) {
  const SourceEntry* best = nullptr;
  size_t best_len = 0;
  std::string lower = util::AsciiLower(text);
  for (const SourceEntry& e : Sources()) {
    for (size_t i = 0; i < e.match_aliases.size(); ++i) {
      const std::string& needle = e.match_aliases[i];
      if (needle.size() <= best_len) continue;
      std::string_view hay = e.exact[i] ? text : std::string_view(lower);
      for (size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
        if (WordBoundary(hay, pos, needle.size())) {
          best = &e;
          best_len = needle.size();
          break;
        }
      }
    }
  }
  return best;
}

}  // namespace

const SourceEntry* MatchSource(std::string_view text) {
  // The same few source strings are looked up many times per document.
  thread_local std::unordered_map<std::string, const SourceEntry*> cache;
  if (auto it = cache.find(std::string(text)); it != cache.end()) return it->second;
  if (cache.size() > 8192) cache.clear();
  const SourceEntry* e = MatchSourceUncached(text);
  cache.emplace(std::string(text), e);
  return e;
}

}  // namespace claimtrace::extract
