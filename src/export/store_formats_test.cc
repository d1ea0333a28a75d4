// The store's output formats on hand-built claims, clusters and traces
// (invented content). JSON outputs are parsed back to prove they are valid.
#include "export/store_formats.h"

#include <gtest/gtest.h>

#include <sstream>

#include "claimtrace/pipeline.h"
#include "export/cameo.h"

namespace claimtrace {
namespace {

using json = nlohmann::json;

ClaimSource Source(std::string name, std::string kind, std::string side, std::string cue = "said") {
  ClaimSource s;
  s.name = name;
  s.text = std::move(name);
  s.kind = std::move(kind);
  s.side = std::move(side);
  s.cue = std::move(cue);
  return s;
}

// A claim as stored: `text` starts at byte 100 of its document; the trigger is
// the first occurrence of `trigger` in it.
StoredClaim MakeClaim(int64_t id, std::string type, std::string text, std::string trigger = "") {
  StoredClaim s;
  s.id = id;
  s.doc = id * 10;
  s.doc_id = "d" + std::to_string(id);
  s.url = "https://example.org/news/" + std::to_string(id);
  s.input = "batch.jsonl#" + std::to_string(id);
  s.title = "Headline " + std::to_string(id);
  s.published = "2031-05-0" + std::to_string(1 + id % 9);
  s.outlet = "Example Herald";
  s.outlet_id = "herald";
  s.outlet_side = "";
  s.event_date = s.published;
  Claim& c = s.claim;
  c.id = s.doc_id + "#0";
  c.type = type;
  c.types = {type};
  c.text = std::move(text);
  c.span = {100, static_cast<uint32_t>(100 + c.text.size())};
  size_t t = trigger.empty() ? std::string::npos : c.text.find(trigger);
  if (t != std::string::npos) c.trigger = {static_cast<uint32_t>(100 + t), static_cast<uint32_t>(100 + t + trigger.size())};
  c.actor = ClaimActor{"the brigade", {100, 111}, "RU"};
  return s;
}

ClaimPlace Place(std::string name, double lat, double lon) {
  ClaimPlace p;
  p.text = name;
  p.name = std::move(name);
  p.id = "geonames:1";
  p.admin1 = "Test Oblast";
  p.country = "UA";
  p.lat = lat;
  p.lon = lon;
  return p;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// A strict RFC 4180 reader: records end in CRLF; quoted fields may hold anything.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "quote inside an unquoted field";
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes";
      field += c;
    }
  }
  EXPECT_FALSE(quoted);
  if (rows.back().empty() && field.empty() && !was_quoted) rows.pop_back();
  return rows;
}

// ---------------------------------------------------------------------------
// JSON bodies

TEST(StoredClaimJson, CarriesTheExtractContractFieldsThenTheStoreFields) {
  StoredClaim s = MakeClaim(7, "surrender", "the brigade laid down its arms near Hlynsk", "laid down its arms");
  s.claim.place = Place("Hlynsk", 50.5, 33.25);
  s.claim.chain = {Source("Morning Wire", "outlet", "UA", "reported"), Source("Colonel Ivanenko", "official", "UA")};
  s.claim.root = s.claim.chain.back();
  s.claim.hedges = {"reportedly"};
  s.claim.attribution = 3;
  s.cluster = 4;
  s.status = "single-source";
  json j = json::parse(StoredClaimJson(s).dump());
  // nlohmann::json sorts keys: check presence here, the order on the ordered value below.
  for (const char* k : {"claim_id", "id", "type", "types", "text", "span", "trigger", "actor", "place", "count", "time",
                        "chain", "root", "polarity", "modality", "hedges", "attribution", "headline", "doc",
                        "event_date", "cluster", "status", "copy_of"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  auto ordered = StoredClaimJson(s);
  EXPECT_EQ(ordered.begin().key(), "claim_id");
  EXPECT_EQ(j["claim_id"], 7);
  EXPECT_EQ(j["id"], "d7#0");
  EXPECT_EQ(j["trigger"]["text"], "laid down its arms");
  EXPECT_EQ(j["attribution"], "d7#a3");
  EXPECT_EQ(j["root"]["name"], "Colonel Ivanenko");
  EXPECT_FALSE(j["root"].contains("cue"));
  EXPECT_EQ(j["chain"][0]["cue"], "reported");
  EXPECT_EQ(j["place"]["lat"], 50.5);
  EXPECT_EQ(j["doc"]["id"], 70);
  EXPECT_EQ(j["doc"]["doc_id"], "d7");
  EXPECT_EQ(j["doc"]["outlet"]["name"], "Example Herald");
  EXPECT_EQ(j["doc"]["outlet"]["id"], "herald");
  EXPECT_TRUE(j["doc"]["outlet"]["side"].is_null());
  EXPECT_EQ(j["cluster"], 4);
  EXPECT_EQ(j["status"], "single-source");
  EXPECT_TRUE(j["copy_of"].is_null());
}

TEST(StoredClaimJson, EqualsTheClaimThatExtractWrites) {
  Document doc;
  doc.doc_id = "abc";
  doc.input = "x.txt";
  doc.text = std::string(100, ' ') + "officials said 40 soldiers deserted on Monday";
  StoredClaim s = MakeClaim(1, "desertion", "officials said 40 soldiers deserted on Monday", "deserted");
  s.doc_id = "abc";
  s.claim.id = "abc#0";
  s.claim.count = ClaimCount{40.0, "40 soldiers", {115, 126}, false, "people"};
  s.claim.time = ClaimTime{"on Monday", {136, 145}, "2031-05-05", ""};
  s.claim.attribution = 0;
  doc.claims = {s.claim};
  json line = json::parse(ToJsonLine(doc));
  json stored = json::parse(StoredClaimJson(s).dump());
  for (const char* k : {"claim_id", "doc", "event_date", "cluster", "status", "copy_of"}) stored.erase(k);
  EXPECT_EQ(stored, line["claims"][0]);
}

TEST(StoredClaimJson, UnlinkedClaimHasNullClusterAndStatus) {
  StoredClaim s = MakeClaim(2, "retreat", "units pulled back");
  s.outlet.clear();
  s.outlet_id.clear();
  json j = json::parse(StoredClaimJson(s).dump());
  EXPECT_TRUE(j["cluster"].is_null());
  EXPECT_TRUE(j["status"].is_null());
  EXPECT_TRUE(j["doc"]["outlet"].is_null());
  EXPECT_EQ(j["trigger"]["text"], "");  // no trigger span given
}

ClusterSummary MakeCluster(int64_t id) {
  ClusterSummary c;
  c.id = id;
  c.type = "surrender";
  c.side = "RU";
  c.place = "Hlynsk";
  c.place_id = "geonames:1";
  c.admin1 = "Test Oblast";
  c.country = "UA";
  c.lat = 50.5;
  c.lon = 33.25;
  c.first_date = "2031-05-02";
  c.last_date = "2031-05-04";
  c.claims = 3;
  c.documents = 3;
  c.outlets = 2;
  c.independent_roots = 3;
  c.roots_by_side = {{"UA", 2}, {"RU", 1}};
  c.roots = {{"registry:morningwire", "Morning Wire", "outlet", "UA", "2031-05-02", 2},
             {"name:colonel ivanenko", "Colonel Ivanenko", "official", "UA", "2031-05-03", 1},
             {"registry:eveningpost", "Evening Post", "outlet", "RU", "2031-05-04", 1}};
  c.denied = true;
  c.status = "disputed";
  c.representative = 11;
  c.text = "the brigade laid down its arms";
  return c;
}

TEST(ClusterJson, HasEveryFieldAndNamesTheUnknownSide) {
  ClusterSummary c = MakeCluster(4);
  c.roots_by_side[""] = 1;
  json j = json::parse(ClusterJson(c).dump());
  for (const char* k : {"id", "type", "side", "place", "first_date", "last_date", "claims", "documents", "outlets",
                        "independent_roots", "roots_by_side", "roots", "denied", "about_other_side", "status",
                        "representative", "text"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_EQ(j["place"]["lon"], 33.25);
  EXPECT_EQ(j["roots_by_side"]["UA"], 2);
  EXPECT_EQ(j["roots_by_side"]["unknown"], 1);
  EXPECT_EQ(j["roots"][0]["name"], "Morning Wire");
  EXPECT_EQ(j["roots"][1]["key"], "name:colonel ivanenko");
}

Trace DiamondWithCycle() {
  Trace t;
  t.cluster = MakeCluster(4);
  auto src = [](std::string key, std::string label, bool first = false) {
    TraceNode n;
    n.id = "src:" + key;
    n.kind = "source";
    n.label = std::move(label);
    n.source_kind = "outlet";
    n.side = "UA";
    n.first_source = first;
    return n;
  };
  auto doc = [](int64_t id, std::string date, int64_t copy_of = 0) {
    TraceNode n;
    n.id = "doc:" + std::to_string(id);
    n.kind = "document";
    n.label = "Example Herald: Headline " + std::to_string(id);
    n.date = std::move(date);
    n.doc = id;
    n.claim = id + 100;
    n.copy_of = copy_of;
    return n;
  };
  // A -> B -> doc 1; A -> C -> doc 1 (diamond); C -> doc 2 (copy of 1);
  // D <-> E (a cycle no root reaches), E -> doc 3.
  t.nodes = {src("registry:morningwire", "Morning Wire", true), src("b", "Relay B"), src("c", "Relay C"),
             doc(1, "2031-05-02"), doc(2, "2031-05-03", 1), src("d", "Loop D"), src("e", "Loop E"),
             doc(3, "2031-05-04")};
  t.edges = {{"src:registry:morningwire", "src:b", "said", "told"}, {"src:registry:morningwire", "src:c", "said", ""},
             {"src:b", "doc:1", "cites", "reported"},               {"src:c", "doc:1", "cites", ""},
             {"src:c", "doc:2", "cites", ""},                       {"src:d", "src:e", "said", ""},
             {"src:e", "src:d", "said", ""},                        {"src:e", "doc:3", "cites", ""}};
  return t;
}

TEST(TraceJson, NodesAndEdgesForAGraphLibrary) {
  json j = json::parse(TraceJson(DiamondWithCycle()).dump());
  EXPECT_EQ(j["cluster"]["id"], 4);
  ASSERT_EQ(j["nodes"].size(), 8u);
  EXPECT_EQ(j["nodes"][0]["id"], "src:registry:morningwire");
  EXPECT_EQ(j["nodes"][0]["kind"], "source");
  EXPECT_EQ(j["nodes"][0]["first_source"], true);
  EXPECT_EQ(j["nodes"][3]["doc"], 1);
  EXPECT_EQ(j["nodes"][4]["copy_of"], 1);
  EXPECT_TRUE(j["nodes"][3]["copy_of"].is_null());
  ASSERT_EQ(j["edges"].size(), 8u);
  EXPECT_EQ(j["edges"][0], (json{{"from", "src:registry:morningwire"}, {"to", "src:b"}, {"kind", "said"}, {"cue", "told"}}));
  EXPECT_TRUE(j["edges"][1]["cue"].is_null());
}

TEST(StatsJson, AndStoredDocumentJsonParseBack) {
  StoreStats st;
  st.documents = 5;
  st.claims = 9;
  st.claims_by_type = {{"attack", 6}, {"retreat", 3}};
  st.claims_by_side = {{"RU", 5}, {"", 4}};
  json s = json::parse(StatsJson(st).dump());
  EXPECT_EQ(s["claims_by_type"]["attack"], 6);
  EXPECT_EQ(s["claims_by_side"]["unknown"], 4);
  EXPECT_TRUE(s["first_date"].is_null());

  StoredDocument d;
  d.id = 3;
  d.doc_id = "h3";
  d.text = "Officials said that the column withdrew.";
  Attribution a;
  a.id = 0;
  a.source = TextRef{"Officials", {0, 9}};
  a.cue = {"said", {10, 14}};
  a.content = {"that the column withdrew", {15, 39}};
  d.attributions = {a};
  d.flags = {Flag{"garbled_expansion", "X", {0, 1}, "detail"}};
  d.claims = {31, 32};
  json j = json::parse(StoredDocumentJson(d).dump());
  EXPECT_EQ(j["claim_ids"], json::array({31, 32}));
  EXPECT_EQ(j["attributions"][0]["id"], "h3#a0");
  EXPECT_EQ(j["attributions"][0]["source"]["text"], "Officials");
  EXPECT_EQ(j["flags"][0]["kind"], "garbled_expansion");
  EXPECT_TRUE(j["copy_of"].is_null());
  EXPECT_TRUE(j["outlet"].is_null());
}

// ---------------------------------------------------------------------------
// claims: jsonl, csv, table

TEST(WriteClaims, JsonlIsOneParsableClaimPerLine) {
  std::vector<StoredClaim> v = {MakeClaim(1, "attack", "shelling hit the depot"), MakeClaim(2, "retreat", "units left")};
  std::ostringstream out;
  WriteClaims(out, v, {}, ClaimsFormat::kJsonl);
  auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(json::parse(lines[1])["claim_id"], 2);
}

TEST(WriteClaims, CsvQuotesPerRfc4180AndGuardsAgainstFormulas) {
  StoredClaim a = MakeClaim(1, "attack", "He said, \"fire\"\nthen left", "fire");
  a.claim.place = Place("Hlynsk", 50.5, -3.25);  // a negative number stays a number
  a.claim.chain = {Source("=HYPERLINK(\"x\")", "outlet", ""), Source("Colonel Ivanenko", "official", "UA")};
  a.claim.root = a.claim.chain.back();
  a.claim.hedges = {"reportedly", "not verified"};
  a.claim.count = ClaimCount{300.0, "around 300", {}, true, "people"};
  a.outlet = "+Plus Media";
  a.title = "@handle";
  a.cluster = 9;
  std::map<int64_t, ClusterSummary> clusters = {{9, MakeCluster(9)}};
  StoredClaim b = MakeClaim(2, "retreat", "-5 units withdrew");
  std::ostringstream out;
  WriteClaims(out, {a, b}, clusters, ClaimsFormat::kCsv);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 3u);
  const auto& h = rows[0];
  ASSERT_EQ(h.front(), "claim_id");
  ASSERT_EQ(h.back(), "text");
  for (const auto& r : rows) ASSERT_EQ(r.size(), h.size());
  auto col = [&](int row, const std::string& name) {
    auto it = std::find(h.begin(), h.end(), name);
    EXPECT_NE(it, h.end()) << name;
    return rows[row][it - h.begin()];
  };
  EXPECT_EQ(col(1, "text"), "He said, \"fire\"\nthen left");
  EXPECT_EQ(col(1, "outlet"), "'+Plus Media");
  EXPECT_EQ(col(1, "chain"), "'=HYPERLINK(\"x\") > Colonel Ivanenko");
  EXPECT_EQ(col(1, "hedges"), "reportedly; not verified");
  EXPECT_EQ(col(1, "lon"), "-3.25");
  EXPECT_EQ(col(1, "lat"), "50.5");
  EXPECT_EQ(col(1, "count_value"), "300");
  EXPECT_EQ(col(1, "count_approx"), "true");
  EXPECT_EQ(col(1, "root_side"), "UA");
  EXPECT_EQ(col(1, "cluster"), "9");
  EXPECT_EQ(col(1, "cluster_documents"), "3");
  EXPECT_EQ(col(2, "text"), "'-5 units withdrew");
  EXPECT_EQ(col(2, "lat"), "");
  EXPECT_EQ(col(2, "cluster"), "");
  // The raw bytes: the text field is quoted with doubled quotes.
  EXPECT_NE(out.str().find("\"He said, \"\"fire\"\"\nthen left\""), std::string::npos);
}

TEST(CsvField, QuotesOnlyWhenNeededAndGuardsEveryFormulaStart) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("line\r\nbreak"), "\"line\r\nbreak\"");
  for (const char* f : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx"}) EXPECT_EQ(CsvField(f)[0], '\'') << f;
  EXPECT_EQ(CsvField("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvField("=1", false), "=1");
  EXPECT_EQ(CsvField(""), "");
}

TEST(WriteClaims, TableKeepsColumnsAlignedWithWideAndCyrillicText) {
  StoredClaim a = MakeClaim(1, "territorial_change", "войска заняли Глинськ после боя длиной в целый день и ещё ночь");
  a.claim.place = Place("Глинськ", 50.5, 33.25);
  a.claim.root = Source("Генеральный штаб Вооружённых сил (очень длинное название)", "military", "RU");
  a.status = "single-source";
  a.cluster = 3;
  StoredClaim b = MakeClaim(22, "surrender", "部隊が降伏したと報じられた。部隊が降伏したと報じられた。部隊が降伏したと報じられた。");
  b.claim.polarity = "denied";
  std::ostringstream out;
  WriteClaims(out, {a, b}, {{3, MakeCluster(3)}}, ClaimsFormat::kTable);
  auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  auto text_column = [](const std::string& line, std::string_view marker) {
    size_t at = line.find(marker);
    EXPECT_NE(at, std::string::npos) << marker;
    return DisplayWidth(line.substr(0, at));
  };
  size_t col = text_column(lines[0], "TEXT");
  EXPECT_EQ(text_column(lines[1], "войска"), col);
  EXPECT_EQ(text_column(lines[2], "[denied]"), col);
  EXPECT_NE(lines[1].find("(RU)"), std::string::npos);  // root side kept when the name is cut
  EXPECT_NE(lines[1].find("3 (3)"), std::string::npos);
  EXPECT_NE(lines[1].find("…"), std::string::npos);
  for (const auto& l : lines) EXPECT_LE(DisplayWidth(l), 200u);
}

// ---------------------------------------------------------------------------
// Truncation

TEST(Shorten, CutsAtCharacterBoundariesByDisplayColumns) {
  EXPECT_EQ(Shorten("short", 10), "short");
  EXPECT_EQ(Shorten("Київщина та Сумщина", 8), "Київщин…");
  EXPECT_EQ(DisplayWidth(Shorten("Київщина та Сумщина", 8)), 8u);
  EXPECT_EQ(Shorten("日本語のテキスト", 7), "日本語…");  // wide characters take two columns
  EXPECT_EQ(DisplayWidth("日本語"), 6u);
  EXPECT_EQ(Shorten("a😀b😀c", 4), "a😀…");
  EXPECT_EQ(Shorten("abcdef", 1), "…");
  EXPECT_EQ(Shorten("abcdef", 0), "");
  // Combining marks take no column and stay with their letter.
  EXPECT_EQ(DisplayWidth("e\u0301te\u0301"), 3u);
  for (size_t w = 0; w < 25; ++w) {
    std::string s = Shorten("Ü ö ж 中 😀 é\u0301 ї", w);
    EXPECT_LE(DisplayWidth(s), w);
    EXPECT_TRUE(json::accept("\"" + s + "\"")) << w;  // valid UTF-8
  }
}

TEST(Shorten, MakesTerminalTextSafe) {
  EXPECT_EQ(Shorten("a\x1b[31mred\x1b[0m\r\nb\tc", 40), "a [31mred [0m b c");
  EXPECT_EQ(Shorten("bad \xff\xfe bytes", 40), "bad \uFFFD\uFFFD bytes");
  EXPECT_EQ(Shorten("  spaced\n\n out  ", 40), "spaced out");
  EXPECT_EQ(Shorten("x\u202Eevil", 40), "xevil");
  EXPECT_EQ(PadRight("ж", 3), "ж  ");
}

// ---------------------------------------------------------------------------
// export: geojson, claimreview, cameo

TEST(WriteExport, GeoJsonPutsLongitudeFirstAndLeavesOutClaimsWithoutCoordinates) {
  StoredClaim a = MakeClaim(1, "attack", "strike on the depot");
  a.claim.place = Place("Hlynsk", 50.5, 33.25);
  StoredClaim b = MakeClaim(2, "attack", "strike somewhere");
  StoredClaim c = MakeClaim(3, "attack", "strike on a named place");
  c.claim.place = Place("Nowhere", 0, 0);
  c.claim.place->lat.reset();
  StoredClaim d = MakeClaim(4, "attack", "a bad coordinate");
  d.claim.place = Place("Bad", 95, 10);
  std::ostringstream out;
  ExportSummary s = WriteExport(out, {a, b, c, d}, {}, ExportFormat::kGeoJson);
  EXPECT_EQ(s.written, 1u);
  EXPECT_EQ(s.skipped_no_coordinates, 3u);
  json j = json::parse(out.str());
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 1u);
  const json& f = j["features"][0];
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_EQ(f["geometry"]["coordinates"], json::array({33.25, 50.5}));
  EXPECT_EQ(f["id"], 1);
  EXPECT_EQ(f["properties"]["claim_id"], 1);
  EXPECT_EQ(f["properties"]["place_name"], "Hlynsk");
  EXPECT_EQ(f["properties"]["lat"], 50.5);
  EXPECT_TRUE(f["properties"]["count_value"].is_null());

  std::ostringstream empty;
  WriteExport(empty, {b}, {}, ExportFormat::kGeoJson);
  EXPECT_EQ(json::parse(empty.str())["features"].size(), 0u);
}

TEST(WriteExport, ClaimReviewPerClusterWithAppearancesAndNoNumericRating) {
  StoredClaim a = MakeClaim(11, "surrender", "the brigade laid down its arms");
  StoredClaim b = MakeClaim(12, "surrender", "the brigade reportedly surrendered");
  StoredClaim c = MakeClaim(13, "surrender", "a brigade gave up");
  a.published = "2031-05-03";
  b.published = "2031-05-02";
  c.published = "2031-05-04";
  b.outlet = "Morning Wire";
  for (StoredClaim* s : {&a, &b, &c}) s->cluster = 4;
  c.doc = a.doc;  // two claims of one document make one appearance
  StoredClaim lone = MakeClaim(20, "retreat", "units pulled back from the bridge");
  lone.claim.root = Source("Major Petrenko", "person", "UA");
  std::ostringstream out;
  ExportSummary s = WriteExport(out, {a, lone, b, c}, {{4, MakeCluster(4)}}, ExportFormat::kClaimReview);
  EXPECT_EQ(s.written, 2u);
  json j = json::parse(out.str());
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  const json& r = j[0];
  EXPECT_EQ(r["@context"], "https://schema.org");
  EXPECT_EQ(r["@type"], "ClaimReview");
  EXPECT_EQ(r["identifier"], "claimtrace:cluster:4");
  EXPECT_EQ(r["claimReviewed"], "the brigade laid down its arms");
  EXPECT_EQ(r["author"], (json{{"@type", "Organization"}, {"name", "claimtrace"}}));
  const json& item = r["itemReviewed"];
  EXPECT_EQ(item["@type"], "Claim");
  EXPECT_EQ(item["author"], (json{{"@type", "Organization"}, {"name", "Morning Wire"}}));
  EXPECT_EQ(item["datePublished"], "2031-05-02");
  ASSERT_EQ(item["appearance"].size(), 2u);
  EXPECT_EQ(item["appearance"][0]["@type"], "NewsArticle");
  EXPECT_EQ(item["appearance"][0]["url"], b.url);
  EXPECT_EQ(item["appearance"][0]["publisher"]["name"], "Morning Wire");
  EXPECT_EQ(item["appearance"][1]["datePublished"], "2031-05-03");
  EXPECT_EQ(item["firstAppearance"], item["appearance"][0]);
  const json& rating = r["reviewRating"];
  EXPECT_EQ(rating["@type"], "Rating");
  EXPECT_EQ(rating["alternateName"], "disputed");
  EXPECT_EQ(rating["ratingExplanation"], "3 documents, 3 independent roots (UA 2, RU 1); denied: yes");
  for (const char* k : {"ratingValue", "bestRating", "worstRating"}) EXPECT_FALSE(rating.contains(k)) << k;

  // A claim stored before Link stands alone; its author is a Person by kind.
  const json& l = j[1];
  EXPECT_EQ(l["identifier"], "claimtrace:claim:20");
  EXPECT_EQ(l["itemReviewed"]["author"], (json{{"@type", "Person"}, {"name", "Major Petrenko"}}));
  EXPECT_EQ(l["reviewRating"]["alternateName"], "unlinked");
  EXPECT_EQ(l["reviewRating"]["ratingExplanation"], "1 document, 1 independent root (UA 1); denied: no");
  EXPECT_FALSE(l["reviewRating"].contains("ratingValue"));
}

exporter::CameoEvent Code(const std::string& type, const std::string& text, const std::string& side = "RU") {
  Claim c;
  c.type = type;
  c.text = text;
  if (!side.empty()) c.actor = ClaimActor{"", {}, side};
  return exporter::CameoCode(c);
}

TEST(Cameo, CodesEachEventType) {
  EXPECT_EQ(Code("surrender", "soldiers gave up").code, "0874");
  EXPECT_EQ(Code("retreat", "units withdrew").code, "0874");
  EXPECT_EQ(Code("retreat", "units withdrew").quad, 2);
  EXPECT_EQ(Code("retreat", "units withdrew").root, "08");
  EXPECT_EQ(Code("territorial_change", "troops took the village").code, "192");
  EXPECT_EQ(Code("mobilization", "a new regiment was formed").code, "154");
  EXPECT_EQ(Code("attack", "an assault on the town").code, "190");
  EXPECT_EQ(Code("attack", "an assault on the town").root, "19");
  EXPECT_EQ(Code("refusal_to_fight", "they refused orders").code, "CT01");
  EXPECT_EQ(Code("desertion", "they left their posts").code, "CT02");
  EXPECT_EQ(Code("defection", "they switched sides").code, "CT03");
  EXPECT_EQ(Code("casualties", "30 were killed").code, "CT04");
  EXPECT_EQ(Code("casualties", "30 were killed").root, "CT04");
  EXPECT_EQ(Code("prisoners", "20 soldiers were captured").code, "CT05");
  EXPECT_EQ(Code("prisoners", "an exchange of 50 prisoners").code, "0841");
  EXPECT_EQ(Code("prisoners", "POWs were swapped").code, "0841");
  EXPECT_EQ(Code("unknown_type", "x").code, "");
}

TEST(Cameo, AttackCodeFollowsTheWeaponWords) {
  EXPECT_EQ(Code("attack", "heavy shelling of the port").code, "194");
  EXPECT_EQ(Code("attack", "Artillery hit the bridge").code, "194");
  EXPECT_EQ(Code("attack", "tanks and mortars opened fire").code, "194");
  EXPECT_EQ(Code("attack", "a drone struck the depot").code, "195");
  EXPECT_EQ(Code("attack", "Missiles hit the city").code, "195");
  EXPECT_EQ(Code("attack", "an air strike on the base").code, "195");
  EXPECT_EQ(Code("attack", "a sniper and machine-gun fire pinned them").code, "193");
  EXPECT_EQ(Code("attack", "small arms fire near the checkpoint").code, "193");
  // The heavier class wins when several are named.
  EXPECT_EQ(Code("attack", "shelling, then drones").code, "195");
  EXPECT_EQ(Code("attack", "rifles and artillery").code, "194");
  // Whole words only: "tanker" and "shellfish" name no weapon; bare "rockets" is in no class.
  EXPECT_EQ(Code("attack", "a tanker carrying shellfish was attacked").code, "190");
  EXPECT_EQ(Code("attack", "rockets hit the town").code, "190");
}

TEST(Cameo, ActorsFollowTheSideAndTheEventRoles) {
  auto s = Code("surrender", "x", "RU");
  EXPECT_EQ(s.actor1, "RUSMIL");
  EXPECT_EQ(s.actor2, "UKRMIL");
  auto k = Code("casualties", "x", "UA");  // the other side inflicted the losses
  EXPECT_EQ(k.actor1, "RUSMIL");
  EXPECT_EQ(k.actor2, "UKRMIL");
  auto m = Code("mobilization", "x", "UA");
  EXPECT_EQ(m.actor1, "UKRMIL");
  EXPECT_EQ(m.actor2, "");
  auto p = Code("attack", "x", "PL");
  EXPECT_EQ(p.actor1, "POL");
  EXPECT_EQ(p.actor2, "");  // no known opponent
  auto u = Code("retreat", "x", "");
  EXPECT_EQ(u.actor1, "");
  EXPECT_EQ(u.actor2, "");
  EXPECT_EQ(exporter::CameoActor("BY"), "BLR");
  EXPECT_EQ(exporter::CameoActor("RO"), "ROM");
  EXPECT_EQ(exporter::CameoActor("XX"), "");
}

TEST(WriteExport, CameoRowsKeepDeniedAndHypotheticalClaimsMarked) {
  StoredClaim a = MakeClaim(5, "attack", "artillery shelled the port", "shelled");
  a.claim.place = Place("Portsk", 46.5, 30.75);
  a.claim.root = Source("Regional Governor", "official", "UA");
  a.event_date = "2031-05-06";
  a.cluster = 8;
  StoredClaim b = MakeClaim(6, "surrender", "they did not surrender");
  b.claim.polarity = "denied";
  b.claim.modality = "hypothetical";
  b.event_date = "2031-05";
  std::ostringstream out;
  ExportSummary s = WriteExport(out, {a, b}, {}, ExportFormat::kCameo);
  EXPECT_EQ(s.written, 2u);
  auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "date\tactor1\tactor2\tevent_code\troot_code\tquad_class\tplace\tadmin1\tcountry\tlat\tlon\tsource\turl\t"
            "claim_id\tcluster\tpolarity\tmodality");
  EXPECT_EQ(lines[1],
            "20310506\tRUSMIL\tUKRMIL\t194\t19\t4\tPortsk\tTest Oblast\tUA\t46.5\t30.75\tRegional Governor\t"
            "https://example.org/news/5\t5\t8\tasserted\tactual");
  // Own voice: the outlet is the source. A month-only date stays a month.
  EXPECT_EQ(lines[2],
            "203105\tRUSMIL\tUKRMIL\t0874\t08\t2\t\t\t\t\t\tExample Herald\thttps://example.org/news/6\t6\t\t"
            "denied\thypothetical");
}

// ---------------------------------------------------------------------------
// trace and stats

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST(WriteTrace, PrintsEachDocumentOncePerPathAndCutsCycles) {
  std::ostringstream out;
  WriteTrace(out, DiamondWithCycle());
  std::string s = out.str();
  EXPECT_NE(s.find("Cluster 4 · surrender · actor side RU"), std::string::npos);
  EXPECT_NE(s.find("3 documents · 2 outlets · 3 independent roots (UA 2, RU 1) · denied: yes"), std::string::npos);
  EXPECT_NE(s.find("Morning Wire [outlet, UA] · first 2031-05-02 ★ first source"), std::string::npos);
  // doc 1 under B and under C; doc 2 once; doc 3 under the cycle once per path.
  EXPECT_EQ(Count(s, "[doc 1,"), 2u);
  EXPECT_EQ(Count(s, "[doc 2,"), 1u);
  EXPECT_NE(s.find("copy of doc 1"), std::string::npos);
  EXPECT_NE(s.find("said \"told\": Relay B"), std::string::npos);
  EXPECT_NE(s.find("Not reached from a root source"), std::string::npos);
  EXPECT_NE(s.find("↺ Loop D (cycle)"), std::string::npos);
  EXPECT_GE(Count(s, "[doc 3,"), 1u);
  EXPECT_NE(s.find("├─ "), std::string::npos);
  EXPECT_NE(s.find("│  └─ "), std::string::npos);
}

TEST(WriteTrace, TreeLayoutUnderTheFirstSource) {
  Trace t = DiamondWithCycle();
  t.nodes.resize(5);  // drop the loop
  t.edges.resize(5);
  std::ostringstream out;
  WriteTrace(out, t);
  std::string s = out.str();
  std::string tree = s.substr(s.find("Provenance\n") + 11);
  auto lines = Lines(tree);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0].rfind("Morning Wire", 0), 0u);
  EXPECT_EQ(lines[1].rfind("├─ said \"told\": Relay B", 0), 0u);
  EXPECT_EQ(lines[2].rfind("│  └─ cites \"reported\": 2031-05-02  Example Herald: Headline 1  [doc 1, claim 101]", 0), 0u);
  EXPECT_EQ(lines[3].rfind("└─ said: Relay C", 0), 0u);
  EXPECT_EQ(lines[4].rfind("   ├─ cites: 2031-05-02", 0), 0u);
  EXPECT_EQ(lines[5].rfind("   └─ cites: 2031-05-03", 0), 0u);
  EXPECT_NE(lines[5].find("copy of doc 1"), std::string::npos);
}

TEST(WriteTrace, ACycleThroughEveryNodeTerminatesAndALineCapHolds) {
  Trace t;
  t.cluster.id = 1;
  for (int i = 0; i < 30; ++i) {
    TraceNode n;
    n.id = "src:" + std::to_string(i);
    n.kind = "source";
    n.label = "S" + std::to_string(i);
    t.nodes.push_back(n);
  }
  // Every node cites every other: no root, and exponentially many paths.
  for (int i = 0; i < 30; ++i) {
    for (int k = 0; k < 30; ++k) {
      if (i != k) t.edges.push_back({"src:" + std::to_string(i), "src:" + std::to_string(k), "said", ""});
    }
  }
  std::ostringstream out;
  WriteTrace(out, t, 200);
  std::string s = out.str();
  EXPECT_NE(s.find("… output cut at 200 tree lines"), std::string::npos);
  EXPECT_LT(Lines(s).size(), 220u);
}

TEST(WriteStats, ReadableSummary) {
  StoreStats st;
  st.schema_version = 2;
  st.documents = 12;
  st.claims = 40;
  st.claim_clusters = 17;
  st.first_date = "2031-01-01";
  st.last_date = "2031-02-01";
  st.claims_by_type = {{"attack", 30}, {"retreat", 10}};
  st.clusters_by_status = {{"corroborated", 5}, {"single-source", 12}};
  std::ostringstream out;
  WriteStats(out, st);
  std::string s = out.str();
  EXPECT_NE(s.find("Claims        40 in 17 claim clusters"), std::string::npos);
  EXPECT_NE(s.find("2031-01-01 – 2031-02-01"), std::string::npos);
  EXPECT_LT(s.find("single-source"), s.find("corroborated"));  // most first
  EXPECT_NE(s.find("  " + PadRight("attack", 20) + " 30\n"), std::string::npos);
}

TEST(Formats, ParseNames) {
  EXPECT_EQ(ParseClaimsFormat("csv"), ClaimsFormat::kCsv);
  EXPECT_FALSE(ParseClaimsFormat("geojson"));
  EXPECT_EQ(ParseExportFormat("claimreview"), ExportFormat::kClaimReview);
  EXPECT_EQ(ParseExportFormat("cameo"), ExportFormat::kCameo);
  EXPECT_FALSE(ParseExportFormat("xml"));
}

}  // namespace
}  // namespace claimtrace
