// Event triggers (Hyperscan) and the token lexicons of actors and claim words.
#include "extract/events.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::extract {

namespace {

constexpr const char* kTypeNames[kEventTypeCount] = {
    "surrender",          "refusal_to_fight", "desertion", "defection", "retreat",
    "territorial_change", "casualties",       "prisoners", "mobilization", "attack"};

constexpr char kEventsFile[] = "lexicons/en/events.txt";

[[noreturn]] void DataFailure(const std::string& file, int line, const std::string& what) {
  std::fprintf(stderr, "claimtrace: broken data file %s:%d: %s\n", file.c_str(), line, what.c_str());
  std::abort();
}

// ---------------------------------------------------------------- trigger patterns

struct TriggerRule {
  EventType type;
  bool weak = false, patient = false, people_object = false, verb_only = false;
  int line = 0;
};

// The regular inflections of a verb: base, -s, -ed, -ing.
std::vector<std::string> Inflect(const std::string& w) {
  auto is_vowel = [](char c) { return std::strchr("aeiou", c) != nullptr; };
  size_t n = w.size();
  if (n >= 2 && w[n - 1] == 'e') return {w, w + "s", w + "d", w.substr(0, n - 1) + "ing"};
  if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2])) {
    std::string stem = w.substr(0, n - 1);
    return {w, stem + "ies", stem + "ied", w + "ing"};
  }
  bool sibilant = w.back() == 's' || w.back() == 'x' || w.back() == 'z' ||
                  (n >= 2 && (w.compare(n - 2, 2, "sh") == 0 || w.compare(n - 2, 2, "ch") == 0));
  return {w, w + (sibilant ? "es" : "s"), w + "ed", w + "ing"};
}

std::string RegexEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) out += '\\';
    out += c;
  }
  return out;
}

// One pattern element ("a|b~") as a regex group of its word forms.
std::string Alternatives(std::string_view element, const std::string& file, int line) {
  std::string out = "(?:";
  bool first = true;
  for (std::string_view alt : util::Split(element, '|')) {
    if (alt.empty()) DataFailure(file, line, "empty alternative in '" + std::string(element) + "'");
    std::vector<std::string> forms;
    if (alt.back() == '~') {
      forms = Inflect(util::AsciiLower(alt.substr(0, alt.size() - 1)));
    } else {
      forms = {util::AsciiLower(alt)};
    }
    for (const auto& f : forms) {
      if (!first) out += '|';
      first = false;
      // Multi-word alternatives ("air strike") match any run of spaces.
      std::string words;
      for (std::string_view w : util::Split(f, ' ')) {
        if (w.empty()) continue;
        if (!words.empty()) words += "\\s+";
        words += RegexEscape(w);
      }
      out += words;
    }
  }
  return out + ")";
}

// Turns "lay|laid down (their|his) ... arms" into a regex over the text.
std::string PatternToRegex(std::string_view pattern, const std::string& file, int line) {
  std::string out = "\\b";
  bool have_word = false;
  bool gap = false;
  // Elements are separated by spaces, but an alternative may hold a space only
  // inside parentheses; split on spaces outside them.
  std::vector<std::string_view> elements;
  {
    int depth = 0;
    size_t b = 0;
    for (size_t i = 0; i <= pattern.size(); ++i) {
      if (i == pattern.size() || (pattern[i] == ' ' && depth == 0)) {
        if (i > b) elements.push_back(pattern.substr(b, i - b));
        b = i + 1;
      } else if (pattern[i] == '(') {
        ++depth;
      } else if (pattern[i] == ')') {
        --depth;
      }
    }
  }
  for (std::string_view e : elements) {
    if (e == "...") {
      if (!have_word) DataFailure(file, line, "a pattern cannot start with a gap");
      gap = true;
      continue;
    }
    bool optional = e.size() >= 2 && e.front() == '(' && e.back() == ')';
    if (optional) e = e.substr(1, e.size() - 2);
    std::string group = Alternatives(e, file, line);
    std::string sep = have_word ? (gap ? "(?:\\s+[^\\s.;!?]+){0,4}\\s+" : "\\s+") : "";
    if (optional) {
      if (!have_word) DataFailure(file, line, "a pattern cannot start with an optional element");
      out += "(?:" + sep + group + ")?";
    } else {
      out += sep + group;
      have_word = true;
    }
    gap = false;
  }
  if (!have_word) DataFailure(file, line, "empty pattern");
  return out + "\\b";
}

struct TriggerDb {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::vector<TriggerRule> rules;  // by pattern id
};

const TriggerDb& Triggers() {
  static const TriggerDb db = [] {
    TriggerDb out;
    const std::string file = kEventsFile;
    std::vector<std::string> regexes;
    int line_no = 0;
    for (std::string_view line : util::SplitLines(util::EmbeddedFile(kEventsFile))) {
      ++line_no;
      if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      line = util::Trim(line);
      if (line.empty()) continue;
      auto cols = util::Split(line, '\t');
      if (cols.size() < 2 || cols.size() > 3) DataFailure(file, line_no, "expected type<TAB>pattern[<TAB>flags]");
      int type = EventTypeFromName(util::Trim(cols[0]));
      if (type < 0) DataFailure(file, line_no, "unknown event type '" + std::string(cols[0]) + "'");
      TriggerRule rule;
      rule.type = static_cast<EventType>(type);
      rule.line = line_no;
      if (cols.size() == 3) {
        for (std::string_view f : util::Split(cols[2], ',')) {
          f = util::Trim(f);
          if (f == "weak") rule.weak = true;
          else if (f == "patient") rule.patient = true;
          else if (f == "people_object") rule.people_object = true;
          else if (f == "verb_only") rule.verb_only = true;
          else if (!f.empty()) DataFailure(file, line_no, "unknown flag '" + std::string(f) + "'");
        }
      }
      regexes.push_back(PatternToRegex(util::Trim(cols[1]), file, line_no));
      out.rules.push_back(rule);
    }
    if (regexes.empty()) DataFailure(file, 0, "no patterns");
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (size_t i = 0; i < regexes.size(); ++i) {
      exprs.push_back(regexes[i].c_str());
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                         nullptr, &out.db, &err) != HS_SUCCESS) {
      int bad = err && err->expression >= 0 ? out.rules[err->expression].line : 0;
      std::string msg = err ? err->message : "unknown error";
      if (err) hs_free_compile_error(err);
      DataFailure(file, bad, "pattern does not compile: " + msg);
    }
    if (hs_alloc_scratch(out.db, &out.prototype) != HS_SUCCESS) DataFailure(file, 0, "cannot allocate scratch");
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

std::vector<std::string> TokenKeys(const Document& doc) {
  std::vector<std::string> keys;
  keys.reserve(doc.tokens.size());
  for (const auto& t : doc.tokens) {
    std::string_view s = doc.Slice(t.span);
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
    keys.push_back(std::move(k));
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
  hs_scratch_t* raw_scratch = nullptr;
  if (hs_clone_scratch(db.prototype, &raw_scratch) != HS_SUCCESS) return out;
  std::unique_ptr<hs_scratch_t, ScratchDeleter> scratch(raw_scratch);
  std::vector<RawMatch> matches;
  auto on_match = [](unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) -> int {
    static_cast<std::vector<RawMatch>*>(ctx)->push_back(
        {id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
    return 0;
  };
  if (hs_scan(db.db, doc.text.data(), static_cast<unsigned>(doc.text.size()), 0, scratch.get(), on_match,
              &matches) != HS_SUCCESS) {
    return out;
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
    const TriggerRule& r = db.rules[m.id];
    Trigger t;
    t.type = r.type;
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
