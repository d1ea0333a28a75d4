// Small UTF-8 helpers over ICU's macros: decoding one code point, classifying
// it, and counting code points (BRAT offsets are in code points).
#ifndef CLAIMTRACE_UTIL_UTF8_H_
#define CLAIMTRACE_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace claimtrace::util {

// Decodes the code point at s[*i] and advances *i. Invalid bytes give U+FFFD
// and advance by one byte.
char32_t NextCodePoint(std::string_view s, size_t* i);
// Decodes the code point that ends just before s[i]; sets *start to its first byte.
char32_t PrevCodePoint(std::string_view s, size_t i, size_t* start);

bool IsLetter(char32_t c);
bool IsDigit(char32_t c);
bool IsUpper(char32_t c);
bool IsSpace(char32_t c);  // includes NBSP and other Unicode spaces
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
