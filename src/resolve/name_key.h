// Name keys: one spelling-independent key per place name, so that the forms a
// news text uses ("Kharkiv", "Harkiv", "Харків"; "Okhtyrskyi", "Okhtirsky")
// meet the forms GeoNames lists. Used at build time by tools/gazetteer_compiler.cc
// and at run time by the gazetteer, so both sides fold the same way.
#ifndef CLAIMTRACE_RESOLVE_NAME_KEY_H_
#define CLAIMTRACE_RESOLVE_NAME_KEY_H_

#include <string>
#include <string_view>
#include <vector>

namespace claimtrace::resolve {

// Ukrainian Cyrillic -> Latin by the official 2010 table (data/gazetteer/
// uk_latin_2010.txt, ICU rules; Russian-only letters added), then any other
// non-ASCII Latin to ASCII ("Charków" -> "Charkow"). ASCII input comes back unchanged.
std::string ToLatin(std::string_view utf8);

// The folded key of a name: Latin (see ToLatin), lower case, apostrophes and
// soft signs dropped, hyphens/dots/spaces -> one space, then the common
// transliteration variants folded: kh/g -> h, zh -> z, w -> v, j/y -> i, and
// doubled letters collapsed (so "-iy", "-yi", "-ii", "-y" endings meet, and
// "Zaporizhzhia" meets "Zaporizhia"). Empty when the name has no letters.
std::string NameKey(std::string_view name);
// Same, into *out (reuses its buffer; the hot path of the place finder).
void NameKeyInto(std::string_view name, std::string* out);

// Stems that an adjectival district name shares with its town, both taken
// from keys: "okhtyrskyi" -> {"ohtir"}, town "ohtirka" -> {"ohtirka", "ohtir"}.
// Rules: an adjective drops -ski/-ska/-ske/-skoie/-skaia (and -zki, -tski's
// "ski"); a town drops -sk, -ka, -ia, or one final vowel.
std::vector<std::string> AdjectiveStems(std::string_view adjective_key);
std::vector<std::string> TownStems(std::string_view town_key);

// Levenshtein distance between two keys, or max_distance + 1 when it is larger.
int BoundedEditDistance(std::string_view a, std::string_view b, int max_distance);

}  // namespace claimtrace::resolve

#endif  // CLAIMTRACE_RESOLVE_NAME_KEY_H_
