// Line-based chrome removal. Each line is classified by the Hyperscan chrome
// database; a "list" header drops the headline-like lines that follow it
// (short, no sentence-final punctuation) until prose resumes. Repeated
// headlines and breadcrumb lines ("Home News <headline>") are dropped by
// comparing lines. Kept lines are copied verbatim with their offsets.
#include "clean/clean.h"
#include "clean/html_extract.h"

#include <algorithm>
#include <regex>
#include <unordered_set>

#include "util/dates.h"
#include "util/utf8.h"

namespace claimtrace::clean {
namespace {

struct Line {
  uint32_t begin = 0, end = 0;  // without the newline
  std::string_view trimmed;
  bool keep = true;
};

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Ends like a sentence: . ! ? … possibly followed by closing quotes/brackets.
bool EndsLikeProse(std::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    size_t start;
    char32_t c = util::PrevCodePoint(s, i, &start);
    if (util::ClassifyQuote(c) != util::QuoteMark::kNone || c == ')' || c == ']') {
      i = start;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == U'\u2026' || c == ':';
  }
  return false;
}

bool HeadlineLike(std::string_view s) { return s.size() <= 220 && !EndsLikeProse(s) && WordCount(s) >= 2; }

// True when `s` ends with a job title ("Foreign News Reporter", "Defence Correspondent").
bool EndsWithRole(std::string_view s) {
  std::string lower = util::AsciiLower(s);
  size_t sp = lower.find_last_of(' ');
  std::string last = sp == std::string::npos ? lower : lower.substr(sp + 1);
  for (const char* role : {"reporter", "correspondent", "editor", "writer", "staff", "columnist", "producer",
                           "contributor", "analyst"}) {
    if (last == role) return true;
  }
  return false;
}

// "By Anna Koval, Northline Wire" -> author, outlet; "by LLB staff reporter" -> outlet LLB;
// "By Jack Tenner, Defence Correspondent" -> author only (the part after the comma is a role).
void ReadByline(std::string_view line, Document* doc) {
  std::string_view rest = util::Trim(line.substr(2));
  size_t comma = rest.find(',');
  if (comma != std::string_view::npos) {
    if (!doc->author) doc->author = std::string(util::Trim(rest.substr(0, comma)));
    std::string_view org = util::Trim(rest.substr(comma + 1));
    if (!doc->outlet && !org.empty() && org.size() < 60 && !EndsWithRole(org)) doc->outlet = Outlet{std::string(org), ""};
    return;
  }
  std::string lower = util::AsciiLower(rest);
  for (const char* staff : {" staff reporter", " staff writer", " staff", " reporter", " correspondent"}) {
    std::string_view st(staff);
    if (lower.size() > st.size() && lower.compare(lower.size() - st.size(), st.size(), st) == 0) {
      std::string_view name = util::Trim(rest.substr(0, rest.size() - st.size()));
      if (!doc->outlet && !name.empty()) doc->outlet = Outlet{std::string(name), ""};
      if (!doc->author) doc->author = std::string(rest);
      return;
    }
  }
  if (!doc->author) doc->author = std::string(rest);
}

// "Read more: Kremlin says talks are off" -- a list header and one other story's
// headline on the same line.
bool InlineListHeadline(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return false;
  std::string_view rest = util::Trim(line.substr(colon + 1));
  return !rest.empty() && HeadlineLike(rest) && ClassifyLine(line.substr(0, colon + 1)) == ChromeKind::kList;
}

// Navigation and breadcrumb rows: three or more short items split by one
// separator ("News | Sport | World", "Home › News › War"). Returns the items.
bool NavigationLine(std::string_view line, std::vector<std::string_view>* items) {
  for (std::string_view sep : {"|", "\u203A", "\u00BB", "\u2022", "\u00B7", ">"}) {
    items->clear();
    size_t b = 0;
    while (true) {
      size_t e = line.find(sep, b);
      items->push_back(util::Trim(line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
      if (e == std::string_view::npos) break;
      b = e + sep.size();
    }
    if (items->size() < 3) continue;
    bool ok = true;
    for (std::string_view item : *items) {
      size_t words = WordCount(item);
      if (words == 0 || words > 5 || EndsLikeProse(item)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  items->clear();
  return false;
}

// The chrome patterns match case-insensitively; a byline's names must really be
// capitalised ("By Anna Koval", not "By then the unit had left").
bool BylineNamesAreCapitalised(std::string_view line) {
  std::string_view rest = util::Trim(line.substr(2));
  size_t comma = rest.find(',');
  std::string_view names = rest.substr(0, comma);
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && names[i] == ' ') ++i;
    size_t j = names.find(' ', i);
    if (j == std::string_view::npos) j = names.size();
    std::string_view w = names.substr(i, j - i);
    std::string lw = util::AsciiLower(w);
    bool filler = lw == "and" || lw == "&" || lw == "staff" || lw == "reporter" || lw == "writer" ||
                  lw == "correspondent" || lw == "news" || lw == "desk" || lw == "de" || lw == "van" || lw == "von";
    if (!w.empty() && !filler) {
      size_t k = 0;
      if (!util::IsUpper(util::NextCodePoint(w, &k))) return false;
    }
    i = j;
  }
  return true;
}

// "Northline Wire logo" -> outlet "Northline Wire".
void ReadLogo(std::string_view line, Document* doc) {
  std::string lower = util::AsciiLower(line);
  if (doc->outlet || lower.size() < 6 || lower.compare(lower.size() - 5, 5, " logo") != 0) return;
  std::string_view name = util::Trim(line.substr(0, line.size() - 5));
  if (!name.empty()) doc->outlet = Outlet{std::string(name), ""};
}

// A wire dateline opening a paragraph: "KYIV, March 4 (Reuters) - " or "MOSCOW (TASS) — ".
// Returns its length in bytes (0 if none) and the outlet named in parentheses.
size_t DatelinePrefix(std::string_view line, std::string* outlet) {
  static const std::regex kDateline(
      R"(^([A-Z][A-Z .'-]{1,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)? \(([^()]{2,40})\) ?(?:-|–|—|--) ?)");
  // Cheap filter first: a dateline has "(…) -" (or an en/em dash) within its first 80 bytes.
  size_t close = line.substr(0, 80).find(") ");
  if (close == std::string_view::npos || line.find('(') > close) return 0;
  std::string_view after = line.substr(close + 2, 3);
  if (!(after.substr(0, 1) == "-" || after.substr(0, 3) == "–" || after.substr(0, 3) == "—")) return 0;
  std::string head(line.substr(0, 160));
  std::smatch m;
  if (!std::regex_search(head, m, kDateline)) return 0;
  *outlet = m[2].str();
  return static_cast<size_t>(m.length(0));
}

}  // namespace

Status Clean(Document* doc, bool drop_chrome) {
  std::string_view src = doc->raw;
  std::vector<OffsetPiece> html_map;
  std::string html_text;
  if (doc->format == InputFormat::kHtml) {
    HtmlExtraction ht;
    HtmlExtractOptions options;
    options.main_content = drop_chrome;
    Status s = ExtractHtml(doc->raw, options, &ht);
    if (!s.ok()) return s;
    html_text = std::move(ht.text);
    html_map = std::move(ht.offsets);
    src = html_text;
    if (!doc->title && !ht.title.empty()) doc->title = ht.title;
    if (!doc->outlet && !ht.site_name.empty()) doc->outlet = Outlet{ht.site_name, ""};
    if (!doc->author && !ht.author.empty()) doc->author = ht.author;
    if (!doc->lang && !ht.lang.empty()) doc->lang = ht.lang;
    if (!doc->url && !ht.url.empty()) doc->url = ht.url;
    if (!doc->published && !ht.published.empty()) doc->published = ht.published;
  }

  // Split into lines.
  std::vector<Line> lines;
  for (size_t b = 0; b <= src.size();) {
    size_t e = src.find('\n', b);
    if (e == std::string_view::npos) e = src.size();
    Line l;
    l.begin = static_cast<uint32_t>(b);
    l.end = static_cast<uint32_t>(e);
    l.trimmed = util::Trim(src.substr(b, e - b));
    lines.push_back(l);
    if (e == src.size()) break;
    b = e + 1;
  }

  std::string_view headline;
  if (drop_chrome) {
    bool in_list = false;
    size_t list_items = 0;
    std::unordered_set<std::string_view> seen;
    size_t first_content = lines.size();
    // The headline is the line printed twice, or the last headline-like line
    // before the byline or dateline; a masthead above it is not the title.
    size_t nonempty = 0;
    std::string_view last_headline;
    auto mark_headline = [&](std::string_view line) {
      if (headline.empty() && nonempty <= 20) headline = line;
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      Line& l = lines[i];
      if (l.trimmed.empty()) continue;
      ++nonempty;
      ChromeKind kind = ClassifyLine(l.trimmed);
      if (in_list) {
        if (kind == ChromeKind::kNone && HeadlineLike(l.trimmed) && list_items < 15) {
          l.keep = false;
          ++list_items;
          continue;
        }
        in_list = false;
      }
      switch (kind) {
        case ChromeKind::kList:
          l.keep = false;
          in_list = true;
          list_items = 0;
          continue;
        case ChromeKind::kByline:
          if (l.trimmed.size() < 90 && BylineNamesAreCapitalised(l.trimmed)) {
            ReadByline(l.trimmed, doc);
            mark_headline(last_headline);
            l.keep = false;
            continue;
          }
          break;
        case ChromeKind::kCredit:
        case ChromeKind::kDrop:
          ReadLogo(l.trimmed, doc);
          l.keep = false;
          continue;
        case ChromeKind::kNone:
          break;
      }
      if (InlineListHeadline(l.trimmed)) {
        l.keep = false;
        continue;
      }
      // Navigation rows are dropped; a date or byline item among them is still read.
      if (std::vector<std::string_view> items; NavigationLine(l.trimmed, &items)) {
        for (std::string_view item : items) {
          util::Ymd d;
          if (!doc->published && util::ParseDateLine(item, &d)) doc->published = d.Iso();
          if (ClassifyLine(item) == ChromeKind::kByline) ReadByline(item, doc);
        }
        if (doc->published || doc->author) mark_headline(last_headline);
        l.keep = false;
        continue;
      }
      // Datelines near the top become the publication date.
      util::Ymd date;
      if (i < first_content + 12 && util::ParseDateLine(l.trimmed, &date)) {
        if (!doc->published) doc->published = date.Iso();
        mark_headline(last_headline);
        l.keep = false;
        continue;
      }
      // A repeated line of four or more words (a headline printed twice) is kept once.
      if (WordCount(l.trimmed) >= 4 && !seen.insert(l.trimmed).second) {
        if (HeadlineLike(l.trimmed)) mark_headline(l.trimmed);
        l.keep = false;
        continue;
      }
      if (first_content == lines.size()) first_content = i;
      if (HeadlineLike(l.trimmed) && WordCount(l.trimmed) >= 4) last_headline = l.trimmed;
    }
    // Breadcrumbs: an early line that ends with a later headline line ("Home News <headline>").
    for (size_t i = 0; i < lines.size() && i < 8; ++i) {
      if (!lines[i].keep || lines[i].trimmed.empty()) continue;
      for (size_t j = i + 1; j < lines.size() && j < i + 8; ++j) {
        std::string_view a = lines[i].trimmed, b = lines[j].trimmed;
        if (b.size() >= 12 && a.size() > b.size() && a.size() - b.size() <= 40 &&
            a.compare(a.size() - b.size(), b.size(), b) == 0) {
          lines[i].keep = false;
          break;
        }
      }
    }
  }

  // Title: the headline found above; else, among the headline-like lines at
  // the top, the first of four or more words (a masthead is shorter), else the first.
  if (!doc->title && !headline.empty() && headline.size() <= 200) doc->title = std::string(headline);
  if (!doc->title) {
    std::string_view first;
    for (const Line& l : lines) {
      if (!l.keep || l.trimmed.empty()) continue;
      if (!HeadlineLike(l.trimmed) || l.trimmed.size() > 200) break;
      if (first.empty()) first = l.trimmed;
      if (WordCount(l.trimmed) >= 4) {
        first = l.trimmed;
        break;
      }
    }
    if (!first.empty()) doc->title = std::string(first);
  }

  // Assemble: kept lines verbatim, leading blank lines dropped, at most one blank line in a row.
  std::string& out = doc->text;
  out.clear();
  doc->offsets.clear();
  doc->dropped.clear();
  bool pending_blank = false;
  int content_lines = 0;
  for (const Line& l : lines) {
    if (!l.keep) {
      doc->dropped.push_back({l.begin, l.end});
      continue;
    }
    if (l.trimmed.empty()) {
      pending_blank = !out.empty();
      continue;
    }
    if (!out.empty()) {
      out.append(pending_blank ? "\n\n" : "\n");
    }
    pending_blank = false;
    // Keep the line from its first to last non-space character, less a wire dateline
    // ("KYIV, March 4 (Reuters) - "), whose outlet becomes metadata.
    std::string_view kept = l.trimmed;
    if (drop_chrome && content_lines++ < 6) {
      std::string dateline_outlet;
      if (size_t n = DatelinePrefix(kept, &dateline_outlet); n > 0 && n < kept.size()) {
        if (!doc->outlet) doc->outlet = Outlet{dateline_outlet, ""};
        kept.remove_prefix(n);
      }
    }
    uint32_t b = static_cast<uint32_t>(kept.data() - src.data());
    doc->offsets.push_back({static_cast<uint32_t>(out.size()), b, static_cast<uint32_t>(kept.size())});
    out.append(kept);
  }

  // Compose with the HTML map so offsets point into the raw HTML.
  if (doc->format == InputFormat::kHtml) {
    std::vector<OffsetPiece> composed;
    for (const OffsetPiece& p : doc->offsets) {
      uint32_t pos = p.raw_begin, left = p.length, clean = p.clean_begin;
      while (left > 0) {
        auto it = std::upper_bound(html_map.begin(), html_map.end(), pos,
                                   [](uint32_t v, const OffsetPiece& q) { return v < q.clean_begin; });
        if (it == html_map.begin()) break;
        --it;
        uint32_t into = pos - it->clean_begin;
        if (into >= it->length) {
          // A space the HTML walker put between two text runs: it has no raw
          // byte of its own, so no piece (RawOffset maps it to the end of the
          // run before it).
          ++pos;
          ++clean;
          --left;
          continue;
        }
        uint32_t take = std::min(it->length - into, left);
        composed.push_back({clean, it->raw_begin + into, take});
        pos += take;
        clean += take;
        left -= take;
      }
    }
    doc->offsets = std::move(composed);
    for (Span& d : doc->dropped) d = {0, 0};
    doc->dropped.clear();
  }
  if (util::Trim(out).empty()) return Status::Corruption("no article text left after cleaning");
  return Status::OK();
}

}  // namespace claimtrace::clean

namespace claimtrace {

uint32_t Document::RawOffset(uint32_t clean_offset) const {
  auto it = std::upper_bound(offsets.begin(), offsets.end(), clean_offset,
                             [](uint32_t v, const OffsetPiece& p) { return v < p.clean_begin; });
  if (it == offsets.begin()) return clean_offset;
  --it;
  uint32_t into = clean_offset - it->clean_begin;
  if (into > it->length) into = it->length;
  return it->raw_begin + into;
}

}  // namespace claimtrace
