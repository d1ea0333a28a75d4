#include "clean/html_extract.h"

#include <gtest/gtest.h>

#include <string>

#include "clean/clean.h"

namespace claimtrace::clean {
namespace {

bool Has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

HtmlExtraction Extract(std::string_view html, bool main_content = true) {
  HtmlExtraction out;
  HtmlExtractOptions options;
  options.main_content = main_content;
  EXPECT_TRUE(ExtractHtml(html, options, &out).ok());
  return out;
}

// Every piece maps its text to the same bytes of the page (pages without entities).
void ExpectExactOffsets(const HtmlExtraction& ex, std::string_view html) {
  for (const OffsetPiece& p : ex.offsets) {
    ASSERT_LE(p.raw_begin + p.length, html.size());
    EXPECT_EQ(ex.text.substr(p.clean_begin, p.length), html.substr(p.raw_begin, p.length));
  }
}

constexpr char kNewsPage[] = R"(<!DOCTYPE html><html lang="en-GB"><head>
<title>Ferries return to Vorna | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<script>var analyticsSecretToken = "<p>not text</p>";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all</div>
<header class="site-header"><div class="logo">Harbour Gazette</div>
<ul class="menu"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></header>
<div class="layout">
<article class="story">
<h1>Ferries return to Vorna after the storm</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
<div class="story-body">
<p>Ferry service to the island of Vorna resumed on Friday, three days after the storm closed the harbour, the port authority said.</p>
<p>Harbour workers cleared the pier overnight, and the first boat, carrying forty passengers, docked shortly after dawn.</p>
<h2>Repairs to follow</h2>
<p>The authority said repairs to the breakwater, which lost a section of its wall, would take until the end of the month, and that crossings could be cancelled again if the wind picked up.</p>
<p>Residents, who had been without fresh supplies since Tuesday, queued at the quay to meet the boat.</p>
</div>
<section class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">Storm closes Vorna harbour for three days</a></li>
<li><a href="/b">Island council approves new breakwater budget</a></li>
<li><a href="/c">Ferry operator orders two new boats</a></li></ul></section>
<div id="comments" class="comments-area"><h3>12 comments</h3>
<div class="comment"><p>GullWatcher: Finally, about time they fixed that pier, it was a disgrace for years.</p></div>
<div class="comment"><p>Marta: My brother was on the first boat, he says the crossing was calm and quick.</p></div></div>
</article>
<aside class="sidebar"><h3>Most read</h3><p>Sidebar story about a lighthouse keeper who retired after forty years.</p></aside>
</div>
<div class="newsletter-signup"><p>Get our free newsletter every morning, straight to your inbox.</p></div>
<footer><p>Copyright Harbour Gazette, all rights reserved.</p></footer>
</body></html>)";

TEST(HtmlExtract, KeepsTheArticleAndDropsNavCookieShareRelatedCommentsAndSidebar) {
  HtmlExtraction ex = Extract(kNewsPage);
  EXPECT_TRUE(ex.main_content_found);
  EXPECT_TRUE(Has(ex.text, "Ferry service to the island of Vorna resumed on Friday"));
  EXPECT_TRUE(Has(ex.text, "Residents, who had been without fresh supplies since Tuesday"));
  for (const char* junk : {"We use cookies", "Home", "Sport", "Share on Facebook", "Related stories",
                           "Island council approves", "GullWatcher", "12 comments", "lighthouse keeper",
                           "newsletter", "Copyright", "analyticsSecretToken"}) {
    EXPECT_FALSE(Has(ex.text, junk)) << junk;
  }
}

TEST(HtmlExtract, KeepsHeadingsInsideTheBodyAsTheirOwnParagraphs) {
  HtmlExtraction ex = Extract(kNewsPage);
  EXPECT_TRUE(Has(ex.text, "docked shortly after dawn.\n\nRepairs to follow\n\nThe authority said"));
}

TEST(HtmlExtract, ReadsMetadataFromTitleAndMetaTags) {
  HtmlExtraction ex = Extract(kNewsPage);
  EXPECT_EQ(ex.title, "Ferries return to Vorna");  // " | <site name>" dropped
  EXPECT_EQ(ex.site_name, "Harbour Gazette");
  EXPECT_EQ(ex.lang, "en");
}

TEST(HtmlExtract, MapsEveryRunToItsBytesInThePage) {
  HtmlExtraction ex = Extract(kNewsPage);
  ASSERT_FALSE(ex.offsets.empty());
  ExpectExactOffsets(ex, kNewsPage);
  for (size_t k = 1; k < ex.offsets.size(); ++k) EXPECT_LT(ex.offsets[k - 1].clean_begin, ex.offsets[k].clean_begin);
}

TEST(HtmlExtract, AlignsOffsetsAfterCharacterReferences) {
  std::string html =
      "<html><body><article><p>Tom &amp; Jerry&#8217;s ferry left the harbour on Friday morning, the port "
      "authority said in a statement, and it reached Vorna by noon.</p></article></body></html>";
  HtmlExtraction ex = Extract(html);
  size_t at = ex.text.find("ferry left");
  ASSERT_NE(at, std::string::npos);
  ASSERT_TRUE(Has(ex.text, "Tom & Jerry\u2019s ferry"));
  for (const OffsetPiece& p : ex.offsets) {
    if (p.clean_begin == at) {
      EXPECT_EQ(html.compare(p.raw_begin, 10, "ferry left"), 0);
    }
    if (ex.text.compare(p.clean_begin, 5, "Jerry") == 0) {
      EXPECT_EQ(html.compare(p.raw_begin, 5, "Jerry"), 0);
    }
  }
}

TEST(HtmlExtract, InlineElementsNeverSplitWordsAndBlocksNeverGlueThem) {
  HtmlExtraction ex = Extract(
      "<html><body><div class=\"content\"><p>The <b>sur</b><i>geon</i> said the <a href=\"/x\">patient</a>, "
      "who arrived on Monday, was stable.</p><div>Second block of the report, written later that day.</div>"
      "<p>Line one of the address<br>Line two of the address, in the same paragraph.</p></div></body></html>",
      /*main_content=*/false);
  EXPECT_TRUE(Has(ex.text, "The surgeon said the patient, who arrived"));
  EXPECT_TRUE(Has(ex.text, "was stable.\n\nSecond block"));
  EXPECT_TRUE(Has(ex.text, "Line one of the address\nLine two"));
}

TEST(HtmlExtract, MergesSiblingBlocksThatAnAdSplits) {
  std::string para = "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the "
                     "breakwater before the winter storms, the mayor said.</p>";
  std::string html = "<html><body><div class=\"page\"><div class=\"article-text\">" + para + para +
                     "<p>FIRST HALF ENDS here, with a sentence that is long enough to count as prose.</p></div>"
                     "<div class=\"ad-slot ad\"><a href=\"/buy\">Buy boats now</a></div>"
                     "<div class=\"article-text\"><p>SECOND HALF STARTS here, and it says that the work, which will "
                     "cost a lot, begins in May.</p>" + para + para + "</div>"
                     "<div class=\"promo\"><a href=\"/x\">Other story one</a> <a href=\"/y\">Other story two</a></div>"
                     "</div></body></html>";
  HtmlExtraction ex = Extract(html);
  EXPECT_TRUE(Has(ex.text, "FIRST HALF ENDS"));
  EXPECT_TRUE(Has(ex.text, "SECOND HALF STARTS"));
  EXPECT_FALSE(Has(ex.text, "Buy boats"));
  EXPECT_FALSE(Has(ex.text, "Other story"));
}

TEST(HtmlExtract, ReadsJsonLdMetadataAndPrefersItOverMetaTags) {
  std::string html = R"(<html><head>
<meta property="og:title" content="OG title">
<meta name="author" content="Meta Author">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Site"},
 {"@type":"NewsArticle","headline":"Storm closes the harbour","datePublished":"2024-03-12T18:00:00Z",
  "author":[{"@type":"Person","name":"Anna Koval"},{"@type":"Person","name":"Jack Tenner"}],
  "publisher":{"@type":"Organization","name":"Northline Wire"},"inLanguage":"en-US"}]}</script>
</head><body><article><p>The storm closed the harbour on Tuesday, the port authority said, and no boat left.</p></article></body></html>)";
  HtmlExtraction ex = Extract(html);
  EXPECT_EQ(ex.title, "Storm closes the harbour");
  EXPECT_EQ(ex.author, "Anna Koval, Jack Tenner");
  EXPECT_EQ(ex.published, "2024-03-12");
  EXPECT_EQ(ex.site_name, "Northline Wire");
  EXPECT_EQ(ex.lang, "en");
}

TEST(HtmlExtract, IgnoresMalformedJsonLd) {
  HtmlExtraction ex = Extract(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":[1,{</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":42,\"author\":{\"name\":7}}</script>"
      "<title>Fallback title</title></head><body><p>Body text of the page, long enough to keep.</p></body></html>");
  EXPECT_EQ(ex.title, "Fallback title");
}

TEST(HtmlExtract, JsonLdBodyPicksItsCopyInTheDomOverALongerBlock) {
  std::string body = "The ferry left at dawn. The crossing took two hours. Passengers said the sea was calm. "
                     "The captain thanked the harbour crew. The next boat leaves on Monday. Tickets are sold out. "
                     "The mayor met the boat on the quay. A band played on the pier. The shops opened at noon. "
                     "Bread ran out by two. The council will meet on Friday to discuss the breakwater.";
  std::string other;
  for (int i = 0; i < 6; ++i) {
    other += "<p>An unrelated block of text, with commas, clauses, and more commas, that goes on, and on, and on.</p>";
  }
  std::string html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
                     body + "\"}</script></head><body><div class=\"x1\"><p>" + body.substr(0, 86) + "</p><p>" +
                     body.substr(87) + "</p></div><div class=\"x2\">" + other + "</div></body></html>";
  HtmlExtraction ex = Extract(html);
  EXPECT_TRUE(Has(ex.text, "The ferry left at dawn."));
  EXPECT_FALSE(Has(ex.text, "unrelated block"));
}

TEST(HtmlExtract, UsesTheJsonLdBodyWhenThePageRendersItWithScripts) {
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
      std::string(30, 'x') + " The ferry left at dawn, the operator said.\\nThe crossing took two hours, and " +
      "passengers said the sea was calm, the wind light and the sky clear all the way to Vorna, where the mayor " +
      "met the boat on the quay with a band, a choir and most of the town, who had waited since the storm for " +
      "supplies. The next boat leaves on Monday, and tickets for it were sold out within the hour, the operator " +
      "said in a statement on its website.\"}</script></head><body><div id=\"app\">Loading…</div></body></html>";
  HtmlExtraction ex = Extract(html);
  EXPECT_TRUE(Has(ex.text, "The ferry left at dawn, the operator said.\n\nThe crossing took two hours"));
}

TEST(HtmlExtract, ReadsCanonicalUrlDateAndLanguageFromMetaTags) {
  HtmlExtraction ex = Extract(
      "<html><head><meta property=\"og:locale\" content=\"de_DE\">"
      "<meta property=\"article:published_time\" content=\"2023-11-05T10:00:00+01:00\">"
      "<link rel=\"canonical\" href=\"https://example.org/a\"><meta property=\"og:url\" content=\"https://x/b\">"
      "</head><body><p>Text.</p></body></html>");
  EXPECT_EQ(ex.lang, "de");
  EXPECT_EQ(ex.published, "2023-11-05");
  EXPECT_EQ(ex.url, "https://example.org/a");
}

TEST(HtmlExtract, NormalisesMetadataDates) {
  std::string d;
  EXPECT_TRUE(NormaliseMetaDate("2024-02-29T10:00:00Z", &d));
  EXPECT_EQ(d, "2024-02-29");
  EXPECT_TRUE(NormaliseMetaDate("20240305", &d));
  EXPECT_EQ(d, "2024-03-05");
  EXPECT_TRUE(NormaliseMetaDate("2024/03/05", &d));
  EXPECT_EQ(d, "2024-03-05");
  EXPECT_FALSE(NormaliseMetaDate("2023-02-29", &d));
  EXPECT_FALSE(NormaliseMetaDate("yesterday", &d));
  EXPECT_FALSE(NormaliseMetaDate("2024-13-01", &d));
}

TEST(HtmlExtract, ParsesClientSideTemplatesAsMarkup) {
  HtmlExtraction ex = Extract(
      "<html><body><div class=\"post-body\"><script type=\"text/template\"><p>The ferry left at dawn, the "
      "operator said, and reached Vorna by noon, where the mayor met it.</p></script></div></body></html>");
  EXPECT_TRUE(Has(ex.text, "The ferry left at dawn"));
}

TEST(HtmlExtract, HiddenElementsAreNotText) {
  HtmlExtraction ex = Extract(
      "<html><body><div class=\"content\"><p>The ferry left at dawn, the operator said, and reached Vorna by noon.</p>"
      "<p style=\"display: none\">HIDDEN ONE</p><div hidden>HIDDEN TWO</div><p aria-hidden=\"true\">HIDDEN THREE</p>"
      "</div></body></html>");
  EXPECT_FALSE(Has(ex.text, "HIDDEN"));
  EXPECT_TRUE(Has(ex.text, "The ferry left at dawn"));
}

TEST(HtmlExtract, TrimsPromptsAndLinkRowsAfterTheLastParagraph) {
  std::string para = "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the "
                     "breakwater before the winter storms, the mayor said.</p>";
  HtmlExtraction ex = Extract("<html><body><div class=\"story\">" + para + para + para +
                              "<p>Filed under <a href=\"/t/harbour\">Harbour</a></p>"
                              "<p>Did you like this article?</p><p>Read next:</p><p>Share</p></div></body></html>");
  EXPECT_TRUE(Has(ex.text, "the mayor said."));
  for (const char* junk : {"Filed under", "Did you like", "Read next", "Share"}) EXPECT_FALSE(Has(ex.text, junk)) << junk;
  // A closing line that reads as prose stays.
  HtmlExtraction kept = Extract("<html><body><div class=\"story\">" + para + para + para +
                                "<p>The mayor thanked the crews.</p></div></body></html>");
  EXPECT_TRUE(Has(kept.text, "The mayor thanked the crews."));
}

TEST(HtmlExtract, AddsProseParagraphsBesideTheArticleButNotShortLinkRows) {
  std::string para = "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the "
                     "breakwater before the winter storms, the mayor said.</p>";
  std::string html =
      "<html><body><main><div class=\"intro-box\"><div class=\"standfirst\">A LEDE IN ITS OWN BOX: the island's "
      "harbour reopens after three days, and the council plans a new breakwater.</div></div>"
      "<div class=\"col\"><div class=\"text\">" + para + para + para + para + "</div></div>"
      "<div class=\"box\"><a href=\"/a\">Short link row</a> <a href=\"/b\">Another link</a></div>"
      "</main></body></html>";
  HtmlExtraction ex = Extract(html);
  EXPECT_TRUE(Has(ex.text, "A LEDE IN ITS OWN BOX"));
  EXPECT_FALSE(Has(ex.text, "Short link row"));
  size_t lede = ex.text.find("A LEDE"), body = ex.text.find("The council met");
  EXPECT_LT(lede, body);  // document order is kept
}

TEST(HtmlExtract, ReadsAJsonLdBodyThatHoldsMarkup) {
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"<p>The "
      "ferry left at <strong>dawn</strong>, the operator said.</p><p>The crossing took two hours, and passengers "
      "said the sea was calm, the wind light and the sky clear all the way to Vorna, where the mayor met the boat "
      "on the quay with a band, a choir and most of the town, who had waited since the storm for supplies.</p><p>"
      "The next boat leaves on Monday, and tickets for it were sold out within the hour, the operator said in a "
      "statement.</p>\"}</script></head><body><div id=\"app\"><p>Loading the article, please wait.</p></div>"
      "</body></html>";
  HtmlExtraction ex = Extract(html);
  EXPECT_TRUE(Has(ex.text, "The ferry left at dawn, the operator said.\n\nThe crossing took two hours"));
  EXPECT_FALSE(Has(ex.text, "<strong>"));
}

// A page whose lede (standfirst) is only in the description meta tags.
std::string PageWithDescriptions(const std::string& og, const std::string& plain) {
  std::string para = "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the "
                     "breakwater before the winter storms, the mayor said.</p>";
  std::string head = "<html><head><title>Vorna rebuilds its breakwater</title>";
  if (!og.empty()) head += "<meta property=\"og:description\" content=\"" + og + "\">";
  if (!plain.empty()) head += "<meta name=\"description\" content=\"" + plain + "\">";
  return head + "</head><body><article><h1>Vorna rebuilds its breakwater</h1><div class=\"story-body\">" + para +
         para + para + para + "</div></article></body></html>";
}

TEST(HtmlExtract, PutsALedeFoundOnlyInTheDescriptionBeforeTheText) {
  std::string lede = "Three days after the storm, the island votes to spend its reserve on a wall that should "
                     "hold back the sea.";
  std::string html = PageWithDescriptions(lede, "A different, plainer summary of the same story for search engines.");
  HtmlExtraction ex = Extract(html);
  ASSERT_EQ(ex.text.rfind(lede + "\n\nThe council met on Tuesday", 0), 0u) << ex.text;  // og:description first
  EXPECT_FALSE(Has(ex.text, "plainer summary"));
  // The lede's runs point into the meta tag's content; the body's still map exactly.
  size_t content = html.find(lede);
  ASSERT_FALSE(ex.offsets.empty());
  EXPECT_EQ(ex.offsets[0].clean_begin, 0u);
  EXPECT_EQ(ex.offsets[0].raw_begin, content);
  for (const OffsetPiece& p : ex.offsets) {
    if (p.clean_begin < lede.size()) continue;
    EXPECT_EQ(ex.text.substr(p.clean_begin, p.length), html.substr(p.raw_begin, p.length));
  }
  // Without og:description the description is the lede.
  HtmlExtraction plain = Extract(PageWithDescriptions("", lede));
  EXPECT_EQ(plain.text.rfind(lede, 0), 0u);
}

TEST(HtmlExtract, LeavesOutDescriptionsThatAreSlogansOrAlreadyInTheText) {
  // A site slogan: too short to be a lede.
  HtmlExtraction slogan = Extract(PageWithDescriptions("News from the islands, every day.", ""));
  EXPECT_EQ(slogan.text.rfind("The council met", 0), 0u) << slogan.text;
  // The first paragraph cut short, with other spacing: not added twice.
  HtmlExtraction cut = Extract(PageWithDescriptions(
      "The council met on Tuesday  evening and voted, after a long debate, to rebuild the breakwater ...", ""));
  EXPECT_EQ(cut.text.rfind("The council met", 0), 0u) << cut.text;
  EXPECT_EQ(cut.text.find("..."), std::string::npos);
  // Whole-body mode (no main content) never adds it.
  HtmlExtractOptions options;
  options.main_content = false;
  HtmlExtraction whole;
  ASSERT_TRUE(ExtractHtml(PageWithDescriptions("Three days after the storm, the island votes to spend its "
                                               "reserve on a wall that should hold back the sea.", ""),
                          options, &whole).ok());
  EXPECT_FALSE(Has(whole.text, "Three days after the storm"));
}

// ------------------------------------------------------------- hostile pages

TEST(HtmlExtractHostile, SurvivesAHundredThousandNestedDivs) {
  std::string html = "<html><body><p>Top paragraph of the page, before the nesting starts.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  HtmlExtraction ex;
  ASSERT_TRUE(ExtractHtml(html, HtmlExtractOptions(), &ex).ok());
  EXPECT_TRUE(Has(ex.text, "Top paragraph"));
  EXPECT_FALSE(Has(ex.text, "deep text"));  // below the depth cap: not read
}

TEST(HtmlExtractHostile, SurvivesDeeplyNestedInlineAndTableElements) {
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += (i % 3 == 0 ? "<b>" : i % 3 == 1 ? "<table><tr><td>" : "<span>");
  html += "text";
  HtmlExtraction ex;
  EXPECT_TRUE(ExtractHtml(html, HtmlExtractOptions(), &ex).ok());
}

TEST(HtmlExtractHostile, TruncatedPagesKeepWhatWasThere) {
  std::string page = kNewsPage;
  for (size_t cut : {size_t{1}, size_t{40}, page.find("<p>Harbour workers") + 25, page.find("Residents,") + 3,
                     page.find("<section") + 5}) {
    std::string part = page.substr(0, cut);
    HtmlExtraction ex;
    ASSERT_TRUE(ExtractHtml(part, HtmlExtractOptions(), &ex).ok()) << cut;
    for (const OffsetPiece& p : ex.offsets) ASSERT_LE(p.raw_begin + p.length, part.size());
  }
  HtmlExtraction ex = Extract(page.substr(0, page.find("Residents,") + 3));
  EXPECT_TRUE(Has(ex.text, "Ferry service to the island of Vorna"));
}

TEST(HtmlExtractHostile, UnclosedScriptsCommentsAndTagsDoNotBreakTheScan) {
  for (const char* html : {"<html><body><p>Text before, long enough.</p><script>var x = '<p>never closed",
                           "<html><body><p>Text before, long enough.</p><!-- never closed <p>hidden</p>",
                           "<html><body><p>Text before, long enough.</p><svg><text>never closed",
                           "<html><body><p>Text before, long enough.</p><style", "<", "<!--", "<script",
                           "<html><body><p>Text</p><scriptx>not a script</scriptx><p>after</p>"}) {
    HtmlExtraction ex;
    EXPECT_TRUE(ExtractHtml(html, HtmlExtractOptions(), &ex).ok()) << html;
    ExpectExactOffsets(ex, html);
    EXPECT_FALSE(Has(ex.text, "never closed")) << html;
  }
}

TEST(HtmlExtractHostile, ALargePageIsExtracted) {
  std::string html = "<html><body><article>";
  std::string para = "<p>The ferry left at dawn, the operator said, and reached Vorna by noon, carrying supplies.</p>";
  while (html.size() < (8u << 20)) html += para;
  html += "</article></body></html>";
  HtmlExtraction ex;
  ASSERT_TRUE(ExtractHtml(html, HtmlExtractOptions(), &ex).ok());
  EXPECT_GT(ex.text.size(), 6u << 20);
}

// ------------------------------------------------------------- through Clean

TEST(HtmlExtractClean, MetadataFillsOnlyWhatTheRecordLeftEmpty) {
  Document doc;
  doc.format = InputFormat::kHtml;
  doc.raw = kNewsPage;
  doc.title = "Title from the JSON Lines record";
  ASSERT_TRUE(Clean(&doc, /*drop_chrome=*/true).ok());
  EXPECT_EQ(doc.title.value_or(""), "Title from the JSON Lines record");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Harbour Gazette");
  EXPECT_EQ(doc.lang.value_or(""), "en");
  size_t at = doc.text.find("Harbour workers cleared");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(doc.raw.compare(doc.RawOffset(static_cast<uint32_t>(at)), 23, "Harbour workers cleared"), 0);
  EXPECT_FALSE(Has(doc.text, "GullWatcher"));
}

}  // namespace
}  // namespace claimtrace::clean
