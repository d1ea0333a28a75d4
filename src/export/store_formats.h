// What the store's commands print: `claimtrace claims`, `trace`, `export` and
// `stats`, and the bodies of the HTTP API. Each format is described in
// docs/export.md; field names follow the extract contract (DESIGN.md "Output
// contract") wherever a field is the same thing.
//
// Usage:
//   std::vector<claimtrace::StoredClaim> rows;          // from Store::Claims
//   std::map<int64_t, claimtrace::ClusterSummary> clusters;  // by cluster id, from Store::Clusters
//   claimtrace::WriteClaims(std::cout, rows, clusters, claimtrace::ClaimsFormat::kTable);
//   auto s = claimtrace::WriteExport(out, rows, clusters, claimtrace::ExportFormat::kGeoJson);
//   if (s.skipped_no_coordinates) std::cerr << s.skipped_no_coordinates << " claims have no coordinates\n";
//
// These are pure functions of their arguments: no I/O besides the stream, no
// clock (exports of the same rows are byte-identical), safe to call from any
// number of threads on distinct streams. They never throw on bad data:
// invalid UTF-8 in stored text is replaced by U+FFFD in JSON and in the
// terminal formats; stream errors are left to the caller (check `out` after).
//
// Text meant for a terminal (table, trace, stats) has control characters
// (ESC and the rest of C0/C1) replaced by spaces, so a stored page cannot send
// escape sequences to the reader's terminal.
#ifndef CLAIMTRACE_EXPORT_STORE_FORMATS_H_
#define CLAIMTRACE_EXPORT_STORE_FORMATS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "claimtrace/store.h"

namespace claimtrace {

// ---------------------------------------------------------------------------
// JSON bodies (also the HTTP API's). Every key is always present; an unknown
// value is null, never a missing key or an empty string.

// The claim in the extract contract's fields (id, type, types, text, span,
// trigger, actor, place, count, time, chain, root, polarity, modality, hedges,
// attribution, headline) with `claim_id` (the store id) first and the store's
// fields after: doc {id, doc_id, url, input, title, published, outlet {name,
// id, side}}, event_date, cluster, status, copy_of (null when 0 or empty).
nlohmann::ordered_json StoredClaimJson(const StoredClaim& claim);

// {id, type, side, place {name, id, admin1, country, lat, lon} | null,
//  first_date, last_date, claims, documents, outlets, independent_roots,
//  roots_by_side {"UA": 2, "unknown": 1}, roots [{key, name, kind, side,
//  first_date, claims}] (earliest first: roots[0] is the first source),
//  denied, about_other_side, status, representative, text}
nlohmann::ordered_json ClusterJson(const ClusterSummary& cluster);

// For graph libraries: {cluster: ClusterJson, nodes: [{id, kind, label, …}],
// edges: [{from, to, kind, cue}]}. Source nodes carry source_kind, side,
// first_source; document nodes date, url, outlet, doc, claim, copy_of, side
// (the outlet's), first_source.
nlohmann::ordered_json TraceJson(const Trace& trace);

nlohmann::ordered_json StatsJson(const StoreStats& stats);

// {id, version, doc_id, input, url, outlet {name, id, side} | null, title, author,
//  published, lang, text, error, copy_of, copy_similarity, claim_ids [int],
//  attributions [as in the extract contract], flags [as in the contract]}
nlohmann::ordered_json StoredDocumentJson(const StoredDocument& document);

// ---------------------------------------------------------------------------
// `claimtrace claims`

enum class ClaimsFormat {
  kTable,  // fixed-width columns for a terminal, one claim a line
  kJsonl,  // one StoredClaimJson a line
  kCsv,    // RFC 4180, header row, the flat columns of docs/export.md
};
std::optional<ClaimsFormat> ParseClaimsFormat(std::string_view name);  // "table" | "jsonl" | "csv"

// `clusters` (by cluster id; may be empty or partial) adds the size of each
// claim's cluster to the table and the CSV.
void WriteClaims(std::ostream& out, const std::vector<StoredClaim>& claims,
                 const std::map<int64_t, ClusterSummary>& clusters, ClaimsFormat format);

// ---------------------------------------------------------------------------
// `claimtrace export`

enum class ExportFormat {
  kJsonl,        // as WriteClaims
  kCsv,          // as WriteClaims
  kGeoJson,      // FeatureCollection, one Point per claim with coordinates
  kClaimReview,  // JSON array of schema.org ClaimReview objects, one per claim cluster
  kCameo,        // tab-separated CAMEO-coded event rows with a header
};
std::optional<ExportFormat> ParseExportFormat(std::string_view name);  // jsonl csv geojson claimreview cameo

struct ExportSummary {
  size_t written = 0;                 // features, rows or ClaimReview objects written
  size_t skipped_no_coordinates = 0;  // geojson: claims left out for want of coordinates
};

ExportSummary WriteExport(std::ostream& out, const std::vector<StoredClaim>& claims,
                          const std::map<int64_t, ClusterSummary>& clusters, ExportFormat format);

// ---------------------------------------------------------------------------
// `claimtrace trace` and `claimtrace stats`

// A header with the cluster's counts, then the provenance tree from each root
// source through the sources that relayed it down to each document. A node
// reachable from several parents is printed under each; a cycle is cut where
// it closes (marked "↺"); nodes no root reaches are printed after the trees.
// Output is capped at `max_lines` tree lines (a note says how many were left out).
void WriteTrace(std::ostream& out, const Trace& trace, size_t max_lines = 5'000);

void WriteStats(std::ostream& out, const StoreStats& stats);

// ---------------------------------------------------------------------------
// Helpers, exposed for the CLI and tests.

// Terminal columns of UTF-8 text: East Asian wide and fullwidth characters
// take 2, combining marks and format characters 0, the rest 1.
size_t DisplayWidth(std::string_view text);
// At most `width` columns of `text` on one line: whitespace runs (newlines
// too) become one space, control characters a space, invalid UTF-8 U+FFFD;
// cut at a character boundary with "…" when it does not fit.
std::string Shorten(std::string_view text, size_t width);
// Shorten, then padded with spaces to exactly `width` columns.
std::string PadRight(std::string_view text, size_t width);

// One CSV field: quoted when it holds a comma, quote, CR or LF (quotes
// doubled). With `guard`, a field starting with = + - @ TAB or CR gets a
// leading apostrophe first, so spreadsheets show it as text, not a formula.
std::string CsvField(std::string_view value, bool guard = true);

}  // namespace claimtrace

#endif  // CLAIMTRACE_EXPORT_STORE_FORMATS_H_
