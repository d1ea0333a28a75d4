// ingest, link, claims, trace, export, stats: the store subcommands. Each
// opens the store named by --db (default: DefaultStorePath()), reports store
// errors as one line naming the file, and exits 3 when the store failed.
#include "store_commands.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "claimtrace/pipeline.h"
#include "claimtrace/store.h"
#include "cli_common.h"
#include "export/store_formats.h"

namespace claimtrace::cli {

struct StoreCommands {
  CLI::App* ingest = nullptr;
  CLI::App* link = nullptr;
  CLI::App* claims = nullptr;
  CLI::App* trace = nullptr;
  CLI::App* exporter = nullptr;
  CLI::App* stats = nullptr;

  std::string db;
  Common inputs;
  size_t batch = 2048;
  bool no_link = false;
  bool quiet = false;
  LinkOptions link_opts;
  ClaimFilter filter;
  std::string format;
  std::string output;
  int64_t claim_id = 0;
};

namespace {

void AddDb(CLI::App* cmd, StoreCommands* c) {
  cmd->add_option("--db", c->db,
                  "database file (default: $CLAIMTRACE_DB, else ~/.local/share/claimtrace/claimtrace.db, else "
                  "./claimtrace.db)");
}

void AddLinkOptions(CLI::App* cmd, LinkOptions* o) {
  cmd->add_option("--window-days", o->window_days, "claims of one event lie at most this many days apart (default 3)")
      ->check(CLI::Range(0, 365));
  cmd->add_option("--copy-threshold", o->copy_threshold,
                  "estimated Jaccard similarity of word shingles that makes two documents copies (default 0.25)")
      ->check(CLI::Range(0.05, 1.0));
  cmd->add_option("--wording-threshold", o->wording_threshold,
                  "word similarity two claim texts need unless they name one settlement (default 0.25)")
      ->check(CLI::Range(0.0, 1.0));
}

void AddFilters(CLI::App* cmd, ClaimFilter* f) {
  cmd->add_option("--type", f->type, "event type (surrender, retreat, attack, …): the claim's type or one of its types");
  cmd->add_option("--side", f->side, "actor side: RU, UA, another ISO code, other (not RU or UA), or unknown");
  cmd->add_option("--place", f->place, "place: its name, its region (admin1) or its gazetteer id, exactly (any case)");
  cmd->add_option("--since", f->since, "event date on or after YYYY-MM-DD");
  cmd->add_option("--until", f->until, "event date on or before YYYY-MM-DD");
  cmd->add_option("--status", f->status, "evidence status: single-source, one-sided, corroborated, disputed");
  cmd->add_option("--source", f->source, "a source anywhere in the chain, or the outlet");
  cmd->add_option("--text,--q", f->q, "words in the claim, or in its article's title (all of them; full-text search)");
  cmd->add_option("--cluster", f->cluster, "claims of one cluster");
  cmd->add_option("--sort", f->sort, "date, -date, type, cluster or reports (default date)");
  cmd->add_option("--limit", f->limit, "at most this many claims (default: all)");
  cmd->add_option("--offset", f->offset, "skip this many claims first");
}

Result<std::unique_ptr<Store>> Open(const StoreCommands& c, bool read_only) {
  StoreOptions o;
  o.path = c.db.empty() ? DefaultStorePath() : c.db;
  o.read_only = read_only;
  return OpenSqliteStore(o);
}

int StoreFailed(const Status& s) {
  std::fprintf(stderr, "claimtrace: %s\n", s.ToString().c_str());
  return 3;
}

int UsageError(const Status& s) {
  std::fprintf(stderr, "claimtrace: %s\n", s.ToString().c_str());
  return 2;
}

int Fail(const Status& s) {
  if (s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound) return UsageError(s);
  return StoreFailed(s);
}

void PrintLink(const LinkStats& l) {
  std::printf("linked         %zu documents, %zu claims in %.2f s: %zu copy clusters (%zu copy pairs), %zu claim "
              "clusters (%zu same-event pairs of %zu candidates)%s\n",
              l.documents, l.claims, l.seconds, l.copy_clusters, l.copy_pairs, l.claim_clusters, l.claim_pairs,
              l.candidate_pairs,
              l.skipped_blocks ? (", " + std::to_string(l.skipped_blocks) + " over-full blocking keys skipped").c_str()
                               : "");
}

int RunIngest(const StoreCommands& c) {
  auto store = Open(c, false);
  if (!store.ok()) return StoreFailed(store.status());
  PipelineOptions po;
  po.drop_chrome = !c.inputs.keep_chrome;
  Pipeline pipeline(po);
  InputReader reader(c.inputs.inputs, ReaderOpts(c.inputs));
  std::vector<Document> batch;
  std::vector<PutOutcome> outcomes;
  size_t counts[4] = {0, 0, 0, 0};
  size_t claims = 0, bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  Status failed;
  auto flush = [&]() -> bool {
    if (batch.empty()) return true;
    Status s = store.value()->Put(batch, &outcomes);
    if (!s.ok()) {
      failed = s;
      return false;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      ++counts[static_cast<int>(outcomes[i])];
      if (outcomes[i] == PutOutcome::kStored || outcomes[i] == PutOutcome::kNewVersion) claims += batch[i].claims.size();
    }
    batch.clear();
    return true;
  };
  Document doc;
  while (reader.Next(&doc)) {
    pipeline.Process(&doc);
    bytes += doc.raw.size();
    if (doc.error) {
      std::fprintf(stderr, "claimtrace: %s: %s\n", doc.input.c_str(), doc.error->c_str());
      ++counts[static_cast<int>(PutOutcome::kError)];
      continue;
    }
    // Keep what the store needs; drop the per-token structures early.
    doc.tokens.clear();
    doc.tokens.shrink_to_fit();
    doc.raw.clear();
    doc.raw.shrink_to_fit();
    batch.push_back(std::move(doc));
    doc = Document{};
    if (batch.size() >= c.batch && !flush()) break;
  }
  if (failed.ok()) flush();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  size_t docs = counts[0] + counts[1] + counts[2] + counts[3];
  if (!c.quiet) {
    std::printf("ingested       %zu documents (%.2f MB) in %.2f s: %.0f documents/s\n", docs, bytes / 1e6, secs,
                secs > 0 ? docs / secs : 0.0);
    std::printf("stored         %zu new, %zu new versions, %zu unchanged, %zu with errors; %zu claims\n",
                counts[static_cast<int>(PutOutcome::kStored)], counts[static_cast<int>(PutOutcome::kNewVersion)],
                counts[static_cast<int>(PutOutcome::kUnchanged)], counts[static_cast<int>(PutOutcome::kError)], claims);
  }
  if (!failed.ok()) {
    std::fprintf(stderr,
                 "claimtrace: %s\nclaimtrace: stopped; the batches committed before this one are stored whole\n",
                 failed.ToString().c_str());
    return 3;
  }
  if (!c.no_link) {
    LinkStats l;
    Status s = store.value()->Link(c.link_opts, &l);
    if (!s.ok()) return StoreFailed(s);
    if (!c.quiet) PrintLink(l);
  }
  return counts[static_cast<int>(PutOutcome::kError)] ? 1 : 0;
}

// The clusters of the listed claims, for their status and counts.
Status ClustersOf(Store* store, const std::vector<StoredClaim>& claims, std::map<int64_t, ClusterSummary>* out) {
  std::set<int64_t> ids;
  for (const auto& c : claims) {
    if (c.cluster) ids.insert(c.cluster);
  }
  for (int64_t id : ids) {
    ClusterSummary k;
    Status s = store->GetCluster(id, &k);
    if (!s.ok()) return s;
    (*out)[id] = std::move(k);
  }
  return Status::OK();
}

}  // namespace

std::shared_ptr<StoreCommands> AddStoreCommands(CLI::App* app) {
  auto c = std::make_shared<StoreCommands>();
  c->ingest = app->add_subcommand("ingest", "run the pipeline and store documents, claims and links in the database");
  AddDb(c->ingest, c.get());
  AddCommon(c->ingest, &c->inputs);
  c->ingest->add_option("--batch", c->batch, "documents per transaction (default 2048)")->check(CLI::Range(1, 100000));
  c->ingest->add_flag("--no-link", c->no_link, "store only; run `claimtrace link` later");
  c->ingest->add_flag("--quiet", c->quiet, "print nothing but errors");
  AddLinkOptions(c->ingest, &c->link_opts);

  c->link = app->add_subcommand("link", "recompute copies, claim clusters, roots and evidence status");
  AddDb(c->link, c.get());
  AddLinkOptions(c->link, &c->link_opts);

  c->claims = app->add_subcommand("claims", "list stored claims with their evidence status");
  AddDb(c->claims, c.get());
  AddFilters(c->claims, &c->filter);
  c->claims->add_option("--format", c->format, "table, jsonl or csv (default table)")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}));

  c->trace = app->add_subcommand("trace", "print the provenance tree of a claim's cluster");
  AddDb(c->trace, c.get());
  c->trace->add_option("claim", c->claim_id, "claim id (the first column of `claimtrace claims`)")->required();
  c->trace->add_option("--format", c->format, "text or json (default text)")->check(CLI::IsMember({"text", "json"}));

  c->exporter = app->add_subcommand("export", "write stored claims as JSON Lines, CSV, GeoJSON, ClaimReview or CAMEO");
  AddDb(c->exporter, c.get());
  AddFilters(c->exporter, &c->filter);
  c->exporter->add_option("--format", c->format, "jsonl, csv, geojson, claimreview or cameo")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "geojson", "claimreview", "cameo"}));
  c->exporter->add_option("-o,--output", c->output, "write to FILE instead of standard output");

  c->stats = app->add_subcommand("stats", "print what the database holds");
  AddDb(c->stats, c.get());
  c->stats->add_option("--format", c->format, "text or json (default text)")->check(CLI::IsMember({"text", "json"}));
  return c;
}

bool RunStoreCommand(const StoreCommands& c, int* exit_code) {
  if (*c.ingest) {
    *exit_code = RunIngest(c);
    return true;
  }
  if (*c.link) {
    auto store = Open(c, false);
    if (!store.ok()) return *exit_code = StoreFailed(store.status()), true;
    LinkStats l;
    Status s = store.value()->Link(c.link_opts, &l);
    if (!s.ok()) return *exit_code = StoreFailed(s), true;
    PrintLink(l);
    *exit_code = 0;
    return true;
  }
  if (!*c.claims && !*c.trace && !*c.exporter && !*c.stats) return false;
  auto store = Open(c, true);
  if (!store.ok()) return *exit_code = Fail(store.status()), true;
  Store* st = store.value().get();
  *exit_code = 0;
  if (*c.stats) {
    StoreStats stats;
    Status s = st->Stats(&stats);
    if (!s.ok()) return *exit_code = Fail(s), true;
    if (c.format == "json") std::cout << StatsJson(stats).dump() << "\n";
    else WriteStats(std::cout, stats);
    return true;
  }
  if (*c.trace) {
    Trace t;
    Status s = st->GetTrace(c.claim_id, &t);
    if (!s.ok()) return *exit_code = Fail(s), true;
    if (c.format == "json") std::cout << TraceJson(t).dump(2) << "\n";
    else WriteTrace(std::cout, t);
    return true;
  }
  std::vector<StoredClaim> rows;
  Status s = st->Claims(c.filter, &rows);
  if (!s.ok()) return *exit_code = Fail(s), true;
  std::map<int64_t, ClusterSummary> clusters;
  s = ClustersOf(st, rows, &clusters);
  if (!s.ok()) return *exit_code = Fail(s), true;
  if (*c.claims) {
    ClaimsFormat f = c.format == "jsonl" ? ClaimsFormat::kJsonl : c.format == "csv" ? ClaimsFormat::kCsv
                                                                                     : ClaimsFormat::kTable;
    WriteClaims(std::cout, rows, clusters, f);
    return true;
  }
  ExportFormat f = c.format == "jsonl"         ? ExportFormat::kJsonl
                   : c.format == "csv"         ? ExportFormat::kCsv
                   : c.format == "geojson"     ? ExportFormat::kGeoJson
                   : c.format == "claimreview" ? ExportFormat::kClaimReview
                                               : ExportFormat::kCameo;
  std::ofstream file;
  if (!c.output.empty()) {
    file.open(c.output, std::ios::binary | std::ios::trunc);
    if (!file) return *exit_code = UsageError(Status::IOError(c.output + ": cannot write")), true;
  }
  std::ostream& os = c.output.empty() ? std::cout : file;
  ExportSummary summary = WriteExport(os, rows, clusters, f);
  os.flush();
  if (f == ExportFormat::kGeoJson && summary.skipped_no_coordinates > 0) {
    std::fprintf(stderr, "claimtrace: %zu claims without coordinates left out of the GeoJSON\n",
                 summary.skipped_no_coordinates);
  }
  if (!os) return *exit_code = StoreFailed(Status::IOError((c.output.empty() ? "stdout" : c.output) + ": write failed")), true;
  return true;
}

}  // namespace claimtrace::cli
