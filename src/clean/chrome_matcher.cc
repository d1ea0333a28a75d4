// All chrome patterns are compiled into one Hyperscan database at first use
// (a bad pattern aborts with its file and line: data errors fail loudly at
// start); each thread scans with its own scratch space.
#include <hs/hs.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "clean/chrome_rules.h"
#include "clean/clean.h"
#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::clean {

extern const unsigned char kChromeDb[];
extern const size_t kChromeDbSize;

namespace {

constexpr char kChromeFile[] = "lexicons/en/chrome.txt";

struct ChromeDb {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::vector<ChromeKind> kinds;  // by pattern id
  std::vector<size_t> max_bytes;  // by pattern id: longer lines never match
};

[[noreturn]] void DataFailure(const std::string& what) {
  std::fprintf(stderr, "claimtrace: broken data file %s: %s\n", kChromeFile, what.c_str());
  std::abort();
}

const ChromeDb& Db() {
  static const ChromeDb db = [] {
    ChromeDb out;
    std::string error;
    auto rules = ParseChromeRules(util::EmbeddedFile(kChromeFile), &error);
    if (!error.empty()) DataFailure(error);
    for (const auto& r : rules) {
      out.kinds.push_back(static_cast<ChromeKind>(r.kind));
      out.max_bytes.push_back(r.max_bytes);
    }
    // The database compiled at build time; compiled here only when this CPU cannot load it.
    if (hs_deserialize_database(reinterpret_cast<const char*>(kChromeDb), kChromeDbSize, &out.db) != HS_SUCCESS &&
        !CompileChromeRules(rules, &out.db, &error)) {
      DataFailure(error);
    }
    if (hs_alloc_scratch(out.db, &out.prototype) != HS_SUCCESS) DataFailure("cannot allocate scratch");
    return out;
  }();
  return db;
}

struct Scratch {
  hs_scratch_t* s = nullptr;
  ~Scratch() {
    if (s) hs_free_scratch(s);
  }
};

struct MatchState {
  size_t line_bytes = 0;
  ChromeKind best = ChromeKind::kNone;
};

int OnMatch(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  auto* state = static_cast<MatchState*>(ctx);
  if (state->line_bytes > Db().max_bytes[id]) return 0;
  ChromeKind* best = &state->best;
  ChromeKind k = Db().kinds[id];
  // Priority: list > byline > credit > drop (a list header must open its list).
  auto rank = [](ChromeKind c) {
    switch (c) {
      case ChromeKind::kList: return 4;
      case ChromeKind::kByline: return 3;
      case ChromeKind::kCredit: return 2;
      case ChromeKind::kDrop: return 1;
      default: return 0;
    }
  };
  if (rank(k) > rank(*best)) *best = k;
  return 0;
}

}  // namespace

ChromeKind ClassifyLine(std::string_view line) {
  if (line.empty() || line.size() > 600) return ChromeKind::kNone;
  const ChromeDb& db = Db();
  thread_local Scratch scratch;
  if (!scratch.s && hs_clone_scratch(db.prototype, &scratch.s) != HS_SUCCESS) return ChromeKind::kNone;
  MatchState state;
  state.line_bytes = line.size();
  if (hs_scan(db.db, line.data(), static_cast<unsigned>(line.size()), 0, scratch.s, OnMatch, &state) != HS_SUCCESS) {
    return ChromeKind::kNone;
  }
  return state.best;
}

}  // namespace claimtrace::clean
