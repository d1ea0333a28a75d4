// Gazetteer and place finder on sentences written for these tests, plus the
// name key rules on spelling pairs we wrote, and the official 2010 table on
// the shared test pairs when ../shared is present.
#include "resolve/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "resolve/name_key.h"
#include "segment/segment.h"

namespace claimtrace {
namespace {

using resolve::AdjectiveStems;
using resolve::NameKey;
using resolve::ToLatin;
using resolve::TownStems;

Document Doc(const std::string& text) {
  Document d;
  d.text = text;
  segment::Segment(&d);
  return d;
}

const PlaceMention* Mention(const std::vector<PlaceMention>& ms, const std::string& text) {
  for (const auto& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

std::string Describe(const std::vector<PlaceMention>& ms) {
  std::string out;
  for (const auto& m : ms)
    out += "[" + m.text + " -> " + (m.place ? m.place->name + " (" + m.place->admin1 + ")" : "?") + "] ";
  return out;
}

// ---------------------------------------------------------------- name keys

TEST(NameKeyTest, VariantSpellingsMeet) {
  const std::pair<const char*, const char*> kSame[] = {
      {"Kharkiv", "Harkiv"},          {"Okhtyrskyi", "Okhtirsky"},      {"Okhtyrskyi", "Okhtyrskiy"},
      {"Zaporizhzhia", "Zaporizhia"}, {"Zaporizhzhia", "Zaporizhzhya"}, {"Dnipropetrovs'k", "Dnipropetrovsk"},
      {"Lugansk", "Luhansk"},         {"Mykolaiv", "Mikolayiv"},        {"Kam'yans'ke", "Kamyanske"},
      {"Velyka Novosilka", "Velyka-Novosilka"}, {"Odessa", "Odesa"},    {"Charkiw", "Charkiv"},
      {"Lysychansk", "Lisichansk"},
  };
  for (const auto& [a, b] : kSame) EXPECT_EQ(NameKey(a), NameKey(b)) << a << " / " << b;
  const std::pair<const char*, const char*> kDifferent[] = {
      {"Kharkiv", "Kherson"}, {"Sumy", "Sambir"}, {"Chernihiv", "Chernivtsi"}, {"Lviv", "Kyiv"}};
  for (const auto& [a, b] : kDifferent) EXPECT_NE(NameKey(a), NameKey(b)) << a << " / " << b;
  EXPECT_EQ(NameKey("  --  "), "");
}

TEST(NameKeyTest, CyrillicMeetsLatin) {
  EXPECT_EQ(NameKey("Харків"), NameKey("Kharkiv"));
  EXPECT_EQ(NameKey("Покровськ"), NameKey("Pokrovsk"));
  EXPECT_EQ(NameKey("Харьков"), NameKey("Kharkov"));  // Russian spelling: г/х/и fold the same way
  EXPECT_EQ(NameKey("Луганск"), NameKey("Luhansk"));
}

TEST(NameKeyTest, OfficialTableOnOurWords) {
  // Word-initial and inner forms of Є Ї Й Ю Я, зг, the soft sign and the apostrophe.
  EXPECT_EQ(ToLatin("Яблунівка"), "Yablunivka");
  EXPECT_EQ(ToLatin("Маріуполь"), "Mariupol");
  EXPECT_EQ(ToLatin("Згурівка"), "Zghurivka");
  EXPECT_EQ(ToLatin("Слов’янськ"), "Sloviansk");
  EXPECT_EQ(ToLatin("Юрівка Їжівка"), "Yurivka Yizhivka");
  EXPECT_EQ(ToLatin("Гайове"), "Haiove");
  EXPECT_EQ(ToLatin("Kharkiv"), "Kharkiv");  // ASCII passes unchanged
}

TEST(NameKeyTest, SharedOfficialPairs) {
  std::filesystem::path pairs =
      std::filesystem::path(CLAIMTRACE_SHARED_DIR) / "gazetteer/translit/uk_latin_2010_test_pairs.tsv";
  if (!std::filesystem::exists(pairs)) GTEST_SKIP() << "../shared not found: skipping the 2010 table pairs";
  std::ifstream in(pairs);
  std::string line;
  int n = 0;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    EXPECT_EQ(ToLatin(line.substr(0, tab)), line.substr(tab + 1));
    ++n;
  }
  EXPECT_GT(n, 20);
}

TEST(NameKeyTest, DistrictAdjectivesShareStemsWithTowns) {
  auto shares = [](const char* adjective, const char* town) {
    auto a = AdjectiveStems(NameKey(adjective));
    auto t = TownStems(NameKey(town));
    for (const auto& x : a)
      for (const auto& y : t)
        if (x == y) return true;
    return false;
  };
  EXPECT_TRUE(shares("Okhtyrskyi", "Okhtyrka"));
  EXPECT_TRUE(shares("Okhtirsky", "Okhtyrka"));
  EXPECT_TRUE(shares("Pokrovskyi", "Pokrovsk"));
  EXPECT_TRUE(shares("Kharkivskyi", "Kharkiv"));
  EXPECT_TRUE(shares("Sumskyi", "Sumy"));
  EXPECT_TRUE(shares("Bilopilskyi", "Bilopillia"));
  EXPECT_FALSE(shares("Okhtyrskyi", "Sumy"));
  EXPECT_TRUE(AdjectiveStems(NameKey("Kyiv")).empty());
}

TEST(NameKeyTest, BoundedEditDistance) {
  EXPECT_EQ(resolve::BoundedEditDistance("harkiv", "harkiv", 2), 0);
  EXPECT_EQ(resolve::BoundedEditDistance("harkiv", "harkov", 2), 1);
  EXPECT_EQ(resolve::BoundedEditDistance("harkiv", "hersonska", 2), 3);
}

// ---------------------------------------------------------------- lookup

TEST(GazetteerTest, LookupRussianAndOldNames) {
  const auto& g = Gazetteer::Default();
  auto kharkov = g.Lookup("Kharkov");
  ASSERT_FALSE(kharkov.empty());
  EXPECT_EQ(kharkov[0]->name, "Kharkiv");
  EXPECT_EQ(kharkov[0]->country, "UA");
  EXPECT_EQ(kharkov[0]->admin1, "Kharkiv Oblast");
  EXPECT_EQ(kharkov[0]->kind, "settlement");
  EXPECT_NEAR(kharkov[0]->lat, 50.0, 0.2);
  auto artemovsk = g.Lookup("Artemovsk");
  ASSERT_FALSE(artemovsk.empty());
  EXPECT_EQ(artemovsk[0]->name, "Bakhmut");
  auto cyr = g.Lookup("Покровськ");
  ASSERT_FALSE(cyr.empty());
  EXPECT_EQ(cyr[0]->name, "Pokrovsk");
  EXPECT_EQ(cyr[0]->admin1, "Donetsk Oblast");
  auto sumy = g.Lookup("Sumy region");
  ASSERT_EQ(sumy.size(), 1u);
  EXPECT_EQ(sumy[0]->name, "Sumy Oblast");
  EXPECT_EQ(sumy[0]->id, "claimtrace:ua-oblast-sumy");
  EXPECT_EQ(sumy[0]->kind, "oblast");
  EXPECT_TRUE(g.Lookup("Qwzxv").empty());
  EXPECT_TRUE(g.Lookup("").empty());
}

// ---------------------------------------------------------------- finder

TEST(FindPlacesTest, RussianFormResolvesToUkrainianCity) {
  Document d = Doc("Shelling hit residential blocks in Kharkov overnight, officials said.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  const PlaceMention* m = Mention(ms, "Kharkov");
  ASSERT_NE(m, nullptr) << Describe(ms);
  ASSERT_NE(m->place, nullptr);
  EXPECT_EQ(m->place->name, "Kharkiv");
  EXPECT_EQ(m->place->admin1, "Kharkiv Oblast");
  EXPECT_EQ(d.Slice(m->span), "Kharkov");
  EXPECT_GT(m->confidence, 0.5f);
}

TEST(FindPlacesTest, CyrillicAndOldNames) {
  Document d = Doc("Fighting continued near Покровськ and around Artemovsk on Sunday.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  const PlaceMention* p = Mention(ms, "Покровськ");
  ASSERT_NE(p, nullptr) << Describe(ms);
  ASSERT_NE(p->place, nullptr);
  EXPECT_EQ(p->place->name, "Pokrovsk");
  const PlaceMention* b = Mention(ms, "Artemovsk");
  ASSERT_NE(b, nullptr) << Describe(ms);
  ASSERT_NE(b->place, nullptr);
  EXPECT_EQ(b->place->name, "Bakhmut");
}

TEST(FindPlacesTest, RegionPhrases) {
  Document d = Doc("Drones struck the Sumy region and the Kharkov oblast, while Kurskaya oblast reported outages.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  const PlaceMention* sumy = Mention(ms, "Sumy region");
  ASSERT_NE(sumy, nullptr) << Describe(ms);
  ASSERT_NE(sumy->place, nullptr);
  EXPECT_EQ(sumy->place->name, "Sumy Oblast");
  EXPECT_EQ(sumy->place->kind, "oblast");
  const PlaceMention* kharkiv = Mention(ms, "Kharkov oblast");
  ASSERT_NE(kharkiv, nullptr) << Describe(ms);
  EXPECT_EQ(kharkiv->place->name, "Kharkiv Oblast");
  const PlaceMention* kursk = Mention(ms, "Kurskaya oblast");
  ASSERT_NE(kursk, nullptr) << Describe(ms);
  EXPECT_EQ(kursk->place->country, "RU");
}

TEST(FindPlacesTest, DistrictAdjectivalForms) {
  for (const char* phrase : {"Okhtyrskyi raion", "Okhtirsky district", "Okhtyrka district"}) {
    Document d = Doc(std::string("Two drones hit a farm in the ") + phrase + " on Monday.");
    auto ms = Gazetteer::Default().FindPlaces(d);
    const PlaceMention* m = Mention(ms, phrase);
    ASSERT_NE(m, nullptr) << phrase << ": " << Describe(ms);
    ASSERT_NE(m->place, nullptr) << phrase;
    EXPECT_EQ(m->place->kind, "raion") << phrase;
    EXPECT_EQ(m->place->name, "Okhtyrka Raion") << phrase;
    EXPECT_EQ(m->place->admin1, "Sumy Oblast") << phrase;
  }
}

TEST(FindPlacesTest, ContextPicksSameNamedVillage) {
  const auto& g = Gazetteer::Default();
  // Alone, "Lyman" is the largest town of that name (Donetsk Oblast) ...
  auto alone = g.FindPlaces(Doc("Russian troops pushed towards Lyman again."));
  const PlaceMention* a = Mention(alone, "Lyman");
  ASSERT_NE(a, nullptr) << Describe(alone);
  ASSERT_NE(a->place, nullptr);
  EXPECT_EQ(a->place->admin1, "Donetsk Oblast");
  // ... but with the Kharkiv region named beside it, the village there.
  auto ctx = g.FindPlaces(Doc("A drone hit a house in the village of Lyman in the Kharkiv region."));
  const PlaceMention* c = Mention(ctx, "Lyman");
  ASSERT_NE(c, nullptr) << Describe(ctx);
  ASSERT_NE(c->place, nullptr);
  EXPECT_EQ(c->place->admin1, "Kharkiv Oblast");
  // Context from an earlier sentence of the document counts too.
  auto doc = g.FindPlaces(Doc("Odesa region officials reported the attack. The strike on Lyman injured two."));
  const PlaceMention* o = Mention(doc, "Lyman");
  ASSERT_NE(o, nullptr) << Describe(doc);
  ASSERT_NE(o->place, nullptr);
  EXPECT_EQ(o->place->admin1, "Odesa Oblast");
}

TEST(FindPlacesTest, PeopleAreNotPlaces) {
  Document d = Doc("Zelensky met Putin's envoy. President Zelenskyy said Ivan Fedorov and Victoria spoke. "
                   "Most residents left. Mr Sumy is a made-up name.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  for (const auto& m : ms) {
    EXPECT_NE(m.text, "Zelensky");
    EXPECT_NE(m.text, "Zelenskyy");
    EXPECT_NE(m.text, "Putin");
    EXPECT_NE(m.text, "Ivan");
    EXPECT_NE(m.text, "Victoria");
    EXPECT_NE(m.text, "Most");
    EXPECT_NE(m.text, "Sumy") << "after a title, a capitalised word is a person";
  }
}

TEST(FindPlacesTest, GarbledNameIsUnresolvedWithCandidates) {
  Document d = Doc("Shells landed on the village of Okhtyrgka overnight.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  const PlaceMention* m = Mention(ms, "Okhtyrgka");
  ASSERT_NE(m, nullptr) << Describe(ms);
  EXPECT_EQ(m->place, nullptr);
  ASSERT_FALSE(m->candidates.empty());
  EXPECT_EQ(m->candidates[0]->name, "Okhtyrka");
}

TEST(FindPlacesTest, NoPlaceNoMention) {
  auto ms = Gazetteer::Default().FindPlaces(Doc("The committee said on Tuesday that the talks would resume soon."));
  EXPECT_TRUE(ms.empty()) << Describe(ms);
  EXPECT_TRUE(Gazetteer::Default().FindPlaces(Doc("")).empty());
}

TEST(FindPlacesTest, AreasCountriesAndPossessives) {
  Document d = Doc("Fighting in eastern Ukraine and the Donbass spread to the Black Sea coast; Russia's army "
                   "shelled Sumy's outskirts.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  const PlaceMention* east = Mention(ms, "eastern Ukraine");
  ASSERT_NE(east, nullptr) << Describe(ms);
  EXPECT_EQ(east->place->kind, "area");
  const PlaceMention* donbas = Mention(ms, "Donbass");
  ASSERT_NE(donbas, nullptr) << Describe(ms);
  EXPECT_EQ(donbas->place->name, "Donbas");
  const PlaceMention* sea = Mention(ms, "Black Sea");
  ASSERT_NE(sea, nullptr) << Describe(ms);
  const PlaceMention* russia = Mention(ms, "Russia");
  ASSERT_NE(russia, nullptr) << Describe(ms);
  EXPECT_EQ(russia->place->kind, "country");
  EXPECT_EQ(russia->place->country, "RU");
  const PlaceMention* sumy = Mention(ms, "Sumy");
  ASSERT_NE(sumy, nullptr) << Describe(ms);
  EXPECT_EQ(sumy->place->name, "Sumy");
}

TEST(FindPlacesTest, CommonWordsAndDistantSmallPlacesStayOut) {
  // "Split", "Nice", "Reading" are towns elsewhere; "Long" and "Bar" too.
  Document d = Doc("Reading the report, officials found a Split in the coalition. Nice work, Long said at the Bar.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  EXPECT_TRUE(ms.empty()) << Describe(ms);
}

TEST(FindPlacesTest, SpansAreExactSubstrings) {
  Document d = Doc("Near Kupiansk and in Vovchansk, Kharkiv region, shelling continued.");
  auto ms = Gazetteer::Default().FindPlaces(d);
  ASSERT_GE(ms.size(), 3u) << Describe(ms);
  for (const auto& m : ms) EXPECT_EQ(d.Slice(m.span), m.text);
  const PlaceMention* v = Mention(ms, "Vovchansk");
  ASSERT_NE(v, nullptr) << Describe(ms);
  EXPECT_EQ(v->place->admin1, "Kharkiv Oblast");
}

TEST(FindPlacesTest, HostileInputDoesNotCrash) {
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 37) % 256);
  Document d = Doc(junk + " village of \xD0 Kharkiv region district raion");
  auto ms = Gazetteer::Default().FindPlaces(d);
  for (const auto& m : ms) EXPECT_LE(m.span.end, d.text.size());
}

}  // namespace
}  // namespace claimtrace
