// The chrome rule file format (data/lexicons/en/chrome.txt), shared by the
// runtime matcher and the build-time database compiler.
#ifndef CLAIMTRACE_CLEAN_CHROME_RULES_H_
#define CLAIMTRACE_CLEAN_CHROME_RULES_H_

#include <hs/hs.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrace::clean {

struct ChromeRule {
  int kind = 0;  // ChromeKind value: 1 drop, 2 list, 3 byline, 4 credit
  size_t max_bytes = 300;
  std::string regex;
  int line = 0;
};

// Parses `category:max_bytes<TAB>regex` lines; on error sets *error to "line N: what".
inline std::vector<ChromeRule> ParseChromeRules(std::string_view text, std::string* error) {
  std::vector<ChromeRule> rules;
  int line_no = 0;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      *error = "line " + std::to_string(line_no) + ": no tab";
      return {};
    }
    std::string_view cat = line.substr(0, tab);
    ChromeRule r;
    r.line = line_no;
    if (size_t colon = cat.find(':'); colon != std::string_view::npos) {
      r.max_bytes = std::strtoul(std::string(cat.substr(colon + 1)).c_str(), nullptr, 10);
      cat = cat.substr(0, colon);
      if (r.max_bytes == 0) {
        *error = "line " + std::to_string(line_no) + ": bad max_bytes";
        return {};
      }
    }
    r.kind = cat == "drop" ? 1 : cat == "list" ? 2 : cat == "byline" ? 3 : cat == "credit" ? 4 : 0;
    if (r.kind == 0) {
      *error = "line " + std::to_string(line_no) + ": unknown category";
      return {};
    }
    r.regex = std::string(line.substr(tab + 1));
    rules.push_back(std::move(r));
  }
  if (rules.empty()) *error = "no patterns";
  return rules;
}

// Compiles the rules into one Hyperscan block-mode database (pattern id = rule
// index). On failure returns false and sets *error to "line N: message".
inline bool CompileChromeRules(const std::vector<ChromeRule>& rules, hs_database_t** db, std::string* error) {
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < rules.size(); ++i) {
    exprs.push_back(rules[i].regex.c_str());
    flags.push_back(HS_FLAG_CASELESS | HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                       nullptr, db, &err) == HS_SUCCESS) {
    return true;
  }
  int at = err && err->expression >= 0 ? rules[static_cast<size_t>(err->expression)].line : 0;
  *error = "line " + std::to_string(at) + ": " + (err ? err->message : "compile error");
  hs_free_compile_error(err);
  return false;
}

}  // namespace claimtrace::clean

#endif  // CLAIMTRACE_CLEAN_CHROME_RULES_H_
