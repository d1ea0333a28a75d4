// Rule-based attribution over tokens. Two passes per paragraph: first every
// quotation looks for its speaker around its marks; then every remaining cue
// (from data/lexicons/en/cues.txt) builds an indirect or "according to"
// attribution by finding its source noun phrase (left of the cue, or right of
// it when inverted) and its content (the clause after the cue, or the clause
// before ", X said"). Links (parent, cites, via) and pronoun resolution run
// over the whole document afterwards.
#include "extract/attribution.h"

#include <algorithm>
#include <bitset>
#include <functional>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xxhash.h>

#include "extract/sources.h"
#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::extract {
namespace {

// ---------------------------------------------------------------- lexicon

struct CueEntry {
  std::string canonical;
  bool tell = false, needs_that = false, deny = false, call = false, report = false, describe = false,
       according = false, noun_too = false, attitude = false;
};

struct CueForm {
  std::vector<std::string> rest;  // tokens after the first, lower case
  const CueEntry* entry;
};

// XXH3 is several times faster than std::hash on the short words looked up here.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
};
using WordSet = std::unordered_set<std::string_view, StringHash>;

struct CueLexicon {
  std::vector<CueEntry> entries;
  std::unordered_map<std::string, std::vector<CueForm>, StringHash, std::equal_to<>> by_first;
  // (first byte, length) pairs that occur among the first words: most tokens are
  // ruled out without hashing.
  std::bitset<256 * 32> shape;
  bool MayStart(std::string_view w) const {
    return !w.empty() && w.size() < 32 && shape[static_cast<unsigned char>(w[0]) * 32 + w.size()];
  }
};

const CueLexicon& Cues() {
  static const CueLexicon lex = [] {
    CueLexicon out;
    auto parsed = util::ParseLexicon("lexicons/en/cues.txt", util::EmbeddedFile("lexicons/en/cues.txt"));
    auto learned =
        util::ParseLexicon("lexicons/en/cues_learned.txt", util::EmbeddedFile("lexicons/en/cues_learned.txt"));
    for (const auto* r : {&parsed, &learned}) {
      if (!r->ok()) {
        std::fprintf(stderr, "claimtrace: broken data file: %s\n", r->status().ToString().c_str());
        std::abort();
      }
    }
    // Learned forms only add to the hand-written lexicon; a form in both keeps the hand-written entry.
    {
      std::unordered_set<std::string> have;
      for (const auto& e : parsed.value()) {
        for (const auto& f : e.forms) have.insert(util::AsciiLower(f));
      }
      for (auto& e : learned.value()) {
        if (!have.count(util::AsciiLower(e.forms[0]))) parsed.value().push_back(std::move(e));
      }
    }
    out.entries.reserve(parsed->size());
    for (const auto& e : parsed.value()) {
      CueEntry c;
      c.canonical = e.forms[0];
      for (const auto& t : e.tags) {
        if (t == "tell") c.tell = true;
        if (t == "needs_that") c.needs_that = true;
        if (t == "deny") c.deny = true;
        if (t == "call") c.call = true;
        if (t == "report") c.report = true;
        if (t == "describe") c.describe = true;
        if (t == "according") c.according = true;
        if (t == "noun_too") c.noun_too = true;
        if (t == "attitude") c.attitude = true;
      }
      out.entries.push_back(c);
    }
    for (size_t i = 0; i < parsed->size(); ++i) {
      for (const auto& form : parsed.value()[i].forms) {
        auto words = util::Split(form, ' ');
        CueForm f{{}, &out.entries[i]};
        for (size_t w = 1; w < words.size(); ++w) f.rest.emplace_back(util::AsciiLower(words[w]));
        std::string first = util::AsciiLower(words[0]);
        if (first.size() < 32) out.shape.set(static_cast<unsigned char>(first[0]) * 32 + first.size());
        auto& v = out.by_first[first];
        v.push_back(f);
        // Longest forms first.
        std::sort(v.begin(), v.end(), [](const CueForm& a, const CueForm& b) { return a.rest.size() > b.rest.size(); });
      }
    }
    return out;
  }();
  return lex;
}

// Whether every form starting with a word is an attitude ("wants"), so that
// without attitudes the word is an ordinary word to every rule.
bool AttitudeOnly(const std::vector<CueForm>& forms) {
  return std::all_of(forms.begin(), forms.end(), [](const CueForm& f) { return f.entry->attitude; });
}

// Word classes used by the rules. Built once at start (see Classes()).
struct Classes {
  WordSet boundary = {"that", "while", "but", "although", "though", "because", "since",
                                              "whereas", "if", "unless", "so", "yet", "when", "where", "after",
                                              "before", "as", "whether", "than", "until", "once"};
  WordSet aux = {"has", "have", "had", "will", "would", "could", "can", "may", "might",
                                         "shall", "should", "must", "did", "does", "do", "also", "not", "never",
                                         "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "then",
                                         "later", "previously", "earlier", "again", "once", "first", "further",
                                         "still", "already", "just", "even", "reportedly", "allegedly", "often",
                                         "had", "recently", "separately", "initially", "don't", "don’t", "doesn't",
                                         "doesn’t", "didn't", "didn’t", "won't", "won’t", "wouldn't", "wouldn’t",
                                         "can't", "can’t", "hasn't", "hasn’t", "haven't", "haven’t",
                                         "now", "long", "always", "barely"};
  WordSet cue_aux = {"has", "have", "had", "also", "will", "would", "'s", "’s", "did",
                                             "does", "do", "could", "may", "might"};
  WordSet verbish = {"is", "are", "was", "were", "has", "have", "had", "be", "been",
                                             "will", "would", "could", "can", "may", "might", "should", "must",
                                             "do", "does", "did", "to", "not"};
  WordSet determiners = {"the", "a", "an", "this", "that", "these", "those", "his", "her",
                                                 "its", "their", "our", "my", "your", "such", "some", "any", "no",
                                                 "each", "every", "another", "of", "in", "on", "for", "whose",
                                                 "which", "what", "by", "from", "with", "to"};
  // Adjectives that make a following bare cue form a noun ("a new report"), not a past tense.
  WordSet noun_adjectives = {"recent", "earlier", "new", "latest", "initial", "first",
                                                     "official", "public", "unconfirmed", "false", "similar",
                                                     "repeated", "numerous", "previous", "media", "news", "press"};
  WordSet role_words = {
      "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "president", "minister", "commander",
      "director", "leader", "head", "chief", "secretary", "ambassador", "adviser", "advisor", "analyst", "expert",
      "official", "officer", "general", "colonel", "deputy", "chairman", "founder", "editor", "correspondent",
      "reporter", "journalist", "blogger", "member", "lawmaker", "senator", "envoy", "representative", "aide",
      "professor", "researcher", "prosecutor", "judge", "ombudsman", "commissioner", "premier", "chancellor"};
  // Words that place a person by a relation to someone: "a source close to X", "aides loyal to X".
  WordSet relation_words = {"close", "closer", "loyal", "ties", "familiar", "near", "sympathetic", "friendly",
                            "connected", "linked", "allied", "attached", "assigned"};
  // Irregular past tenses, which the "-ed" test misses ("kept", "spoke", "went on").
  WordSet irregular_past = {"kept", "made", "took", "gave", "went", "came", "held", "met", "sent", "won", "lost",
                            "got", "ran", "began", "brought", "bought", "built", "spent", "stood", "struck",
                            "spoke", "sought", "fought", "led", "became", "wrote", "drew", "threw", "broke",
                            "chose", "rose", "fell", "swore", "shot", "bit"};
  WordSet prepositions = {"in", "on", "at", "during", "via", "through", "with", "after",
                                                  "for", "from", "by", "before", "while", "when", "without",
                                                  "despite", "like", "amid", "under", "over"};
  WordSet pronouns = {"he", "she", "they", "we", "i", "it", "you"};
  WordSet relative = {"who", "which", "whose", "whom"};
  WordSet lead_drop = {"with", "and", "but", "as", "meanwhile", "however", "also",
                                               "then", "so", "yet", "while", "though", "although", "now",
                                               "instead", "moreover", "furthermore", "still"};
  WordSet np_ed_ok = {"unnamed", "armed", "retired", "named", "concerned", "informed",
                                              "detained", "captured", "united", "elected", "self-proclaimed",
                                              "unidentified", "embattled", "exiled", "wounded", "based",
                                              "appointed", "unverified"};
  WordSet appositive_start = {
      "the", "a", "an", "his", "her", "its", "their", "former", "ex", "deputy", "acting", "then", "who", "which",
      "now", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "president",
      "minister", "commander", "director", "leader", "secretary", "ambassador", "adviser", "advisor", "analyst",
      "expert", "speaking", "citing", "writing", "quoted", "according", "one", "both"};
  WordSet anon_heads = {"source", "sources", "official", "officials", "insider",
                                                "insiders", "person", "people", "diplomat", "diplomats",
                                                "officer", "officers", "resident", "residents", "witness",
                                                "witnesses", "aide", "aides", "someone", "analysts", "experts",
                                                "observers", "authorities", "agencies", "servicemen",
                                                "soldier", "soldiers", "spokesperson", "spokesman", "reports",
                                                "report", "bloggers", "blogger", "channels", "media"};
  WordSet hearsay_participles = {"said", "reported", "believed", "thought", "alleged",
                                                         "claimed", "rumoured", "rumored", "understood", "known",
                                                         "feared", "estimated", "expected", "considered"};
  // Time: nouns ("Friday", "week") and the words that build time phrases with them.
  WordSet time_nouns = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december", "week", "month", "year", "weekend", "morning",
                        "evening", "night", "afternoon", "yesterday", "today", "tonight"};
  WordSet time_modifiers = {"last", "this", "next", "early", "late", "on", "in", "at", "since", "by", "the",
                            "earlier", "later", "meanwhile", "however"};
  WordSet noun_cues = {"revelation", "report", "reports", "statement", "statements",
                                               "announcement", "claim", "claims", "warning", "warnings",
                                               "information", "data", "figures", "disclosure", "assessment",
                                               "allegations", "allegation", "message", "post", "video",
                                               "briefing", "update", "summary"};
  WordSet right_tail_starts = {"in", "on", "at", "during", "to", "from", "last", "this",
                                                       "yesterday", "today", "earlier", "late", "after", "before",
                                                       "via", "through", "over", "while", "when", "as", "of",
                                                       "with", "without", "told", "late", "outside", "inside",
                                                       "following", "ahead", "days", "hours", "weeks"};
};

const Classes& C() {
  static const Classes c;
  return c;
}

// ---------------------------------------------------------------- context

struct Ctx {
  Document* doc;
  std::string_view text;
  std::string lower;
  const std::vector<Token>& toks;
  std::vector<int> quote_of;  // top-level quote index covering each token, or -1
  std::vector<char> used;     // token already part of a cue
  std::vector<char> title_case;  // token is in a Title Case line (a headline), where cues are capitalised
  std::vector<const std::vector<CueForm>*> cue_forms;  // lexicon forms starting at each token, or nullptr
  bool attitudes = false;  // AttributionOptions::attitudes

  Ctx(Document* d, bool with_attitudes)
      : doc(d), text(d->text), lower(util::AsciiLower(d->text)), toks(d->tokens), attitudes(with_attitudes) {
    quote_of.assign(toks.size(), -1);
    used.assign(toks.size(), 0);
    title_case.assign(toks.size(), 0);
    cue_forms.assign(toks.size(), nullptr);
    const CueLexicon& lex = Cues();
    const auto& by_first = lex.by_first;
    for (size_t t = 0; t < toks.size(); ++t) {
      if (toks[t].kind != TokenKind::kWord) continue;
      std::string_view w = std::string_view(lower).substr(toks[t].span.begin, toks[t].span.size());
      if (!lex.MayStart(w)) continue;
      auto it = by_first.find(w);
      if (it == by_first.end() || (!attitudes && AttitudeOnly(it->second))) continue;
      cue_forms[t] = &it->second;
    }
    for (const Sentence& s : d->sentences) {
      size_t words = 0, caps = 0;
      for (size_t t = s.token_begin; t < s.token_end; ++t) {
        if (toks[t].kind != TokenKind::kWord || toks[t].span.size() <= 3) continue;
        ++words;
        caps += toks[t].capitalized;
      }
      if (words >= 4 && caps * 10 >= words * 8) {
        for (size_t t = s.token_begin; t < s.token_end; ++t) title_case[t] = 1;
      }
    }
    for (size_t q = 0; q < d->quotes.size(); ++q) {
      const Quote& quote = d->quotes[q];
      for (uint32_t t = quote.open_token; t <= quote.close_token && t < toks.size(); ++t) {
        if (quote_of[t] < 0) quote_of[t] = static_cast<int>(q);
      }
    }
  }

  std::string_view Low(size_t i) const { return std::string_view(lower).substr(toks[i].span.begin, toks[i].span.size()); }
  std::string_view Raw(size_t i) const { return text.substr(toks[i].span.begin, toks[i].span.size()); }
  bool Is(size_t i, std::string_view s) const { return i < toks.size() && Low(i) == s; }
  bool IsWord(size_t i) const {
    return i < toks.size() && (toks[i].kind == TokenKind::kWord || toks[i].kind == TokenKind::kNumber);
  }
  bool IsComma(size_t i) const { return i < toks.size() && Raw(i) == ","; }
  bool IsPunct(size_t i) const { return i < toks.size() && toks[i].kind == TokenKind::kPunct; }
  bool IsQuote(size_t i) const { return i < toks.size() && toks[i].kind == TokenKind::kQuote; }
  bool IsSentenceEndPunct(size_t i) const {
    if (!IsPunct(i)) return false;
    auto r = Raw(i);
    return r == "." || r == "!" || r == "?" || r == "…";
  }
  bool InQuote(size_t i) const { return quote_of[i] >= 0; }
  Span SpanOf(size_t b, size_t e) const { return {toks[b].span.begin, toks[e - 1].span.end}; }
  TextRef Ref(size_t b, size_t e) const {
    Span s = SpanOf(b, e);
    return {std::string(text.substr(s.begin, s.size())), s};
  }
  TextRef RefSpan(Span s) const { return {std::string(text.substr(s.begin, s.size())), s}; }
};

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// A lower-case word that looks like a finite verb and cannot be inside a source NP.
bool VerbLike(const Ctx& c, size_t i) {
  if (!c.IsWord(i) || c.toks[i].capitalized) return false;
  std::string w(c.Low(i));
  if (C().verbish.count(w)) return true;
  if (i > 0 && c.IsWord(i - 1) && C().determiners.count((c.Low(i - 1)))) return false;
  if (w.find('-') != std::string::npos) return false;
  if (EndsWith(w, "ed") && !C().np_ed_ok.count(w)) return true;
  return c.cue_forms[i] != nullptr && !EndsWith(w, "ing");
}

// ---------------------------------------------------------------- cues

// A token that can open a reported clause without "that": "think the plan works", "show Clinton leading".
bool StartsClause(const Ctx& c, size_t i) {
  static const WordSet kOpeners = {"the", "a", "an", "his", "her", "their", "he", "she",
                                                           "they", "it", "we", "i", "you", "there", "this",
                                                           "these", "no", "our", "its", "most", "many"};
  if (i >= c.toks.size() || !c.IsWord(i)) return false;
  if (c.toks[i].kind == TokenKind::kNumber) return true;  // "shows 68% of voters …"
  return kOpeners.count((c.Low(i))) > 0 || (c.toks[i].capitalized && !c.title_case[i]);
}

struct CueHit {
  size_t b = 0, e = 0;  // tokens of the cue word(s)
  const CueEntry* entry = nullptr;
};

// "called" at token i names rather than describes: "a beer called Swing State",
// "a group called “The Local”", "being called the Mistake on the Lake", "called off".
// A describing "called" has a subject and an object with its complement ("Trump
// called the deal “a disaster”", "which she called a mistake").
bool CalledNames(const Ctx& c, size_t i, size_t sent_end) {
  if (i + 1 < sent_end && c.Is(i + 1, "off")) return true;
  if (i == 0 || !c.IsWord(i - 1)) return false;
  std::string_view prev = c.Low(i - 1);
  if (prev == "being" || prev == "been" || prev == "be" || prev == "is" || prev == "was" || prev == "were" ||
      prev == "are") {
    return true;
  }
  // A noun right before, not a subject pronoun or a name: "a play called …".
  static const WordSet kSubjects = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that",
                                    "also", "once", "then", "has", "have", "had", "and", "later", "publicly"};
  if (c.toks[i - 1].capitalized || kSubjects.count(prev) || EndsWith(prev, "ly")) return false;
  size_t k = i + 1;
  if (k >= sent_end) return false;
  if (c.IsQuote(k) && c.quote_of[k] >= 0) {
    k = c.doc->quotes[static_cast<size_t>(c.quote_of[k])].close_token + 1;
  } else if (c.toks[k].capitalized) {
    while (k < sent_end && c.IsWord(k) && c.toks[k].capitalized) ++k;
  } else {
    return false;
  }
  // A complement after the name ("called Smith a liar") makes it a description.
  return !(k < sent_end && (c.IsQuote(k) || C().determiners.count(c.Low(k))));
}

// The end of lexicon form f when it starts at token i and its other words follow
// before `end`; 0 when they do not.
size_t FormEnd(const Ctx& c, const CueForm& f, size_t i, size_t end) {
  size_t e = i + 1;
  for (const std::string& w : f.rest) {
    if (e >= end || c.Low(e) != w) return 0;
    ++e;
  }
  return e;
}

// Matches a cue at token i (not inside a quotation). Rejects noun uses ("the report").
bool MatchCue(const Ctx& c, size_t i, size_t sent_end, CueHit* hit) {
  if (!c.IsWord(i) || c.InQuote(i) || c.used[i]) return false;
  if (!c.cue_forms[i]) return false;
  for (const CueForm& f : *c.cue_forms[i]) {
    if (f.entry->attitude && !c.attitudes) continue;
    size_t e = FormEnd(c, f, i, sent_end);
    if (!e) continue;
    // Capitalised cue words only at the start of a sentence ("According to").
    if (c.toks[i].capitalized && !f.entry->according && !c.title_case[i]) return false;
    if (!f.entry->according && i > 0 && c.IsWord(i - 1)) {
      std::string prev(c.Low(i - 1));
      std::string_view form = c.Low(i);
      bool participle = EndsWith(form, "ed") || EndsWith(form, "ing") || form == "said" || form == "told";
      // "by saying …" is a gerund with the clause subject as speaker, not a noun.
      bool by_gerund = prev == "by" && EndsWith(form, "ing");
      if (C().determiners.count(prev) && prev != "that" && prev != "to" && prev != "which" && !by_gerund) {
        return false;  // "the report", "his claims", "of warning"
      }
      if (!participle && C().noun_adjectives.count(prev)) return false;  // "new claims"
      if (EndsWith(prev, "est") && prev.size() > 4 && !c.toks[i - 1].capitalized) {
        return false;  // "the largest reported cases" (but "Josh Earnest said")
      }
      if (EndsWith(prev, "’s") || EndsWith(prev, "'s") || EndsWith(prev, "s’")) {
        return false;  // "TASS’s report", "Dainega’s remarks"
      }
    }
    if (f.entry->noun_too) {
      std::string_view form = c.Low(i);
      if (!EndsWith(form, "ed") && !EndsWith(form, "ing")) {
        // "the TASS report as …" is a noun; "TASS reports that …", "…, TASS reports." are cues.
        size_t n = e;
        bool ok_next = n >= sent_end || c.Is(n, "that") || c.Raw(n) == ":" || c.Raw(n) == "," || c.IsQuote(n) ||
                       c.IsSentenceEndPunct(n) || StartsClause(c, n);
        if (!ok_next) return false;
      }
    }
    if (!f.entry->according && i > 0 && c.Is(i - 1, "to") && !EndsWith(c.Low(i), "ing")) {
      // "to say", "refused to confirm": an infinitive is not itself a report.
      return false;
    }
    if (e == i + 1 && c.Low(i) == "called" && CalledNames(c, i, sent_end)) return false;
    hit->b = i;
    hit->e = e;
    hit->entry = f.entry;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- noun phrases

// Scans left from token `end - 1` for a source noun phrase, not past `lo`.
// Returns the start, or `end` when no acceptable phrase is there.
size_t LeftNP(const Ctx& c, size_t end, size_t lo) {
  size_t j = end;
  int count = 0;
  while (j > lo) {
    size_t k = j - 1;
    const Token& t = c.toks[k];
    if (c.InQuote(k)) break;
    if (t.kind == TokenKind::kPunct) {
      auto r = c.Raw(k);
      if (r == ")") {  // parenthetical acronym "(UAF)"
        size_t open = k;
        while (open > lo && c.Raw(open) != "(" && k - open < 6) --open;
        if (c.Raw(open) == "(") {
          j = open;
          continue;
        }
        break;
      }
      // "AT&T", "Gov.", and a percentage ("68% of voters").
      if (r == "&" || (r == "%" && k > lo && c.toks[k - 1].kind == TokenKind::kNumber) ||
          (r == "." && k > 0 && !t.space_before && c.IsWord(k - 1) && c.toks[k - 1].capitalized)) {
        j = k;
        continue;
      }
      break;
    }
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) break;
    std::string w(c.Low(k));
    // A subject pronoun right before the cue is the whole phrase ("In the interview he said").
    if (k + 1 == end && (w == "he" || w == "she" || w == "they" || w == "we" || w == "i")) return k;
    if (!t.capitalized && C().relative.count(w) && k > lo && count <= 8 && c.IsWord(k - 1) &&
        !VerbLike(c, k - 1)) {
      // "a US official who corroborates the claims said": keep scanning; CutRelative trims it.
      ++count;
      j = k;
      continue;
    }
    if (!t.capitalized && (C().boundary.count(w) || C().relative.count(w))) break;
    // "a source close to the council", "an adviser to the mayor": "to" inside the noun phrase.
    static const WordSet kPluralRoles = {"advisers", "advisors", "aides", "counsel", "successor", "heir"};
    if (w == "to" && k > lo && c.IsWord(k - 1) && k + 1 < end &&
        (C().relation_words.count(c.Low(k - 1)) || C().role_words.count(c.Low(k - 1)) ||
         kPluralRoles.count(c.Low(k - 1)))) {
      ++count;
      j = k;
      continue;
    }
    if (VerbLike(c, k)) break;
    // "told the agency the soldiers had warned": "the soldiers" is a noun phrase of its
    // own when a lower-case noun stands right before its determiner.
    if (!t.capitalized && (w == "the" || w == "a" || w == "an") && k > lo && c.IsWord(k - 1) &&
        !c.toks[k - 1].capitalized && !C().prepositions.count(c.Low(k - 1)) &&
        !C().determiners.count(c.Low(k - 1)) && !C().aux.count(c.Low(k - 1))) {
      // …unless it is the object inside a relative clause ("a guard who saw the crossing").
      bool in_relative = false;
      for (size_t r = k; r > lo && k - r < 8 && !in_relative; --r) in_relative = C().relative.count(c.Low(r - 1)) > 0;
      if (!in_relative) {
        j = k;
        break;
      }
    }
    // "it contradicts …": a lower-case word after a subject pronoun is its verb.
    if (!t.capitalized && k > lo && k + 1 < end && C().pronouns.count((c.Low(k - 1)))) break;
    if (++count > 14) {
      // Too long for a noun phrase: keep the name right before the cue, if there is one
      // ("… party convention Sen. Elizabeth Warren (D-MA) said").
      size_t n = end;
      while (n > lo && ((c.IsWord(n - 1) && c.toks[n - 1].capitalized) ||
                        (c.Raw(n - 1) == "." && !c.toks[n - 1].space_before))) {
        --n;
      }
      return n < end ? n : end;
    }
    j = k;
  }
  // Drop leading connectors ("with Moscow", "and officials").
  while (j < end && !c.toks[j].capitalized && C().lead_drop.count((c.Low(j)))) ++j;
  while (j < end && c.toks[j].capitalized && C().lead_drop.count((c.Low(j)))) ++j;
  return j;
}

// Scans right from `b` for a source noun phrase (inverted "said the ZSU").
size_t RightNP(const Ctx& c, size_t b, size_t hi) {
  size_t j = b;
  int count = 0;
  while (j < hi) {
    const Token& t = c.toks[j];
    if (c.InQuote(j)) break;
    if (t.kind == TokenKind::kPunct) {
      auto r = c.Raw(j);
      if (r == "(") {
        size_t close = j;
        while (close < hi && c.Raw(close) != ")" && close - j < 6) ++close;
        if (close < hi && c.Raw(close) == ")") {
          j = close + 1;
          continue;
        }
      }
      if (r == "." && !t.space_before && j > b && c.toks[j - 1].capitalized && j + 1 < hi && c.toks[j + 1].capitalized &&
          c.Raw(j - 1).size() <= 4) {
        ++j;  // "Mr. Smith"
        continue;
      }
      if (r == "&") {
        ++j;
        continue;
      }
      break;
    }
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) break;
    std::string w(c.Low(j));
    if (j > b && !t.capitalized && (C().boundary.count(w) || C().relative.count(w))) break;
    if (j > b && VerbLike(c, j)) break;
    if (j > b && EndsWith(w, "ing") && !t.capitalized) break;
    if (++count > 14) break;
    ++j;
  }
  return j;
}

// Tokens [b, e) are only numbers and time words ("Last Friday", "In 2017").
bool IsTimePhrase(const Ctx& c, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i) {
    std::string_view w = c.Low(i);
    if (c.toks[i].kind != TokenKind::kNumber && !C().time_nouns.count(w) && !C().time_modifiers.count(w)) return false;
  }
  return true;
}

bool LooksLikeSource(const Ctx& c, size_t b, size_t e) {
  if (e <= b || e - b > 14) return false;
  static const WordSet kNotSources = {"if", "when", "once", "unless", "as", "though", "although", "while", "because"};
  if (e - b == 1 && kNotSources.count(c.Low(b))) return false;  // "If confirmed, …"
  // "Another said", "Others said": a quantifier standing for people.
  static const WordSet kQuantifierPeople = {"another", "others", "one", "some", "many", "several", "both", "most"};
  if (e - b == 1 && kQuantifierPeople.count(c.Low(b))) return true;
  // A time phrase is not a source ("Last Friday", "In 2017").
  if (IsTimePhrase(c, b, e)) return false;
  for (size_t i = b; i < e; ++i) {
    if (c.IsWord(i) && !C().determiners.count((c.Low(i)))) return true;
  }
  return false;
}

// Cuts a relative clause off a source: "a US official who corroborates the claims" -> "a US official".
size_t CutRelative(const Ctx& c, size_t b, size_t e) {
  for (size_t i = b + 1; i < e; ++i) {
    if (!c.toks[i].capitalized && C().relative.count((c.Low(i)))) return i;
  }
  return e;
}

// End of the clause that starts at `b`: the sentence end (without its final
// period, with a closing quotation mark), or an earlier ';' or
// ", while/but/although/whereas" or ", <participle cue>" or ", according to".
size_t ClauseEnd(const Ctx& c, size_t b, size_t sent_end) {
  for (size_t i = b; i < sent_end; ++i) {
    if (c.InQuote(i)) continue;
    auto r = c.Raw(i);
    if (r == ";") return i;
    if (r == "," && i + 1 < sent_end) {
      std::string n(c.Low(i + 1));
      if (n == "while" || n == "whereas" || n == "although" || n == "though" || n == "but" || n == "however") return i;
      if (n == "according" && c.Is(i + 2, "to")) return i;
      CueHit h;
      if (EndsWith(n, "ing") && MatchCue(c, i + 1, sent_end, &h)) return i;
    }
  }
  // "… and called his standing …": a coordinated second cue starts its own attribution.
  for (size_t i = b + 1; i + 1 < sent_end; ++i) {
    if (c.InQuote(i) || !c.Is(i, "and")) continue;
    CueHit h;
    size_t k = i + 1;
    if (C().cue_aux.count((c.Low(k)))) ++k;
    if (k < sent_end && MatchCue(c, k, sent_end, &h) && !EndsWith(c.Low(k), "ing") && !h.entry->according) {
      return c.IsComma(i - 1) ? i - 1 : i;
    }
  }
  size_t e = sent_end;
  // Drop the final sentence punctuation unless a closing quotation mark follows it.
  if (e > b && c.IsSentenceEndPunct(e - 1)) --e;
  return e;
}

// ---------------------------------------------------------------- building

struct Builder {
  explicit Builder(Ctx& ctx) : c(ctx) {}
  Ctx& c;
  std::vector<Attribution> out;
  std::vector<char> noun_cue;  // parallel to out
  std::optional<TextRef> pending_via;   // set by LeftSource when the source spoke "to" someone
  std::optional<TextRef> sentence_via;  // "Speaking to X, …" opening the current sentence
  size_t extent_end = 0;  // set by LeftSource: end of the full subject (appositive, relative clause, comma)
  std::optional<std::pair<size_t, size_t>> pending_cited;  // "citing X" tokens found by LeftSource
  std::optional<std::pair<size_t, size_t>> pending_name;   // "the mayor, Andriy Levchuk,": the name
  std::vector<std::pair<size_t, size_t>> relays;            // (relaying, relayed) indices into `out`

  // "Speaking to the New York Times, X said …" / "In an interview with X, …" at the sentence start.
  std::optional<TextRef> SentenceVia(size_t sb, size_t send) {
    size_t k = sb;
    if ((c.Is(k, "speaking") || c.Is(k, "talking") || c.Is(k, "writing")) &&
        (c.Is(k + 1, "to") || c.Is(k + 1, "with") || c.Is(k + 1, "in") || c.Is(k + 1, "for"))) {
      k += 2;
    } else if (c.Is(k, "in") && (c.Is(k + 1, "an") || c.Is(k + 1, "a")) &&
               (c.Is(k + 2, "interview") || c.Is(k + 2, "statement")) && (c.Is(k + 3, "with") || c.Is(k + 3, "to"))) {
      k += 4;
    } else {
      return std::nullopt;
    }
    size_t e = k;
    while (e < send && !c.IsComma(e) && e - k < 10) ++e;
    if (e >= send || e == k) return std::nullopt;
    return c.Ref(k, e);
  }

  // Skips a sentence-initial adverbial and its comma ("However, …", "Meanwhile, …").
  size_t ClauseStart(size_t sb, size_t send) {
    for (size_t k = sb; k < send && k < sb + 4; ++k) {
      if (c.IsComma(k)) {
        std::string first(c.Low(sb));
        if (C().lead_drop.count(first) || EndsWith(first, "ly") || first == "still" || first == "instead" ||
            first == "indeed" || first == "meanwhile" || first == "separately" || first == "earlier" ||
            first == "later" || first == "historically")
          return k + 1;
        return sb;
      }
      if (!c.IsWord(k)) return sb;
    }
    return sb;
  }

  void Add(Attribution a, bool is_noun_cue = false) {
    out.push_back(std::move(a));
    noun_cue.push_back(is_noun_cue);
  }

  // The attributions made so far whose cue lies at or after `from` (the current
  // sentence): a bounded look-back, so long documents stay linear.
  std::vector<std::reference_wrapper<const Attribution>> RecentIn(uint32_t from) const {
    std::vector<std::reference_wrapper<const Attribution>> recent;
    for (size_t i = out.size(); i > 0 && out.size() - i < 16; --i) {
      if (out[i - 1].cue.span.begin >= from) recent.push_back(out[i - 1]);
    }
    return recent;
  }

  // Where a content that ends at token `ce` of the sentence starting at `sb` can
  // begin: after the content of an earlier attribution of the same sentence
  // ("According to X, …, Y said"), else at the sentence start.
  size_t AfterEarlierAttribution(size_t sb, size_t ce) const {
    size_t cb = sb;
    for (const Attribution& a : RecentIn(c.toks[sb].span.begin)) {
      if (a.cue.span.end > c.toks[ce - 1].span.end || a.content.span.end > c.toks[ce - 1].span.end) continue;
      for (size_t t = sb; t < ce; ++t) {
        if (c.toks[t].span.begin >= a.content.span.end) {
          cb = t;
          break;
        }
      }
    }
    return cb;
  }

  // Includes "has", "also", "will" immediately before the cue in the cue span.
  size_t CueStart(size_t cue_b, size_t lo) {
    size_t b = cue_b;
    while (b > lo && C().cue_aux.count((c.Low(b - 1))) && !c.toks[b - 1].capitalized) --b;
    return b;
  }

  // "The ministry on Tuesday denied": a trailing time phrase is not part of the source.
  size_t TrimTrailingTime(size_t s, size_t e) {
    if (e < s + 2 || !C().time_nouns.count(c.Low(e - 1))) return e;
    size_t t = e - 1;
    while (t > s && (c.Is(t - 1, "on") || c.Is(t - 1, "in") || c.Is(t - 1, "last") || c.Is(t - 1, "this") ||
                     c.Is(t - 1, "late") ||
                     c.Is(t - 1, "early") || C().time_nouns.count(c.Low(t - 1))))
      --t;
    return t > s ? t : e;
  }

  // Skips aux verbs and adverbs left of the cue; returns the exclusive end of the source.
  size_t SkipAuxLeft(size_t cue_b, size_t lo) {
    size_t k = cue_b;
    while (k > lo) {
      std::string w(c.Low(k - 1));
      if (c.IsWord(k - 1) && !c.toks[k - 1].capitalized && (C().aux.count(w) || (EndsWith(w, "ly") && w.size() > 4))) {
        --k;
        continue;
      }
      break;
    }
    return k;
  }

  // Left source with appositives: "Serhiy Haidai, the governor of Luhansk, said".
  // Returns false when there is no source to the left. *keep_role tells whether
  // [b, e) includes a role appositive; *head_e is the end of the head name.
  bool LeftSource(size_t end, size_t lo, size_t* b, size_t* e, size_t* head_e) {
    pending_via.reset();
    pending_name.reset();
    pending_cited.reset();
    if (end <= lo) return false;
    extent_end = 0;
    // "Gingrich — mentioned by Newsmax as the favourite — told …": the noun phrase before
    // a parenthetical between dashes.
    if (c.toks[end - 1].kind == TokenKind::kDash) {
      size_t open = end - 1;
      while (open > lo && c.toks[open - 1].kind != TokenKind::kDash && end - open < 25 && !c.InQuote(open - 1)) --open;
      if (open <= lo + 1 || c.toks[open - 1].kind != TokenKind::kDash || open + 1 >= end) return false;
      size_t d = open - 1;
      size_t s = LeftNP(c, d, lo);
      if (!LooksLikeSource(c, s, d) || C().prepositions.count(c.Low(s)) || c.Is(s, "at")) return false;
      *b = s;
      *e = TrimTrailingTime(s, CutRelative(c, s, d));
      *head_e = *e;
      return true;
    }
    if (!c.IsComma(end - 1)) {
      size_t s = LeftNP(c, end, lo);
      if (!LooksLikeSource(c, s, end)) return false;
      if (C().prepositions.count((c.Low(s))) || c.Is(s, "at")) return false;  // "At the start of …"
      *b = s;
      *e = CutRelative(c, s, end);
      *e = TrimTrailingTime(s, *e);
      *head_e = *e;
      extent_end = end;
      return true;
    }
    // end-1 is a comma: look for "HEAD, APPOSITIVE," before it.
    size_t appos_e = end - 1;
    size_t appos_b = appos_e;
    while (appos_b > lo && !c.IsComma(appos_b - 1) && !c.IsQuote(appos_b - 1) && appos_e - appos_b < 18) {
      if (c.IsPunct(appos_b - 1) && c.Raw(appos_b - 1) != "’" && c.Raw(appos_b - 1) != "'" &&
          c.Raw(appos_b - 1) != "." && c.Raw(appos_b - 1) != "(" && c.Raw(appos_b - 1) != ")")
        break;
      --appos_b;
    }
    if (appos_b == appos_e) return false;
    // "Pravda, which/who …, reported": the source is the noun phrase before the relative clause.
    // Not when that phrase is itself an appositive role of a name before the comma
    // ("Ivan Kos, a pilot who knows every buoy, said"): the appositive rules below take it.
    bool role_of_name = appos_b >= 2 && appos_b - 1 > lo && c.IsComma(appos_b - 1) && c.IsWord(appos_b - 2) &&
                        c.toks[appos_b - 2].capitalized && C().determiners.count(c.Low(appos_b));
    if ((appos_b == lo || c.IsComma(appos_b - 1)) && !role_of_name) {
      for (size_t r = appos_b + 1; r < appos_e; ++r) {
        if (c.toks[r].capitalized || !C().relative.count((c.Low(r)))) continue;
        size_t s0 = appos_b;
        while (s0 < r && C().lead_drop.count((c.Low(s0)))) ++s0;
        if (r - s0 <= 8 && LooksLikeSource(c, s0, r) && (c.toks[s0].capitalized || C().determiners.count((c.Low(s0))))) {
          *b = s0;
          *e = *head_e = r;
          extent_end = end;
          return true;
        }
        break;
      }
    }
    // "…, Gov. John Kasich (R-OH), said": a name between commas is the source.
    {
      bool name = c.toks[appos_b].capitalized && appos_e - appos_b <= 8;
      for (size_t t = appos_b; t < appos_e && name; ++t) {
        name = (c.IsWord(t) && c.toks[t].capitalized) || c.Raw(t) == "." || c.Raw(t) == "(" || c.Raw(t) == ")" ||
               (c.IsWord(t) && c.toks[t - 1].kind == TokenKind::kPunct && c.Raw(t - 1) == "(");
      }
      if (name && (appos_b == lo || c.IsComma(appos_b - 1)) &&
          !(appos_b >= 2 && appos_b - 1 > lo && c.IsWord(appos_b - 2) && c.toks[appos_b - 2].capitalized)) {
        *b = appos_b;
        *e = *head_e = appos_e;
        extent_end = end;
        return true;
      }
    }
    if (appos_b <= lo || !c.IsComma(appos_b - 1)) return false;
    std::string first(c.Low(appos_b));
    // A modifier between commas: a role ("the governor of Luhansk", "Crimea’s leader"),
    // a participle ("speaking on condition of anonymity") or an adverbial ("in a statement").
    bool role = C().appositive_start.count(first) > 0 || EndsWith(first, "ing") || C().prepositions.count(first);
    for (size_t t = appos_b; t < appos_e && !role; ++t) role = C().role_words.count((c.Low(t))) > 0;
    if (!role && appos_e - appos_b <= 4) {
      // A name in apposition: "The suspect's lawyer, Vadym Kostenko, denied …".
      bool all_caps = true;
      for (size_t t = appos_b; t < appos_e; ++t) all_caps &= c.IsWord(t) && c.toks[t].capitalized;
      role = all_caps;
      if (all_caps) pending_name = std::make_pair(appos_b, appos_e);
    }
    if (!role && appos_e - appos_b <= 12) {
      // No verb in the chunk and a capitalised name before it: an appositive ("Huma Abedin, vice chair of …,").
      bool verb = false;
      for (size_t t = appos_b; t < appos_e; ++t) verb |= VerbLike(c, t);
      role = !verb && c.toks[appos_b - 2 < c.toks.size() ? appos_b - 2 : 0].capitalized;
    }
    if (!role) return false;
    size_t head_end = appos_b - 1;
    size_t s = LeftNP(c, head_end, lo);
    if (!LooksLikeSource(c, s, head_end)) return false;
    if (C().prepositions.count((c.Low(s))) || c.Is(s, "at")) return false;
    bool has_cap = false;
    for (size_t i = s; i < head_end; ++i) has_cap |= c.toks[i].capitalized;
    bool participial = EndsWith(first, "ing") || first == "who" || first == "which" || first == "according" ||
                       C().prepositions.count(first);
    if (!has_cap && !participial) return false;
    *b = s;
    *head_e = head_end;
    *e = participial ? head_end : appos_e;
    extent_end = end;
    // "TASS, citing a source in the security services, reported …": the cited source.
    if ((first == "citing" || first == "quoting") && appos_b + 1 < appos_e) {
      pending_cited = std::make_pair(appos_b, appos_e);
    }
    // "speaking to a foreign media outlet": the hearer.
    if ((first == "speaking" || first == "talking" || first == "writing") && appos_b + 1 < appos_e &&
        (c.Is(appos_b + 1, "to") || c.Is(appos_b + 1, "with") || c.Is(appos_b + 1, "for"))) {
      pending_via = c.Ref(appos_b + 2, appos_e);
    }
    return true;
  }

  // Right source after an inverted cue, with an appositive role: "said Pushilin, the head of the DPR".
  bool RightSource(size_t start, size_t hi, size_t* b, size_t* e, size_t* head_e) {
    if (start >= hi || !c.IsWord(start)) return false;
    std::string w(c.Low(start));
    static const WordSet kQuantifiers = {"several", "many", "some", "two", "three", "four", "most", "other",
                                         "various", "numerous", "both", "one", "another"};
    // "said former adviser David Axelrod", "said campaign manager Robby Mook": a
    // lowercase title before a name.
    auto titled_name = [&]() {
      if (C().time_nouns.count(w) || CueDays().count(w) || C().prepositions.count(w) || C().boundary.count(w) ||
          C().relative.count(w) || EndsWith(w, "ly") || VerbLike(c, start)) {
        return false;
      }
      size_t np_e = RightNP(c, start, hi);
      if (np_e - start < 2 || np_e - start > 7) return false;
      for (size_t t = start + 1; t < np_e; ++t) {
        if (c.toks[t].capitalized) return true;
      }
      return false;
    };
    if (!(c.toks[start].capitalized || C().determiners.count(w) || C().pronouns.count(w) ||
          C().anon_heads.count(w) || kQuantifiers.count(w) || titled_name()))
      return false;
    if (w == "that" || w == "to" || w == "in" || w == "on" || w == "of" || w == "for" || w == "from" || w == "with" ||
        w == "by")
      return false;
    size_t s_e = RightNP(c, start, hi);
    if (!LooksLikeSource(c, start, s_e)) return false;
    *b = start;
    *head_e = CutRelative(c, start, s_e);
    *e = *head_e;
    if (s_e < hi && c.IsComma(s_e) && s_e + 1 < hi &&
        C().appositive_start.count((c.Low(s_e + 1))) && !EndsWith(c.Low(s_e + 1), "ing")) {
      size_t ae = RightNP(c, s_e + 1, hi);
      if (ae > s_e + 1 && (ae >= hi || c.IsComma(ae) || c.IsSentenceEndPunct(ae))) *e = ae;
    }
    return true;
  }

  Attribution Make(AttributionKind form, size_t src_b, size_t src_e, size_t head_e, size_t cue_b, size_t cue_e,
                   Span content) {
    Attribution a;
    a.form = a.kind = form;
    if (src_e > src_b) {
      a.source = c.Ref(src_b, src_e);
      a.source_extent = a.source->span;
      if (extent_end > src_e && extent_end <= cue_b) a.source_extent.end = c.toks[extent_end - 1].span.end;
      extent_end = 0;
      size_t nb = src_b, ne = head_e;
      if (pending_name && pending_name->first >= src_b && pending_name->second <= src_e) {
        nb = pending_name->first;
        ne = pending_name->second;
      }
      pending_name.reset();
      a.source_name = std::string(c.text.substr(c.toks[nb].span.begin, c.toks[ne - 1].span.end - c.toks[nb].span.begin));
    }
    a.cue = c.Ref(cue_b, cue_e);
    // "said Tuesday that …": the day belongs to the cue, not the content.
    if (cue_e + 1 < c.toks.size() && c.toks[cue_e].span.begin == content.begin && c.IsWord(cue_e) &&
        CueDays().count(c.Low(cue_e)) && c.toks[cue_e + 1].span.begin < content.end && c.IsWord(cue_e + 1)) {
      content.begin = c.toks[cue_e + 1].span.begin;
    }
    a.content = c.RefSpan(content);
    a.cue_extent = CueExtent(cue_b, cue_e, content, a.source ? a.source_extent : Span{});
    for (size_t i = cue_b; i < cue_e; ++i) c.used[i] = 1;
    if (pending_via) {
      a.via = std::move(pending_via);
      pending_via.reset();
    } else if (sentence_via && a.source) {
      a.via = sentence_via;
    }
    return a;
  }

  // Day words that join a cue right after it ("said Tuesday", "announced earlier").
  static const WordSet& CueDays() {
    static const WordSet kDays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                  "yesterday", "today", "recently", "tonight", "earlier", "later"};
    return kDays;
  }

  // Widens the cue over neighbouring auxiliaries, adverbs, a colon, a weekday or
  // "in a statement", never into the source or the content.
  Span CueExtent(size_t cb, size_t ce, Span content, Span source) {
    static const WordSet kLeft = {
        "has", "have", "had", "also", "later", "repeatedly", "now", "first", "then", "previously", "is", "was",
        "are", "were", "will", "would", "did", "does", "do", "not", "never", "publicly", "again", "once",
        "recently", "already", "initially", "since", "often", "still", "privately", "openly", "been", "just",
        "even", "long", "strongly", "didn’t", "didn't", "hasn’t", "hasn't", "doesn’t", "doesn't", "don’t", "don't",
        "won’t", "won't", "having", "flatly", "firmly", "explicitly", "specifically", "always", "barely"};
    const WordSet& kDays = CueDays();
    // Only "in a statement" joins the cue: in PolNeAR train, gold cues include it 39 times of 58,
    // but "in an interview" 8 of 48 and "in an email/letter/video/speech" 4 of 17.
    static const WordSet kMedium = {"statement"};
    auto free = [&](size_t t) {
      Span sp = c.toks[t].span;
      return !content.Overlaps(sp) && !(source.size() && source.Overlaps(sp)) && !c.InQuote(t);
    };
    size_t b = cb, e = ce;
    // Adverbs in -ly join the cue too ("jokingly said", "formally announced"), as SkipAuxLeft
    // keeps them out of the source.
    auto left_word = [&](size_t t) {
      std::string_view w = c.Low(t);
      return kLeft.count(w) || (w.size() > 4 && w.substr(w.size() - 2) == "ly");
    };
    while (b > 0 && c.IsWord(b - 1) && !c.toks[b - 1].capitalized && left_word(b - 1) && free(b - 1)) --b;
    if (e < c.toks.size() && free(e) && c.IsWord(e) && kDays.count((c.Low(e)))) ++e;
    if (e + 2 < c.toks.size() && c.Is(e, "in") && (c.Is(e + 1, "a") || c.Is(e + 1, "an")) &&
        kMedium.count((c.Low(e + 2))) && free(e) && free(e + 2))
      e += 3;
    if (e < c.toks.size() && c.Raw(e) == ":" && free(e)) ++e;
    return {c.toks[b].span.begin, c.toks[e - 1].span.end};
  }

  // A verb that can frame a quotation although it is not in the cue lexicon: a
  // lower-case past tense ("continued", "quipped", "cried out", "went on", "shot
  // back"). Returns the end of the verb and its particle, or i when there is none.
  size_t FrameVerbEnd(size_t i) const {
    static const WordSet kParticle = {"on", "back", "out", "in", "up"};
    // These frame a quotation only with their particle ("went on", "shot back", "chimed in").
    static const WordSet kNeedsParticle = {"went", "shot", "broke", "bit", "chimed"};
    if (!c.IsWord(i) || c.toks[i].capitalized || c.InQuote(i) || c.used[i]) return i;
    std::string_view w = c.Low(i);
    if (w.size() < 4) return i;
    for (char ch : w) {
      if (ch < 'a' || ch > 'z') return i;
    }
    bool past = C().irregular_past.count(w) || (EndsWith(w, "ed") && w.size() >= 5 && !C().np_ed_ok.count(w));
    if (!past) return i;
    size_t e = i + 1;
    if (c.IsWord(e) && kParticle.count(c.Low(e))) ++e;
    return e == i + 1 && kNeedsParticle.count(w) ? i : e;
  }

  // The quotation that starts at token i (skipping ':' or ','), if any.
  int QuoteStartingAt(size_t i, size_t hi) {
    while (i < hi && (c.Raw(i) == ":" || c.Raw(i) == ",")) ++i;
    if (i >= c.toks.size() || !c.IsQuote(i)) return -1;
    int q = c.quote_of[i];
    if (q < 0 || c.doc->quotes[static_cast<size_t>(q)].open_token != i) return -1;
    return q;
  }

  // After "“A,” X said": a second part of the same quotation — ", “B.”" or
  // ". “B.”" in the same paragraph, or ", would use the occasion …" unquoted.
  void AddSecondPart(Attribution* a, size_t after, size_t para_end, std::vector<char>* consumed) {
    size_t k = after;
    if (k >= para_end) return;
    bool comma = c.IsComma(k), period = c.IsSentenceEndPunct(k);
    if (!comma && !period) return;
    ++k;
    if (k >= para_end) return;
    Span second;
    int q = c.IsQuote(k) ? c.quote_of[k] : -1;
    if (q >= 0 && c.doc->quotes[static_cast<size_t>(q)].open_token == k) {
      second = c.doc->quotes[static_cast<size_t>(q)].span;
      (*consumed)[static_cast<size_t>(q)] = 1;
    } else if (comma && c.IsWord(k) && !c.toks[k].capitalized && !C().appositive_start.count(c.Low(k)) &&
               !C().determiners.count(c.Low(k)) && !C().relative.count(c.Low(k))) {
      // ", would use the occasion …" continues the quotation; ", a Labour man who …" and
      // ", who …" describe the speaker.
      size_t e = ClauseEnd(c, k, para_end);
      for (size_t t = k; t < e; ++t) {
        if (c.IsSentenceEndPunct(t)) {
          e = t;
          break;
        }
      }
      if (e <= k) return;
      second = c.SpanOf(k, e);
    } else {
      return;
    }
    a->content_parts = {a->content.span, second};
    a->content = c.RefSpan({a->content.span.begin, second.end});
  }

  // --- pass 1: quotations and their speakers
  // Labels that open a line with a colon but name nobody ("BREAKING:", "Watch:").
  static const WordSet& NotSpeakers() {
    static const WordSet k = {"breaking", "update", "updated", "watch", "exclusive", "video", "photos", "photo",
                              "read", "live", "note", "editor's", "editor’s", "warning", "correction", "related",
                              "source", "sources", "credit", "topics", "tags", "share", "advertisement", "listen",
                              "opinion", "analysis", "subscribe", "explainer", "factbox", "timeline"};
    return k;
  }

  // Transcripts: a paragraph that opens with a speaker's name in capitals and a
  // colon ("PENCE: Well, look, …", "SEN. WARREN: …") is that speaker's direct
  // speech up to the paragraph's end.
  void TranscriptPass() {
    const WordSet& kNotSpeakers = NotSpeakers();
    const Document& d = *c.doc;
    for (const Paragraph& p : d.paragraphs) {
      if (p.sentence_begin >= p.sentence_end) continue;
      size_t b = d.sentences[p.sentence_begin].token_begin, end = d.sentences[p.sentence_end - 1].token_end;
      while (b < end && c.IsQuote(b)) ++b;  // a stray opening mark before the speaker
      size_t k = b;
      bool ok = true;
      while (k < end && k - b < 4 && c.Raw(k) != ":") {
        std::string_view w = c.Raw(k);
        bool caps = c.IsWord(k) && w.size() >= 2;
        for (char ch : w) caps = caps && !(ch >= 'a' && ch <= 'z');
        bool dot = w == "." && k > b;  // "SEN. WARREN"
        if (!(caps || dot) || kNotSpeakers.count(c.Low(k))) {
          ok = false;
          break;
        }
        ++k;
      }
      if (!ok || k == b || k + 1 >= end || c.Raw(k) != ":" || c.used[k]) continue;
      size_t letters = 0;
      for (size_t t = b; t < k; ++t) letters += c.IsWord(t) ? c.Raw(t).size() : 0;
      if (letters < 3) continue;  // "Q:", "A:"
      for (size_t t = b; t < k; ++t) c.used[t] = 1;
      Add(Make(AttributionKind::kDirect, b, k, k, k, k + 1, c.SpanOf(k + 1, end)));
    }
  }

  void QuotePass(const std::vector<Sentence>& sents) {
    std::vector<char> consumed(c.doc->quotes.size(), 0);
    const auto& quotes = c.doc->quotes;
    // Sentence index of each token.
    std::vector<uint32_t> sent_of(c.toks.size(), 0);
    for (size_t s = 0; s < sents.size(); ++s) {
      for (uint32_t t = sents[s].token_begin; t < sents[s].token_end; ++t) sent_of[t] = static_cast<uint32_t>(s);
    }
    for (size_t qi = 0; qi < quotes.size(); ++qi) {
      const Quote& q = quotes[qi];
      if (c.quote_of[q.open_token] != static_cast<int>(qi) || consumed[qi]) continue;  // nested or used
      size_t words = 0;
      for (size_t t = q.open_token; t <= q.close_token; ++t) words += c.IsWord(t);
      // Scare quotes ("a 'regrouping'") are not statements; a short quotation counts only when a
      // comma ties it to a speaker (“Nobody surrendered,” the commander said).
      bool comma_tied = (q.close_token > 0 && c.IsComma(q.close_token - 1)) || c.IsComma(q.close_token + 1);
      if (words < 3 && !(words >= 1 && comma_tied)) continue;
      uint32_t para = c.toks[q.close_token].paragraph;
      size_t para_end = c.toks.size();
      for (size_t t = q.close_token + 1; t < c.toks.size(); ++t) {
        if (c.toks[t].paragraph != para) {
          para_end = t;
          break;
        }
      }
      const Sentence& close_sent = sents[sent_of[q.close_token]];
      size_t hi = std::max<size_t>(close_sent.token_end, q.close_token + 1);
      // If the quotation ends its sentence, the speaker can be in the next one ("….” he said.)
      if (hi == q.close_token + 1 && sent_of[q.close_token] + 1 < sents.size()) {
        const Sentence& next = sents[sent_of[q.close_token] + 1];
        if (next.paragraph == close_sent.paragraph && next.token_end - next.token_begin <= 12) hi = next.token_end;
      }
      size_t k = q.close_token + 1;
      if (k < hi && c.IsComma(k)) ++k;
      Span content = q.span;
      size_t sb, se, he;
      CueHit hit;
      // “…,” said X.
      if (k < hi && MatchCue(c, k, hi, &hit) && !hit.entry->according && !hit.entry->tell) {
        if (RightSource(hit.e, hi, &sb, &se, &he)) {
          Attribution a = Make(AttributionKind::kDirect, sb, se, he, hit.b, hit.e, content);
          AddSecondPart(&a, se, para_end, &consumed);
          Add(std::move(a));
          continue;
        }
      }
      // “…,” X said.
      bool found = false;
      for (size_t j = k; j < hi && j < k + 16 && !found; ++j) {
        if (c.IsPunct(j) && !c.IsComma(j) && c.Raw(j) != "." && c.Raw(j) != "(" && c.Raw(j) != ")") break;
        if (!MatchCue(c, j, hi, &hit) || hit.entry->according) continue;
        size_t cb = CueStart(hit.b, k);
        size_t end = SkipAuxLeft(cb, k);
        if (LeftSource(end, k, &sb, &se, &he) && sb == k) {
          Attribution a = Make(AttributionKind::kDirect, sb, se, he, cb, hit.e, content);
          AddSecondPart(&a, hit.e, para_end, &consumed);
          Add(std::move(a));
          found = true;
        }
      }
      if (found) continue;
      // “…,” X continued. / “…!” the crowd cried out.: a speech frame, so any
      // past-tense verb between the subject and the sentence's end is the cue.
      bool frame_closed = q.close_token > 0 && (c.IsComma(q.close_token - 1) || c.Raw(q.close_token - 1) == "?" ||
                                                c.Raw(q.close_token - 1) == "!");
      frame_closed = frame_closed || c.IsComma(q.close_token + 1);
      for (size_t j = k + 1; frame_closed && j < hi && j < k + 8; ++j) {
        if (c.IsPunct(j) || c.IsQuote(j)) break;
        size_t ve = FrameVerbEnd(j);
        if (ve == j) continue;
        bool closes = ve >= hi || c.IsSentenceEndPunct(ve) || (c.IsComma(ve) && c.IsQuote(ve + 1));
        size_t end = SkipAuxLeft(CueStart(j, k), k);
        if (closes && LeftSource(end, k, &sb, &se, &he) && sb == k) {
          Attribution a = Make(AttributionKind::kDirect, sb, se, he, CueStart(j, k), ve, content);
          AddSecondPart(&a, ve, para_end, &consumed);
          Add(std::move(a));
          found = true;
        }
        break;
      }
      if (found) continue;
      // “…” — X
      if (k < para_end && c.toks[k].kind == TokenKind::kDash && para_end - k <= 14) {
        size_t e = RightNP(c, k + 1, para_end);
        if (LooksLikeSource(c, k + 1, e)) {
          Attribution a = Make(AttributionKind::kDirect, k + 1, e, e, k, k + 1, content);
          Add(std::move(a));
          continue;
        }
      }
      // X said: “…”  /  X told Y: “…”
      size_t open = q.open_token;
      size_t j = open;
      if (j > 0 && (c.Raw(j - 1) == ":" || c.Raw(j - 1) == ",")) --j;
      if (j < open && j > 0) {
        size_t lo = sents[sent_of[j - 1]].token_begin;
        // Find the cue: either right before, or before a short recipient ("told reporters:").
        for (size_t back = 1; back <= 6 && j >= back + lo; ++back) {
          size_t ci = j - back;
          if (!MatchCue(c, ci, j, &hit) || hit.entry->according) continue;
          if (hit.e != j && !hit.entry->tell) break;
          size_t cb = CueStart(hit.b, lo);
          size_t end = SkipAuxLeft(cb, lo);
          if (LeftSource(end, lo, &sb, &se, &he)) {
            Attribution a = Make(AttributionKind::kDirect, sb, se, he, cb, hit.e, content);
            if (hit.e < j) a.via = c.Ref(hit.e, j);
            Add(std::move(a));
            found = true;
          } else if (RightSource(hit.e, j, &sb, &se, &he)) {
            Add(Make(AttributionKind::kDirect, sb, se, he, cb, hit.e, content));
            found = true;
          }
          break;
        }
        // She continued: “…” / He went on, “…”: the frame verb right before the mark,
        // its subject opening the sentence.
        size_t vb = lo;
        if (!found && j > lo + 1 && FrameVerbEnd(j - 1) == j) vb = j - 1;
        if (!found && j > lo + 2 && FrameVerbEnd(j - 2) == j) vb = j - 2;
        if (!found && vb > lo) {
          size_t cb = CueStart(vb, lo);
          size_t end = SkipAuxLeft(cb, lo);
          if (LeftSource(end, lo, &sb, &se, &he) && sb == ClauseStart(lo, j)) {
            Add(Make(AttributionKind::kDirect, sb, se, he, cb, j, content));
            found = true;
          }
        }
      }
      if (found) continue;
      // A quotation that is a whole paragraph continues the last speaker's words.
      bool whole_para = (q.open_token == 0 || c.toks[q.open_token - 1].paragraph != c.toks[q.open_token].paragraph) &&
                        (q.close_token + 1 >= c.toks.size() || q.close_token + 1 == para_end ||
                         (q.close_token + 2 == para_end && c.IsPunct(q.close_token + 1)));
      if (whole_para && !out.empty()) {
        const Attribution& prev = out.back();
        uint32_t at = c.doc->TokenAtOrAfter(prev.cue.span.begin);
        uint32_t prev_para = at == c.toks.size() ? 0 : c.toks[at].paragraph;
        uint32_t this_para = c.toks[q.open_token].paragraph;
        if (prev.source && this_para > prev_para && this_para - prev_para <= 2) {
          Attribution a;
          a.form = a.kind = AttributionKind::kDirect;
          a.source = prev.source;
          a.source_name = prev.source_name;
          a.cue = prev.cue;
          a.content = c.RefSpan(content);
          a.continues = static_cast<int>(out.size() - 1);
          Add(std::move(a));
        }
      }
    }
  }

  // --- pass 2: cues outside quotations
  void CuePass(const Sentence& s) {
    size_t sb = s.token_begin, send = s.token_end;
    sentence_via = SentenceVia(sb, send);
    AskedClause(sb, send);
    InvertedLead(sb, send);
    HeadlineColon(s);
    for (size_t i = sb; i < send; ++i) {
      CueHit hit;
      if (!MatchCue(c, i, send, &hit)) {
        NounCue(i, sb, send);
        continue;
      }
      if (hit.entry->according) {
        According(hit, sb, send);
      } else {
        Verb(hit, sb, send);
      }
      i = std::max(i, hit.e - 1);
    }
    Reportedly(sb, send);
  }

  // "Said Ellis: “…”", "Added the mayor, “…”": a sentence that opens with its
  // cue, then the speaker, then the quotation.
  void InvertedLead(size_t sb, size_t send) {
    if (send - sb < 4 || !c.IsWord(sb) || c.used[sb] || c.InQuote(sb)) return;
    std::string_view w = c.Low(sb);
    if (!(w == "said" || w == "says" || w == "added" || w == "adds" || w == "wrote" || w == "writes" ||
          w == "explained" || w == "warned")) {
      return;
    }
    size_t src_b, src_e, head_e;
    if (!RightSource(sb + 1, send, &src_b, &src_e, &head_e)) return;
    size_t k = src_e;
    if (k >= send || !(c.Raw(k) == ":" || c.IsComma(k))) return;
    int q = QuoteStartingAt(k, send);
    if (q < 0) return;
    for (size_t t = sb + 1; t < src_e; ++t) c.used[t] = 1;
    Add(Make(AttributionKind::kDirect, src_b, src_e, head_e, sb, sb + 1, c.doc->quotes[static_cast<size_t>(q)].span));
    c.used[k] = 1;
  }

  void According(const CueHit& hit, size_t sb, size_t send) {
    size_t src_b = hit.e;
    size_t src_e = RightNP(c, src_b, send);
    if (!LooksLikeSource(c, src_b, src_e)) return;
    size_t head_e = CutRelative(c, src_b, src_e);
    // "according to sources … cited by the agency": the relay is `via`.
    std::optional<TextRef> via;
    if ((c.Is(src_e, "cited") || c.Is(src_e, "quoted")) && c.Is(src_e + 1, "by")) {
      size_t ve = RightNP(c, src_e + 2, send);
      if (LooksLikeSource(c, src_e + 2, ve)) {
        via = c.Ref(src_e + 2, ve);
        c.used[src_e] = c.used[src_e + 1] = 1;  // "cited by" is part of this attribution
        src_e = ve;
      }
    }
    // The content is the clause on the other side of the comma.
    size_t first = sb;
    while (first < hit.b && (c.IsPunct(first) || c.IsQuote(first))) ++first;
    bool leading = hit.b == first || (hit.b > sb && c.IsComma(hit.b - 1) && hit.b - first <= 2);
    Span content;
    if (leading) {
      size_t cb = src_e;
      if (cb < send && c.IsComma(cb)) ++cb;
      size_t ce = ClauseEnd(c, cb, send);
      if (ce <= cb) return;
      content = c.SpanOf(cb, ce);
    } else {
      size_t ce = hit.b;
      if (ce > sb && c.IsComma(ce - 1)) --ce;
      size_t cb = AfterEarlierAttribution(sb, ce);
      if (ce <= cb) return;
      content = c.SpanOf(cb, ce);
    }
    Attribution a = Make(AttributionKind::kAccordingTo, src_b, head_e, head_e, hit.b, hit.e, content);
    a.via = via;
    Add(std::move(a));
  }

  void Verb(const CueHit& hit, size_t sb, size_t send) {
    const CueEntry& e = *hit.entry;
    std::string form(c.Low(hit.b));
    // Passive hearsay: "are said to", "were reported to have".
    if (hit.b > sb && C().hearsay_participles.count(form) && c.Is(hit.e, "to")) {
      std::string prev(c.Low(hit.b - 1));
      if (prev == "is" || prev == "are" || prev == "was" || prev == "were" || prev == "be" || prev == "been") {
        size_t aux = hit.b - 1;
        if (aux > sb && c.Is(aux - 1, "been")) --aux;
        if (aux > sb && (c.Is(aux - 1, "have") || c.Is(aux - 1, "has") || c.Is(aux - 1, "had"))) --aux;
        size_t subj_b = sb;
        for (size_t t = aux; t > sb; --t) {
          if (c.IsComma(t - 1) || c.Raw(t - 1) == ";") {
            subj_b = t;
            break;
          }
        }
        size_t ce = ClauseEnd(c, hit.e, send);
        if (aux <= subj_b || ce <= hit.e) return;
        Attribution a = Make(AttributionKind::kAnonymous, 0, 0, 0, aux, hit.e, c.SpanOf(subj_b, ce));
        a.form = AttributionKind::kIndirect;
        a.content_parts = {c.SpanOf(subj_b, aux), c.SpanOf(hit.e, ce)};
        Add(std::move(a));
        return;
      }
    }
    // "It is reported that …"
    if (hit.b >= sb + 2 && c.Is(hit.e, "that") && c.Is(hit.b - 2, "it") &&
        (c.Is(hit.b - 1, "is") || c.Is(hit.b - 1, "was") || c.Is(hit.b - 1, "has") || c.Is(hit.b - 1, "been"))) {
      size_t ce = ClauseEnd(c, hit.e, send);
      if (ce > hit.e) {
        Attribution a = Make(AttributionKind::kAnonymous, 0, 0, 0, hit.b - 2, hit.e, c.SpanOf(hit.e, ce));
        a.form = AttributionKind::kIndirect;
        Add(std::move(a));
      }
      return;
    }
    // Passive with agent: "(was) announced by Denis Pushilin".
    if (c.Is(hit.e, "by") && hit.b > sb &&
        (c.Is(hit.b - 1, "was") || c.Is(hit.b - 1, "were") || c.Is(hit.b - 1, "is") || c.Is(hit.b - 1, "been") ||
         (hit.b > sb + 1 && (c.Is(hit.b - 2, "was") || c.Is(hit.b - 2, "were") || c.Is(hit.b - 2, "is"))))) {
      size_t sb2, se2, he2;
      if (!RightSource(hit.e + 1, send, &sb2, &se2, &he2)) return;
      size_t aux = hit.b - 1;
      while (aux > sb && !c.Is(aux, "was") && !c.Is(aux, "were") && !c.Is(aux, "is") && !c.Is(aux, "been")) --aux;
      size_t cb = sb;
      for (size_t t = aux; t > sb; --t) {
        if (c.IsComma(t - 1)) {
          cb = t;
          break;
        }
      }
      if (aux <= cb) return;
      Add(Make(AttributionKind::kIndirect, sb2, se2, he2, hit.b, hit.e + 1, c.SpanOf(cb, aux)));
      return;
    }

    size_t cue_b = CueStart(hit.b, sb);
    size_t src_end = SkipAuxLeft(cue_b, sb);
    // "Ted Cruz, who said he would …": the relative pronoun stands for the noun phrase before it.
    bool passive = false;  // "which was named …" is not a statement
    for (size_t t = src_end; t < cue_b + 1 && t < hit.b; ++t) {
      passive |= c.Is(t, "was") || c.Is(t, "were") || c.Is(t, "is") || c.Is(t, "are") || c.Is(t, "been");
    }
    if (!passive && src_end > sb + 1 && (c.Is(src_end - 1, "who") || c.Is(src_end - 1, "which"))) {
      src_end -= 1;
      if (src_end > sb && c.IsComma(src_end - 1)) src_end -= 1;
    }
    size_t src_b = 0, src_e = 0, head_e = 0;
    bool left = LeftSource(src_end, sb, &src_b, &src_e, &head_e);
    // "with Moscow describing …", "X did Y, saying …": a participle takes the clause subject.
    bool participle = EndsWith(form, "ing");
    // "The mayor visited the site and stressed that …": the clause subject speaks.
    bool coordinated = src_end > sb && (c.Is(src_end - 1, "and") || c.Is(src_end - 1, "but"));
    // "X, citing Y, reported …": the main cue builds both attributions.
    if ((form == "citing" || form == "quoting") && hit.b > sb && c.IsComma(hit.b - 1)) {
      for (size_t t = hit.e; t < send && t < hit.e + 14; ++t) {
        CueHit next;
        if (c.IsComma(t) && t + 1 < send && MatchCue(c, t + 1, send, &next)) return;
      }
    }
    if (coordinated) left = false;
    // "… landed in trouble by saying …", "…, while saying …": the clause subject speaks.
    bool after_by = participle && hit.b > sb + 1 &&
                    (c.Is(hit.b - 1, "by") || c.Is(hit.b - 1, "while") || c.Is(hit.b - 1, "after") ||
                     c.Is(hit.b - 1, "before") || c.Is(hit.b - 1, "when"));
    if (after_by) left = false;
    if ((participle && (!left || src_b == src_end)) || coordinated) {
      // After a comma, also one inside a closing quotation mark ("a “ridiculous proposition,”
      // adding that …") or a dash ("… – noting that …").
      bool after_comma = hit.b > sb && (c.IsComma(hit.b - 1) || c.toks[hit.b - 1].kind == TokenKind::kDash ||
                                        (c.IsQuote(hit.b - 1) && hit.b >= sb + 2 && c.IsComma(hit.b - 2)));
      if (coordinated || after_comma || after_by) {
        size_t s0 = ClauseStart(sb, send);
        // "In comments to reporters, Lavrov accused …": the subject follows the opening phrase.
        if (s0 < hit.b && C().prepositions.count(c.Low(s0))) {
          size_t comma = s0;
          while (comma < hit.b && !c.IsComma(comma)) ++comma;
          if (comma + 1 >= hit.b) return;
          s0 = comma + 1;
        }
        // The subject ends at the clause's verb, also an irregular past ("The council kept its view").
        auto clause_verb = [&](size_t t) {
          return VerbLike(c, t) || (!c.toks[t].capitalized && C().irregular_past.count(c.Low(t)) > 0);
        };
        size_t subj_e = s0;
        while (subj_e < hit.b && !clause_verb(subj_e) && !c.IsPunct(subj_e) && subj_e - s0 < 12) ++subj_e;
        // "Earlier in the week, Brekke called for …, saying …": past an opening phrase and its comma.
        for (int skip = 0; skip < 2 && subj_e + 1 < hit.b && c.IsComma(subj_e) && !LooksLikeSource(c, s0, subj_e);
             ++skip) {
          s0 = subj_e + 1;
          subj_e = s0;
          while (subj_e < hit.b && !clause_verb(subj_e) && !c.IsPunct(subj_e) && subj_e - s0 < 12) ++subj_e;
        }
        while (s0 < subj_e && C().lead_drop.count((c.Low(s0)))) ++s0;
        // No verb found before the conjunction ("The company keeps its books secret but says"):
        // the subject is unknown.
        bool through_conjunction = false;
        for (size_t t = s0; t < subj_e; ++t) through_conjunction |= c.Is(t, "and") || c.Is(t, "but");
        if (!through_conjunction && LooksLikeSource(c, s0, subj_e)) {
          left = true;
          src_b = s0;
          src_e = head_e = TrimTrailingTime(s0, CutRelative(c, s0, subj_e));
        }
      }
    }
    bool inverted = false;
    size_t after = hit.e;
    if (!left) {
      // Inverted: "…, said the ZSU." / "said Pushilin, the head of …" — only right after a comma or quotation.
      if (participle || e.tell || cue_b == sb || !(c.IsComma(cue_b - 1) || c.IsQuote(cue_b - 1))) return;
      if (!RightSource(hit.e, send, &src_b, &src_e, &head_e)) return;
      inverted = true;
      after = src_e;
    }
    // A hearer after "told": "told the Washington Post that …", "told reporters".
    std::optional<TextRef> via;
    if (e.tell && !inverted) {
      size_t r = hit.e;
      size_t re = r;
      // "warning locals in a video address on Monday (12 September) that …": the hearer is the
      // first noun phrase, the content starts at "that".
      size_t that = r;
      while (that < send && that - r < 16 && !c.Is(that, "that") && !c.IsQuote(that) &&
             (!c.IsPunct(that) || c.Raw(that) == "(" || c.Raw(that) == ")"))
        ++that;
      if (that < send && c.Is(that, "that") && that > r) {
        size_t ve = r + 1;
        while (ve < that && !C().prepositions.count((c.Low(ve))) && !c.IsPunct(ve) &&
               !(C().determiners.count(c.Low(ve)) && !c.Is(ve, "of")) && !C().pronouns.count(c.Low(ve)))
          ++ve;
        // "told the agency the soldiers had warned …": the clause starts at the second noun phrase.
        if (ve < that && (C().determiners.count(c.Low(ve)) || C().pronouns.count(c.Low(ve))) && !c.Is(ve, "of")) {
          that = ve;
        }
        if (LooksLikeSource(c, r, ve)) via = c.Ref(r, ve);
        after = that;
        re = r;  // skip the generic recipient scan below
      }
      while (!via && re < send && re - r < 8 && !c.Is(re, "that") && !c.IsPunct(re) && !c.IsQuote(re) &&
             (re == r || !VerbLike(c, re) || c.toks[re].capitalized)) {
        if (re > r && !c.toks[re].capitalized && !C().determiners.count((c.Low(re))) &&
            c.toks[re - 1].capitalized && !c.Is(re, "of"))
          break;
        // A second determiner or a pronoun opens the reported clause ("told the agency the soldiers …").
        if (re > r + 1 && !c.Is(re - 1, "of") && (C().pronouns.count(c.Low(re)) ||
                                                   (C().determiners.count(c.Low(re)) && !c.Is(re, "of"))))
          break;
        ++re;
      }
      if (!via && re > r && LooksLikeSource(c, r, re)) {
        via = c.Ref(r, re);
        after = re;
      }
    }
    // Where is the content?
    size_t tail = after;
    while (tail < send && (c.IsComma(tail) || c.Raw(tail) == ":")) ++tail;
    bool right_content = false;
    size_t tail_end = send;
    if (tail_end > tail && c.IsSentenceEndPunct(tail_end - 1)) --tail_end;
    if (tail < tail_end) {
      std::string first(c.Low(tail));
      bool infinitive = first == "to" && tail + 1 < tail_end && c.IsWord(tail + 1) && !c.toks[tail + 1].capitalized &&
                        !C().determiners.count((c.Low(tail + 1)));
      if (first == "that" || c.IsQuote(tail) || (after < send && c.Raw(after) == ":") || infinitive) {
        right_content = true;
      } else if (!C().right_tail_starts.count(first) &&
                 (tail_end - tail >= 3 || (e.deny && tail_end > tail) ||
                  (tail_end - tail >= 2 && (first == "them" || first == "him" || first == "her" || first == "it" ||
                                            first == "us")))) {
        right_content = true;
      } else if (C().right_tail_starts.count(first)) {
        // "said in a statement that …" still has its content on the right.
        for (size_t t = tail; t < tail_end && t < tail + 10; ++t) {
          if (c.Is(t, "that") || (c.IsQuote(t) && c.quote_of[t] >= 0 &&
                                  c.doc->quotes[static_cast<size_t>(c.quote_of[t])].open_token == t)) {
            right_content = true;
            tail = t;
            break;
          }
        }
        // "said on Friday he met …": a short time or place phrase, then the reported clause.
        for (size_t t = tail + 1; !right_content && t < tail_end && t <= tail + 5; ++t) {
          if (!c.IsWord(t) && !c.IsComma(t)) break;
          std::string w(c.Low(t));
          if ((w == "he" || w == "she" || w == "they" || w == "we" || w == "i" || w == "it" || w == "there") &&
              tail_end - t >= 3) {
            right_content = true;
            tail = t;
          }
        }
      }
    }
    // Left content: "…, X said" / "…,” said X".
    size_t lead_end = inverted ? cue_b : src_b;
    bool left_possible = lead_end > sb && (c.IsComma(lead_end - 1) || c.IsQuote(lead_end - 1));
    bool clause = c.Is(tail, "that") || c.IsQuote(tail) || (tail == hit.e && StartsClause(c, tail));
    if (e.needs_that && !(right_content && clause) && !left_possible) return;
    if (e.needs_that && right_content && !clause) right_content = false;
    Span content;
    // "talked about X", "warned of X", "called for X": the particle belongs to the cue.
    size_t cue_end = hit.e;
    if (tail == hit.e && tail + 2 < tail_end && !e.needs_that) {
      static const WordSet kParticles = {"about", "of", "for", "against", "upon"};
      if (kParticles.count(c.Low(tail)) && !c.IsPunct(tail + 1)) {
        cue_end = tail + 1;
        ++tail;
        right_content = true;
      }
    }
    if (right_content) {
      int q = QuoteStartingAt(tail, send);
      if (q >= 0 && c.doc->quotes[static_cast<size_t>(q)].close_token + 2 >= send) {
        content = c.doc->quotes[static_cast<size_t>(q)].span;
        Attribution a = Make(AttributionKind::kDirect, src_b, src_e, head_e, cue_b, cue_end, content);
        if (via) a.via = via;
        Add(std::move(a));
        return;
      }
      size_t ce = ClauseEnd(c, tail, send);
      if (ce <= tail) return;
      content = c.SpanOf(tail, ce);
    } else if (left_possible) {
      size_t ce = lead_end - 1;
      if (c.IsQuote(ce) && ce > sb && c.IsComma(ce - 1)) ce = lead_end;  // ,” belongs to the quote
      if (c.IsQuote(lead_end - 1)) ce = lead_end;
      size_t cb = AfterEarlierAttribution(sb, ce);
      while (cb < ce && c.IsComma(cb)) ++cb;
      if (ce <= cb) return;
      // "Last Friday, the minister called …": an opening time phrase is not what was said.
      if (IsTimePhrase(c, cb, ce)) return;
      content = c.SpanOf(cb, ce);
    } else {
      return;
    }
    AttributionKind form_kind = AttributionKind::kIndirect;
    std::optional<std::pair<size_t, size_t>> cited = pending_cited;
    pending_cited.reset();
    Attribution a = Make(form_kind, src_b, src_e, head_e, cue_b, cue_end, content);
    if (via) a.via = via;
    Add(std::move(a));
    if (cited) {
      // The cited source says the same content; the outlet's report relays it.
      size_t cb2 = cited->first, ce2 = cited->second;
      Attribution inner = Make(AttributionKind::kIndirect, cb2 + 1, ce2, CutRelative(c, cb2 + 1, ce2), cb2, cb2 + 1,
                               content);
      Add(std::move(inner));
      relays.emplace_back(out.size() - 2, out.size() - 1);
    }
  }

  // "Asked whether …, Ryan said …": the question is what the main clause's subject was asked.
  void AskedClause(size_t sb, size_t send) {
    size_t k = sb;
    if (c.Is(k, "and") || c.Is(k, "but")) ++k;
    if (c.Is(k, "when")) ++k;
    if (!c.Is(k, "asked") || c.used[k]) return;
    static const WordSet kNext = {"whether", "if", "about", "what", "who", "how",
                                                         "why", "to", "when", "which", "where"};
    // The question may follow the asker or the occasion: "Asked by the host whether …",
    // "Asked at a briefing on Monday about …", "Asked specifically what …".
    size_t q = k + 1;
    while (q < send && q < k + 12 && !kNext.count(c.Low(q)) && !c.IsComma(q) && !c.IsQuote(q) &&
           !c.IsSentenceEndPunct(q))
      ++q;
    if (q >= send || !kNext.count((c.Low(q)))) return;
    size_t comma = q + 1;
    while (comma < send && !(c.IsComma(comma) && !c.InQuote(comma))) ++comma;
    if (comma + 1 >= send) return;
    size_t sb2, se2, he2;
    if (!RightSource(comma + 1, send, &sb2, &se2, &he2)) return;
    size_t cb = c.Is(q, "about") || c.Is(q, "to") ? q + 1 : q;
    if (comma <= cb) return;
    Add(Make(AttributionKind::kIndirect, sb2, se2, he2, k, k + 1, c.SpanOf(cb, comma)));
  }

  // A headline "Zelensky: Russian troops are fleeing Kharkiv": a short capitalised
  // name, a colon, and the statement (the colon is the cue).
  void HeadlineColon(const Sentence& s) {
    const Paragraph& p = c.doc->paragraphs[s.paragraph];
    if (p.sentence_end - p.sentence_begin != 1 || s.token_end - s.token_begin > 30) return;
    size_t sb = s.token_begin, send = s.token_end;
    size_t colon = sb;
    while (colon < send && colon - sb <= 5 && c.Raw(colon) != ":") ++colon;
    if (colon >= send || colon == sb || colon - sb > 5 || send - colon < 4 || c.used[colon]) return;
    if (NotSpeakers().count(c.Low(sb))) return;
    for (size_t t = sb; t < colon; ++t) {
      if (!c.IsWord(t) || (!c.toks[t].capitalized && !c.Is(t, "camp") && !c.Is(t, "of"))) return;
      if (c.InQuote(t)) return;
    }
    size_t ce = send;
    if (c.IsSentenceEndPunct(ce - 1)) --ce;
    if (ce <= colon + 1) return;
    Attribution a = Make(AttributionKind::kIndirect, sb, colon, colon, colon, colon + 1, c.SpanOf(colon + 1, ce));
    Add(std::move(a));
  }

  // "reportedly": an unattributed report of its clause.
  void Reportedly(size_t sb, size_t send) {
    for (size_t i = sb; i < send; ++i) {
      if (c.InQuote(i) || c.used[i] || !c.Is(i, "reportedly")) continue;
      size_t ce = ClauseEnd(c, sb, send);
      if (ce <= sb) continue;
      Attribution a = Make(AttributionKind::kAnonymous, 0, 0, 0, i, i + 1, c.SpanOf(sb, ce));
      a.form = AttributionKind::kIndirect;
      Add(std::move(a));
    }
  }

  // "a startling revelation (emerging) from Russian law enforcement agencies"
  void NounCue(size_t i, size_t sb, size_t send) {
    if (c.InQuote(i) || c.used[i] || !c.IsWord(i) || !C().noun_cues.count((c.Low(i)))) return;
    size_t k = i + 1;
    if (k < send && (c.Is(k, "emerging") || c.Is(k, "coming") || c.Is(k, "released") || c.Is(k, "issued") ||
                     c.Is(k, "published")))
      ++k;
    if (!(c.Is(k, "from") || c.Is(k, "by"))) return;
    size_t sb2, se2, he2;
    if (!RightSource(k + 1, send, &sb2, &se2, &he2)) return;
    bool has_cap = false;
    for (size_t t = sb2; t < he2; ++t) has_cap |= c.toks[t].capitalized;
    if (!has_cap) return;
    size_t nb = i;
    while (nb > sb && i - nb < 4 && c.IsWord(nb - 1) && !VerbLike(c, nb - 1) && !EndsWith(c.Low(nb - 1), "ing") &&
           !C().boundary.count((c.Low(nb - 1))) && !c.Is(nb - 1, "with"))
      --nb;
    Attribution a = Make(AttributionKind::kIndirect, sb2, se2, he2, i, k + 1, c.SpanOf(nb, i + 1));
    Add(std::move(a), true);
  }
};

bool IsPersonName(const std::string& s) {
  // Two or more capitalised words and no organisation word.
  static const WordSet kOrg = {
      "ministry", "agency", "service", "staff", "forces", "army", "government", "office", "council", "command",
      "news", "times", "post", "press", "institute", "committee", "department", "kremlin", "pentagon", "republic",
      "people's", "administration", "intelligence", "military", "media", "journal", "telegraph", "guardian",
      "daily", "wire", "herald", "monitor", "gazette", "courier", "ledger", "tribune", "express", "mail", "today",
      "review", "observer", "independent", "radio", "tv", "television", "network", "channel", "agency's"};
  int caps = 0;
  size_t i = 0;
  std::string lower = util::AsciiLower(s);
  for (auto w : util::Split(lower, ' ')) {
    if (kOrg.count(std::string(w))) return false;
  }
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++caps;
    while (i < s.size() && s[i] != ' ') ++i;
  }
  return caps >= 2 || (caps == 1 && s.find(' ') == std::string::npos && s.size() > 2);
}

// Unnamed: no proper name (other than nationalities and places after "in"/"from"),
// not an institution, not a pronoun (those resolve to a speaker), not in the registry.
bool IsAnonymous(const Attribution& a) {
  if (!a.source) return true;
  const std::string& t = a.source_name.empty() ? a.source->text : a.source_name;
  const std::string lower = util::AsciiLower(t);
  static const WordSet kPronouns = {"he", "she", "they", "we", "i", "it", "you"};
  if (kPronouns.count(lower)) return false;
  {
    // "NATO officials", "US intelligence officials": a registry name as a modifier
    // of an unnamed person noun does not name the speaker.
    size_t sp = lower.rfind(' ');
    std::string last = sp == std::string::npos ? lower : lower.substr(sp + 1);
    if (MatchSource(t) && !(sp != std::string::npos && C().anon_heads.count(last))) return false;
  }
  static const WordSet kInstitutions = {
      "ministry", "government", "administration", "agency", "army", "command", "office", "service", "staff",
      "kremlin", "council", "forces", "military", "police", "authorities", "authority", "department", "embassy",
      "parliament", "court", "committee", "commission", "headquarters", "newspaper", "channel", "outlet",
      "agency's"};
  // A definite office ("the governor of Luhansk", "the ministry's spokesman") names its holder.
  static const WordSet kOffices = {"governor", "mayor", "president", "minister", "prime", "spokesman",
                                   "spokeswoman", "spokesperson", "commander", "chief", "head", "ambassador"};
  static const WordSet kAdjectives = {
      "us", "u.s.", "uk", "western", "russian", "ukrainian", "american", "british", "european", "nato", "eu",
      "kremlin", "belarusian", "polish", "german", "french", "israeli", "chinese", "a", "an", "the", "two",
      "three", "several", "senior", "some", "many", "one", "other", "another", "according"};
  auto words = util::Split(t, ' ');
  if (!words.empty() && util::AsciiLower(words[0]) == "the") {
    for (auto w : words) {
      if (kOffices.count(util::AsciiLower(w))) return false;
    }
  }
  bool after_place_prep = false;
  bool seen_person = false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = util::AsciiLower(words[i]);
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
    // An institution as the head ("the ministry", "Ukrainian authorities"), not as a modifier
    // ("a military spokesman").
    bool head = i + 1 == words.size() || util::AsciiLower(words[i + 1]) == "of";
    // …unless a person noun came first ("a source in the defence ministry").
    if (C().anon_heads.count(w)) seen_person = true;
    if (kInstitutions.count(w) && head && !seen_person) return false;
    bool cap = !words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z';
    // Demonyms ("Lithuanian", "Turkish", "Iraqi") describe, they do not name.
    bool demonym = w.size() > 5 && (EndsWith(w, "ian") || EndsWith(w, "ish") || EndsWith(w, "ese") ||
                                    EndsWith(w, "ean") || EndsWith(w, "qi") || EndsWith(w, "li"));
    bool modifier = i + 1 < words.size();  // "NATO officials" describes; "Nato" alone names
    if (cap && !after_place_prep && !((kAdjectives.count(w) || demonym) && modifier) &&
        !(kAdjectives.count(w) && i == 0 && (w == "a" || w == "an" || w == "the" || w == "some" || w == "several")))
      return false;  // a proper name
    after_place_prep = (w == "in" || w == "from" || w == "near") || (after_place_prep && cap);
    // "a source close to Brekke", "officials familiar with Smith's thinking": a person noun
    // placed by its relation to someone named is still unnamed.
    if (seen_person && (w == "to" || w == "with") && i > 0 && C().relation_words.count(util::AsciiLower(words[i - 1])))
      return true;
  }
  return true;
}

size_t SentenceAt(const Document& doc, uint32_t byte) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), byte,
                             [](uint32_t v, const Sentence& s) { return v < s.span.begin; });
  return it == doc.sentences.begin() ? 0 : static_cast<size_t>(it - doc.sentences.begin() - 1);
}

std::string StripPossessive(std::string_view w) {
  for (std::string_view suf : {"’s", "'s", "’", "'"}) {
    if (EndsWith(w, suf)) return std::string(w.substr(0, w.size() - suf.size()));
  }
  return std::string(w);
}

// "He"/"She" take the person the previous sentence is about (a known speaker
// mentioned there first), else a newly named person there, else the last
// named speaker.
void ResolvePronouns(const Ctx& c, std::vector<Attribution>* atts) {
  const Document& doc = *c.doc;
  std::vector<std::string> people;  // full names of person sources so far
  std::unordered_map<std::string, int> speaker_of;  // name -> last attribution with that speaker
  for (Attribution& a : *atts) {
    if (!a.source) continue;
    std::string lower = util::AsciiLower(a.source->text);
    if (lower != "he" && lower != "she") {
      const SourceEntry* reg = MatchSource(a.source_name);
      if (IsPersonName(a.source_name) && !(reg && reg->kind != "government" && reg->kind != "person")) {
        people.push_back(a.source_name);
        if (people.size() > 32) people.erase(people.begin());  // recent speakers only
        speaker_of[a.source_name] = a.id;
      }
      continue;
    }
    size_t s = SentenceAt(doc, a.source->span.begin);
    std::string resolved;
    for (size_t back = 1; back <= 2 && back <= s && resolved.empty(); ++back) {
      const Sentence& prev = doc.sentences[s - back];
      // A known speaker mentioned in the sentence (first mention wins).
      for (size_t t = prev.token_begin; t < prev.token_end && resolved.empty(); ++t) {
        if (c.InQuote(t) || !c.toks[t].capitalized) continue;
        std::string w = StripPossessive(c.Raw(t));
        for (auto it = people.rbegin(); it != people.rend(); ++it) {
          auto parts = util::Split(*it, ' ');
          if (w == parts.back() || w == *it) {
            resolved = *it;
            break;
          }
        }
      }
      // A new name: two or more capitalised words in a row, outside quotations.
      if (resolved.empty()) {
        std::string last;
        for (size_t t = prev.token_begin; t < prev.token_end; ++t) {
          size_t e = t;
          while (e < prev.token_end && !c.InQuote(e) && c.IsWord(e) && c.toks[e].capitalized) ++e;
          if (e - t >= 2 && t > prev.token_begin) {
            std::string name(c.text.substr(c.toks[t].span.begin, c.toks[e - 1].span.end - c.toks[t].span.begin));
            if (IsPersonName(name) && !MatchSource(name)) last = name;
          }
          if (e > t) t = e - 1;
        }
        resolved = last;
      }
    }
    if (resolved.empty() && !people.empty()) resolved = people.back();
    if (!resolved.empty()) {
      a.source_name = resolved;
      // "He added: …" continues that speaker's statement (and its chain of sources).
      if (auto it = speaker_of.find(resolved); it != speaker_of.end() && a.continues < 0) a.continues = it->second;
    }
  }
}

// "This development was announced by X": the content points back at the previous sentence.
std::optional<TextRef> Antecedent(const Ctx& c, const Attribution& a) {
  static const WordSet kHeads = {"development", "report", "reports", "claim", "claims",
                                                         "news", "information", "statement", "allegation",
                                                         "allegations", "account", "accounts", "figure", "data"};
  const std::string lower = util::AsciiLower(util::Trim(a.content.text));
  auto words = util::Split(lower, ' ');
  if (words.size() < 2 || words.size() > 3) return std::nullopt;
  if (words[0] != "this" && words[0] != "that" && words[0] != "these" && words[0] != "those" && words[0] != "such")
    return std::nullopt;
  if (!kHeads.count(std::string(words.back()))) return std::nullopt;
  size_t s = SentenceAt(*c.doc, a.content.span.begin);
  if (s == 0) return std::nullopt;
  return c.RefSpan(c.doc->sentences[s - 1].span);
}

}  // namespace

void ExtractAttributions(Document* doc, const AttributionOptions& options) {
  doc->attributions.clear();
  if (doc->tokens.empty()) return;
  Ctx ctx(doc, options.attitudes);
  Builder b(ctx);
  b.TranscriptPass();
  b.QuotePass(doc->sentences);
  for (const Sentence& s : doc->sentences) b.CuePass(s);
  if (options.attitudes) {
    // An attitude: its cue is a lexicon form tagged `attitude` (the first form, longest
    // first, that fits inside the cue, as MatchCue took it: "pointed to", not "pointed out").
    for (Attribution& a : b.out) {
      size_t end = doc->TokenAtOrAfter(a.cue.span.end);
      for (size_t t = doc->TokenAtOrAfter(a.cue.span.begin); t < end; ++t) {
        if (!ctx.cue_forms[t]) continue;
        for (const CueForm& f : *ctx.cue_forms[t]) {
          if (FormEnd(ctx, f, t, end)) {
            a.attitude = f.entry->attitude;
            break;
          }
        }
        break;
      }
    }
  }

  // Order by position; remap `continues`.
  std::vector<size_t> order(b.out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Attribution& a = b.out[x];
    const Attribution& c = b.out[y];
    uint32_t ka = std::min(a.content.span.begin, a.cue.span.begin);
    uint32_t kc = std::min(c.content.span.begin, c.cue.span.begin);
    return ka != kc ? ka < kc : a.cue.span.begin < c.cue.span.begin;
  });
  std::vector<int> new_index(order.size());
  for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int>(i);
  std::vector<Attribution> atts;
  std::vector<char> noun_cue;
  for (size_t i : order) {
    Attribution a = std::move(b.out[i]);
    if (a.continues >= 0) a.continues = new_index[static_cast<size_t>(a.continues)];
    atts.push_back(std::move(a));
    noun_cue.push_back(b.noun_cue[i]);
  }
  for (size_t i = 0; i < atts.size(); ++i) atts[i].id = static_cast<int>(i);
  for (auto [from, to] : b.relays) atts[static_cast<size_t>(new_index[from])].cites = new_index[to];

  ResolvePronouns(ctx, &atts);
  // Kinds: mixed when an indirect content carries a quotation; anonymous when unnamed.
  for (Attribution& a : atts) {
    if (a.form == AttributionKind::kIndirect) {
      for (const Quote& q : doc->quotes) {
        if (a.content.span.Contains(q.span) && q.span.begin > a.content.span.begin) {
          a.form = AttributionKind::kMixed;
          break;
        }
      }
    }
    a.kind = a.form;
    a.source_anonymous = IsAnonymous(a);
    if (a.source_anonymous) a.kind = AttributionKind::kAnonymous;
    if (a.source) {
      if (const SourceEntry* e = MatchSource(a.source_name.empty() ? a.source->text : a.source_name)) {
        a.source_registry = e->id;
      }
    }
    a.antecedent = Antecedent(ctx, a);
  }
  // "cited by the agency", "told the newspaper": the last outlet named before.
  {
    static const WordSet kOutletWords = {"the agency", "the newspaper", "the outlet",
                                                                 "the broadcaster", "the channel", "the paper",
                                                                 "the publication", "the news agency", "the site"};
    std::string last_outlet;
    for (Attribution& a : atts) {
      if (a.via && kOutletWords.count(util::AsciiLower(a.via->text)) && !last_outlet.empty()) a.via_name = last_outlet;
      if (a.source) {
        const SourceEntry* e = MatchSource(a.source_name.empty() ? a.source->text : a.source_name);
        if (e && e->IsOutlet()) last_outlet = e->name;
      }
    }
  }
  // Nesting: the smallest other attribution whose content holds this cue (and source).
  // Attributions are sorted by position and contents stay within a sentence or a
  // quotation, so a parent is among the neighbours: a window keeps this linear.
  constexpr size_t kWindow = 40;
  for (Attribution& a : atts) {
    int best = -1;
    uint32_t best_size = UINT32_MAX;
    size_t lo_i = a.id > static_cast<int>(kWindow) ? static_cast<size_t>(a.id) - kWindow : 0;
    size_t hi_i = std::min(atts.size(), static_cast<size_t>(a.id) + kWindow);
    for (size_t oi = lo_i; oi < hi_i; ++oi) {
      const Attribution& o = atts[oi];
      if (o.id == a.id || o.continues == a.id || a.continues == o.id) continue;
      if (!o.content.span.Contains(a.cue.span)) continue;
      if (a.source && !o.content.span.Contains(a.source->span)) continue;
      if (o.content.span == a.content.span && o.id > a.id) continue;
      if (o.content.span.size() < best_size) {
        best = o.id;
        best_size = o.content.span.size();
      }
    }
    a.parent = best;
  }
  // Citation links: an outlet's report with no source inside it relays the
  // statement of a non-outlet source given in the same or an adjacent paragraph.
  auto para_of = [&](uint32_t byte) {
    auto it = std::upper_bound(doc->paragraphs.begin(), doc->paragraphs.end(), byte,
                               [](uint32_t v, const Paragraph& p) { return v < p.span.begin; });
    return it == doc->paragraphs.begin() ? 0u : static_cast<uint32_t>(it - doc->paragraphs.begin() - 1);
  };
  // An outlet: a registry outlet or agency, or any source that "reported" (how
  // outlets speak), so unknown outlets relay too.
  auto is_outlet = [&](const Attribution& a) {
    if (!a.source) return false;
    const SourceEntry* e = MatchSource(a.source_name.empty() ? a.source->text : a.source_name);
    if (e) return e->IsOutlet();
    std::string cue = util::AsciiLower(a.cue.text);
    std::string_view verb = std::string_view(cue).substr(cue.rfind(' ') == std::string::npos ? 0 : cue.rfind(' ') + 1);
    auto it = Cues().by_first.find(verb);
    if (it == Cues().by_first.end()) return false;
    for (const CueForm& f : it->second) {
      if (f.entry->report) return true;
    }
    return false;
  };
  for (Attribution& a : atts) {
    if (!is_outlet(a) || a.cites >= 0) continue;
    size_t lo_i = a.id > static_cast<int>(kWindow) ? static_cast<size_t>(a.id) - kWindow : 0;
    size_t hi_i = std::min(atts.size(), static_cast<size_t>(a.id) + kWindow);
    bool has_child = false;
    for (size_t oi = lo_i; oi < hi_i; ++oi) has_child |= atts[oi].parent == a.id;
    if (has_child) continue;
    uint32_t pa = para_of(a.cue.span.begin);
    int best = -1;
    uint32_t best_dist = UINT32_MAX;
    for (size_t oi = lo_i; oi < hi_i; ++oi) {
      const Attribution& o = atts[oi];
      if (o.id == a.id || !o.source || is_outlet(o) || o.parent >= 0) continue;
      uint32_t po = para_of(o.cue.span.begin);
      uint32_t dist = po > pa ? po - pa : pa - po;
      if (dist > 1) continue;
      // "sources … cited by the agency" names its relay outright.
      bool cited_by = o.via && o.form == AttributionKind::kAccordingTo && po >= pa;
      bool noun = noun_cue[static_cast<size_t>(o.id)] && po + 1 == pa;
      if (!(cited_by || noun || dist == 1 || o.content.span.Overlaps(a.content.span))) continue;
      uint32_t d = cited_by ? 0 : dist * 2 + (po < pa ? 1 : 0);
      if (d < best_dist) {
        best_dist = d;
        best = o.id;
      }
    }
    if (best >= 0) a.cites = best;
  }
  doc->attributions = std::move(atts);
}

std::vector<ChainLink> ChainFor(const Document& doc, int id) {
  std::vector<ChainLink> chain;
  if (id < 0 || static_cast<size_t>(id) >= doc.attributions.size()) return chain;
  auto link_of = [&](const Attribution& a) {
    ChainLink l{a.source->text, a.source_name.empty() ? a.source->text : a.source_name, "", a.id};
    for (const auto& e : Sources()) {
      if (e.id == a.source_registry) l.registry = e.name;
    }
    return l;
  };
  // Ancestors, innermost first, following parents (and the statement a continuation continues).
  std::vector<const Attribution*> path;
  const Attribution* cur = &doc.attributions[static_cast<size_t>(id)];
  for (int guard = 0; cur && guard < 64; ++guard) {
    path.push_back(cur);
    int next = cur->parent;
    if (next < 0 && cur->continues >= 0) {
      const Attribution& cont = doc.attributions[static_cast<size_t>(cur->continues)];
      next = cont.parent;
    }
    cur = next >= 0 ? &doc.attributions[static_cast<size_t>(next)] : nullptr;
  }
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const Attribution& a = **it;
    if (a.via) {
      const SourceEntry* e = MatchSource(a.via_name.empty() ? a.via->text : a.via_name);
      chain.push_back({a.via->text, a.via_name.empty() ? a.via->text : a.via_name, e ? e->name : "", -1});
    }
    if (a.source) chain.push_back(link_of(a));
  }
  const Attribution& self = doc.attributions[static_cast<size_t>(id)];
  if (self.cites >= 0) {
    const Attribution& relayed = doc.attributions[static_cast<size_t>(self.cites)];
    if (relayed.source) chain.push_back(link_of(relayed));
  }
  return chain;
}

CueMeaning CueMeaningOf(std::string_view cue_text) {
  CueMeaning m;
  const CueLexicon& lex = Cues();
  for (std::string_view w : util::Split(cue_text, ' ')) {
    auto it = lex.by_first.find(util::AsciiLower(w));
    if (it == lex.by_first.end()) continue;
    for (const auto& f : it->second) {
      m.deny |= f.entry->deny;
      m.call |= f.entry->call;
    }
  }
  return m;
}

}  // namespace claimtrace::extract
