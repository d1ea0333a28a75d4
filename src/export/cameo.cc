// The type -> code rows of data/cameo/events.tsv are tried in order; a row
// that needs a word class applies when the claim text holds one of its words
// (whole words, ASCII case-folded, matched as token sequences).
#include "export/cameo.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::exporter {
namespace {

constexpr const char* kEventTypes[] = {"surrender",          "refusal_to_fight", "desertion", "defection",
                                       "retreat",            "territorial_change", "casualties", "prisoners",
                                       "mobilization",       "attack"};

enum class Role { kNone, kSide, kOpponent };

struct EventRow {
  std::string code, root, label, when;
  int quad = 0;
  Role actor1 = Role::kNone, actor2 = Role::kNone;
};

struct WordForm {
  std::vector<std::string> tokens;
  std::string word_class;
};

struct Tables {
  std::map<std::string, std::vector<EventRow>, std::less<>> events;  // by type, in file order
  std::map<std::string, std::string, std::less<>> actors;             // side -> code
  std::vector<WordForm> words;
};

[[noreturn]] void Broken(const char* file, int line, const std::string& why) {
  std::fprintf(stderr, "claimtrace: broken data file cameo/%s:%d: %s\n", file, line, why.c_str());
  std::abort();
}

// Lower-cased ASCII words of letters and digits (any script); everything else splits.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = util::NextCodePoint(text, &i);
    if (util::IsLetter(c) || util::IsDigit(c)) {
      for (size_t k = start; k < i; ++k) cur += util::AsciiLowerChar(text[k]);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Role ParseRole(std::string_view s, int line) {
  if (s == "side") return Role::kSide;
  if (s == "opponent") return Role::kOpponent;
  if (s == "-") return Role::kNone;
  Broken("events.tsv", line, "actor role must be side, opponent or -, not '" + std::string(s) + "'");
}

Tables Load() {
  Tables t;
  int line_no = 0;
  for (std::string_view line : util::SplitLines(util::EmbeddedFile("cameo/actors.tsv"))) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto cols = util::Split(line, '\t');
    if (cols.size() != 3 || cols[0].empty() || cols[1].empty()) Broken("actors.tsv", line_no, "expected side, code, name");
    if (!t.actors.emplace(std::string(cols[0]), std::string(cols[1])).second) {
      Broken("actors.tsv", line_no, "side listed twice");
    }
  }
  auto words = util::ParseLexicon("cameo/words.txt", util::EmbeddedFile("cameo/words.txt"));
  if (!words.ok()) {
    std::fprintf(stderr, "claimtrace: broken data file %s\n", words.status().message().c_str());
    std::abort();
  }
  std::set<std::string> classes;
  for (const auto& e : words.value()) {
    if (e.tags.size() != 1) Broken("words.txt", e.line, "expected one word class");
    classes.insert(e.tags[0]);
    for (const auto& f : e.forms) t.words.push_back(WordForm{Words(f), e.tags[0]});
  }
  line_no = 0;
  for (std::string_view line : util::SplitLines(util::EmbeddedFile("cameo/events.tsv"))) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto cols = util::Split(line, '\t');
    if (cols.size() != 7) Broken("events.tsv", line_no, "expected 7 columns, found " + std::to_string(cols.size()));
    EventRow r;
    r.code = std::string(cols[1]);
    r.root = std::string(cols[2]);
    if (cols[3].size() != 1 || cols[3][0] < '1' || cols[3][0] > '4') Broken("events.tsv", line_no, "quad class must be 1-4");
    r.quad = cols[3][0] - '0';
    auto roles = util::Split(cols[4], ',');
    if (roles.size() != 2) Broken("events.tsv", line_no, "actors must be actor1,actor2");
    r.actor1 = ParseRole(roles[0], line_no);
    r.actor2 = ParseRole(roles[1], line_no);
    r.when = cols[5] == "-" ? "" : std::string(cols[5]);
    if (!r.when.empty() && !classes.count(r.when)) Broken("events.tsv", line_no, "no word class '" + r.when + "' in words.txt");
    r.label = std::string(cols[6]);
    if (r.code.empty() || r.root.empty() || r.label.empty()) Broken("events.tsv", line_no, "empty column");
    auto& rows = t.events[std::string(cols[0])];
    if (!rows.empty() && rows.back().when.empty()) Broken("events.tsv", line_no, "row after the type's default row");
    rows.push_back(std::move(r));
  }
  for (const char* type : kEventTypes) {
    auto it = t.events.find(type);
    if (it == t.events.end() || !it->second.back().when.empty()) {
      Broken("events.tsv", line_no, std::string("no default row for ") + type);
    }
  }
  return t;
}

const Tables& Get() {
  static const Tables tables = Load();
  return tables;
}

std::string Opponent(std::string_view side) {
  if (side == "RU") return "UA";
  if (side == "UA") return "RU";
  return "";
}

std::string ActorFor(Role role, const std::string& side) {
  switch (role) {
    case Role::kSide: return CameoActor(side);
    case Role::kOpponent: return CameoActor(Opponent(side));
    case Role::kNone: return "";
  }
  return "";
}

}  // namespace

std::string CameoActor(std::string_view side) {
  if (side.empty()) return "";
  const auto& actors = Get().actors;
  auto it = actors.find(side);
  return it == actors.end() ? "" : it->second;
}

CameoEvent CameoCode(const Claim& claim) {
  CameoEvent ev;
  const Tables& t = Get();
  auto it = t.events.find(claim.type);
  if (it == t.events.end()) return ev;
  std::set<std::string> present;  // word classes found in the text
  bool need_words = it->second.size() > 1;
  if (need_words) {
    std::vector<std::string> words = Words(claim.text);
    for (const WordForm& f : t.words) {
      if (f.tokens.empty() || present.count(f.word_class)) continue;
      for (size_t i = 0; i + f.tokens.size() <= words.size(); ++i) {
        bool match = true;
        for (size_t k = 0; k < f.tokens.size() && match; ++k) match = words[i + k] == f.tokens[k];
        if (match) {
          present.insert(f.word_class);
          break;
        }
      }
    }
  }
  for (const EventRow& r : it->second) {
    if (!r.when.empty() && !present.count(r.when)) continue;
    std::string side = claim.actor ? claim.actor->side : "";
    ev.code = r.code;
    ev.root = r.root;
    ev.quad = r.quad;
    ev.label = r.label;
    ev.actor1 = ActorFor(r.actor1, side);
    ev.actor2 = ActorFor(r.actor2, side);
    break;
  }
  return ev;
}

}  // namespace claimtrace::exporter
