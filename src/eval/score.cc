// Claim scoring; see score.h.
#include "eval/score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "util/utf8.h"

namespace claimtrace::eval {
namespace {

using json = nlohmann::json;

std::vector<std::string> StringList(const json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array()) {
    for (const auto& x : j) {
      if (x.is_string()) out.push_back(x.get<std::string>());
    }
  }
  return out;
}

bool Mentions(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::string la = util::AsciiLower(a), lb = util::AsciiLower(b);
  return la.find(lb) != std::string::npos || lb.find(la) != std::string::npos;
}

std::string Short(const std::string& s, size_t n = 90) {
  std::string out = s.size() <= n ? s : s.substr(0, n);
  while (out.size() < s.size() && !out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (out.size() < s.size()) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
    out += "...";
  }
  return out;
}

}  // namespace

Result<std::vector<GoldClaim>> LoadGold(const std::string& path, std::vector<std::string>* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read gold file " + path);
  std::vector<GoldClaim> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (util::Trim(line).empty()) continue;
    json j = json::parse(line, nullptr, false);
    auto bad = [&](const std::string& why) { problems->push_back(path + ":" + std::to_string(n) + ": " + why); };
    if (j.is_discarded() || !j.is_object()) {
      bad("not a JSON object");
      continue;
    }
    if (!j.contains("doc") || !j["doc"].is_string() || !j.contains("evidence") || !j["evidence"].is_string()) {
      bad("needs string fields doc and evidence");
      continue;
    }
    GoldClaim g;
    g.line = n;
    g.doc = j["doc"].get<std::string>();
    g.evidence = j["evidence"].get<std::string>();
    g.types = StringList(j.value("type", json()));
    if (g.types.empty()) {
      bad("needs a type");
      continue;
    }
    if (j.contains("actor_side") && j["actor_side"].is_string()) g.side = j["actor_side"].get<std::string>();
    g.place = StringList(j.value("place", json()));
    if (j.contains("count") && j["count"].is_number()) g.count = j["count"].get<double>();
    g.root = StringList(j.value("root", json()));
    if (j.contains("polarity") && j["polarity"].is_string()) g.polarity = j["polarity"].get<std::string>();
    if (j.contains("modality") && j["modality"].is_string()) g.modality = j["modality"].get<std::string>();
    if (j.contains("hedged") && j["hedged"].is_boolean()) g.hedged = j["hedged"].get<bool>();
    out.push_back(std::move(g));
  }
  return out;
}

std::string DocKey(const Document& doc) {
  if (!doc.record_id.empty()) return doc.record_id;
  std::filesystem::path p(doc.input);
  std::string stem = p.filename().string();
  // Strip every extension: "002_x.txt", "a.html.gz".
  size_t dot = stem.find('.');
  if (dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
  return stem;
}

std::vector<std::string> WordTokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Non-ASCII: letters are kept; the common typographic punctuation
      // (U+2010..U+206F: dashes, quotes, ellipsis) separates words.
      if (c == 0xE2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                                               static_cast<unsigned char>(text[i + 1]) == 0x81)) {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
        i += 2;
        continue;
      }
      if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xC0) {  // « » NBSP
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
        ++i;
        continue;
      }
      cur += static_cast<char>(c);
      continue;
    }
    if (std::isalnum(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

double Coverage(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  if (gold.empty()) return 0.0;
  std::unordered_map<std::string, int> have;
  for (const auto& w : predicted) ++have[w];
  int hit = 0;
  for (const auto& w : gold) {
    auto it = have.find(w);
    if (it != have.end() && it->second > 0) {
      --it->second;
      ++hit;
    }
  }
  return static_cast<double>(hit) / gold.size();
}

Report Score(const std::vector<GoldClaim>& gold, const std::map<std::string, std::vector<Claim>>& docs) {
  Report r;
  for (const char* f : {"side", "place", "count", "root", "polarity", "modality", "hedged"}) r.fields[f] = {};
  std::vector<const GoldClaim*> scored;
  for (const auto& g : gold) {
    if (docs.count(g.doc)) scored.push_back(&g);
  }
  r.gold = static_cast<int>(scored.size());
  for (const auto& [key, claims] : docs) r.predicted += static_cast<int>(claims.size());

  struct Pair {
    double coverage;
    size_t gold;
    const Claim* claim;
  };
  std::vector<Pair> pairs;
  for (size_t gi = 0; gi < scored.size(); ++gi) {
    const GoldClaim& g = *scored[gi];
    auto gw = WordTokens(g.evidence);
    for (const Claim& c : docs.at(g.doc)) {
      if (std::find(g.types.begin(), g.types.end(), c.type) == g.types.end()) continue;
      double cov = Coverage(gw, WordTokens(c.text));
      if (cov >= 0.6) pairs.push_back({cov, gi, &c});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.coverage > b.coverage; });
  std::vector<const Claim*> match(scored.size(), nullptr);
  std::vector<const Claim*> used;
  for (const Pair& p : pairs) {
    if (match[p.gold] || std::find(used.begin(), used.end(), p.claim) != used.end()) continue;
    match[p.gold] = p.claim;
    used.push_back(p.claim);
  }
  for (size_t gi = 0; gi < scored.size(); ++gi) {
    const GoldClaim& g = *scored[gi];
    const Claim* c = match[gi];
    if (!c) {
      r.misses.push_back("MISS  " + g.doc + " [" + g.types[0] + "] " + Short(g.evidence));
      continue;
    }
    ++r.matched;
    auto field = [&](const char* name, bool ok, const std::string& want, const std::string& got) {
      auto& f = r.fields[name];
      ++f.total;
      if (ok) {
        ++f.right;
      } else {
        r.misses.push_back(std::string("FIELD ") + g.doc + " " + name + ": gold " + want + ", got " + got + " | " +
                           Short(g.evidence, 60));
      }
    };
    std::string side = c->actor ? c->actor->side : "";
    field("side", side == g.side, g.side.empty() ? "null" : g.side, side.empty() ? "null" : side);
    bool place_ok;
    std::string got_place = c->place ? (c->place->name.empty() ? c->place->text : c->place->name) : "null";
    if (g.place.empty()) {
      place_ok = !c->place;
    } else {
      place_ok = false;
      for (const auto& p : g.place) {
        if (c->place && (Mentions(p, c->place->name) || Mentions(p, c->place->text))) place_ok = true;
      }
    }
    field("place", place_ok, g.place.empty() ? "null" : g.place[0], got_place);
    std::optional<double> got_count = c->count ? c->count->value : std::nullopt;
    bool count_ok = g.count ? (got_count && std::fabs(*got_count - *g.count) < 1e-6) : !got_count;
    auto number = [](double v) {
      char buf[64];
      if (std::fabs(v) < 9.0e15 && v == std::floor(v)) {
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
      } else {
        std::snprintf(buf, sizeof buf, "%g", v);
      }
      return std::string(buf);
    };
    field("count", count_ok, g.count ? number(*g.count) : "null", got_count ? number(*got_count) : "null");
    bool root_ok;
    if (g.root.empty()) {
      root_ok = !c->root;
    } else {
      root_ok = false;
      for (const auto& n : g.root) {
        if (c->root && (Mentions(n, c->root->name) || Mentions(n, c->root->text))) root_ok = true;
      }
    }
    field("root", root_ok, g.root.empty() ? "null" : g.root[0], c->root ? c->root->name : "null");
    field("polarity", c->polarity == g.polarity, g.polarity, c->polarity);
    field("modality", c->modality == g.modality, g.modality, c->modality);
    field("hedged", c->hedges.empty() != g.hedged, g.hedged ? "hedged" : "not hedged",
          c->hedges.empty() ? "none" : c->hedges[0]);
  }
  for (const auto& [key, claims] : docs) {
    for (const Claim& c : claims) {
      if (std::find(used.begin(), used.end(), &c) == used.end()) {
        r.misses.push_back("EXTRA " + key + " [" + c.type + "] " + Short(c.text));
      }
    }
  }
  return r;
}

std::string FormatReport(const Report& r, bool verbose) {
  std::ostringstream o;
  char buf[256];
  std::snprintf(buf, sizeof buf, "claims     gold %d  predicted %d  matched %d\n", r.gold, r.predicted, r.matched);
  o << buf;
  std::snprintf(buf, sizeof buf, "precision  %.3f\nrecall     %.3f\nF1         %.3f\n", r.Precision(), r.Recall(),
                r.F1());
  o << buf;
  o << "field accuracy on matched claims:\n";
  for (const auto& [name, f] : r.fields) {
    std::snprintf(buf, sizeof buf, "  %-9s %.3f  (%d/%d)\n", name.c_str(), f.Accuracy(), f.right, f.total);
    o << buf;
  }
  if (verbose) {
    for (const auto& m : r.misses) o << m << "\n";
  }
  return o.str();
}

}  // namespace claimtrace::eval
