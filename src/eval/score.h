// The claim scoring rule of DESIGN.md "Gold and scoring", for `claimtrace eval`.
//
// A predicted claim matches a gold claim of the same document when its type is
// one of the gold types and it covers at least 60% of the gold evidence's word
// tokens (lower-cased, punctuation dropped). Each gold claim matches at most
// one prediction (pairs are taken best coverage first). Field accuracies are
// over matched pairs.
#ifndef CLAIMTRACE_EVAL_SCORE_H_
#define CLAIMTRACE_EVAL_SCORE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace::eval {

struct GoldClaim {
  std::string doc;
  std::string evidence;
  std::vector<std::string> types;
  std::string side;                // empty when null
  std::vector<std::string> place;  // acceptable names; empty when null
  std::optional<double> count;
  std::vector<std::string> root;   // acceptable names; empty when null
  std::string polarity = "asserted";
  std::string modality = "actual";
  bool hedged = false;
  int line = 0;
};

// Reads a gold JSON Lines file. A malformed line is skipped with a message in
// *problems naming the line; fails only when the file cannot be read.
Result<std::vector<GoldClaim>> LoadGold(const std::string& path, std::vector<std::string>* problems);

// The key a document has in a gold file: its JSON Lines record id, else its
// file name without directory and extension.
std::string DocKey(const Document& doc);

// Word tokens of a text as the scoring rule counts them.
std::vector<std::string> WordTokens(std::string_view text);

// Fraction of `gold` tokens found in `predicted` (as multisets).
double Coverage(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

struct FieldScore {
  int right = 0, total = 0;
  double Accuracy() const { return total ? static_cast<double>(right) / total : 0.0; }
};

struct Report {
  int gold = 0, predicted = 0, matched = 0;
  double Precision() const { return predicted ? static_cast<double>(matched) / predicted : 0.0; }
  double Recall() const { return gold ? static_cast<double>(matched) / gold : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  std::map<std::string, FieldScore> fields;  // side, place, count, root, polarity, modality, hedged
  std::vector<std::string> misses;           // one line per missed gold, false positive or wrong field
};

// Scores the claims of `docs` (keyed by DocKey) against the gold claims of those documents.
Report Score(const std::vector<GoldClaim>& gold, const std::map<std::string, std::vector<Claim>>& docs);

std::string FormatReport(const Report& report, bool verbose);

}  // namespace claimtrace::eval

#endif  // CLAIMTRACE_EVAL_SCORE_H_
