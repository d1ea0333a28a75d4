// Small UTF-8 helpers over ICU's macros: decoding one code point, classifying
// it, and counting code points (BRAT offsets are in code points).
#ifndef CLAIMTRACE_UTIL_UTF8_H_
#define CLAIMTRACE_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace claimtrace::util {

// Decodes the code point at s[*i] (*i < s.size()) and advances *i. Invalid
// bytes give U+FFFD and advance by one byte. ASCII is decoded inline:
// tokenizing calls this for every character.
char32_t NextCodePointSlow(std::string_view s, size_t* i);
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  return NextCodePointSlow(s, i);
}
// Decodes the code point that ends just before s[i]; sets *start to its first byte.
char32_t PrevCodePoint(std::string_view s, size_t i, size_t* start);

// Character classes; ASCII inline, the rest through ICU.
bool IsLetterSlow(char32_t c);
bool IsDigitSlow(char32_t c);
bool IsUpperSlow(char32_t c);
bool IsSpaceSlow(char32_t c);
inline bool IsLetter(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : IsLetterSlow(c); }
inline bool IsDigit(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : IsDigitSlow(c); }
inline bool IsUpper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : IsUpperSlow(c); }
// Includes NBSP and other Unicode spaces.
inline bool IsSpace(char32_t c) {
  return c < 0x80 ? (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') : IsSpaceSlow(c);
}
bool IsNewline(char32_t c);
bool IsDash(char32_t c);   // - – — ‒ ―

enum class QuoteMark : uint8_t { kNone, kOpenDouble, kCloseDouble, kAmbiguousDouble, kOpenSingle, kCloseSingle, kAmbiguousSingle };
// “ « „ ‹ -> open; ” » › -> close; " -> ambiguous double; ‘ -> open single;
// ’ -> close single; ' -> ambiguous single. (‚ counts as open single.)
QuoteMark ClassifyQuote(char32_t c);

// Number of code points in s[0, byte_offset).
size_t CodePointCount(std::string_view s, size_t byte_offset);

// True when s is valid UTF-8 (SIMD-validated).
bool IsValidUtf8(std::string_view s);
// Offset of the first invalid byte, or npos.
size_t FirstInvalidUtf8(std::string_view s);

// ASCII lower-casing of a UTF-8 string (non-ASCII bytes kept).
std::string AsciiLower(std::string_view s);
inline char AsciiLowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string_view Trim(std::string_view s);  // trims ASCII and Unicode whitespace

}  // namespace claimtrace::util

#endif  // CLAIMTRACE_UTIL_UTF8_H_
