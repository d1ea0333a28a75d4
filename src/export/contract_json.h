// The pieces of the `claimtrace extract` JSON contract (DESIGN.md "Output
// contract") that other writers reuse: the store's claim and document bodies
// (export/store_formats.h) carry a claim, an attribution and a flag in exactly
// the field names and order of ToJsonLine. Internal to src/.
#ifndef CLAIMTRACE_EXPORT_CONTRACT_JSON_H_
#define CLAIMTRACE_EXPORT_CONTRACT_JSON_H_

#include <string_view>

#include <nlohmann/json.hpp>

#include "claimtrace/document.h"

namespace claimtrace::exporter {

// [begin, end]
nlohmann::ordered_json SpanToJson(Span span);

// "<doc_id>#a<index>", the id of an attribution in the contract.
std::string AttributionId(std::string_view doc_id, int index);

// One element of the contract's `claims`. `trigger_text` is the document text
// under claim.trigger; `doc_id` names the claim's attribution ("<doc_id>#a3").
nlohmann::ordered_json ClaimToJson(const Claim& claim, std::string_view trigger_text, std::string_view doc_id);

// One element of `attributions` (the registry entry of its source looked up in
// data/sources.tsv) and of `flags`.
nlohmann::ordered_json AttributionToJson(const Attribution& attribution, std::string_view doc_id);
nlohmann::ordered_json FlagToJson(const Flag& flag);

}  // namespace claimtrace::exporter

#endif  // CLAIMTRACE_EXPORT_CONTRACT_JSON_H_
