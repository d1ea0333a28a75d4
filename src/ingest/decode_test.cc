#include "ingest/decode.h"

#include <gtest/gtest.h>

#include <string>

namespace claimtrace::ingest {
namespace {

struct Decoded {
  Status status;
  std::string text;
  std::string encoding;
};

Decoded Decode(std::string_view bytes) {
  Decoded d;
  d.status = DecodeToUtf8(bytes, &d.text, &d.encoding);
  return d;
}

// "Hi, “Vera”!" in UTF-16 code units, without a BOM.
std::string Utf16(bool little_endian) {
  const char16_t units[] = u"Hi, \u201CVera\u201D!\n";
  std::string out;
  for (char16_t u : std::u16string_view(units)) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out.push_back(little_endian ? lo : hi);
    out.push_back(little_endian ? hi : lo);
  }
  return out;
}

constexpr char kUtf16Expected[] = "Hi, \u201CVera\u201D!\n";

TEST(Decode, KeepsValidUtf8AsIs) {
  Decoded d = Decode("Troops crossed the Siverskyi Donets \u2014 twice.");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, "Troops crossed the Siverskyi Donets \u2014 twice.");
  EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(Decode, DropsTheUtf8ByteOrderMark) {
  Decoded d = Decode("\xEF\xBB\xBFKyiv, March 3");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, "Kyiv, March 3");
  EXPECT_NE(d.encoding.find("BOM"), std::string::npos);
}

TEST(Decode, RefusesAByteOrderMarkWithNothingAfterIt) {
  Decoded d = Decode("\xEF\xBB\xBF");
  EXPECT_EQ(d.status.code(), StatusCode::kCorruption);
  EXPECT_NE(d.status.message().find("empty"), std::string::npos) << d.status.message();
}

TEST(Decode, ConvertsUtf16LeWithBomToUtf8) {
  Decoded d = Decode(std::string("\xFF\xFE", 2) + Utf16(true));
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, kUtf16Expected);
  EXPECT_EQ(d.encoding, "UTF-16LE");
}

TEST(Decode, ConvertsUtf16BeWithBomToUtf8) {
  Decoded d = Decode(std::string("\xFE\xFF", 2) + Utf16(false));
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, kUtf16Expected);
  EXPECT_EQ(d.encoding, "UTF-16BE");
}

TEST(Decode, ConvertsUtf16LeWithoutBomByItsNulPattern) {
  Decoded d = Decode(Utf16(true));
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, kUtf16Expected);
  EXPECT_EQ(d.encoding, "UTF-16LE");
}

TEST(Decode, ConvertsUtf16BeWithoutBomByItsNulPattern) {
  Decoded d = Decode(Utf16(false));
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, kUtf16Expected);
  EXPECT_EQ(d.encoding, "UTF-16BE");
}

TEST(Decode, ConvertsLatin1ToUtf8) {
  Decoded d = Decode("caf\xE9 in Mari\xFApol");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, "caf\u00E9 in Mari\u00FApol");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(Decode, ConvertsWindows1252SmartQuotesAndDashes) {
  Decoded d = Decode("\x93We held,\x94 he said \x96 calmly.");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, "\u201CWe held,\u201D he said \u2013 calmly.");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(Decode, RefusesNulBytesNamingTheByteOffset) {
  Decoded d = Decode(std::string("abc\0defgh", 9));
  EXPECT_EQ(d.status.code(), StatusCode::kCorruption);
  EXPECT_NE(d.status.message().find("binary"), std::string::npos) << d.status.message();
  EXPECT_NE(d.status.message().find("at byte 3"), std::string::npos) << d.status.message();
}

TEST(Decode, RefusesControlBytesNamingTheByteOffset) {
  Decoded d = Decode("Report text\x01\x02 more text");
  EXPECT_EQ(d.status.code(), StatusCode::kCorruption);
  EXPECT_NE(d.status.message().find("0x01"), std::string::npos) << d.status.message();
  EXPECT_NE(d.status.message().find("at byte 11"), std::string::npos) << d.status.message();
}

TEST(Decode, AcceptsTabsNewlinesAndCarriageReturns) {
  Decoded d = Decode("Line one\r\n\tLine two\f\n");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text, "Line one\r\n\tLine two\f\n");
}

TEST(Decode, RefusesUtf8MixedWithInvalidBytesNamingTheFirstBadByte) {
  // "na\u00EFve" in UTF-8, then a Latin-1 \xE9 at byte 10.
  Decoded d = Decode("na\xC3\xAFve caf\xE9 and more");
  EXPECT_EQ(d.status.code(), StatusCode::kCorruption);
  EXPECT_NE(d.status.message().find("invalid UTF-8 at byte 10"), std::string::npos) << d.status.message();
}

TEST(Decode, RefusesEmptyInput) {
  Decoded d = Decode("");
  EXPECT_EQ(d.status.code(), StatusCode::kCorruption);
  EXPECT_NE(d.status.message().find("empty"), std::string::npos) << d.status.message();
}

TEST(DocIdFor, IsStableForTheSameText) {
  EXPECT_EQ(DocIdFor("Shelling resumed at dawn."), DocIdFor(std::string("Shelling resumed at dawn.")));
}

TEST(DocIdFor, IsTwentyFourLowerCaseHexDigits) {
  std::string id = DocIdFor("Shelling resumed at dawn.");
  ASSERT_EQ(id.size(), 24u);
  for (char c : id) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
}

TEST(DocIdFor, DependsOnTheContent) {
  EXPECT_NE(DocIdFor("Shelling resumed at dawn."), DocIdFor("Shelling resumed at dusk."));
  EXPECT_NE(DocIdFor("a"), DocIdFor("a "));
  EXPECT_NE(DocIdFor(""), DocIdFor("a"));
}

}  // namespace
}  // namespace claimtrace::ingest
