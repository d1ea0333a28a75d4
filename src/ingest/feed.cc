// A DOM walk by local element names, so namespace prefixes (atom:, dc:, rdf:)
// do not matter. libxml2 runs with XML_PARSE_NONET and without NOENT/DTDLOAD,
// and entity declarations are refused, so a hostile feed cannot make it fetch
// or expand anything.
#include "ingest/feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <set>

#include "ingest/fetch.h"
#include "ingest/record.h"
#include "util/dates.h"
#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string Text(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return std::string(util::Trim(s));
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* c = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return std::string(util::Trim(s));
}

const xmlNode* Child(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) return c;
  }
  return nullptr;
}

FeedItem ReadItem(const xmlNode* item, bool atom, const std::string& base) {
  FeedItem it;
  std::string date, guid;
  for (const xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view n = Name(c);
    if (n == "title") {
      it.title = Text(c);
    } else if (n == "link") {
      if (atom) {
        std::string rel = Attr(c, "rel");
        if ((rel.empty() || rel == "alternate") && it.link.empty()) it.link = Attr(c, "href");
      } else if (it.link.empty()) {
        it.link = Text(c);
      }
    } else if (n == "guid" && Attr(c, "isPermaLink") != "false") {
      guid = Text(c);
    } else if ((n == "pubDate" || n == "published" || n == "date") && date.empty()) {
      date = Text(c);
    } else if (n == "updated" && date.empty()) {
      date = Text(c);
    }
  }
  // An RSS 2.0 permalink <guid> stands in for a missing <link>.
  if (it.link.empty() && IsHttpUrl(guid)) it.link = guid;
  if (!it.link.empty() && !base.empty()) it.link = ResolveUrl(base, it.link);
  if (!date.empty()) ParseFeedDate(date, &it.published);
  return it;
}

}  // namespace

bool ParseFeedDate(std::string_view s, std::string* out) {
  s = util::Trim(s);
  if (ParseIsoDate(s, out)) return true;
  // RFC 822: [Day,] DD Mon YYYY HH:MM[:SS] zone
  if (size_t comma = s.find(','); comma != std::string_view::npos && comma < 12) s = util::Trim(s.substr(comma + 1));
  std::vector<std::string_view> parts;
  for (size_t pos = 0; pos < s.size() && parts.size() < 3;) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > pos) parts.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  if (parts.size() < 3) return false;
  auto number = [](std::string_view p, int* v) {
    if (p.empty() || p.size() > 4) return false;
    *v = 0;
    for (char c : p) {
      if (c < '0' || c > '9') return false;
      *v = *v * 10 + (c - '0');
    }
    return true;
  };
  util::Ymd d;
  if (!number(parts[0], &d.day) || !number(parts[2], &d.year)) return false;
  if (parts[2].size() == 2) d.year += d.year < 70 ? 2000 : 1900;
  d.month = util::MonthFromName(parts[1]);
  if (!d.valid()) return false;
  *out = d.Iso();
  return true;
}

Status ParseFeed(std::string_view xml, const std::string& base, Feed* out) {
  *out = Feed();
  // Feeds have no use for entity declarations, and refusing them outright
  // rules out entity expansion attacks (billion laughs, external entities).
  if (xml.find("<!ENTITY") != std::string_view::npos) {
    return Status::Unsupported("feed declares XML entities (<!ENTITY>); refused");
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) return Status::Internal("libxml2: cannot create a parser");
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(std::min<size_t>(xml.size(), INT32_MAX)),
                                    base.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    std::string what = "feed is not well-formed XML";
    if (e && e->message) {
      std::string msg(util::Trim(e->message));
      what += " (line " + std::to_string(e->line) + ": " + msg + ")";
    }
    xmlFreeParserCtxt(ctxt);
    return Status::Corruption(what);
  }
  Status result;
  const xmlNode* root = xmlDocGetRootElement(doc);
  std::string_view root_name = root ? Name(root) : "";
  std::vector<const xmlNode*> items;
  bool atom = root_name == "feed";
  if (root_name == "rss") {
    const xmlNode* channel = Child(root, "channel");
    if (channel) {
      if (const xmlNode* t = Child(channel, "title")) out->title = Text(t);
      for (const xmlNode* c = channel->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && Name(c) == "item") items.push_back(c);
      }
    }
  } else if (root_name == "RDF") {  // RSS 1.0: items are siblings of the channel
    if (const xmlNode* channel = Child(root, "channel")) {
      if (const xmlNode* t = Child(channel, "title")) out->title = Text(t);
    }
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Name(c) == "item") items.push_back(c);
    }
  } else if (atom) {
    if (const xmlNode* t = Child(root, "title")) out->title = Text(t);
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Name(c) == "entry") items.push_back(c);
    }
  } else {
    result = Status::Corruption("not an RSS or Atom feed (root element <" + std::string(root_name).substr(0, 40) + ">)");
  }
  std::set<std::string> seen;
  for (const xmlNode* n : items) {
    FeedItem it = ReadItem(n, atom, base);
    if (it.link.empty() || !seen.insert(it.link).second) continue;
    out->items.push_back(std::move(it));
  }
  xmlFreeDoc(doc);
  xmlFreeParserCtxt(ctxt);
  return result;
}

}  // namespace claimtrace::ingest
