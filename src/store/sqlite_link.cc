// Link: copies, claim clusters, roots and evidence status over the whole
// store, and the provenance trace of one claim's cluster.
//
// Everything cross-document is found through blocking keys grouped in SQL
// (`GROUP BY band_key`), never by comparing all pairs, so the same plan runs
// on a distributed database: MinHash LSH band keys of document texts give copy
// candidates; (type, settlement, time bucket) and (type, time bucket, claim
// word band) keys give claim candidates. Candidates are then checked with the
// rules of link/cluster_rules.h and joined with union-find. The result is
// deterministic (a cluster's id is its smallest claim id), so linking twice,
// or ingesting the same documents twice, changes nothing.
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "link/cluster_rules.h"
#include "link/minhash.h"
#include "store/sqlite_store.h"
#include "util/utf8.h"

namespace claimtrace::store {
namespace {

using json = nlohmann::ordered_json;

struct DocInfo {
  int64_t id = 0;
  std::string published, outlet, outlet_id, outlet_side;
  link::Signature sig;
  int64_t rep = 0;  // earliest document of its copy cluster (itself when none)
  double similarity = 0;
  int64_t old_copy_of = 0;
};

struct ClaimRow {
  link::ClaimFacts f;
  std::string place_name, event_date;
  std::optional<double> lat, lon;
  std::string root_name, root_kind, root_side, root_registry;
  std::vector<uint64_t> words;  // sorted, unique content-word hashes
  int64_t old_cluster = 0;
  std::string old_root_key;
  std::string root_key;
};

std::string Norm(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : util::Trim(s)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += util::AsciiLowerChar(c);
  }
  return out;
}

double SortedJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++both;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

uint64_t KeyHash(std::string_view a, std::string_view b, int64_t bucket, uint64_t band) {
  std::string k;
  k.reserve(a.size() + b.size() + 24);
  k.append(a).push_back('\x1f');
  k.append(b).push_back('\x1f');
  k.append(reinterpret_cast<const char*>(&bucket), sizeof bucket);
  k.append(reinterpret_cast<const char*>(&band), sizeof band);
  return XXH3_64bits(k.data(), k.size());
}

// Candidate groups from `SELECT key, id FROM … ORDER BY key`: consecutive
// rows with one key form a group (GROUP BY as an ordered scan: on the band
// table the primary key gives the order without a sort, and no id is turned
// into text and back). Groups of one are dropped; groups over max_block are
// skipped and counted.
template <typename Fn>
Status ForEachGroup(Db* db, const char* sql, size_t max_block, size_t* skipped, Fn&& fn) {
  auto st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  Status s;
  std::vector<int64_t> ids;
  int64_t key = 0;
  auto flush = [&] {
    if (ids.size() > max_block) ++*skipped;
    else if (ids.size() > 1) fn(ids);
    ids.clear();
  };
  while (st->Step(&s)) {
    int64_t k = st->Int(0);
    if (!ids.empty() && k != key) flush();
    key = k;
    ids.push_back(st->Int(1));
  }
  if (s.ok()) flush();
  return s;
}

// The pairs of a candidate group worth checking: each member against the
// group's first member and the kNeighbours members before it. Near-duplicates
// share many keys, so a group of n members costs O(n), not O(n^2), and
// union-find supplies the transitive links.
constexpr size_t kNeighbours = 8;
template <typename Fn>
void PairsInGroup(std::vector<int64_t>& ids, Fn&& fn) {
  std::sort(ids.begin(), ids.end());
  for (size_t j = 1; j < ids.size(); ++j) {
    size_t from = j > kNeighbours ? j - kNeighbours : 0;
    if (from > 0) fn(ids[0], ids[j]);
    for (size_t i = from; i < j; ++i) fn(ids[i], ids[j]);
  }
}

// Union-find over dense indices 0..n-1 (documents and claims are numbered as loaded).
class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n), size_(n, 1) {
    for (size_t i = 0; i < n; ++i) parent_[i] = static_cast<uint32_t>(i);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<uint32_t> parent_, size_;
};

bool EarlierDoc(const DocInfo& a, const DocInfo& b) {
  const std::string& pa = a.published.empty() ? std::string("9999") : a.published;
  const std::string& pb = b.published.empty() ? std::string("9999") : b.published;
  if (pa != pb) return pa < pb;
  return a.id < b.id;
}

}  // namespace

Status SqliteStore::Link(const LinkOptions& opt, LinkStats* stats) {
  if (options_.read_only) return Status::InvalidArgument(options_.path + ": opened read-only");
  auto t0 = std::chrono::steady_clock::now();
  LinkStats st_local;
  LinkStats& out = stats ? *stats : st_local;
  out = LinkStats{};
  Transaction tx(&db_);
  Status s = tx.Begin();
  if (!s.ok()) return s;

  // 1. Documents and their copies.
  std::vector<DocInfo> docs;
  std::unordered_map<int64_t, size_t> doc_at;
  {
    auto st = db_.Prepare(
        "SELECT id, published, outlet, outlet_id, outlet_side, signature, copy_of FROM documents WHERE current = 1 "
        "ORDER BY id");
    if (!st.ok()) return st.status();
    while (st->Step(&s)) {
      DocInfo d;
      d.id = st->Int(0);
      d.published = st->Text(1);
      d.outlet = st->Text(2);
      d.outlet_id = st->Text(3);
      d.outlet_side = st->Text(4);
      if (!link::DecodeSignature(st->Blob(5), &d.sig)) d.sig.clear();
      d.old_copy_of = st->Int(6);
      d.rep = d.id;
      doc_at[d.id] = docs.size();
      docs.push_back(std::move(d));
    }
    if (!s.ok()) return s;
  }
  out.documents = docs.size();
  // Candidate groups hold row ids; from here on documents and claims are
  // addressed by their index in `docs` / `claims`.
  DisjointSets copies(docs.size());
  {
    std::vector<int64_t> idx;
    s = ForEachGroup(&db_, "SELECT band_key, doc FROM doc_bands ORDER BY band_key",
                     opt.max_block, &out.skipped_blocks, [&](std::vector<int64_t>& ids) {
                       idx.clear();
                       for (int64_t id : ids) {
                         auto it = doc_at.find(id);
                         if (it != doc_at.end()) idx.push_back(static_cast<int64_t>(it->second));
                       }
                       PairsInGroup(idx, [&](int64_t a, int64_t b) {
                         uint32_t ia = static_cast<uint32_t>(a), ib = static_cast<uint32_t>(b);
                         if (copies.Find(ia) == copies.Find(ib)) return;
                         ++out.candidate_pairs;
                         const DocInfo& x = docs[ia];
                         const DocInfo& y = docs[ib];
                         if (x.sig.empty() || y.sig.empty()) return;
                         if (link::EstimateJaccard(x.sig, y.sig) >= opt.copy_threshold) {
                           ++out.copy_pairs;
                           copies.Union(ia, ib);
                         }
                       });
                     });
    if (!s.ok()) return s;
  }
  {
    std::unordered_map<uint32_t, int64_t> earliest;  // component root -> earliest doc
    for (size_t i = 0; i < docs.size(); ++i) {
      const DocInfo& d = docs[i];
      uint32_t c = copies.Find(static_cast<uint32_t>(i));
      auto it = earliest.find(c);
      if (it == earliest.end() || EarlierDoc(d, docs[doc_at[it->second]])) earliest[c] = d.id;
    }
    std::unordered_map<int64_t, size_t> sizes;
    for (size_t i = 0; i < docs.size(); ++i) {
      DocInfo& d = docs[i];
      d.rep = earliest[copies.Find(static_cast<uint32_t>(i))];
      ++sizes[d.rep];
      if (d.rep != d.id) d.similarity = link::EstimateJaccard(d.sig, docs[doc_at[d.rep]].sig);
    }
    for (const auto& [rep, n] : sizes) {
      if (n > 1) ++out.copy_clusters;
    }
    auto upd = db_.Prepare("UPDATE documents SET copy_of = ?1, copy_similarity = ?2 WHERE id = ?3");
    if (!upd.ok()) return upd.status();
    for (const DocInfo& d : docs) {
      int64_t copy_of = d.rep == d.id ? 0 : d.rep;
      if (copy_of == d.old_copy_of) continue;
      upd->Reset();
      if (copy_of) upd->Bind(1, copy_of).Bind(2, d.similarity);
      s = upd->Bind(3, d.id).Run();
      if (!s.ok()) return s;
    }
  }

  // 2. Claims and their blocking keys.
  std::vector<ClaimRow> claims;
  std::unordered_map<int64_t, size_t> claim_at;
  {
    auto st = db_.Prepare(
        "SELECT c.id, c.doc, c.type, c.actor_side, c.place_id, c.admin1, c.country, c.place_name, c.event_date, "
        "c.count_value, c.count_approx, c.polarity, c.modality, c.text, c.root_name, c.root_kind, c.root_side, "
        "c.root_registry, c.lat, c.lon, c.cluster, c.root_key FROM claims c JOIN documents d ON d.id = c.doc "
        "WHERE d.current = 1 ORDER BY c.id");
    if (!st.ok()) return st.status();
    while (st->Step(&s)) {
      ClaimRow r;
      r.f.id = st->Int(0);
      r.f.doc = st->Int(1);
      r.f.type = st->Text(2);
      r.f.side = st->Text(3);
      r.f.place_id = st->Text(4);
      r.f.admin1 = st->Text(5);
      r.f.country = st->Text(6);
      r.place_name = st->Text(7);
      r.f.place_is_admin1 = !r.f.admin1.empty() && r.place_name == r.f.admin1 &&
                            r.f.place_id.rfind("geonames:", 0) != 0;
      r.event_date = st->Text(8);
      r.f.day = link::DayNumber(r.event_date);
      r.f.pub_day = link::DayNumber(docs[doc_at[r.f.doc]].published);
      r.f.count = st->OptReal(9);
      r.f.count_approx = st->Int(10) != 0;
      r.f.denied = st->Text(11) == "denied";
      r.f.hypothetical = st->Text(12) == "hypothetical";
      r.f.text = st->Text(13);
      r.root_name = st->Text(14);
      r.root_kind = st->Text(15);
      r.root_side = st->Text(16);
      r.root_registry = st->Text(17);
      r.lat = st->OptReal(18);
      r.lon = st->OptReal(19);
      r.old_cluster = st->Int(20);
      r.old_root_key = st->Text(21);
      r.words = link::ContentWordHashes(r.f.text);
      std::sort(r.words.begin(), r.words.end());
      r.words.erase(std::unique(r.words.begin(), r.words.end()), r.words.end());
      claim_at[r.f.id] = claims.size();
      claims.push_back(std::move(r));
    }
    if (!s.ok()) return s;
  }
  out.claims = claims.size();
  s = db_.Exec("CREATE TEMP TABLE IF NOT EXISTS claim_keys (key INTEGER NOT NULL, claim INTEGER NOT NULL);"
               "DELETE FROM claim_keys;");
  if (!s.ok()) return s;
  {
    auto ins = db_.Prepare("INSERT INTO temp.claim_keys (key, claim) VALUES (?1, ?2)");
    if (!ins.ok()) return ins.status();
    const int width = opt.window_days + 1;  // two dates at most window_days apart share a bucket b or b+1
    link::MinHashParams words_params;
    words_params.shingle_words = 1;
    words_params.bands = 20;
    words_params.rows = 2;
    for (const ClaimRow& r : claims) {
      // Bucket -1 holds every claim, so an undated claim can meet dated ones too.
      std::vector<int64_t> buckets = {-1};
      for (int day : {r.f.day, r.f.pub_day}) {
        if (day < 0) continue;
        int64_t b = day / width;
        for (int64_t x : {b, b + 1}) {
          if (std::find(buckets.begin(), buckets.end(), x) == buckets.end()) buckets.push_back(x);
        }
      }
      std::vector<uint64_t> keys;
      bool settlement = link::LevelOf(r.f) == link::PlaceLevel::kSettlement;
      link::Signature sig = link::MinHash(r.words, words_params);
      std::vector<uint64_t> bands = link::BandKeys(sig, words_params);
      // Wording keys in the shared bucket only for claims with no date at all:
      // a dated claim meets undated ones through its settlement or copies.
      bool undated = r.f.day < 0 && r.f.pub_day < 0;
      for (int64_t b : buckets) {
        if (settlement) keys.push_back(KeyHash(r.f.type, r.f.place_id, b, 0));
        if (b >= 0 || undated) {
          for (uint64_t band : bands) keys.push_back(KeyHash(r.f.type, "~words", b, band));
        }
      }
      // Claims in copies of one article are candidates whatever their dates.
      int64_t rep = docs[doc_at[r.f.doc]].rep;
      keys.push_back(KeyHash(r.f.type, "~copy", rep, 0));
      for (uint64_t k : keys) {
        s = ins->Reset().Bind(1, static_cast<int64_t>(k)).Bind(2, r.f.id).Run();
        if (!s.ok()) return s;
      }
    }
  }
  DisjointSets same(claims.size());
  {
    std::vector<int64_t> idx;
    s = ForEachGroup(&db_,
                     "SELECT key, claim FROM temp.claim_keys ORDER BY key",
                     opt.max_block, &out.skipped_blocks, [&](std::vector<int64_t>& ids) {
                       idx.clear();
                       for (int64_t id : ids) idx.push_back(static_cast<int64_t>(claim_at[id]));
                       PairsInGroup(idx, [&](int64_t a, int64_t b) {
                         uint32_t ia = static_cast<uint32_t>(a), ib = static_cast<uint32_t>(b);
                         if (same.Find(ia) == same.Find(ib)) return;
                         ++out.candidate_pairs;
                         const ClaimRow& x = claims[ia];
                         const ClaimRow& y = claims[ib];
                         double wording = SortedJaccard(x.words, y.words);
                         if (link::SameEvent(x.f, y.f, wording, opt)) {
                           ++out.claim_pairs;
                           same.Union(ia, ib);
                         }
                       });
                     });
    if (!s.ok()) return s;
  }
  s = db_.Exec("DELETE FROM temp.claim_keys");
  if (!s.ok()) return s;

  // 3. Roots: the innermost source of each claim; the article's own voice is
  //    its copy cluster's original outlet (or that document).
  for (ClaimRow& r : claims) {
    const DocInfo& rep = docs[doc_at[docs[doc_at[r.f.doc]].rep]];
    if (!r.root_name.empty()) {
      if (!r.root_registry.empty()) r.root_key = "registry:" + r.root_registry;
      else if (r.root_kind == "anonymous") r.root_key = "anon:" + std::to_string(rep.id) + ":" + Norm(r.root_name);
      else r.root_key = "name:" + Norm(r.root_name);
    } else if (!rep.outlet_id.empty()) {
      r.root_key = "registry:" + rep.outlet_id;
    } else if (!rep.outlet.empty()) {
      r.root_key = "outlet:" + Norm(rep.outlet);
    } else {
      r.root_key = "doc:" + std::to_string(rep.id);
    }
  }

  // 4. Clusters, in order of their smallest claim id (the cluster id).
  std::unordered_map<uint32_t, std::vector<size_t>> members;
  std::vector<uint32_t> order;
  for (size_t i = 0; i < claims.size(); ++i) {
    uint32_t c = same.Find(static_cast<uint32_t>(i));
    auto& m = members[c];
    if (m.empty()) order.push_back(c);
    m.push_back(i);
  }
  out.claim_clusters = order.size();
  // Denials, by type, for "the same type, side and place denied" across clusters.
  std::unordered_map<std::string, std::vector<size_t>> denials;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].f.denied && link::LevelOf(claims[i].f) != link::PlaceLevel::kNone) denials[claims[i].f.type].push_back(i);
  }
  s = db_.Exec("DELETE FROM clusters");
  if (!s.ok()) return s;
  auto ins = db_.Prepare(
      "INSERT INTO clusters (id, type, side, place, place_id, admin1, country, lat, lon, first_date, last_date, "
      "claims, documents, outlets, independent_roots, roots_by_side, roots, denied, about_other_side, status, "
      "representative, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
      "?18, ?19, ?20, ?21, ?22)");
  if (!ins.ok()) return ins.status();
  auto upd = db_.Prepare("UPDATE claims SET cluster = ?1, root_key = ?2 WHERE id = ?3");
  if (!upd.ok()) return upd.status();
  for (uint32_t root : order) {
    const std::vector<size_t>& m = members[root];
    const int64_t cluster_id = claims[m.front()].f.id;
    std::set<int64_t> doc_set;
    std::set<std::string> outlet_set;
    std::map<std::string, size_t> side_votes;
    std::map<std::string, RootSource> roots;
    std::map<std::string, int64_t> root_first_doc;
    bool denied = false;
    size_t best_place = m.front();
    int best_level = -1;
    std::map<std::string, size_t> place_votes;
    std::string first_date, last_date;
    size_t rep = m.front();
    for (size_t i : m) {
      const ClaimRow& r = claims[i];
      const DocInfo& d = docs[doc_at[r.f.doc]];
      doc_set.insert(d.id);
      std::string outlet = !d.outlet_id.empty() ? d.outlet_id : Norm(d.outlet);
      if (!outlet.empty()) outlet_set.insert(outlet);
      if (!r.f.side.empty()) ++side_votes[r.f.side];
      if (r.f.denied) denied = true;
      int level = static_cast<int>(link::LevelOf(r.f));
      if (level > 0) {
        size_t votes = ++place_votes[r.f.place_id];
        if (level > best_level || (level == best_level && votes > place_votes[claims[best_place].f.place_id])) {
          best_level = level;
          best_place = i;
        }
      }
      if (!r.event_date.empty()) {
        if (first_date.empty() || r.event_date < first_date) first_date = r.event_date;
        if (last_date.empty() || r.event_date > last_date) last_date = r.event_date;
      }
      const ClaimRow& cur = claims[rep];
      bool earlier = (cur.f.denied && !r.f.denied) ||
                     (cur.f.denied == r.f.denied &&
                      (r.event_date.empty() ? std::string("9999") : r.event_date) <
                          (cur.event_date.empty() ? std::string("9999") : cur.event_date));
      if (earlier) rep = i;
      RootSource& rs = roots[r.root_key];
      if (rs.key.empty()) {
        rs.key = r.root_key;
        const DocInfo& rd = docs[doc_at[d.rep]];
        if (!r.root_name.empty()) {
          rs.name = r.root_name;
          rs.kind = r.root_kind;
          rs.side = r.root_side;
        } else {
          rs.name = !rd.outlet.empty() ? rd.outlet : "document " + std::to_string(rd.id);
          rs.kind = !rd.outlet.empty() ? "outlet" : "document";
          rs.side = rd.outlet_side;
        }
        root_first_doc[r.root_key] = d.id;
      }
      ++rs.claims;
      const std::string& when = d.published.empty() ? r.event_date : d.published;
      if (!when.empty() && (rs.first_date.empty() || when < rs.first_date)) rs.first_date = when;
      root_first_doc[r.root_key] = std::min(root_first_doc[r.root_key], d.id);
    }
    std::string side;
    size_t side_best = 0;
    for (const auto& [k, v] : side_votes) {
      if (v > side_best) side = k, side_best = v;
    }
    const ClaimRow& place = claims[best_place];
    if (!denied && best_level > 0) {
      auto it = denials.find(place.f.type);
      if (it != denials.end()) {
        for (size_t j : it->second) {
          const ClaimRow& dn = claims[j];
          if (!dn.f.side.empty() && !side.empty() && dn.f.side != side) continue;
          if (!link::PlacesCompatible(dn.f, place.f)) continue;
          bool near = false;
          // Outside the cluster a denial must be dated near it: undated ones could be about any day.
          for (size_t i : m) {
            int gap = -1;
            near = near || (link::DatesCompatible(dn.f, claims[i].f, opt.window_days, &gap) && gap >= 0);
          }
          if (!near) continue;
          denied = true;
          break;
        }
      }
    }
    std::vector<RootSource> root_list;
    for (auto& [k, v] : roots) root_list.push_back(v);
    std::sort(root_list.begin(), root_list.end(), [&](const RootSource& a, const RootSource& b) {
      std::string da = a.first_date.empty() ? "9999" : a.first_date, db = b.first_date.empty() ? "9999" : b.first_date;
      if (da != db) return da < db;
      return root_first_doc[a.key] < root_first_doc[b.key];
    });
    std::vector<link::RootFacts> facts;
    std::map<std::string, size_t> by_side;
    json roots_json = json::array();
    bool other_side = !side.empty();
    bool any_known = false;
    for (const RootSource& r : root_list) {
      facts.push_back({r.key, r.side});
      ++by_side[r.side];
      if (!r.side.empty()) {
        any_known = true;
        if (r.side == side) other_side = false;
      }
      roots_json.push_back(json{{"key", r.key}, {"name", r.name}, {"kind", r.kind}, {"side", r.side},
                                {"first_date", r.first_date}, {"claims", r.claims}});
    }
    other_side = other_side && any_known;
    std::string status = link::EvidenceStatus(facts, denied);
    ins->Reset()
        .Bind(1, cluster_id)
        .Bind(2, std::string_view(place.f.type))
        .BindText(3, side)
        .BindText(4, best_level > 0 ? place.place_name : std::string())
        .BindText(5, best_level > 0 ? place.f.place_id : std::string())
        .BindText(6, best_level > 0 ? place.f.admin1 : std::string())
        .BindText(7, best_level > 0 ? place.f.country : std::string());
    if (best_level > 0) ins->Bind(8, place.lat).Bind(9, place.lon);
    ins->BindText(10, first_date)
        .BindText(11, last_date)
        .Bind(12, static_cast<int64_t>(m.size()))
        .Bind(13, static_cast<int64_t>(doc_set.size()))
        .Bind(14, static_cast<int64_t>(outlet_set.size()))
        .Bind(15, static_cast<int64_t>(root_list.size()))
        .Bind(16, std::string_view(json(by_side).dump()))
        .Bind(17, std::string_view(roots_json.dump()))
        .Bind(18, denied ? 1 : 0)
        .Bind(19, other_side ? 1 : 0)
        .Bind(20, std::string_view(status))
        .Bind(21, claims[rep].f.id)
        .Bind(22, std::string_view(claims[rep].f.text));
    s = ins->Run();
    if (!s.ok()) return s;
    for (size_t i : m) {
      const ClaimRow& r = claims[i];
      if (r.old_cluster == cluster_id && r.old_root_key == r.root_key) continue;
      s = upd->Reset().Bind(1, cluster_id).Bind(2, std::string_view(r.root_key)).Bind(3, r.f.id).Run();
      if (!s.ok()) return s;
    }
  }
  s = tx.Commit();
  if (!s.ok()) return s;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return Status::OK();
}

namespace {

std::string SourceKey(const ClaimSource& src) {
  if (!src.registry.empty()) return "registry:" + src.registry;
  return "name:" + Norm(src.name.empty() ? src.text : src.name);
}

}  // namespace

Status SqliteStore::GetTrace(int64_t claim_id, Trace* out) {
  *out = Trace{};
  StoredClaim claim;
  Status s = GetClaim(claim_id, &claim);
  if (!s.ok()) return s;
  if (claim.cluster == 0) {
    return Status::NotFound("claim " + std::to_string(claim_id) + " is not linked yet (run `claimtrace link`)");
  }
  s = GetCluster(claim.cluster, &out->cluster);
  if (!s.ok()) return s;
  ClaimFilter f;
  f.cluster = claim.cluster;
  std::vector<StoredClaim> rows;
  s = Claims(f, &rows);
  if (!s.ok()) return s;
  std::unordered_map<int64_t, std::string> root_keys;
  {
    auto st = db_.Prepare("SELECT id, root_key FROM claims WHERE cluster = ?1");
    if (!st.ok()) return st.status();
    st->Bind(1, claim.cluster);
    while (st->Step(&s)) root_keys[st->Int(0)] = st->Text(1);
    if (!s.ok()) return s;
  }
  std::map<std::string, size_t> node_at;
  std::set<std::tuple<std::string, std::string, std::string>> edge_seen;
  auto source_node = [&](const std::string& key, const std::string& name, const std::string& kind,
                         const std::string& side) {
    if (key.rfind("doc:", 0) == 0) return key;
    std::string id = "src:" + key;
    if (!node_at.count(id)) {
      TraceNode n;
      n.id = id;
      n.kind = "source";
      n.label = name;
      n.source_kind = kind;
      n.side = side;
      node_at[id] = out->nodes.size();
      out->nodes.push_back(std::move(n));
    }
    return id;
  };
  auto doc_node = [&](int64_t doc, int64_t claim_row, const StoredClaim* c) -> Status {
    std::string id = "doc:" + std::to_string(doc);
    auto it = node_at.find(id);
    if (it != node_at.end()) {
      if (claim_row && !out->nodes[it->second].claim) out->nodes[it->second].claim = claim_row;
      return Status::OK();
    }
    TraceNode n;
    n.id = id;
    n.kind = "document";
    n.doc = doc;
    n.claim = claim_row;
    if (c) {
      n.date = c->published;
      n.url = c->url;
      n.outlet = c->outlet;
      n.copy_of = c->copy_of;
      n.side = c->outlet_side;
      n.label = (c->outlet.empty() ? c->input : c->outlet) + (c->title.empty() ? "" : ": " + c->title);
    } else {
      auto st = db_.Prepare(
          "SELECT published, url, outlet, title, input, copy_of, outlet_side FROM documents WHERE id = ?1");
      if (!st.ok()) return st.status();
      st->Bind(1, doc);
      Status e;
      if (st->Step(&e)) {
        n.date = st->Text(0);
        n.url = st->Text(1);
        n.outlet = st->Text(2);
        n.copy_of = st->Int(5);
        n.side = st->Text(6);
        n.label = (n.outlet.empty() ? st->Text(4) : n.outlet) + (st->Text(3).empty() ? "" : ": " + st->Text(3));
      }
      if (!e.ok()) return e;
    }
    node_at[id] = out->nodes.size();
    out->nodes.push_back(std::move(n));
    return Status::OK();
  };
  auto edge = [&](const std::string& from, const std::string& to, const char* kind, const std::string& cue) {
    if (from == to) return;
    if (!edge_seen.insert({from, to, kind}).second) return;
    out->edges.push_back(TraceEdge{from, to, kind, cue});
  };
  // Each outlet's own documents in the cluster, so a citation of that outlet links to its article.
  std::map<std::string, std::vector<const StoredClaim*>> by_outlet;
  for (const StoredClaim& c : rows) {
    if (!c.outlet_id.empty()) by_outlet[c.outlet_id].push_back(&c);
  }
  std::map<std::string, const RootSource*> root_info;
  for (const RootSource& r : out->cluster.roots) root_info[r.key] = &r;
  for (const StoredClaim& c : rows) {
    s = doc_node(c.doc, c.id, &c);
    if (!s.ok()) return s;
    const std::string d = "doc:" + std::to_string(c.doc);
    const std::string& rk = root_keys[c.id];
    const RootSource* ri = root_info.count(rk) ? root_info[rk] : nullptr;
    std::string via_copy;  // the original this document copies
    if (c.copy_of != 0 && c.copy_of != c.doc) {
      s = doc_node(c.copy_of, 0, nullptr);
      if (!s.ok()) return s;
      via_copy = "doc:" + std::to_string(c.copy_of);
      edge(via_copy, d, "copy", "");
    }
    const std::string& last = via_copy.empty() ? d : via_copy;
    const auto& chain = c.claim.chain;
    if (chain.empty()) {
      std::string root = source_node(rk, ri ? ri->name : c.outlet, ri ? ri->kind : "outlet",
                                     ri ? ri->side : c.outlet_side);
      edge(root, last, "own_voice", "");
      continue;
    }
    // The outlet cited first, when its own article is in the cluster: link to that document.
    const ClaimSource& cited = chain.front();
    if (!cited.registry.empty() && cited.registry != c.outlet_id) {
      auto it = by_outlet.find(cited.registry);
      const StoredClaim* target = nullptr;
      if (it != by_outlet.end()) {
        for (const StoredClaim* o : it->second) {
          if (o->doc == c.doc) continue;
          if (!c.published.empty() && !o->published.empty() && o->published > c.published) continue;
          if (!target || o->published < target->published) target = o;
        }
      }
      if (target) {
        edge("doc:" + std::to_string(target->doc), last, "cites", cited.cue);
        continue;
      }
    }
    std::vector<std::string> path(chain.size());
    for (size_t i = 0; i < chain.size(); ++i) {
      bool innermost = i + 1 == chain.size();
      std::string key = innermost && !rk.empty() ? rk : SourceKey(chain[i]);
      path[i] = source_node(key, chain[i].name.empty() ? chain[i].text : chain[i].name, chain[i].kind, chain[i].side);
    }
    for (size_t i = chain.size() - 1; i > 0; --i) edge(path[i], path[i - 1], "said", chain[i].cue);
    edge(path[0], last, "cites", chain[0].cue);
  }
  if (!out->cluster.roots.empty()) {
    const std::string& first = out->cluster.roots.front().key;
    std::string id = first.rfind("doc:", 0) == 0 ? first : "src:" + first;
    if (auto it = node_at.find(id); it != node_at.end()) out->nodes[it->second].first_source = true;
  }
  return Status::OK();
}

}  // namespace claimtrace::store
