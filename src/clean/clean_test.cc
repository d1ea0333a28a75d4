// clean over invented pages: what chrome goes, what metadata is read, and that
// what stays is the input's own bytes with a working map back to them.
#include "clean/clean.h"

#include <gtest/gtest.h>

#include <string>

namespace claimtrace::clean {
namespace {

constexpr char kProse[] = "Ferry service to Vorna island resumed on Friday after a week of storms.";
constexpr char kProse2[] = "Harbour workers cleared debris from the pier overnight, the port authority said.";

Document CleanText(std::string raw, InputFormat format = InputFormat::kText) {
  Document doc;
  doc.raw = std::move(raw);
  doc.format = format;
  Status s = Clean(&doc, /*drop_chrome=*/true);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

bool Has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Every line is dropped as chrome; prose before and after must survive.
void ExpectDropped(std::string_view chrome) {
  std::string raw = std::string(kProse) + "\n\n" + std::string(chrome) + "\n\n" + kProse2 + "\n";
  Document doc = CleanText(raw);
  EXPECT_FALSE(Has(doc.text, chrome)) << "kept chrome line: " << chrome;
  EXPECT_TRUE(Has(doc.text, kProse));
  EXPECT_TRUE(Has(doc.text, kProse2));
}

TEST(Clean, DropsCookieAndConsentPrompts) {
  ExpectDropped("We use cookies to improve your experience. By continuing you agree to our cookie policy.");
  ExpectDropped("Accept all cookies");
  ExpectDropped("We value your privacy");
  ExpectDropped("Manage preferences");
}

TEST(Clean, DropsNotificationPrompts) {
  ExpectDropped("Click 'Allow' to enable notifications and never miss a story");
  ExpectDropped("Turn on breaking news alerts");
}

TEST(Clean, DropsNewsletterPrompts) {
  ExpectDropped("Sign up to our free weekly newsletter");
  ExpectDropped("Get the Harbour Gazette morning briefing straight to your inbox");
  ExpectDropped("Subscribe");
}

TEST(Clean, DropsSharePrompts) {
  ExpectDropped("Share this article");
  ExpectDropped("Facebook Twitter WhatsApp Email");
  ExpectDropped("12 comments");
}

TEST(Clean, DropsShortcodes) {
  ExpectDropped("[newsletter-form id=3]");
  ExpectDropped("[ad-slot id=\"mid-article-1\"]");
}

TEST(Clean, DropsTopicAndTagLines) {
  ExpectDropped("Topics: Russia, Ukraine");
  ExpectDropped("Tags: ferries, storms, Vorna");
}

TEST(Clean, DropsPhotoCredits) {
  ExpectDropped("Image credit: Jane Roe/Getty");
  ExpectDropped("Jane Roe / Alamy Stock Photo");
  ExpectDropped("Photo: Harbour Gazette archive");
}

TEST(Clean, DropsNavigationRows) {
  // Regression: menu and breadcrumb rows with separators stayed in the text.
  ExpectDropped("News | Sport | Weather | Culture | Video");
  ExpectDropped("Home \u203A News \u203A Coast \u203A Vorna");
}

TEST(Clean, KeepsProseThatHappensToContainAPipe) {
  std::string line = "The mayor called the timetable \"a joke | at best\", residents said.";
  Document doc = CleanText(std::string(kProse) + "\n\n" + line + "\n");
  EXPECT_TRUE(Has(doc.text, line));
}

class RelatedHeaderTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RelatedHeaderTest, DropsTheHeaderAndItsHeadlinesUntilProseResumes) {
  std::string raw = std::string(kProse) + "\n\n" + GetParam() +
                    "\n"
                    "Minister says troops will advance before winter\n"
                    "Coast guard chief claims smugglers use old ferries\n"
                    "\n"
                    "Storm damage in pictures\n"
                    "\n" +
                    kProse2 + "\n";
  Document doc = CleanText(raw);
  EXPECT_FALSE(Has(doc.text, GetParam()));
  EXPECT_FALSE(Has(doc.text, "Minister says"));
  EXPECT_FALSE(Has(doc.text, "Coast guard chief"));
  EXPECT_FALSE(Has(doc.text, "Storm damage"));
  EXPECT_TRUE(Has(doc.text, kProse));
  EXPECT_TRUE(Has(doc.text, kProse2));
}

INSTANTIATE_TEST_SUITE_P(Headers, RelatedHeaderTest,
                         ::testing::Values("Read more:", "READ MORE", "You may also like", "Related stories",
                                           "More on this story", "Most read"));

TEST(Clean, DropsAnInlineReadMoreHeadline) {
  // Regression: "Read more: <headline>" on one line was kept, and its
  // "X says ..." headline became an attribution.
  ExpectDropped("Read more: Minister says troops will advance before winter");
  ExpectDropped("READ MORE: Kremlin says talks are 'off the table' until autumn");
}

TEST(Clean, KeepsAProseSentenceAfterAnInlineListWord) {
  std::string line = "Related: the port authority said the pier will reopen on Monday.";
  Document doc = CleanText(std::string(kProse) + "\n\n" + line + "\n");
  EXPECT_TRUE(Has(doc.text, line));
}

TEST(Clean, KeepsARepeatedHeadlineOnce) {
  const std::string headline = "Ferries return to Vorna after week of storms";
  Document doc = CleanText(headline + "\n\n" + headline + "\n\n" + kProse + "\n");
  EXPECT_EQ(doc.text, headline + "\n\n" + kProse);
  EXPECT_EQ(doc.title.value_or(""), headline);
}

TEST(Clean, DropsABreadcrumbEndingInTheHeadline) {
  const std::string headline = "Ferries return to Vorna after week of storms";
  Document doc = CleanText("Home News " + headline + "\n\n" + headline + "\n\n" + kProse + "\n");
  EXPECT_EQ(doc.text, headline + "\n\n" + kProse);
}

TEST(Clean, ReadsABylineAsAuthorAndOutletAndRemovesIt) {
  Document doc = CleanText("Ferries return to Vorna\n\nBy Anna Koval, Northline Wire\n\n" + std::string(kProse));
  EXPECT_EQ(doc.author.value_or(""), "Anna Koval");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Northline Wire");
  EXPECT_FALSE(Has(doc.text, "By Anna"));
  EXPECT_FALSE(Has(doc.text, "Northline"));
}

TEST(Clean, ReadsABylineWithNonAsciiNames) {
  Document doc = CleanText("Ferries return to Vorna\n\nBy Tomas Jurkėnas, Baltic Monitor\n\n" + std::string(kProse));
  EXPECT_EQ(doc.author.value_or(""), "Tomas Jurkėnas");
  EXPECT_FALSE(Has(doc.text, "Jurkėnas"));
}

TEST(Clean, KeepsASentenceThatStartsWithBy) {
  Document doc = CleanText(std::string(kProse) + "\n\nBy then the ferry had left.\n");
  EXPECT_TRUE(Has(doc.text, "By then the ferry had left."));
  EXPECT_FALSE(doc.author);
}

TEST(Clean, DropsWireCreditLines) { ExpectDropped("Additional reporting by Petra Lund in Riga; editing by Jon Aas"); }

TEST(Clean, MovesAWireDatelineIntoMetadata) {
  Document doc = CleanText("VORNA, March 4 (Northline Wire) - The ferry service resumed on Monday after a storm.\n");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Northline Wire");
  EXPECT_EQ(doc.text, "The ferry service resumed on Monday after a storm.");
  EXPECT_EQ(doc.raw.substr(doc.RawOffset(0), 3), "The");
}

TEST(Clean, ReadsAJobTitleAfterTheBylineCommaAsARoleNotAnOutlet) {
  // Regression: "By X, Defence Correspondent" gave the outlet "X, Defence".
  Document doc = CleanText("By Marta Lind, Defence Correspondent\n\n" + std::string(kProse));
  EXPECT_EQ(doc.author.value_or(""), "Marta Lind");
  EXPECT_FALSE(doc.outlet) << doc.outlet->name;
}

TEST(Clean, ReadsAStaffBylineAsTheOutlet) {
  Document doc = CleanText("by HGZ staff reporter\n\n" + std::string(kProse));
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "HGZ");
}

TEST(Clean, ReadsADatelineAsThePublicationDateAndRemovesIt) {
  Document doc = CleanText("Ferries return to Vorna\n\nPublished 14 March 2024\n\n" + std::string(kProse));
  EXPECT_EQ(doc.published.value_or(""), "2024-03-14");
  EXPECT_FALSE(Has(doc.text, "Published"));
}

TEST(Clean, ReadsAPublishedAndUpdatedDateline) {
  Document doc = CleanText("Ferries return to Vorna\n\nPublished 14 March 2024, 21:06 | Updated 15 March 2024, 07:30\n\n" +
                           std::string(kProse));
  EXPECT_EQ(doc.published.value_or(""), "2024-03-14");
  EXPECT_FALSE(Has(doc.text, "Updated"));
}

TEST(Clean, ReadsTheDateOutOfANavigationStyleMetaRow) {
  Document doc = CleanText("Ferries return to Vorna\n\nPublished 4 March 2024 | By HGZ Staff | 3 min read\n\n" +
                           std::string(kProse));
  EXPECT_EQ(doc.published.value_or(""), "2024-03-04");
  EXPECT_FALSE(Has(doc.text, "min read"));
}

TEST(Clean, TakesTheHeadlineAboveTheBylineAsTitleNotTheMasthead) {
  // Regression: the outlet's masthead, the first line, became the title.
  Document doc = CleanText("Harbour Gazette\n\nFerries return to Vorna after week of storms\n\nBy Marta Lind\n\n" +
                           std::string(kProse));
  EXPECT_EQ(doc.title.value_or(""), "Ferries return to Vorna after week of storms");
}

TEST(Clean, TakesTheHeadlineAboveTheDatelineAsTitle) {
  Document doc = CleanText("HARBOUR GAZETTE \u2013 Island edition\nFerries return to Vorna after week of storms\n"
                           "14 March 2024, 09:12\n\n" + std::string(kProse));
  EXPECT_EQ(doc.title.value_or(""), "Ferries return to Vorna after week of storms");
}

TEST(Clean, PrefersALongerHeadlineToAShortMastheadWithoutByline) {
  Document doc = CleanText("Harbour Gazette\n\nFerries return to Vorna after week of storms\n\n" + std::string(kProse));
  EXPECT_EQ(doc.title.value_or(""), "Ferries return to Vorna after week of storms");
}

TEST(Clean, GivesNoTitleWhenTheTextOpensWithProse) {
  Document doc = CleanText(std::string(kProse) + "\n\n" + kProse2);
  EXPECT_FALSE(doc.title) << *doc.title;
}

TEST(Clean, MovesAWireDatelineIntoMetadataAndKeepsTheRestVerbatim) {
  Document doc = CleanText("Ferries return to Vorna\n\nVORNA, March 4 (Harbour Wire) - Ferry service resumed on Friday.\n");
  EXPECT_EQ(doc.text, "Ferries return to Vorna\n\nFerry service resumed on Friday.");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Harbour Wire");
  for (const OffsetPiece& p : doc.offsets) {
    EXPECT_EQ(doc.text.substr(p.clean_begin, p.length), doc.raw.substr(p.raw_begin, p.length));
  }
}

TEST(Clean, DoesNotOverrideAPublicationDateAlreadySet) {
  Document doc;
  doc.raw = "Published 14 March 2024\n\n" + std::string(kProse);
  doc.published = "2024-01-01";
  ASSERT_TRUE(Clean(&doc, true).ok());
  EXPECT_EQ(doc.published.value_or(""), "2024-01-01");
}

TEST(Clean, KeepsChromeWhenAskedTo) {
  Document doc;
  doc.raw = std::string(kProse) + "\n\nShare this article\n";
  ASSERT_TRUE(Clean(&doc, /*drop_chrome=*/false).ok());
  EXPECT_TRUE(Has(doc.text, "Share this article"));
}

TEST(Clean, FailsWhenNothingButChromeIsLeft) {
  Document doc;
  doc.raw = "Accept all cookies\n\nShare this article\n";
  Status s = Clean(&doc, true);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
}

constexpr char kMessyPage[] =
    "  Harbour Gazette logo\n"
    "We use cookies to improve your experience. Accept all cookies\r\n"
    "\n"
    "Ferries return to Vorna after week of storms\n"
    "By Anna Koval, Northline Wire\n"
    "Published 14 March 2024\n"
    "\n"
    "   Ferry service to Vorna island resumed on Friday, \u201Cat last\u201D, said the harbour master.  \n"
    "Image credit: Jane Roe/Getty\n"
    "\n\n\n"
    "Caf\u00E9 owners on the pier reopened \u2014 some within hours.\t\n"
    "Read more:\n"
    "Minister says troops will advance before winter\n"
    "\n"
    "The storm cost the island \u20AC2m, officials estimated.\n";

TEST(Clean, KeepsLinesAsByteIdenticalSubstringsOfTheInput) {
  Document doc = CleanText(kMessyPage);
  ASSERT_FALSE(doc.offsets.empty());
  for (const OffsetPiece& p : doc.offsets) {
    ASSERT_LE(p.clean_begin + p.length, doc.text.size());
    ASSERT_LE(p.raw_begin + p.length, doc.raw.size());
    EXPECT_EQ(doc.text.substr(p.clean_begin, p.length), doc.raw.substr(p.raw_begin, p.length));
  }
  EXPECT_EQ(doc.text,
            "Ferries return to Vorna after week of storms\n\n"
            "Ferry service to Vorna island resumed on Friday, \u201Cat last\u201D, said the harbour master.\n\n"
            "Caf\u00E9 owners on the pier reopened \u2014 some within hours.\n\n"
            "The storm cost the island \u20AC2m, officials estimated.");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Harbour Gazette");  // from the logo line, which comes before the byline
  EXPECT_EQ(doc.author.value_or(""), "Anna Koval");
  EXPECT_EQ(doc.published.value_or(""), "2024-03-14");
}

TEST(Clean, MapsEveryCleanOffsetBackToTheSameCharacterInRaw) {
  Document doc = CleanText(kMessyPage);
  for (const OffsetPiece& p : doc.offsets) {
    for (uint32_t i = p.clean_begin; i < p.clean_begin + p.length; ++i) {
      ASSERT_EQ(doc.raw[doc.RawOffset(i)], doc.text[i]) << "clean offset " << i;
    }
  }
  size_t at = doc.text.find("\u20AC2m");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(doc.raw.compare(doc.RawOffset(static_cast<uint32_t>(at)), 5, "\u20AC2m"), 0);
}

TEST(Clean, RecordsDroppedRawSpans) {
  Document doc = CleanText(kMessyPage);
  bool found = false;
  for (Span s : doc.dropped) {
    if (doc.raw.substr(s.begin, s.size()).find("Image credit") != std::string::npos) found = true;
  }
  EXPECT_TRUE(found);
}

constexpr char kHtmlPage[] =
    "<!DOCTYPE html><html lang=\"en-GB\"><head>"
    "<title>Ferries return to Vorna | Harbour Gazette</title>"
    "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
    "<meta property=\"article:published_time\" content=\"2024-03-16T08:30:00+02:00\">"
    "<meta name=\"author\" content=\"Anna Koval\">"
    "<link rel=\"canonical\" href=\"https://example.org/vorna-ferries\">"
    "<style>p { color: red; } .hidden-style-text {}</style>"
    "<script>var trackingScriptText = 1;</script>"
    "</head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">NavMenuNews</a></nav>"
    "<article><h1>Ferries return to Vorna</h1>"
    "<p>Ferry service resumed on Friday.</p><p>Harbour workers cleared the pier.</p>"
    "<ul><li>First item of the list</li><li>Second item of the list</li></ul>"
    "<p>Line one<br>Line two and <b>bold</b> words.</p>"
    "</article>"
    "<footer>FooterCopyrightText</footer>"
    "<script>document.write('late script');</script>"
    "</body></html>";

TEST(CleanHtml, RemovesScriptStyleNavAndFooter) {
  Document doc = CleanText(kHtmlPage, InputFormat::kHtml);
  EXPECT_FALSE(Has(doc.text, "trackingScriptText"));
  EXPECT_FALSE(Has(doc.text, "late script"));
  EXPECT_FALSE(Has(doc.text, "hidden-style-text"));
  EXPECT_FALSE(Has(doc.text, "NavMenuNews"));
  EXPECT_FALSE(Has(doc.text, "FooterCopyrightText"));
  EXPECT_TRUE(Has(doc.text, "Ferry service resumed on Friday."));
}

TEST(CleanHtml, ReadsTitleSiteNameDateAuthorLangAndUrl) {
  Document doc = CleanText(kHtmlPage, InputFormat::kHtml);
  // The site name after " | " in <title> is the outlet, not part of the headline.
  EXPECT_EQ(doc.title.value_or(""), "Ferries return to Vorna");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Harbour Gazette");
  EXPECT_EQ(doc.published.value_or(""), "2024-03-16");
  EXPECT_EQ(doc.author.value_or(""), "Anna Koval");
  EXPECT_EQ(doc.lang.value_or(""), "en");
  EXPECT_EQ(doc.url.value_or(""), "https://example.org/vorna-ferries");
  EXPECT_FALSE(Has(doc.text, "| Harbour Gazette"));  // the <title> is metadata, not text
}

TEST(CleanHtml, SeparatesBlocksSoNoWordsAreGlued) {
  Document doc = CleanText(kHtmlPage, InputFormat::kHtml);
  EXPECT_TRUE(Has(doc.text, "Ferry service resumed on Friday.\n\nHarbour workers cleared the pier."));
  EXPECT_TRUE(Has(doc.text, "First item of the list\n\nSecond item of the list"));
  EXPECT_TRUE(Has(doc.text, "Line one\nLine two and bold words."));  // <br> is a line break
  EXPECT_FALSE(Has(doc.text, "Friday.Harbour"));
  EXPECT_FALSE(Has(doc.text, "listSecond"));
}

TEST(CleanHtml, MapsCleanOffsetsIntoTheRawHtml) {
  Document doc = CleanText(kHtmlPage, InputFormat::kHtml);
  for (const OffsetPiece& p : doc.offsets) {
    EXPECT_EQ(doc.text.substr(p.clean_begin, p.length), doc.raw.substr(p.raw_begin, p.length));
  }
  // Regression: spaces the HTML walker inserts between text runs ("and <b>bold")
  // were emitted as pieces pointing at the tag's "<".
  for (uint32_t i = 0; i < doc.text.size(); ++i) {
    if (doc.text[i] == ' ' || doc.text[i] == '\n') continue;
    ASSERT_EQ(doc.raw[doc.RawOffset(i)], doc.text[i]) << "clean offset " << i;
  }
  size_t at = doc.text.find("Harbour workers");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(doc.raw.compare(doc.RawOffset(static_cast<uint32_t>(at)), 15, "Harbour workers"), 0);
}

TEST(CleanHtml, DropsChromeInsideTheBodyToo) {
  Document doc = CleanText(
      "<html><body><div>We use cookies to personalise ads. Accept all cookies</div>"
      "<p>Ferry service resumed on Friday.</p><p>Image credit: Jane Roe/Getty</p></body></html>",
      InputFormat::kHtml);
  EXPECT_EQ(doc.text, "Ferry service resumed on Friday.");
}

TEST(ClassifyLine, SortsChromeLinesIntoTheirKinds) {
  EXPECT_EQ(ClassifyLine("You may also like"), ChromeKind::kList);
  EXPECT_EQ(ClassifyLine("By Anna Koval"), ChromeKind::kByline);
  EXPECT_EQ(ClassifyLine("Image credit: Jane Roe/Getty"), ChromeKind::kCredit);
  EXPECT_EQ(ClassifyLine("Accept all cookies"), ChromeKind::kDrop);
  EXPECT_EQ(ClassifyLine(kProse), ChromeKind::kNone);
  EXPECT_EQ(ClassifyLine(""), ChromeKind::kNone);
}

}  // namespace
}  // namespace claimtrace::clean
