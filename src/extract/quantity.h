// Quantities: count phrases in a segmented document ("around 300 troops",
// "between 5 and 10 tanks", "thousands of civilians", "6,000 sq km", "$2.3bn").
//
// FindQuantities reads doc.tokens (and doc.sentences, when present) in one pass
// and returns the quantities in text order, never overlapping. It does not
// depend on event extraction; the claim assembler picks the quantity that
// belongs to an event. Word lists live in data/lexicons/en/{numbers,
// quantity_modifiers,counted_nouns}.txt. Stateless and thread-safe; the first
// call parses the embedded lexicons (a broken file aborts with its name and line).
//
// What is and is not a count:
//   - digits with separators ("43,000", "6 000", "1.5 million", "2.3bn", "300k"),
//     number words ("twenty-five", "two thousand", "a dozen", "half a million");
//   - not counts: ordinals ("23rd", "third"), years (a bare 1900–2100 unless it
//     counts a known noun: "2000 troops" is a count), day numbers next to a
//     month name ("March 23"), clock times ("11:42", "10am"), dates
//     ("23.03.2022", "2022-03-23"), decades ("1990s"), numbers inside a word
//     ("T-72", "Su-25", "2S19"), numbers named by the capitalised word before
//     them ("Leopard 2", "Resolution 2231") or by a label word ("article 5",
//     "aged 25", "No. 3"), "one" without a counted noun ("one of the soldiers",
//     "no one");
//   - "a soldier" is not a count of 1: only written numerals count (an article
//     is too often generic: "a soldier's life");
//   - vague quantities ("thousands", "dozens", "several", "many") have no value;
//     the weak ones ("many", "several", "scores") only before a counted noun.
#ifndef CLAIMTRACE_EXTRACT_QUANTITY_H_
#define CLAIMTRACE_EXTRACT_QUANTITY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace {

struct Quantity {
  Span span;                    // the whole phrase incl. modifier and counted noun: "around 300 troops"
  Span number_span;             // the numeral: "300", "1.5 million", "200-300", "5 and 10"
  std::string text;             // doc.text of `span`
  std::optional<double> value;  // null for vague quantities ("thousands", "several")
  std::optional<double> high;   // upper end of a range ("200-300", "between 5 and 10"); value is the low end
  // Not exact: around, about, some, nearly, over, more than, up to, at least,
  // "~", "300+", ranges with "or" ("two or three"), and every vague quantity.
  bool approx = false;
  std::string bound;            // "", "min" (over, more than, at least, 300+) or "max" (up to, fewer than)
  // people, units, equipment, settlements, area_km2, area_mi2, area_ha, km, mi,
  // percent, currency, time; "" when the counted noun is unknown or absent.
  std::string unit;
  std::string noun;             // the counted head noun, lower-case ("troops"); "" when none
  int token_begin = 0, token_end = 0;  // [token_begin, token_end) in doc.tokens
};

// With `sentences`, only the sentences whose entry is non-zero are searched.
std::vector<Quantity> FindQuantities(const Document& doc, const std::vector<char>* sentences = nullptr);

namespace extract {

// For other extractors ("two days ago"): a plain number at token i — digits
// ("24", "1,000") or number words ("two", "twenty-five", "a"/"an" as one) —
// ending before `limit`. Sets *value and *end (one past its last token).
bool PlainNumberAt(const Document& doc, size_t i, size_t limit, double* value, size_t* end);

// The unit of the counted noun starting at token i ("" when none): lets the time
// extractor leave "March 23 troops" to the quantities.
std::string_view CountedNounUnitAt(const Document& doc, size_t i);

}  // namespace extract
}  // namespace claimtrace

#endif  // CLAIMTRACE_EXTRACT_QUANTITY_H_
