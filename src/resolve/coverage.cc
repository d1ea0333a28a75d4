#include "resolve/coverage.h"

#include <fstream>
#include <unordered_map>

#include "resolve/gazetteer.h"
#include "resolve/name_key.h"
#include "util/data.h"

namespace claimtrace::resolve {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text;
}

}  // namespace

Result<CoverageReport> MeasureCoverage(const std::string& katotth_tsv, const std::string& oblast_map_tsv) {
  // GeoNames admin1 code ("UA.23") -> our region name, from data/gazetteer/regions.tsv.
  std::unordered_map<std::string, std::string> region_name;
  for (std::string_view line : util::SplitLines(util::EmbeddedFile("gazetteer/regions.tsv"))) {
    if (line.empty() || line[0] == '#') continue;
    auto f = util::Split(line, '\t');
    if (f.size() >= 4) region_name[std::string(f[2]) + "." + std::string(f[3])] = std::string(f[1]);
  }
  auto map_text = ReadFile(oblast_map_tsv);
  if (!map_text.ok()) return map_text.status();
  std::unordered_map<std::string, std::string> oblast_admin1;  // KATOTTH oblast code -> region name
  size_t n = 0;
  for (std::string_view line : util::SplitLines(map_text.value())) {
    if (n++ == 0 || line.empty()) continue;  // header
    auto f = util::Split(line, '\t');
    if (f.size() < 3) return Status::Corruption(oblast_map_tsv + " line " + std::to_string(n) + ": want 3 fields");
    auto it = region_name.find(std::string(f[2]));
    if (it == region_name.end())
      return Status::Corruption(oblast_map_tsv + " line " + std::to_string(n) + ": unknown GeoNames admin1 " +
                                std::string(f[2]));
    oblast_admin1[std::string(f[0])] = it->second;
  }
  auto text = ReadFile(katotth_tsv);
  if (!text.ok()) return text.status();
  const Gazetteer& g = Gazetteer::Default();
  CoverageReport report;
  n = 0;
  for (std::string_view line : util::SplitLines(text.value())) {
    if (n++ == 0 || line.empty()) continue;  // header
    auto f = util::Split(line, '\t');
    if (f.size() < 5) {
      ++report.bad_rows;
      continue;
    }
    std::string category(f[1]);
    auto ob = oblast_admin1.find(std::string(f[3]));
    if (ob == oblast_admin1.end()) {
      ++report.bad_rows;
      continue;
    }
    const std::string& want = ob->second;
    std::string_view name_uk = f[2];
    auto in_oblast = [&](const std::vector<const Place*>& places, bool* elsewhere) {
      bool hit = false;
      for (const Place* p : places) {
        if (p->kind != "settlement" || p->id.rfind("geonames:", 0) != 0 || p->country != "UA") continue;
        if (p->admin1 == want) hit = true;
        else *elsewhere = true;
      }
      return hit;
    };
    bool elsewhere = false;
    bool by_translit = in_oblast(g.Lookup(ToLatin(name_uk)), &elsewhere);
    bool by_cyrillic = in_oblast(g.Lookup(name_uk), &elsewhere);
    for (CoverageCount* c : {&report.by_category[category],
                             (category == "M" || category == "X") ? &report.by_oblast_mx[want] : nullptr}) {
      if (c == nullptr) continue;
      ++c->total;
      if (by_translit) ++c->by_translit;
      if (by_cyrillic) ++c->by_cyrillic;
      if (by_translit || by_cyrillic) ++c->right_oblast;
      else if (elsewhere) ++c->other_oblast_only;
    }
  }
  if (report.by_category.empty()) return Status::Corruption(katotth_tsv + ": no settlement rows");
  return report;
}

}  // namespace claimtrace::resolve
