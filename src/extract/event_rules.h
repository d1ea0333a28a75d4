// The trigger pattern language of data/lexicons/en/events.txt, shared by the
// runtime (extract/events.cc) and the build-time database compiler
// (tools/events_db_compiler.cc). Header-only so the compiler needs nothing
// else from the library.
#ifndef CLAIMTRACE_EXTRACT_EVENT_RULES_H_
#define CLAIMTRACE_EXTRACT_EVENT_RULES_H_

#include <hs/hs.h>

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrace::extract::rules {

inline constexpr const char* kTypeNames[] = {
    "surrender",          "refusal_to_fight", "desertion", "defection",    "retreat",
    "territorial_change", "casualties",       "prisoners", "mobilization", "attack"};
inline constexpr int kTypes = 10;

struct TriggerRule {
  int type = 0;
  bool weak = false, patient = false, people_object = false, verb_only = false;
  int line = 0;
};

inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

inline std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) {
      out.push_back(s.substr(b));
      return out;
    }
    out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
}

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The regular inflections of a verb: base, -s, -ed, -ing.
inline std::vector<std::string> Inflect(const std::string& w) {
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

inline std::string RegexEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) out += '\\';
    out += c;
  }
  return out;
}

// One pattern element ("a|b~") as a regex group of its word forms.
inline bool Alternatives(std::string_view element, std::string* out, std::string* error) {
  *out = "(?:";
  bool first = true;
  for (std::string_view alt : SplitOn(element, '|')) {
    if (alt.empty()) {
      *error = "empty alternative in '" + std::string(element) + "'";
      return false;
    }
    std::vector<std::string> forms;
    if (alt.back() == '~') {
      forms = Inflect(Lower(alt.substr(0, alt.size() - 1)));
    } else {
      forms = {Lower(alt)};
    }
    for (const auto& f : forms) {
      if (!first) *out += '|';
      first = false;
      // Multi-word alternatives ("air strike") match any run of spaces.
      std::string words;
      for (std::string_view w : SplitOn(f, ' ')) {
        if (w.empty()) continue;
        if (!words.empty()) words += "\\s+";
        words += RegexEscape(w);
      }
      *out += words;
    }
  }
  *out += ")";
  return true;
}

// Turns "lay|laid down (their|his) ... arms" into a regex over the text.
inline bool PatternToRegex(std::string_view pattern, std::string* out, std::string* error) {
  *out = "\\b";
  bool have_word = false;
  bool gap = false;
  // Elements are separated by spaces outside parentheses.
  std::vector<std::string_view> elements;
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
  for (std::string_view e : elements) {
    if (e == "...") {
      if (!have_word) {
        *error = "a pattern cannot start with a gap";
        return false;
      }
      gap = true;
      continue;
    }
    bool optional = e.size() >= 2 && e.front() == '(' && e.back() == ')';
    if (optional) e = e.substr(1, e.size() - 2);
    std::string group;
    if (!Alternatives(e, &group, error)) return false;
    std::string sep = have_word ? (gap ? "(?:\\s+[^\\s.;!?]+){0,4}\\s+" : "\\s+") : "";
    if (optional) {
      if (!have_word) {
        *error = "a pattern cannot start with an optional element";
        return false;
      }
      *out += "(?:" + sep + group + ")?";
    } else {
      *out += sep + group;
      have_word = true;
    }
    gap = false;
  }
  if (!have_word) {
    *error = "empty pattern";
    return false;
  }
  *out += "\\b";
  return true;
}

// Parses events.txt into rules and their regexes; on failure *error says
// "line N: what".
inline bool ParseTriggerRules(std::string_view text, std::vector<TriggerRule>* rules, std::vector<std::string>* regexes,
                              std::string* error) {
  int line_no = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    ++line_no;
    auto fail = [&](const std::string& what) {
      *error = "line " + std::to_string(line_no) + ": " + what;
      return false;
    };
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = TrimAscii(line);
    if (line.empty()) continue;
    auto cols = SplitOn(line, '\t');
    if (cols.size() < 2 || cols.size() > 3) return fail("expected type<TAB>pattern[<TAB>flags]");
    TriggerRule rule;
    rule.type = -1;
    for (int t = 0; t < kTypes; ++t) {
      if (TrimAscii(cols[0]) == kTypeNames[t]) rule.type = t;
    }
    if (rule.type < 0) return fail("unknown event type '" + std::string(cols[0]) + "'");
    rule.line = line_no;
    if (cols.size() == 3) {
      for (std::string_view f : SplitOn(cols[2], ',')) {
        f = TrimAscii(f);
        if (f == "weak") rule.weak = true;
        else if (f == "patient") rule.patient = true;
        else if (f == "people_object") rule.people_object = true;
        else if (f == "verb_only") rule.verb_only = true;
        else if (!f.empty()) return fail("unknown flag '" + std::string(f) + "'");
      }
    }
    std::string regex, what;
    if (!PatternToRegex(TrimAscii(cols[1]), &regex, &what)) return fail(what);
    regexes->push_back(std::move(regex));
    rules->push_back(rule);
  }
  if (regexes->empty()) {
    *error = "no patterns";
    return false;
  }
  return true;
}

// One Hyperscan database of all patterns, caseless. With `start_of_match`
// each match reports its leftmost start; that database is four times larger
// and slower, so the text is first scanned without it (see FindTriggers).
inline bool CompileTriggerRegexes(const std::vector<std::string>& regexes, const std::vector<TriggerRule>& rules,
                                  bool start_of_match, hs_database_t** db, std::string* error) {
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < regexes.size(); ++i) {
    exprs.push_back(regexes[i].c_str());
    flags.push_back(HS_FLAG_CASELESS | (start_of_match ? HS_FLAG_SOM_LEFTMOST : 0u));
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                       nullptr, db, &err) != HS_SUCCESS) {
    int bad = err && err->expression >= 0 ? rules[static_cast<size_t>(err->expression)].line : 0;
    *error = "line " + std::to_string(bad) + ": pattern does not compile: " + (err ? err->message : "unknown error");
    if (err) hs_free_compile_error(err);
    return false;
  }
  return true;
}

}  // namespace claimtrace::extract::rules

#endif  // CLAIMTRACE_EXTRACT_EVENT_RULES_H_
