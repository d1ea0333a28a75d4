// Claim-cluster and evidence-status rules; see cluster_rules.h. Kept free of
// any database so they can be tested on hand-made claims and reused by other
// stores.
#include "link/cluster_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "util/dates.h"

namespace claimtrace::link {

PlaceLevel LevelOf(const ClaimFacts& c) {
  if (c.place_id.empty() && c.country.empty()) return PlaceLevel::kNone;
  if (c.place_id.rfind("geonames:", 0) == 0) return PlaceLevel::kSettlement;
  if (!c.admin1.empty()) return PlaceLevel::kRegion;
  return PlaceLevel::kCountryOrArea;
}

bool PlacesCompatible(const ClaimFacts& a, const ClaimFacts& b) {
  PlaceLevel la = LevelOf(a), lb = LevelOf(b);
  if (la == PlaceLevel::kNone || lb == PlaceLevel::kNone) return true;
  if (!a.place_id.empty() && a.place_id == b.place_id) return true;
  if (a.country != b.country) return false;
  if (la == PlaceLevel::kCountryOrArea || lb == PlaceLevel::kCountryOrArea) return true;
  // Both at least regional, in one country.
  if (a.admin1 != b.admin1) return false;
  if (la == PlaceLevel::kSettlement && lb == PlaceLevel::kSettlement) return false;  // two different settlements
  if (la == PlaceLevel::kSettlement) return true;  // a settlement inside b's region (or raion of that region)
  if (lb == PlaceLevel::kSettlement) return true;
  // Two regions of one oblast: the oblast contains its raions; two raions differ.
  return a.place_is_admin1 || b.place_is_admin1;
}

bool CountsCompatible(const ClaimFacts& a, const ClaimFacts& b, double ratio) {
  if (!a.count || !b.count) return true;
  double x = std::fabs(*a.count), y = std::fabs(*b.count);
  if (x == y) return true;
  if (x == 0 || y == 0) return false;
  double r = ratio;
  if (a.count_approx || b.count_approx) r *= 2;
  return std::max(x, y) / std::min(x, y) <= r;
}

bool DatesCompatible(const ClaimFacts& a, const ClaimFacts& b, int window_days, int* gap) {
  int best = -1;
  if (a.day >= 0 && b.day >= 0) best = std::abs(a.day - b.day);
  if (a.pub_day >= 0 && b.pub_day >= 0) {
    int g = std::abs(a.pub_day - b.pub_day);
    if (best < 0 || g < best) best = g;
  }
  if (gap) *gap = best;
  return best < 0 || best <= window_days;
}

bool SameEvent(const ClaimFacts& a, const ClaimFacts& b, double wording, const LinkOptions& opt) {
  if (a.type != b.type) return false;
  if (a.hypothetical != b.hypothetical) return false;
  if (!a.side.empty() && !b.side.empty() && a.side != b.side) return false;
  if (!PlacesCompatible(a, b)) return false;
  int gap = -1;
  if (!DatesCompatible(a, b, opt.window_days, &gap)) return false;
  if (!CountsCompatible(a, b, opt.count_ratio)) return false;
  bool same_settlement = LevelOf(a) == PlaceLevel::kSettlement && a.place_id == b.place_id;
  if (same_settlement && gap >= 0 && gap <= 1) return true;
  return wording >= opt.wording_threshold;
}

std::string EvidenceStatus(const std::vector<RootFacts>& roots, bool denied) {
  if (denied) return "disputed";
  if (roots.size() <= 1) return "single-source";
  const std::string& first = roots.front().side;
  bool all_same = !first.empty() &&
                  std::all_of(roots.begin(), roots.end(), [&](const RootFacts& r) { return r.side == first; });
  return all_same ? "one-sided" : "corroborated";
}

int DayNumber(const std::string& date) {
  util::Ymd d;
  if (date.size() >= 10 && util::ParseIsoDate(date, &d)) return util::DaysFromEpoch(d);
  std::string padded;
  if (date.size() == 7) padded = date + "-01";
  else if (date.size() == 4) padded = date + "-01-01";
  else return -1;
  if (!util::ParseIsoDate(padded, &d)) return -1;
  return util::DaysFromEpoch(d);
}

}  // namespace claimtrace::link
