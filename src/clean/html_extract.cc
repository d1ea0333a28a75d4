// Main content in three passes over a flat copy of the Gumbo tree (pre-order,
// each subtree a contiguous index range, so no walk recurses): gather text
// counts and hints per element, score blocks Readability-style and pick the
// container (with its sibling blocks), then emit text with per-block cleaning.
// Blocks around the container (two levels up) add only their prose paragraphs
// (jusText's "good" blocks), and prompts and link rows after the last
// paragraph are trimmed. A first attempt strips "unlikely" class/id subtrees;
// when that leaves too little text a second attempt keeps them and the longer
// result wins. Before parsing, scripts, styles, comments and SVG are cut and
// pathological nesting is flattened (see Prestrip).
#include "clean/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "util/dates.h"
#include "util/utf8.h"

namespace claimtrace::clean {
namespace {

// ---------------------------------------------------------------- tags

enum : uint8_t { kInline = 0, kBlock = 1, kSkip = 2 };

uint8_t TagKind(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MATH: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MENU: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL: case GUMBO_TAG_FIGCAPTION:
      return kSkip;
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_TFOOT:
      return kBlock;
    default:
      return kInline;
  }
}

bool IsHeading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

// Bytes of own text a paragraph needs to count as prose outside the chosen blocks.
constexpr uint32_t kGoodParagraph = 80;
// Bytes of text below which an attempt found too little (and the next one runs).
constexpr size_t kTooLittle = 500;
// Levels above the chosen block's parent whose other children add their prose paragraphs.
constexpr int kLooseLevels = 2;
// Bytes a description needs to be taken as a lede (see PrependLede).
constexpr size_t kLedeBytes = 80;

// ---------------------------------------------------------------- class/id hints

bool HasAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Whole tokens that name advertising ("ad", "ads", German "werbung", "anzeige").
bool HasAdToken(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !(std::isalnum(static_cast<unsigned char>(s[i])))) ++i;
    size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    std::string_view tok = s.substr(i, j - i);
    if (tok == "ad" || tok == "ads" || tok == "advert" || tok == "advertisement" || tok == "adsbygoogle" ||
        tok == "werbung" || tok == "anzeige" || tok == "dfp" || tok == "gpt") {
      return true;
    }
    i = j;
  }
  return false;
}

// Subtrees almost never part of an article (Readability's "unlikely candidates",
// with cookie, newsletter and share prompts and a few German forms added).
bool Unlikely(std::string_view s) {
  if (s.empty()) return false;
  bool unlikely = HasAdToken(s) ||
                  HasAny(s, {"banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
                             "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
                             "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "pagination",
                             "pager", "popup", "cookie", "consent", "newsletter", "share", "sharing", "subscribe",
                             "outbrain", "taboola", "navbar", "navigation", "modal", "signup", "login", "teaser",
                             "recommend", "kommentar", "teilen", "werbung", "mehr-zum-thema", "read-more",
                             "readmore", "more-stories", "most-popular", "trending", "widget", "toolbar", "skip"});
  if (!unlikely) return false;
  return !HasAny(s, {"article", "body", "column", "content", "main", "shadow", "story", "artikel", "inhalt"});
}

// Readability's class weight for one attribute: -25, 0 or +25.
int HintWeight(std::string_view s) {
  if (s.empty()) return 0;
  int w = 0;
  if (HasAdToken(s) ||
      HasAny(s, {"hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead", "media",
                 "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
                 "sponsor", "shopping", "tags", "tool", "widget", "byline", "author", "caption", "teaser", "cookie",
                 "newsletter", "social", "header", "kommentar", "breadcrumb", "navigation", "navbar"})) {
    w -= 25;
  }
  if (HasAny(s, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog",
                 "story", "artikel", "inhalt", "beitrag"})) {
    w += 25;
  }
  return w;
}

// ---------------------------------------------------------------- flat tree

struct Node {
  const GumboNode* g = nullptr;
  int32_t parent = -1;
  uint32_t end = 0;        // one past the last node of this subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool text_node = false;
  uint8_t kind = kInline;  // of an element
  bool unlikely = false;   // class/id names a non-article block
  bool semantic_body = false;  // itemprop=articleBody and the like
  int16_t weight = 0;      // class + id weight
  uint32_t text_bytes = 0;  // a text node's non-space bytes
  uint32_t text_commas = 0;
};

// Per-attempt aggregates.
struct Agg {
  uint32_t text = 0, link = 0;   // non-space bytes in the subtree and in links
  uint32_t own = 0, own_link = 0;  // bytes owned by this block (its inline content)
  uint32_t commas = 0;           // in the subtree
  uint32_t own_commas = 0;
  uint16_t p = 0, li = 0, img = 0, input = 0, headings = 0;
  float score = 0;
  bool scored = false;
  bool dead = false;             // skipped (itself or an ancestor)
};

const char* Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

const GumboVector* ChildrenOf(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool Hidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  if (const char* a = Attr(n, "aria-hidden"); a && std::strcmp(a, "true") == 0) return true;
  if (const char* st = Attr(n, "style")) {
    std::string s;
    for (const char* p = st; *p && s.size() < 400; ++p) {
      if (!IsAsciiSpace(*p)) s.push_back(util::AsciiLowerChar(*p));
    }
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) return true;
  }
  return false;
}

bool SkippedRole(const GumboNode* n) {
  const char* r = Attr(n, "role");
  if (!r) return false;
  std::string role = util::AsciiLower(r);
  return role == "navigation" || role == "menu" || role == "menubar" || role == "complementary" ||
         role == "contentinfo" || role == "dialog" || role == "alertdialog" || role == "alert" || role == "search" ||
         role == "banner";
}

// ---------------------------------------------------------------- metadata

struct Meta {
  std::string title_tag, og_title, h1;
  uint32_t ld_body_offset = 0;  // where the script holding ld_body starts (in the parsed copy)
  std::string ld_headline, ld_author, ld_published, ld_publisher, ld_body, ld_lang, ld_url;
  std::string meta_author, meta_published, site_name, app_name, canonical, og_url, html_lang, og_locale,
      content_language, description, og_description;
  // Where the description contents start (in the parsed copy), for offsets.
  uint32_t description_offset = 0, og_description_offset = 0;
};

std::string Collapse(std::string_view s, size_t max = 400) {
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < s.size() && out.size() < max) {
    size_t j = i;
    char32_t c = util::NextCodePoint(s, &j);
    if (util::IsSpace(c) || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.append(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

std::string JsonString(const nlohmann::json& v) {
  if (v.is_string()) return Collapse(v.get<std::string>());
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return Collapse(it->get<std::string>());
  }
  if (v.is_array()) {
    std::string all;
    for (const auto& e : v) {
      std::string one = JsonString(e);
      if (one.empty()) continue;
      if (!all.empty()) all += ", ";
      all += one;
      if (all.size() > 200) break;
    }
    return all;
  }
  return "";
}

bool TypeIs(const nlohmann::json& obj, std::initializer_list<std::string_view> types) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto match = [&](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    for (std::string_view ty : types) {
      if (s == ty) return true;
    }
    return false;
  };
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (match(t)) return true;
    }
    return false;
  }
  return match(*it);
}

void ReadLdObject(const nlohmann::json& o, uint32_t offset, Meta* m) {
  if (!o.is_object()) return;
  if (TypeIs(o, {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report", "TechArticle",
                 "ScholarlyArticle", "SocialMediaPosting", "WebPage", "ItemPage"})) {
    bool page = TypeIs(o, {"WebPage", "ItemPage"});
    auto take = [&](const char* key, std::string* dst) {
      auto it = o.find(key);
      if (it != o.end() && dst->empty()) *dst = JsonString(*it);
    };
    if (!page || m->ld_headline.empty()) take("headline", &m->ld_headline);
    take("author", &m->ld_author);
    take("datePublished", &m->ld_published);
    take("inLanguage", &m->ld_lang);
    if (auto it = o.find("publisher"); it != o.end() && m->ld_publisher.empty()) m->ld_publisher = JsonString(*it);
    if (!page) {
      if (auto it = o.find("articleBody"); it != o.end() && it->is_string() && m->ld_body.empty()) {
        m->ld_body = it->get<std::string>();
        m->ld_body_offset = offset;
      }
      take("url", &m->ld_url);
    }
  }
}

void ReadJsonLd(const GumboNode* text, Meta* m) {
  std::string_view script = text->v.text.text;
  uint32_t offset = static_cast<uint32_t>(text->v.text.start_pos.offset);
  if (script.size() > (4u << 20)) return;
  nlohmann::json j = nlohmann::json::parse(script.begin(), script.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return;
  try {
    auto visit = [&](const nlohmann::json& v) {
      if (v.is_object()) {
        ReadLdObject(v, offset, m);
        if (auto g = v.find("@graph"); g != v.end() && g->is_array()) {
          for (const auto& e : *g) ReadLdObject(e, offset, m);
        }
      }
    };
    if (j.is_array()) {
      for (const auto& e : j) visit(e);
    } else {
      visit(j);
    }
  } catch (const nlohmann::json::exception&) {
    // A malformed field: keep what was read.
  }
}

void ReadMetaTag(const GumboNode* n, Meta* m) {
  const char* content = Attr(n, "content");
  if (const char* cs = Attr(n, "http-equiv")) {
    if (content && util::AsciiLower(cs) == "content-language" && m->content_language.empty()) {
      m->content_language = content;
    }
    return;
  }
  const char* prop = Attr(n, "property");
  if (!prop) prop = Attr(n, "name");
  if (!prop) prop = Attr(n, "itemprop");
  if (!prop || !content) return;
  std::string p = util::AsciiLower(prop);
  std::string v = Collapse(content);
  if (v.empty()) return;
  auto set = [&](std::string* dst) {
    if (dst->empty()) *dst = v;
  };
  if (p == "og:site_name") {
    set(&m->site_name);
  } else if (p == "application-name") {
    set(&m->app_name);
  } else if (p == "article:published_time" || p == "datepublished" || p == "pubdate" || p == "publishdate" ||
             p == "date" || p == "dc.date" || p == "dc.date.issued" || p == "dcterms.date" ||
             p == "og:published_time" || p == "sailthru.date" || p == "parsely-pub-date" || p == "publish-date" ||
             p == "article.published") {
    set(&m->meta_published);
  } else if (p == "author" || p == "article:author" || p == "dc.creator" || p == "parsely-author" ||
             p == "sailthru.author" || p == "byl") {
    if (v.rfind("http", 0) == 0) return;  // article:author is often a profile URL
    if (p == "byl" && v.size() > 3 && util::AsciiLower(v.substr(0, 3)) == "by ") v = v.substr(3);
    set(&m->meta_author);
  } else if (p == "og:title" || p == "twitter:title") {
    set(&m->og_title);
  } else if (p == "og:url") {
    set(&m->og_url);
  } else if (p == "og:locale") {
    set(&m->og_locale);
  } else if (p == "description" || p == "og:description") {
    std::string* dst = p == "description" ? &m->description : &m->og_description;
    if (!dst->empty()) return;
    *dst = v;
    // The value's first byte, past its quote (value_start is at the quote).
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, "content");
    uint32_t at = static_cast<uint32_t>(a->value_start.offset);
    if (a->original_value.length > 0 && (a->original_value.data[0] == '"' || a->original_value.data[0] == '\'')) ++at;
    (p == "description" ? m->description_offset : m->og_description_offset) = at;
  }
}

std::string LangTag(std::string_view s) {
  s = util::Trim(s);
  size_t cut = s.find_first_of("-_,; ");
  std::string tag = util::AsciiLower(s.substr(0, cut));
  if (tag.size() < 2 || tag.size() > 3) return "";
  for (char c : tag) {
    if (c < 'a' || c > 'z') return "";
  }
  return tag;
}

// ---------------------------------------------------------------- extractor

std::string FragmentText(std::string_view html);

class Extractor {
 public:
  Extractor(std::string_view html, const HtmlExtractOptions& options, HtmlExtraction* out)
      : html_(html), options_(options), out_(out) {}

  void Flatten(const GumboNode* root);
  void Run();

 private:
  void Aggregate(bool strip_unlikely);
  int32_t ChooseRoot(std::vector<int32_t>* roots);
  bool DropBlock(int32_t i, int32_t root) const;
  bool TextBlock(int32_t i) const;
  bool GoodParagraph(int32_t block) const;
  // Where each block's text starts in the output, for TrimTail.
  struct Segment {
    int32_t block;
    size_t text_begin, offsets_begin;
  };
  void Emit(const std::vector<int32_t>& roots, bool whole, std::string* text, std::vector<OffsetPiece>* offsets,
            std::vector<Segment>* segments = nullptr);
  void TrimTail(const std::vector<Segment>& segments, std::string* text, std::vector<OffsetPiece>* offsets) const;
  int32_t LdBodyElement() const;
  void PrependLede(std::string* text, std::vector<OffsetPiece>* offsets) const;
  void FillMeta();

  std::string_view html_;
  const HtmlExtractOptions& options_;
  HtmlExtraction* out_;
  std::vector<Node> nodes_;
  std::vector<Agg> agg_;
  std::vector<int32_t> text_owner_;  // per node: nearest block ancestor (elements: itself if a block)
  std::vector<bool> in_link_;
  Meta meta_;
  int32_t body_ = -1;
  int32_t semantic_ = -1;  // first itemprop=articleBody element
  int32_t h1_ = -1;        // first <h1>
  std::vector<int32_t> loose_;  // roots added around the chosen block: only good paragraphs count
};

void Extractor::Flatten(const GumboNode* root) {
  struct Item {
    const GumboNode* g;
    int32_t parent;
    uint32_t depth;
  };
  std::vector<Item> stack;
  stack.push_back({root, -1, 0});
  nodes_.reserve(4096);
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* g = it.g;
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA || g->type == GUMBO_NODE_WHITESPACE) {
      Node n;
      n.g = g;
      n.parent = it.parent;
      n.text_node = true;
      if (g->type != GUMBO_NODE_WHITESPACE) {
        for (const char* p = g->v.text.text; *p; ++p) {
          if (!IsAsciiSpace(*p)) ++n.text_bytes;
          if (*p == ',') ++n.text_commas;
        }
      }
      nodes_.push_back(n);
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE && g->type != GUMBO_NODE_DOCUMENT) continue;
    if (it.depth > options_.max_depth) {
      continue;  // too deep: not read
    }
    Node n;
    n.g = g;
    n.parent = it.parent;
    int32_t self = static_cast<int32_t>(nodes_.size());
    if (g->type == GUMBO_NODE_DOCUMENT) {
      n.kind = kBlock;
    } else {
      GumboTag tag = g->v.element.tag;
      n.tag = tag;
      n.kind = TagKind(tag);
      // Metadata lives in <head> (and sometimes stray in <body>).
      if (tag == GUMBO_TAG_META) ReadMetaTag(g, &meta_);
      if (tag == GUMBO_TAG_HTML) {
        if (const char* l = Attr(g, "lang")) meta_.html_lang = l;
        else if (const char* xl = Attr(g, "xml:lang")) meta_.html_lang = xl;
      }
      if (tag == GUMBO_TAG_BODY && body_ < 0) body_ = self;
      if (tag == GUMBO_TAG_LINK) {
        const char* rel = Attr(g, "rel");
        const char* href = Attr(g, "href");
        if (rel && href && util::AsciiLower(rel) == "canonical" && meta_.canonical.empty()) meta_.canonical = href;
      }
      if (tag == GUMBO_TAG_TITLE || tag == GUMBO_TAG_SCRIPT) {
        const GumboVector& ch = g->v.element.children;
        if (ch.length > 0) {
          const GumboNode* c = static_cast<const GumboNode*>(ch.data[0]);
          if (c->type == GUMBO_NODE_TEXT) {
            if (tag == GUMBO_TAG_TITLE && meta_.title_tag.empty()) meta_.title_tag = Collapse(c->v.text.text);
            const char* type = tag == GUMBO_TAG_SCRIPT ? Attr(g, "type") : nullptr;
            if (type && util::AsciiLower(type).find("ld+json") != std::string::npos) ReadJsonLd(c, &meta_);
          }
        }
      }
      if (n.kind != kSkip && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY) {
        if (Hidden(g) || SkippedRole(g)) n.kind = kSkip;
        const char* cls = Attr(g, "class");
        const char* id = Attr(g, "id");
        std::string lc = cls ? util::AsciiLower(cls) : std::string();
        std::string li = id ? util::AsciiLower(id) : std::string();
        n.weight = static_cast<int16_t>(HintWeight(lc) + HintWeight(li));
        if (tag != GUMBO_TAG_ARTICLE && tag != GUMBO_TAG_MAIN && tag != GUMBO_TAG_A) {
          n.unlikely = Unlikely(lc + " " + li);
        }
        const char* ip = Attr(g, "itemprop");
        if (ip && (std::strstr(ip, "articleBody") || std::strstr(ip, "reviewBody") || std::strstr(ip, "text"))) {
          n.semantic_body = true;
          n.unlikely = false;
          if (semantic_ < 0 && std::strstr(ip, "articleBody")) semantic_ = self;
        }
      }
    }
    nodes_.push_back(n);
    if (n.kind == kSkip) continue;  // nothing under a skipped element is read (metadata is in <head>, read below)
    const GumboVector* ch = ChildrenOf(g);
    for (unsigned k = ch->length; k-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(ch->data[k]), self, it.depth + 1});
    }
  }
  // <head> is skipped as text but holds the metadata: read its meta, link, title and scripts.
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].text_node || nodes_[i].tag != GUMBO_TAG_HEAD) continue;
    const GumboVector& ch = nodes_[i].g->v.element.children;
    for (unsigned k = 0; k < ch.length; ++k) {
      const GumboNode* c = static_cast<const GumboNode*>(ch.data[k]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      GumboTag t = c->v.element.tag;
      if (t == GUMBO_TAG_META) ReadMetaTag(c, &meta_);
      if (t == GUMBO_TAG_LINK) {
        const char* rel = Attr(c, "rel");
        const char* href = Attr(c, "href");
        if (rel && href && util::AsciiLower(rel) == "canonical" && meta_.canonical.empty()) meta_.canonical = href;
      }
      if ((t == GUMBO_TAG_TITLE || t == GUMBO_TAG_SCRIPT) && c->v.element.children.length > 0) {
        const GumboNode* tx = static_cast<const GumboNode*>(c->v.element.children.data[0]);
        if (tx->type != GUMBO_NODE_TEXT) continue;
        if (t == GUMBO_TAG_TITLE && meta_.title_tag.empty()) meta_.title_tag = Collapse(tx->v.text.text);
        const char* type = t == GUMBO_TAG_SCRIPT ? Attr(c, "type") : nullptr;
        if (type && util::AsciiLower(type).find("ld+json") != std::string::npos) ReadJsonLd(tx, &meta_);
      }
    }
  }
  size_t n = nodes_.size();
  for (size_t i = 0; i < n; ++i) nodes_[i].end = static_cast<uint32_t>(i + 1);
  for (size_t i = n; i-- > 1;) {
    int32_t p = nodes_[i].parent;
    if (p >= 0) nodes_[p].end = std::max(nodes_[p].end, nodes_[i].end);
  }
  text_owner_.assign(n, -1);
  in_link_.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    const Node& nd = nodes_[i];
    int32_t p = nd.parent;
    bool block = !nd.text_node && nd.kind == kBlock;
    text_owner_[i] = block ? static_cast<int32_t>(i) : (p >= 0 ? text_owner_[p] : -1);
    in_link_[i] = (p >= 0 && in_link_[p]) || (!nd.text_node && nd.tag == GUMBO_TAG_A);
  }
}

void Extractor::Aggregate(bool strip_unlikely) {
  size_t n = nodes_.size();
  agg_.assign(n, Agg());
  for (size_t i = 0; i < n; ++i) {
    const Node& nd = nodes_[i];
    bool dead = nd.parent >= 0 && agg_[nd.parent].dead;
    if (!nd.text_node && (nd.kind == kSkip || (strip_unlikely && nd.unlikely))) dead = true;
    agg_[i].dead = dead;
  }
  for (size_t i = n; i-- > 0;) {
    const Node& nd = nodes_[i];
    Agg& a = agg_[i];
    if (a.dead) continue;
    if (nd.text_node) {
      a.text = nd.text_bytes;
      a.commas = nd.text_commas;
      if (in_link_[i]) a.link = nd.text_bytes;
      int32_t owner = text_owner_[i];
      if (owner >= 0) {
        agg_[owner].own += nd.text_bytes;
        agg_[owner].own_commas += nd.text_commas;
        if (in_link_[i]) agg_[owner].own_link += nd.text_bytes;
      }
    } else {
      switch (nd.tag) {
        case GUMBO_TAG_P: a.p++; break;
        case GUMBO_TAG_LI: a.li++; break;
        case GUMBO_TAG_IMG: a.img++; break;
        case GUMBO_TAG_INPUT: a.input++; break;
        default: if (IsHeading(nd.tag)) a.headings++;
      }
    }
    if (nd.parent >= 0) {
      Agg& pa = agg_[nd.parent];
      pa.text += a.text;
      pa.link += a.link;
      pa.commas += a.commas;
      pa.p = static_cast<uint16_t>(std::min(60000, pa.p + a.p));
      pa.li = static_cast<uint16_t>(std::min(60000, pa.li + a.li));
      pa.img = static_cast<uint16_t>(std::min(60000, pa.img + a.img));
      pa.input = static_cast<uint16_t>(std::min(60000, pa.input + a.input));
      pa.headings = static_cast<uint16_t>(std::min(60000, pa.headings + a.headings));
    }
  }
}

float LinkDensity(const Agg& a) { return a.text ? static_cast<float>(a.link) / static_cast<float>(a.text) : 0.f; }

// The tag's prior; the class/id weight is added after scoring (see ChooseRoot).
float InitialScore(const Node& n) {
  float s = 0;
  switch (n.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: s += 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s += 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s -= 3; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TH: s -= 5; break;
    default: break;
  }
  return s;
}

// The lowest element holding the start of several sentences of the JSON-LD
// articleBody: the DOM's copy of the body, when the page has one.
int32_t Extractor::LdBodyElement() const {
  std::string_view body = meta_.ld_body;
  if (body.size() < 200) return -1;
  // Probes: 24-byte pieces starting after sentence ends, spread through the body.
  std::vector<std::string> probes;
  size_t step = body.size() / 6 + 1;
  for (size_t at = 0; at < body.size() && probes.size() < 6; at += step) {
    size_t s = at == 0 ? 0 : body.find(". ", at);
    if (s == std::string_view::npos) break;
    if (at != 0) s += 2;
    std::string probe = Collapse(body.substr(s, 80), 24);
    if (probe.size() >= 16) probes.push_back(probe);
  }
  if (probes.size() < 2) return -1;
  std::vector<int32_t> hits;
  std::vector<bool> found(probes.size(), false);
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (!nodes_[i].text_node || nodes_[i].text_bytes < 16 || agg_[i].dead) continue;
    std::string t = Collapse(nodes_[i].g->v.text.text, 100000);
    bool hit = false;
    for (size_t k = 0; k < probes.size(); ++k) {
      if (t.find(probes[k]) != std::string::npos) found[k] = hit = true;
    }
    if (hit) hits.push_back(static_cast<int32_t>(i));
  }
  // Verified when at least half the probes are in the DOM.
  if (static_cast<size_t>(std::count(found.begin(), found.end(), true)) * 2 < probes.size()) return -1;
  // Lowest common ancestor of the hits.
  int32_t lca = nodes_[hits[0]].parent;
  for (int32_t h : hits) {
    while (lca >= 0 && !(static_cast<uint32_t>(lca) <= static_cast<uint32_t>(h) && static_cast<uint32_t>(h) < nodes_[lca].end)) {
      lca = nodes_[lca].parent;
    }
  }
  return lca;
}

int32_t Extractor::ChooseRoot(std::vector<int32_t>* roots) {
  size_t n = nodes_.size();
  // Score paragraph-like blocks into their ancestors.
  std::vector<int32_t> candidates;
  for (size_t i = 0; i < n; ++i) {
    const Node& nd = nodes_[i];
    const Agg& a = agg_[i];
    if (nd.text_node || a.dead || nd.kind != kBlock || a.own < 25) continue;
    switch (nd.tag) {
      case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
      case GUMBO_TAG_TR: case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_H1: case GUMBO_TAG_UNKNOWN:
        continue;
      default: break;
    }
    float own_ld = static_cast<float>(a.own_link) / static_cast<float>(a.own);
    float s = (1.f + static_cast<float>(a.own_commas) + std::min(static_cast<float>(a.own / 100), 3.f)) * (1.f - own_ld);
    if (s <= 0) continue;
    int32_t anc = nd.parent;
    for (int level = 0; level < 5 && anc >= 0; ++level, anc = nodes_[anc].parent) {
      if (nodes_[anc].g->type == GUMBO_NODE_DOCUMENT) break;
      Agg& aa = agg_[anc];
      if (!aa.scored) {
        aa.scored = true;
        aa.score = InitialScore(nodes_[anc]);
        candidates.push_back(anc);
      }
      float div = level == 0 ? 1.f : level == 1 ? 2.f : static_cast<float>(level) * 3.f;
      aa.score += s / div;
    }
  }
  if (candidates.empty()) return -1;
  for (int32_t c : candidates) {
    // A hopeful class name ("post-ratings") must not lift a block with little
    // text over the article: a positive weight counts only for blocks with some content.
    float content = agg_[c].score * (1.f - LinkDensity(agg_[c]));
    float w = nodes_[c].weight;
    agg_[c].score = content + (w > 0 ? (content >= 5.f ? w : 0.f) : w);
    if (nodes_[c].semantic_body) agg_[c].score *= 1.5f;
  }
  std::sort(candidates.begin(), candidates.end(), [&](int32_t x, int32_t y) { return agg_[x].score > agg_[y].score; });
  int32_t top = candidates[0];
  float top_score = agg_[top].score;
  auto contains = [&](int32_t anc, int32_t d) {
    return static_cast<uint32_t>(anc) <= static_cast<uint32_t>(d) && static_cast<uint32_t>(d) < nodes_[anc].end;
  };

  // Several near-top candidates under one ancestor: the article is that ancestor.
  {
    std::vector<int32_t> alts;
    for (size_t k = 1; k < candidates.size() && k < 5; ++k) {
      if (agg_[candidates[k]].score / top_score >= 0.75f) alts.push_back(candidates[k]);
    }
    if (alts.size() >= 3) {
      for (int32_t p = nodes_[top].parent; p >= 0 && nodes_[p].tag != GUMBO_TAG_BODY; p = nodes_[p].parent) {
        int holding = 0;
        for (int32_t a : alts) holding += contains(p, a);
        if (holding >= 3) {
          top = p;
          break;
        }
      }
    }
  }
  if (!agg_[top].scored) {
    agg_[top].scored = true;
    agg_[top].score = InitialScore(nodes_[top]);
  }
  // Climb while the parent scores at least as well (a wrapper holding more of the text).
  {
    float last = agg_[top].score;
    float threshold = last / 3.f;
    for (int32_t p = nodes_[top].parent; p >= 0 && nodes_[p].tag != GUMBO_TAG_BODY; p = nodes_[p].parent) {
      if (!agg_[p].scored) continue;
      float ps = agg_[p].score;
      if (ps < threshold) break;
      if (ps > last) {
        top = p;
        break;
      }
      last = ps;
    }
  }
  // Explicit article-body markup and the JSON-LD body win when they hold the text.
  // The JSON-LD copy holds the whole body, so no sibling is added to it.
  if (int32_t ld = LdBodyElement(); ld >= 0 && !agg_[ld].dead && agg_[ld].text >= 200 &&
      (contains(top, ld) || contains(ld, top) || agg_[ld].text * 2 >= agg_[top].text)) {
    roots->assign(1, ld);
    return ld;
  }
  if (int32_t sem = semantic_; sem >= 0 && !agg_[sem].dead && agg_[sem].text >= 200 &&
      (contains(top, sem) || contains(sem, top) || agg_[sem].text * 2 >= agg_[top].text)) {
    top = sem;
  }
  // A lone child stands for its parent.
  while (true) {
    int32_t p = nodes_[top].parent;
    if (p < 0 || nodes_[p].tag == GUMBO_TAG_BODY || nodes_[p].g->type == GUMBO_NODE_DOCUMENT) break;
    if (agg_[p].text != agg_[top].text) break;
    top = p;
  }
  top_score = agg_[top].scored ? agg_[top].score : top_score;

  // The top block and the sibling blocks that belong with it (an ad or an
  // aside can split an article into several siblings).
  roots->clear();
  loose_.clear();
  int32_t parent = nodes_[top].parent;
  if (parent < 0) {
    roots->push_back(top);
    return top;
  }
  float threshold = std::max(10.f, top_score * 0.2f);
  const char* top_class = nodes_[top].text_node ? nullptr : Attr(nodes_[top].g, "class");
  for (uint32_t c = static_cast<uint32_t>(parent) + 1; c < nodes_[parent].end; c = nodes_[c].end) {
    int32_t ci = static_cast<int32_t>(c);
    if (ci == top) {
      roots->push_back(ci);
      continue;
    }
    const Node& sn = nodes_[ci];
    const Agg& sa = agg_[ci];
    if (sa.dead || sn.text_node || sa.text == 0) continue;
    float bonus = 0;
    const char* sc = Attr(sn.g, "class");
    if (top_class && sc && *top_class && std::strcmp(top_class, sc) == 0) bonus = top_score * 0.2f;
    bool append = false;
    if (sa.scored && sa.score + bonus >= threshold) {
      append = true;
    } else if (TextBlock(ci)) {
      float ld = LinkDensity(sa);
      if (sa.text > 80 && ld < 0.25f) append = true;
      else if (sa.text < 80 && ld == 0) {
        // short paragraph ending like a sentence
        std::string_view last;
        for (uint32_t k = c; k < sn.end; ++k) {
          if (nodes_[k].text_node && nodes_[k].text_bytes) last = util::Trim(nodes_[k].g->v.text.text);
        }
        append = !last.empty() && last.back() == '.';
      }
    }
    if (append) {
      roots->push_back(ci);
    } else {
      // Not clearly part of the article: only its prose paragraphs (see GoodParagraph).
      roots->push_back(ci);
      loose_.push_back(ci);
    }
  }
  // Levels up the same: a lede, a second body part or a continuation often
  // sits beside the container rather than in it. Two levels: higher up, the
  // prose paragraphs are more often other stories' summaries than the article's.
  for (int level = 0; level < kLooseLevels; ++level) {
    if (nodes_[parent].tag == GUMBO_TAG_BODY || nodes_[parent].parent < 0 ||
        nodes_[nodes_[parent].parent].g->type == GUMBO_NODE_DOCUMENT) {
      break;
    }
    int32_t gp = nodes_[parent].parent;
    std::vector<int32_t> all;
    for (uint32_t c = static_cast<uint32_t>(gp) + 1; c < nodes_[gp].end; c = nodes_[c].end) {
      int32_t ci = static_cast<int32_t>(c);
      if (ci == parent) {
        all.insert(all.end(), roots->begin(), roots->end());
      } else if (!agg_[ci].dead && !nodes_[ci].text_node && agg_[ci].text > 0) {
        all.push_back(ci);
        loose_.push_back(ci);
      }
    }
    *roots = std::move(all);
    parent = gp;
  }
  return top;
}

// A block whose text is mostly its own inline content (a paragraph, a lede
// in a div), not a container of other blocks.
bool Extractor::TextBlock(int32_t i) const {
  const Node& nd = nodes_[i];
  const Agg& a = agg_[i];
  if (nd.text_node || nd.kind != kBlock || a.text == 0) return false;
  if (nd.tag == GUMBO_TAG_UL || nd.tag == GUMBO_TAG_OL || nd.tag == GUMBO_TAG_TABLE) return false;
  return a.own * 10 >= a.text * 8;
}

// A paragraph that reads like prose (jusText's "good" class without a
// stoplist): long enough and not mostly links.
bool Extractor::GoodParagraph(int32_t block) const {
  if (block < 0) return false;
  const Agg& a = agg_[block];
  return a.own >= kGoodParagraph && a.own_link * 10 < a.own * 3;
}

// After the last paragraph, articles end in prompts and link rows ("You
// might also like:", "Filed under <a>News</a>", "Share this article?"):
// short blocks at the very end that hold a link, end in ':' or '?', or are
// fragments (under 40 bytes, no closing punctuation) go.
void Extractor::TrimTail(const std::vector<Segment>& segments, std::string* text,
                         std::vector<OffsetPiece>* offsets) const {
  for (size_t k = segments.size(); k-- > 1;) {
    const Segment& seg = segments[k];
    const Agg& a = agg_[seg.block];
    std::string_view piece = util::Trim(std::string_view(*text).substr(seg.text_begin));
    if (piece.empty()) continue;
    bool prompt = piece.back() == ':' || piece.back() == '?';
    size_t last_start;
    char32_t last = util::PrevCodePoint(piece, piece.size(), &last_start);
    bool closed = last == '.' || last == '!' || last == ')' || util::ClassifyQuote(last) != util::QuoteMark::kNone;
    bool fragment = piece.size() < 40 && !closed;
    if (!(piece.size() < 150 && (a.own_link > 0 || prompt || fragment))) break;
    text->resize(seg.text_begin);
    offsets->resize(seg.offsets_begin);
  }
}

// Conditional cleaning (Readability's _cleanConditionally), for blocks inside the kept roots.
bool Extractor::DropBlock(int32_t i, int32_t root) const {
  const Node& nd = nodes_[i];
  const Agg& a = agg_[i];
  if (i == root) return false;
  if (IsHeading(nd.tag)) return nd.weight < 0 || LinkDensity(a) > 0.33f;
  // A short element whose class or id names chrome (byline, date, share, tags, caption ...).
  if (nd.weight < 0 && a.text < 120 && !nd.semantic_body) return true;
  switch (nd.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return a.text > 0 && a.text < 200 && LinkDensity(a) > 0.5f;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_DETAILS:
      break;
    default:
      return false;
  }
  if (nd.semantic_body) return false;
  // The block that holds most of the kept text is the article, however many links it has.
  if (a.text * 5 >= agg_[root].text * 3) return false;
  int weight = nd.weight;
  if (a.commas >= 10) return false;
  float ld = LinkDensity(a);
  bool list = nd.tag == GUMBO_TAG_UL || nd.tag == GUMBO_TAG_OL;
  if (a.img > 1 && a.p * 2 < a.img && a.text < 200) return true;
  if (!list && a.li > a.p + 1 && a.li > 3 && ld > 0.2f) return true;
  if (a.input * 3 > a.p + 1) return true;
  if (a.text < 25 && a.headings == 0) return true;
  if (weight < 25 && ld > 0.2f) return true;
  if (weight >= 25 && ld > 0.5f) return true;
  return false;
}

class Writer {
 public:
  Writer(std::string* text, std::vector<OffsetPiece>* offsets) : out_(text), offsets_(offsets) {}
  void Break(bool line_only = false) {
    if (out_->empty()) return;
    if (line_only) {
      if (brk_ == 0) brk_ = 1;
    } else {
      brk_ = 2;
    }
  }
  void Text(const GumboNode* n) {
    const GumboText& t = n->v.text;
    std::string_view s(t.text);
    uint32_t raw = static_cast<uint32_t>(t.start_pos.offset);
    std::string_view orig(t.original_text.data, t.original_text.length);
    // Exact when the decoded text equals the source bytes; otherwise aligned by reference.
    bool exact = orig == s;
    size_t ri = 0, di = 0;  // aligner positions into orig and s
    auto raw_at = [&](size_t target) -> uint32_t {
      if (exact) return raw + static_cast<uint32_t>(target);
      while (di < target && ri < orig.size()) {
        size_t k = ri + 1;
        if (orig[ri] == '&') {
          while (k < orig.size() && k - ri < 40 && (std::isalnum(static_cast<unsigned char>(orig[k])) || orig[k] == '#')) ++k;
        }
        bool terminated = k < orig.size() && orig[k] == ';';
        // "&amp;" decodes to "&" too: a reference is a '&' with a name and ';',
        // or one whose decoded character differs ("&copy" without ';').
        if (orig[ri] == '&' && k > ri + 1 && (terminated || s[di] != '&')) {
          ri = terminated ? k + 1 : k;
          util::NextCodePoint(s, &di);
        } else if (orig[ri] == s[di]) {
          ++ri;
          ++di;
        } else if (orig[ri] == '\r') {
          ++ri;
        } else {
          util::NextCodePoint(s, &di);
          ++ri;
        }
      }
      return raw + static_cast<uint32_t>(std::min(ri, orig.size()));
    };
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      char32_t c = util::NextCodePoint(s, &j);
      if (util::IsSpace(c) || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
        space_ = true;
        i = j;
        continue;
      }
      size_t k = j;
      while (k < s.size()) {
        size_t m = k;
        char32_t d = util::NextCodePoint(s, &m);
        if (util::IsSpace(d) || d == '\n' || d == '\r' || d == '\t' || d == '\f') break;
        k = m;
      }
      Flush();
      uint32_t rb = raw_at(i);
      offsets_->push_back({static_cast<uint32_t>(out_->size()), rb, static_cast<uint32_t>(k - i)});
      out_->append(s.substr(i, k - i));
      i = k;
    }
  }
  void Space() { space_ = true; }
  // Text that is not in the DOM (a JSON-LD body): line breaks are paragraph
  // breaks, and every run maps to `raw`, the start of the script holding it.
  void Plain(std::string_view s, uint32_t raw) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      char32_t c = util::NextCodePoint(s, &j);
      if (c == '\n') {
        Break();
        i = j;
        continue;
      }
      if (util::IsSpace(c) || c == '\r' || c == '\t' || c == '\f') {
        space_ = true;
        i = j;
        continue;
      }
      size_t k = j;
      while (k < s.size()) {
        size_t m = k;
        char32_t d = util::NextCodePoint(s, &m);
        if (util::IsSpace(d) || d == '\n' || d == '\r' || d == '\t' || d == '\f') break;
        k = m;
      }
      Flush();
      offsets_->push_back({static_cast<uint32_t>(out_->size()), raw, static_cast<uint32_t>(k - i)});
      out_->append(s.substr(i, k - i));
      i = k;
    }
  }

 private:
  // The separator owed before the next run.
  void Flush() {
    if (!out_->empty()) {
      if (brk_ == 2) out_->append("\n\n");
      else if (brk_ == 1) out_->push_back('\n');
      else if (space_) out_->push_back(' ');
    }
    brk_ = 0;
    space_ = false;
  }

  std::string* out_;
  std::vector<OffsetPiece>* offsets_;
  int brk_ = 0;
  bool space_ = false;
};

void Extractor::Emit(const std::vector<int32_t>& roots, bool whole, std::string* text,
                     std::vector<OffsetPiece>* offsets, std::vector<Segment>* segments) {
  Writer w(text, offsets);
  std::vector<uint32_t> open;  // ends of the open block elements
  for (int32_t root : roots) {
    // Blocks added around the chosen ones keep only their good paragraphs.
    bool strict = std::find(loose_.begin(), loose_.end(), root) != loose_.end();
    uint32_t i = static_cast<uint32_t>(root);
    uint32_t end = nodes_[root].end;
    while (i < end) {
      while (!open.empty() && open.back() <= i) {
        open.pop_back();
        w.Break();
      }
      const Node& nd = nodes_[i];
      const Agg& a = agg_[i];
      if (a.dead) {
        i = nd.end;
        continue;
      }
      if (nd.text_node) {
        if (nd.g->type == GUMBO_NODE_WHITESPACE) {
          w.Space();
        } else if (!strict || GoodParagraph(text_owner_[i])) {
          if (segments && (segments->empty() || segments->back().block != text_owner_[i])) {
            segments->push_back({text_owner_[i], text->size(), offsets->size()});
          }
          w.Text(nd.g);
        }
        ++i;
        continue;
      }
      if (!whole && ((strict && nd.weight < 0) || DropBlock(static_cast<int32_t>(i), root))) {
        if (nd.kind == kBlock) w.Break();
        else w.Space();
        i = nd.end;
        continue;
      }
      if (nd.tag == GUMBO_TAG_BR) {
        w.Break(/*line_only=*/true);
      } else if (nd.kind == kBlock) {
        w.Break();
        open.push_back(nd.end);
      }
      ++i;
    }
    while (!open.empty()) {
      open.pop_back();
    }
    w.Break();
  }
}

bool ValidYmd(int y, int m, int d) {
  util::Ymd ymd{y, m, d};
  return y >= 1900 && y <= 2200 && ymd.valid();
}

}  // namespace

bool NormaliseMetaDate(std::string_view s, std::string* out) {
  s = util::Trim(s);
  auto digits = [&](size_t at, size_t n, int* v) {
    if (at + n > s.size()) return false;
    int x = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      x = x * 10 + (s[k] - '0');
    }
    *v = x;
    return true;
  };
  int y, m, d;
  if (digits(0, 4, &y)) {
    bool ok = false;
    if (s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4] && digits(5, 2, &m) &&
        digits(8, 2, &d)) {
      ok = s.size() == 10 || !(s[10] >= '0' && s[10] <= '9');
    } else if (digits(4, 2, &m) && digits(6, 2, &d)) {
      ok = s.size() == 8 || !(s[8] >= '0' && s[8] <= '9');
    }
    if (ok && ValidYmd(y, m, d)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      *out = buf;
      return true;
    }
    return false;
  }
  // "March 5, 2024", "5 March 2024 10:00" and the like.
  util::Ymd ymd;
  std::string head(s.substr(0, 60));
  if (util::ParseDateLine(head, &ymd) && ymd.valid()) {
    *out = ymd.Iso();
    return true;
  }
  return false;
}

namespace {

void Extractor::FillMeta() {
  Meta& m = meta_;
  auto first = [](std::initializer_list<const std::string*> vs) -> std::string {
    for (const std::string* v : vs) {
      if (!v->empty()) return *v;
    }
    return "";
  };
  out_->site_name = first({&m.site_name, &m.ld_publisher, &m.app_name});
  std::string title = first({&m.ld_headline, &m.og_title, &m.title_tag});
  // "<headline> | <site>" in <title>: drop the site part when it names the site.
  if (title == m.title_tag && !out_->site_name.empty()) {
    for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: "}) {
      size_t at = title.rfind(sep);
      if (at != std::string::npos && at > 0 &&
          util::AsciiLower(title.substr(at + sep.size())).find(util::AsciiLower(out_->site_name)) != std::string::npos) {
        title.resize(at);
        break;
      }
    }
  }
  if (title.empty()) title = m.h1;
  out_->title = title;
  out_->author = first({&m.ld_author, &m.meta_author});
  for (const std::string* d : {&m.ld_published, &m.meta_published}) {
    if (!d->empty() && NormaliseMetaDate(*d, &out_->published)) break;
  }
  out_->url = first({&m.canonical, &m.og_url, &m.ld_url});
  for (const std::string* l : {&m.html_lang, &m.og_locale, &m.content_language, &m.ld_lang}) {
    out_->lang = LangTag(*l);
    if (!out_->lang.empty()) break;
  }
  out_->description = first({&m.description, &m.og_description});
}

// Words (space-separated runs) in `s`, and whether it reads as one or more
// sentences rather than a name or a slogan: ten words or more, or for
// scripts written without spaces (Chinese, Japanese, Thai) forty code points.
bool LooksLikeLede(std::string_view s) {
  size_t words = 0, points = 0, spaces = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = util::NextCodePoint(s, &i);
    ++points;
    if (util::IsSpace(c)) {
      ++spaces;
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  if (s.size() < kLedeBytes) return false;
  if (words >= 10) return true;
  return points >= 40 && spaces * 20 < points;
}

// News pages often put the lede (standfirst) only in the description meta
// tags, and main-content extraction never sees it. Like trafilatura-style
// extractors, the og:description (else the description) goes before the text
// when it reads like a lede (LooksLikeLede), is not the title, and its start
// is not already in the text (descriptions are often the first paragraph,
// cut short). Its runs map to the start of the meta tag's content.
void Extractor::PrependLede(std::string* text, std::vector<OffsetPiece>* offsets) const {
  const bool og = !meta_.og_description.empty();
  const std::string& lede = og ? meta_.og_description : meta_.description;
  if (lede.empty() || !LooksLikeLede(lede)) return;
  if (util::AsciiLower(lede) == util::AsciiLower(out_->title)) return;
  // The first 60 bytes (whole code points), whitespace-collapsed, against the collapsed text.
  size_t probe_end = 0;
  while (probe_end < lede.size() && probe_end < 60) util::NextCodePoint(lede, &probe_end);
  std::string probe = Collapse(std::string_view(lede).substr(0, probe_end), 100);
  if (Collapse(*text, text->size() + 1).find(probe) != std::string::npos) return;
  std::string t;
  std::vector<OffsetPiece> o;
  Writer w(&t, &o);
  w.Plain(lede, og ? meta_.og_description_offset : meta_.description_offset);
  if (t.empty()) return;
  if (!text->empty()) t += "\n\n";
  uint32_t shift = static_cast<uint32_t>(t.size());
  for (OffsetPiece p : *offsets) {
    p.clean_begin += shift;
    o.push_back(p);
  }
  t += *text;
  *text = std::move(t);
  *offsets = std::move(o);
}

void Extractor::Run() {
  // First <h1> text: the title of last resort.
  for (size_t i = 0; i < nodes_.size() && meta_.h1.empty(); ++i) {
    if (nodes_[i].text_node || nodes_[i].tag != GUMBO_TAG_H1) continue;
    std::string t;
    for (uint32_t k = static_cast<uint32_t>(i); k < nodes_[i].end && t.size() < 300; ++k) {
      if (nodes_[k].text_node) t += nodes_[k].g->v.text.text;
    }
    meta_.h1 = Collapse(t, 300);
    h1_ = static_cast<int32_t>(i);
  }
  FillMeta();
  // Some sites put markup in the articleBody string: its text is what counts.
  if (meta_.ld_body.find('<') != std::string::npos && meta_.ld_body.find('>') != std::string::npos) {
    meta_.ld_body = FragmentText(meta_.ld_body);
  }
  int32_t body = body_ >= 0 ? body_ : 0;
  if (!options_.main_content) {
    Aggregate(false);
    Emit({body}, /*whole=*/true, &out_->text, &out_->offsets);
    return;
  }
  // Attempt 1 strips unlikely subtrees; attempt 2 keeps them; then the whole body.
  std::string best_text;
  std::vector<OffsetPiece> best_offsets;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Aggregate(/*strip_unlikely=*/attempt == 0);
    std::vector<int32_t> roots;
    int32_t top = ChooseRoot(&roots);
    std::string text;
    std::vector<OffsetPiece> offsets;
    if (top < 0) continue;
    std::vector<Segment> segments;
    Emit(roots, /*whole=*/false, &text, &offsets, &segments);
    TrimTail(segments, &text, &offsets);
    if (text.size() > best_text.size()) {
      best_text = std::move(text);
      best_offsets = std::move(offsets);
      out_->main_content_found = true;
    }
    if (best_text.size() >= kTooLittle) break;
  }
  // A JSON-LD body much longer than what the DOM gave, and not in the DOM:
  // the page renders its article with scripts; the JSON-LD copy is the text.
  if (meta_.ld_body.size() >= 400 && meta_.ld_body.size() > 2 * best_text.size()) {
    Aggregate(false);
    int32_t ld = LdBodyElement();
    size_t ld_bytes = 0;
    for (char c : meta_.ld_body) ld_bytes += !IsAsciiSpace(c);
    if (ld < 0 || agg_[ld].text * 2 < ld_bytes) {
      best_text.clear();
      best_offsets.clear();
      Writer w(&best_text, &best_offsets);
      w.Plain(meta_.ld_body, meta_.ld_body_offset);
      out_->main_content_found = true;
    }
  }
  // Next to nothing found: the page's prose paragraphs, wherever they are.
  if (best_text.size() < kTooLittle) {
    Aggregate(true);
    std::string text;
    std::vector<OffsetPiece> offsets;
    std::vector<Segment> segments;
    loose_.assign(1, body);
    Emit({body}, /*whole=*/false, &text, &offsets, &segments);
    TrimTail(segments, &text, &offsets);
    if (text.size() > best_text.size()) {
      best_text = std::move(text);
      best_offsets = std::move(offsets);
    }
  }
  // No article found: the body, cleaned, else all of it.
  if (best_text.empty()) {
    Aggregate(false);
    Emit({body}, /*whole=*/false, &best_text, &best_offsets);
    if (best_text.empty()) Emit({body}, /*whole=*/true, &best_text, &best_offsets);
    out_->main_content_found = false;
  }
  if (out_->main_content_found) PrependLede(&best_text, &best_offsets);
  out_->text = std::move(best_text);
  out_->offsets = std::move(best_offsets);
}

// ---------------------------------------------------------------- pre-strip

// Removed bytes before a point of the stripped copy.
struct Cut {
  uint32_t at;       // offset in the stripped copy
  uint32_t removed;  // bytes removed before `at`, in total
};

bool StartsWithCi(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (util::AsciiLowerChar(s[at + k]) != word[k]) return false;
  }
  return true;
}

size_t FindCi(std::string_view s, size_t from, std::string_view word) {
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, word[0], s.size() - from);
    if (!hit) return std::string_view::npos;
    size_t at = static_cast<const char*>(hit) - s.data();
    if (StartsWithCi(s, at, word)) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

// Deeper than real pages ever go, shallow enough for gumbo's per-tag scope checks.
constexpr size_t kMaxNesting = 1000;

// Elements counted for the nesting guard: not void, and not closed implicitly
// by their siblings (p, li, td, ... often have no end tag, and counting them
// would make an ordinary long page look deep).
bool Nests(std::string_view name) {
  static constexpr std::string_view kNo[] = {
      "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "rp",
      "rt", "html", "head", "body", "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed",
      "source", "track", "wbr", "param", "keygen"};
  if (name.size() > 8) return true;
  char lower[9] = {};
  for (size_t k = 0; k < name.size(); ++k) lower[k] = util::AsciiLowerChar(name[k]);
  std::string_view l(lower, name.size());
  for (std::string_view n : kNo) {
    if (l == n) return false;
  }
  return true;
}

// Gumbo reads every byte of scripts, styles, comments and inline SVG one code
// point at a time, and on news pages they are half the bytes. They hold no
// article text, so they are cut before parsing (JSON-LD scripts are kept):
// script and style bodies (the tags stay), comments and <svg> elements whole.
// The scan follows the HTML tokenizer's rule that a script ends at the first
// "</script". `cuts` maps offsets in the copy back to the original. Tags
// nested past kMaxNesting are cut too.
void Prestrip(std::string_view html, std::string* out, std::vector<Cut>* cuts) {
  out->clear();
  out->reserve(html.size());
  cuts->clear();
  uint32_t removed = 0;
  size_t copied = 0;  // html[0, copied) is handled
  size_t depth = 0, excess = 0;  // open elements (roughly: see Nests) and cut start tags
  auto cut = [&](size_t b, size_t e) {
    out->append(html.substr(copied, b - copied));
    removed += static_cast<uint32_t>(e - b);
    cuts->push_back({static_cast<uint32_t>(out->size()), removed});
    copied = e;
  };
  size_t i = 0;
  while (i < html.size()) {
    const void* hit = std::memchr(html.data() + i, '<', html.size() - i);
    if (!hit) break;
    size_t lt = static_cast<const char*>(hit) - html.data();
    i = lt + 1;
    if (html.substr(lt, 4) == "<!--") {
      size_t end = html.find("-->", lt + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      cut(lt, end);
      i = end;
      continue;
    }
    bool script = StartsWithCi(html, lt + 1, "script");
    bool style = !script && StartsWithCi(html, lt + 1, "style");
    bool svg = !script && !style && StartsWithCi(html, lt + 1, "svg");
    if (!script && !style && !svg) {
      // Nesting guard: gumbo checks the stack of open elements at every tag,
      // so a page nested 100,000 deep takes minutes. Start tags past
      // kMaxNesting (and as many end tags after them) are cut; their text stays.
      bool end_tag = lt + 1 < html.size() && html[lt + 1] == '/';
      size_t name = lt + 1 + end_tag;
      if (name >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name]))) continue;
      size_t name_end = name;
      while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
      if (!Nests(html.substr(name, name_end - name))) continue;
      size_t gt = html.find('>', name_end);
      if (gt == std::string_view::npos) break;
      if (end_tag) {
        if (excess > 0) {
          --excess;
          cut(lt, gt + 1);
        } else if (depth > 0) {
          --depth;
        }
      } else if (html[gt - 1] != '/') {
        if (depth >= kMaxNesting) {
          ++excess;
          cut(lt, gt + 1);
        } else {
          ++depth;
        }
      }
      i = gt + 1;
      continue;
    }
    size_t name_end = lt + 1 + (script ? 6 : style ? 5 : 3);
    if (name_end < html.size()) {
      char c = html[name_end];
      if (!(c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) continue;
    }
    size_t gt = html.find('>', name_end);
    if (gt == std::string_view::npos) break;
    if (svg) {
      size_t close = FindCi(html, gt, "</svg>");
      if (close == std::string_view::npos) continue;
      cut(lt, close + 6);
      i = close + 6;
      continue;
    }
    size_t close = FindCi(html, gt + 1, script ? "</script" : "</style");
    if (close == std::string_view::npos) close = html.size();
    std::string tag = util::AsciiLower(html.substr(lt, gt - lt));
    if (script && tag.find("ld+json") != std::string::npos) {
      i = close;
      continue;
    }
    // Client-side templates (<script type="text/template">) hold the page's
    // markup, sometimes the whole article: the opening tag goes and the body is
    // parsed as HTML (the parser ignores the stray </script>).
    if (script && (tag.find("text/template") != std::string::npos || tag.find("text/html") != std::string::npos ||
                   tag.find("x-template") != std::string::npos)) {
      cut(lt, gt + 1);
      i = gt + 1;
      continue;
    }
    if (close > gt + 1) cut(gt + 1, close);
    i = close;
  }
  out->append(html.substr(copied));
}

// Gumbo allocates every node, attribute and string on its own and frees the
// tree node by node, recursively (a page nested 100,000 deep would overflow
// the stack there). A bump arena makes both cheap: frees are no-ops, the tree
// is never walked to be destroyed, and the arena goes at once.
class Arena {
 public:
  ~Arena() {
    for (Chunk& c : chunks_) std::free(c.data);
  }
  void* Allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    while (size > left_) {
      if (current_ + 1 < chunks_.size() && chunks_[current_ + 1].size >= size) {
        ++current_;  // reuse a chunk kept from an earlier page
      } else {
        size_t bytes = std::max(size, kChunk);
        char* c = static_cast<char*>(std::malloc(bytes));
        if (!c) {
          // Gumbo cannot take a failed allocation (it is C and does not check).
          std::fputs("claimtrace: out of memory while parsing HTML\n", stderr);
          std::abort();
        }
        chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(chunks_.empty() ? 0 : current_ + 1),
                       Chunk{c, bytes});
        if (chunks_.size() > 1) ++current_;
      }
      next_ = chunks_[current_].data;
      left_ = chunks_[current_].size;
    }
    void* p = next_;
    next_ += size;
    left_ -= size;
    return p;
  }
  // Forgets every allocation; keeps up to kKeep bytes of chunks for the next page.
  void Reset() {
    size_t kept = 0;
    size_t k = 0;
    for (; k < chunks_.size() && kept + chunks_[k].size <= kKeep; ++k) kept += chunks_[k].size;
    for (size_t j = k; j < chunks_.size(); ++j) std::free(chunks_[j].data);
    chunks_.resize(k);
    current_ = 0;
    next_ = chunks_.empty() ? nullptr : chunks_[0].data;
    left_ = chunks_.empty() ? 0 : chunks_[0].size;
  }
  static void* Alloc(void* self, size_t size) { return static_cast<Arena*>(self)->Allocate(size); }
  static void Free(void*, void*) {}

 private:
  struct Chunk {
    char* data;
    size_t size;
  };
  static constexpr size_t kChunk = 256 * 1024;
  static constexpr size_t kKeep = 8u << 20;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  char* next_ = nullptr;
  size_t left_ = 0;
};

}  // namespace

namespace {

Status ExtractWithArena(std::string_view html, const HtmlExtractOptions& options, Arena* arena, HtmlExtraction* out) {
  *out = HtmlExtraction();
  if (html.size() >= UINT32_MAX) return Status::ResourceExhausted("HTML page over 4 GB");
  std::string stripped;
  std::vector<Cut> cuts;
  Prestrip(html, &stripped, &cuts);
  arena->Reset();
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.allocator = Arena::Alloc;
  gopts.deallocator = Arena::Free;
  gopts.userdata = arena;
  gopts.max_errors = 0;  // error records cost time and memory; we never read them
  GumboOutput* parsed = gumbo_parse_with_options(&gopts, stripped.data(), stripped.size());
  if (!parsed) return Status::Corruption("HTML parser gave up on this input");
  {
    Extractor ex(html, options, out);
    ex.Flatten(parsed->document);
    ex.Run();
  }
  // No gumbo_destroy_output: the arena holds the whole tree; the next page reuses it.
  // Offsets into the stripped copy -> offsets into the page.
  for (OffsetPiece& p : out->offsets) {
    auto it = std::upper_bound(cuts.begin(), cuts.end(), p.raw_begin,
                               [](uint32_t v, const Cut& c) { return v < c.at; });
    if (it != cuts.begin()) p.raw_begin += std::prev(it)->removed;
    if (p.raw_begin > html.size()) p.raw_begin = static_cast<uint32_t>(html.size());
  }
  return Status::OK();
}

// The text of an HTML fragment (a JSON-LD articleBody with markup), parsed in
// its own arena: the page's tree is still in use.
std::string FragmentText(std::string_view html) {
  Arena arena;
  HtmlExtractOptions options;
  options.main_content = false;
  HtmlExtraction frag;
  if (!ExtractWithArena(html, options, &arena, &frag).ok()) return std::string(html);
  return std::move(frag.text);
}

}  // namespace

Status ExtractHtml(std::string_view html, const HtmlExtractOptions& options, HtmlExtraction* out) {
  // One arena per thread, reset per page: its chunks stay mapped between pages.
  thread_local Arena arena;
  return ExtractWithArena(html, options, &arena, out);
}

}  // namespace claimtrace::clean
