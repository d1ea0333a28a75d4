// The rules that decide whether two claims report the same event, and what a
// cluster's evidence status is (README "Provenance"). Pure functions over small
// records, so a store on any database can apply the same rules to the
// candidate pairs its blocking keys produce.
#ifndef CLAIMTRACE_LINK_CLUSTER_RULES_H_
#define CLAIMTRACE_LINK_CLUSTER_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "claimtrace/store.h"

namespace claimtrace::link {

// How specific a place is: a settlement (GeoNames), a region (oblast, raion),
// or a whole country or a loose area ("Donbas", "eastern Ukraine").
enum class PlaceLevel { kNone, kCountryOrArea, kRegion, kSettlement };

// What the rules need of a claim.
struct ClaimFacts {
  int64_t id = 0;
  int64_t doc = 0;
  std::string type, side;                 // side: actor side, empty when unknown
  std::string place_id, admin1, country;  // place_id "geonames:…" or "claimtrace:…"
  bool place_is_admin1 = false;           // the place is a whole first-level region
  int day = -1;                           // event date as days since 1970-01-01; -1 unknown
  int pub_day = -1;                       // publication date of its document, likewise
  std::optional<double> count;
  bool count_approx = false;
  bool denied = false, hypothetical = false;
  std::string text;                       // claim text, for wording similarity
};

PlaceLevel LevelOf(const ClaimFacts& c);

// Same place, or one contains the other: a settlement lies in a region when
// their first-level regions agree; a country or area contains anything in
// that country. No place on either side is compatible (wording must decide).
bool PlacesCompatible(const ClaimFacts& a, const ClaimFacts& b);
bool CountsCompatible(const ClaimFacts& a, const ClaimFacts& b, double ratio);

// Whether a and b report the same event under `opt`:
//   same type; same modality (a call to withdraw is not a withdrawal);
//   actor sides equal or one unknown; places compatible; event dates, or
//   publication dates, at most window_days apart (DatesCompatible); counts
//   compatible; and wording: at least wording_threshold word Jaccard, unless
//   both name the same settlement within a day of each other.
// `wording` is the claims' word Jaccard (computed by the caller once).
// Event dates at most window_days apart, or publication dates so (a report
// on Tuesday of "last week" and a denial on Wednesday are one story); when
// neither pair of dates is known the dates do not rule the pair out. *gap is
// the smaller known distance in days, or -1.
bool DatesCompatible(const ClaimFacts& a, const ClaimFacts& b, int window_days, int* gap);

bool SameEvent(const ClaimFacts& a, const ClaimFacts& b, double wording, const LinkOptions& opt);

// One root source of a cluster, as the status rule sees it.
struct RootFacts {
  std::string key, side;
};

// The evidence status (never true/false):
//   disputed       someone denies it (a denied claim in the cluster, or the same
//                  type, side and place denied within the window)
//   single-source  one independent root
//   one-sided      two or more independent roots, all of the same known side
//   corroborated   two or more independent roots, not all of one known side
//                  (at least one is of another side, neutral, or unknown)
std::string EvidenceStatus(const std::vector<RootFacts>& independent_roots, bool denied);

// Days since 1970-01-01 of "YYYY-MM-DD" (or "YYYY-MM" -> the 1st, "YYYY" -> Jan 1); -1 if not a date.
int DayNumber(const std::string& date);

}  // namespace claimtrace::link

#endif  // CLAIMTRACE_LINK_CLUSTER_RULES_H_
