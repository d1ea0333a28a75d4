// clean: from the decoded input to the article's clean text.
//
// HTML is reduced to its main content (html_extract.h: blocks become
// paragraphs; navigation, comments, related lists dropped); then site
// chrome is dropped line by line (consent, notification and newsletter
// prompts, lists of other stories, credits, share prompts, shortcodes, tags,
// repeated headlines) and bylines and datelines become metadata. Kept lines
// are copied byte for byte, so every span of the clean text is the article's
// own wording; Document::offsets maps it back to the raw input.
#ifndef CLAIMTRACE_CLEAN_CLEAN_H_
#define CLAIMTRACE_CLEAN_CLEAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/document.h"
#include "claimtrace/status.h"

namespace claimtrace::clean {

// Fills doc->text, doc->offsets, doc->dropped and metadata (title, author,
// outlet, published) that the text reveals and that is not set yet.
Status Clean(Document* doc, bool drop_chrome);

// Line categories of data/lexicons/en/chrome.txt.
enum class ChromeKind { kNone, kDrop, kList, kByline, kCredit };
// Classifies one trimmed line. Thread-safe.
ChromeKind ClassifyLine(std::string_view line);

}  // namespace claimtrace::clean

#endif  // CLAIMTRACE_CLEAN_CLEAN_H_
