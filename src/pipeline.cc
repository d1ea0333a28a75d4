// Pipeline glue: runs the stages in order over one Document and turns any
// stage failure (or a third-party exception) into doc->error.
#include "claimtrace/pipeline.h"

#include <exception>

#include "clean/clean.h"
#include "extract/attribution.h"
#include "extract/claims.h"
#include "extract/sources.h"
#include "segment/segment.h"

namespace claimtrace {

const char* AttributionKindName(AttributionKind kind) {
  switch (kind) {
    case AttributionKind::kDirect: return "direct";
    case AttributionKind::kIndirect: return "indirect";
    case AttributionKind::kAccordingTo: return "according_to";
    case AttributionKind::kMixed: return "mixed";
    case AttributionKind::kAnonymous: return "anonymous";
  }
  return "indirect";
}

Pipeline::Pipeline(PipelineOptions options) : options_(options) {}

void Pipeline::Process(Document* doc) const {
  if (doc->error) return;
  auto fail = [&](const std::string& what) {
    doc->error = what;
    doc->text.clear();
    doc->offsets.clear();
    doc->tokens.clear();
    doc->sentences.clear();
    doc->paragraphs.clear();
    doc->quotes.clear();
    doc->attributions.clear();
    doc->claims.clear();
    doc->flags.clear();
  };
  try {
    Status s = clean::Clean(doc, options_.drop_chrome);
    if (!s.ok()) return fail(s.ToString());
    // The outlet's registry id, when the registry knows it ("The Guardian" -> guardian).
    if (doc->outlet && doc->outlet->id.empty()) {
      if (const auto* entry = extract::MatchSource(doc->outlet->name); entry && entry->IsOutlet()) {
        doc->outlet->id = entry->id;
      }
    }
    segment::Segment(doc);
    if (options_.extract_attributions) extract::ExtractAttributions(doc, {.attitudes = options_.attitudes});
    if (options_.extract_attributions && options_.extract_claims) {
      extract::ExtractClaims(doc);
      extract::FlagGarbledExpansions(doc);
    }
  } catch (const std::bad_alloc&) {
    fail("too large: out of memory while processing");
  } catch (const std::exception& e) {
    fail(std::string("internal error: ") + e.what());
  }
}

}  // namespace claimtrace
