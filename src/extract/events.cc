// Event triggers (Hyperscan) and the token lexicons of actors and claim words.
#include "extract/events.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "extract/event_rules.h"
#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::extract {

extern const unsigned char kEventsDb[];
extern const size_t kEventsDbSize;
extern const unsigned char kEventsDetectDb[];
extern const size_t kEventsDetectDbSize;

namespace {

static_assert(rules::kTypes == kEventTypeCount);
const char* const* kTypeNames = rules::kTypeNames;

constexpr char kEventsFile[] = "lexicons/en/events.txt";

[[noreturn]] void DataFailure(const std::string& file, int line, const std::string& what) {
  if (line == 0) {
    std::fprintf(stderr, "claimtrace: broken data file %s: %s\n", file.c_str(), what.c_str());
  } else {
    std::fprintf(stderr, "claimtrace: broken data file %s:%d: %s\n", file.c_str(), line, what.c_str());
  }
  std::abort();
}

// ---------------------------------------------------------------- trigger patterns

struct TriggerDb {
  hs_database_t* detect = nullptr;  // no start of match: small and fast, over the whole text
  hs_database_t* db = nullptr;      // with start of match, over the sentences that matched
  hs_scratch_t* prototype = nullptr;
  std::vector<rules::TriggerRule> rules;  // by pattern id
};

const TriggerDb& Triggers() {
  static const TriggerDb db = [] {
    TriggerDb out;
    std::vector<std::string> regexes;
    std::string error;
    if (!rules::ParseTriggerRules(util::EmbeddedFile(kEventsFile), &out.rules, &regexes, &error)) {
      DataFailure(kEventsFile, 0, error);
    }
    // The database compiled at build time; compiled here only when this CPU cannot load it.
    if (hs_deserialize_database(reinterpret_cast<const char*>(kEventsDb), kEventsDbSize, &out.db) != HS_SUCCESS &&
        !rules::CompileTriggerRegexes(regexes, out.rules, true, &out.db, &error)) {
      DataFailure(kEventsFile, 0, error);
    }
    if (hs_deserialize_database(reinterpret_cast<const char*>(kEventsDetectDb), kEventsDetectDbSize, &out.detect) !=
            HS_SUCCESS &&
        !rules::CompileTriggerRegexes(regexes, out.rules, false, &out.detect, &error)) {
      DataFailure(kEventsFile, 0, error);
    }
    // One scratch serves both databases.
    if (hs_alloc_scratch(out.db, &out.prototype) != HS_SUCCESS ||
        hs_alloc_scratch(out.detect, &out.prototype) != HS_SUCCESS) {
      DataFailure(kEventsFile, 0, "cannot allocate scratch");
    }
    return out;
  }();
  return db;
}

struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

struct RawMatch {
  unsigned id;
  uint32_t from, to;
};

// ---------------------------------------------------------------- token lexicons

struct PhraseForm {
  std::vector<std::string> rest;  // following words, lower case (or as written when exact)
  bool exact = false;             // an acronym: matched case-sensitively
  std::string first_exact;
  uint32_t tags = 0;
  std::string side;
};

struct PhraseLexicon {
  std::unordered_map<std::string, std::vector<PhraseForm>> by_first;
};

uint32_t TagBit(std::string_view t, std::string* side) {
  if (t == "hedge") return kTagHedge;
  if (t == "hedge_next") return kTagHedgeNext;
  if (t == "negation") return kTagNegation;
  if (t == "modal") return kTagModal;
  if (t == "conditional") return kTagConditional;
  if (t == "directive") return kTagDirective;
  if (t == "backref") return kTagBackref;
  if (t == "backref_adj") return kTagBackrefAdj;
  if (t == "generic") return kTagGeneric;
  if (t == "focus") return kTagFocus;
  if (t == "civilian") return kTagCivilian;
  if (t == "weapon") return kTagWeapon;
  if (t == "adj") return kTagActorAdj;
  if (t == "force") return kTagForce;
  if (t == "enemy") return kTagEnemy;
  if (t == "state") return kTagState;
  if (t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) && std::isupper(static_cast<unsigned char>(t[1]))) {
    *side = std::string(t);
    return kTagSide;
  }
  return 0;
}

bool AllCaps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

PhraseLexicon LoadPhrases(const char* name) {
  PhraseLexicon lex;
  auto parsed = util::ParseLexicon(name, util::EmbeddedFile(name));
  if (!parsed.ok()) DataFailure(name, 0, parsed.status().ToString());
  for (const auto& e : parsed.value()) {
    uint32_t tags = 0;
    std::string side;
    for (const auto& t : e.tags) {
      uint32_t bit = TagBit(t, &side);
      if (!bit) DataFailure(name, e.line, "unknown tag '" + t + "'");
      tags |= bit;
    }
    for (const auto& form : e.forms) {
      auto words = util::Split(form, ' ');
      PhraseForm f;
      f.exact = AllCaps(form);
      f.tags = tags;
      f.side = side;
      for (size_t w = 1; w < words.size(); ++w) {
        f.rest.emplace_back(f.exact ? std::string(words[w]) : util::AsciiLower(words[w]));
      }
      f.first_exact = std::string(words[0]);
      auto& v = lex.by_first[util::AsciiLower(words[0])];
      v.push_back(std::move(f));
      std::stable_sort(v.begin(), v.end(),
                       [](const PhraseForm& a, const PhraseForm& b) { return a.rest.size() > b.rest.size(); });
    }
  }
  return lex;
}

const PhraseLexicon& ClaimWordLexicon() {
  static const PhraseLexicon lex = LoadPhrases("lexicons/en/claim_words.txt");
  return lex;
}
const PhraseLexicon& ActorLexicon() {
  static const PhraseLexicon lex = LoadPhrases("lexicons/en/actors.txt");
  return lex;
}

std::vector<WordHit> FindPhrases(const PhraseLexicon& lex, const Document& doc, const std::vector<std::string>& keys,
                                 uint32_t begin, uint32_t end) {
  std::vector<WordHit> hits;
  end = std::min<uint32_t>(end, static_cast<uint32_t>(keys.size()));
  for (uint32_t i = begin; i < end;) {
    const std::string& k = keys[i];
    // "didn't", "won't": the negation is inside the word.
    std::string_view key = k;
    auto it = lex.by_first.find(k);
    const PhraseForm* best = nullptr;
    if (it != lex.by_first.end()) {
      for (const auto& f : it->second) {
        if (i + 1 + f.rest.size() > end) continue;
        if (f.exact && doc.Slice(doc.tokens[i].span) != f.first_exact) continue;
        bool ok = true;
        for (size_t r = 0; r < f.rest.size() && ok; ++r) {
          ok = f.exact ? doc.Slice(doc.tokens[i + 1 + r].span) == f.rest[r] : keys[i + 1 + r] == f.rest[r];
        }
        if (ok) {
          best = &f;
          break;
        }
      }
    }
    if (best) {
      uint32_t n = 1 + static_cast<uint32_t>(best->rest.size());
      hits.push_back({i, i + n, best->tags, best->side});
      i += n;
      continue;
    }
    if (&lex == &ClaimWordLexicon() && key.size() > 3 && key.substr(key.size() - 3) == "n't") {
      hits.push_back({i, i + 1, kTagNegation, ""});
    }
    ++i;
  }
  return hits;
}

}  // namespace

const char* EventTypeName(EventType t) { return kTypeNames[static_cast<int>(t)]; }

int EventTypeFromName(std::string_view name) {
  for (int i = 0; i < kEventTypeCount; ++i) {
    if (name == kTypeNames[i]) return i;
  }
  return -1;
}

namespace {

std::string KeyOf(std::string_view s) {
  std::string k;
  k.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) as an apostrophe.
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      k += '\'';
      i += 2;
      continue;
    }
    k += util::AsciiLowerChar(s[i]);
  }
  return k;
}

}  // namespace

std::vector<std::string> TokenKeys(const Document& doc, const std::vector<char>* sentences) {
  std::vector<std::string> keys(doc.tokens.size());
  if (!sentences) {
    for (size_t t = 0; t < doc.tokens.size(); ++t) keys[t] = KeyOf(doc.Slice(doc.tokens[t].span));
    return keys;
  }
  for (size_t s = 0; s < doc.sentences.size() && s < sentences->size(); ++s) {
    if (!(*sentences)[s]) continue;
    for (uint32_t t = doc.sentences[s].token_begin; t < doc.sentences[s].token_end && t < keys.size(); ++t) {
      keys[t] = KeyOf(doc.Slice(doc.tokens[t].span));
    }
  }
  return keys;
}

std::vector<WordHit> FindClaimWords(const Document& doc, const std::vector<std::string>& keys, uint32_t begin,
                                    uint32_t end) {
  return FindPhrases(ClaimWordLexicon(), doc, keys, begin, end);
}

std::vector<WordHit> FindActorWords(const Document& doc, const std::vector<std::string>& keys, uint32_t begin,
                                    uint32_t end) {
  return FindPhrases(ActorLexicon(), doc, keys, begin, end);
}

std::vector<Trigger> FindTriggers(const Document& doc) {
  std::vector<Trigger> out;
  if (doc.text.empty() || doc.tokens.empty()) return out;
  const TriggerDb& db = Triggers();
  // One scratch space per thread, kept for the thread's life (cloning one per
  // document costs more than scanning a short article).
  thread_local std::unique_ptr<hs_scratch_t, ScratchDeleter> scratch;
  if (!scratch) {
    hs_scratch_t* raw_scratch = nullptr;
    if (hs_clone_scratch(db.prototype, &raw_scratch) != HS_SUCCESS) return out;
    scratch.reset(raw_scratch);
  }
  std::vector<RawMatch> matches;
  auto on_match = [](unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) -> int {
    static_cast<std::vector<RawMatch>*>(ctx)->push_back(
        {id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
    return 0;
  };
  // Pass 1, the whole text without start offsets: which sentences hold a trigger.
  std::vector<RawMatch> ends;
  if (hs_scan(db.detect, doc.text.data(), static_cast<unsigned>(doc.text.size()), 0, scratch.get(), on_match,
              &ends) != HS_SUCCESS) {
    return out;
  }
  if (ends.empty()) return out;
  // Pass 2, with start offsets, over those sentences only.
  uint32_t scanned_to = 0;
  for (const RawMatch& e : ends) {
    if (e.to <= scanned_to) continue;
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), e.to - 1,
                               [](uint32_t o, const Sentence& s) { return o < s.span.begin; });
    if (it == doc.sentences.begin()) continue;
    const Sentence& s = *(it - 1);
    if (e.to > s.span.end) continue;  // crosses a sentence end: never kept
    std::vector<RawMatch> local;
    if (hs_scan(db.db, doc.text.data() + s.span.begin, s.span.size(), 0, scratch.get(), on_match, &local) !=
        HS_SUCCESS) {
      return out;
    }
    for (RawMatch m : local) matches.push_back({m.id, m.from + s.span.begin, m.to + s.span.begin});
    scanned_to = s.span.end;
  }
  // Longest first; equal lengths keep the earlier rule.
  std::sort(matches.begin(), matches.end(), [](const RawMatch& a, const RawMatch& b) {
    if (a.to - a.from != b.to - b.from) return a.to - a.from > b.to - b.from;
    if (a.from != b.from) return a.from < b.from;
    return a.id < b.id;
  });
  // Token of each byte offset: binary search over token starts.
  auto token_at = [&](uint32_t offset) -> uint32_t {
    auto it = std::upper_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                               [](uint32_t o, const Token& t) { return o < t.span.begin; });
    return static_cast<uint32_t>(it - doc.tokens.begin()) - 1;
  };
  std::vector<uint32_t> sentence_of(doc.tokens.size(), 0);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    for (uint32_t t = doc.sentences[s].token_begin; t < doc.sentences[s].token_end && t < sentence_of.size(); ++t) {
      sentence_of[t] = s;
    }
  }
  std::vector<char> taken(doc.tokens.size(), 0);
  for (const RawMatch& m : matches) {
    if (m.from >= m.to || m.from < doc.tokens.front().span.begin) continue;
    uint32_t tb = token_at(m.from);
    uint32_t te = token_at(m.to - 1) + 1;
    if (tb >= doc.tokens.size() || doc.tokens[tb].span.begin != m.from) continue;
    if (sentence_of[tb] != sentence_of[te - 1]) continue;
    bool free = true;
    for (uint32_t t = tb; t < te && free; ++t) free = !taken[t];
    if (!free) continue;
    for (uint32_t t = tb; t < te; ++t) taken[t] = 1;
    const rules::TriggerRule& r = db.rules[m.id];
    Trigger t;
    t.type = static_cast<EventType>(r.type);
    t.span = {m.from, doc.tokens[te - 1].span.end};
    t.token_begin = tb;
    t.token_end = te;
    t.sentence = sentence_of[tb];
    t.weak = r.weak;
    t.patient = r.patient;
    t.people_object = r.people_object;
    t.verb_only = r.verb_only;
    t.rule_line = r.line;
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const Trigger& a, const Trigger& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace claimtrace::extract
