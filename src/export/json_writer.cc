// The `claimtrace extract` JSON Lines contract (README "Output format").
// nlohmann::ordered_json keeps the field order of the contract. The claim,
// attribution and flag objects are built here once (export/contract_json.h)
// and reused by the store's writers, so both speak the same field names.
#include <nlohmann/json.hpp>

#include "claimtrace/pipeline.h"
#include "export/contract_json.h"
#include "extract/sources.h"

namespace claimtrace {
namespace exporter {
namespace {

using json = nlohmann::ordered_json;

json RefJson(const TextRef& r) { return json{{"text", r.text}, {"span", SpanToJson(r.span)}}; }
template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json StrOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json SourceJson(const ClaimSource& s, bool with_cue) {
  json j{{"name", s.name}, {"text", s.text}, {"kind", StrOrNull(s.kind)}, {"side", StrOrNull(s.side)}};
  if (with_cue) j["cue"] = StrOrNull(s.cue);
  if (!s.registry.empty()) j["registry"] = s.registry;
  return j;
}

}  // namespace

json SpanToJson(Span s) { return json::array({s.begin, s.end}); }

std::string AttributionId(std::string_view doc_id, int index) {
  std::string id(doc_id);
  id += "#a";
  id += std::to_string(index);
  return id;
}

json ClaimToJson(const Claim& c, std::string_view trigger_text, std::string_view doc_id) {
  json x;
  x["id"] = c.id;
  x["type"] = c.type;
  x["types"] = c.types;
  x["text"] = c.text;
  x["span"] = SpanToJson(c.span);
  x["trigger"] = json{{"text", std::string(trigger_text)}, {"span", SpanToJson(c.trigger)}};
  if (c.actor) {
    x["actor"] = json{{"text", StrOrNull(c.actor->text)}, {"side", StrOrNull(c.actor->side)}};
    if (!c.actor->text.empty()) x["actor"]["span"] = SpanToJson(c.actor->span);
  } else {
    x["actor"] = nullptr;
  }
  if (c.place) {
    const ClaimPlace& p = *c.place;
    x["place"] = json{{"text", p.text},          {"span", SpanToJson(p.span)},    {"name", StrOrNull(p.name)},
                      {"id", StrOrNull(p.id)},   {"admin1", StrOrNull(p.admin1)}, {"country", StrOrNull(p.country)},
                      {"lat", Opt(p.lat)},       {"lon", Opt(p.lon)}};
  } else {
    x["place"] = nullptr;
  }
  if (c.count) {
    x["count"] = json{{"value", Opt(c.count->value)}, {"text", c.count->text}, {"span", SpanToJson(c.count->span)},
                      {"approx", c.count->approx}, {"unit", StrOrNull(c.count->unit)}};
  } else {
    x["count"] = nullptr;
  }
  if (c.time) {
    x["time"] = json{{"text", c.time->text}, {"span", SpanToJson(c.time->span)}, {"date", StrOrNull(c.time->date)}};
    if (!c.time->end_date.empty()) x["time"]["end_date"] = c.time->end_date;
  } else {
    x["time"] = nullptr;
  }
  json chain = json::array();
  for (const auto& s : c.chain) chain.push_back(SourceJson(s, true));
  x["chain"] = std::move(chain);
  x["root"] = c.root ? SourceJson(*c.root, false) : json(nullptr);
  x["polarity"] = c.polarity;
  x["modality"] = c.modality;
  x["hedges"] = c.hedges;
  x["attribution"] = c.attribution >= 0 ? json(AttributionId(doc_id, c.attribution)) : json(nullptr);
  x["headline"] = c.headline;
  return x;
}

json AttributionToJson(const Attribution& a, std::string_view doc_id) {
  json x;
  x["id"] = AttributionId(doc_id, a.id);
  x["kind"] = AttributionKindName(a.kind);
  x["form"] = AttributionKindName(a.form);
  x["parent"] = a.parent >= 0 ? json(AttributionId(doc_id, a.parent)) : json(nullptr);
  if (a.source) {
    json s = RefJson(*a.source);
    s["name"] = a.source_name.empty() ? json(nullptr) : json(a.source_name);
    s["anonymous"] = a.source_anonymous;
    x["source"] = s;
  } else {
    x["source"] = nullptr;
  }
  if (!a.source_registry.empty() && a.source) {
    for (const auto& e : extract::Sources()) {
      if (e.id != a.source_registry) continue;
      x["source"]["registry"] = json{{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"country", e.country},
                                     {"side", e.side == "-" ? json(nullptr) : json(e.side)}};
    }
  }
  x["cue"] = RefJson(a.cue);
  x["content"] = RefJson(a.content);
  if (a.antecedent) x["content"]["antecedent"] = RefJson(*a.antecedent);
  if (a.content_parts.size() > 1) {
    json parts = json::array();
    for (Span p : a.content_parts) parts.push_back(SpanToJson(p));
    x["content"]["parts"] = parts;
  }
  x["via"] = a.via ? RefJson(*a.via) : json(nullptr);
  if (a.via && !a.via_name.empty()) x["via"]["name"] = a.via_name;
  x["cites"] = a.cites >= 0 ? json(AttributionId(doc_id, a.cites)) : json(nullptr);
  x["continues"] = a.continues >= 0 ? json(AttributionId(doc_id, a.continues)) : json(nullptr);
  return x;
}

json FlagToJson(const Flag& f) {
  return json{{"kind", f.kind}, {"text", f.text}, {"span", SpanToJson(f.span)}, {"detail", f.detail}};
}

}  // namespace exporter

std::string ToJsonLine(const Document& doc) {
  using json = nlohmann::ordered_json;
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  json j;
  j["doc_id"] = doc.doc_id.empty() ? json(nullptr) : json(doc.doc_id);
  j["input"] = doc.input;
  j["url"] = opt(doc.url);
  j["outlet"] = doc.outlet ? json{{"name", doc.outlet->name}, {"id", doc.outlet->id.empty() ? json(nullptr) : json(doc.outlet->id)}}
                           : json(nullptr);
  j["title"] = opt(doc.title);
  j["author"] = opt(doc.author);
  j["published"] = opt(doc.published);
  j["lang"] = opt(doc.lang);
  j["text"] = doc.text;
  json claims = json::array();
  for (const Claim& c : doc.claims) claims.push_back(exporter::ClaimToJson(c, doc.Slice(c.trigger), doc.doc_id));
  j["claims"] = std::move(claims);
  json atts = json::array();
  for (const Attribution& a : doc.attributions) atts.push_back(exporter::AttributionToJson(a, doc.doc_id));
  j["attributions"] = std::move(atts);
  json flags = json::array();
  for (const Flag& f : doc.flags) flags.push_back(exporter::FlagToJson(f));
  j["flags"] = std::move(flags);
  j["error"] = opt(doc.error);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace claimtrace
