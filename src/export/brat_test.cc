// BRAT export in the PolNeAR layout, on text we wrote ourselves.
#include "export/brat.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimtrace/pipeline.h"
#include "export/polnear.h"
#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::exporter {
namespace {

Document Process(const std::string& text, bool attitudes = false) {
  Document doc;
  doc.input = "test.txt";
  doc.raw = text;
  Pipeline({.attitudes = attitudes}).Process(&doc);
  EXPECT_FALSE(doc.error);
  return doc;
}

// The T lines with this label, as "start end<TAB>text".
std::vector<std::string> Lines(const std::string& ann, const std::string& label) {
  std::vector<std::string> out;
  for (std::string_view line : util::SplitLines(ann)) {
    auto parts = util::Split(line, '\t');
    if (parts.size() >= 3 && parts[0][0] == 'T' && parts[1].substr(0, label.size() + 1) == label + " ") {
      out.emplace_back(std::string(parts[1].substr(label.size() + 1)) + "\t" + std::string(parts[2]));
    }
  }
  return out;
}

TEST(Brat, OffsetsAreCodePointsIntoTheInput) {
  const std::string text = "Ms. Åsa Lindqvist, the ferry’s pilot, said “the ice is thin” on the fjord.";
  Document doc = Process(text);
  std::string ann = ToBrat(doc, {.scheme_filter = false});
  auto cues = Lines(ann, "Cue");
  ASSERT_EQ(cues.size(), 1u);
  size_t byte = text.find("said");
  size_t cp = util::CodePointCount(text, byte);
  EXPECT_EQ(cues[0], std::to_string(cp) + " " + std::to_string(cp + 4) + "\tsaid");
  EXPECT_LT(cp, byte);  // Å and ’ are several bytes each
  EXPECT_NE(ann.find("E1\tAttribution:T"), std::string::npos);
}

TEST(Brat, WritesSourcelessAttributionsAsSuch) {
  Document doc = Process("Two trawlers are said to have left the harbour at night.");
  std::string ann = ToBrat(doc, {.scheme_filter = false});
  EXPECT_NE(ann.find("Attribution-no-source"), std::string::npos);
  EXPECT_TRUE(Lines(ann, "Source").empty());
}

TEST(Brat, TheLedgerKeepsNestedAttributionsAndTheSchemeMayDropThem) {
  Document doc = Process(
      "The Fjordposten reported that the coast guard said the trawler had sunk. "
      "Harbour master Ola Brekke said that the pier would reopen on Monday.");
  ASSERT_GE(doc.attributions.size(), 3u);
  std::string all = ToBrat(doc, {.scheme_filter = false});
  EXPECT_EQ(Lines(all, "Cue").size(), doc.attributions.size());
  std::string scheme = ToBrat(doc);
  EXPECT_LE(Lines(scheme, "Cue").size(), doc.attributions.size());
  // A plain top-level statement is what the scheme annotates: the model keeps it.
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    if (doc.attributions[i].source && doc.attributions[i].source->text == "Harbour master Ola Brekke") {
      EXPECT_TRUE(PolnearKeeps(doc, i));
    }
  }
}

TEST(Brat, FeatureNotesDescribeEachAttribution) {
  Document doc = Process("The coast guard said the trawler had sunk. The harbour council wants a new pier.", true);
  std::string ann = ToBrat(doc, {.scheme_filter = false, .feature_notes = true});
  EXPECT_NE(ann.find("#1\tAnnotatorNotes T"), std::string::npos);
  EXPECT_NE(ann.find("h=said"), std::string::npos);
  EXPECT_NE(ann.find(" att "), std::string::npos);  // the attitude "wants"
}

TEST(Polnear, AQuotedParagraphGoesWithItsStatementButAnAddedRemarkHasItsOwnCue) {
  Document doc = Process(
      "“The pier is rotten,” Ola Brekke said.\n\n"
      "“Nobody has checked it since the storm.”\n\n"
      "He added: “The council knew.”");
  int shared = 0, own = 0;
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    if (a.continues < 0) continue;
    size_t s = PolnearStatement(doc, i);
    if (a.cue.text == "said") {
      EXPECT_EQ(doc.attributions[s].cue.span.begin, a.cue.span.begin);
      EXPECT_NE(s, i);
      ++shared;
    } else {
      EXPECT_EQ(s, i) << a.cue.text;
      ++own;
    }
  }
  EXPECT_EQ(shared, 1);
  EXPECT_EQ(own, 1);
}

TEST(Polnear, NestingAndLayoutAreFeatures) {
  Document doc = Process("The Fjordposten reported that the coast guard said the trawler had sunk.");
  bool saw_nested = false;
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    auto f = PolnearFeatures(doc, i);
    bool nested = std::find(f.begin(), f.end(), "n") != f.end();
    EXPECT_EQ(nested, doc.attributions[i].parent >= 0);
    saw_nested |= nested;
    // Names are a class, not a word the model could learn.
    for (const auto& name : f) EXPECT_EQ(name.find("fjordposten"), std::string::npos) << name;
  }
  EXPECT_TRUE(saw_nested);
  // Unknown features weigh nothing.
  EXPECT_DOUBLE_EQ(PolnearScore({"no-such-feature"}), PolnearScore({}));
}

}  // namespace
}  // namespace claimtrace::exporter
