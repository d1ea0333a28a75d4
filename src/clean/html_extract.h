// Main-content extraction from an HTML page, with its metadata.
//
// The page is parsed with Gumbo; DOM blocks are scored by text length, link
// density, commas, class/id hints and semantic tags (Readability-style, with
// JSON-LD articleBody and itemprop=articleBody as extra signals); the best
// container and the sibling blocks that belong with it are kept, and inside
// them navigation, share bars, comments, related-story lists, cookie and
// newsletter prompts, forms and scripts are dropped.
// A lede found only in og:description / description (a sentence of ten words
// or more, not already in the text) goes before the text as its first paragraph.
//
// Text layout: each block (p, div, li, h1-h6, blockquote, td, ...) is its own
// paragraph, separated by "\n\n"; <br> is "\n"; inline elements never split a
// word and whitespace runs collapse to one space.
//
// Offsets: every run of non-space characters in `text` is one OffsetPiece
// pointing at its bytes in the HTML. Runs from text nodes without character
// references map exactly. In nodes with references (&amp; &#8217; ...) the
// decoded text is aligned with the raw text reference by reference, so a run
// starts at the right raw byte, but its length counts decoded bytes: a run
// that holds a reference covers a raw range of a different length (it is
// approximate at its end).
//
// Thread safety: ExtractHtml is reentrant; it keeps no state between calls.
#ifndef CLAIMTRACE_CLEAN_HTML_EXTRACT_H_
#define CLAIMTRACE_CLEAN_HTML_EXTRACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace::clean {

struct HtmlExtractOptions {
  // false: keep the whole <body> less scripts, forms and navigation (no scoring).
  bool main_content = true;
  // Elements nested deeper than this are not read (their text is lost); the
  // walks are iterative, this only bounds work on pathological pages.
  size_t max_depth = 512;
};

struct HtmlExtraction {
  std::string text;
  std::vector<OffsetPiece> offsets;  // text -> html bytes, sorted by clean_begin
  // Metadata, empty when the page does not say. `published` is YYYY-MM-DD.
  std::string title, author, published, site_name, url, lang, description;
  // True when a main-content container was chosen; false when the page had no
  // block that scored as an article and the whole body was kept.
  bool main_content_found = false;
};

// Extracts the main content and metadata of `html` (UTF-8).
// Errors: kCorruption when Gumbo returns no tree.
// An empty `text` is not an error here (the clean stage reports it).
Status ExtractHtml(std::string_view html, const HtmlExtractOptions& options, HtmlExtraction* out);

// Normalises a date string from metadata ("2024-03-05T10:00:00Z",
// "2024-03-05", "20240305") to YYYY-MM-DD; false when it is not one.
bool NormaliseMetaDate(std::string_view s, std::string* out);

}  // namespace claimtrace::clean

#endif  // CLAIMTRACE_CLEAN_HTML_EXTRACT_H_
