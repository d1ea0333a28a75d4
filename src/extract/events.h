// Event triggers and the word classes claims are built from.
//
// Triggers (data/lexicons/en/events.txt) are compiled into one Hyperscan
// database at first use: inflected, multi-word and discontinuous forms
// ("lay down their arms", "pushed … out") are each one pattern. Actor words
// (actors.txt) and polarity/modality/hedge words (claim_words.txt) are
// token-sequence lexicons. All of it is built once and is thread-safe.
#ifndef CLAIMTRACE_EXTRACT_EVENTS_H_
#define CLAIMTRACE_EXTRACT_EVENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace::extract {

enum class EventType : uint8_t {
  kSurrender,
  kRefusalToFight,
  kDesertion,
  kDefection,
  kRetreat,
  kTerritorialChange,
  kCasualties,
  kPrisoners,
  kMobilization,
  kAttack,
};
inline constexpr int kEventTypeCount = 10;
const char* EventTypeName(EventType t);
// -1 when `name` is not one of the ten type names.
int EventTypeFromName(std::string_view name);

struct Trigger {
  EventType type = EventType::kAttack;
  Span span;                  // the matched words
  uint32_t token_begin = 0;   // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
  uint32_t sentence = 0;
  bool weak = false;           // needs a force, nationality or count in its clause
  bool patient = false;        // a passive subject is the losing side
  bool people_object = false;  // "captured": prisoners when people are captured
  bool verb_only = false;      // also a common noun or adjective
  int rule_line = 0;           // line in events.txt, for explanations
};

// Triggers of a segmented document in text order. Overlapping matches keep the
// longest one (so "abandoned the area" beats "abandoned"); no match crosses a
// sentence boundary.
std::vector<Trigger> FindTriggers(const Document& doc);

// Tags of the token lexicons.
enum WordTag : uint32_t {
  kTagHedge = 1u << 0,
  kTagHedgeNext = 1u << 1,
  kTagNegation = 1u << 2,
  kTagModal = 1u << 3,
  kTagConditional = 1u << 4,
  kTagDirective = 1u << 5,
  kTagBackref = 1u << 6,
  kTagBackrefAdj = 1u << 7,
  kTagGeneric = 1u << 8,
  // actors.txt
  kTagActorAdj = 1u << 9,
  kTagForce = 1u << 10,
  kTagEnemy = 1u << 11,
  kTagState = 1u << 12,
  kTagSide = 1u << 13,  // `side` is set
  kTagFocus = 1u << 14,
  kTagCivilian = 1u << 15,  // civilians: people, not forces
  kTagWeapon = 1u << 16,    // weapons: actors of attacks only  // "not only": blocks a negation reading
};

struct WordHit {
  uint32_t token_begin = 0, token_end = 0;
  uint32_t tags = 0;
  std::string side;  // for actor words: "RU", "UA", …
};

// Lower-cased token texts with typographic apostrophes folded to ', one per token.
// With `sentences`, only the tokens of sentences whose entry is non-zero get
// their key; the others stay empty.
std::vector<std::string> TokenKeys(const Document& doc, const std::vector<char>* sentences = nullptr);

// Longest lexicon matches over tokens [begin, end), left to right, not
// overlapping. `keys` is TokenKeys(doc).
std::vector<WordHit> FindClaimWords(const Document& doc, const std::vector<std::string>& keys, uint32_t begin,
                                    uint32_t end);
std::vector<WordHit> FindActorWords(const Document& doc, const std::vector<std::string>& keys, uint32_t begin,
                                    uint32_t end);

}  // namespace claimtrace::extract

#endif  // CLAIMTRACE_EXTRACT_EVENTS_H_
