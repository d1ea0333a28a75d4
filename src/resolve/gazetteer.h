// The place gazetteer: GeoNames cities500 (compiled in at build time by
// tools/gazetteer_compiler.cc) plus our own tables under data/gazetteer/
// (regions, named areas, countries), and the place finder that resolves
// place mentions in a segmented Document to its entries.
#ifndef CLAIMTRACE_RESOLVE_GAZETTEER_H_
#define CLAIMTRACE_RESOLVE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace {

struct Place {            // one gazetteer entry
  std::string name;       // English/Latin name ("Okhtyrka", "Sumy Oblast", "Okhtyrka Raion")
  std::string id;         // "geonames:12345" or "claimtrace:ua-oblast-sumy" for our own entries
  std::string kind;       // "settlement", "raion", "oblast", "region", "area", "country"
  std::string admin1;     // oblast/region name ("Sumy Oblast"), empty for countries
  std::string country;    // ISO 3166 alpha-2
  double lat = 0, lon = 0;
  int64_t population = 0;
};

struct PlaceMention {
  Span span;                 // into Document::text (UTF-8 bytes)
  std::string text;          // exact substring of the clean text, e.g. "Okhtirsky district"
  const Place* place = nullptr;          // null when unresolved
  std::vector<const Place*> candidates;  // closest entries when unresolved (edit distance on keys)
  float confidence = 0;
};

class Gazetteer {
 public:
  static const Gazetteer& Default();    // the embedded one, built once, thread-safe
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // All entries whose names/alternate names match, best first (population, kind).
  // "X region/oblast/province" names the region; "X district/raion" the raion.
  std::vector<const Place*> Lookup(std::string_view name) const;
  // Finds place mentions in a segmented Document (tokens/sentences are filled) — settlements,
  // "X region/oblast/district/raion", areas, countries; disambiguates by population and by
  // nearby context (an oblast or country named in the same sentence/paragraph/document);
  // place-like names that resolve nowhere (e.g. capitalised word after "village of", "near",
  // "in the X district") come back with place == nullptr and candidates.
  // With `sentences`, only the sentences whose entry is non-zero are searched.
  std::vector<PlaceMention> FindPlaces(const Document& doc, const std::vector<char>* sentences = nullptr) const;

  size_t size() const;  // number of entries

  struct Impl;

 private:
  Gazetteer();
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimtrace

#endif  // CLAIMTRACE_RESOLVE_GAZETTEER_H_
