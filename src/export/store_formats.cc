// Formats of the store's commands. Every claim format reads one flat row per
// claim (FlatRow: the CSV columns, typed) or the JSON body, so CSV, GeoJSON
// properties and the API can never disagree on a field. Terminal text is
// cleaned of control characters and cut by display columns, never bytes.
#include "export/store_formats.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <set>
#include <unordered_map>

#include "export/cameo.h"
#include "export/contract_json.h"
#include "util/utf8.h"

namespace claimtrace {
namespace {

using json = nlohmann::ordered_json;

constexpr auto kDump = json::error_handler_t::replace;

// ----------------------------------------------------------------------------
// Small helpers

json Str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json Id(int64_t id) { return id == 0 ? json(nullptr) : json(id); }
template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string Number(double v) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  return std::string(buf, r.ptr);
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, kDump); }

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

int CharWidth(char32_t c) {
  if (c < 0x300) return c < 0x20 || (c >= 0x7F && c < 0xA0) ? 0 : 1;
  int8_t cat = u_charType(c);
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) return 0;
  int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

bool IsBidiControl(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// One line of safe terminal text: whitespace and control runs become one
// space, bidi overrides go, invalid bytes become U+FFFD; trimmed.
std::string TerminalLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = util::NextCodePoint(text, &i);
    if (util::IsSpace(c) || util::IsNewline(c) || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      space = !out.empty();
      continue;
    }
    if (IsBidiControl(c)) continue;
    if (space) out += ' ';
    space = false;
    AppendUtf8(&out, c);
  }
  return out;
}

std::string Indent(size_t n) { return std::string(n, ' '); }

// The trigger's words: the trigger lies inside the claim's span (the
// extractor builds claims around triggers), so it is a slice of the claim text.
std::string_view TriggerText(const Claim& c) {
  if (c.trigger.empty() || c.trigger.begin < c.span.begin || c.trigger.end > c.span.end) return {};
  size_t off = c.trigger.begin - c.span.begin;
  if (off + c.trigger.size() > c.text.size()) return {};
  return std::string_view(c.text).substr(off, c.trigger.size());
}

std::string SideOrUnknown(const std::string& side) { return side.empty() ? "unknown" : side; }

// "UA 2, RU 1, unknown 1": most roots first.
std::string RootsBySide(const std::map<std::string, size_t>& by_side) {
  std::vector<std::pair<std::string, size_t>> v(by_side.begin(), by_side.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    if (a.first.empty() != b.first.empty()) return b.first.empty();  // unknown last
    return a.first < b.first;
  });
  std::string out;
  for (const auto& [side, n] : v) {
    if (!out.empty()) out += ", ";
    out += SideOrUnknown(side) + " " + std::to_string(n);
  }
  return out;
}

std::string CountText(const Claim& c) {
  if (!c.count) return "";
  if (c.count->value) return (c.count->approx ? "~" : "") + Number(*c.count->value);
  return c.count->text;
}

std::string PlaceLabel(const Claim& c) {
  if (!c.place) return "";
  return c.place->name.empty() ? c.place->text : c.place->name;
}

bool HasCoordinates(const Claim& c) {
  if (!c.place || !c.place->lat || !c.place->lon) return false;
  double lat = *c.place->lat, lon = *c.place->lon;
  return std::isfinite(lat) && std::isfinite(lon) && std::fabs(lat) <= 90 && std::fabs(lon) <= 180;
}

const ClusterSummary* FindCluster(const std::map<int64_t, ClusterSummary>& clusters, int64_t id) {
  if (id == 0) return nullptr;
  auto it = clusters.find(id);
  return it == clusters.end() ? nullptr : &it->second;
}

// ----------------------------------------------------------------------------
// The flat row: the CSV columns, typed (null, number, bool or string).

constexpr const char* kFlatColumns[] = {
    "claim_id",   "doc",         "doc_id",      "url",         "outlet",      "published",  "event_date",
    "type",       "actor_text",  "actor_side",  "place_text",  "place_name",  "place_id",   "admin1",
    "country",    "lat",         "lon",         "count_value", "count_approx", "count_unit", "time_date",
    "root_name",  "root_side",   "chain",       "polarity",    "modality",    "hedges",     "cluster",
    "status",     "cluster_documents", "cluster_independent_roots", "text"};
constexpr size_t kFlatSize = sizeof(kFlatColumns) / sizeof(kFlatColumns[0]);

std::vector<json> FlatRow(const StoredClaim& s, const ClusterSummary* cluster) {
  const Claim& c = s.claim;
  std::vector<json> row;
  row.reserve(kFlatSize);
  row.push_back(s.id);
  row.push_back(Id(s.doc));
  row.push_back(Str(s.doc_id));
  row.push_back(Str(s.url));
  row.push_back(Str(s.outlet));
  row.push_back(Str(s.published));
  row.push_back(Str(s.event_date));
  row.push_back(Str(c.type));
  row.push_back(c.actor ? Str(c.actor->text) : json(nullptr));
  row.push_back(c.actor ? Str(c.actor->side) : json(nullptr));
  row.push_back(c.place ? Str(c.place->text) : json(nullptr));
  row.push_back(c.place ? Str(c.place->name) : json(nullptr));
  row.push_back(c.place ? Str(c.place->id) : json(nullptr));
  row.push_back(c.place ? Str(c.place->admin1) : json(nullptr));
  row.push_back(c.place ? Str(c.place->country) : json(nullptr));
  bool coords = HasCoordinates(c);
  row.push_back(coords ? json(*c.place->lat) : json(nullptr));
  row.push_back(coords ? json(*c.place->lon) : json(nullptr));
  bool value = c.count && c.count->value && std::isfinite(*c.count->value);
  row.push_back(value ? json(*c.count->value) : json(nullptr));
  row.push_back(c.count ? json(c.count->approx) : json(nullptr));
  row.push_back(c.count ? Str(c.count->unit) : json(nullptr));
  row.push_back(c.time ? Str(c.time->date) : json(nullptr));
  row.push_back(c.root ? Str(c.root->name) : json(nullptr));
  row.push_back(c.root ? Str(c.root->side) : json(nullptr));
  std::string chain;
  for (const ClaimSource& src : c.chain) {
    if (!chain.empty()) chain += " > ";
    chain += src.name.empty() ? src.text : src.name;
  }
  row.push_back(Str(chain));
  row.push_back(Str(c.polarity));
  row.push_back(Str(c.modality));
  std::string hedges;
  for (const std::string& h : c.hedges) {
    if (!hedges.empty()) hedges += "; ";
    hedges += h;
  }
  row.push_back(Str(hedges));
  row.push_back(Id(s.cluster));
  row.push_back(Str(s.status));
  row.push_back(cluster ? json(cluster->documents) : json(nullptr));
  row.push_back(cluster ? json(cluster->independent_roots) : json(nullptr));
  row.push_back(Str(c.text));
  return row;
}

std::string CsvValue(const json& v) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number()) return Number(v.get<double>());
  return CsvField(v.get<std::string>(), true);  // strings are the only values a page can control
}

void WriteCsv(std::ostream& out, const std::vector<StoredClaim>& claims,
              const std::map<int64_t, ClusterSummary>& clusters) {
  std::string line;
  for (size_t i = 0; i < kFlatSize; ++i) {
    if (i) line += ',';
    line += kFlatColumns[i];
  }
  out << line << "\r\n";
  for (const StoredClaim& s : claims) {
    line.clear();
    std::vector<json> row = FlatRow(s, FindCluster(clusters, s.cluster));
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line += ',';
      line += CsvValue(row[i]);
    }
    out << line << "\r\n";
  }
}

void WriteJsonl(std::ostream& out, const std::vector<StoredClaim>& claims) {
  for (const StoredClaim& s : claims) out << Dump(StoredClaimJson(s)) << '\n';
}

// ----------------------------------------------------------------------------
// Table

struct Column {
  const char* title;
  size_t width;
  bool right = false;
};

void WriteTable(std::ostream& out, const std::vector<StoredClaim>& claims,
                const std::map<int64_t, ClusterSummary>& clusters) {
  const Column cols[] = {{"ID", 7, true}, {"DATE", 10},   {"TYPE", 18},   {"SIDE", 4},          {"PLACE", 18},
                         {"COUNT", 7},    {"ROOT", 28},   {"STATUS", 13}, {"CLUSTER(DOCS)", 13}, {"TEXT", 64}};
  auto cell = [](const Column& col, std::string_view text) {
    std::string s = Shorten(text, col.width);
    size_t w = DisplayWidth(s);
    std::string pad = Indent(col.width > w ? col.width - w : 0);
    return col.right ? pad + s : s + pad;
  };
  std::string line;
  size_t n = sizeof(cols) / sizeof(cols[0]);
  for (size_t i = 0; i < n; ++i) {
    if (i) line += "  ";
    line += i + 1 == n ? std::string(cols[i].title) : cell(cols[i], cols[i].title);
  }
  out << line << '\n';
  for (const StoredClaim& s : claims) {
    const Claim& c = s.claim;
    std::string root = "-";
    if (c.root) {
      std::string side = c.root->side.empty() ? "?" : c.root->side;
      std::string suffix = " (" + side + ")";
      size_t room = cols[6].width > DisplayWidth(suffix) ? cols[6].width - DisplayWidth(suffix) : 0;
      root = Shorten(c.root->name.empty() ? c.root->text : c.root->name, room) + suffix;
    }
    std::string cluster = "-";
    if (s.cluster) {
      cluster = std::to_string(s.cluster);
      if (const ClusterSummary* cs = FindCluster(clusters, s.cluster)) cluster += " (" + std::to_string(cs->documents) + ")";
    }
    std::string text;
    if (c.polarity == "denied") text += "[denied] ";
    if (c.modality == "hypothetical") text += "[hypothetical] ";
    text += c.text;
    std::string fields[] = {std::to_string(s.id),
                            s.event_date.empty() ? "-" : s.event_date,
                            c.type,
                            c.actor && !c.actor->side.empty() ? c.actor->side : "-",
                            PlaceLabel(c).empty() ? "-" : PlaceLabel(c),
                            CountText(c).empty() ? "-" : CountText(c),
                            root,
                            s.status.empty() ? "-" : s.status,
                            cluster,
                            text};
    line.clear();
    for (size_t i = 0; i < n; ++i) {
      if (i) line += "  ";
      line += i + 1 == n ? Shorten(fields[i], cols[i].width) : cell(cols[i], fields[i]);
    }
    out << line << '\n';
  }
}

// ----------------------------------------------------------------------------
// GeoJSON

ExportSummary WriteGeoJson(std::ostream& out, const std::vector<StoredClaim>& claims,
                           const std::map<int64_t, ClusterSummary>& clusters) {
  ExportSummary summary;
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  for (const StoredClaim& s : claims) {
    if (!HasCoordinates(s.claim)) {
      ++summary.skipped_no_coordinates;
      continue;
    }
    json props = json::object();
    std::vector<json> row = FlatRow(s, FindCluster(clusters, s.cluster));
    for (size_t i = 0; i < row.size(); ++i) props[kFlatColumns[i]] = std::move(row[i]);
    json f;
    f["type"] = "Feature";
    f["id"] = s.id;
    // GeoJSON (RFC 7946) positions are [longitude, latitude].
    f["geometry"] = json{{"type", "Point"}, {"coordinates", json::array({*s.claim.place->lon, *s.claim.place->lat})}};
    f["properties"] = std::move(props);
    out << (summary.written++ ? ",\n" : "\n") << Dump(f);
  }
  out << (summary.written ? "\n" : "") << "]}\n";
  return summary;
}

// ----------------------------------------------------------------------------
// ClaimReview

bool IsPersonKind(const std::string& kind) { return kind == "person" || kind == "official" || kind == "anonymous"; }

json Agent(const std::string& name, const std::string& kind) {
  return json{{"@type", IsPersonKind(kind) ? "Person" : "Organization"}, {"name", name}};
}

// Documents sort by publication date (undated last), then row id.
bool EarlierDocument(const StoredClaim* a, const StoredClaim* b) {
  if (a->published.empty() != b->published.empty()) return b->published.empty();
  if (a->published != b->published) return a->published < b->published;
  return a->doc < b->doc;
}

json Appearance(const StoredClaim& s) {
  json a;
  a["@type"] = "NewsArticle";
  if (!s.url.empty()) a["url"] = s.url;
  if (!s.title.empty()) a["headline"] = s.title;
  if (!s.published.empty()) a["datePublished"] = s.published;
  if (!s.outlet.empty()) a["publisher"] = json{{"@type", "Organization"}, {"name", s.outlet}};
  if (s.url.empty() && !s.input.empty()) a["identifier"] = s.input;
  return a;
}

// A cluster's summary as Link would give it, for claims stored before Link
// (cluster 0) or whose cluster the caller did not pass: counts from the claims.
ClusterSummary SummaryFromClaims(const std::vector<const StoredClaim*>& group) {
  ClusterSummary cs;
  const StoredClaim& first = *group.front();
  cs.id = first.cluster;
  cs.type = first.claim.type;
  cs.representative = first.id;
  cs.text = first.claim.text;
  cs.status = first.status;
  std::set<int64_t> docs;
  std::set<std::string> outlets;
  std::map<std::string, RootSource> roots;
  for (const StoredClaim* s : group) {
    docs.insert(s->doc);
    if (!s->outlet.empty()) outlets.insert(s->outlet);
    if (s->claim.polarity == "denied") cs.denied = true;
    if (!s->claim.root) continue;
    const ClaimSource& r = *s->claim.root;
    std::string key = r.registry.empty() ? "name:" + util::AsciiLower(r.name) : "registry:" + r.registry;
    RootSource& rs = roots[key];
    if (rs.key.empty()) rs = RootSource{key, r.name, r.kind, r.side, s->published, 0};
    if (!s->published.empty() && (rs.first_date.empty() || s->published < rs.first_date)) rs.first_date = s->published;
    ++rs.claims;
  }
  cs.claims = group.size();
  cs.documents = docs.size();
  cs.outlets = outlets.size();
  cs.independent_roots = roots.size();
  for (auto& [key, rs] : roots) {
    ++cs.roots_by_side[rs.side];
    cs.roots.push_back(rs);
  }
  std::stable_sort(cs.roots.begin(), cs.roots.end(), [](const RootSource& a, const RootSource& b) {
    if (a.first_date.empty() != b.first_date.empty()) return b.first_date.empty();
    return a.first_date < b.first_date;
  });
  return cs;
}

json ClaimReview(const std::vector<const StoredClaim*>& group, const ClusterSummary& cs) {
  std::vector<const StoredClaim*> docs;  // one claim per document, earliest first
  {
    std::set<int64_t> seen;
    std::vector<const StoredClaim*> sorted = group;
    std::stable_sort(sorted.begin(), sorted.end(), EarlierDocument);
    for (const StoredClaim* s : sorted) {
      if (seen.insert(s->doc).second) docs.push_back(s);
    }
  }
  const StoredClaim* earliest = docs.front();

  std::string text = cs.text;
  if (text.empty()) {
    text = earliest->claim.text;
    for (const StoredClaim* s : group) {
      if (s->id == cs.representative) text = s->claim.text;
    }
  }

  // The claim's author: the first root source; else (own voice everywhere)
  // the outlet that published it first.
  json author;
  std::string first_date = earliest->published;
  if (!cs.roots.empty()) {
    author = Agent(cs.roots[0].name, cs.roots[0].kind);
    if (!cs.roots[0].first_date.empty()) first_date = cs.roots[0].first_date;
  } else if (!earliest->outlet.empty()) {
    author = Agent(earliest->outlet, "outlet");
  }

  json item;
  item["@type"] = "Claim";
  if (!author.is_null()) item["author"] = author;
  if (!first_date.empty()) item["datePublished"] = first_date;
  json appearances = json::array();
  for (const StoredClaim* s : docs) appearances.push_back(Appearance(*s));
  item["appearance"] = appearances;
  item["firstAppearance"] = Appearance(*earliest);

  std::string explanation = std::to_string(cs.documents) + (cs.documents == 1 ? " document, " : " documents, ") +
                            std::to_string(cs.independent_roots) +
                            (cs.independent_roots == 1 ? " independent root" : " independent roots");
  if (!cs.roots_by_side.empty()) explanation += " (" + RootsBySide(cs.roots_by_side) + ")";
  explanation += std::string("; denied: ") + (cs.denied ? "yes" : "no");

  json r;
  r["@context"] = "https://schema.org";
  r["@type"] = "ClaimReview";
  r["identifier"] = cs.id ? "claimtrace:cluster:" + std::to_string(cs.id)
                          : "claimtrace:claim:" + std::to_string(group.front()->id);
  r["claimReviewed"] = text;
  r["author"] = json{{"@type", "Organization"}, {"name", "claimtrace"}};
  r["itemReviewed"] = std::move(item);
  // No ratingValue/bestRating/worstRating: claimtrace reports who says what and
  // who backs it, never whether it is true, so it gives no score a reader or a
  // search engine could take for a verdict. The evidence status goes in
  // alternateName, its grounds in ratingExplanation.
  r["reviewRating"] = json{{"@type", "Rating"},
                           {"alternateName", cs.status.empty() ? "unlinked" : cs.status},
                           {"ratingExplanation", explanation}};
  return r;
}

ExportSummary WriteClaimReview(std::ostream& out, const std::vector<StoredClaim>& claims,
                               const std::map<int64_t, ClusterSummary>& clusters) {
  // Groups in the order their first claim comes; claims without a cluster alone.
  std::vector<std::vector<const StoredClaim*>> groups;
  std::unordered_map<int64_t, size_t> index;
  for (const StoredClaim& s : claims) {
    if (s.cluster == 0) {
      groups.push_back({&s});
      continue;
    }
    auto [it, added] = index.emplace(s.cluster, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&s);
  }
  ExportSummary summary;
  out << '[';
  for (const auto& group : groups) {
    const ClusterSummary* cs = FindCluster(clusters, group.front()->cluster);
    json r = cs ? ClaimReview(group, *cs) : ClaimReview(group, SummaryFromClaims(group));
    out << (summary.written++ ? ",\n" : "\n") << Dump(r);
  }
  out << (summary.written ? "\n" : "") << "]\n";
  return summary;
}

// ----------------------------------------------------------------------------
// CAMEO rows

// A TSV cell: no tab or line break inside, and the spreadsheet guard of CSV.
std::string TsvCell(std::string_view s) {
  std::string v(s);
  for (char& c : v) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  if (!v.empty() && std::strchr("=+-@", v[0])) v.insert(v.begin(), '\'');
  return v;
}

ExportSummary WriteCameo(std::ostream& out, const std::vector<StoredClaim>& claims) {
  out << "date\tactor1\tactor2\tevent_code\troot_code\tquad_class\tplace\tadmin1\tcountry\tlat\tlon\tsource\turl\t"
         "claim_id\tcluster\tpolarity\tmodality\n";
  ExportSummary summary;
  for (const StoredClaim& s : claims) {
    const Claim& c = s.claim;
    exporter::CameoEvent ev = exporter::CameoCode(c);
    std::string date;
    for (char ch : s.event_date) {
      if (ch != '-') date += ch;
    }
    // The source is the innermost one; in the article's own voice, its outlet.
    std::string source = c.root ? (c.root->name.empty() ? c.root->text : c.root->name) : s.outlet;
    bool coords = HasCoordinates(c);
    out << TsvCell(date) << '\t' << ev.actor1 << '\t' << ev.actor2 << '\t' << ev.code << '\t' << ev.root << '\t'
        << (ev.quad ? std::to_string(ev.quad) : "") << '\t' << TsvCell(PlaceLabel(c)) << '\t'
        << TsvCell(c.place ? c.place->admin1 : "") << '\t' << TsvCell(c.place ? c.place->country : "") << '\t'
        << (coords ? Number(*c.place->lat) : "") << '\t' << (coords ? Number(*c.place->lon) : "") << '\t'
        << TsvCell(source) << '\t' << TsvCell(s.url) << '\t' << s.id << '\t' << (s.cluster ? std::to_string(s.cluster) : "")
        << '\t' << TsvCell(c.polarity) << '\t' << TsvCell(c.modality) << '\n';
    ++summary.written;
  }
  return summary;
}

// ----------------------------------------------------------------------------
// Trace tree

class TraceWriter {
 public:
  TraceWriter(std::ostream& out, const Trace& trace, size_t max_lines)
      : out_(out), trace_(trace), max_lines_(max_lines) {
    for (size_t i = 0; i < trace.cluster.roots.size(); ++i) {
      root_order_.emplace("src:" + trace.cluster.roots[i].key, i);
    }
    for (size_t i = 0; i < trace.nodes.size(); ++i) index_.emplace(trace.nodes[i].id, i);
    children_.resize(trace.nodes.size());
    std::vector<size_t> indegree(trace.nodes.size(), 0);
    for (size_t e = 0; e < trace.edges.size(); ++e) {
      auto from = index_.find(trace.edges[e].from);
      auto to = index_.find(trace.edges[e].to);
      if (from == index_.end() || to == index_.end()) continue;  // an edge to a node not in the trace
      children_[from->second].push_back({to->second, e});
      ++indegree[to->second];
    }
    for (auto& kids : children_) {
      std::stable_sort(kids.begin(), kids.end(), [&](const Child& a, const Child& b) { return Before(a.node, b.node); });
    }
    for (size_t i = 0; i < trace.nodes.size(); ++i) {
      if (indegree[i] == 0 || trace.nodes[i].first_source) roots_.push_back(i);
    }
    std::stable_sort(roots_.begin(), roots_.end(), [&](size_t a, size_t b) { return Before(a, b); });
  }

  void Write() {
    WriteHeader();
    out_ << "\nProvenance\n";
    if (trace_.nodes.empty()) out_ << "  (no sources or documents)\n";
    printed_.assign(trace_.nodes.size(), false);
    for (size_t r : roots_) PrintRoot(r);
    bool noted = false;
    for (size_t i = 0; i < trace_.nodes.size() && !cut_; ++i) {
      if (printed_[i]) continue;
      if (!noted) {
        out_ << "\nNot reached from a root source (a cycle, or a link the store could not place):\n";
        noted = true;
      }
      PrintRoot(i);
    }
    if (cut_) out_ << "… output cut at " << max_lines_ << " tree lines\n";
  }

 private:
  struct Child {
    size_t node;
    size_t edge;
  };

  // Sources before documents; the first source first, then the cluster's root
  // order, then by name; documents by date, then row id.
  bool Before(size_t a, size_t b) const {
    const TraceNode& x = trace_.nodes[a];
    const TraceNode& y = trace_.nodes[b];
    bool xs = x.kind != "document", ys = y.kind != "document";
    if (xs != ys) return xs;
    if (xs) {
      if (x.first_source != y.first_source) return x.first_source;
      size_t ox = RootOrder(x.id), oy = RootOrder(y.id);
      if (ox != oy) return ox < oy;
      return x.label < y.label;
    }
    if (x.date.empty() != y.date.empty()) return y.date.empty();
    if (x.date != y.date) return x.date < y.date;
    return x.doc < y.doc;
  }

  size_t RootOrder(const std::string& id) const {
    auto it = root_order_.find(id);
    return it == root_order_.end() ? SIZE_MAX : it->second;
  }

  void WriteHeader() {
    const ClusterSummary& c = trace_.cluster;
    out_ << "Cluster " << c.id << " · " << (c.type.empty() ? "?" : c.type) << " · actor side "
         << (c.side.empty() ? "unknown" : c.side) << '\n';
    std::string place = c.place;
    for (const std::string* part : {&c.admin1, &c.country}) {
      if (part->empty()) continue;
      place += place.empty() ? *part : ", " + *part;
    }
    if (!place.empty()) {
      out_ << "Place     " << TerminalLine(place);
      if (!c.place_id.empty()) out_ << " (" << TerminalLine(c.place_id) << ")";
      out_ << '\n';
    }
    if (!c.first_date.empty()) {
      out_ << "Dates     " << c.first_date;
      if (!c.last_date.empty() && c.last_date != c.first_date) out_ << " – " << c.last_date;
      out_ << '\n';
    }
    out_ << "Status    " << (c.status.empty() ? "unlinked" : c.status);
    if (c.about_other_side) out_ << " (every source of a known side is on the other side)";
    out_ << '\n';
    out_ << "Counts    " << c.claims << (c.claims == 1 ? " claim · " : " claims · ") << c.documents
         << (c.documents == 1 ? " document · " : " documents · ") << c.outlets << (c.outlets == 1 ? " outlet · " : " outlets · ")
         << c.independent_roots << (c.independent_roots == 1 ? " independent root" : " independent roots");
    if (!c.roots_by_side.empty()) out_ << " (" << RootsBySide(c.roots_by_side) << ")";
    out_ << " · denied: " << (c.denied ? "yes" : "no") << '\n';
    if (!c.text.empty()) out_ << "Claim     \"" << Shorten(c.text, 110) << "\"\n";
  }

  std::string NodeText(size_t i) const {
    const TraceNode& n = trace_.nodes[i];
    std::string s;
    if (n.kind == "document") {
      s = (n.date.empty() ? std::string("(no date)  ") : n.date + "  ") + Shorten(n.label, 70) + "  [doc " +
          std::to_string(n.doc);
      if (n.claim) s += ", claim " + std::to_string(n.claim);
      s += "]";
      if (n.copy_of) s += " · copy of doc " + std::to_string(n.copy_of);
    } else {
      s = Shorten(n.label, 60);
      std::string kind = n.source_kind.empty() ? "source" : n.source_kind;
      s += " [" + TerminalLine(kind) + ", " + (n.side.empty() ? std::string("side unknown") : TerminalLine(n.side)) + "]";
      size_t order = RootOrder(n.id);
      if (order < trace_.cluster.roots.size() && !trace_.cluster.roots[order].first_date.empty()) {
        s += " · first " + trace_.cluster.roots[order].first_date;
      }
    }
    if (n.first_source) s += " ★ first source";
    return s;
  }

  static std::string EdgeTag(const TraceEdge& e) {
    std::string kind = e.kind == "own_voice" ? "own voice" : TerminalLine(e.kind);
    std::string tag = kind;
    if (!e.cue.empty() && e.cue != e.kind) tag += " \"" + Shorten(e.cue, 24) + "\"";
    return tag.empty() ? "" : tag + ": ";
  }

  bool Line(const std::string& text) {
    if (lines_ >= max_lines_) {
      cut_ = true;
      return false;
    }
    ++lines_;
    out_ << text << '\n';
    return true;
  }

  void PrintRoot(size_t node) {
    if (!Line(NodeText(node))) return;
    printed_[node] = true;
    std::vector<char> on_path(trace_.nodes.size(), 0);
    on_path[node] = 1;
    PrintChildren(node, "", &on_path);
  }

  void PrintChildren(size_t node, const std::string& prefix, std::vector<char>* on_path) {
    const auto& kids = children_[node];
    for (size_t k = 0; k < kids.size(); ++k) {
      bool last = k + 1 == kids.size();
      const Child& ch = kids[k];
      std::string head = prefix + (last ? "└─ " : "├─ ") + EdgeTag(trace_.edges[ch.edge]);
      if ((*on_path)[ch.node]) {
        if (!Line(head + "↺ " + Shorten(trace_.nodes[ch.node].label, 60) + " (cycle)")) return;
        continue;
      }
      if (!Line(head + NodeText(ch.node))) return;
      printed_[ch.node] = true;
      (*on_path)[ch.node] = 1;
      PrintChildren(ch.node, prefix + (last ? "   " : "│  "), on_path);
      (*on_path)[ch.node] = 0;
      if (cut_) return;
    }
  }

  std::ostream& out_;
  const Trace& trace_;
  size_t max_lines_;
  size_t lines_ = 0;
  bool cut_ = false;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, size_t> root_order_;
  std::vector<std::vector<Child>> children_;
  std::vector<size_t> roots_;
  std::vector<bool> printed_;
};

void WriteCounts(std::ostream& out, const char* title, const std::map<std::string, size_t>& counts) {
  out << title << '\n';
  if (counts.empty()) out << "  (none)\n";
  std::vector<std::pair<std::string, size_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [key, n] : v) {
    out << "  " << PadRight(key.empty() ? "unknown" : key, 20) << ' ' << n << '\n';
  }
}

}  // namespace

// ----------------------------------------------------------------------------
// Public helpers

size_t DisplayWidth(std::string_view text) {
  size_t w = 0, i = 0;
  while (i < text.size()) w += CharWidth(util::NextCodePoint(text, &i));
  return w;
}

std::string Shorten(std::string_view text, size_t width) {
  std::string line = TerminalLine(text);
  if (DisplayWidth(line) <= width) return line;
  if (width == 0) return "";
  std::string out;
  size_t w = 0, i = 0;
  while (i < line.size()) {
    size_t start = i;
    char32_t c = util::NextCodePoint(line, &i);
    int cw = CharWidth(c);
    if (w + cw > width - 1) break;  // one column for the ellipsis
    w += cw;
    out.append(line, start, i - start);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string PadRight(std::string_view text, size_t width) {
  std::string s = Shorten(text, width);
  size_t w = DisplayWidth(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string CsvField(std::string_view value, bool guard) {
  std::string v;
  if (guard && !value.empty() && std::strchr("=+-@\t\r", value[0])) v += '\'';
  v.append(value);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

// ----------------------------------------------------------------------------
// JSON bodies

json StoredClaimJson(const StoredClaim& s) {
  json j;
  j["claim_id"] = s.id;
  json claim = exporter::ClaimToJson(s.claim, TriggerText(s.claim), s.doc_id);
  for (auto& [key, value] : claim.items()) j[key] = std::move(value);
  json doc;
  doc["id"] = Id(s.doc);
  doc["doc_id"] = Str(s.doc_id);
  doc["url"] = Str(s.url);
  doc["input"] = Str(s.input);
  doc["title"] = Str(s.title);
  doc["published"] = Str(s.published);
  doc["outlet"] = s.outlet.empty() && s.outlet_id.empty()
                      ? json(nullptr)
                      : json{{"name", Str(s.outlet)}, {"id", Str(s.outlet_id)}, {"side", Str(s.outlet_side)}};
  j["doc"] = std::move(doc);
  j["event_date"] = Str(s.event_date);
  j["cluster"] = Id(s.cluster);
  j["status"] = Str(s.status);
  j["copy_of"] = Id(s.copy_of);
  return j;
}

json ClusterJson(const ClusterSummary& c) {
  json j;
  j["id"] = c.id;
  j["type"] = Str(c.type);
  j["side"] = Str(c.side);
  if (c.place.empty() && c.place_id.empty() && !c.lat && !c.lon) {
    j["place"] = nullptr;
  } else {
    j["place"] = json{{"name", Str(c.place)},       {"id", Str(c.place_id)}, {"admin1", Str(c.admin1)},
                      {"country", Str(c.country)}, {"lat", Opt(c.lat)},     {"lon", Opt(c.lon)}};
  }
  j["first_date"] = Str(c.first_date);
  j["last_date"] = Str(c.last_date);
  j["claims"] = c.claims;
  j["documents"] = c.documents;
  j["outlets"] = c.outlets;
  j["independent_roots"] = c.independent_roots;
  json by_side = json::object();
  for (const auto& [side, n] : c.roots_by_side) by_side[SideOrUnknown(side)] = n;
  j["roots_by_side"] = std::move(by_side);
  json roots = json::array();
  for (const RootSource& r : c.roots) {
    roots.push_back(json{{"key", r.key},
                         {"name", r.name},
                         {"kind", Str(r.kind)},
                         {"side", Str(r.side)},
                         {"first_date", Str(r.first_date)},
                         {"claims", r.claims}});
  }
  j["roots"] = std::move(roots);
  j["denied"] = c.denied;
  j["about_other_side"] = c.about_other_side;
  j["status"] = Str(c.status);
  j["representative"] = Id(c.representative);
  j["text"] = Str(c.text);
  return j;
}

json TraceJson(const Trace& t) {
  json j;
  j["cluster"] = ClusterJson(t.cluster);
  json nodes = json::array();
  for (const TraceNode& n : t.nodes) {
    json x;
    x["id"] = n.id;
    x["kind"] = n.kind;
    x["label"] = n.label;
    if (n.kind == "document") {
      x["date"] = Str(n.date);
      x["url"] = Str(n.url);
      x["outlet"] = Str(n.outlet);
      x["doc"] = Id(n.doc);
      x["claim"] = Id(n.claim);
      x["copy_of"] = Id(n.copy_of);
      x["side"] = Str(n.side);
    } else {
      x["source_kind"] = Str(n.source_kind);
      x["side"] = Str(n.side);
    }
    x["first_source"] = n.first_source;
    nodes.push_back(std::move(x));
  }
  j["nodes"] = std::move(nodes);
  json edges = json::array();
  for (const TraceEdge& e : t.edges) {
    edges.push_back(json{{"from", e.from}, {"to", e.to}, {"kind", e.kind}, {"cue", Str(e.cue)}});
  }
  j["edges"] = std::move(edges);
  return j;
}

json StatsJson(const StoreStats& s) {
  json j;
  j["schema_version"] = s.schema_version;
  j["documents"] = s.documents;
  j["versions"] = s.versions;
  j["errors"] = s.errors;
  j["outlets"] = s.outlets;
  j["attributions"] = s.attributions;
  j["claims"] = s.claims;
  j["mentions"] = s.mentions;
  j["flags"] = s.flags;
  j["copy_clusters"] = s.copy_clusters;
  j["claim_clusters"] = s.claim_clusters;
  j["first_date"] = Str(s.first_date);
  j["last_date"] = Str(s.last_date);
  auto counts = [](const std::map<std::string, size_t>& m) {
    json o = json::object();
    for (const auto& [k, n] : m) o[k.empty() ? "unknown" : k] = n;
    return o;
  };
  j["claims_by_type"] = counts(s.claims_by_type);
  j["claims_by_side"] = counts(s.claims_by_side);
  j["clusters_by_status"] = counts(s.clusters_by_status);
  return j;
}

json StoredDocumentJson(const StoredDocument& d) {
  json j;
  j["id"] = d.id;
  j["version"] = d.version;
  j["doc_id"] = Str(d.doc_id);
  j["input"] = Str(d.input);
  j["url"] = Str(d.url);
  j["outlet"] = d.outlet.empty() && d.outlet_id.empty()
                   ? json(nullptr)
                   : json{{"name", Str(d.outlet)}, {"id", Str(d.outlet_id)}, {"side", Str(d.outlet_side)}};
  j["title"] = Str(d.title);
  j["author"] = Str(d.author);
  j["published"] = Str(d.published);
  j["lang"] = Str(d.lang);
  j["text"] = d.text;
  j["error"] = Str(d.error);
  j["copy_of"] = Id(d.copy_of);
  j["copy_similarity"] = d.copy_of ? json(d.copy_similarity) : json(nullptr);
  j["claim_ids"] = d.claims;
  json atts = json::array();
  for (const Attribution& a : d.attributions) atts.push_back(exporter::AttributionToJson(a, d.doc_id));
  j["attributions"] = std::move(atts);
  json flags = json::array();
  for (const Flag& f : d.flags) flags.push_back(exporter::FlagToJson(f));
  j["flags"] = std::move(flags);
  return j;
}

// ----------------------------------------------------------------------------
// Writers

std::optional<ClaimsFormat> ParseClaimsFormat(std::string_view name) {
  if (name == "table") return ClaimsFormat::kTable;
  if (name == "jsonl") return ClaimsFormat::kJsonl;
  if (name == "csv") return ClaimsFormat::kCsv;
  return std::nullopt;
}

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "geojson") return ExportFormat::kGeoJson;
  if (name == "claimreview") return ExportFormat::kClaimReview;
  if (name == "cameo") return ExportFormat::kCameo;
  return std::nullopt;
}

void WriteClaims(std::ostream& out, const std::vector<StoredClaim>& claims,
                 const std::map<int64_t, ClusterSummary>& clusters, ClaimsFormat format) {
  switch (format) {
    case ClaimsFormat::kTable: WriteTable(out, claims, clusters); break;
    case ClaimsFormat::kJsonl: WriteJsonl(out, claims); break;
    case ClaimsFormat::kCsv: WriteCsv(out, claims, clusters); break;
  }
}

ExportSummary WriteExport(std::ostream& out, const std::vector<StoredClaim>& claims,
                          const std::map<int64_t, ClusterSummary>& clusters, ExportFormat format) {
  ExportSummary summary;
  switch (format) {
    case ExportFormat::kJsonl:
      WriteJsonl(out, claims);
      summary.written = claims.size();
      break;
    case ExportFormat::kCsv:
      WriteCsv(out, claims, clusters);
      summary.written = claims.size();
      break;
    case ExportFormat::kGeoJson: summary = WriteGeoJson(out, claims, clusters); break;
    case ExportFormat::kClaimReview: summary = WriteClaimReview(out, claims, clusters); break;
    case ExportFormat::kCameo: summary = WriteCameo(out, claims); break;
  }
  return summary;
}

void WriteTrace(std::ostream& out, const Trace& trace, size_t max_lines) { TraceWriter(out, trace, max_lines).Write(); }

void WriteStats(std::ostream& out, const StoreStats& s) {
  out << "Schema        " << s.schema_version << '\n';
  out << "Documents     " << s.documents << " · versions " << s.versions << " · with errors " << s.errors
      << " · outlets " << s.outlets << '\n';
  if (!s.first_date.empty()) {
    out << "Dates         " << s.first_date;
    if (!s.last_date.empty() && s.last_date != s.first_date) out << " – " << s.last_date;
    out << '\n';
  }
  out << "Copies        " << s.copy_clusters << " clusters of copied documents\n";
  out << "Claims        " << s.claims << " in " << s.claim_clusters << " claim clusters\n";
  out << "Attributions  " << s.attributions << '\n';
  out << "Mentions      " << s.mentions << '\n';
  out << "Flags         " << s.flags << '\n';
  out << '\n';
  WriteCounts(out, "Claims by type", s.claims_by_type);
  WriteCounts(out, "Claims by actor side", s.claims_by_side);
  WriteCounts(out, "Clusters by evidence status", s.clusters_by_status);
}

}  // namespace claimtrace
