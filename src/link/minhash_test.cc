#include "link/minhash.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace claimtrace::link {
namespace {

// Invented for these tests: the city, people, outlets and events are fictional.
// kShellingCourier and kShellingLedger report the same invented shelling,
// written independently; kPortTalks is on another subject.
const std::vector<std::string> kShellingCourier = {
    "Overnight shelling kills three in Verkhnoriv, governor says",
    "Three people were killed and at least twelve wounded when artillery shells struck a residential quarter of "
    "Verkhnoriv late on Tuesday, regional governor Mykola Savchuk said in a video statement on Wednesday morning. "
    "Savchuk said the shells hit two apartment blocks, a pharmacy and the yard of a kindergarten that had been "
    "closed since the spring, and that rescue crews worked through the night to pull residents from the rubble.",
    "The governor blamed Russian units positioned across the Sukha river, roughly eleven kilometres east of the "
    "city, and said that the barrage lasted about forty minutes. Among the wounded were a teenage girl and two "
    "municipal workers who had been repairing a water main when the first rounds landed. Doctors at the city "
    "hospital described the condition of four patients as serious.",
    "Verkhnoriv, which had a population of about ninety thousand before the war, has been shelled almost daily "
    "since the autumn. Local authorities reopened two underground shelters this week and asked families with "
    "children to consider leaving for the western districts of the region. The Eastbank Courier could not "
    "independently verify the number of casualties."};

const std::vector<std::string> kShellingLedger = {
    "Artillery strike on Verkhnoriv leaves dead and injured",
    "A Russian artillery attack on the frontline city of Verkhnoriv on Tuesday evening left three civilians dead, "
    "officials reported, in one of the heaviest bombardments the city has endured this year. Firefighters battled "
    "blazes in several buildings until dawn, according to the state emergency service, whose spokeswoman Iryna "
    "Demchuk put the number of injured at twelve.",
    "Mykola Savchuk, the head of the regional administration, wrote on Telegram that a kindergarten, a chemist's "
    "shop and residential houses were damaged. Ukrainian military officials said the guns fired from positions "
    "beyond the river, and a brigade spokesman added that counter-battery fire had silenced one of the batteries "
    "before midnight.",
    "Residents interviewed by the Steppe Ledger by phone described a night spent in cellars and corridors. One "
    "pensioner said the windows of her flat were blown out for the second time since January. Moscow has not "
    "commented on the strike and routinely denies targeting civilians."};

const std::vector<std::string> kPortTalks = {
    "Grain convoy talks resume in Ostrivsk after two-week pause",
    "Negotiators from the port authority of Ostrivsk and three shipping insurers resumed talks on Monday over the "
    "terms under which grain convoys may leave the harbour, a spokesman for the authority told reporters. The "
    "talks stalled earlier this month over who should pay for mine clearance in the outer channel.",
    "Traders said more than forty vessels were waiting at anchor and that storage silos near the rail terminal were "
    "close to full. An official of the farmers union warned that the barley harvest could rot on the quays if "
    "loading did not restart before the end of the month."};

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& p : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  return text;
}

// --- Copy variants, built the way copy sites build them. -------------------

std::vector<std::string> WithChrome(std::vector<std::string> paragraphs) {
  paragraphs.insert(paragraphs.begin(), "Accept all cookies to continue. Manage preferences | Home | World | Video");
  paragraphs.push_back("Share this article: Facebook Twitter WhatsApp | Copyright 2024 Dnipro Wire Network");
  return paragraphs;
}

std::vector<std::string> Reordered(std::vector<std::string> paragraphs) {
  // Headline stays first; body paragraphs in reverse order.
  std::reverse(paragraphs.begin() + 1, paragraphs.end());
  return paragraphs;
}

std::vector<std::string> NewHeadline(std::vector<std::string> paragraphs) {
  paragraphs[0] = "BREAKING: Deadly night attack hits residential area of Verkhnoriv";
  return paragraphs;
}

std::vector<std::string> WithBoilerplate(std::vector<std::string> paragraphs) {
  paragraphs.insert(paragraphs.begin() + 2,
                    "Sign up for our morning briefing and get the day's most important stories delivered to your "
                    "inbox before breakfast.");
  paragraphs.push_back("Read more: Parliament debates new rules for volunteer battalions");
  paragraphs.push_back("Read more: Rail operator restores night trains to the southern coast");
  paragraphs.push_back("Read more: Heatwave warning issued for five central regions");
  return paragraphs;
}

const std::map<std::string, std::string> kSynonyms = {
    {"killed", "slain"},        {"wounded", "injured"},      {"struck", "hit"},           {"said", "stated"},
    {"late", "later"},          {"statement", "address"},    {"morning", "forenoon"},     {"hit", "struck"},
    {"closed", "shut"},         {"crews", "teams"},          {"worked", "laboured"},      {"night", "evening"},
    {"residents", "locals"},    {"blamed", "accused"},       {"units", "forces"},         {"roughly", "about"},
    {"city", "town"},           {"lasted", "went on"},       {"about", "around"},         {"teenage", "adolescent"},
    {"workers", "employees"},   {"repairing", "fixing"},     {"first", "initial"},        {"landed", "fell"},
    {"doctors", "physicians"},  {"described", "called"},     {"condition", "state"},      {"serious", "grave"},
    {"population", "populace"}, {"before", "prior to"},      {"shelled", "bombarded"},    {"almost", "nearly"},
    {"daily", "every day"},     {"authorities", "officials"}, {"reopened", "opened again"}, {"asked", "urged"},
    {"families", "households"}, {"children", "kids"},        {"consider", "think about"}, {"leaving", "departing"},
    {"region", "province"},     {"number", "count"},         {"people", "persons"},       {"residential", "housing"},
    {"quarter", "district"},    {"apartment", "flat"},       {"rubble", "debris"},        {"positioned", "stationed"},
    {"kilometres", "km"},       {"east", "eastwards"},       {"hospital", "clinic"},      {"patients", "victims"},
    {"war", "conflict"},        {"week", "seven days"},      {"western", "west"},         {"since", "from"},
    {"artillery", "gun"},       {"shells", "rounds"},        {"pharmacy", "chemist"},     {"yard", "courtyard"},
    {"kindergarten", "nursery"}, {"spring", "springtime"},   {"pull", "drag"},            {"barrage", "bombardment"},
    {"minutes", "mins"},        {"among", "amongst"},        {"girl", "youngster"},       {"municipal", "council"},
    {"water", "supply"},        {"autumn", "fall"},          {"local", "municipal"},      {"underground", "basement"},
    {"shelters", "bunkers"},    {"districts", "areas"},      {"verify", "confirm"},       {"casualties", "victims"},
    {"twelve", "12"},           {"three", "3"},              {"eleven", "11"},            {"forty", "40"},
    {"four", "4"},              {"video", "recorded"},       {"river", "stream"},         {"rescue", "emergency"}};

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Replaces, at every `every`-th word, the first word from there on that has a
// synonym (so about one word in `every` changes); *replaced and *total count.
std::vector<std::string> WithSynonyms(const std::vector<std::string>& paragraphs, int every, int* replaced,
                                      int* total) {
  std::vector<std::string> out;
  int next_at = every - 1, index = 0;
  for (const std::string& p : paragraphs) {
    std::istringstream in(p);
    std::string word, para;
    while (in >> word) {
      size_t end = word.size();
      while (end > 0 && !std::isalnum(static_cast<unsigned char>(word[end - 1]))) --end;
      std::string bare = LowerAscii(word.substr(0, end));
      auto it = kSynonyms.find(bare);
      if (index >= next_at && it != kSynonyms.end()) {
        word = it->second + word.substr(end);
        ++*replaced;
        while (next_at <= index) next_at += every;  // the next multiple of `every`
      }
      ++index;
      ++*total;
      if (!para.empty()) para += ' ';
      para += word;
    }
    out.push_back(para);
  }
  return out;
}

struct Scored {
  double estimate = 0;
  int shared_bands = 0;
  double exact = 0;  // exact Jaccard of the shingle sets
};

Scored Compare(const std::string& a, const std::string& b, const MinHashParams& p = {}) {
  std::vector<uint64_t> sa = ShingleHashes(a, p.shingle_words), sb = ShingleHashes(b, p.shingle_words);
  Signature ga = MinHash(sa, p), gb = MinHash(sb, p);
  std::vector<uint64_t> ka = BandKeys(ga, p), kb = BandKeys(gb, p);
  Scored s;
  s.estimate = EstimateJaccard(ga, gb);
  for (size_t i = 0; i < ka.size(); ++i) s.shared_bands += ka[i] == kb[i];
  std::set<uint64_t> xa(sa.begin(), sa.end()), xb(sb.begin(), sb.end());
  size_t common = 0;
  for (uint64_t x : xa) common += xb.count(x);
  s.exact = static_cast<double>(common) / static_cast<double>(xa.size() + xb.size() - common);
  return s;
}

// --- Whole-document copies. -------------------------------------------------

TEST(MinHashCopies, AnExactCopyScoresOne) {
  Scored s = Compare(Join(kShellingCourier), Join(kShellingCourier));
  EXPECT_EQ(s.estimate, 1.0);
  EXPECT_EQ(s.shared_bands, MinHashParams{}.bands);
}

TEST(MinHashCopies, FindsEveryRewriteVariantAsACandidateThatVerifies) {
  const std::string original = Join(kShellingCourier);
  int replaced = 0, total = 0;
  std::vector<std::string> synonyms = WithSynonyms(kShellingCourier, 10, &replaced, &total);
  // The variant is meaningful only if about every 10th word really changed.
  EXPECT_GE(replaced * 100, total * 9) << replaced << " of " << total;
  int replaced_all = 0, total_all = 0;
  std::vector<std::string> all_synonyms = WithSynonyms(kShellingCourier, 10, &replaced_all, &total_all);
  std::vector<std::string> everything = WithChrome(WithBoilerplate(NewHeadline(Reordered(all_synonyms))));
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"other site chrome", Join(WithChrome(kShellingCourier))},
      {"reordered paragraphs", Join(Reordered(kShellingCourier))},
      {"new headline", Join(NewHeadline(kShellingCourier))},
      {"synonym every 10th word", Join(synonyms)},
      {"boilerplate added", Join(WithBoilerplate(kShellingCourier))},
      {"all of these at once", Join(everything)},
  };
  for (const auto& [name, text] : variants) {
    Scored s = Compare(original, text);
    EXPECT_GE(s.shared_bands, 1) << name;
    EXPECT_GE(s.estimate, kCopyThreshold) << name << " (exact " << s.exact << ")";
    // The estimate is within 4 standard errors of the exact value (K = 128).
    EXPECT_NEAR(s.estimate, s.exact, 4 * std::sqrt(s.exact * (1 - s.exact) / 128) + 1e-9) << name;
  }
  // Word-for-word copies with other chrome stay near 1; the full rewrite is the
  // hard case the parameters were chosen for.
  EXPECT_GE(Compare(original, variants[0].second).exact, 0.8);
  Scored hard = Compare(original, variants.back().second);
  EXPECT_LT(hard.exact, 0.6);
}

TEST(MinHashCopies, DoesNotPairIndependentReportsOfTheSameShelling) {
  const std::string courier = Join(kShellingCourier), ledger = Join(kShellingLedger), port = Join(kPortTalks);
  for (const auto& [a, b] : {std::pair{courier, ledger}, std::pair{courier, port}, std::pair{ledger, port}}) {
    Scored s = Compare(a, b);
    EXPECT_LT(s.exact, 0.05);
    EXPECT_LT(s.estimate, kCopyThreshold);
  }
  // Even when the same copy site wraps both in its chrome and boilerplate.
  Scored s = Compare(Join(WithChrome(WithBoilerplate(kShellingCourier))),
                     Join(WithChrome(WithBoilerplate(kShellingLedger))));
  EXPECT_LT(s.estimate, kCopyThreshold);
}

// --- The estimator against exact Jaccard on random sets. ----------------------

TEST(MinHashEstimate, TracksExactJaccardAndBandAgreementOnRandomSets) {
  const MinHashParams p;
  const int k = p.bands * p.rows;
  std::mt19937_64 rng(7);
  for (auto [n, target] : {std::pair{500, 0.05}, std::pair{500, 0.3}, std::pair{500, 0.6}, std::pair{60, 0.3},
                            std::pair{2000, 0.3}}) {
    const int common = static_cast<int>(2 * n * target / (1 + target));
    const double exact = static_cast<double>(common) / (2 * n - common);
    double sum = 0, squares = 0, band_rate = 0;
    const int trials = 200;
    for (int t = 0; t < trials; ++t) {
      std::vector<uint64_t> a, b;
      for (int i = 0; i < n; ++i) {
        uint64_t x = rng();
        a.push_back(x);
        b.push_back(i < common ? x : rng());
      }
      Signature sa = MinHash(a, p), sb = MinHash(b, p);
      double e = EstimateJaccard(sa, sb);
      sum += e;
      squares += (e - exact) * (e - exact);
      std::vector<uint64_t> ka = BandKeys(sa, p), kb = BandKeys(sb, p);
      int shared = 0;
      for (size_t i = 0; i < ka.size(); ++i) shared += ka[i] == kb[i];
      band_rate += static_cast<double>(shared) / p.bands;
    }
    const double theory = std::sqrt(exact * (1 - exact) / k);
    EXPECT_NEAR(sum / trials, exact, 3 * theory / std::sqrt(trials) + 0.002) << n << " " << target;
    EXPECT_LT(std::sqrt(squares / trials), 1.2 * theory) << n << " " << target;
    const double band_theory = std::pow(exact, p.rows);
    EXPECT_NEAR(band_rate / trials, band_theory, 0.1 * band_theory + 0.002) << n << " " << target;
  }
}

TEST(MinHashEstimate, ShortTextsFillEverySlotAndSizesMustMatch) {
  // One shingle: every bin but one is empty and copies it (densification).
  Signature one = MinHash({0x0123456789abcdefull}, {});
  ASSERT_EQ(one.size(), 128u);
  EXPECT_TRUE(std::all_of(one.begin(), one.end(), [&](uint32_t v) { return v == one[0]; }));
  // A few words: identical texts agree everywhere, a different one mostly not.
  Signature a = MinHash(ShingleHashes("Shelling resumed at dawn", 3), {});
  Signature b = MinHash(ShingleHashes("shelling resumed at dawn.", 3), {});
  Signature c = MinHash(ShingleHashes("Talks resumed in the port", 3), {});
  EXPECT_EQ(EstimateJaccard(a, b), 1.0);
  EXPECT_LT(EstimateJaccard(a, c), 0.25);
  // Signatures of other parameters are not comparable.
  std::vector<uint64_t> shingles = ShingleHashes(Join(kPortTalks), 3);
  EXPECT_EQ(EstimateJaccard(MinHash(shingles, {3, 10, 3}), MinHash(shingles, {3, 64, 2})), 0.0);
}

// Stored signatures must stay comparable: this pins the words, shingles and
// hash functions. If it changes on purpose, bump kSignatureFormat.
TEST(MinHashEstimate, SignatureOfAFixedTextIsPinned) {
  Signature sig = MinHash(ShingleHashes(Join(kPortTalks) + " Дніпро Łódź 6,000", 3), {});
  std::string blob = EncodeSignature(sig);
  EXPECT_EQ(XXH3_64bits(blob.data(), blob.size()), 5339335357696177125ull) << XXH3_64bits(blob.data(), blob.size());
}

// --- Words. ------------------------------------------------------------------

std::vector<uint64_t> Words(std::string_view text) { return ShingleHashes(text, 1); }

TEST(MinHashWords, FoldCaseApostrophesQuotesAndPunctuation) {
  EXPECT_EQ(Words("Russia’s troops, “they said”"), Words("russia's TROOPS they said"));
  EXPECT_EQ(Words("Russia’s"), Words("russias"));
  EXPECT_EQ(Words("6,000 troops; 3.5 km"), Words("6000 troops 35 km"));
  EXPECT_EQ(Words("Russian-occupied"), Words("russian occupied"));
  EXPECT_EQ(Words("'quoted'"), Words("quoted"));
  EXPECT_EQ(Words("Sentence.Next one"), Words("sentence next one"));
  EXPECT_EQ(Words("soldiers’ positions"), Words("soldiers positions"));
  EXPECT_EQ(Words("300 troops").size(), 2u);  // digits are words
}

TEST(MinHashWords, FoldNonAsciiWithIcu) {
  EXPECT_EQ(Words("ХАРКІВ Київ"), Words("харків київ"));
  EXPECT_EQ(Words("Daczić Łódź"), Words("daczic łodz"));  // accents go; Ł is a letter of its own
  EXPECT_EQ(Words("caf\u00e9"), Words("cafe\u0301"));      // composed and decomposed
  EXPECT_EQ(Words("Straße"), Words("STRASSE"));
  EXPECT_EQ(Words("ﬁre"), Words("fire"));                  // ligature
  EXPECT_EQ(Words("Ｋｙｉｖ"), Words("kyiv"));               // full width
  EXPECT_EQ(Words("sol\u00addiers"), Words("soldiers"));   // soft hyphen
  EXPECT_EQ(Words("Обʼєднаних"), Words("об'єднаних"));
  EXPECT_EQ(Words("東京都に").size(), 4u);                  // each ideograph or kana a word
  EXPECT_NE(Words("харків"), Words("kharkiv"));            // no transliteration
}

// The word rules, written out simply over a small alphabet of pieces, against
// the scanner (which has fast paths for runs of lower-case ASCII, 16 and 64
// bytes at a time): random texts must give the words of the reference,
// whatever the alignment, word length (past the 128-byte buffer too) and mix.
struct Piece {
  const char* bytes;
  char kind;           // w: word character, s: separator, a: apostrophe, n: "," or ".", i: ignorable
  const char* folded;  // for w
};
const Piece kPieces[] = {
    {"a", 'w', "a"},   {"B", 'w', "b"},         {"z", 'w', "z"},          {"Q", 'w', "q"},
    {"7", 'w', "7"},   {"0", 'w', "0"},         {"é", 'w', "e"},          {"É", 'w', "e"},
    {"д", 'w', "д"},   {"Д", 'w', "д"},         {"kyiv", 'w', "kyiv"},    {"Long", 'w', "long"},
    {" ", 's', ""},    {"\n", 's', ""},         {"!", 's', ""},           {"-", 's', ""},
    {"“", 's', ""},    {"\xff", 's', ""},       {"'", 'a', ""},           {"’", 'a', ""},
    {"ʼ", 'a', ""},    {",", 'n', ""},          {".", 'n', ""},           {"\u00ad", 'i', ""},
};

std::string ReferenceWords(const std::vector<const Piece*>& pieces) {
  std::vector<std::string> words;
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = *pieces[i];
    const Piece* next = i + 1 < pieces.size() ? pieces[i + 1] : nullptr;
    switch (p.kind) {
      case 'w':
        word += p.folded;
        break;
      case 'a':
        if (word.empty() || !next || next->kind != 'w') end_word();
        break;
      case 'n':  // joins only with an ASCII digit right before and right after it
        if (i == 0 || !std::isdigit(static_cast<unsigned char>(pieces[i - 1]->bytes[0])) || !next ||
            !std::isdigit(static_cast<unsigned char>(next->bytes[0])))
          end_word();
        break;
      case 'i':
        break;
      default:
        end_word();
    }
  }
  end_word();
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
  return joined;
}

TEST(MinHashWords, ScannerAgreesWithTheRulesOnRandomTexts) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<const Piece*> pieces;
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 200);
    const bool long_words = trial % 10 == 0;  // fewer separators: words over 16, 64, 128 bytes
    for (int i = 0; i < length; ++i) {
      size_t pick = rng() % std::size(kPieces);
      if (long_words && kPieces[pick].kind != 'w' && rng() % 8 != 0) pick = rng() % 12;
      pieces.push_back(&kPieces[pick]);
      text += kPieces[pick].bytes;
    }
    const std::string reference = ReferenceWords(pieces);
    ASSERT_EQ(ShingleHashes(text, 1), ShingleHashes(reference, 1)) << "text: " << text << "\nwords: " << reference;
    ASSERT_EQ(ShingleHashes(text, 3), ShingleHashes(reference, 3)) << "text: " << text;
  }
}

TEST(MinHashWords, EmptyWhitespaceAndInvalidUtf8) {
  EXPECT_TRUE(ShingleHashes("", 3).empty());
  EXPECT_TRUE(ShingleHashes(" \n\t\r \u00a0 — … “ ” ", 3).empty());
  EXPECT_TRUE(MinHash({}, {}).empty());
  EXPECT_TRUE(BandKeys({}, {}).empty());
  EXPECT_EQ(EstimateJaccard({}, {}), 0.0);
  // Bad bytes separate words.
  EXPECT_EQ(ShingleHashes("abc\xff\xfe" "def \xc3 ghi \xed\xa0\x80jkl", 2), ShingleHashes("abc def ghi jkl", 2));
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) & 0xFF));
  std::vector<uint64_t> shingles = ShingleHashes(junk, 3);
  EXPECT_EQ(MinHash(shingles, {}).size(), shingles.empty() ? 0u : 128u);
  // Fewer words than a shingle: one shingle of them all.
  EXPECT_EQ(ShingleHashes("two words", 3).size(), 1u);
  EXPECT_NE(ShingleHashes("two words", 3), ShingleHashes("words two", 3));
  EXPECT_TRUE(ShingleHashes("text", 0).empty());
}

TEST(MinHashParams, InvalidParametersGiveNothing) {
  std::vector<uint64_t> shingles = {1, 2, 3};
  EXPECT_TRUE(Valid({}));
  EXPECT_FALSE(Valid({3, 0, 2}));
  EXPECT_FALSE(Valid({3, 600, 1}));
  EXPECT_FALSE(Valid({3, 512, 3}));
  EXPECT_FALSE(Valid({0, 64, 2}));
  EXPECT_TRUE(MinHash(shingles, {3, 512, 3}).empty());
  EXPECT_TRUE(BandKeys(MinHash(shingles, {}), {3, 100, 2}).empty());  // signature too short
}

// --- Band keys and blobs. ----------------------------------------------------

TEST(MinHashBandKeys, CarryTheBandIndexAndChangeOnlyWhereTheSignatureDoes) {
  const MinHashParams p;
  Signature sig = MinHash(ShingleHashes(Join(kShellingLedger), 3), p);
  std::vector<uint64_t> keys = BandKeys(sig, p);
  ASSERT_EQ(keys.size(), static_cast<size_t>(p.bands));
  for (int b = 0; b < p.bands; ++b) {
    EXPECT_EQ(keys[b] >> 54, static_cast<uint64_t>(b));
    EXPECT_LT(keys[b], uint64_t{1} << 63);
  }
  Signature changed = sig;
  changed[5] ^= 1;  // band 2 with 2 rows
  std::vector<uint64_t> other = BandKeys(changed, p);
  for (int b = 0; b < p.bands; ++b) EXPECT_EQ(keys[b] == other[b], b != 2) << b;
  // Equal values in different bands still give different keys.
  Signature flat(static_cast<size_t>(p.bands) * p.rows, 42u);
  std::vector<uint64_t> flat_keys = BandKeys(flat, p);
  EXPECT_EQ(std::set<uint64_t>(flat_keys.begin(), flat_keys.end()).size(), flat_keys.size());
}

TEST(MinHashBlob, RoundTripsAndRejectsMalformedBlobs) {
  Signature sig = MinHash(ShingleHashes(Join(kShellingCourier), 3), {});
  std::string blob = EncodeSignature(sig);
  EXPECT_EQ(blob.size(), 1 + 4 * sig.size());
  Signature back;
  ASSERT_TRUE(DecodeSignature(blob, &back));
  EXPECT_EQ(back, sig);
  // Little-endian, whatever the machine.
  EXPECT_EQ(EncodeSignature({0x04030201u}), std::string("\x01\x01\x02\x03\x04", 5));

  Signature empty;
  ASSERT_TRUE(DecodeSignature(EncodeSignature(empty), &empty));
  EXPECT_TRUE(empty.empty());

  Signature out = {7};
  EXPECT_FALSE(DecodeSignature("", &out));
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(DecodeSignature(blob.substr(0, blob.size() - 1), &out));  // truncated
  EXPECT_FALSE(DecodeSignature(blob + "x", &out));                     // trailing byte
  std::string other_version = blob;
  other_version[0] = static_cast<char>(kSignatureFormat + 1);
  EXPECT_FALSE(DecodeSignature(other_version, &out));
  std::string huge(1 + 4 * (kMaxHashes + 1), '\0');
  huge[0] = static_cast<char>(kSignatureFormat);
  EXPECT_FALSE(DecodeSignature(huge, &out));
}

// --- Claim wording. ------------------------------------------------------------

TEST(MinHashClaimWords, CompareContentWordsOfShortClaims) {
  EXPECT_DOUBLE_EQ(WordJaccard("around 300 troops refused to advance near Verkhnoriv",
                               "Near Verkhnoriv, around 300 troops refused to advance"),
                   1.0);
  double close = WordJaccard("300 troops refused to advance near Verkhnoriv",
                             "some 300 soldiers refused to advance near Verkhnoriv");
  EXPECT_GT(close, 0.5);
  EXPECT_LT(close, 1.0);
  EXPECT_LT(WordJaccard("300 troops refused to advance near Verkhnoriv", "grain convoys may leave the harbour"), 0.01);
  EXPECT_TRUE(ContentWordHashes("the of and it was to").empty());
  EXPECT_EQ(WordJaccard("the of", "and it"), 0.0);
  EXPECT_EQ(WordJaccard("", ""), 0.0);
  // Numbers are content: a different count is a different word.
  EXPECT_LT(WordJaccard("300 troops surrendered", "30 troops surrendered"), 1.0);
  std::vector<uint64_t> h = ContentWordHashes("troops troops Troops surrendered");
  EXPECT_EQ(h.size(), 2u);
  EXPECT_TRUE(std::is_sorted(h.begin(), h.end()));
}

// --- Union-find. -------------------------------------------------------------

TEST(UnionFind, MergesPairsIntoClustersOverArbitraryIds) {
  UnionFind uf;
  EXPECT_EQ(uf.Find(12345), 12345);  // never seen: its own cluster
  const int64_t big = int64_t{1} << 62, neg = -77;
  uf.Union(big, neg);
  uf.Union(5, 6);
  uf.Union(6, 7);
  uf.Union(7, 5);  // already joined
  uf.Union(9, 9);
  EXPECT_EQ(uf.Find(big), uf.Find(neg));
  EXPECT_EQ(uf.Find(5), uf.Find(7));
  EXPECT_NE(uf.Find(5), uf.Find(big));
  EXPECT_EQ(uf.Find(9), 9);
  uf.Union(neg, 6);  // joins the two clusters
  EXPECT_EQ(uf.Find(big), uf.Find(5));
  std::vector<std::vector<int64_t>> clusters = uf.Clusters();
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0], (std::vector<int64_t>{neg, 5, 6, 7, big}));
}

TEST(UnionFind, RootIsTheLargerClusterOrTheSmallerIdAndLongChainsCompress) {
  UnionFind uf;
  uf.Union(20, 10);
  EXPECT_EQ(uf.Find(20), 10);  // tie: smaller id
  uf.Union(30, 31);
  uf.Union(32, 30);
  uf.Union(10, 30);  // {30,31,32} is larger
  EXPECT_EQ(uf.Find(20), 30);
  UnionFind chain;
  for (int64_t i = 0; i < 100000; ++i) chain.Union(i, i + 1);
  EXPECT_EQ(chain.Find(100000), chain.Find(0));
  EXPECT_EQ(chain.Clusters().size(), 1u);
  EXPECT_EQ(chain.Clusters()[0].size(), 100001u);
}

}  // namespace
}  // namespace claimtrace::link
