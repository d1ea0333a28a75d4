#include "segment/segment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace claimtrace::segment {
namespace {

Document Seg(std::string text) {
  Document doc;
  doc.text = std::move(text);
  Segment(&doc);
  return doc;
}

std::vector<std::string> Sentences(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Slice(s.span));
  return out;
}

std::vector<std::string> Paragraphs(const Document& doc) {
  std::vector<std::string> out;
  for (const Paragraph& p : doc.paragraphs) out.emplace_back(doc.Slice(p.span));
  return out;
}

std::vector<std::string> QuoteInners(const Document& doc) {
  std::vector<std::string> out;
  for (const Quote& q : doc.quotes) out.emplace_back(doc.Slice(q.inner));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Sentences, DoNotEndAtTitleAbbreviations) {
  Document doc = Seg("Mr. Petrov met Gen. Halvorsen and Dr. Ruiz in Vorna. They spoke for an hour.");
  EXPECT_EQ(Sentences(doc), (Strings{"Mr. Petrov met Gen. Halvorsen and Dr. Ruiz in Vorna.", "They spoke for an hour."}));
}

TEST(Sentences, DoNotEndInsideDottedAbbreviations) {
  Document doc = Seg("The U.S. envoy and the U.N. mission arrived. Talks began at 9 a.m. on Monday.");
  EXPECT_EQ(Sentences(doc), (Strings{"The U.S. envoy and the U.N. mission arrived.", "Talks began at 9 a.m. on Monday."}));
}

TEST(Sentences, DoNotEndAtInitials) {
  Document doc = Seg("The novel by J. K. Rowling was read aloud. Everyone listened.");
  EXPECT_EQ(Sentences(doc), (Strings{"The novel by J. K. Rowling was read aloud.", "Everyone listened."}));
}

TEST(Sentences, DoNotEndInsideNumbers) {
  Document doc = Seg("The column stretched 3.5 km along the road. About 6,000 troops followed it.");
  EXPECT_EQ(Sentences(doc), (Strings{"The column stretched 3.5 km along the road.", "About 6,000 troops followed it."}));
}

TEST(Sentences, EndAfterAnEllipsisAndClosingQuoteBeforeACapital) {
  Document doc = Seg("\u201CWe waited and waited\u2026\u201D He said nothing more. \u201CStop.\u201D She left.");
  EXPECT_EQ(Sentences(doc), (Strings{"\u201CWe waited and waited\u2026\u201D", "He said nothing more.",
                                     "\u201CStop.\u201D", "She left."}));
}

TEST(Sentences, EndAtQuestionAndExclamationMarks) {
  Document doc = Seg("Who gave the order? Nobody knows! The inquiry continues.");
  EXPECT_EQ(Sentences(doc), (Strings{"Who gave the order?", "Nobody knows!", "The inquiry continues."}));
}

TEST(Sentences, DoNotContinueBeforeALowerCaseWord) {
  Document doc = Seg("The convoy left at 5 p.m. and arrived late.");
  EXPECT_EQ(Sentences(doc).size(), 1u);
}

TEST(Sentences, NeverCrossAParagraphBreak) {
  Document doc = Seg("A headline without a full stop\n\nThe body starts here.");
  EXPECT_EQ(Sentences(doc), (Strings{"A headline without a full stop", "The body starts here."}));
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].paragraph, 0u);
  EXPECT_EQ(doc.sentences[1].paragraph, 1u);
}

TEST(Tokens, KeepNumbersWithPointsAndCommasWhole) {
  Document doc = Seg("3.5 km and 6,000 troops on the 23rd");
  ASSERT_GE(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.Slice(doc.tokens[0].span), "3.5");
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.Slice(doc.tokens[3].span), "6,000");
  EXPECT_EQ(doc.tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.Slice(doc.tokens.back().span), "23rd");
}

TEST(Tokens, KeepApostrophesAndHyphensInsideWords) {
  Document doc = Seg("Ukraine\u2019s soldiers' self-propelled guns");
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.Slice(doc.tokens[0].span), "Ukraine\u2019s");
  EXPECT_EQ(doc.Slice(doc.tokens[1].span), "soldiers");
  EXPECT_EQ(doc.tokens[2].kind, TokenKind::kQuote);
  EXPECT_EQ(doc.Slice(doc.tokens[3].span), "self-propelled");
  EXPECT_TRUE(doc.tokens[0].capitalized);
  EXPECT_FALSE(doc.tokens[1].capitalized);
}

TEST(Tokens, ClassifyDashesQuotesAndPunctuation) {
  Document doc = Seg("a \u2014 \u201Cb\u201D, c");
  ASSERT_EQ(doc.tokens.size(), 7u);
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kDash);
  EXPECT_EQ(doc.tokens[2].kind, TokenKind::kQuote);
  EXPECT_EQ(doc.tokens[4].kind, TokenKind::kQuote);
  EXPECT_EQ(doc.tokens[5].kind, TokenKind::kPunct);
}

TEST(Paragraphs, BreakOnBlankLines) {
  Document doc = Seg("First paragraph here.\n\nSecond paragraph here.\n\n\nThird one.");
  EXPECT_EQ(Paragraphs(doc), (Strings{"First paragraph here.", "Second paragraph here.", "Third one."}));
}

TEST(Paragraphs, BreakOnASingleNewlineBeforeANewSentence) {
  Document doc = Seg("First line ends here.\nSecond line starts here.");
  EXPECT_EQ(Paragraphs(doc), (Strings{"First line ends here.", "Second line starts here."}));
}

TEST(Paragraphs, TreatASingleNewlineInsideASentenceAsASoftWrap) {
  Document doc = Seg("The convoy crossed the\nbridge before dawn.");
  EXPECT_EQ(Paragraphs(doc), (Strings{"The convoy crossed the\nbridge before dawn."}));
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(Paragraphs, IndexTheirSentences) {
  Document doc = Seg("One. Two.\n\nThree.");
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].sentence_begin, 0u);
  EXPECT_EQ(doc.paragraphs[0].sentence_end, 2u);
  EXPECT_EQ(doc.paragraphs[1].sentence_begin, 2u);
  EXPECT_EQ(doc.paragraphs[1].sentence_end, 3u);
}

struct QuoteCase {
  const char* name;
  const char* open;
  const char* close;
  bool single;
};

class QuoteStyleTest : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(QuoteStyleTest, PairsTheMarksIntoOneQuoteWithExactSpans) {
  const QuoteCase& c = GetParam();
  const std::string prefix = "The mayor said ";
  const std::string inner = "the pier is open again";
  const std::string text = prefix + c.open + inner + c.close + " on Friday.";
  Document doc = Seg(text);
  ASSERT_EQ(doc.quotes.size(), 1u) << text;
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(doc.Slice(q.inner), inner);
  EXPECT_EQ(q.span.begin, prefix.size());
  EXPECT_EQ(q.span.end, prefix.size() + std::string(c.open).size() + inner.size() + std::string(c.close).size());
  EXPECT_TRUE(q.closed);
  EXPECT_FALSE(q.continued);
  EXPECT_EQ(q.single, c.single);
  EXPECT_EQ(doc.Slice(doc.tokens[q.open_token].span), c.open);
  EXPECT_EQ(doc.Slice(doc.tokens[q.close_token].span), c.close);
}

INSTANTIATE_TEST_SUITE_P(
    AllStyles, QuoteStyleTest,
    ::testing::Values(QuoteCase{"CurlyDouble", "\u201C", "\u201D", false},
                      QuoteCase{"CurlySingle", "\u2018", "\u2019", true},
                      QuoteCase{"StraightDouble", "\"", "\"", false},
                      QuoteCase{"StraightSingle", "'", "'", true},
                      QuoteCase{"Guillemets", "\u00AB", "\u00BB", false},
                      QuoteCase{"LowHigh", "\u201E", "\u201C", false},
                      QuoteCase{"LowRightHigh", "\u201E", "\u201D", false}),
    [](const ::testing::TestParamInfo<QuoteCase>& p) { return std::string(p.param.name); });

TEST(Quotes, PairSeveralQuotationsInOneParagraph) {
  Document doc = Seg("\u201CWe held,\u201D Olsen said. \u201CThey ran.\u201D Later: \u00ABNo comment\u00BB.");
  EXPECT_EQ(QuoteInners(doc), (Strings{"We held,", "They ran.", "No comment"}));
}

TEST(Quotes, PairANestedSingleQuotationInsideADoubleOne) {
  Document doc = Seg("\"They shouted 'hold the line' all night,\" she said.");
  ASSERT_EQ(doc.quotes.size(), 2u);
  std::vector<std::string> inners = QuoteInners(doc);
  EXPECT_NE(std::find(inners.begin(), inners.end(), "hold the line"), inners.end());
  EXPECT_NE(std::find(inners.begin(), inners.end(), "They shouted 'hold the line' all night,"), inners.end());
}

TEST(Quotes, DoNotTakeApostrophesForQuotationMarks) {
  Document doc = Seg("Ukraine\u2019s navy said the soldiers\u2019 families and the sailors' wives were safe. "
                     "Kyiv's mayor agreed.");
  EXPECT_TRUE(doc.quotes.empty()) << QuoteInners(doc)[0];
}

TEST(Quotes, ContinueAQuotationReopenedInTheNextParagraph) {
  const std::string p1 = "Olsen said: \u201CWe held the bridge for three days.";
  const std::string p2 = "\u201CThen the order came to pull back,\u201D he added.";
  Document doc = Seg(p1 + "\n\n" + p2);
  ASSERT_EQ(doc.quotes.size(), 1u);
  const Quote& q = doc.quotes[0];
  EXPECT_TRUE(q.continued);
  EXPECT_TRUE(q.closed);
  EXPECT_EQ(q.span.begin, p1.find("\u201C"));
  EXPECT_EQ(q.span.end, p1.size() + 2 + p2.find("\u201D") + std::string("\u201D").size());
  EXPECT_EQ(q.inner.begin, p1.find("\u201C") + std::string("\u201C").size());
  EXPECT_EQ(q.inner.end, p1.size() + 2 + p2.find("\u201D"));
  EXPECT_EQ(doc.tokens[q.open_token].paragraph, 0u);
  EXPECT_EQ(doc.tokens[q.close_token].paragraph, 1u);
}

TEST(Quotes, ContinueAQuotationOverThreeParagraphs) {
  Document doc = Seg("She said: \"First part.\n\n\"Second part.\n\n\"Third part,\" she said.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_TRUE(doc.quotes[0].continued);
  EXPECT_TRUE(doc.quotes[0].closed);
  EXPECT_EQ(doc.tokens[doc.quotes[0].close_token].paragraph, 2u);
}

TEST(Quotes, CloseAnUnfinishedQuotationAtTheParagraphEnd) {
  Document doc = Seg("He said: \u201CWe will not retreat\n\nThe next paragraph is narration.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_FALSE(doc.quotes[0].closed);
  EXPECT_FALSE(doc.quotes[0].continued);
  EXPECT_EQ(doc.Slice(doc.quotes[0].inner), "We will not retreat");
}

TEST(Segment, HandlesEmptyAndWhitespaceText) {
  Document empty = Seg("");
  EXPECT_TRUE(empty.tokens.empty());
  EXPECT_TRUE(empty.sentences.empty());
  EXPECT_TRUE(empty.paragraphs.empty());
  Document blank = Seg(" \n\n ");
  EXPECT_TRUE(blank.sentences.empty());
}

TEST(IsAbbreviation, KnowsTitlesMonthsAndInitials) {
  EXPECT_TRUE(IsAbbreviation("Gen"));
  EXPECT_TRUE(IsAbbreviation("Mr"));
  EXPECT_TRUE(IsAbbreviation("Sept"));
  EXPECT_TRUE(IsAbbreviation("U.S"));
  EXPECT_TRUE(IsAbbreviation("J"));
  EXPECT_FALSE(IsAbbreviation("troops"));
  EXPECT_FALSE(IsAbbreviation("Kyiv"));
}

}  // namespace
}  // namespace claimtrace::segment
