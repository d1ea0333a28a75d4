// Store: where processed documents, their claims and the links between them
// live (see DESIGN.md "link" and "store").
//
// Usage:
//   claimtrace::StoreOptions opts;
//   opts.path = "claimtrace.db";
//   auto store = claimtrace::OpenSqliteStore(opts);
//   if (!store.ok()) { ... store.status().message() ... }
//   std::vector<claimtrace::PutOutcome> outcomes;
//   Status s = (*store)->Put(batch, &outcomes);   // one transaction per batch
//   s = (*store)->Link({}, &link_stats);          // copies, claim clusters, roots, status
//   std::vector<claimtrace::StoredClaim> rows;
//   s = (*store)->Claims(filter, &rows);
//
// SQLite is the embedded default (src/store/sqlite_store.cc); another database
// (PostgreSQL, ClickHouse) implements this same interface, so no stage calls
// SQL directly. A Store is used from one thread at a time; several processes
// may open the same file (readers go on while one writer writes).
//
// Errors (Status codes) any call may return:
//   kIOError           the database could not be opened, read or written
//                      (read-only file or folder, disk full, locked too long)
//   kCorruption        the file is not a claimtrace database or is damaged
//   kUnsupported       the file was written by a newer claimtrace (schema version)
//   kInvalidArgument   a bad filter value (e.g. a date that is not YYYY-MM-DD)
//   kNotFound          an id that is not stored (Claim, Trace, Document)
// A failed Put or Link rolls back: nothing of that call is stored.
#ifndef CLAIMTRACE_STORE_H_
#define CLAIMTRACE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace {

struct StoreOptions {
  std::string path;               // database file; created when absent (unless read_only)
  bool read_only = false;         // open for queries only (claims, trace, export, stats, serve)
  int busy_timeout_ms = 10'000;   // how long to wait for another process's write lock
};

// What Put did with one document of a batch.
enum class PutOutcome {
  kStored,      // new document
  kNewVersion,  // same url (or input) as a stored document, different content
  kUnchanged,   // this exact document (same doc_id) is already stored
  kError,       // the document carries an error; stored as such, with no claims
};

// Tunable rules of Link (README "Provenance" documents each).
struct LinkOptions {
  // Copies: MinHash over word shingles, LSH bands; a candidate pair is a copy
  // when its estimated Jaccard similarity reaches this.
  double copy_threshold = 0.25;
  // Claim clusters.
  int window_days = 3;             // event (or publication) dates at most this far apart
  double wording_threshold = 0.25; // word similarity of claim texts without a shared specific place
  double count_ratio = 2.0;        // counts compatible when max/min <= this (approximate counts double it)
  size_t max_block = 2'000;        // a blocking key shared by more rows than this is skipped (and counted)
};

struct LinkStats {
  size_t documents = 0, claims = 0;
  size_t copy_pairs = 0, copy_clusters = 0;      // clusters of 2+ documents
  size_t claim_pairs = 0, claim_clusters = 0;    // clusters of any size
  size_t candidate_pairs = 0;                    // pairs checked by the rules
  size_t skipped_blocks = 0;                     // blocking keys over max_block
  double seconds = 0;
};

// A stored claim with the context the CLI, exports and API show.
struct StoredClaim {
  int64_t id = 0;                 // store-wide claim id (what `trace` takes)
  int64_t doc = 0;                // store-wide document row id
  std::string doc_id;             // the pipeline's content hash
  std::string url, input, title, published, outlet, outlet_id, outlet_side;
  Claim claim;                    // as the pipeline produced it (claim.id is "doc_id#n")
  std::string trigger_text;       // the words at claim.trigger
  std::string event_date;         // claim.time->date, else the publication date, else empty
  int64_t cluster = 0;            // claim cluster id (0 before Link)
  std::string status;             // the cluster's evidence status (empty before Link)
  int64_t copy_of = 0;            // document row id of the earliest copy of this document, 0 if none
};

// A source at the end (root) of one or more chains in a cluster.
struct RootSource {
  std::string key;                // what makes roots the same: "registry:tass", "name:sergei ivanov", "doc:12"
  std::string name, kind, side;
  std::string first_date;         // earliest publication date of a document reporting through it
  size_t claims = 0;
};

struct ClusterSummary {
  int64_t id = 0;
  std::string type, side;         // event type; actor side (most common known one)
  std::string place, place_id, admin1, country;
  std::optional<double> lat, lon;
  std::string first_date, last_date;  // event dates spanned
  size_t claims = 0, documents = 0, outlets = 0;
  size_t independent_roots = 0;
  std::map<std::string, size_t> roots_by_side;  // "UA" -> 2, "" (unknown) -> 1
  std::vector<RootSource> roots;  // earliest first; roots[0] is the first source
  bool denied = false;            // a denial inside the cluster or of the same type, side and place
  bool about_other_side = false;  // every root of a known side differs from the actor side
  std::string status;             // single-source | one-sided | corroborated | disputed
  int64_t representative = 0;     // claim id whose text stands for the cluster
  std::string text;               // that claim's text
};

// A node of a provenance graph: a source (registry entry or name) or a document.
struct TraceNode {
  std::string id;                 // "src:<key>" or "doc:<row id>"
  std::string kind;               // "source" or "document"
  std::string label;              // source name, or outlet + title
  std::string source_kind;        // for sources: registry/guessed kind
  std::string side;               // a source's side; a document's outlet side
  std::string date, url, outlet;  // for documents
  int64_t doc = 0;                // for documents: row id
  int64_t claim = 0;              // for documents: the claim of the cluster it carries
  int64_t copy_of = 0;            // for documents: the earliest copy it duplicates
  bool first_source = false;
};

struct TraceEdge {
  std::string from, to;           // from the source towards the document that reports it
  std::string kind;               // "said" (source told an intermediary), "cites", "copy", "own_voice"
  std::string cue;
};

struct Trace {
  ClusterSummary cluster;
  std::vector<TraceNode> nodes;
  std::vector<TraceEdge> edges;
};

// Which claims a query returns (docs/api.md "Filters"); every field is
// optional (empty or 0: any) and they combine with AND.
struct ClaimFilter {
  std::string type;    // claim.type equals it, or claim.types contains it
  std::string side;    // actor side (case-insensitive); "other": a known side
                       // other than UA and RU; "unknown": no actor or no side
  std::string place;   // place id, name or admin1 equals it (ASCII case-insensitive)
  std::string since, until;  // event_date within [since, until], YYYY-MM-DD
  std::string status;  // cluster status: single-source | one-sided | corroborated | disputed
  std::string source;  // case-insensitive substring of the outlet's name or id,
                       // or of a chain link's name, text or registry id
  std::string q;       // words (all of them) in the claim text, or all in the
                       // document title; full-text search, never FTS syntax
  int64_t cluster = 0;
  std::string sort = "date";      // date | -date | type | cluster | reports
  size_t limit = 0, offset = 0;   // limit 0: all
};

struct StoredDocument {
  int64_t id = 0;
  int version = 1;
  std::string doc_id, input, url, outlet, outlet_id, outlet_side, title, author, published, lang, text, error;
  int64_t copy_of = 0;
  double copy_similarity = 0;
  std::vector<Attribution> attributions;
  std::vector<Flag> flags;
  std::vector<int64_t> claims;
};

// Claims per day by type, and claims per place: the timeline and map of the web UI.
struct DayCount {
  std::string date;
  std::map<std::string, size_t> by_type;
};
struct PlaceCount {
  std::string name, id, admin1, country;
  double lat = 0, lon = 0;
  size_t claims = 0;
};

struct StoreStats {
  size_t documents = 0, versions = 0, errors = 0, attributions = 0, claims = 0, mentions = 0, flags = 0;
  size_t copy_clusters = 0, claim_clusters = 0, outlets = 0;
  int schema_version = 0;
  std::map<std::string, size_t> claims_by_type, clusters_by_status, claims_by_side;
  std::string first_date, last_date;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores a batch of processed documents in one transaction: documents,
  // attributions, claims, mentions, flags and their MinHash band keys.
  // `outcomes` (may be null) gets one entry per document.
  virtual Status Put(const std::vector<Document>& batch, std::vector<PutOutcome>* outcomes) = 0;

  // Recomputes copies, claim clusters, citation edges, roots and evidence
  // status over everything stored, in one transaction.
  virtual Status Link(const LinkOptions& options, LinkStats* stats) = 0;

  virtual Status Claims(const ClaimFilter& filter, std::vector<StoredClaim>* out) = 0;
  virtual Status CountClaims(const ClaimFilter& filter, size_t* count) = 0;
  virtual Status GetClaim(int64_t id, StoredClaim* out) = 0;
  // Clusters holding at least one claim that passes the filter.
  virtual Status Clusters(const ClaimFilter& filter, std::vector<ClusterSummary>* out) = 0;
  virtual Status CountClusters(const ClaimFilter& filter, size_t* count) = 0;
  virtual Status GetCluster(int64_t id, ClusterSummary* out) = 0;
  virtual Status GetTrace(int64_t claim_id, Trace* out) = 0;
  virtual Status GetDocument(int64_t id, StoredDocument* out) = 0;
  // Full-text search (FTS5 syntax) over document and claim text.
  virtual Status SearchClaims(const std::string& query, size_t limit, std::vector<StoredClaim>* out) = 0;
  virtual Status Stats(StoreStats* out) = 0;
  virtual Status Timeline(const ClaimFilter& filter, std::vector<DayCount>* out) = 0;
  virtual Status Places(const ClaimFilter& filter, std::vector<PlaceCount>* out) = 0;
};

// Opens (creating and migrating when needed) a SQLite store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options);

// The default database path: $CLAIMTRACE_DB, else $XDG_DATA_HOME/claimtrace/claimtrace.db
// (~/.local/share/…) when that folder exists or can be made, else ./claimtrace.db.
std::string DefaultStorePath();

}  // namespace claimtrace

#endif  // CLAIMTRACE_STORE_H_
