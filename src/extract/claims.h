// Event claims: what happened, to whom, where, how many, on whose authority.
//
// Built from the event triggers of a segmented document with its
// attributions: each trigger that names an event (not a back-reference to one
// already reported, not background such as "following the counter-offensive")
// becomes a claim with its clause as text, its actor and side, count, place,
// time, the chain of sources whose content holds it, polarity (a denial or a
// negation), modality (a prediction, call or condition) and hedges. Triggers of
// related types in one clause ("fled, with many surrendering") make one claim
// listing both types. Stateless; thread-safe.
#ifndef CLAIMTRACE_EXTRACT_CLAIMS_H_
#define CLAIMTRACE_EXTRACT_CLAIMS_H_

#include "claimtrace/document.h"

namespace claimtrace::extract {

// Fills doc->claims (and place flags into doc->flags). Needs segmentation and
// attributions.
void ExtractClaims(Document* doc);

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_CLAIMS_H_
