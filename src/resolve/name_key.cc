#include "resolve/name_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

#include "util/data.h"

namespace claimtrace::resolve {
namespace {

// Built once: the Cyrillic table from the embedded rules, and ICU's Latin-ASCII
// for accented Latin. Each thread transliterates with its own clones because ICU
// transliterators keep per-call state. (No Any-Latin or NFC pass: they cost more
// than the rest of the place finder, and keys need only Cyrillic and Latin.)
struct Prototypes {
  icu::Transliterator* cyrillic = nullptr;
  icu::Transliterator* latin_ascii = nullptr;
};

const Prototypes& Proto() {
  static const Prototypes protos = [] {
    Prototypes p;
    std::string_view rules = util::EmbeddedFile("gazetteer/uk_latin_2010.txt");
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    p.cyrillic = icu::Transliterator::createFromRules("claimtrace-uk-latin",
                                                     icu::UnicodeString::fromUTF8(icu::StringPiece(rules.data(), static_cast<int32_t>(rules.size()))),
                                                     UTRANS_FORWARD, parse_error, status);
    if (U_FAILURE(status) || p.cyrillic == nullptr) {
      // The rules are compiled into the binary: a failure is a build defect.
      std::fprintf(stderr, "claimtrace: data/gazetteer/uk_latin_2010.txt line %d: %s\n", parse_error.line,
                   u_errorName(status));
      std::abort();
    }
    status = U_ZERO_ERROR;
    p.latin_ascii = icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status);
    if (U_FAILURE(status) || p.latin_ascii == nullptr) {
      std::fprintf(stderr, "claimtrace: ICU has no Latin-ASCII transliterator: %s\n", u_errorName(status));
      std::abort();
    }
    return p;
  }();
  return protos;
}

struct ThreadTransliterators {
  std::unique_ptr<icu::Transliterator> cyrillic{Proto().cyrillic->clone()};
  std::unique_ptr<icu::Transliterator> latin_ascii{Proto().latin_ascii->clone()};
};

ThreadTransliterators& Thread() {
  thread_local ThreadTransliterators t;
  return t;
}

bool HasCyrillic(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0xD0 && c <= 0xD4) return true;  // lead bytes of U+0400..U+052F
  return false;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// True when every non-ASCII character is an apostrophe-like mark (’ ‘ ʼ):
// "Russia’s" then needs no ICU call, and news text is full of them.
bool AsciiButApostrophes(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x98 || static_cast<unsigned char>(s[i + 2]) == 0x99)) {
      i += 2;
    } else if (c == 0xCA && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
      i += 1;
    } else {
      return false;
    }
  }
  return true;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string ToLatin(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  // Names repeat within and across documents; ICU costs microseconds a call.
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(std::string(utf8)); it != cache.end()) return it->second;
  if (cache.size() > 16384) cache.clear();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  auto& t = Thread();
  if (HasCyrillic(utf8)) t.cyrillic->transliterate(u);
  t.latin_ascii->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  cache.emplace(utf8, out);
  return out;
}

void NameKeyInto(std::string_view name, std::string* out) {
  std::string latin;
  if (!AsciiButApostrophes(name)) {  // pass 1 below drops the apostrophes' bytes
    latin = ToLatin(name);
    name = latin;
  }
  out->clear();
  // Pass 1: lower case, separators to one space, apostrophes out.
  char prev = ' ';
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      // Digraphs first: kh -> h, zh -> z (the h is the marker, not a sound).
      if (c == 'h' && (prev == 'k' || prev == 'z')) {
        if (prev == 'k') out->back() = 'h';
        prev = out->back();
        continue;
      }
      out->push_back(c);
      prev = c;
    } else if (c == '\'' || c == '`' || static_cast<unsigned char>(c) >= 0x80) {
      continue;  // apostrophes and leftovers of ь/’ (non-ASCII after ToLatin)
    } else if (!out->empty() && out->back() != ' ') {
      out->push_back(' ');
      prev = ' ';
    }
  }
  while (!out->empty() && out->back() == ' ') out->pop_back();
  // Pass 2: single-letter variants and doubled letters.
  size_t w = 0;
  for (size_t r = 0; r < out->size(); ++r) {
    char c = (*out)[r];
    switch (c) {
      case 'g': c = 'h'; break;
      case 'w': c = 'v'; break;
      case 'j':
      case 'y': c = 'i'; break;
      default: break;
    }
    if (w > 0 && c != ' ' && (*out)[w - 1] == c) continue;
    (*out)[w++] = c;
  }
  out->resize(w);
}

std::string NameKey(std::string_view name) {
  std::string key;
  NameKeyInto(name, &key);
  return key;
}

std::vector<std::string> AdjectiveStems(std::string_view key) {
  std::vector<std::string> stems;
  // Longest suffix first; keys are folded, so "-skyi"/"-sky"/"-skii" are all "-ski".
  static constexpr std::string_view kSuffixes[] = {"skaia", "skoie", "skoho", "ski", "ska", "ske", "sko"};
  for (std::string_view suffix : kSuffixes) {
    if (EndsWith(key, suffix) && key.size() > suffix.size() + 2) {
      stems.emplace_back(key.substr(0, key.size() - suffix.size()));
      break;
    }
  }
  // "Zaporizkyi", "Volnovaskyi" style: -zki/-ki after the stem's own consonant.
  if (stems.empty()) {
    static constexpr std::string_view kShort[] = {"kaia", "ki", "ka"};
    for (std::string_view suffix : kShort) {
      if (EndsWith(key, suffix) && key.size() > suffix.size() + 3) {
        stems.emplace_back(key.substr(0, key.size() - suffix.size()));
        break;
      }
    }
  }
  return stems;
}

std::vector<std::string> TownStems(std::string_view key) {
  std::vector<std::string> stems;
  if (key.size() < 3 || key.find(' ') != std::string_view::npos) return stems;
  stems.emplace_back(key);
  if (EndsWith(key, "sk") && key.size() > 4) {
    stems.emplace_back(key.substr(0, key.size() - 2));
  } else if ((EndsWith(key, "ka") || EndsWith(key, "ia")) && key.size() > 4) {
    stems.emplace_back(key.substr(0, key.size() - 2));
  } else if (IsVowel(key.back()) && key.size() > 3) {
    stems.emplace_back(key.substr(0, key.size() - 1));
  }
  return stems;
}

int BoundedEditDistance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  // Two rows, reused across calls: the fuzzy search runs this over thousands of keys.
  thread_local std::vector<int> prev, cur;
  prev.resize(m + 1);
  cur.resize(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_distance) return max_distance + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], max_distance + 1);
}

}  // namespace claimtrace::resolve
