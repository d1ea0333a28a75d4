// BRAT standoff output in the PolNeAR layout: Source/Cue/Content text-bound
// annotations plus an Attribution event per attribution. Offsets are code
// points into the input as given (the decoded raw text), not the clean text.
#ifndef CLAIMTRACE_EXPORT_BRAT_H_
#define CLAIMTRACE_EXPORT_BRAT_H_

#include <string>

#include "claimtrace/document.h"

namespace claimtrace::exporter {

std::string ToBrat(const Document& doc);

}  // namespace claimtrace::exporter

#endif  // CLAIMTRACE_EXPORT_BRAT_H_
