// BRAT standoff output in the PolNeAR layout: Source/Cue/Content text-bound
// annotations plus an Attribution event per attribution. Offsets are code
// points into the input as given (the decoded raw text), not the clean text.
#ifndef CLAIMTRACE_EXPORT_BRAT_H_
#define CLAIMTRACE_EXPORT_BRAT_H_

#include <string>

#include "claimtrace/document.h"

namespace claimtrace::exporter {

struct BratOptions {
  // Write only the attributions the PolNeAR scheme would annotate (see
  // export/polnear.h); false writes every attribution of the ledger.
  bool scheme_filter = true;
  // After each attribution, an AnnotatorNotes line ("#N") on its cue with the
  // scheme model's features (for tools/learn/learn_polnear.py).
  bool feature_notes = false;
};

std::string ToBrat(const Document& doc, const BratOptions& options = {});

}  // namespace claimtrace::exporter

#endif  // CLAIMTRACE_EXPORT_BRAT_H_
