// SQLite store: opening and migrating the file, writing batches of documents
// in one transaction each, and the queries behind `claims`, `stats` and the
// HTTP API. Linking lives in sqlite_link.cc.
//
// The schema is data/schema/NNNN_*.sql, embedded in the binary and applied in
// order inside one transaction each; PRAGMA user_version records the last one.
// WAL mode lets readers (serve, claims) go on while ingest writes; a batch is
// one BEGIN IMMEDIATE … COMMIT, so a killed process leaves whole batches only.
#include "store/sqlite_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "extract/sources.h"
#include "link/cluster_rules.h"
#include "link/minhash.h"
#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace {
namespace store {
namespace {

using json = nlohmann::ordered_json;

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::vector<Migration> Migrations() {
  std::vector<Migration> out;
  for (std::string_view name : util::EmbeddedFileNames()) {
    if (name.rfind("schema/", 0) != 0 || name.size() < 12) continue;
    int v = std::atoi(std::string(name.substr(7, 4)).c_str());
    if (v > 0) out.push_back({v, name, util::EmbeddedFile(name)});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const std::string& OutletSide(const std::string& registry_id) {
  static const auto* sides = [] {
    auto* m = new std::unordered_map<std::string, std::string>;
    for (const auto& e : extract::Sources()) (*m)[e.id] = e.side;
    return m;
  }();
  static const std::string kNone;
  auto it = sides->find(registry_id);
  return it == sides->end() ? kNone : it->second;
}

// The side of a document's outlet: its registry entry's, or, for an outlet
// the registry knows only as a body ("Russian MFA Telegram"), that body's.
std::string OutletSideOf(const std::string& outlet_id, const std::string& outlet) {
  if (!outlet_id.empty()) return OutletSide(outlet_id);
  if (outlet.empty()) return {};
  const extract::SourceEntry* e = extract::MatchSource(outlet);
  return e ? e->side : std::string();
}

json ChainJson(const std::vector<ClaimSource>& chain) {
  json a = json::array();
  for (const auto& s : chain) {
    a.push_back(json{{"name", s.name}, {"text", s.text}, {"kind", s.kind}, {"side", s.side}, {"cue", s.cue},
                     {"registry", s.registry}});
  }
  return a;
}

std::vector<ClaimSource> ParseChain(const std::string& text) {
  std::vector<ClaimSource> out;
  json a = json::parse(text, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& j : a) {
    if (!j.is_object()) continue;
    ClaimSource s;
    s.name = j.value("name", "");
    s.text = j.value("text", "");
    s.kind = j.value("kind", "");
    s.side = j.value("side", "");
    s.cue = j.value("cue", "");
    s.registry = j.value("registry", "");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> ParseStrings(const std::string& text) {
  std::vector<std::string> out;
  json a = json::parse(text, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& j : a) {
    if (j.is_string()) out.push_back(j.get<std::string>());
  }
  return out;
}

// An FTS5 query from user text: each word quoted (so no FTS syntax error and
// no column filters), all words required; a trailing * on a word is kept as a prefix search.
std::string SafeFtsQuery(const std::string& q) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.pop_back();
    std::string quoted = "\"";
    for (char c : word) {
      if (c == '"') quoted += "\"\"";
      else quoted += c;
    }
    quoted += "\"";
    if (prefix) quoted += "*";
    if (!out.empty()) out += " ";
    out += quoted;
    word.clear();
  };
  for (char c : q) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else word += c;
  }
  flush();
  return out;
}

// A LIKE pattern that matches `s` literally (ESCAPE '\\').
std::string LikeEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Columns read into a StoredClaim by ReadClaim, in order.
constexpr char kClaimColumns[] =
    "c.id, c.doc, c.claim_id, c.type, c.types, c.text, c.span_begin, c.span_end, c.trigger_text, c.trigger_begin, "
    "c.trigger_end, c.actor_text, c.actor_begin, c.actor_end, c.actor_side, c.place_text, c.place_begin, c.place_end, "
    "c.place_name, c.place_id, c.admin1, c.country, c.lat, c.lon, c.count_value, c.count_text, c.count_begin, "
    "c.count_end, c.count_approx, c.count_unit, c.time_text, c.time_begin, c.time_end, c.time_date, c.time_end_date, "
    "c.chain, c.polarity, c.modality, c.hedges, c.attribution, c.headline, c.event_date, c.cluster, d.doc_id, d.url, "
    "d.input, d.title, d.published, d.outlet, d.outlet_id, d.outlet_side, d.copy_of, k.status, c.root_name, "
    "c.root_text, c.root_kind, c.root_side, c.root_registry";
constexpr char kClaimFrom[] =
    " FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN clusters k ON k.id = c.cluster";
// A claim of the current version of its document (the retired ones are few: index documents_retired).
constexpr char kCurrent[] = "c.doc NOT IN (SELECT id FROM documents WHERE current = 0)";

Span SpanAt(const Stmt& s, int col) {
  return Span{static_cast<uint32_t>(s.Int(col)), static_cast<uint32_t>(s.Int(col + 1))};
}

void ReadClaim(const Stmt& s, StoredClaim* out) {
  *out = StoredClaim{};
  out->id = s.Int(0);
  out->doc = s.Int(1);
  Claim& c = out->claim;
  c.id = s.Text(2);
  c.type = s.Text(3);
  c.types = ParseStrings(s.Text(4));
  c.text = s.Text(5);
  c.span = SpanAt(s, 6);
  out->trigger_text = s.Text(8);
  c.trigger = SpanAt(s, 9);
  if (!s.IsNull(12)) c.actor = ClaimActor{s.Text(11), SpanAt(s, 12), s.Text(14)};
  if (!s.IsNull(15)) {
    ClaimPlace p;
    p.text = s.Text(15);
    p.span = SpanAt(s, 16);
    p.name = s.Text(18);
    p.id = s.Text(19);
    p.admin1 = s.Text(20);
    p.country = s.Text(21);
    p.lat = s.OptReal(22);
    p.lon = s.OptReal(23);
    c.place = std::move(p);
  }
  if (!s.IsNull(25)) {
    ClaimCount n;
    n.value = s.OptReal(24);
    n.text = s.Text(25);
    n.span = SpanAt(s, 26);
    n.approx = s.Int(28) != 0;
    n.unit = s.Text(29);
    c.count = std::move(n);
  }
  if (!s.IsNull(30)) c.time = ClaimTime{s.Text(30), SpanAt(s, 31), s.Text(33), s.Text(34)};
  c.chain = ParseChain(s.Text(35));
  c.polarity = s.Text(36);
  c.modality = s.Text(37);
  c.hedges = ParseStrings(s.Text(38));
  c.attribution = static_cast<int>(s.Int(39));
  c.headline = s.Int(40) != 0;
  out->event_date = s.Text(41);
  out->cluster = s.Int(42);
  out->doc_id = s.Text(43);
  out->url = s.Text(44);
  out->input = s.Text(45);
  out->title = s.Text(46);
  out->published = s.Text(47);
  out->outlet = s.Text(48);
  out->outlet_id = s.Text(49);
  out->outlet_side = s.Text(50);
  out->copy_of = s.Int(51);
  out->status = s.Text(52);
  if (!s.IsNull(53)) {
    ClaimSource r;
    r.name = s.Text(53);
    r.text = s.Text(54);
    r.kind = s.Text(55);
    r.side = s.Text(56);
    r.registry = s.Text(57);
    c.root = std::move(r);
  }
}

constexpr const char* kTypes[] = {"surrender",  "refusal_to_fight", "desertion", "defection", "retreat",
                                  "territorial_change", "casualties", "prisoners", "mobilization", "attack"};
constexpr const char* kStatuses[] = {"single-source", "one-sided", "corroborated", "disputed"};

bool OneOf(const std::string& v, const char* const* list, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (v == list[i]) return true;
  }
  return false;
}

}  // namespace

int LatestSchemaVersion() {
  auto m = Migrations();
  return m.empty() ? 0 : m.back().version;
}

Status SqliteStore::Open(const StoreOptions& options) {
  options_ = options;
  if (options.path.empty()) return Status::InvalidArgument("no database path");
  if (options.read_only && !std::filesystem::exists(options.path)) {
    return Status::NotFound(options.path + ": no such database (run `claimtrace ingest` first)");
  }
  if (!options.read_only) {
    // Root may write anywhere: honour a file marked read-only for everyone
    // ourselves rather than change it behind the user's back.
    struct stat st {};
    if (::stat(options.path.c_str(), &st) == 0 && (st.st_mode & 0222) == 0) {
      return Status::IOError(options.path + ": the file is read-only (mode " +
                             std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
                             std::to_string(st.st_mode & 7) + "); nothing was written");
    }
    std::error_code ec;
    auto parent = std::filesystem::path(options.path).parent_path();
    if (!parent.empty() && !std::filesystem::exists(parent, ec)) std::filesystem::create_directories(parent, ec);
  }
  Status s = db_.Open(options.path, options.read_only, options.busy_timeout_ms);
  if (!s.ok()) return s;
  // Reading the schema is the first real access: a file that is not a database fails here.
  auto st = db_.Prepare("SELECT count(*) FROM sqlite_master");
  if (!st.ok()) return st.status();
  Status step;
  size_t objects = st->Step(&step) ? static_cast<size_t>(st->Int(0)) : 0;
  st->Reset();  // ends the read transaction (journal_mode cannot change inside one)
  if (!step.ok()) return step;
  auto uv = db_.Prepare("PRAGMA user_version");
  if (!uv.ok()) return uv.status();
  int version = uv->Step(&step) ? static_cast<int>(uv->Int(0)) : 0;
  uv->Reset();
  if (!step.ok()) return step;
  int latest = LatestSchemaVersion();
  if (version > latest) {
    return Status::Unsupported(options.path + ": written by a newer claimtrace (schema version " +
                               std::to_string(version) + ", this build knows up to " + std::to_string(latest) +
                               "); upgrade claimtrace or use another --db");
  }
  if (version == 0 && objects > 0) {
    return Status::Corruption(options.path + ": a SQLite database, but not a claimtrace one (it has " +
                              std::to_string(objects) + " tables of its own and no claimtrace schema version)");
  }
  if (options.read_only) {
    if (version < latest) {
      return Status::Unsupported(options.path + ": schema version " + std::to_string(version) +
                                 " is older than this build's " + std::to_string(latest) +
                                 "; open it once for writing (claimtrace ingest) to migrate");
    }
    // Listing and counting scan indexes of the whole store: a larger page cache than the default 2 MB.
    return db_.Exec("PRAGMA query_only = ON; PRAGMA cache_size = -16384;");
  }
  s = db_.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
               "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;");
  if (!s.ok()) return s;
  if (version < latest) {
    s = Migrate();
    if (!s.ok()) return s;
  }
  return PrepareWrites();
}

Status SqliteStore::Migrate() {
  auto uv = db_.Prepare("PRAGMA user_version");
  if (!uv.ok()) return uv.status();
  Status step;
  int version = uv->Step(&step) ? static_cast<int>(uv->Int(0)) : 0;
  uv->Reset();
  if (!step.ok()) return step;
  for (const Migration& m : Migrations()) {
    if (m.version <= version) continue;
    Transaction tx(&db_);
    Status s = tx.Begin();
    if (!s.ok()) return s;
    s = db_.Exec(m.sql);
    if (!s.ok()) return Status::Internal("applying " + std::string(m.name) + ": " + s.message());
    s = db_.Exec("PRAGMA user_version = " + std::to_string(m.version));
    if (!s.ok()) return s;
    s = tx.Commit();
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status SqliteStore::PrepareWrites() {
  struct {
    Stmt* stmt;
    const char* sql;
  } const list[] = {
      {&find_doc_, "SELECT id FROM documents WHERE doc_id = ?1"},
      {&max_version_, "SELECT max(version) FROM documents WHERE identity = ?1"},
      {&retire_, "UPDATE documents SET current = 0 WHERE identity = ?1 AND current = 1"},
      {&insert_doc_,
       "INSERT INTO documents (doc_id, identity, version, current, input, url, outlet, outlet_id, outlet_side, title, "
       "author, published, lang, encoding, text, signature, batch) "
       "VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"},
      {&insert_doc_fts_, "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)"},
      {&insert_band_, "INSERT OR IGNORE INTO doc_bands (band_key, doc) VALUES (?1, ?2)"},
      {&insert_att_,
       "INSERT INTO attributions (doc, idx, kind, source_text, source_begin, source_end, source_name, "
       "source_registry, cue_text, cue_begin, cue_end, content_text, content_begin, content_end, parent, cites) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"},
      {&insert_claim_,
       "INSERT INTO claims (doc, idx, claim_id, type, types, text, span_begin, span_end, trigger_text, trigger_begin, "
       "trigger_end, actor_text, actor_begin, actor_end, actor_side, place_text, place_begin, place_end, place_name, "
       "place_id, admin1, country, lat, lon, count_value, count_text, count_begin, count_end, count_approx, "
       "count_unit, time_text, time_begin, time_end, time_date, time_end_date, chain, root_name, root_text, "
       "root_kind, root_side, root_registry, polarity, modality, hedges, attribution, headline, event_date) VALUES "
       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
       "?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, "
       "?45, ?46, ?47)"},
      {&insert_claim_fts_, "INSERT INTO claims_fts (rowid, text) VALUES (?1, ?2)"},
      {&insert_claim_sources_, "INSERT INTO claim_sources (rowid, terms) VALUES (?1, ?2)"},
      {&insert_mention_,
       "INSERT INTO mentions (doc, claim, kind, text, span_begin, span_end, ref) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&insert_flag_, "INSERT INTO flags (doc, kind, text, span_begin, span_end, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {&insert_batch_, "INSERT INTO batches (started_at, documents) VALUES (?1, ?2)"},
  };
  for (const auto& p : list) {
    auto st = db_.Prepare(p.sql);
    if (!st.ok()) return st.status();
    *p.stmt = std::move(st.value());
  }
  return Status::OK();
}

Status SqliteStore::Put(const std::vector<Document>& batch, std::vector<PutOutcome>* outcomes) {
  if (options_.read_only) return Status::InvalidArgument(options_.path + ": opened read-only");
  if (outcomes) outcomes->assign(batch.size(), PutOutcome::kError);
  Transaction tx(&db_);
  Status s = tx.Begin();
  if (!s.ok()) return s;
  pending_bands_.clear();
  s = insert_batch_.Reset().Bind(1, std::string_view(Now())).Bind(2, int64_t{0}).Run();
  if (!s.ok()) return s;
  int64_t batch_id = db_.LastInsertId();
  int64_t stored = 0;
  for (size_t i = 0; i < batch.size(); ++i) {
    PutOutcome o = PutOutcome::kError;
    s = PutOne(batch[i], batch_id, &o);
    if (!s.ok()) {
      if (outcomes) outcomes->assign(batch.size(), PutOutcome::kError);
      return s;
    }
    if (outcomes) (*outcomes)[i] = o;
    if (o == PutOutcome::kStored || o == PutOutcome::kNewVersion) ++stored;
  }
  std::sort(pending_bands_.begin(), pending_bands_.end());
  for (const auto& [key, doc] : pending_bands_) {
    s = insert_band_.Reset().Bind(1, key).Bind(2, doc).Run();
    if (!s.ok()) return s;
  }
  pending_bands_.clear();
  auto upd = db_.Prepare("UPDATE batches SET documents = ?1 WHERE id = ?2");
  if (!upd.ok()) return upd.status();
  s = upd->Bind(1, stored).Bind(2, batch_id).Run();
  if (!s.ok()) return s;
  if (stored == 0) {
    // Nothing new: leave no empty batch row behind (a re-ingest changes nothing).
    auto del = db_.Prepare("DELETE FROM batches WHERE id = ?1");
    if (!del.ok()) return del.status();
    s = del->Bind(1, batch_id).Run();
    if (!s.ok()) return s;
  }
  return tx.Commit();
}

Status SqliteStore::PutOne(const Document& doc, int64_t batch, PutOutcome* outcome) {
  if (doc.error || doc.doc_id.empty()) {
    *outcome = PutOutcome::kError;
    return Status::OK();
  }
  Status s;
  find_doc_.Reset().Bind(1, std::string_view(doc.doc_id));
  bool exists = find_doc_.Step(&s);
  find_doc_.Reset();
  if (!s.ok()) return s;
  if (exists) {
    *outcome = PutOutcome::kUnchanged;
    return Status::OK();
  }
  const std::string identity = doc.url ? *doc.url : doc.input;
  max_version_.Reset().Bind(1, std::string_view(identity));
  int version = 1;
  if (max_version_.Step(&s) && !max_version_.IsNull(0)) version = static_cast<int>(max_version_.Int(0)) + 1;
  max_version_.Reset();
  if (!s.ok()) return s;
  if (version > 1) {
    s = retire_.Reset().Bind(1, std::string_view(identity)).Run();
    if (!s.ok()) return s;
  }
  *outcome = version > 1 ? PutOutcome::kNewVersion : PutOutcome::kStored;

  const link::MinHashParams params;
  link::Signature sig = link::MinHash(link::ShingleHashes(doc.text, params.shingle_words), params);
  std::string outlet = doc.outlet ? doc.outlet->name : "";
  std::string outlet_id = doc.outlet ? doc.outlet->id : "";
  insert_doc_.Reset()
      .Bind(1, std::string_view(doc.doc_id))
      .Bind(2, std::string_view(identity))
      .Bind(3, version)
      .Bind(4, std::string_view(doc.input))
      .BindText(5, doc.url.value_or(""))
      .BindText(6, outlet)
      .BindText(7, outlet_id)
      .BindText(8, OutletSideOf(outlet_id, outlet))
      .BindText(9, doc.title.value_or(""))
      .BindText(10, doc.author.value_or(""))
      .BindText(11, doc.published.value_or(""))
      .BindText(12, doc.lang.value_or(""))
      .BindText(13, doc.encoding)
      .Bind(14, std::string_view(doc.text))
      .BindBlob(15, link::EncodeSignature(sig))
      .Bind(16, batch);
  s = insert_doc_.Run();
  if (!s.ok()) return s;
  const int64_t id = db_.LastInsertId();
  s = insert_doc_fts_.Reset().Bind(1, id).Bind(2, std::string_view(doc.title.value_or(""))).Bind(3, std::string_view(doc.text)).Run();
  if (!s.ok()) return s;
  // Band keys go in after the whole batch, sorted: inserts in key order touch
  // each B-tree page once instead of 64 random pages per document.
  for (uint64_t key : link::BandKeys(sig, params)) pending_bands_.emplace_back(static_cast<int64_t>(key), id);

  auto mention = [&](int64_t claim, const char* kind, const std::string& text, Span span, std::string_view ref) {
    return insert_mention_.Reset()
        .Bind(1, id)
        .Bind(2, claim)
        .Bind(3, std::string_view(kind))
        .Bind(4, std::string_view(text))
        .Bind(5, span.begin)
        .Bind(6, span.end)
        .BindText(7, ref)
        .Run();
  };
  for (const Attribution& a : doc.attributions) {
    insert_att_.Reset().Bind(1, id).Bind(2, a.id).Bind(3, std::string_view(AttributionKindName(a.kind)));
    if (a.source) {
      insert_att_.Bind(4, std::string_view(a.source->text)).Bind(5, a.source->span.begin).Bind(6, a.source->span.end);
    }
    insert_att_.BindText(7, a.source_name)
        .BindText(8, a.source_registry)
        .Bind(9, std::string_view(a.cue.text))
        .Bind(10, a.cue.span.begin)
        .Bind(11, a.cue.span.end)
        .Bind(12, std::string_view(a.content.text))
        .Bind(13, a.content.span.begin)
        .Bind(14, a.content.span.end);
    if (a.parent >= 0) insert_att_.Bind(15, a.parent);
    if (a.cites >= 0) insert_att_.Bind(16, a.cites);
    s = insert_att_.Run();
    if (!s.ok()) return s;
    if (a.source) {
      s = mention(0, "source", a.source->text, a.source->span, a.source_registry);
      if (!s.ok()) return s;
    }
  }
  int idx = 0;
  for (const Claim& c : doc.claims) {
    Stmt& q = insert_claim_;
    q.Reset()
        .Bind(1, id)
        .Bind(2, idx++)
        .Bind(3, std::string_view(c.id))
        .Bind(4, std::string_view(c.type))
        .Bind(5, std::string_view(json(c.types).dump()))
        .Bind(6, std::string_view(c.text))
        .Bind(7, c.span.begin)
        .Bind(8, c.span.end)
        .Bind(9, doc.Slice(c.trigger))
        .Bind(10, c.trigger.begin)
        .Bind(11, c.trigger.end);
    if (c.actor) {
      q.Bind(12, std::string_view(c.actor->text)).Bind(13, c.actor->span.begin).Bind(14, c.actor->span.end);
      q.BindText(15, c.actor->side);
    }
    if (c.place) {
      const ClaimPlace& p = *c.place;
      q.Bind(16, std::string_view(p.text)).Bind(17, p.span.begin).Bind(18, p.span.end);
      q.BindText(19, p.name).BindText(20, p.id).BindText(21, p.admin1).BindText(22, p.country);
      q.Bind(23, p.lat).Bind(24, p.lon);
    }
    if (c.count) {
      q.Bind(25, c.count->value).Bind(26, std::string_view(c.count->text));
      q.Bind(27, c.count->span.begin).Bind(28, c.count->span.end).Bind(29, c.count->approx ? 1 : 0);
      q.BindText(30, c.count->unit);
    }
    if (c.time) {
      q.Bind(31, std::string_view(c.time->text)).Bind(32, c.time->span.begin).Bind(33, c.time->span.end);
      q.BindText(34, c.time->date).BindText(35, c.time->end_date);
    }
    q.Bind(36, std::string_view(ChainJson(c.chain).dump()));
    if (c.root) {
      q.Bind(37, std::string_view(c.root->name)).Bind(38, std::string_view(c.root->text));
      q.BindText(39, c.root->kind).BindText(40, c.root->side).BindText(41, c.root->registry);
    }
    q.Bind(42, std::string_view(c.polarity)).Bind(43, std::string_view(c.modality));
    q.Bind(44, std::string_view(json(c.hedges).dump()));
    q.Bind(45, c.attribution).Bind(46, c.headline ? 1 : 0);
    std::string event_date = c.time && !c.time->date.empty() ? c.time->date : doc.published.value_or("");
    q.BindText(47, event_date);
    s = q.Run();
    if (!s.ok()) return s;
    const int64_t claim_row = db_.LastInsertId();
    s = insert_claim_fts_.Reset().Bind(1, claim_row).Bind(2, std::string_view(c.text)).Run();
    if (!s.ok()) return s;
    // What the `source` filter searches (as data/schema/0002_list_indexes.sql fills it for older rows).
    std::string terms = outlet + "\n" + outlet_id;
    for (const ClaimSource& link : c.chain) terms += "\n" + link.name + "\n" + link.text + "\n" + link.registry;
    s = insert_claim_sources_.Reset().Bind(1, claim_row).Bind(2, std::string_view(terms)).Run();
    if (!s.ok()) return s;
    if (c.place) {
      s = mention(claim_row, "place", c.place->text, c.place->span, c.place->id);
      if (!s.ok()) return s;
    }
    if (c.actor && !c.actor->text.empty()) {
      s = mention(claim_row, "actor", c.actor->text, c.actor->span, c.actor->side);
      if (!s.ok()) return s;
    }
    if (c.count) {
      std::string v = c.count->value ? json(*c.count->value).dump() : "";
      s = mention(claim_row, "count", c.count->text, c.count->span, v);
      if (!s.ok()) return s;
    }
    if (c.time) {
      s = mention(claim_row, "time", c.time->text, c.time->span, c.time->date);
      if (!s.ok()) return s;
    }
  }
  for (const Flag& f : doc.flags) {
    s = insert_flag_.Reset()
            .Bind(1, id)
            .Bind(2, std::string_view(f.kind))
            .Bind(3, std::string_view(f.text))
            .Bind(4, f.span.begin)
            .Bind(5, f.span.end)
            .BindText(6, f.detail)
            .Run();
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status SqliteStore::ClaimsWhere(const ClaimFilter& f, std::string* where, std::vector<std::string>* args,
                                bool page) const {
  // The meaning of each filter is docs/api.md "Filters"; user text is only
  // ever bound as a parameter (LIKE patterns escaped, FTS words quoted).
  // Only columns of `claims c` are named (the rest through subqueries), so a
  // count or a page of ids reads the covering index claims_list, never a row.
  std::string w = std::string(kCurrent);
  auto arg = [&](std::string v) {
    args->push_back(std::move(v));
    return "?" + std::to_string(args->size());
  };
  if (!f.type.empty()) {
    if (!OneOf(f.type, kTypes, std::size(kTypes))) {
      return Status::InvalidArgument("unknown event type '" + f.type +
                                     "' (surrender, refusal_to_fight, desertion, defection, retreat, "
                                     "territorial_change, casualties, prisoners, mobilization, attack)");
    }
    // types is a JSON array of known type names (no quotes in them).
    w += " AND (c.type = " + arg(f.type) + " OR instr(c.types, " + arg("\"" + f.type + "\"") + ") > 0)";
  }
  if (!f.side.empty()) {
    std::string side = util::AsciiLower(f.side);
    if (side == "unknown" || side == "none") {
      w += " AND (c.actor_side IS NULL OR c.actor_side = '')";
    } else if (side == "other") {
      w += " AND c.actor_side NOT IN ('', 'UA', 'RU')";
    } else {
      for (char& ch : side) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
      w += " AND c.actor_side = " + arg(side);
    }
  }
  if (!f.place.empty()) {
    std::string p = arg(f.place);
    w += " AND (c.place_id = " + p + " COLLATE NOCASE OR c.place_name = " + p + " COLLATE NOCASE OR c.admin1 = " + p +
         " COLLATE NOCASE)";
  }
  for (const auto* d : {&f.since, &f.until}) {
    if (!d->empty() && link::DayNumber(*d) < 0) {
      return Status::InvalidArgument("'" + *d + "' is not a date (YYYY-MM-DD)");
    }
  }
  // (event_date IS NULL) = 0 lets the range use claims_list, whose first column that is.
  if (!f.since.empty() || !f.until.empty()) w += " AND (c.event_date IS NULL) = 0";
  if (!f.since.empty()) w += " AND c.event_date >= " + arg(f.since);
  if (!f.until.empty()) w += " AND c.event_date <= " + arg(f.until + "~");  // "~" sorts after any time suffix
  if (!f.status.empty()) {
    if (!OneOf(f.status, kStatuses, std::size(kStatuses))) {
      return Status::InvalidArgument("unknown status '" + f.status +
                                     "' (single-source, one-sided, corroborated, disputed)");
    }
    // A page looks each claim's cluster up as it walks the order; a count
    // builds the set of clusters once ("+": never drive the query by it, which
    // would sort thousands of claims).
    w += page ? " AND (SELECT k2.status FROM clusters k2 WHERE k2.id = c.cluster) = " + arg(f.status)
              : " AND +c.cluster IN (SELECT id FROM clusters WHERE status = " + arg(f.status) + ")";
  }
  if (!f.source.empty()) {
    // claim_sources holds the outlet and the chain's names, texts and registry
    // ids, one per line; its trigram index answers LIKE '%…%' unless an ESCAPE
    // is needed (a % or _ in the text: then it scans, still correctly).
    bool wild = f.source.find_first_of("%_\\") != std::string::npos;
    std::string p = arg("%" + (wild ? LikeEscape(f.source) : f.source) + "%");
    w += " AND c.id IN (SELECT rowid FROM claim_sources WHERE terms LIKE " + p + (wild ? " ESCAPE '\\'" : "") + ")";
  }
  if (!f.q.empty()) {
    std::string q = SafeFtsQuery(f.q);
    if (!q.empty()) {
      std::string a = arg(q);
      w += " AND (c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH " + a +
           ") OR c.doc IN (SELECT rowid FROM documents_fts WHERE title MATCH " + a + "))";
    }
  }
  if (f.cluster != 0) w += " AND c.cluster = " + arg(std::to_string(f.cluster));
  *where = w;
  return Status::OK();
}

Status SqliteStore::QueryClaims(const std::string& sql, const std::vector<std::string>& args,
                                std::vector<StoredClaim>* out) {
  auto st = db_.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  Status s;
  while (st->Step(&s)) {
    out->emplace_back();
    ReadClaim(st.value(), &out->back());
  }
  return s;
}

Status SqliteStore::Claims(const ClaimFilter& f, std::vector<StoredClaim>* out) {
  out->clear();
  std::string where;
  std::vector<std::string> args;
  Status s = ClaimsWhere(f, &where, &args, /*page=*/f.limit > 0);
  if (!s.ok()) return s;
  // Undated claims last either way. A page is read in two steps: its ids from
  // the narrow indexes (claims_list, or clusters by size for "reports"), then
  // the wide rows of those ids only.
  std::string from = " FROM claims c";
  std::string order;
  if (f.sort.empty() || f.sort == "date") {
    // With a date range every claim has a date: the plain date index gives the order.
    order = f.since.empty() && f.until.empty() ? "c.event_date IS NULL, c.event_date, c.id" : "c.event_date, c.id";
  } else if (f.sort == "-date") {
    order = "c.event_date DESC, c.id DESC";
  } else if (f.sort == "type") {
    order = "c.type, c.event_date IS NULL, c.event_date, c.id";
  } else if (f.sort == "cluster") {
    order = "c.cluster, c.event_date, c.id";
  } else if (f.sort == "reports") {
    order = "k.documents DESC, c.cluster, c.event_date, c.id";
  } else {
    return Status::InvalidArgument("unknown sort '" + f.sort + "' (date, -date, type, cluster, reports)");
  }
  if (f.limit == 0) {
    return QueryClaims(std::string("SELECT ") + kClaimColumns + kClaimFrom + " WHERE " + where + " ORDER BY " + order,
                       args, out);
  }
  if (f.sort == "reports") {
    auto unlinked = db_.Prepare("SELECT 1 FROM claims WHERE cluster IS NULL LIMIT 1");
    if (!unlinked.ok()) return unlinked.status();
    bool any_unlinked = unlinked->Step(&s);
    if (!s.ok()) return s;
    if (any_unlinked) {
      from += " LEFT JOIN clusters k ON k.id = c.cluster";
    } else {
      // Every claim has a cluster: walk clusters by size, each one's claims by date (no sort);
      // a status filter is checked on the cluster first (clusters_documents holds the status).
      from = " FROM clusters k CROSS JOIN claims c ON c.cluster = k.id";
      order = "k.documents DESC, k.id, c.event_date, c.id";
      if (!f.status.empty()) {
        args.push_back(f.status);
        where += " AND +k.status = ?" + std::to_string(args.size());
      }
    }
  }
  auto page = db_.Prepare("SELECT c.id" + from + " WHERE " + where + " ORDER BY " + order + " LIMIT " +
                          std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset));
  if (!page.ok()) return page.status();
  for (size_t i = 0; i < args.size(); ++i) page->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  std::vector<int64_t> ids;
  while (page->Step(&s)) ids.push_back(page->Int(0));
  if (!s.ok() || ids.empty()) return s;
  std::string list;
  for (int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  std::vector<StoredClaim> rows;
  s = QueryClaims(std::string("SELECT ") + kClaimColumns + kClaimFrom + " WHERE c.id IN (" + list + ")", {}, &rows);
  if (!s.ok()) return s;
  std::unordered_map<int64_t, size_t> at;
  for (size_t i = 0; i < rows.size(); ++i) at[rows[i].id] = i;
  for (int64_t id : ids) {
    if (auto it = at.find(id); it != at.end()) out->push_back(std::move(rows[it->second]));
  }
  return Status::OK();
}

Status SqliteStore::CountClaims(const ClaimFilter& f, size_t* count) {
  std::string where;
  std::vector<std::string> args;
  Status s = ClaimsWhere(f, &where, &args);
  if (!s.ok()) return s;
  auto st = db_.Prepare("SELECT count(*) FROM claims c WHERE " + where);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  *count = st->Step(&s) ? static_cast<size_t>(st->Int(0)) : 0;
  return s;
}

Status SqliteStore::GetClaim(int64_t id, StoredClaim* out) {
  std::vector<StoredClaim> rows;
  Status s = QueryClaims(std::string("SELECT ") + kClaimColumns + kClaimFrom + " WHERE c.id = ?1",
                         {std::to_string(id)}, &rows);
  if (!s.ok()) return s;
  if (rows.empty()) return Status::NotFound("no claim " + std::to_string(id) + " in " + options_.path);
  *out = std::move(rows[0]);
  return Status::OK();
}

namespace {

constexpr char kClusterColumns[] =
    "id, type, side, place, place_id, admin1, country, lat, lon, first_date, last_date, claims, documents, outlets, "
    "independent_roots, roots_by_side, roots, denied, about_other_side, status, representative, text";

void ReadCluster(const Stmt& s, ClusterSummary* k) {
  *k = ClusterSummary{};
  k->id = s.Int(0);
  k->type = s.Text(1);
  k->side = s.Text(2);
  k->place = s.Text(3);
  k->place_id = s.Text(4);
  k->admin1 = s.Text(5);
  k->country = s.Text(6);
  k->lat = s.OptReal(7);
  k->lon = s.OptReal(8);
  k->first_date = s.Text(9);
  k->last_date = s.Text(10);
  k->claims = static_cast<size_t>(s.Int(11));
  k->documents = static_cast<size_t>(s.Int(12));
  k->outlets = static_cast<size_t>(s.Int(13));
  k->independent_roots = static_cast<size_t>(s.Int(14));
  json by_side = json::parse(s.Text(15), nullptr, false);
  if (by_side.is_object()) {
    for (auto it = by_side.begin(); it != by_side.end(); ++it) {
      if (it.value().is_number_unsigned()) k->roots_by_side[it.key()] = it.value().get<size_t>();
    }
  }
  json roots = json::parse(s.Text(16), nullptr, false);
  if (roots.is_array()) {
    for (const auto& r : roots) {
      if (!r.is_object()) continue;
      RootSource x;
      x.key = r.value("key", "");
      x.name = r.value("name", "");
      x.kind = r.value("kind", "");
      x.side = r.value("side", "");
      x.first_date = r.value("first_date", "");
      x.claims = r.value("claims", size_t{0});
      k->roots.push_back(std::move(x));
    }
  }
  k->denied = s.Int(17) != 0;
  k->about_other_side = s.Int(18) != 0;
  k->status = s.Text(19);
  k->representative = s.Int(20);
  k->text = s.Text(21);
}

}  // namespace

Status SqliteStore::Clusters(const ClaimFilter& f, std::vector<ClusterSummary>* out) {
  out->clear();
  // Clusters that hold at least one claim passing the filter.
  std::string where;
  std::vector<std::string> args;
  Status s = ClaimsWhere(f, &where, &args);
  if (!s.ok()) return s;
  std::string order = f.sort == "date"    ? "first_date, id"
                      : f.sort == "-date" ? "first_date DESC, id DESC"
                                          : "documents DESC, id";
  // Clusters in order, each kept when one of its claims passes (index probes; stops at the limit).
  std::string sql = std::string("SELECT ") + kClusterColumns +
                    " FROM clusters k WHERE EXISTS (SELECT 1 FROM claims c WHERE c.cluster = k.id AND " + where +
                    ") ORDER BY " + order;
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
  auto st = db_.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  while (st->Step(&s)) {
    out->emplace_back();
    ReadCluster(st.value(), &out->back());
  }
  return s;
}

Status SqliteStore::CountClusters(const ClaimFilter& f, size_t* count) {
  *count = 0;
  std::string where;
  std::vector<std::string> args;
  Status s = ClaimsWhere(f, &where, &args);
  if (!s.ok()) return s;
  auto st = db_.Prepare("SELECT count(DISTINCT c.cluster) FROM claims c WHERE " + where + " AND c.cluster IS NOT NULL");
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  *count = st->Step(&s) ? static_cast<size_t>(st->Int(0)) : 0;
  return s;
}

Status SqliteStore::GetCluster(int64_t id, ClusterSummary* out) {
  auto st = db_.Prepare(std::string("SELECT ") + kClusterColumns + " FROM clusters WHERE id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  Status s;
  if (!st->Step(&s)) {
    if (!s.ok()) return s;
    return Status::NotFound("no cluster " + std::to_string(id) + " in " + options_.path +
                            " (run `claimtrace link` after ingesting)");
  }
  ReadCluster(st.value(), out);
  return Status::OK();
}

Status SqliteStore::GetDocument(int64_t id, StoredDocument* out) {
  *out = StoredDocument{};
  auto st = db_.Prepare(
      "SELECT id, version, doc_id, input, url, outlet, outlet_id, title, author, published, lang, text, copy_of, "
      "copy_similarity, outlet_side FROM documents WHERE id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  Status s;
  if (!st->Step(&s)) {
    if (!s.ok()) return s;
    return Status::NotFound("no document " + std::to_string(id) + " in " + options_.path);
  }
  out->id = st->Int(0);
  out->version = static_cast<int>(st->Int(1));
  out->doc_id = st->Text(2);
  out->input = st->Text(3);
  out->url = st->Text(4);
  out->outlet = st->Text(5);
  out->outlet_id = st->Text(6);
  out->title = st->Text(7);
  out->author = st->Text(8);
  out->published = st->Text(9);
  out->lang = st->Text(10);
  out->text = st->Text(11);
  out->copy_of = st->Int(12);
  out->copy_similarity = st->Real(13);
  out->outlet_side = st->Text(14);
  auto at = db_.Prepare(
      "SELECT idx, kind, source_text, source_begin, source_end, source_name, source_registry, cue_text, cue_begin, "
      "cue_end, content_text, content_begin, content_end, parent, cites FROM attributions WHERE doc = ?1 ORDER BY idx");
  if (!at.ok()) return at.status();
  at->Bind(1, id);
  while (at->Step(&s)) {
    Attribution a;
    a.id = static_cast<int>(at->Int(0));
    std::string kind = at->Text(1);
    for (AttributionKind k : {AttributionKind::kDirect, AttributionKind::kIndirect, AttributionKind::kAccordingTo,
                              AttributionKind::kMixed, AttributionKind::kAnonymous}) {
      if (kind == AttributionKindName(k)) a.kind = a.form = k;
    }
    if (!at->IsNull(2)) a.source = TextRef{at->Text(2), SpanAt(at.value(), 3)};
    a.source_name = at->Text(5);
    a.source_registry = at->Text(6);
    a.cue = TextRef{at->Text(7), SpanAt(at.value(), 8)};
    a.content = TextRef{at->Text(10), SpanAt(at.value(), 11)};
    a.parent = at->IsNull(13) ? -1 : static_cast<int>(at->Int(13));
    a.cites = at->IsNull(14) ? -1 : static_cast<int>(at->Int(14));
    out->attributions.push_back(std::move(a));
  }
  if (!s.ok()) return s;
  auto fl = db_.Prepare("SELECT kind, text, span_begin, span_end, detail FROM flags WHERE doc = ?1 ORDER BY rowid");
  if (!fl.ok()) return fl.status();
  fl->Bind(1, id);
  while (fl->Step(&s)) out->flags.push_back(Flag{fl->Text(0), fl->Text(1), SpanAt(fl.value(), 2), fl->Text(4)});
  if (!s.ok()) return s;
  auto cl = db_.Prepare("SELECT id FROM claims WHERE doc = ?1 ORDER BY idx");
  if (!cl.ok()) return cl.status();
  cl->Bind(1, id);
  while (cl->Step(&s)) out->claims.push_back(cl->Int(0));
  return s;
}

Status SqliteStore::SearchClaims(const std::string& query, size_t limit, std::vector<StoredClaim>* out) {
  out->clear();
  std::string q = SafeFtsQuery(query);
  if (q.empty()) return Status::InvalidArgument("empty search query");
  std::string sql = std::string("SELECT ") + kClaimColumns + kClaimFrom +
                    " JOIN (SELECT rowid AS hit, bm25(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH ?1) "
                    "h ON h.hit = c.id WHERE d.current = 1 ORDER BY h.rank LIMIT " +
                    std::to_string(limit == 0 ? 50 : limit);
  Status s = QueryClaims(sql, {q}, out);
  if (!s.ok()) return s;
  if (limit != 0 && out->size() >= limit) return s;
  // Then claims of documents whose text matches.
  std::string sql2 = std::string("SELECT ") + kClaimColumns + kClaimFrom +
                     " JOIN (SELECT rowid AS hit, bm25(documents_fts) AS rank FROM documents_fts WHERE documents_fts "
                     "MATCH ?1) h ON h.hit = c.doc WHERE d.current = 1 ORDER BY h.rank, c.id LIMIT " +
                     std::to_string((limit == 0 ? 50 : limit) * 2);
  std::vector<StoredClaim> more;
  s = QueryClaims(sql2, {q}, &more);
  if (!s.ok()) return s;
  for (auto& c : more) {
    if (limit != 0 && out->size() >= limit) break;
    bool seen = std::any_of(out->begin(), out->end(), [&](const StoredClaim& x) { return x.id == c.id; });
    if (!seen) out->push_back(std::move(c));
  }
  return Status::OK();
}

Status SqliteStore::Stats(StoreStats* out) {
  *out = StoreStats{};
  Status s;
  auto scalar = [&](const char* sql, size_t* v) {
    if (!s.ok()) return;
    auto st = db_.Prepare(sql);
    if (!st.ok()) {
      s = st.status();
      return;
    }
    *v = st->Step(&s) ? static_cast<size_t>(st->Int(0)) : 0;
  };
  scalar("SELECT count(*) FROM documents WHERE current = 1", &out->documents);
  scalar("SELECT count(*) FROM documents WHERE current = 0", &out->versions);
  scalar("SELECT count(*) FROM attributions", &out->attributions);
  scalar((std::string("SELECT count(*) FROM claims c WHERE ") + kCurrent).c_str(), &out->claims);
  scalar("SELECT count(*) FROM mentions", &out->mentions);
  scalar("SELECT count(*) FROM flags", &out->flags);
  scalar("SELECT count(DISTINCT copy_of) FROM documents WHERE current = 1 AND copy_of IS NOT NULL",
         &out->copy_clusters);
  scalar("SELECT count(*) FROM clusters", &out->claim_clusters);
  scalar("SELECT count(DISTINCT coalesce(outlet_id, outlet)) FROM documents WHERE current = 1", &out->outlets);
  size_t version = 0;
  scalar("PRAGMA user_version", &version);
  out->schema_version = static_cast<int>(version);
  if (!s.ok()) return s;
  auto group = [&](const char* sql, std::map<std::string, size_t>* m) {
    if (!s.ok()) return;
    auto st = db_.Prepare(sql);
    if (!st.ok()) {
      s = st.status();
      return;
    }
    while (st->Step(&s)) (*m)[st->Text(0)] = static_cast<size_t>(st->Int(1));
  };
  group((std::string("SELECT c.type, count(*) FROM claims c WHERE ") + kCurrent + " GROUP BY 1").c_str(),
        &out->claims_by_type);
  group((std::string("SELECT coalesce(c.actor_side, ''), count(*) FROM claims c WHERE ") + kCurrent + " GROUP BY 1")
            .c_str(),
        &out->claims_by_side);
  group("SELECT status, count(*) FROM clusters GROUP BY 1", &out->clusters_by_status);
  if (!s.ok()) return s;
  auto st = db_.Prepare(std::string("SELECT min(c.event_date), max(c.event_date) FROM claims c WHERE ") + kCurrent +
                        " AND c.event_date IS NOT NULL");
  if (!st.ok()) return st.status();
  if (st->Step(&s)) {
    out->first_date = st->Text(0);
    out->last_date = st->Text(1);
  }
  return s;
}

Status SqliteStore::Timeline(const ClaimFilter& f, std::vector<DayCount>* out) {
  out->clear();
  std::string where;
  std::vector<std::string> args;
  Status s = ClaimsWhere(f, &where, &args);
  if (!s.ok()) return s;
  auto st = db_.Prepare("SELECT substr(c.event_date, 1, 10), c.type, count(*) FROM claims c WHERE " + where +
                        " AND c.event_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  while (st->Step(&s)) {
    std::string day = st->Text(0);
    if (out->empty() || out->back().date != day) out->push_back(DayCount{day, {}});
    out->back().by_type[st->Text(1)] = static_cast<size_t>(st->Int(2));
  }
  return s;
}

Status SqliteStore::Places(const ClaimFilter& f, std::vector<PlaceCount>* out) {
  out->clear();
  std::string where;
  std::vector<std::string> args;
  Status s = ClaimsWhere(f, &where, &args);
  if (!s.ok()) return s;
  auto st = db_.Prepare(std::string("SELECT c.place_id, max(c.place_name), max(c.admin1), max(c.country), "
                                    "avg(c.lat), avg(c.lon), count(*) FROM claims c WHERE ") +
                        where +
                        " AND c.place_id IS NOT NULL AND c.lat IS NOT NULL GROUP BY c.place_id ORDER BY 7 DESC, 1");
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) st->Bind(static_cast<int>(i + 1), std::string_view(args[i]));
  while (st->Step(&s)) {
    PlaceCount p;
    p.id = st->Text(0);
    p.name = st->Text(1);
    p.admin1 = st->Text(2);
    p.country = st->Text(3);
    p.lat = st->Real(4);
    p.lon = st->Real(5);
    p.claims = static_cast<size_t>(st->Int(6));
    out->push_back(std::move(p));
  }
  return s;
}

}  // namespace store

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options) {
  auto s = std::make_unique<store::SqliteStore>();
  Status st = s->Open(options);
  if (!st.ok()) return st;
  return std::unique_ptr<Store>(std::move(s));
}

std::string DefaultStorePath() {
  if (const char* env = std::getenv("CLAIMTRACE_DB"); env && *env) return env;
  std::string base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = std::string(home) + "/.local/share";
  if (!base.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(base + "/claimtrace", ec);
    if (!ec) return base + "/claimtrace/claimtrace.db";
  }
  return "claimtrace.db";
}

}  // namespace claimtrace
