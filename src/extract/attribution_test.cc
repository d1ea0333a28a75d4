// Attribution rules on sentences we wrote ourselves (invented outlets and
// people), one layout per test, plus the source chains of the seed gold when
// ../shared is present.
#include "extract/attribution.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "claimtrace/pipeline.h"
#include "util/utf8.h"

namespace claimtrace::extract {
namespace {

Document Extract(const std::string& text) {
  Document doc;
  doc.input = "test";
  doc.raw = text;
  Pipeline().Process(&doc);
  EXPECT_FALSE(doc.error) << *doc.error;
  return doc;
}

// The attribution whose cue text is `cue` (first one), or nullptr.
const Attribution* ByCue(const Document& doc, const std::string& cue) {
  for (const auto& a : doc.attributions) {
    if (a.cue.text == cue) return &a;
  }
  return nullptr;
}

std::string SourceText(const Attribution* a) { return a && a->source ? a->source->text : "<none>"; }

// Expects an attribution with this cue, source and (unless empty) content; returns it or nullptr.
const Attribution* ExpectAttribution(const Document& doc, const std::string& cue, const std::string& source,
                                     const std::string& content = "") {
  const Attribution* a = ByCue(doc, cue);
  EXPECT_NE(a, nullptr) << "no attribution with the cue '" << cue << "'";
  if (!a) return nullptr;
  EXPECT_EQ(SourceText(a), source) << "cue '" << cue << "'";
  if (!content.empty()) {
    EXPECT_EQ(a->content.text, content) << "cue '" << cue << "'";
  }
  return a;
}

TEST(Attribution, FindsQuoteThenSpeaker) {
  Document d = Extract("“The bridge at Zarichne was hit twice overnight,” said Oksana Lytvyn, a regional spokeswoman.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kDirect);
  EXPECT_EQ(SourceText(a), "Oksana Lytvyn, a regional spokeswoman");
  EXPECT_EQ(a->content.text, "“The bridge at Zarichne was hit twice overnight,”");
}

TEST(Attribution, AdverbsBeforeTheCueJoinTheCueNotTheSource) {
  Document d = Extract("The harbour authority now says the ferry will not sail until spring. "
                       "Mayor Oksana Bilyk jokingly said that the gulls run the port.");
  const Attribution* now = ByCue(d, "says");
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(SourceText(now), "The harbour authority");
  EXPECT_EQ(d.Slice(now->cue_extent), "now says");
  const Attribution* joking = ByCue(d, "said");
  ASSERT_NE(joking, nullptr);
  EXPECT_EQ(SourceText(joking), "Mayor Oksana Bilyk");
  EXPECT_EQ(d.Slice(joking->cue_extent), "jokingly said");
}

TEST(Attribution, ADayAfterTheCueIsNotTheContent) {
  Document d = Extract("The port director said Tuesday that the cranes were repaired.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->content.text, "that the cranes were repaired");
  EXPECT_EQ(d.Slice(a->cue_extent), "said Tuesday");
}

TEST(Attribution, ATranscriptSpeakerInCapitalsOwnsTheParagraph) {
  Document d = Extract("Transcript of the interview:\n\n\"HOST: Will the ferry sail this winter?\n\n"
                       "MAYOR BILYK: Not before March, I am afraid. The ice is too thick.\n\n"
                       "BREAKING: The port is closed.\n");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(SourceText(&d.attributions[0]), "HOST");
  EXPECT_EQ(d.attributions[0].kind, AttributionKind::kDirect);
  EXPECT_EQ(d.attributions[0].content.text, "Will the ferry sail this winter?");
  EXPECT_EQ(SourceText(&d.attributions[1]), "MAYOR BILYK");
  EXPECT_EQ(d.attributions[1].content.text, "Not before March, I am afraid. The ice is too thick.");
}

TEST(Attribution, CalledThatNamesIsNoCue) {
  Document d = Extract("Fishermen founded a cooperative called Blue Harbour last year. "
                       "The old pier, once called the Mistake on the Lake, was rebuilt. "
                       "The mayor called the plan “a gift to the gulls.”");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(SourceText(&d.attributions[0]), "The mayor");
}

TEST(Attribution, ASpeakerAfterTheQuoteMayStartWithATitleOrOne) {
  Document d = Extract("The ferry has been idle for weeks.\n\n"
                       "“The harbour will reopen in March,” said harbour pilot Ivan Kos.\n\n"
                       "“Nobody told us,” said one port source on the night shift.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(SourceText(&d.attributions[0]), "harbour pilot Ivan Kos");
  EXPECT_EQ(d.attributions[0].kind, AttributionKind::kDirect);
  EXPECT_EQ(SourceText(&d.attributions[1]), "one port source on the night shift");
}

TEST(Attribution, ANamesAppositiveMayHoldARelativeClause) {
  Document d = Extract("Ivan Kos, a pilot who has worked in the port for decades, said that the harbour was safe.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source_name, "Ivan Kos");
}

TEST(Attribution, ASentenceMayOpenWithItsCue) {
  Document d = Extract("The ferry has been idle for weeks. Said the harbour master: “Nobody will sail before March.”");
  const Attribution* a = ByCue(d, "Said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "the harbour master");
  EXPECT_EQ(a->form, AttributionKind::kDirect);
  EXPECT_EQ(a->content.text, "“Nobody will sail before March.”");
}

TEST(Attribution, FindsSpeakerBeforeColonAndQuote) {
  Document d = Extract("Colonel Ivan Drach told the Steppe Courier: “We withdrew from the ridge to save the company.”");
  const Attribution* a = ByCue(d, "told");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kDirect);
  EXPECT_EQ(SourceText(a), "Colonel Ivan Drach");
  ASSERT_TRUE(a->via.has_value());
  EXPECT_EQ(a->via->text, "the Steppe Courier");
}

TEST(Attribution, JoinsAQuotationSplitBySpeaker) {
  Document d = Extract("“Nobody surrendered,” the commander said, “and nobody will.”");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "the commander");
  ASSERT_EQ(a->content_parts.size(), 2u);
  EXPECT_EQ(d.Slice(a->content_parts[1]), "“and nobody will.”");
}

TEST(Attribution, ResolvesHeAddedToTheLastNamedSpeaker) {
  Document d = Extract(
      "Marko Halych, the mayor of Vovkivka, said: “Two shells fell near the school.”\n\n"
      "He added: “The children had already left.”");
  const Attribution* added = ByCue(d, "added");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(SourceText(added), "He");
  EXPECT_EQ(added->source_name, "Marko Halych");
  EXPECT_GE(added->continues, 0);
}

TEST(Attribution, ContinuesAQuotationOverParagraphs) {
  Document d = Extract(
      "The officer said: “We held the line for three days.\n\n"
      "“Then the order came to pull back.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_TRUE(d.quotes[0].continued);
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(a->content.text.find("pull back"), std::string::npos);
}

TEST(Attribution, GivesAStandaloneQuotedParagraphToThePreviousSpeaker) {
  Document d = Extract(
      "“The column turned back at dawn,” said the brigade press officer.\n\n"
      "“They left forty vehicles behind.”");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(d.attributions[1].continues, d.attributions[0].id);
  EXPECT_EQ(SourceText(&d.attributions[1]), "the brigade press officer");
}

TEST(Attribution, ReadsQuoteDashSpeaker) {
  Document d = Extract("“We will not give up a single village.” — Andriy Kovalchuk");
  ASSERT_FALSE(d.attributions.empty());
  EXPECT_EQ(SourceText(&d.attributions[0]), "Andriy Kovalchuk");
  EXPECT_EQ(d.attributions[0].kind, AttributionKind::kDirect);
}

TEST(Attribution, ReadsIndirectSpeechWithThat) {
  Document d = Extract("The regional administration said that four civilians were wounded in the strike.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kIndirect);
  EXPECT_EQ(SourceText(a), "The regional administration");
  EXPECT_EQ(a->content.text, "that four civilians were wounded in the strike");
}

TEST(Attribution, ReadsContentBeforeTrailingSpeaker) {
  Document d = Extract("Two battalions were moved to the southern front, the defence ministry said on Tuesday.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "the defence ministry");
  EXPECT_EQ(a->content.text, "Two battalions were moved to the southern front");
}

TEST(Attribution, ReadsAccordingToAtStartAndEnd) {
  Document d = Extract(
      "According to the Northline Wire, the depot burned for six hours.\n\n"
      "The depot burned for six hours, according to local officials.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(d.attributions[0].kind, AttributionKind::kAccordingTo);
  EXPECT_EQ(SourceText(&d.attributions[0]), "the Northline Wire");
  EXPECT_EQ(d.attributions[0].content.text, "the depot burned for six hours");
  EXPECT_EQ(SourceText(&d.attributions[1]), "local officials");
  EXPECT_EQ(d.attributions[1].content.text, "The depot burned for six hours");
}

TEST(Attribution, NestsASpeakerInsideAnAccordingTo) {
  Document d = Extract(
      "According to the Baltic Monitor, Petro Hnatyuk, the governor of Kherson, said: “The ferry crossing is "
      "closed.”");
  const Attribution* outer = ByCue(d, "According to");
  const Attribution* inner = ByCue(d, "said");
  ASSERT_NE(outer, nullptr);
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->parent, outer->id);
  EXPECT_EQ(SourceText(inner), "Petro Hnatyuk, the governor of Kherson");
  auto chain = ChainFor(d, inner->id);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].text, "the Baltic Monitor");
  EXPECT_EQ(chain[1].name, "Petro Hnatyuk");
}

TEST(Attribution, TakesAnyPastTenseVerbThatFramesAQuotation) {
  // After a quotation closed by a comma, a subject and one verb ending the sentence frame it.
  Document d = Extract("“We will rebuild the pier before winter,” the harbour master continued.\n\n"
                       "“Not one more boat is leaving,” Ola Brekke shot back.");
  const Attribution* continued = ExpectAttribution(d, "continued", "the harbour master");
  if (continued) {
    EXPECT_EQ(continued->form, AttributionKind::kDirect);
  }
  ExpectAttribution(d, "shot back", "Ola Brekke");
  // Before a quotation: the subject opens the sentence, the verb ends right at the colon.
  Document before = Extract("Ms. Halvorsen paused. She continued: “The ferry will run again in May.”");
  ExpectAttribution(before, "continued", "She", "“The ferry will run again in May.”");
}

TEST(Attribution, AParticipleCueTakesTheClauseSubject) {
  // After an opening phrase, after a comma inside a closing quotation mark, after "by"/"while".
  Document d = Extract(
      "Earlier in the week, Ola Brekke called for a new inquiry into the ferry accident, saying the coast guard "
      "had been too slow.\n\n"
      "Kari Dahl called the plan “a waste of money,” adding that the council had ignored the fishermen.\n\n"
      "The mayor landed in trouble last week by saying that the harbour would close.\n\n"
      "The council kept its view, while noting that the ferry should keep running.");
  ExpectAttribution(d, "saying", "Ola Brekke");
  ExpectAttribution(d, "adding", "Kari Dahl", "that the council had ignored the fishermen");
  int by_saying = 0;
  for (const auto& a : d.attributions) by_saying += a.cue.text == "saying" && SourceText(&a) == "The mayor";
  EXPECT_EQ(by_saying, 1);
  ExpectAttribution(d, "noting", "The council");
  // Without a subject before it, a gerund after "by" is still no attribution.
  Document none = Extract("Ferries are kept safe by checking the hulls every spring.");
  EXPECT_TRUE(none.attributions.empty());
}

TEST(Attribution, ASourceBeforeAParentheticalBetweenDashes) {
  Document d = Extract("Brekke — named by the Fjordposten as the likely successor — told the paper that he would run.");
  ExpectAttribution(d, "told", "Brekke", "that he would run");
}

TEST(Attribution, ACueCoordinatedWithButTakesTheSubjectOnlyWhenItsVerbIsFound) {
  Document d = Extract("Dahl refused to name the council, but told fishermen that the pier was safe.\n\n"
                       "The company keeps its books secret but says its business has tripled.");
  ExpectAttribution(d, "told", "Dahl");
  // "keeps" is not recognised as the verb: no source rather than a wrong one.
  const Attribution* says = ByCue(d, "says");
  if (says) {
    EXPECT_EQ(SourceText(says).find("but"), std::string::npos) << SourceText(says);
  }
}

TEST(Attribution, AQuestionAskedBeforeTheAnswer) {
  Document d = Extract("Asked at a briefing on Monday about the ferry's future, harbour master Kari Dahl said the "
                       "pier would be rebuilt.");
  ExpectAttribution(d, "Asked", "harbour master Kari Dahl", "the ferry's future");
}

TEST(Attribution, APercentageOfPeopleIsOneSourceAndANumberCanOpenTheContent) {
  Document d = Extract("A new survey in March shows 62% of island residents say the ferry matters most.");
  ExpectAttribution(d, "shows", "A new survey", "62% of island residents say the ferry matters most");
  ExpectAttribution(d, "say", "62% of island residents", "the ferry matters most");
}

TEST(Attribution, ASourceCloseToSomeoneIsUnnamed) {
  Document d = Extract("The ferry will not sail until March, a source close to Ola Brekke said.\n\n"
                       "An adviser to the mayor said the pier would reopen.");
  const Attribution* first = ExpectAttribution(d, "said", "a source close to Ola Brekke");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->kind, AttributionKind::kAnonymous);
  bool adviser = false;
  for (const auto& a : d.attributions) adviser |= SourceText(&a) == "An adviser to the mayor";
  EXPECT_TRUE(adviser);
}

TEST(Attribution, AnAppositiveAfterTheSpeakerIsNotMoreQuotation) {
  Document d = Extract("“The odds are against a quick repair,” said Ola Brekke, a harbour engineer who has "
                       "worked on the pier since 2008.");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->content_parts.size(), 0u);
  EXPECT_EQ(said->content.text.find("harbour engineer"), std::string::npos) << said->content.text;
}

TEST(Attribution, ANonFramingVerbAfterAQuotationIsNoCue) {
  // The quotation is not closed by a comma, and the verb does not end a frame.
  Document d = Extract("The mayor called the plan “a reckless gamble” and the council adjourned.");
  EXPECT_EQ(ByCue(d, "adjourned"), nullptr);
  Document e = Extract("“Keep left,” the sign warned drivers who approached the closed bridge slowly.");
  for (const auto& a : e.attributions) EXPECT_NE(a.cue.text, "approached");
}

TEST(Attribution, FindsAttitudesOnlyWhenAskedFor) {
  const std::string text = "The harbour council wants a second ferry by spring. The fishermen seemed unconvinced.";
  Document plain = Extract(text);
  for (const auto& a : plain.attributions) {
    EXPECT_FALSE(a.attitude);
    EXPECT_NE(a.cue.text, "wants");
  }
  Document doc;
  doc.input = "test";
  doc.raw = text;
  Pipeline({.attitudes = true}).Process(&doc);
  const Attribution* wants = ByCue(doc, "wants");
  ASSERT_NE(wants, nullptr);
  EXPECT_TRUE(wants->attitude);
  EXPECT_EQ(SourceText(wants), "The harbour council");
  // Attitudes feed no claim: the ledger's claims are the same with and without them.
  EXPECT_EQ(doc.claims.size(), plain.claims.size());
}

TEST(Attribution, CutsARelativeClauseOffTheSource) {
  Document d = Extract("The agency reported a border guard who saw the crossing said, “They came on foot.”");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(SourceText(said), "a border guard");
  EXPECT_TRUE(said->source_anonymous);
  const Attribution* reported = ByCue(d, "reported");
  ASSERT_NE(reported, nullptr);
  EXPECT_EQ(said->parent, reported->id);
}

TEST(Attribution, TreatsPassiveHearsayAsAnonymous) {
  Document d = Extract("Dozens of conscripts are said to have fled the training camp near Kursk.");
  ASSERT_EQ(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_EQ(a.kind, AttributionKind::kAnonymous);
  EXPECT_FALSE(a.source.has_value());
  EXPECT_EQ(a.cue.text, "are said");
  EXPECT_EQ(a.content_parts.size(), 2u);
}

TEST(Attribution, TreatsReportedlyAsAnUnnamedSource) {
  Document d = Extract("The unit reportedly abandoned its positions on Sunday.");
  const Attribution* a = ByCue(d, "reportedly");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kAnonymous);
  EXPECT_FALSE(a->source.has_value());
}

TEST(Attribution, MarksUnnamedSourcesAnonymous) {
  Document d = Extract("A senior official in Kyiv said the counteroffensive had stalled.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kAnonymous);
  EXPECT_EQ(a->form, AttributionKind::kIndirect);
}

TEST(Attribution, LinksAnOutletReportToTheSourcesItCites) {
  Document d = Extract(
      "The Steppe Daily reported on Monday that a platoon had laid down its arms.\n"
      "According to sources in the security services cited by the newspaper, the soldiers were exhausted.");
  const Attribution* report = ByCue(d, "reported");
  const Attribution* sources = ByCue(d, "According to");
  ASSERT_NE(report, nullptr);
  ASSERT_NE(sources, nullptr);
  ASSERT_TRUE(sources->via.has_value());
  EXPECT_EQ(sources->via->text, "the newspaper");
}

TEST(Attribution, LinksAnUnknownOutletsReportToTheStatementBesideIt) {
  Document d = Extract(
      "The Vorna Gazette reported that a company had abandoned its trenches near the river.\n\n"
      "“The company left its positions without orders,” said the regional command.");
  const Attribution* report = ByCue(d, "reported");
  ASSERT_NE(report, nullptr);
  ASSERT_GE(report->cites, 0);
  auto chain = ChainFor(d, report->id);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[1].text, "the regional command");
}

TEST(Attribution, RecordsTheHearerOfTold) {
  Document d = Extract("Western officials told the Kyiv Ledger that more retreats are likely.");
  const Attribution* a = ByCue(d, "told");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->via.has_value());
  EXPECT_EQ(a->via->text, "the Kyiv Ledger");
  EXPECT_EQ(a->content.text, "that more retreats are likely");
  auto chain = ChainFor(d, a->id);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].text, "the Kyiv Ledger");
}

TEST(Attribution, KeepsDenialsAsAttributions) {
  Document d = Extract("The ministry denied that any unit had surrendered near Lyman.");
  const Attribution* a = ByCue(d, "denied");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "The ministry");
  EXPECT_EQ(a->content.text, "that any unit had surrendered near Lyman");
}

TEST(Attribution, IgnoresNounUsesOfCueWords) {
  Document d = Extract("The report has been met with doubt, and the new claims were not repeated.");
  for (const auto& a : d.attributions) {
    EXPECT_NE(a.cue.text, "report");
    EXPECT_NE(a.cue.text, "claims");
  }
}

TEST(Attribution, GivesACoordinatedCueTheClauseSubject) {
  Document d = Extract("The mayor of Vovkivka toured the shelter and stressed that it had enough water.");
  const Attribution* a = ByCue(d, "stressed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "The mayor of Vovkivka");
  EXPECT_EQ(a->content.text, "that it had enough water");
}

TEST(Attribution, SeparatesTheHearerFromTheReportedClause) {
  Document d = Extract("Colonel Ivan Drach told the agency the recruits had deserted on Friday.");
  const Attribution* a = ByCue(d, "told");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->via.has_value());
  EXPECT_EQ(a->via->text, "the agency");
  EXPECT_EQ(a->content.text, "the recruits had deserted on Friday");
}

TEST(Attribution, CountsAnUnnamedSpokesmanAsAnonymousButNotANamedOffice) {
  Document d = Extract(
      "A military spokesman said the bridge was closed.\n\nThe governor of Sumy said the bridge was closed.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_TRUE(d.attributions[0].source_anonymous);
  EXPECT_FALSE(d.attributions[1].source_anonymous);
}

TEST(Attribution, NamesTheSourceByAnAppositiveName) {
  Document d = Extract("The mayor of Vovkivka, Marko Halych, denied the accusations.");
  const Attribution* a = ByCue(d, "denied");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "The mayor of Vovkivka, Marko Halych");
  EXPECT_EQ(a->source_name, "Marko Halych");
  EXPECT_EQ(a->content.text, "the accusations");
}

TEST(Attribution, CountsASourceInsideAnInstitutionAsAnonymous) {
  Document d = Extract("A source in the Latvian defence ministry said the draft had been extended.");
  const Attribution* a = ByCue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->source_anonymous);
}

TEST(Attribution, RelaysTheSourceAnOutletCites) {
  Document d = Extract("The Steppe Daily, citing a source in the border service, reported that the crossing was shut.");
  const Attribution* report = ByCue(d, "reported");
  ASSERT_NE(report, nullptr);
  ASSERT_GE(report->cites, 0);
  auto chain = ChainFor(d, report->id);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].text, "The Steppe Daily");
  EXPECT_EQ(chain[1].text, "a source in the border service");
}

TEST(Attribution, NeverTakesATimePhraseForSourceOrContent) {
  Document d = Extract("Last Friday, the minister called them traitors.\n\nIn 2019, the council rejected the plan.");
  for (const auto& a : d.attributions) {
    ASSERT_TRUE(a.source.has_value());
    EXPECT_NE(a.source->text.rfind("In 2019", 0), 0u);
    EXPECT_NE(a.content.text, "Last Friday");
  }
  const Attribution* called = ByCue(d, "called");
  ASSERT_NE(called, nullptr);
  EXPECT_EQ(called->content.text, "them traitors");
}

TEST(Attribution, SkipsAnOpeningPhraseToFindTheSubject) {
  Document d = Extract("In comments to reporters, the envoy accused the border guards of lying.");
  const Attribution* a = ByCue(d, "accused");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "the envoy");
}

TEST(Attribution, KeepsNegatedAuxiliariesOutOfTheSource) {
  Document d = Extract("I don't think the column will turn back.");
  const Attribution* a = ByCue(d, "think");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SourceText(a), "I");
}

TEST(Attribution, TreatsAnAllianceAloneAsNamed) {
  Document d = Extract("NATO rejected the demand.\n\nNATO officials said the drills would go ahead.");
  const Attribution* rejected = ByCue(d, "rejected");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(rejected, nullptr);
  ASSERT_NE(said, nullptr);
  EXPECT_FALSE(rejected->source_anonymous);
  EXPECT_TRUE(said->source_anonymous);
}

TEST(Attribution, FindsNothingInTheOutletsOwnVoice) {
  Document d = Extract("Shelling continued overnight along the river. Three villages lost power.");
  EXPECT_TRUE(d.attributions.empty());
}

TEST(Attribution, ReadsEveryQuotationMarkStyle) {
  for (const char* text : {"«The depot is destroyed», said Ivan Sydorenko.", "„The depot is destroyed“, said Ivan Sydorenko.",
                           "\"The depot is destroyed,\" said Ivan Sydorenko.",
                           "'The depot is destroyed,' said Ivan Sydorenko.",
                           "‘The depot is destroyed,’ said Ivan Sydorenko."}) {
    Document d = Extract(text);
    const Attribution* a = ByCue(d, "said");
    ASSERT_NE(a, nullptr) << text;
    EXPECT_EQ(a->kind, AttributionKind::kDirect) << text;
    EXPECT_EQ(SourceText(a), "Ivan Sydorenko") << text;
  }
}

// ---------------------------------------------------------------- seed gold chains

std::filesystem::path SharedDir() {
#ifdef CLAIMTRACE_SHARED_DIR
  return CLAIMTRACE_SHARED_DIR;
#else
  return "../shared";
#endif
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : util::AsciiLower(s)) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) {
      cur.push_back(ch);
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool Covers(const std::string& hay, const std::string& needle) {
  auto h = Words(hay), n = Words(needle);
  std::multiset<std::string> hs(h.begin(), h.end());
  size_t hit = 0;
  for (const auto& w : n) {
    auto it = hs.find(w);
    if (it != hs.end()) {
      ++hit;
      hs.erase(it);
    }
  }
  return !n.empty() && hit * 10 >= n.size() * 6;
}

bool NameMatches(const std::string& a, const std::string& b) {
  std::string x = util::AsciiLower(a), y = util::AsciiLower(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

// Every gold chain comes out of the seeds as nested or linked attributions:
// some attribution whose content (or what it refers back to) covers the gold
// evidence has a chain in which every gold name occurs, in order.
TEST(SeedChains, EveryGoldChainComesOutOfTheSeeds) {
  auto gold_path = SharedDir() / "gold" / "seeds.claims.jsonl";
  if (!std::filesystem::exists(gold_path)) GTEST_SKIP() << "../shared not found: skipping seed chain test";
  std::ifstream in(gold_path);
  std::string line;
  int checked = 0;
  std::map<std::string, Document> docs;
  while (std::getline(in, line)) {
    auto g = nlohmann::json::parse(line);
    std::string doc_id = g["doc"];
    std::string evidence = g["evidence"];
    std::vector<std::string> chain = g["chain"].get<std::vector<std::string>>();
    std::string chain_list = g["chain"].dump();
    if (chain.empty()) continue;
    if (!docs.count(doc_id)) {
      std::ifstream f(SharedDir() / "corpus" / "seeds" / (doc_id + ".txt"));
      std::stringstream ss;
      ss << f.rdbuf();
      docs[doc_id] = Extract(ss.str());
    }
    const Document& d = docs[doc_id];
    bool found = false;
    std::string seen;
    for (const auto& a : d.attributions) {
      // The attribution's whole extent (gold evidence may include the source and cue).
      uint32_t b = std::min(a.content.span.begin, a.cue.span.begin), e = std::max(a.content.span.end, a.cue.span.end);
      if (a.source) {
        b = std::min(b, a.source->span.begin);
        e = std::max(e, a.source->span.end);
      }
      std::string scope = std::string(d.Slice({b, e})) + (a.antecedent ? " " + a.antecedent->text : "");
      if (!Covers(scope, evidence)) continue;
      auto links = ChainFor(d, a.id);
      std::string names;
      for (const auto& l : links) names += "[" + l.text + "|" + l.name + "] ";
      seen += "\n  a" + std::to_string(a.id) + ": " + names;
      // Gold names in order, each matching a link's text or name (outlets and officials may be
      // abbreviated: "ZSU" for the General Staff; we accept the registry's aliases through `name`).
      size_t li = 0;
      bool all = true;
      for (const auto& gname : chain) {
        const std::string& gn = gname;
        bool ok = false;
        for (; li < links.size() && !ok; ++li) {
          ok = NameMatches(links[li].text, gn) || NameMatches(links[li].name, gn) ||
               (!links[li].registry.empty() && NameMatches(links[li].registry, gn));
          if (!ok) {
            for (const auto& w : Words(gn)) {
              if (w.size() > 3 && (NameMatches(links[li].text, w))) ok = true;
            }
          }
        }
        all &= ok;
      }
      if (all) found = true;
    }
    EXPECT_TRUE(found) << doc_id << ": no attribution chain for \"" << evidence << "\" with sources "
                       << chain_list << "; candidates:" << seen;
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
}  // namespace claimtrace::extract
