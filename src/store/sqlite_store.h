// The SQLite store (include/claimtrace/store.h): internal declarations shared
// by sqlite_store.cc (open, migrations, Put, queries) and sqlite_link.cc
// (Link and provenance traces).
#ifndef CLAIMTRACE_STORE_SQLITE_STORE_H_
#define CLAIMTRACE_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "claimtrace/store.h"
#include "store/sqlite_db.h"

namespace claimtrace::store {

// The newest schema this build knows (data/schema/NNNN_*.sql).
int LatestSchemaVersion();

class SqliteStore final : public Store {
 public:
  Status Open(const StoreOptions& options);

  Status Put(const std::vector<Document>& batch, std::vector<PutOutcome>* outcomes) override;
  Status Link(const LinkOptions& options, LinkStats* stats) override;
  Status Claims(const ClaimFilter& filter, std::vector<StoredClaim>* out) override;
  Status CountClaims(const ClaimFilter& filter, size_t* count) override;
  Status GetClaim(int64_t id, StoredClaim* out) override;
  Status Clusters(const ClaimFilter& filter, std::vector<ClusterSummary>* out) override;
  Status CountClusters(const ClaimFilter& filter, size_t* count) override;
  Status GetCluster(int64_t id, ClusterSummary* out) override;
  Status GetTrace(int64_t claim_id, Trace* out) override;
  Status GetDocument(int64_t id, StoredDocument* out) override;
  Status SearchClaims(const std::string& query, size_t limit, std::vector<StoredClaim>* out) override;
  Status Stats(StoreStats* out) override;
  Status Timeline(const ClaimFilter& filter, std::vector<DayCount>* out) override;
  Status Places(const ClaimFilter& filter, std::vector<PlaceCount>* out) override;

 private:
  Status Migrate();
  Status PutOne(const Document& doc, int64_t batch, PutOutcome* outcome);
  Status PrepareWrites();
  // The WHERE clause of `filter` over `claims c`. `page`: for a query that
  // walks claims in order and stops at a limit (conditions checked per row),
  // rather than one that reads every match (conditions as sets).
  Status ClaimsWhere(const ClaimFilter& filter, std::string* where, std::vector<std::string>* args,
                     bool page = false) const;
  Status QueryClaims(const std::string& sql, const std::vector<std::string>& args, std::vector<StoredClaim>* out);

  Db db_;
  std::vector<std::pair<int64_t, int64_t>> pending_bands_;  // (band key, document) of the batch being put
  StoreOptions options_;
  // Prepared once for Put.
  Stmt find_doc_, max_version_, retire_, insert_doc_, insert_doc_fts_, insert_band_, insert_att_, insert_claim_,
      insert_claim_fts_, insert_claim_sources_, insert_mention_, insert_flag_, insert_batch_;
};

}  // namespace claimtrace::store

#endif  // CLAIMTRACE_STORE_SQLITE_STORE_H_
