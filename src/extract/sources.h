// The sources registry (data/sources.tsv): outlets, agencies, state and
// military bodies with kind, country, side and aliases.
#ifndef CLAIMTRACE_EXTRACT_SOURCES_H_
#define CLAIMTRACE_EXTRACT_SOURCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace::extract {

struct SourceEntry {
  std::string id, name, kind, country, side;
  std::vector<std::string> aliases;
  std::vector<std::string> match_aliases;  // as matched: acronyms as written, other aliases lower-cased
  std::vector<char> exact;                 // per alias: matched case-sensitively (an acronym)
  bool IsOutlet() const { return kind == "outlet" || kind == "agency"; }
};

// Loaded once from the embedded data; a malformed row aborts at start with its line.
const std::vector<SourceEntry>& Sources();

// The entry whose alias occurs in `text` (word-bounded; acronyms case-sensitive),
// preferring the longest alias; nullptr when none does.
const SourceEntry* MatchSource(std::string_view text);

// Flags `garbled_expansion` where the text spells out a registry acronym as
// something else: "Zenitnaya Samokhodnaya Ustanovka (ZSU)" when ZSU is the
// Armed Forces of Ukraine. Both layouts count: "Expansion (ACR)" and
// "ACR (Expansion)". An expansion that shares a word with the entry's name or
// one of its aliases is taken as a variant, not a mistake.
void FlagGarbledExpansions(Document* doc);

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_SOURCES_H_
