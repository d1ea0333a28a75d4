// segment: paragraphs, sentences, tokens and quotations of the clean text.
// Normalisation is by classification, not rewriting: every quote style, dash
// and apostrophe is recognised where it stands, so spans keep pointing at the
// article's own characters.
#ifndef CLAIMTRACE_SEGMENT_SEGMENT_H_
#define CLAIMTRACE_SEGMENT_SEGMENT_H_

#include <string_view>
#include <vector>

#include "claimtrace/document.h"

namespace claimtrace::segment {

// Fills doc->tokens, doc->paragraphs, doc->sentences and doc->quotes from doc->text.
void Segment(Document* doc);

// Tokens only (exposed for tests and benchmarks).
std::vector<Token> Tokenize(std::string_view text);

// True for "Mr", "Gen", "Sept", "U.S" style abbreviations that do not end a sentence.
bool IsAbbreviation(std::string_view word_without_dot);

}  // namespace claimtrace::segment

#endif  // CLAIMTRACE_SEGMENT_SEGMENT_H_
