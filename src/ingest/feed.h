// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds parsed with libxml2: the article
// links of a feed, with the title and date each item gives.
#ifndef CLAIMTRACE_INGEST_FEED_H_
#define CLAIMTRACE_INGEST_FEED_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimtrace/status.h"

namespace claimtrace::ingest {

struct FeedItem {
  std::string link;       // absolute (relative links resolved against the feed's URL)
  std::string title;      // "" if none
  std::string published;  // YYYY-MM-DD from pubDate / published / updated / dc:date; "" if none or unparsable
};

struct Feed {
  std::string title;
  std::vector<FeedItem> items;  // in feed order, duplicate links removed
};

// Parses `xml` (fetched from, or read at, `base`). The parser never loads
// external entities or DTDs and does not expand entities. Errors
// (kCorruption): not well-formed XML (the message gives libxml2's line and
// reason), or a root element that is neither <rss>, <rdf:RDF> nor <feed>;
// kUnsupported: the feed declares entities (<!ENTITY>).
Status ParseFeed(std::string_view xml, const std::string& base, Feed* out);

// "Tue, 10 Jun 2003 04:00:00 GMT" (RFC 822, as RSS uses) or ISO 8601 to
// YYYY-MM-DD; false when it is neither.
bool ParseFeedDate(std::string_view s, std::string* out);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_FEED_H_
