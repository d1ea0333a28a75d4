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

#include "claimtrace/document.h"

namespace claimtrace::extract {

// Fills doc->attributions from a segmented document.
void ExtractAttributions(Document* doc);

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_ATTRIBUTION_H_
