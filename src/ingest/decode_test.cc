#include "ingest/decode.h"

#include <gtest/gtest.h>

#include <optional>
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

// ---- HTML pages: declared charsets

Decoded DecodeHtml(std::string_view bytes, std::optional<std::string_view> declared = std::nullopt) {
  Decoded d;
  d.status = DecodeHtmlToUtf8(bytes, declared, &d.text, &d.encoding);
  return d;
}

TEST(DecodeHtml, FollowsMetaCharset) {
  Decoded d = DecodeHtml("<html><head><meta charset=\"windows-1251\"></head><body>\xCA\xE8\xE5\xE2</body></html>");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_NE(d.text.find("\u041A\u0438\u0435\u0432"), std::string::npos) << d.text;  // Киев
}

TEST(DecodeHtml, FollowsHttpEquivContentTypeAndReadsLatin1AsWindows1252) {
  Decoded d = DecodeHtml(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xE9 \x93quoted\x94</p>");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_NE(d.text.find("caf\u00E9 \u201Cquoted\u201D"), std::string::npos) << d.text;
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecodeHtml, TheDeclaredCharsetWinsOverTheMetaTagAndTheBomOverBoth) {
  std::string page = "<meta charset=\"utf-8\"><p>\xE0 la carte</p>";
  Decoded d = DecodeHtml(page, "iso-8859-15");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_NE(d.text.find("\u00E0 la carte"), std::string::npos) << d.text;
  Decoded bom = DecodeHtml("\xEF\xBB\xBF<meta charset=\"windows-1251\"><p>caf\xC3\xA9</p>", "koi8-r");
  ASSERT_TRUE(bom.status.ok());
  EXPECT_NE(bom.text.find("caf\u00E9"), std::string::npos) << bom.text;
}

TEST(DecodeHtml, ReadsValidUtf8AsUtf8WhateverTheLabelSays) {
  Decoded d = DecodeHtml("<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 na\xC3\xAFve</p>");
  ASSERT_TRUE(d.status.ok());
  EXPECT_NE(d.text.find("caf\u00E9 na\u00EFve"), std::string::npos) << d.text;
}

TEST(DecodeHtml, ReplacesStrayBytesInAPageDeclaredUtf8) {
  Decoded d = DecodeHtml("<meta charset=utf-8><p>na\xC3\xAFve caf\xE9</p>");
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_NE(d.text.find("na\u00EFve caf\uFFFD"), std::string::npos) << d.text;
}

TEST(DecodeHtml, UnknownLabelsFallBackToDetection) {
  Decoded d = DecodeHtml("<meta charset=\"no-such-charset\"><p>caf\xC3\xA9</p>");
  ASSERT_TRUE(d.status.ok());
  EXPECT_NE(d.text.find("caf\u00E9"), std::string::npos);
}

TEST(DecodeHtml, BlanksAFewStrayControlBytesKeepingOffsets) {
  std::string page = "<p>Text with a stray \x7F byte and a bell \x07 here.</p>";
  Decoded d = DecodeHtml(page);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.text.size(), page.size());
  EXPECT_EQ(d.text.find('\x7F'), std::string::npos);
}

TEST(DecodeHtml, RefusesBinaryNamedHtml) {
  std::string binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 200; ++i) binary += std::string("\x01\x02\0\x03", 4);
  Decoded d = DecodeHtml(binary);
  EXPECT_EQ(d.status.code(), StatusCode::kCorruption);
  EXPECT_NE(d.status.message().find("binary data"), std::string::npos) << d.status.message();
}

TEST(SniffHtmlCharset, FindsTheLabelInMetaTagsAndXmlDeclarations) {
  EXPECT_EQ(SniffHtmlCharset("<meta charset='Shift_JIS'>"), "shift_jis");
  EXPECT_EQ(SniffHtmlCharset("<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html;charset=euc-kr\">"), "euc-kr");
  EXPECT_EQ(SniffHtmlCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>"), "iso-8859-2");
  EXPECT_EQ(SniffHtmlCharset("<p>charset=utf-8 in text is not a declaration</p>"), "");
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
