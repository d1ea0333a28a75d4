// HTML to text with Gumbo (HTML5-conformant, tolerant of broken markup).
// For now the whole body is kept except non-content elements (scripts,
// styles, navigation, asides, footers, forms); block elements become
// paragraph breaks. Real main-content scoring is a later stage of this file.
// Metadata comes from <title>, <html lang>, and meta/link tags.
#include <gumbo.h>

#include <cstring>
#include <vector>

#include "clean/clean.h"
#include "util/utf8.h"

namespace claimtrace::clean {
namespace {

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

const char* Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

struct Walker {
  HtmlText* out;
  bool need_break = false;
  bool need_space = false;
  size_t depth = 0;

  void Break() {
    if (!out->text.empty()) need_break = true;
  }

  void Text(const GumboNode* n) {
    const GumboText& t = n->v.text;
    std::string_view s(t.text);
    uint32_t raw = static_cast<uint32_t>(t.start_pos.offset);
    // Collapse whitespace runs; every run of non-space text is one offset piece.
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      char32_t c = util::NextCodePoint(s, &j);
      if (util::IsSpace(c)) {
        need_space = true;
        i = j;
        continue;
      }
      size_t k = i;
      while (k < s.size()) {
        size_t m = k;
        char32_t d = util::NextCodePoint(s, &m);
        if (util::IsSpace(d)) break;
        k = m;
      }
      if (need_break) {
        out->text.append("\n\n");
        need_break = need_space = false;
      } else if (need_space && !out->text.empty()) {
        out->text.push_back(' ');
      }
      need_space = false;
      // Raw offsets are exact when the node has no entities; otherwise approximate.
      out->offsets.push_back({static_cast<uint32_t>(out->text.size()), raw + static_cast<uint32_t>(i),
                              static_cast<uint32_t>(k - i)});
      out->text.append(s.substr(i, k - i));
      i = k;
    }
  }

  void Meta(const GumboNode* n) {
    const char* prop = Attr(n, "property");
    if (!prop) prop = Attr(n, "name");
    if (!prop) prop = Attr(n, "itemprop");
    const char* content = Attr(n, "content");
    if (!prop || !content) return;
    std::string p = util::AsciiLower(prop);
    if (p == "og:site_name" || p == "application-name" || p == "publisher") {
      if (out->site_name.empty()) out->site_name = util::Trim(content);
    } else if (p == "article:published_time" || p == "datepublished" || p == "pubdate" || p == "date" ||
               p == "dc.date" || p == "og:published_time" || p == "sailthru.date" || p == "parsely-pub-date") {
      if (out->published.empty()) out->published = util::Trim(content);
    } else if (p == "author" || p == "article:author") {
      if (out->author.empty()) out->author = util::Trim(content);
    } else if (p == "og:title") {
      if (out->title.empty()) out->title = util::Trim(content);
    } else if (p == "og:url") {
      if (out->url.empty()) out->url = util::Trim(content);
    }
  }

  void Visit(const GumboNode* n) {
    if (++depth > 2000) {  // pathological nesting: stop descending, keep what we have
      --depth;
      return;
    }
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        Text(n);
        break;
      case GUMBO_NODE_WHITESPACE:
        need_space = true;
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_META) Meta(n);
        if (tag == GUMBO_TAG_HTML) {
          if (const char* lang = Attr(n, "lang")) out->lang = std::string(lang).substr(0, 2);
        }
        if (tag == GUMBO_TAG_LINK) {
          const char* rel = Attr(n, "rel");
          const char* href = Attr(n, "href");
          if (rel && href && util::AsciiLower(rel) == "canonical" && out->url.empty()) out->url = href;
        }
        if (tag == GUMBO_TAG_TITLE) {
          if (n->v.element.children.length > 0) {
            const GumboNode* c = static_cast<const GumboNode*>(n->v.element.children.data[0]);
            if (c->type == GUMBO_NODE_TEXT && out->title.empty()) out->title = std::string(util::Trim(c->v.text.text));
          }
          break;  // a title is metadata, not article text
        }
        if (tag == GUMBO_TAG_HEAD) {
          for (unsigned i = 0; i < n->v.element.children.length; ++i) {
            Visit(static_cast<const GumboNode*>(n->v.element.children.data[i]));
          }
          // Nothing in <head> is text; the visit above only collects metadata.
          break;
        }
        if (IsSkipped(tag)) break;
        bool block = IsBlock(tag);
        if (block) Break();
        for (unsigned i = 0; i < n->v.element.children.length; ++i) {
          Visit(static_cast<const GumboNode*>(n->v.element.children.data[i]));
        }
        if (block) Break();
        break;
      }
      case GUMBO_NODE_DOCUMENT:
        for (unsigned i = 0; i < n->v.document.children.length; ++i) {
          Visit(static_cast<const GumboNode*>(n->v.document.children.data[i]));
        }
        break;
      default:
        break;
    }
    --depth;
  }
};

}  // namespace

Status HtmlToText(std::string_view html, HtmlText* out) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!parsed) return Status::Corruption("HTML parser gave up on this input");
  Walker w{out};
  w.Visit(parsed->document);
  gumbo_destroy_output(&options, parsed);
  return Status::OK();
}

}  // namespace claimtrace::clean
