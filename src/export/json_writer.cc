// The `claimtrace extract` JSON Lines contract (README "Output format").
// nlohmann::ordered_json keeps the field order of the contract.
#include <nlohmann/json.hpp>

#include "claimtrace/pipeline.h"
#include "extract/sources.h"

namespace claimtrace {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(Span s) { return json::array({s.begin, s.end}); }
json RefJson(const TextRef& r) { return json{{"text", r.text}, {"span", SpanJson(r.span)}}; }
template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string AttId(const Document& doc, int i) { return doc.doc_id + "#a" + std::to_string(i); }

json StrOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json SourceJson(const ClaimSource& s, bool with_cue) {
  json j{{"name", s.name}, {"text", s.text}, {"kind", StrOrNull(s.kind)}, {"side", StrOrNull(s.side)}};
  if (with_cue) j["cue"] = StrOrNull(s.cue);
  if (!s.registry.empty()) j["registry"] = s.registry;
  return j;
}

json ClaimJson(const Document& doc, const Claim& c) {
  json x;
  x["id"] = c.id;
  x["type"] = c.type;
  x["types"] = c.types;
  x["text"] = c.text;
  x["span"] = SpanJson(c.span);
  x["trigger"] = json{{"text", std::string(doc.Slice(c.trigger))}, {"span", SpanJson(c.trigger)}};
  if (c.actor) {
    x["actor"] = json{{"text", StrOrNull(c.actor->text)}, {"side", StrOrNull(c.actor->side)}};
    if (!c.actor->text.empty()) x["actor"]["span"] = SpanJson(c.actor->span);
  } else {
    x["actor"] = nullptr;
  }
  if (c.place) {
    const ClaimPlace& p = *c.place;
    x["place"] = json{{"text", p.text},          {"span", SpanJson(p.span)},    {"name", StrOrNull(p.name)},
                      {"id", StrOrNull(p.id)},   {"admin1", StrOrNull(p.admin1)}, {"country", StrOrNull(p.country)},
                      {"lat", Opt(p.lat)},       {"lon", Opt(p.lon)}};
  } else {
    x["place"] = nullptr;
  }
  if (c.count) {
    x["count"] = json{{"value", Opt(c.count->value)}, {"text", c.count->text}, {"span", SpanJson(c.count->span)},
                      {"approx", c.count->approx}, {"unit", StrOrNull(c.count->unit)}};
  } else {
    x["count"] = nullptr;
  }
  if (c.time) {
    x["time"] = json{{"text", c.time->text}, {"span", SpanJson(c.time->span)}, {"date", StrOrNull(c.time->date)}};
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
  x["attribution"] = c.attribution >= 0 ? json(AttId(doc, c.attribution)) : json(nullptr);
  x["headline"] = c.headline;
  return x;
}

}  // namespace

std::string ToJsonLine(const Document& doc) {
  json j;
  j["doc_id"] = doc.doc_id.empty() ? json(nullptr) : json(doc.doc_id);
  j["input"] = doc.input;
  j["url"] = Opt(doc.url);
  j["outlet"] = doc.outlet ? json{{"name", doc.outlet->name}, {"id", doc.outlet->id.empty() ? json(nullptr) : json(doc.outlet->id)}}
                           : json(nullptr);
  j["title"] = Opt(doc.title);
  j["author"] = Opt(doc.author);
  j["published"] = Opt(doc.published);
  j["lang"] = Opt(doc.lang);
  j["text"] = doc.text;
  json claims = json::array();
  for (const Claim& c : doc.claims) claims.push_back(ClaimJson(doc, c));
  j["claims"] = std::move(claims);
  json atts = json::array();
  for (const Attribution& a : doc.attributions) {
    json x;
    x["id"] = AttId(doc, a.id);
    x["kind"] = AttributionKindName(a.kind);
    x["form"] = AttributionKindName(a.form);
    x["parent"] = a.parent >= 0 ? json(AttId(doc, a.parent)) : json(nullptr);
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
      for (Span p : a.content_parts) parts.push_back(SpanJson(p));
      x["content"]["parts"] = parts;
    }
    x["via"] = a.via ? RefJson(*a.via) : json(nullptr);
    if (a.via && !a.via_name.empty()) x["via"]["name"] = a.via_name;
    x["cites"] = a.cites >= 0 ? json(AttId(doc, a.cites)) : json(nullptr);
    x["continues"] = a.continues >= 0 ? json(AttId(doc, a.continues)) : json(nullptr);
    atts.push_back(std::move(x));
  }
  j["attributions"] = std::move(atts);
  json flags = json::array();
  for (const Flag& f : doc.flags) {
    flags.push_back(json{{"kind", f.kind}, {"text", f.text}, {"span", SpanJson(f.span)}, {"detail", f.detail}});
  }
  j["flags"] = std::move(flags);
  j["error"] = Opt(doc.error);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace claimtrace
