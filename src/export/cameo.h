// CAMEO coding of claims for `claimtrace export --format cameo`, from the
// tables in data/cameo/ (see docs/export.md for the mapping and its reasons).
// The tables are parsed once, on first use; a broken table aborts the program
// with its file and line (it is compiled in, so that is a build mistake).
// Thread-safe.
#ifndef CLAIMTRACE_EXPORT_CAMEO_H_
#define CLAIMTRACE_EXPORT_CAMEO_H_

#include <string>
#include <string_view>

#include "claimtrace/document.h"

namespace claimtrace::exporter {

struct CameoEvent {
  std::string code;    // "0874", "194", or a claimtrace code "CT01"; empty for an unknown type
  std::string root;    // "08", "19"; a CT code is its own root
  int quad = 0;        // quad class 1-4; 0 for an unknown type
  std::string label;   // the code's name
  std::string actor1;  // CAMEO actor codes ("RUSMIL"); empty when unknown
  std::string actor2;
};

// The event code of the claim's type, refined by the words of its text
// (weapons of an attack, an exchange of prisoners), and its two actors from
// the claim's actor side.
CameoEvent CameoCode(const Claim& claim);

// "RU" -> "RUSMIL", "UA" -> "UKRMIL", "PL" -> "POL"; empty when not listed.
std::string CameoActor(std::string_view side);

}  // namespace claimtrace::exporter

#endif  // CLAIMTRACE_EXPORT_CAMEO_H_
