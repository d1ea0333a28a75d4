// A small registry, matched by scanning the aliases: sources are short strings
// and a document has a few dozen of them.
#include "extract/sources.h"

#include <hs/hs.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>
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
      SourceEntry e;
      e.id = std::string(cols[0]);
      e.name = std::string(cols[1]);
      e.kind = std::string(cols[2]);
      e.country = std::string(cols[3]);
      e.side = std::string(cols[4]);
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

// Every alias of the registry in one Hyperscan literal database: acronyms
// case-sensitively, the rest caseless. Word boundaries are checked on each
// match (an alias may itself end in a dot, as "U.S." does).
struct AliasMatcher {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  struct Alias {
    size_t entry;  // index in Sources()
    size_t length;
  };
  std::vector<Alias> aliases;  // by pattern id
};

const AliasMatcher& Aliases() {
  static const AliasMatcher matcher = [] {
    AliasMatcher m;
    std::vector<const char*> exprs;
    std::vector<size_t> lengths;
    std::vector<unsigned> flags, ids;
    const auto& sources = Sources();
    for (size_t e = 0; e < sources.size(); ++e) {
      for (size_t i = 0; i < sources[e].match_aliases.size(); ++i) {
        const std::string& a = sources[e].match_aliases[i];
        ids.push_back(static_cast<unsigned>(m.aliases.size()));
        m.aliases.push_back({e, a.size()});
        exprs.push_back(a.c_str());
        lengths.push_back(a.size());
        flags.push_back(sources[e].exact[i] ? 0u : static_cast<unsigned>(HS_FLAG_CASELESS));
      }
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &m.db, &err) != HS_SUCCESS ||
        hs_alloc_scratch(m.db, &m.prototype) != HS_SUCCESS) {
      std::fprintf(stderr, "claimtrace: sources.tsv aliases do not compile: %s\n", err ? err->message : "scratch");
      std::abort();
    }
    return m;
  }();
  return matcher;
}

struct ScratchFree {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

const SourceEntry* MatchSourceUncached(std::string_view text) {
  const AliasMatcher& m = Aliases();
  thread_local std::unique_ptr<hs_scratch_t, ScratchFree> scratch;
  if (!scratch) {
    hs_scratch_t* raw = nullptr;
    if (hs_clone_scratch(m.prototype, &raw) != HS_SUCCESS) return nullptr;
    scratch.reset(raw);
  }
  // The longest alias wins; among equals, the entry listed first.
  struct Best {
    const AliasMatcher* m;
    std::string_view text;
    size_t entry = SIZE_MAX, length = 0;
  } best{&m, text};
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) -> int {
    auto* b = static_cast<Best*>(ctx);
    const auto& a = b->m->aliases[id];
    size_t from = static_cast<size_t>(to) - a.length;
    if (!WordBoundary(b->text, from, a.length)) return 0;
    if (a.length > b->length || (a.length == b->length && a.entry < b->entry)) {
      b->length = a.length;
      b->entry = a.entry;
    }
    return 0;
  };
  if (hs_scan(m.db, text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(), on_match, &best) !=
      HS_SUCCESS) {
    return nullptr;
  }
  return best.entry == SIZE_MAX ? nullptr : &Sources()[best.entry];
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

namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Content words, lower-cased, with a few English endings folded ("Ukrainian" ~ "Ukraine").
std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    if (cur != "of" && cur != "the" && cur != "and" && cur != "for" && cur != "s") {
      for (std::string_view suffix : {"ian", "ine", "an", "s"}) {
        if (cur.size() > suffix.size() + 3 && cur.compare(cur.size() - suffix.size(), suffix.size(), suffix) == 0) {
          cur.resize(cur.size() - suffix.size());
          break;
        }
      }
      out.push_back(cur);
    }
    cur.clear();
  };
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      cur += util::AsciiLowerChar(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool SharesWord(const SourceEntry& e, std::string_view expansion) {
  auto words = ContentWords(expansion);
  auto check = [&](std::string_view alias) {
    for (const auto& w : ContentWords(alias)) {
      if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    }
    return false;
  };
  if (check(e.name)) return true;
  for (const auto& a : e.aliases) {
    if (a.find(' ') != std::string::npos && check(a)) return true;
  }
  return false;
}

// The run of capitalised words (with "of", "the", "and" inside) that ends at `end`.
size_t CapitalisedRunStart(std::string_view text, size_t end) {
  size_t b = end;
  size_t words = 0;
  while (b > 0 && words < 8) {
    size_t e = b;
    while (e > 0 && text[e - 1] == ' ') --e;
    size_t s = e;
    while (s > 0 && (std::isalpha(static_cast<unsigned char>(text[s - 1])) || text[s - 1] == '-' ||
                     text[s - 1] == '\'' || (static_cast<unsigned char>(text[s - 1]) & 0x80))) {
      --s;
    }
    if (s == e) break;
    std::string_view w = text.substr(s, e - s);
    bool cap = IsUpperAscii(w[0]) || (static_cast<unsigned char>(w[0]) & 0x80);
    bool joiner = w == "of" || w == "the" || w == "and";
    if (!cap && !joiner) break;
    b = s;
    ++words;
  }
  // Don't start on a joiner.
  while (b < end) {
    size_t sp = text.find(' ', b);
    if (sp == std::string_view::npos || sp >= end) break;
    std::string_view w = text.substr(b, sp - b);
    if (w == "of" || w == "the" || w == "and" || w == "The") {
      b = sp + 1;
    } else {
      break;
    }
  }
  return b;
}

// An expansion spells its acronym: the initials of its words hold the
// acronym's letters in order ("Zenitnaya Samokhodnaya Ustanovka" -> ZSU), so
// "United States (CNN)", a dateline, is no expansion of CNN.
bool SpellsAcronym(std::string_view expansion, std::string_view acronym) {
  std::string initials;
  bool start = true;
  for (char c : expansion) {
    if (std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      if (start) initials += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      start = false;
    } else {
      start = c == ' ' || c == '-';
    }
  }
  size_t j = 0;
  for (char c : initials) {
    if (j < acronym.size() && c == acronym[j]) ++j;
  }
  return j == acronym.size() && initials.size() <= acronym.size() + 3;
}

const SourceEntry* AcronymEntry(std::string_view acr) {
  for (const SourceEntry& e : Sources()) {
    for (size_t i = 0; i < e.aliases.size(); ++i) {
      if (e.exact[i] && e.aliases[i] == acr) return &e;
    }
  }
  return nullptr;
}

}  // namespace

void FlagGarbledExpansions(Document* doc) {
  std::string_view text = doc->text;
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    size_t close = text.find(')', open);
    if (close == std::string_view::npos || close - open > 120) continue;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    bool inner_acronym = inner.size() >= 2 && inner.size() <= 6 &&
                         std::all_of(inner.begin(), inner.end(), [](char c) { return IsUpperAscii(c); });
    std::string_view acronym, expansion;
    size_t span_begin = 0, span_end = close + 1;
    if (inner_acronym) {
      // "Expansion (ACR)"
      size_t end = open;
      while (end > 0 && text[end - 1] == ' ') --end;
      size_t start = CapitalisedRunStart(text, end);
      if (start >= end) continue;
      acronym = inner;
      // Start at the word whose initial opens the acronym ("Officers of the Special Border Unit (SBU)").
      while (start < end && std::toupper(static_cast<unsigned char>(text[start])) != acronym[0]) {
        size_t sp = text.find(' ', start);
        if (sp == std::string_view::npos || sp >= end) break;
        start = sp + 1;
      }
      expansion = text.substr(start, end - start);
      span_begin = start;
    } else {
      // "ACR (Expansion)"
      size_t end = open;
      while (end > 0 && text[end - 1] == ' ') --end;
      size_t start = end;
      while (start > 0 && IsUpperAscii(text[start - 1])) --start;
      if (end - start < 2 || end - start > 6 || (start > 0 && std::isalnum(static_cast<unsigned char>(text[start - 1])))) {
        continue;
      }
      if (inner.empty() || !(IsUpperAscii(inner[0]) || (static_cast<unsigned char>(inner[0]) & 0x80))) continue;
      if (inner.find(' ') == std::string_view::npos) continue;
      acronym = text.substr(start, end - start);
      expansion = inner;
      span_begin = start;
    }
    if (ContentWords(expansion).size() < 2 || !SpellsAcronym(expansion, acronym)) continue;
    const SourceEntry* entry = AcronymEntry(acronym);
    if (!entry || SharesWord(*entry, expansion)) continue;
    Flag f;
    f.kind = "garbled_expansion";
    f.span = {static_cast<uint32_t>(span_begin), static_cast<uint32_t>(span_end)};
    f.text = std::string(text.substr(span_begin, span_end - span_begin));
    f.detail = std::string(acronym) + " is " + entry->name + "; the text expands it as \"" + std::string(expansion) +
               "\"";
    doc->flags.push_back(std::move(f));
  }
}

}  // namespace claimtrace::extract
