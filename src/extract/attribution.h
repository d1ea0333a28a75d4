// Attribution extraction: who said what, in every layout news uses.
//
// Finds direct quotations and their speakers (“…,” X said; X said: “…”;
// “…” — X; a quotation continued over paragraphs; a standalone quoted
// paragraph after its speaker's), indirect speech (X said that …, X told Y …,
// …, X said), "according to X", passive hearsay ("are said to", "it is
// reported that", "reportedly"), noun cues ("a report from X"), and links them:
// `parent` when one attribution's content holds another, `cites` when an
// outlet's report relays a statement given nearby, `via` for the outlet a
// source spoke to. Pronoun sources ("He added") resolve to the last named
// speaker. Stateless; thread-safe.
#ifndef CLAIMTRACE_EXTRACT_ATTRIBUTION_H_
#define CLAIMTRACE_EXTRACT_ATTRIBUTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace::extract {

struct AttributionOptions {
  // Also attitudes: cues tagged `attitude` in data/lexicons/en/cues.txt ("wants",
  // "seems", "supports"), marked Attribution::attitude. Claims do not use them.
  bool attitudes = false;
};

// Fills doc->attributions from a segmented document.
void ExtractAttributions(Document* doc, const AttributionOptions& options = {});

// One source in a chain of attribution, outermost first.
struct ChainLink {
  std::string text;  // as written ("the ZSU", "He")
  std::string name;  // resolved name ("Paul Mason"), or the text
  std::string registry;  // the sources-registry name it resolves to, if any
  int attribution = -1;  // the attribution it comes from; -1 for a hearer/relay (`via`)
};

// The chain of sources behind attribution `id`: its ancestors' sources (the
// attribution whose content holds it, outermost first), a hearer it spoke to
// ("told the Washington Post"), its own source, and the source it relays
// (`cites`). A continuation ("He added", a quoted paragraph) takes the chain
// of the statement it continues. Sourceless (passive) attributions add nothing.
std::vector<ChainLink> ChainFor(const Document& doc, int id);

// What a cue says about its content, from the cue lexicon: a denial ("denied",
// "dismissed") or a call ("urged", "called for").
struct CueMeaning {
  bool deny = false;
  bool call = false;
};
CueMeaning CueMeaningOf(std::string_view cue_text);

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_ATTRIBUTION_H_
