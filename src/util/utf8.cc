// Thin wrappers over ICU's UTF-8 macros and character properties, plus
// simdjson's SIMD UTF-8 validator for whole inputs.
#include "util/utf8.h"

#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace claimtrace::util {

char32_t NextCodePointSlow(std::string_view s, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t PrevCodePoint(std::string_view s, size_t i, size_t* start) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  *start = static_cast<size_t>(pos);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

bool IsLetterSlow(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}
bool IsDigitSlow(char32_t c) {
  return u_isdigit(static_cast<UChar32>(c));
}
bool IsUpperSlow(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsSpaceSlow(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}
bool IsNewline(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85; }
bool IsDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

QuoteMark ClassifyQuote(char32_t c) {
  switch (c) {
    case U'\u201C': case U'\u00AB': case U'\u201E': case U'\u2039': case U'\u201F':
      return c == U'\u2039' ? QuoteMark::kOpenSingle : QuoteMark::kOpenDouble;
    case U'\u201D': case U'\u00BB': return QuoteMark::kCloseDouble;
    case U'\u203A': return QuoteMark::kCloseSingle;
    case U'"': return QuoteMark::kAmbiguousDouble;
    case U'\u2018': case U'\u201A': case U'\u201B': return QuoteMark::kOpenSingle;
    case U'\u2019': return QuoteMark::kCloseSingle;
    case U'\'': return QuoteMark::kAmbiguousSingle;
    default: return QuoteMark::kNone;
  }
}

size_t CodePointCount(std::string_view s, size_t byte_offset) {
  size_t n = 0;
  const size_t end = byte_offset < s.size() ? byte_offset : s.size();
  for (size_t i = 0; i < end; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

size_t FirstInvalidUtf8(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t before = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return static_cast<size_t>(before);
  }
  return std::string_view::npos;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLowerChar(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t j = b;
    char32_t c = NextCodePoint(s, &j);
    if (!IsSpace(c)) break;
    b = j;
  }
  size_t e = s.size();
  while (e > b) {
    size_t start;
    char32_t c = PrevCodePoint(s, e, &start);
    if (!IsSpace(c)) break;
    e = start;
  }
  return s.substr(b, e - b);
}

}  // namespace claimtrace::util
