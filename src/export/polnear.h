// The PolNeAR annotation scheme, as the BRAT export follows it.
//
// claimtrace's ledger keeps every attribution it finds, nested ones included,
// because a claim's chain of sources needs them ("Pravda reported … said the
// ZSU"). PolNeAR annotates differently: each token has at most one role, so an
// attribution inside another one's content is usually not annotated, and its
// annotators leave out some uses of a cue that the rules accept (a cue inside
// a headline list, a stray "said" in a relative clause). A logistic model
// learned from PolNeAR train (tools/learn/learn_polnear.py; weights in
// data/models/polnear_attribution.tsv, feature names and weights only, no text
// of the corpus) scores each attribution on features of its cue, source,
// content and nesting; the BRAT export writes those the scheme would annotate.
// The JSON ledger is not filtered.
#ifndef CLAIMTRACE_EXPORT_POLNEAR_H_
#define CLAIMTRACE_EXPORT_POLNEAR_H_

#include <string>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace::exporter {

// Names of the binary features of doc.attributions[i].
std::vector<std::string> PolnearFeatures(const Document& doc, size_t i);

// Log-odds that PolNeAR would annotate the attribution's cue as claimtrace
// found it: the model's bias plus the weights of the features it knows.
double PolnearScore(const std::vector<std::string>& features);

// The attribution whose cue attribution i shares: the statement a quoted
// paragraph continues (same cue), else i itself. Its features decide for both.
size_t PolnearStatement(const Document& doc, size_t i);

// Whether the export keeps attribution i: the score of its statement is at
// least the model's threshold.
bool PolnearKeeps(const Document& doc, size_t i);

}  // namespace claimtrace::exporter

#endif  // CLAIMTRACE_EXPORT_POLNEAR_H_
