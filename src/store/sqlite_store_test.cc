// The SQLite store on invented articles: idempotent ingest, versions, copies,
// claim clusters, roots and evidence status, and every kind of bad database.
#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>

#include "claimtrace/pipeline.h"
#include "test_support.h"

namespace claimtrace {
namespace {

using testing::TempDir;

// An invented wire story: one surrender claim by the Ukrainian side about Russian soldiers.
constexpr char kWire[] =
    "Forty Russian soldiers surrender near Vovchansk\n\n"
    "Forty Russian soldiers surrendered to Ukrainian border guards near Vovchansk on Tuesday, the State Border "
    "Guard Service of Ukraine said in a statement.\n\n"
    "The servicemen laid down their weapons after their unit was cut off from supplies for several days, the "
    "statement said. Officials said the men were taken to a holding point further from the front line.\n\n"
    "Local residents described a quiet night before the group walked out of a forest belt with white cloths "
    "tied to their sleeves. The border guards published photographs of the handover later in the day.\n";

// The same story copied by a content site, with chrome around it.
constexpr char kCopy[] =
    "Accept cookies to continue reading.\n\n"
    "Forty Russian soldiers surrender near Vovchansk\n\n"
    "Forty Russian soldiers surrendered to Ukrainian border guards near Vovchansk on Tuesday, the State Border "
    "Guard Service of Ukraine said in a statement.\n\n"
    "The servicemen laid down their weapons after their unit was cut off from supplies for several days, the "
    "statement said. Officials said the men were taken to a holding point further from the front line.\n\n"
    "Local residents described a quiet night before the group walked out of a forest belt with white cloths "
    "tied to their sleeves. The border guards published photographs of the handover later in the day.\n\n"
    "Subscribe to our newsletter for more updates.\n";

// The other side denies it.
constexpr char kDenial[] =
    "Moscow rejects border surrender report\n\n"
    "The Russian Defence Ministry denied that any Russian soldiers surrendered near Vovchansk this week, calling "
    "the report a fabrication.\n\n"
    "A ministry spokesman said all units in the area remained at their positions and continued to carry out "
    "their tasks.\n";

// An unrelated claim elsewhere.
constexpr char kOther[] =
    "Drone strike reported in the south\n\n"
    "Russian forces struck a fuel depot in Kherson with drones overnight, the regional governor said on "
    "Wednesday. No casualties were reported, he said.\n";

Document Make(const std::string& input, const std::string& text, const std::string& published,
              const std::string& outlet = "") {
  Document doc;
  doc.input = input;
  doc.raw = text;
  doc.published = published;
  if (!outlet.empty()) doc.outlet = Outlet{outlet, ""};
  // Any stable content hash will do for doc_id here.
  std::hash<std::string> h;
  doc.doc_id = std::to_string(h(text));
  Pipeline().Process(&doc);
  return doc;
}

std::unique_ptr<Store> OpenAt(const std::string& path, bool read_only = false) {
  StoreOptions o;
  o.path = path;
  o.read_only = read_only;
  auto s = OpenSqliteStore(o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s.value()) : nullptr;
}

TEST(SqliteStore, StoresADocumentOnceAndANewVersionWhenItChanges) {
  TempDir dir;
  auto store = OpenAt((dir.path() / "t.db").string());
  ASSERT_TRUE(store);
  std::vector<PutOutcome> out;
  Document wire = Make("wire.txt", kWire, "2024-04-02", "Northline Wire");
  ASSERT_FALSE(wire.error) << *wire.error;
  ASSERT_FALSE(wire.claims.empty());
  ASSERT_TRUE(store->Put({wire}, &out).ok());
  EXPECT_EQ(out[0], PutOutcome::kStored);
  ASSERT_TRUE(store->Put({wire}, &out).ok());
  EXPECT_EQ(out[0], PutOutcome::kUnchanged);
  StoreStats st;
  ASSERT_TRUE(store->Stats(&st).ok());
  EXPECT_EQ(st.documents, 1u);
  EXPECT_EQ(st.claims, wire.claims.size());
  EXPECT_EQ(st.schema_version, store::LatestSchemaVersion());

  Document edited = Make("wire.txt", std::string(kWire) + "\nThis story was updated.\n", "2024-04-02");
  ASSERT_TRUE(store->Put({edited}, &out).ok());
  EXPECT_EQ(out[0], PutOutcome::kNewVersion);
  ASSERT_TRUE(store->Stats(&st).ok());
  EXPECT_EQ(st.documents, 1u);  // only the current version counts
  EXPECT_EQ(st.versions, 1u);
  std::vector<StoredClaim> claims;
  ASSERT_TRUE(store->Claims({}, &claims).ok());
  ASSERT_FALSE(claims.empty());
  StoredDocument d;
  ASSERT_TRUE(store->GetDocument(claims[0].doc, &d).ok());
  EXPECT_EQ(d.version, 2);
}

TEST(SqliteStore, DocumentsWithErrorsAreNotStored) {
  TempDir dir;
  auto store = OpenAt((dir.path() / "t.db").string());
  ASSERT_TRUE(store);
  Document bad;
  bad.input = "broken.html";
  bad.error = "corruption: not UTF-8";
  std::vector<PutOutcome> out;
  ASSERT_TRUE(store->Put({bad}, &out).ok());
  EXPECT_EQ(out[0], PutOutcome::kError);
  StoreStats st;
  ASSERT_TRUE(store->Stats(&st).ok());
  EXPECT_EQ(st.documents, 0u);
}

TEST(SqliteStore, LinksACopyAndADenialIntoOneDisputedCluster) {
  TempDir dir;
  auto store = OpenAt((dir.path() / "t.db").string());
  ASSERT_TRUE(store);
  std::vector<Document> batch = {Make("wire.txt", kWire, "2024-04-02", "Northline Wire"),
                                 Make("copy.txt", kCopy, "2024-04-03", "Content Farm Daily"),
                                 Make("denial.txt", kDenial, "2024-04-03", "Steppe Daily"),
                                 Make("other.txt", kOther, "2024-04-03", "Dniprova Herald")};
  for (const auto& d : batch) ASSERT_FALSE(d.error) << d.input << ": " << *d.error;
  ASSERT_TRUE(store->Put(batch, nullptr).ok());
  LinkStats ls;
  ASSERT_TRUE(store->Link({}, &ls).ok());
  EXPECT_EQ(ls.copy_clusters, 1u);

  std::vector<StoredClaim> claims;
  ASSERT_TRUE(store->Claims({}, &claims).ok());
  const StoredClaim* wire = nullptr;
  const StoredClaim* copy = nullptr;
  const StoredClaim* denial = nullptr;
  const StoredClaim* other = nullptr;
  for (const auto& c : claims) {
    if (c.claim.type != "surrender" && c.claim.type != "attack") continue;
    if (c.input == "wire.txt" && !wire && c.claim.type == "surrender") wire = &c;
    if (c.input == "copy.txt" && !copy && c.claim.type == "surrender") copy = &c;
    if (c.input == "denial.txt" && !denial && c.claim.polarity == "denied") denial = &c;
    if (c.input == "other.txt" && !other) other = &c;
  }
  ASSERT_TRUE(wire && copy && denial && other);
  EXPECT_EQ(copy->copy_of, wire->doc);
  EXPECT_EQ(wire->copy_of, 0);
  EXPECT_EQ(wire->cluster, copy->cluster);
  EXPECT_EQ(wire->cluster, denial->cluster);
  EXPECT_NE(wire->cluster, other->cluster);
  ClusterSummary k;
  ASSERT_TRUE(store->GetCluster(wire->cluster, &k).ok());
  EXPECT_EQ(k.status, "disputed");
  EXPECT_TRUE(k.denied);
  EXPECT_GE(k.documents, 3u);
  // The copy adds a document but no independent root: the border guards, and the ministry that denies.
  EXPECT_EQ(k.independent_roots, 2u);
  EXPECT_EQ(k.side, "RU");

  Trace t;
  ASSERT_TRUE(store->GetTrace(copy->id, &t).ok());
  bool copy_edge = false;
  for (const auto& e : t.edges) copy_edge |= e.kind == "copy";
  EXPECT_TRUE(copy_edge);
  bool first = false;
  for (const auto& n : t.nodes) first |= n.first_source;
  EXPECT_TRUE(first);

  // Linking again changes nothing.
  std::vector<StoredClaim> again;
  ASSERT_TRUE(store->Link({}, nullptr).ok());
  ASSERT_TRUE(store->Claims({}, &again).ok());
  ASSERT_EQ(again.size(), claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    EXPECT_EQ(again[i].cluster, claims[i].cluster);
    EXPECT_EQ(again[i].status, claims[i].status);
  }
}

TEST(SqliteStore, FiltersClaims) {
  TempDir dir;
  auto store = OpenAt((dir.path() / "t.db").string());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put({Make("wire.txt", kWire, "2024-04-02", "Northline Wire"),
                          Make("other.txt", kOther, "2024-04-03", "Dniprova Herald")},
                         nullptr)
                  .ok());
  ASSERT_TRUE(store->Link({}, nullptr).ok());
  std::vector<StoredClaim> rows;
  ClaimFilter f;
  f.type = "attack";
  ASSERT_TRUE(store->Claims(f, &rows).ok());
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) EXPECT_EQ(r.claim.type, "attack");
  f = {};
  f.q = "fuel depot";
  ASSERT_TRUE(store->Claims(f, &rows).ok());
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) EXPECT_EQ(r.input, "other.txt");
  f = {};
  f.since = "2024-04-03";
  ASSERT_TRUE(store->Claims(f, &rows).ok());
  for (const auto& r : rows) EXPECT_GE(r.event_date, "2024-04-03");
  f = {};
  f.q = "\"unbalanced ( OR NEAR";  // user text never reaches FTS as syntax
  EXPECT_TRUE(store->Claims(f, &rows).ok());
  f = {};
  f.since = "last week";
  EXPECT_EQ(store->Claims(f, &rows).code(), StatusCode::kInvalidArgument);
  f = {};
  f.status = "true";
  EXPECT_EQ(store->Claims(f, &rows).code(), StatusCode::kInvalidArgument);
  size_t n = 0;
  ASSERT_TRUE(store->CountClaims({}, &n).ok());
  EXPECT_GT(n, 0u);
  StoredClaim c;
  EXPECT_EQ(store->GetClaim(999999, &c).code(), StatusCode::kNotFound);
}

TEST(SqliteStore, AnOutletRunByAKnownBodyTakesThatBodysSide) {
  TempDir dir;
  auto store = OpenAt((dir.path() / "t.db").string());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put({Make("post.txt", kOther, "2024-04-03", "Russian MFA Channel")}, nullptr).ok());
  ASSERT_TRUE(store->Link({}, nullptr).ok());
  std::vector<StoredClaim> rows;
  ASSERT_TRUE(store->Claims({}, &rows).ok());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].outlet_side, "RU");
}

// A document with hand-made claims (no pipeline): each claim is the sentence
// holding `evidence`, with the given type(s), actor side, place and chain.
struct ClaimSpec {
  std::string evidence, type;
  std::vector<std::string> more_types;
  std::optional<std::string> side;  // nullopt: no actor
  std::optional<ClaimPlace> place;
  std::vector<ClaimSource> chain;
};

Document Handmade(const std::string& input, const std::string& title, const std::string& text,
                  const std::string& outlet, const std::vector<ClaimSpec>& specs) {
  Document doc;
  doc.input = input;
  doc.title = title;
  doc.text = text;
  doc.raw = text;
  doc.published = "2024-05-01";
  doc.outlet = Outlet{outlet, ""};
  doc.doc_id = std::to_string(std::hash<std::string>()(input + text));
  int n = 0;
  for (const ClaimSpec& cs : specs) {
    Claim c;
    c.id = doc.doc_id + "#" + std::to_string(++n);
    size_t at = text.find(cs.evidence);
    EXPECT_NE(at, std::string::npos) << cs.evidence;
    c.text = cs.evidence;
    c.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + cs.evidence.size())};
    c.trigger = c.span;
    c.type = cs.type;
    c.types = {cs.type};
    c.types.insert(c.types.end(), cs.more_types.begin(), cs.more_types.end());
    if (cs.side) c.actor = ClaimActor{"soldiers", c.span, *cs.side};
    c.place = cs.place;
    c.chain = cs.chain;
    if (!c.chain.empty()) c.root = c.chain.back();
    c.polarity = "asserted";
    c.modality = "actual";
    doc.claims.push_back(std::move(c));
  }
  return doc;
}

ClaimPlace Place(const std::string& name, const std::string& id, const std::string& admin1) {
  ClaimPlace p;
  p.text = name;
  p.name = name;
  p.id = id;
  p.admin1 = admin1;
  p.country = "UA";
  p.lat = 48.0;
  p.lon = 37.0;
  return p;
}

ClaimSource Src(const std::string& name, const std::string& text, const std::string& registry,
                const std::string& cue = "said") {
  ClaimSource s;
  s.name = name;
  s.text = text;
  s.kind = "organization";
  s.cue = cue;
  s.registry = registry;
  return s;
}

class SqliteStoreFilters : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenAt((dir_.path() / "f.db").string());
    ASSERT_TRUE(store_);
    std::vector<Document> docs = {
        Handmade("a.txt", "Retreat near Lyman",
                 "Troops withdrew from Lyman overnight. Shelling of Kramatorsk went on. Foreign volunteers left "
                 "their posts near Siversk. A quiet morning in the depot town.",
                 "Harbour Ledger",
                 {{"Troops withdrew from Lyman overnight", "territorial_change", {"retreat"}, "UA",
                   Place("Lyman", "geonames:1001", "Donetsk Oblast"),
                   {Src("Eastern Command", "the command", "eastern-cmd", "announced")}},
                  {"Shelling of Kramatorsk went on", "attack", {}, "RU",
                   Place("Kramatorsk", "geonames:1002", "Donetsk Oblast"), {}},
                  {"Foreign volunteers left their posts near Siversk", "desertion", {}, "GE",
                   Place("Siversk", "geonames:1003", "Donetsk Oblast"), {}}}),
        Handmade("b.txt", "Depot fire in the north",
                 "Men of the unit refused to advance. Nobody knows who fired first at the bridge.",
                 "Quayside Courier",
                 {{"Men of the unit refused to advance", "refusal_to_fight", {}, std::nullopt,
                   Place("Sumy", "geonames:2001", "Sumy Oblast"), {Src("Reporter Ivanenko", "Ivanenko", "")}},
                  {"Nobody knows who fired first at the bridge", "attack", {}, "", std::nullopt, {}}}),
    };
    ASSERT_TRUE(store_->Put(docs, nullptr).ok());
    ASSERT_TRUE(store_->Link({}, nullptr).ok());
  }

  // The claim texts the filter returns, sorted; the whole list, a page of it
  // and the count agree.
  std::vector<std::string> Texts(ClaimFilter f) {
    std::vector<StoredClaim> rows, page;
    Status s = store_->Claims(f, &rows);
    EXPECT_TRUE(s.ok()) << s.ToString();
    for (const char* sort : {"date", "-date", "reports"}) {
      f.sort = sort;
      f.limit = 1000;
      s = store_->Claims(f, &page);
      EXPECT_TRUE(s.ok()) << s.ToString();
      EXPECT_EQ(page.size(), rows.size()) << sort;
    }
    size_t n = 0;
    s = store_->CountClaims(f, &n);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(n, rows.size());
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.claim.text);
    std::sort(out.begin(), out.end());
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

using Want = std::vector<std::string>;

TEST_F(SqliteStoreFilters, ATypeMatchesTheMainTypeOrAnyOfTheTypes) {
  ClaimFilter f;
  f.type = "retreat";
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.type = "territorial_change";
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.type = "attack";
  EXPECT_EQ(Texts(f).size(), 2u);
  f.type = "retreat%";
  std::vector<StoredClaim> rows;
  EXPECT_EQ(store_->Claims(f, &rows).code(), StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreFilters, SideOtherIsAKnownSideBesidesUaAndRuAndUnknownIsNoSide) {
  ClaimFilter f;
  f.side = "other";
  EXPECT_EQ(Texts(f), Want{"Foreign volunteers left their posts near Siversk"});
  f.side = "unknown";
  EXPECT_EQ(Texts(f), (Want{"Men of the unit refused to advance", "Nobody knows who fired first at the bridge"}));
  f.side = "ru";
  EXPECT_EQ(Texts(f), Want{"Shelling of Kramatorsk went on"});
}

TEST_F(SqliteStoreFilters, APlaceIsItsIdNameOrRegionExactlyInAnyCase) {
  ClaimFilter f;
  f.place = "geonames:1001";
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.place = "KRAMATORSK";
  EXPECT_EQ(Texts(f), Want{"Shelling of Kramatorsk went on"});
  f.place = "donetsk oblast";
  EXPECT_EQ(Texts(f).size(), 3u);
  f.place = "Kramat";  // no substring matches
  EXPECT_TRUE(Texts(f).empty());
  f.place = "%";
  EXPECT_TRUE(Texts(f).empty());
}

TEST_F(SqliteStoreFilters, ASourceIsPartOfTheOutletOrOfAChainLinksNameTextOrRegistryId) {
  ClaimFilter f;
  f.source = "eastern";  // chain name
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.source = "EASTERN-CMD";  // registry id
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.source = "the command";  // as written
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.source = "announced";  // a cue is no source
  EXPECT_TRUE(Texts(f).empty());
  f.source = "organization";  // nor is a kind
  EXPECT_TRUE(Texts(f).empty());
  f.source = "quayside";  // the outlet
  EXPECT_EQ(Texts(f).size(), 2u);
  f.source = "_";  // LIKE wildcards are literal
  EXPECT_TRUE(Texts(f).empty());
  f.source = "Ivanenko";
  EXPECT_EQ(Texts(f), Want{"Men of the unit refused to advance"});
}

TEST_F(SqliteStoreFilters, QueryWordsMatchTheClaimTextOrTheTitleButNotTheRestOfTheArticle) {
  ClaimFilter f;
  f.q = "Kramatorsk shelling";
  EXPECT_EQ(Texts(f), Want{"Shelling of Kramatorsk went on"});
  f.q = "depot";  // in b's title (both claims), and in a's text outside any claim
  EXPECT_EQ(Texts(f), (Want{"Men of the unit refused to advance", "Nobody knows who fired first at the bridge"}));
  f.q = "quiet morning";
  EXPECT_TRUE(Texts(f).empty());
  f.q = "retreat lyman";  // a's title: all of a's claims
  EXPECT_EQ(Texts(f).size(), 3u);
  f.q = "Lyman Kramatorsk";  // every word in one claim, or every word in the title
  EXPECT_TRUE(Texts(f).empty());
}

TEST_F(SqliteStoreFilters, StatusAndDatesFilterAlikeInPagesAndCounts) {
  std::vector<StoredClaim> all;
  ASSERT_TRUE(store_->Claims({}, &all).ok());
  ASSERT_FALSE(all.empty());
  ClaimFilter f;
  f.status = all[0].status;
  ASSERT_FALSE(f.status.empty());
  size_t with_status = 0;
  for (const auto& c : all) with_status += c.status == f.status;
  EXPECT_EQ(Texts(f).size(), with_status);
  f = {};
  f.since = "2024-05-01";
  f.until = "2024-05-01";
  EXPECT_EQ(Texts(f).size(), all.size());  // every claim here has the publication date
  f.since = "2024-05-02";
  EXPECT_TRUE(Texts(f).empty());
}

TEST_F(SqliteStoreFilters, ClustersAreCountedLikeTheyAreListed) {
  ClaimFilter f;
  f.place = "Donetsk Oblast";
  std::vector<ClusterSummary> clusters;
  ASSERT_TRUE(store_->Clusters(f, &clusters).ok());
  size_t n = 0;
  ASSERT_TRUE(store_->CountClusters(f, &n).ok());
  EXPECT_EQ(n, clusters.size());
  EXPECT_GE(n, 1u);
  f.limit = 1;
  ASSERT_TRUE(store_->Clusters(f, &clusters).ok());
  EXPECT_EQ(clusters.size(), 1u);
  ASSERT_TRUE(store_->CountClusters(f, &n).ok());
  EXPECT_GE(n, 1u);
}

TEST_F(SqliteStoreFilters, AVersion1StoreMigratesWithItsSourcesSearchable) {
  // Back to schema 1 by hand: the objects of 0002 dropped, user_version 1.
  const std::string path = (dir_.path() / "f.db").string();
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* to_v1 =
      "DROP INDEX claims_list; DROP INDEX claims_side; DROP INDEX clusters_documents; DROP INDEX clusters_first_date; "
      "DROP INDEX claims_cluster_date; CREATE INDEX claims_cluster ON claims(cluster); DROP INDEX documents_retired; "
      "DROP TABLE claim_sources; PRAGMA user_version = 1;";
  ASSERT_EQ(sqlite3_exec(db, to_v1, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  StoreOptions ro;
  ro.path = path;
  ro.read_only = true;
  EXPECT_EQ(OpenSqliteStore(ro).status().code(), StatusCode::kUnsupported);  // older: migrate first
  store_ = OpenAt(path);  // migrates
  ASSERT_TRUE(store_);
  ClaimFilter f;
  f.source = "eastern-cmd";
  EXPECT_EQ(Texts(f), Want{"Troops withdrew from Lyman overnight"});
  f.source = "Quayside";
  EXPECT_EQ(Texts(f).size(), 2u);
  f.source = "announced";
  EXPECT_TRUE(Texts(f).empty());
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  std::string path = (dir.path() / "junk.db").string();
  std::ofstream(path) << "this is not a database, just some text that is long enough to look like a header....";
  StoreOptions o;
  o.path = path;
  auto s = OpenSqliteStore(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
  EXPECT_NE(s.status().message().find("junk.db"), std::string::npos);
}

TEST(SqliteStore, RefusesAnotherApplicationsDatabase) {
  TempDir dir;
  std::string path = (dir.path() / "other.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  StoreOptions o;
  o.path = path;
  auto s = OpenSqliteStore(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
}

TEST(SqliteStore, RefusesADatabaseFromANewerSchema) {
  TempDir dir;
  std::string path = (dir.path() / "new.db").string();
  { auto store = OpenAt(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  StoreOptions o;
  o.path = path;
  auto s = OpenSqliteStore(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

TEST(SqliteStore, AReadOnlyFileGivesAClearErrorAndStaysIntact) {
  TempDir dir;
  std::string path = (dir.path() / "ro.db").string();
  {
    auto store = OpenAt(path);
    ASSERT_TRUE(store->Put({Make("wire.txt", kWire, "2024-04-02")}, nullptr).ok());
  }
  ::chmod(path.c_str(), 0444);
  StoreOptions o;
  o.path = path;
  auto s = OpenSqliteStore(o);
  if (s.ok()) {
    Status p = s.value()->Put({Make("other.txt", kOther, "2024-04-03")}, nullptr);
    EXPECT_FALSE(p.ok());
    EXPECT_EQ(p.code(), StatusCode::kIOError);
  } else {
    EXPECT_EQ(s.status().code(), StatusCode::kIOError);
  }
}

TEST(SqliteStore, ReadOnlyOpenOfAMissingFileIsNotFound) {
  TempDir dir;
  StoreOptions o;
  o.path = (dir.path() / "absent.db").string();
  o.read_only = true;
  auto s = OpenSqliteStore(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace claimtrace
