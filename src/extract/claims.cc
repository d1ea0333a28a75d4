// Claim assembly; see claims.h. The rules are general English news usage,
// each explained where it is applied.
#include "extract/claims.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/attribution.h"
#include "extract/events.h"
#include "extract/quantity.h"
#include "extract/time_expr.h"
#include "resolve/gazetteer.h"
#include "extract/sources.h"
#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::extract {
namespace {

using Keys = std::vector<std::string>;

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (w == s) return true;
  }
  return false;
}

bool IsPunct(const Document& doc, uint32_t t) {
  auto k = doc.tokens[t].kind;
  return k == TokenKind::kPunct || k == TokenKind::kDash;
}

// "Loss" events are about the side that suffers them; "gain" events about the
// side that carries them out. With no actor in the text, the side follows from
// the source: a side reports its own gains and the other side's losses.
bool IsLossEvent(EventType t) {
  switch (t) {
    case EventType::kSurrender:
    case EventType::kRefusalToFight:
    case EventType::kDesertion:
    case EventType::kDefection:
    case EventType::kRetreat:
    case EventType::kCasualties:
    case EventType::kPrisoners:
      return true;
    default:
      return false;
  }
}

// Types that often name one event together ("fled, with many surrendering";
// "liberated … Russian soldiers had left"): one claim, both types.
bool Related(EventType a, EventType b) {
  auto soldierly = [](EventType t) {
    return t == EventType::kSurrender || t == EventType::kRefusalToFight || t == EventType::kDesertion ||
           t == EventType::kDefection || t == EventType::kRetreat;
  };
  if (a == b) return true;
  if (soldierly(a) && soldierly(b)) return true;
  auto terr = [](EventType t) { return t == EventType::kTerritorialChange || t == EventType::kRetreat; };
  return terr(a) && terr(b);
}

std::string Opposite(const std::string& side) {
  if (side == "UA") return "RU";
  if (side == "RU") return "UA";
  return "";
}

const std::unordered_set<std::string_view>& Determiners() {
  static const std::unordered_set<std::string_view> s = {
      "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
      "such", "any", "no", "each", "every", "of", "in", "on", "for", "with", "to", "from", "by", "at", "as"};
  return s;
}

// Prepositions that put an event noun in the background of the sentence
// ("following the counter-offensive", "amid heavy shelling").
const std::unordered_set<std::string_view>& BackgroundPrepositions() {
  static const std::unordered_set<std::string_view> s = {
      "following", "after", "amid", "amidst", "during", "since", "before", "despite", "toward", "towards",
      "against", "for", "over", "ahead", "behind", "throughout", "like", "than", "by", "followed",
      "preceded", "wake", "response", "retaliation", "run-up", "aftermath"};
  return s;
}

const std::unordered_set<std::string_view>& Verbish() {
  static const std::unordered_set<std::string_view> s = {
      "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
      "can", "may", "might", "should", "must", "do", "does", "did", "to", "not", "saw", "see", "sees", "said"};
  return s;
}

// Nouns after an event noun that make it a modifier of something else
// ("surrender requests", "desertion rumours").
const std::unordered_set<std::string_view>& ModifiedNouns() {
  static const std::unordered_set<std::string_view> s = {
      "request", "requests", "claim", "claims", "report", "reports", "rumour", "rumours", "rumor", "rumors",
      "narrative", "narratives", "video", "videos", "footage", "story", "stories", "story's", "talks",
      "negotiations", "deal", "law", "laws", "bill", "plan", "plans", "order", "orders", "policy", "threat",
      "threats", "fears", "fear", "risk", "warning", "warnings", "campaign", "efforts", "attempt", "attempts",
      "point", "points", "area", "zone", "site", "sites", "base", "bases", "centre", "center", "camp", "camps",
      "route", "routes", "line", "lines", "capability", "capabilities", "system", "systems", "action", "actions",
      "weapons", "weapon", "posture", "stance", "doctrine", "potential", "rounds", "ammunition"};
  return s;
}

// Nouns that, followed by "to"/"for", make the event only talked about
// ("orders to retreat", "a call for withdrawal").
const std::unordered_set<std::string_view>& DirectiveNouns() {
  static const std::unordered_set<std::string_view> s = {
      "order", "orders", "call", "calls", "plan", "plans", "decision", "attempt", "attempts", "appeal",
      "appeals", "demand", "demands", "request", "requests", "offer", "offers", "proposal", "ultimatum",
      "goal", "goals", "aim", "aims", "objective", "purpose", "intention", "task", "mission",
      "permission", "instructions", "instruction", "readiness", "willingness", "chance", "opportunity"};
  return s;
}

// Words after an event noun that make it a prediction ("retreats are likely").
const std::unordered_set<std::string_view>& PredicativeModals() {
  static const std::unordered_set<std::string_view> s = {"likely", "unlikely", "expected", "possible",
                                                           "imminent", "probable", "inevitable", "feared"};
  return s;
}

struct ActorNp {
  uint32_t begin = 0, end = 0;  // tokens
  std::string side;             // empty when unknown
  bool enemy = false;
  bool state = false;
  bool force = false;           // has a force noun
  bool civilian = false;        // civilians, not forces
  bool weapon = false;          // weapons ("Russian missiles"), not people
};

// Groups actor words into noun phrases: an optional count or quantifier, side
// adjectives, force nouns ("some Ukrainian troops", "300 occupiers", "Ukraine").
std::vector<ActorNp> ActorPhrases(const Document& doc, const Keys& keys, uint32_t begin, uint32_t end) {
  std::vector<ActorNp> out;
  auto hits = FindActorWords(doc, keys, begin, end);
  for (size_t i = 0; i < hits.size(); ++i) {
    const WordHit& h = hits[i];
    ActorNp np;
    np.begin = h.token_begin;
    np.end = h.token_end;
    if (h.tags & kTagActorAdj) {
      // An adjective names an actor only with a force noun after it (up to two words between:
      // "Ukrainian military units", "Russian elite paratroopers").
      size_t j = i + 1;
      while (j < hits.size() && (hits[j].tags & kTagActorAdj) && hits[j].token_begin == hits[j - 1].token_end) ++j;
      if (j < hits.size() && (hits[j].tags & (kTagForce | kTagWeapon | kTagCivilian)) && !(hits[j].tags & kTagSide) &&
          hits[j].token_begin <= hits[j - 1].token_end + 2) {
        // Consecutive force nouns belong to the same phrase ("military units").
        size_t k = j;
        while (k + 1 < hits.size() && (hits[k + 1].tags & kTagForce) && hits[k + 1].token_begin == hits[k].token_end) ++k;
        np.end = hits[k].token_end;
        np.side = hits[j - 1].side;  // the adjective nearest the noun
        np.weapon = (hits[j].tags & kTagWeapon) != 0;
        np.civilian = (hits[j].tags & kTagCivilian) != 0;
        np.force = !np.weapon && !np.civilian;
        i = k;
      } else {
        continue;
      }
    } else if (h.tags & kTagEnemy) {
      np.enemy = true;
      np.force = true;
    } else if (h.tags & kTagSide) {
      np.side = h.side;
      np.state = (h.tags & kTagState) != 0;
      np.force = !np.state;
    } else if (h.tags & kTagCivilian) {
      np.civilian = true;
    } else if (h.tags & kTagWeapon) {
      np.weapon = true;
    } else if (h.tags & kTagForce) {
      np.force = true;
      size_t k = i;
      while (k + 1 < hits.size() && (hits[k + 1].tags & kTagForce) && !(hits[k + 1].tags & kTagSide) &&
             hits[k + 1].token_begin == hits[k].token_end) {
        ++k;
      }
      np.end = hits[k].token_end;
      i = k;
    } else {
      continue;
    }
    // Extend left over a count and its modifiers ("close to 300", "over a thousand former").
    uint32_t b = np.begin;
    for (int steps = 0; steps < 5 && b > begin; ++steps) {
      const std::string& k = keys[b - 1];
      bool number = doc.tokens[b - 1].kind == TokenKind::kNumber;
      if (number || In(k, {"some", "many", "several", "hundreds", "thousands", "dozens", "around", "about", "nearly",
                           "almost", "over", "up", "to", "close", "than", "more", "at", "least", "a", "thousand",
                           "hundred", "dozen", "former", "native", "elite", "retreating", "exhausted", "other",
                           "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
                           "fifty", "million", "all"})) {
        --b;
      } else {
        break;
      }
    }
    // Don't start on a bare preposition.
    while (b < np.begin && (In(keys[b], {"to", "up", "than"}) || (keys[b] == "at" && keys[b + 1] != "least"))) ++b;
    np.begin = b;
    out.push_back(np);
  }
  return out;
}

struct Clause {
  uint32_t begin = 0, end = 0;  // tokens
};

// Words that, after a comma, open a new clause ("…, while Russian forces …").
bool OpensClause(std::string_view k) {
  return In(k, {"while", "whereas", "although", "though", "but", "which", "with", "as", "raising", "leaving",
                "prompting", "sparking", "saying", "adding", "according"});
}

// The clause around tokens [tb, te) within [lo, hi): cut at semicolons, dashes
// and at commas that open a new clause.
Clause ClauseAround(const Document& doc, const Keys& keys, uint32_t lo, uint32_t hi, uint32_t tb, uint32_t te) {
  Clause c{lo, hi};
  for (uint32_t t = tb; t > lo; --t) {
    uint32_t p = t - 1;
    std::string_view s = doc.Slice(doc.tokens[p].span);
    if (s == ";" || doc.tokens[p].kind == TokenKind::kDash) {
      c.begin = t;
      break;
    }
    if (s == "," && t < tb && OpensClause(keys[t])) {
      // "…, with some Ukrainian troops …": the clause starts after the opener.
      c.begin = In(keys[t], {"with", "while", "whereas", "although", "though", "but"}) ? t + 1 : t;
      break;
    }
  }
  for (uint32_t t = te; t < hi; ++t) {
    std::string_view s = doc.Slice(doc.tokens[t].span);
    if (s == ";" || doc.tokens[t].kind == TokenKind::kDash) {
      c.end = t;
      break;
    }
    if (s == "," && t + 1 < hi && OpensClause(keys[t + 1])) {
      c.end = t;
      break;
    }
  }
  // Drop leading and trailing punctuation and a leading "that".
  while (c.begin < c.end && (IsPunct(doc, c.begin) || keys[c.begin] == "that")) ++c.begin;
  while (c.end > c.begin && IsPunct(doc, c.end - 1) && doc.Slice(doc.tokens[c.end - 1].span) != ")") --c.end;
  if (c.begin >= c.end) return {tb, te};
  return c;
}

uint32_t TokenEndingBy(const Document& doc, uint32_t offset) {
  auto it = std::upper_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                             [](uint32_t o, const Token& t) { return o < t.span.end; });
  return static_cast<uint32_t>(it - doc.tokens.begin());
}

// The attribution whose content holds `span` most narrowly; -1 if none.
int HoldingAttribution(const Document& doc, Span span, Span* part) {
  int best = -1;
  uint32_t best_size = UINT32_MAX;
  for (const auto& a : doc.attributions) {
    auto consider = [&](Span p) {
      if (p.Contains(span) && p.size() < best_size) {
        best = a.id;
        best_size = p.size();
        *part = p;
      }
    };
    if (a.content_parts.empty()) {
      consider(a.content.span);
    } else {
      for (Span p : a.content_parts) consider(p);
    }
  }
  if (best >= 0) return best;
  // "This development was first announced by X": X is the source of the event
  // the anaphoric content refers back to.
  for (const auto& a : doc.attributions) {
    if (a.antecedent && a.antecedent->span.Contains(span) && a.antecedent->span.size() < best_size) {
      best = a.id;
      best_size = a.antecedent->span.size();
      *part = a.antecedent->span;
    }
  }
  return best;
}

// Sources that are themselves hedges, not speakers: "initial accounts suggest",
// "reports say".
bool VagueSource(std::string_view text) {
  std::string k = util::AsciiLower(text);
  size_t sp = k.rfind(' ');
  std::string head = sp == std::string::npos ? k : k.substr(sp + 1);
  return In(head, {"reports", "report", "accounts", "account", "rumours", "rumors", "rumour", "rumor", "claims",
                   "footage", "videos", "images", "posts", "speculation", "evidence"});
}

bool InsideSourceOrCue(const Document& doc, Span span) {
  for (const auto& a : doc.attributions) {
    if (a.source && a.source->span.Overlaps(span)) return true;
    if (a.source_extent.Overlaps(span) && !a.content.span.Overlaps(span)) return true;
    if (a.cue.span.Overlaps(span)) return true;
  }
  return false;
}

bool AllUpper(std::string_view s) {
  for (char ch : s) {
    if (std::islower(static_cast<unsigned char>(ch))) return false;
  }
  return true;
}

// Guesses a kind for a source the registry does not know.
std::string GuessKind(std::string_view text, bool anonymous) {
  std::string k = util::AsciiLower(text);
  if (anonymous) return "anonymous";
  for (std::string_view w : {"ministry", "command", "staff", "service", "forces", "military", "army", "authorities",
                             "government", "police", "office", "agency", "intelligence", "council", "administration",
                             "headquarters", "department", "enforcement", "committee", "institute", "group"}) {
    if (k.find(w) != std::string::npos) return "organization";
  }
  for (std::string_view w : {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "governor",
                             "minister", "commander", "president", "mayor", "head", "leader", "chief"}) {
    if (k.find(w) != std::string::npos) return "official";
  }
  for (std::string_view w : {"newspaper", "outlet", "agency", "tv", "channel", "media", "news", "times", "post",
                             "journal", "telegram"}) {
    if (k.find(w) != std::string::npos) return "outlet";
  }
  // Two capitalised words: a person's name.
  int caps = 0;
  for (std::string_view w : util::Split(text, ' ')) {
    if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) ++caps;
  }
  return caps >= 1 ? "person" : "unknown";
}

// The side a source text implies by a nationality word or a registry entry
// ("Ukrainian authorities", "US intelligence officials", "the DPR leader").
std::string SideOfText(const Document& doc, const Keys& keys, Span span) {
  if (span.empty()) return "";
  uint32_t b = doc.TokenAtOrAfter(span.begin), e = TokenEndingBy(doc, span.end);
  if (e > doc.tokens.size()) e = static_cast<uint32_t>(doc.tokens.size());
  for (const auto& h : FindActorWords(doc, keys, b, std::max(b, e))) {
    if ((h.tags & kTagSide) && !(h.tags & kTagEnemy)) return h.side;
  }
  // A body in the registry ("a spokesman for the Russian Defence Ministry", "the head of the DPR").
  if (const SourceEntry* entry = MatchSource(doc.Slice(span)); entry && entry->side != "-") return entry->side;
  // A role of a place: "the governor of Luhansk", "the mayor of Belgorod".
  for (uint32_t t = b; t + 1 < e; ++t) {
    if (keys[t] != "of" || !doc.tokens[t + 1].capitalized) continue;
    auto places = Gazetteer::Default().Lookup(doc.Slice(doc.tokens[t + 1].span));
    if (!places.empty() && (places[0]->country == "UA" || places[0]->country == "RU")) return places[0]->country;
  }
  return "";
}

ClaimSource SourceOf(const Document& doc, const Keys& keys, const ChainLink& link) {
  ClaimSource s;
  s.text = link.text;
  s.name = link.name.empty() ? link.text : link.name;
  const Attribution* a = link.attribution >= 0 ? &doc.attributions[static_cast<size_t>(link.attribution)] : nullptr;
  if (a) s.cue = a->cue.text;
  const SourceEntry* entry = nullptr;
  if (a && !a->source_registry.empty()) {
    for (const auto& e : Sources()) {
      if (e.id == a->source_registry) entry = &e;
    }
  }
  if (!entry) entry = MatchSource(s.name);
  if (!entry) entry = MatchSource(s.text);
  if (entry) {
    s.registry = entry->id;
    s.side = entry->side == "-" ? "" : entry->side;
    // A person the registry lists under the body they speak for ("Pushilin" ->
    // DPR) keeps their own name; outlets and bodies take the registry's name.
    if (!entry->IsOutlet() && GuessKind(s.name, false) == "person" && s.name.find(' ') != std::string::npos &&
        util::AsciiLower(s.name) != util::AsciiLower(entry->name)) {
      s.kind = "person";
    } else if (!entry->IsOutlet() && GuessKind(s.name, false) == "person" && MatchSource(s.name) == entry &&
               s.name.size() > 3 && !AllUpper(s.name) && util::AsciiLower(s.name) != util::AsciiLower(entry->name) &&
               entry->name.find(s.name) == std::string::npos) {
      s.kind = "person";
    } else {
      s.name = entry->name;
      s.kind = entry->kind;
    }
    return s;
  }
  s.kind = GuessKind(s.name.empty() ? s.text : s.name, a && a->source_anonymous);
  if (a && a->source) {
    s.side = SideOfText(doc, keys, a->source_extent.empty() ? a->source->span : a->source_extent);
  }
  return s;
}

std::vector<std::string> eval_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || (static_cast<unsigned char>(ch) & 0x80)) {
      cur += util::AsciiLowerChar(ch);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Share of the words of `a` found in `b`.
double Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty()) return 0;
  std::unordered_set<std::string> have(b.begin(), b.end());
  size_t hit = 0;
  for (const auto& w : a) hit += have.count(w);
  return static_cast<double>(hit) / a.size();
}

bool InSource(const Document& doc, uint32_t token) {
  Span s = doc.tokens[token].span;
  for (const auto& a : doc.attributions) {
    if (a.source && a.source->span.Overlaps(s)) return true;
  }
  return false;
}

// The side of the nearest sided force named in tokens [from, to), leaving out
// sources ("the ZSU said"): they speak about the event, they are not in it.
std::string SideBefore(const Document& doc, const Keys& keys, uint32_t from, uint32_t to) {
  std::string side;
  if (from >= to) return side;
  for (const auto& a : ActorPhrases(doc, keys, from, to)) {
    if (!a.side.empty() && a.force && !InSource(doc, a.begin)) side = a.side;
  }
  return side;
}

// Place mentions that can be an event's place: not a demonym ("Russian"), not
// inside a source ("the governor of Luhansk").
std::vector<PlaceMention> UsablePlaces(const Document& doc, std::vector<PlaceMention> all) {
  std::vector<PlaceMention> out;
  for (auto& m : all) {
    std::string lower = util::AsciiLower(m.text);
    bool demonym = lower.size() > 4 && (lower.compare(lower.size() - 3, 3, "ian") == 0 ||
                                        lower.compare(lower.size() - 4, 4, "ians") == 0 ||
                                        lower.compare(lower.size() - 3, 3, "ese") == 0 ||
                                        lower.compare(lower.size() - 3, 3, "ish") == 0 ||
                                        lower.compare(lower.size() - 2, 2, "'s") == 0);
    if (demonym || m.text.empty() || !(std::isupper(static_cast<unsigned char>(m.text[0])) ||
                                       (static_cast<unsigned char>(m.text[0]) & 0x80) || lower.rfind("the ", 0) == 0 ||
                                       lower.rfind("eastern", 0) == 0)) {
      if (demonym) continue;
    }
    bool in_source = false;
    for (const auto& a : doc.attributions) {
      if (a.source && (a.source->span.Overlaps(m.span) || a.source_extent.Overlaps(m.span))) in_source = true;
      if (a.via && a.via->span.Overlaps(m.span)) in_source = true;
    }
    if (in_source) continue;
    // Part of a longer name ("the Washington Post", "Kyiv Independent").
    uint32_t after = doc.TokenAtOrAfter(m.span.end);
    if (after < doc.tokens.size() && doc.tokens[after].span.begin == m.span.end + 1 && doc.tokens[after].capitalized &&
        doc.tokens[after].paragraph == doc.tokens[after - 1].paragraph) {
      std::string next = util::AsciiLower(doc.Slice(doc.tokens[after].span));
      if (!In(next, {"oblast", "region", "raion", "district", "province", "krai", "republic"})) continue;
    }
    // A country is the event's place only after a locative word ("in Ukraine",
    // "the territory of Ukraine"); as a subject it is an actor ("Ukraine recaptured").
    if (m.place && m.place->kind == "country") {
      uint32_t first = doc.TokenAtOrAfter(m.span.begin);
      uint32_t t = first;
      while (t > 0 && In(util::AsciiLower(doc.Slice(doc.tokens[t - 1].span)),
                         {"the", "eastern", "western", "northern", "southern", "central", "north-eastern",
                          "south-eastern", "northeastern", "southeastern", "and"})) {
        --t;
      }
      std::string prev = t > 0 ? util::AsciiLower(doc.Slice(doc.tokens[t - 1].span)) : "";
      bool locative = In(prev, {"in", "into", "on", "across", "throughout", "inside", "near", "from", "at", "within",
                                "over", "toward", "towards"});
      if (prev == "of" && t > 1) {
        // "the territory of Ukraine", not "the command of the Russian Federation".
        locative = In(util::AsciiLower(doc.Slice(doc.tokens[t - 2].span)),
                      {"territory", "territories", "soil", "part", "parts", "areas", "regions", "north", "south",
                       "east", "west", "border", "borders", "outskirts", "rest"});
      }
      if (!locative) continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

int PlaceRank(const PlaceMention& m) {
  if (!m.place) return 1;  // an unresolved place-like name: specific, but unknown
  const std::string& k = m.place->kind;
  if (k == "settlement") return 0;
  if (k == "raion") return 0;
  if (k == "oblast" || k == "region") return 2;
  if (k == "area") return 3;
  return 4;  // country
}

ClaimPlace ToClaimPlace(const PlaceMention& m) {
  ClaimPlace p;
  p.text = m.text;
  p.span = m.span;
  if (m.place) {
    p.name = m.place->name;
    p.id = m.place->id;
    p.admin1 = m.place->admin1;
    p.country = m.place->country;
    if (m.place->lat != 0 || m.place->lon != 0) {
      p.lat = m.place->lat;
      p.lon = m.place->lon;
    }
  }
  return p;
}

// Adds a hedge once, lower-cased.
void AddHedge(Claim* c, std::string_view text) {
  std::string h = util::AsciiLower(text);
  if (std::find(c->hedges.begin(), c->hedges.end(), h) == c->hedges.end()) c->hedges.push_back(std::move(h));
}

std::string_view WordsText(const Document& doc, const WordHit& w) {
  return doc.Slice({doc.tokens[w.token_begin].span.begin, doc.tokens[w.token_end - 1].span.end});
}

// "the city", "that area": the sentence points back to a place named before.
bool PointsBackToAPlace(const Keys& keys, const Sentence& s) {
  for (uint32_t t = s.token_begin; t + 1 < s.token_end; ++t) {
    if (In(keys[t], {"the", "that"}) &&
        In(keys[t + 1], {"city", "town", "village", "area", "region", "oblast", "district", "settlement", "front"})) {
      return true;
    }
  }
  return false;
}

// True when the time expression starting at token `t` dates a name rather than
// an event: "until", "till", "before", "in" or "since" right before it, and a
// naming word ("named", "renamed", "called", "known", "formerly") at most six
// tokens before that, within the clause ("…, which was named Dimitrov until
// 2016, …", "renamed in 2016").
bool DatesANaming(const Keys& keys, uint32_t t, uint32_t clause_begin) {
  if (t == 0 || t - 1 < clause_begin || t - 1 >= keys.size()) return false;
  if (!In(keys[t - 1], {"until", "till", "before", "in", "since"})) return false;
  const uint32_t from = t - 1 > clause_begin + 6 ? t - 1 - 6 : clause_begin;
  for (uint32_t i = from; i + 1 < t; ++i) {
    if (In(keys[i], {"named", "renamed", "called", "known", "formerly", "name"})) return true;
  }
  return false;
}

}  // namespace

void ExtractClaims(Document* doc) {
  doc->claims.clear();
  if (doc->tokens.empty()) return;
  const Document& d = *doc;
  std::vector<Trigger> triggers = FindTriggers(d);
  if (triggers.empty()) return;
  // Keys for the sentences the rules look at: each trigger's, the six before
  // it (sides named earlier) and the one after (a verification hedge).
  std::vector<char> near_triggers(d.sentences.size(), 0);
  for (const Trigger& tr : triggers) {
    uint32_t from = tr.sentence >= 6 ? tr.sentence - 6 : 0;
    uint32_t to = std::min<uint32_t>(tr.sentence + 2, static_cast<uint32_t>(d.sentences.size()));
    for (uint32_t s = from; s < to; ++s) near_triggers[s] = 1;
  }
  const Keys keys = TokenKeys(d, &near_triggers);
  const auto& determiners = Determiners();

  // The headline: the first paragraph when it repeats the title, or a first
  // paragraph of one sentence without a full stop.
  int headline_paragraph = -1;
  if (d.paragraphs.size() > 1) {
    for (size_t p = 0; p < std::min<size_t>(3, d.paragraphs.size() - 1); ++p) {
      std::string_view text = util::Trim(d.Slice(d.paragraphs[p].span));
      if (d.title && util::Trim(*d.title) == text) headline_paragraph = static_cast<int>(p);
    }
    if (headline_paragraph < 0) {
      std::string_view first = util::Trim(d.Slice(d.paragraphs[0].span));
      if (d.paragraphs[0].sentence_end - d.paragraphs[0].sentence_begin == 1 && !first.empty() &&
          first.back() != '.' && first.size() < 300 && first.find(' ') != std::string_view::npos) {
        headline_paragraph = 0;
      }
    }
  }

  struct Draft {
    Claim claim;
    EventType type;
    Clause clause;
    uint32_t sentence = 0;
    int attribution = -1;
    bool has_actor_side = false;
    const Trigger* trigger = nullptr;
    const Attribution* held = nullptr;
  };
  std::vector<Draft> drafts;

  for (const Trigger& tr : triggers) {
    const Sentence& sent = d.sentences[tr.sentence];
    uint32_t tb = tr.token_begin, te = tr.token_end;
    if (InsideSourceOrCue(d, tr.span)) continue;
    std::string_view prev = tb > sent.token_begin ? std::string_view(keys[tb - 1]) : std::string_view();
    std::string_view next = te < sent.token_end ? std::string_view(keys[te]) : std::string_view();

    // A form that is also a common noun or adjective counts only as a verb.
    if (tr.verb_only && (prev.empty() || determiners.count(prev) || d.tokens[tb].capitalized ||
                         In(prev, {"more", "most", "less", "least", "very", "highly", "better", "well", "technologically"}))) {
      continue;
    }
    // An event noun modifying another noun ("surrender requests") is not an event.
    if (ModifiedNouns().count(next)) continue;

    // The noun phrase before the trigger: back-references, background and directives.
    bool skip = false;
    // An event noun: after an article or possessive, directly or over one adjective.
    auto det_like = [&](uint32_t t) {
      std::string_view k = keys[t];
      return In(k, {"a", "an", "the", "this", "these", "those", "such", "any", "no", "his", "her", "its", "their",
                    "our", "my", "your"}) ||
             (k.size() > 2 && k.substr(k.size() - 2) == "'s");
    };
    auto is_trigger_token = [&](uint32_t t) {
      for (const Trigger& o : triggers) {
        if (o.token_begin <= t && t < o.token_end) return true;
      }
      return false;
    };
    std::string_view first_word = keys[tb];
    bool past_form = first_word.size() > 3 && first_word.substr(first_word.size() - 2) == "ed";
    bool nominal = (tb > sent.token_begin && det_like(tb - 1)) ||
                   (tb > sent.token_begin + 1 && det_like(tb - 2) && !Verbish().count(keys[tb - 1]) &&
                    !IsPunct(d, tb - 1) && !is_trigger_token(tb - 1) && !past_form);
    {
      for (uint32_t t = tb, steps = 0; t > sent.token_begin && steps < 8; --t, ++steps) {
        std::string_view k = keys[t - 1];
        if (IsPunct(d, t - 1)) break;
        // "in the run-up to …", "in response to …"
        if (k == "to" && t - 1 > sent.token_begin && BackgroundPrepositions().count(keys[t - 2])) {
          skip = true;
          break;
        }
        if (Verbish().count(k)) break;
        if (k == "such" || k == "potential" || k == "possible" || k == "alleged" || k == "reported" ||
            k == "purported" || k == "rumoured" || k == "rumored" || k == "claimed" || k == "supposed" ||
            (t - 1 + 1 == tb && In(k, {"this", "these", "that", "those"}))) {
          // "the alleged surrender requests", "such defections", "this recruitment":
          // an event told before, not a new claim.
          skip = true;
          break;
        }
        if (BackgroundPrepositions().count(k)) {
          // "following Ukraine's counter-offensive": background to the sentence.
          skip = true;
          break;
        }
        if ((k == "to" || k == "for") && t - 1 > sent.token_begin && DirectiveNouns().count(keys[t - 2])) {
          skip = true;
          break;
        }
      }
      // "no orders have been issued to abandon …", "conditions for the troops to surrender":
      // an infinitive under a directive noun is only talked about.
      // Also "to force surrender": the event noun under an infinitive verb.
      if (!skip && (prev == "to" || (tb >= sent.token_begin + 2 && keys[tb - 2] == "to"))) {
        for (uint32_t t = tb - 1, steps = 0; t > sent.token_begin && steps < 16; --t, ++steps) {
          std::string_view p = d.Slice(d.tokens[t - 1].span);
          if (p == "," || p == ";" || p == ":" || p == ".") break;
          if (DirectiveNouns().count(keys[t - 1]) || keys[t - 1] == "conditions") {
            skip = true;
            break;
          }
        }
      }
    }
    if (skip) continue;

    // "Russia's attack on Ukraine", "Ukraine's counterattack against Russia": one
    // state's war on the other as a whole, background to the news, not a reported event.
    if (tr.type == EventType::kAttack && te + 1 < sent.token_end) {
      auto state_possessive = [&](uint32_t t) {
        return In(keys[t], {"russia's", "ukraine's", "moscow's", "kyiv's", "kiev's", "putin's", "kremlin's"});
      };
      bool possessed = (tb > sent.token_begin && state_possessive(tb - 1)) ||
                       (tb > sent.token_begin + 1 && state_possessive(tb - 2) && !IsPunct(d, tb - 1));
      bool whole_country = In(keys[te], {"on", "of", "against"}) && In(keys[te + 1], {"ukraine", "russia"}) &&
                           (te + 2 >= sent.token_end || !In(keys[te + 2], {"'s", "’s"}));
      if (possessed && whole_country) continue;
    }

    // Figurative, economic and verbal uses of attack words: "struck a bellicose
    // tone", "restrictions to hit the economy", "targeted by sanctions", "attacked
    // the government's policy", "a targeted assassination programme".
    if (tr.type == EventType::kAttack) {
      bool figurative = tb > sent.token_begin && In(keys[tb], {"targeted"}) && In(keys[tb - 1], {"a", "an", "the"});
      for (uint32_t t = te; t < std::min<uint32_t>(te + 4, sent.token_end) && !figurative; ++t) {
        if (IsPunct(d, t) || In(keys[t], {"despite", "amid", "after", "before", "while", "as", "in", "on", "at", "near",
                                          "and", "but", "that", "which"})) {
          break;
        }
        figurative = In(keys[t], {"tone", "note", "chord", "balance", "deal", "pose", "bargain", "compromise",
                                  "sanctions", "tariffs", "economy", "economies", "policy", "policies", "rhetoric",
                                  "remarks", "comments", "criticism", "critics", "proposal", "decision", "nerve"});
      }
      if (figurative) continue;
    }

    // "to defend its cities from Russian attacks", "help to repel air attacks": attacks
    // as the threat defended against, not a reported event.
    if (tr.type == EventType::kAttack) {
      bool defended = false;
      for (uint32_t t = tb, steps = 0; t > sent.token_begin && steps < 8 && !defended; --t, ++steps) {
        std::string_view k = keys[t - 1];
        if (IsPunct(d, t - 1) || In(k, {"if", "when", "and", "but", "that", "which", "because", "while", "unless"})) {
          break;
        }
        defended = In(k, {"defend", "defends", "defending", "protect", "protects", "protecting", "shield",
                          "shields", "shielding", "repel", "repels", "repelling", "deter", "deters", "deterring",
                          "fend", "guard", "safeguard", "withstand"});
      }
      if (defended) continue;
    }

    // A capitalised event word inside an ordinary sentence is part of a name: the
    // "Freeze and Seize" task force, the "Day of Resistance to the Occupation of Crimea".
    if (tb > sent.token_begin && d.tokens[tb].capitalized && !IsPunct(d, tb - 1) &&
        d.tokens[tb - 1].kind != TokenKind::kQuote) {
      uint32_t words = 0, lower = 0;
      for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
        if (d.tokens[t].kind != TokenKind::kWord) continue;
        ++words;
        if (!d.tokens[t].capitalized) ++lower;
      }
      if (lower * 2 > words) continue;
    }

    // "seizing on concern": exploiting, not taking ground.
    if (tr.type == EventType::kTerritorialChange && keys[tb].rfind("seiz", 0) == 0 && te < sent.token_end &&
        In(keys[te], {"on", "upon"})) {
      continue;
    }

    // An event word as a modifier names a weapon or a unit, not an event:
    // "attack drones", "strike aircraft", "an assault brigade".
    if (tb + 1 == te && te < sent.token_end && In(keys[tb], {"attack", "strike", "assault", "combat"}) &&
        In(keys[te], {"drone", "drones", "helicopter", "helicopters", "aircraft", "jet", "jets", "plane", "planes",
                      "submarine", "submarines", "ship", "ships", "boat", "boats", "craft", "uav", "uavs", "vehicle",
                      "vehicles", "rifle", "rifles", "weapon", "weapons", "brigade", "brigades", "battalion",
                      "battalions", "regiment", "regiments", "squad", "squads", "group", "groups", "unit", "units",
                      "capability", "capabilities", "potential"})) {
      continue;
    }

    // The attribution that holds the event, and the clause. Passive hearsay
    // ("were reported to have surrendered") has no source: its subject is in
    // the sentence, outside the content.
    Span part;
    int attr = HoldingAttribution(d, tr.span, &part);
    const Attribution* held = attr >= 0 ? &d.attributions[static_cast<size_t>(attr)] : nullptr;
    uint32_t lo = sent.token_begin, hi = sent.token_end;
    if (held && held->source) {
      lo = std::max(lo, d.TokenAtOrAfter(part.begin));
      hi = std::min(hi, TokenEndingBy(d, part.end));
      if (lo > tb) lo = sent.token_begin;
      if (hi < te) hi = sent.token_end;
    }
    Clause clause = ClauseAround(d, keys, lo, hi, tb, te);
    bool infinitive = held && held->source && lo < hi && keys[lo] == "to" && lo + 3 >= tb;

    // An event noun that another event verb follows in its clause is that
    // event's cause ("Ukraine's counter-offensive pushed Russian forces back").
    if (nominal) {
      bool cause = false;
      for (const Trigger& other : triggers) {
        if (other.token_begin >= te && other.token_end <= clause.end && other.sentence == tr.sentence &&
            !det_like(other.token_begin - 1) && !other.weak) {
          cause = true;
        }
      }
      if (cause) continue;
    }

    // Walking away from a deal, withdrawing from a treaty, an embassy withdrawing its
    // staff: diplomacy, not the battlefield.
    if (tr.type == EventType::kRetreat || tr.type == EventType::kDesertion) {
      bool diplomatic = false;
      for (uint32_t t = te; t < std::min<uint32_t>(te + 4, sent.token_end); ++t) {
        diplomatic |= In(keys[t], {"deal", "deals", "agreement", "agreements", "talks", "negotiations", "treaty",
                                   "accord", "accords", "election", "race", "contest", "summit", "market", "markets",
                                   // embassies pulling out their people, not forces leaving ground
                                   "staff", "diplomats", "diplomatic", "embassy", "embassies", "ambassador",
                                   "ambassadors", "envoy", "envoys", "consulate", "citizens", "nationals",
                                   "dependents", "dependants", "investment", "investments", "funding",
                                   // plans, processes and policies walked away from
                                   "process", "convention", "programme", "program", "plan", "plans", "policy",
                                   "project", "initiative", "bid", "idea", "ideas", "hopes", "principles"});
      }
      for (uint32_t t = sent.token_begin; t < tb; ++t) {
        diplomatic |= In(keys[t], {"embassy", "embassies", "consulate", "consulates", "diplomats"});
      }
      if (diplomatic) continue;
    }

    // An indirect question ("whether Putin retreats") claims nothing.
    {
      bool question = false;
      for (uint32_t t = clause.begin; t < tb; ++t) question |= keys[t] == "whether";
      if (question) continue;
    }

    auto words = FindClaimWords(d, keys, clause.begin, clause.end);
    bool generic = false;
    for (const auto& w : words) generic |= (w.tags & kTagGeneric) != 0;
    if (generic) continue;

    auto actors = ActorPhrases(d, keys, clause.begin, clause.end);
    // A weak trigger ("fled", "died", "hit") needs people or forces in its clause, or a count.
    bool has_number = false, has_force = false;
    for (uint32_t t = clause.begin; t < clause.end; ++t) has_number |= d.tokens[t].kind == TokenKind::kNumber;
    bool civilian_ok = tr.type == EventType::kCasualties || tr.type == EventType::kAttack;
    for (const auto& a : actors) has_force |= a.force || ((a.civilian || a.weapon) && civilian_ok);
    if (tr.weak && !has_force && !has_number) continue;

    EventType type = tr.type;
    if (tr.people_object) {
      // "captured 30 soldiers" / "soldiers (were) captured" -> prisoners;
      // "captured the village", "captured Bakhmut", "captured it" -> territory.
      bool people_after = false, people_before = false, which_object = false;
      for (const auto& a : actors) {
        // The people after it, but not its agent ("captured by the Russian army").
        if ((a.force || a.civilian) && a.begin >= te && a.begin <= te + 4 && !(a.begin > 0 && keys[a.begin - 1] == "by")) {
          people_after = true;
        }
        if ((a.force || a.civilian) && a.end <= tb && a.end + 2 >= tb) {
          people_before = true;
          // "the town, which Russian forces captured": the people are the agent, a place the object.
          if (a.begin > 0 && keys[a.begin - 1] == "which") which_object = true;
        }
      }
      bool place_after = te < clause.end && (d.tokens[te].capitalized || In(keys[te], {"the", "a", "an", "two", "three", "several", "control", "it"}));
      if (!people_after && !place_after && !people_before) continue;  // "equipment captured": a trophy, no event
      type = people_after                  ? EventType::kPrisoners
             : place_after || which_object ? EventType::kTerritorialChange
                                           : EventType::kPrisoners;
    }

    Draft dr;
    dr.type = type;
    dr.clause = clause;
    dr.sentence = tr.sentence;
    dr.attribution = attr;
    dr.trigger = &tr;
    dr.held = held;
    Claim& c = dr.claim;
    c.type = EventTypeName(type);
    c.types = {c.type};
    // The text: the clause, with the source and cue before it in the same
    // sentence ("Ukrainian authorities have denied any mass surrenders").
    uint32_t text_begin = clause.begin;
    if (held && held->source) {
      uint32_t sb = std::min(held->source_extent.empty() ? held->source->span.begin : held->source_extent.begin,
                             held->cue.span.begin);
      uint32_t st = d.TokenAtOrAfter(sb);
      if (st >= sent.token_begin && st < text_begin) text_begin = st;
    }
    c.span = {d.tokens[text_begin].span.begin, d.tokens[clause.end - 1].span.end};
    c.text = std::string(d.Slice(c.span));
    c.trigger = tr.span;
    c.attribution = attr;
    c.headline = headline_paragraph >= 0 && d.tokens[tb].paragraph == static_cast<uint32_t>(headline_paragraph);

    // Sources.
    if (attr >= 0) {
      for (const ChainLink& link : ChainFor(d, attr)) {
        if (VagueSource(link.text)) {
          AddHedge(&c, link.text);
          continue;
        }
        c.chain.push_back(SourceOf(d, keys, link));
      }
      if (!c.chain.empty()) {
        c.root = c.chain.back();
        // An unknown source quoted by a sided one speaks for that side ("sources cited by TASS").
        for (size_t i = 1; i < c.chain.size(); ++i) {
          if (c.chain[i].side.empty() && c.chain[i].kind != "outlet" && c.chain[i].kind != "agency" &&
              !c.chain[i - 1].side.empty() && (c.chain[i].kind == "anonymous" || c.chain[i].kind == "organization")) {
            c.chain[i].side = c.chain[i - 1].side;
          }
        }
        c.root = c.chain.back();
      }
    }
    std::string source_side = c.root ? c.root->side : "";

    // Polarity: a denying cue, or a negation shortly before the trigger in its clause.
    if (attr >= 0 && CueMeaningOf(d.attributions[static_cast<size_t>(attr)].cue.text).deny) c.polarity = "denied";
    bool hypothetical = attr >= 0 && CueMeaningOf(d.attributions[static_cast<size_t>(attr)].cue.text).call;
    for (const auto& w : words) {
      bool before = w.token_end <= tb;
      uint32_t distance = before ? tb - w.token_end : 0;
      // "have not confirmed any strikes": no confirmation is a hedge, not a denial.
      bool unconfirmed = false;
      if ((w.tags & kTagNegation) && before) {
        for (uint32_t t = w.token_end; t < tb && !unconfirmed; ++t) {
          unconfirmed = In(keys[t], {"confirm", "confirmed", "confirms", "confirming", "verify", "verified",
                                     "verifies", "comment", "commented", "acknowledge", "acknowledged"});
        }
        if (unconfirmed) AddHedge(&c, "not confirmed");
      }
      if ((w.tags & kTagNegation) && !(w.tags & kTagFocus) && before && distance <= 4 && !unconfirmed) {
        c.polarity = "denied";
      }
      // "no servicemen of the regiment had been taken prisoner": "no" opening the subject.
      if ((w.tags & kTagNegation) && before && distance <= 10 && w.token_end == w.token_begin + 1 &&
          In(keys[w.token_begin], {"no", "none", "neither"})) {
        c.polarity = "denied";
      }
      if ((w.tags & kTagModal) && before && distance <= 6) hypothetical = true;
      if ((w.tags & kTagConditional) && before) hypothetical = true;
      if ((w.tags & kTagDirective) && before && distance <= 3) hypothetical = true;
      if (w.tags & kTagHedge) AddHedge(&c, WordsText(d, w));
    }
    // "… retreats are likely": a prediction after the event noun.
    for (uint32_t t = te; t < std::min(clause.end, te + 3); ++t) {
      if (PredicativeModals().count(keys[t])) hypothetical = true;
    }
    // "an attack could come at any moment", "the attack on the depot would cripple …":
    // a modal verb after the event noun, within its phrase.
    if (nominal) {
      for (uint32_t t = te; t < std::min(clause.end, te + 6); ++t) {
        if (IsPunct(d, t) || In(keys[t], {"and", "but", "or", "that", "which", "who", "when", "after", "before"})) break;
        if (In(keys[t], {"could", "would", "might", "may", "will", "can", "shall"})) {
          hypothetical = true;
          break;
        }
      }
    }
    if (hypothetical) c.modality = "hypothetical";
    // A hedge in the sentence outside the clause that covers it ("reportedly" before the subject).
    for (const auto& w : FindClaimWords(d, keys, sent.token_begin, clause.begin)) {
      if ((w.tags & kTagHedge) && !(w.tags & kTagHedgeNext)) AddHedge(&c, WordsText(d, w));
    }
    // A hedge on the attribution itself: "X alleged that …", passive "is said to".
    if (attr >= 0) {
      const Attribution& a = d.attributions[static_cast<size_t>(attr)];
      std::string cue = util::AsciiLower(a.cue.text);
      if (cue.find("alleg") != std::string::npos || cue.find("rumour") != std::string::npos ||
          (!a.source && (cue.find("said") != std::string::npos || cue.find("report") != std::string::npos))) {
        AddHedge(&c, cue);
      }
    }
    // "The claim could not be independently verified." right after the sentence.
    if (tr.sentence + 1 < d.sentences.size()) {
      const Sentence& ns = d.sentences[tr.sentence + 1];
      bool anaphoric = In(keys[ns.token_begin], {"this", "these", "it", "that", "such", "those", "neither", "none"});
      if (keys[ns.token_begin] == "the" && ns.token_begin + 1 < ns.token_end) {
        anaphoric = In(keys[ns.token_begin + 1], {"claim", "claims", "report", "reports", "information", "footage",
                                                  "video", "videos", "account", "accounts", "statement", "statements",
                                                  "allegation", "allegations", "figure", "figures", "images"});
      }
      if (ns.token_end > ns.token_begin + 1 && anaphoric) {
        for (const auto& w : FindClaimWords(d, keys, ns.token_begin, ns.token_end)) {
          if (w.tags & kTagHedgeNext) AddHedge(&c, WordsText(d, w));
        }
      }
    }

    // Actor: a side word right before an event noun ("Russian retreats"), "of X"
    // after it, else the nearest actor before it in the clause; a passive
    // subject of a loss verb ("were pushed out") is the other side.
    const ActorNp* chosen = nullptr;
    bool passive = false;
    for (uint32_t t = tb; t > clause.begin && t + 3 > tb; --t) {
      if (In(keys[t - 1], {"been", "were", "was", "being", "be", "are", "is"})) passive = true;
    }
    // "are killing", "were capturing": progressive, not passive, so the victims follow.
    const bool progressive = keys[tb].size() > 4 && keys[tb].substr(keys[tb].size() - 3) == "ing";
    bool object_actor = false;
    if ((type == EventType::kPrisoners || type == EventType::kCasualties) && (!passive || progressive) && !nominal) {
      // "killed 30 Ukrainian soldiers", "captured 20 Russian soldiers": the victims
      // follow an active verb.
      for (const auto& a : actors) {
        if (a.begin >= te && a.begin <= te + 5 && (a.force || a.civilian)) {
          chosen = &a;
          object_actor = true;
          break;
        }
      }
    }
    for (const auto& a : actors) {
      if (!chosen && nominal && a.end == tb && !a.state) chosen = &a;
    }
    std::string adjective_side;  // "Russian retreats", "Ukraine's advances", "31 Russian attacks"
    if (tb > clause.begin) {
      for (const auto& h : FindActorWords(d, keys, tb > clause.begin + 2 ? tb - 2 : clause.begin, tb)) {
        if ((h.tags & kTagActorAdj) && (h.token_end == tb || (h.token_end + 1 == tb && !IsPunct(d, tb - 1)) ||
                                        d.tokens[tb - 1].kind == TokenKind::kQuote)) {
          adjective_side = h.side;
        }
      }
    }
    if (!chosen) {
      for (const auto& a : actors) {
        if (a.begin >= te && a.begin <= te + 2 && te < clause.end && In(keys[te], {"of", "by", "among"}) &&
            a.begin == te + 1) {
          chosen = &a;
        }
      }
    }
    if (!chosen) {
      for (const auto& a : actors) {
        if (a.end <= tb) chosen = &a;  // the nearest before
      }
    }
    if (!chosen && IsLossEvent(type)) {
      // A loss with its subject after it ("… were taken prisoner, 30 Ukrainian soldiers"),
      // never the other party of a preposition ("surrendered to Russian forces", "in Ukraine").
      for (const auto& a : actors) {
        if (a.begin >= te && a.force &&
            !(a.begin > 0 && In(keys[a.begin - 1], {"to", "against", "from", "by", "with", "in", "on", "into", "at",
                                                      "for", "toward", "towards"}))) {
          chosen = &a;
          break;
        }
      }
    }
    std::string side;
    // An adjective right before the trigger makes it a noun with its own actor.
    if (!adjective_side.empty() && (!chosen || chosen->end < tb)) {
      chosen = nullptr;
      side = adjective_side;
      c.actor = ClaimActor{"", {}, side};
    }
    if (!chosen && side.empty() && infinitive && held->source) {
      // "Russian forces have claimed to be making progress": the source is the subject.
      ClaimActor actor;
      actor.span = held->source->span;
      actor.text = held->source->text;
      actor.side = source_side;
      c.actor = actor;
      side = source_side;
    }
    if (chosen) {
      ClaimActor actor;
      actor.span = {d.tokens[chosen->begin].span.begin, d.tokens[chosen->end - 1].span.end};
      actor.text = std::string(d.Slice(actor.span));
      side = chosen->side;
      if (chosen->enemy) side = Opposite(source_side);
      if (side.empty() && chosen->force) {
        // "around 300 troops": the side of the nearest sided force named before, in
        // the sentence or the three before it, else the six before it.
        uint32_t from = d.sentences[tr.sentence >= 3 ? tr.sentence - 3 : 0].token_begin;
        side = SideBefore(d, keys, from, chosen->begin);
        if (side.empty()) side = SideBefore(d, keys, d.sentences[tr.sentence >= 6 ? tr.sentence - 6 : 0].token_begin, from);
      }
      if (tr.patient && passive && !object_actor) side = Opposite(side);
      actor.side = side;
      c.actor = actor;
      dr.has_actor_side = !side.empty();
    }
    if (side.empty() && !c.actor) {
      // "They are now held as prisoners": a pronoun subject takes the side of the
      // forces named in the sentences before.
      bool pronoun = false;
      for (uint32_t t = clause.begin; t < tb; ++t) pronoun |= In(keys[t], {"they", "them", "those", "these"});
      if (pronoun) {
        side = SideBefore(d, keys, d.sentences[tr.sentence >= 3 ? tr.sentence - 3 : 0].token_begin, tb);
        if (!side.empty()) c.actor = ClaimActor{"", {}, side};
      }
    }
    if (side.empty() && !c.actor && clause.begin > sent.token_begin) {
      // "… pushed Russian forces back, with Moscow describing the retreat": an event
      // noun with no actor of its own refers to forces named earlier in the sentence.
      side = SideBefore(d, keys, sent.token_begin, clause.begin);
      if (!side.empty()) c.actor = ClaimActor{"", {}, side};
    }
    // Civilians flee, but they do not desert, surrender, defect or retreat.
    if (chosen && chosen->civilian &&
        (type == EventType::kDesertion || type == EventType::kSurrender || type == EventType::kDefection ||
         type == EventType::kRetreat || type == EventType::kRefusalToFight)) {
      continue;
    }
    // Civilians get the side of where they live (below), not the source's rule.
    bool civilian_actor = chosen && chosen->civilian;
    if (side.empty() && !source_side.empty() && !civilian_actor) {
      // A side reports its gains and the other's losses, and denies losses of its own.
      side = IsLossEvent(type) && c.polarity != "denied" ? Opposite(source_side) : source_side;
      if (c.actor) c.actor->side = side;
    }
    if (!c.actor && !side.empty()) c.actor = ClaimActor{"", {}, side};

    drafts.push_back(std::move(dr));
  }

  if (drafts.empty()) return;

  // Counts, times and places: found only in documents with claims, places only
  // in the sentences of claims and the three before each (for "the city").
  std::vector<char> claim_sentences(d.sentences.size(), 0), place_sentences(d.sentences.size(), 0);
  for (const auto& dr : drafts) {
    claim_sentences[dr.sentence] = 1;
    place_sentences[dr.sentence] = 1;
    // The three sentences before only when the claim's sentence points back to a place.
    if (PointsBackToAPlace(keys, d.sentences[dr.sentence])) {
      for (uint32_t s = dr.sentence >= 3 ? dr.sentence - 3 : 0; s < dr.sentence; ++s) place_sentences[s] = 1;
    }
  }
  const std::vector<Quantity> quantities = FindQuantities(d, &claim_sentences);
  const std::vector<TimeExpr> times = FindTimes(d, &claim_sentences);
  const std::vector<PlaceMention> places = UsablePlaces(d, Gazetteer::Default().FindPlaces(d, &place_sentences));
  for (Draft& dr : drafts) {
    const Trigger& tr = *dr.trigger;
    const Attribution* held = dr.held;
    const Sentence& sent = d.sentences[tr.sentence];
    const Clause clause = dr.clause;
    const EventType type = dr.type;
    const uint32_t tb = tr.token_begin, te = tr.token_end;
    Claim& c = dr.claim;
    // Count: the quantity in the actor's phrase, else the one nearest the
    // trigger in the clause whose unit fits the event.
    {
      const Quantity* best = nullptr;
      uint32_t best_distance = UINT32_MAX;
      for (const Quantity& q : quantities) {
        uint32_t qb = static_cast<uint32_t>(q.token_begin), qe = static_cast<uint32_t>(q.token_end);
        if (qb < clause.begin || qe > clause.end) continue;
        if (q.unit == "percent" || q.unit == "currency" || q.unit == "time" || q.unit == "km" || q.unit == "mi") continue;
        bool area = q.unit.rfind("area", 0) == 0 || q.unit == "settlements";
        if (area && type != EventType::kTerritorialChange) continue;
        if ((q.unit == "equipment" || q.unit == "units") && type != EventType::kAttack &&
            type != EventType::kMobilization && type != EventType::kCasualties) {
          continue;
        }
        bool in_actor = c.actor && !c.actor->text.empty() && c.actor->span.Overlaps(q.span);
        if (!in_actor && c.actor && !c.actor->text.empty() && q.span.end <= c.actor->span.begin) {
          // "over a thousand former Ukrainian Armed Forces (UAF) soldiers": the count
          // opens the actor's phrase, with only names and adjectives between.
          uint32_t ab = d.TokenAtOrAfter(c.actor->span.begin);
          bool modifiers_only = ab >= qe && ab - qe <= 6;
          for (uint32_t t = qe; t < ab && modifiers_only; ++t) {
            std::string_view p = d.Slice(d.tokens[t].span);
            modifiers_only = !Verbish().count(keys[t]) && p != "," && p != ";" && p != ".";
          }
          in_actor = modifiers_only;
        }
        auto gap = [&](uint32_t b, uint32_t e) { return qe <= b ? b - qe : qb >= e ? qb - e + 1 : 0; };
        uint32_t distance = in_actor ? 0 : gap(tb, te) + 1;
        if (q.unit.empty() && !in_actor) {
          if (distance > 6) continue;  // a number with no known noun only right by the trigger
          distance += 4;
        }
        // A number nearer another event of the sentence belongs to that one.
        bool nearer_other = false;
        for (const Trigger& o : triggers) {
          if (&o != &tr && o.sentence == tr.sentence && !in_actor && gap(o.token_begin, o.token_end) + 1 < gap(tb, te) + 1) {
            nearer_other = true;
          }
        }
        if (nearer_other) continue;
        if (distance < best_distance) {
          best = &q;
          best_distance = distance;
        }
      }
      if (best && best_distance <= 12) {
        ClaimCount count;
        count.value = best->value;
        count.text = best->text;
        count.span = best->span;
        count.approx = best->approx;
        count.unit = best->unit;
        c.count = count;
      }
    }
    // Place: the most specific place named in the clause (a settlement or
    // district before its oblast, an oblast before the country); else, for
    // "the city", "the area", the last place named in the three sentences before.
    {
      const PlaceMention* best = nullptr;
      for (const auto& m : places) {
        // An unresolved name is no place to report (it is flagged instead).
        if (!m.place) continue;
        if (m.span.begin < c.span.begin || m.span.end > d.tokens[clause.end - 1].span.end) continue;
        if (m.span.begin < d.tokens[clause.begin].span.begin && !(held && held->source)) continue;
        // A name before "agreements", "talks", "format" names a process, not a place.
        uint32_t after = d.TokenAtOrAfter(m.span.end);
        if (after < d.tokens.size() && In(keys[after], {"agreements", "agreement", "accords", "talks", "format",
                                                        "process", "protocol", "summit", "declaration", "memorandum"})) {
          continue;
        }
        auto distance = [&](const PlaceMention& x) {
          return x.span.begin >= tr.span.end ? x.span.begin - tr.span.end : tr.span.begin - std::min(tr.span.begin, x.span.end);
        };
        // The most specific; among equals, the nearest the trigger.
        if (!best || PlaceRank(m) < PlaceRank(*best) || (PlaceRank(m) == PlaceRank(*best) && distance(m) < distance(*best))) {
          best = &m;
        }
      }
      if (!best) {
        if (PointsBackToAPlace(keys, sent)) {
          uint32_t from = d.sentences[tr.sentence >= 3 ? tr.sentence - 3 : 0].span.begin;
          for (const auto& m : places) {
            if (m.span.begin >= from && m.span.end <= sent.span.begin && m.place && PlaceRank(m) <= 2) best = &m;
          }
        }
      }
      if (!best) {
        // A place named elsewhere in the sentence ("… orders to abandon Pokrovsk, … some soldiers surrendered").
        for (const auto& m : places) {
          if (m.place && m.span.begin >= sent.span.begin && m.span.end <= d.tokens[clause.begin].span.begin &&
              (!best || PlaceRank(m) < PlaceRank(*best))) {
            best = &m;
          }
        }
      }
      if (best) c.place = ToClaimPlace(*best);
    }
    // Civilians are on the side of the country they live in: the place's.
    if (c.actor && c.actor->side.empty() && c.place && (c.place->country == "UA" || c.place->country == "RU")) {
      bool civilians = false;
      for (const auto& a : ActorPhrases(d, keys, clause.begin, clause.end)) {
        if (a.civilian && c.actor->span.begin == d.tokens[a.begin].span.begin) civilians = true;
      }
      if (civilians) c.actor->side = c.place->country;
    }
    // Time: the first time expression in the clause that dates the event,
    // not a place's former name ("Bakhmut, known as Artemivsk until 2016").
    for (const TimeExpr& x : times) {
      if (static_cast<uint32_t>(x.token_begin) >= clause.begin && static_cast<uint32_t>(x.token_end) <= clause.end &&
          !DatesANaming(keys, static_cast<uint32_t>(x.token_begin), clause.begin)) {
        c.time = ClaimTime{x.text, x.span, x.date, x.end_date};
        break;
      }
    }

  }

  // One claim per clause for related types.
  std::vector<Draft> merged;
  for (auto& dr : drafts) {
    bool joined = false;
    for (auto& m : merged) {
      std::string ms = m.claim.actor ? m.claim.actor->side : "", ds = dr.claim.actor ? dr.claim.actor->side : "";
      bool same_clause = m.clause.begin == dr.clause.begin && m.clause.end == dr.clause.end;
      if (m.sentence == dr.sentence && m.attribution == dr.attribution && Related(m.type, dr.type) &&
          (same_clause || m.type == dr.type || ms.empty() || ds.empty() || ms == ds) &&
          m.claim.polarity == dr.claim.polarity && m.claim.modality == dr.claim.modality) {
        if (std::find(m.claim.types.begin(), m.claim.types.end(), dr.claim.type) == m.claim.types.end()) {
          m.claim.types.push_back(dr.claim.type);
        }
        if (!m.claim.actor && dr.claim.actor) m.claim.actor = dr.claim.actor;
        joined = true;
        break;
      }
    }
    if (!joined) merged.push_back(std::move(dr));
  }

  // A lede that repeats the standfirst in other words: the same event, type and
  // side, in the article's voice, within two sentences, mostly the same words.
  {
    std::vector<Draft> kept;
    for (auto& m : merged) {
      bool repeat = false;
      for (const auto& k : kept) {
        if (k.claim.headline || m.claim.headline) continue;
        if (k.claim.type != m.claim.type || k.claim.root || m.claim.root || m.sentence > k.sentence + 2) continue;
        std::string ks = k.claim.actor ? k.claim.actor->side : "", ms = m.claim.actor ? m.claim.actor->side : "";
        if (ks != ms) continue;
        if (util::AsciiLower(d.Slice(k.claim.trigger)) != util::AsciiLower(d.Slice(m.claim.trigger))) continue;
        auto kt = eval_tokens(k.claim.text), mt = eval_tokens(m.claim.text);
        if (std::max(Overlap(kt, mt), Overlap(mt, kt)) >= 0.5) repeat = true;
      }
      if (!repeat) kept.push_back(std::move(m));
    }
    merged = std::move(kept);
  }

  // A claim with no side at all, no place in Ukraine or Russia and no source of
  // either side is not about the war's parties ("Egypt's attack", "an earthquake
  // mobilised rescue teams", "heinous attacks and atrocities"): left out.
  {
    std::vector<Draft> kept;
    for (auto& m : merged) {
      const Claim& c = m.claim;
      bool sided = c.actor && !c.actor->side.empty();
      bool war_place = c.place && (c.place->country == "UA" || c.place->country == "RU");
      bool war_source = false;
      for (const auto& s : c.chain) war_source |= s.side == "UA" || s.side == "RU";
      if (sided || war_place || war_source) kept.push_back(std::move(m));
    }
    merged = std::move(kept);
  }

  // The headline summarises the body: its claims count once, when the body says the same.
  std::vector<Claim> out;
  for (auto& m : merged) {
    if (m.claim.headline) {
      bool in_body = false;
      for (const auto& o : merged) {
        if (!o.claim.headline && o.claim.type == m.claim.type) in_body = true;
      }
      if (in_body) continue;
    }
    out.push_back(std::move(m.claim));
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].id = d.doc_id + "#" + std::to_string(i);
  // A source named once with its role ("Serhiy Haidai, the governor of Luhansk") keeps
  // that side when it speaks again as "He".
  {
    std::unordered_map<std::string, std::string> side_of;
    for (const auto& c : out) {
      for (const auto& s : c.chain) {
        if (!s.side.empty()) side_of.emplace(s.name, s.side);
      }
    }
    for (auto& c : out) {
      for (auto& s : c.chain) {
        if (s.side.empty()) {
          if (auto it = side_of.find(s.name); it != side_of.end()) s.side = it->second;
        }
      }
      if (!c.chain.empty() && c.root) c.root->side = c.chain.back().side;
    }
  }
  // Place-like names that resolve nowhere, with the closest gazetteer entries.
  std::unordered_set<std::string> flagged;
  for (const auto& m : places) {
    if (m.place || !flagged.insert(m.text).second) continue;  // one flag per name, at its first use
    Flag f;
    f.kind = "unresolved_place";
    f.text = m.text;
    f.span = m.span;
    f.detail = "no gazetteer entry";
    if (!m.candidates.empty()) {
      f.detail += "; closest:";
      for (size_t i = 0; i < m.candidates.size() && i < 3; ++i) {
        const Place* p = m.candidates[i];
        f.detail += (i ? ", " : " ") + p->name + (p->admin1.empty() ? "" : " (" + p->admin1 + ")");
      }
    }
    doc->flags.push_back(std::move(f));
  }
  doc->claims = std::move(out);
}

}  // namespace claimtrace::extract
