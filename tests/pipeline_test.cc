// Cross-stage tests of the whole per-document pipeline (clean -> segment ->
// extract) on an invented article wrapped in site chrome.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimtrace/pipeline.h"

namespace claimtrace {
namespace {

// Invented: the outlet, the people and the events do not exist.
constexpr char kArticle[] =
    "Harbour Gazette logo\n"
    "News | Coast | Weather | Video | Opinion\n"
    "We use cookies to personalise content. Accept all cookies\n"
    "\n"
    "Coast guard halts ferry crossings after drone sighting\n"
    "\n"
    "By Marta Lind, Harbour Gazette\n"
    "Published 14 March 2024\n"
    "\n"
    "The coast guard suspended all ferry crossings to Vorna island on Thursday after a drone was seen over the "
    "harbour, officials said.\n"
    "\n"
    "\u201CWe will not take any risks with passengers,\u201D Commander Ilse Varga said.\n"
    "\n"
    "Read more:\n"
    "Minister says troops will advance before winter\n"
    "General claims the northern front is secure\n"
    "\n"
    "Varga said crossings would resume once the airspace had been checked.\n"
    "\n"
    "READ MORE: Admiral says navy will seize the strait within days\n"
    "\n"
    "You may also like\n"
    "Officials say ceasefire talks have collapsed\n"
    "Spokesman insists no soldiers surrendered\n"
    "\n"
    "Related stories\n"
    "Mayor warns residents the bridge will be shelled\n"
    "\n"
    "Ferry operators told the Harbour Gazette that bookings had fallen by half.\n"
    "\n"
    "Image credit: Jane Roe/Getty\n"
    "Share this article\n"
    "Topics: Vorna, ferries, drones\n";

// Words that only occur in the other stories' headlines.
const std::vector<std::string> kHeadlineWords = {"Minister says", "troops will advance", "northern front",
                                                 "Admiral",       "seize the strait",    "ceasefire",
                                                 "surrendered",   "Mayor warns",         "bridge will be shelled"};

Document RunPipeline(const std::string& raw) {
  Document doc;
  doc.input = "article.txt";
  doc.raw = raw;
  Pipeline().Process(&doc);
  return doc;
}

TEST(Pipeline, DropsRelatedHeadlinesFromTheText) {
  Document doc = RunPipeline(kArticle);
  ASSERT_FALSE(doc.error) << *doc.error;
  for (const std::string& w : kHeadlineWords) EXPECT_EQ(doc.text.find(w), std::string::npos) << w;
  EXPECT_NE(doc.text.find("The coast guard suspended all ferry crossings"), std::string::npos);
  EXPECT_NE(doc.text.find("Ferry operators told the Harbour Gazette"), std::string::npos);
}

TEST(Pipeline, ExtractsNoAttributionFromRelatedHeadlines) {
  Document doc = RunPipeline(kArticle);
  ASSERT_FALSE(doc.error) << *doc.error;
  ASSERT_FALSE(doc.attributions.empty()) << "the article's own attributions should be found";
  for (const Attribution& a : doc.attributions) {
    for (const std::string& w : kHeadlineWords) {
      EXPECT_EQ(a.cue.text.find(w), std::string::npos) << w;
      EXPECT_EQ(a.content.text.find(w), std::string::npos) << w;
      if (a.source) {
        EXPECT_EQ(a.source->text.find(w), std::string::npos) << w;
      }
    }
  }
}

TEST(Pipeline, FindsTheArticlesOwnQuotation) {
  Document doc = RunPipeline(kArticle);
  ASSERT_FALSE(doc.error) << *doc.error;
  bool found = false;
  for (const Attribution& a : doc.attributions) {
    if (a.content.text.find("We will not take any risks") != std::string::npos) found = true;
  }
  EXPECT_TRUE(found);
}

TEST(Pipeline, ReadsMetadataFromTheChrome) {
  Document doc = RunPipeline(kArticle);
  ASSERT_FALSE(doc.error) << *doc.error;
  EXPECT_EQ(doc.title.value_or(""), "Coast guard halts ferry crossings after drone sighting");
  EXPECT_EQ(doc.author.value_or(""), "Marta Lind");
  ASSERT_TRUE(doc.outlet);
  EXPECT_EQ(doc.outlet->name, "Harbour Gazette");
  EXPECT_EQ(doc.published.value_or(""), "2024-03-14");
}

TEST(Pipeline, GivesSpansThatSliceToTheirText) {
  Document doc = RunPipeline(kArticle);
  ASSERT_FALSE(doc.error) << *doc.error;
  for (const Attribution& a : doc.attributions) {
    EXPECT_EQ(doc.Slice(a.cue.span), a.cue.text);
    EXPECT_EQ(doc.Slice(a.content.span), a.content.text);
    if (a.source) {
      EXPECT_EQ(doc.Slice(a.source->span), a.source->text);
    }
  }
  for (const Quote& q : doc.quotes) EXPECT_TRUE(q.span.Contains(q.inner));
}

TEST(Pipeline, LeavesADocumentThatArrivedWithAnErrorAlone) {
  Document doc;
  doc.raw = "Some text that would otherwise be processed.";
  doc.error = "io error: cannot read";
  Pipeline().Process(&doc);
  EXPECT_EQ(doc.error.value_or(""), "io error: cannot read");
  EXPECT_TRUE(doc.text.empty());
}

TEST(Pipeline, SetsAnErrorWhenOnlyChromeRemains) {
  Document doc = RunPipeline("Accept all cookies\nShare this article\nTopics: Vorna\n");
  ASSERT_TRUE(doc.error);
  EXPECT_NE(doc.error->find("no article text"), std::string::npos) << *doc.error;
  EXPECT_TRUE(doc.text.empty());
  EXPECT_TRUE(doc.attributions.empty());
}

TEST(Pipeline, ProducesAJsonLineWithTheContractFields) {
  Document doc = RunPipeline(kArticle);
  std::string line = ToJsonLine(doc);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  for (const char* field : {"\"doc_id\":", "\"input\":", "\"url\":", "\"outlet\":", "\"title\":", "\"published\":",
                            "\"lang\":", "\"text\":", "\"claims\":", "\"attributions\":", "\"flags\":", "\"error\":"}) {
    EXPECT_NE(line.find(field), std::string::npos) << field;
  }
}

}  // namespace
}  // namespace claimtrace

namespace claimtrace {
namespace {

TEST(PipelineOutlet, TakesItsRegistryIdWhenTheRegistryKnowsIt) {
  Document known;
  known.input = "k";
  known.raw = "The ministry said the convoy turned back.";
  known.outlet = Outlet{"The Guardian", ""};
  Pipeline().Process(&known);
  ASSERT_TRUE(known.outlet);
  EXPECT_EQ(known.outlet->id, "guardian");
  Document unknown = known;
  unknown.outlet = Outlet{"Northline Wire", ""};
  unknown.raw = "The ministry said the convoy turned back.";
  Pipeline().Process(&unknown);
  EXPECT_EQ(unknown.outlet->id, "");
}

}  // namespace
}  // namespace claimtrace
