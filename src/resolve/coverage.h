// Gazetteer coverage against Ukraine's official settlement list (KATOTTH):
// each settlement name is transliterated by the 2010 table and counted as
// covered when it resolves to a GeoNames settlement in the right oblast.
// The KATOTTH files live in ../shared (not shipped); they are read at run time.
#ifndef CLAIMTRACE_RESOLVE_COVERAGE_H_
#define CLAIMTRACE_RESOLVE_COVERAGE_H_

#include <map>
#include <string>

#include "claimtrace/status.h"

namespace claimtrace::resolve {

struct CoverageCount {
  int total = 0;
  int right_oblast = 0;      // resolves to a GeoNames settlement in the right oblast
  int by_translit = 0;       // ... found through the 2010 transliteration of the name
  int by_cyrillic = 0;       // ... found through the Ukrainian name (GeoNames alternate names)
  int other_oblast_only = 0; // resolves, but only to settlements in other oblasts
};

struct CoverageReport {
  std::map<std::string, CoverageCount> by_category;  // "M", "X", "C", "K"
  std::map<std::string, CoverageCount> by_oblast_mx; // cities + urban-type settlements, per oblast
  int bad_rows = 0;
};

// katotth_tsv: katotth_settlements_flat.tsv; oblast_map_tsv: KATOTTH oblast code -> GeoNames admin1.
Result<CoverageReport> MeasureCoverage(const std::string& katotth_tsv, const std::string& oblast_map_tsv);

}  // namespace claimtrace::resolve

#endif  // CLAIMTRACE_RESOLVE_COVERAGE_H_
