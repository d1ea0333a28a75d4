#include "export/polnear.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "util/data.h"
#include "util/utf8.h"

namespace claimtrace::exporter {
namespace {

struct Model {
  double bias = 0;
  double threshold = 0;
  std::unordered_map<std::string, double> weights;
};

// data/models/polnear_attribution.tsv: "bias<TAB>w", "threshold<TAB>t", then
// "feature<TAB>weight" lines; '#' starts a comment.
const Model& TheModel() {
  static const Model model = [] {
    Model m;
    constexpr std::string_view kName = "models/polnear_attribution.tsv";
    for (std::string_view line : util::SplitLines(util::EmbeddedFile(kName))) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        std::fprintf(stderr, "claimtrace: broken data file %.*s: a line without a tab\n",
                     static_cast<int>(kName.size()), kName.data());
        std::abort();
      }
      std::string key(line.substr(0, tab));
      double w = std::strtod(std::string(line.substr(tab + 1)).c_str(), nullptr);
      if (key == "bias") {
        m.bias = w;
      } else if (key == "threshold") {
        m.threshold = w;
      } else {
        m.weights[key] = w;
      }
    }
    return m;
  }();
  return model;
}

std::string Lower(std::string_view s) {
  std::string out = util::AsciiLower(util::Trim(s));
  for (char& ch : out) {
    if (ch == ' ' || ch == '\t' || ch == '\n') ch = '_';
  }
  if (out.size() > 40) out.resize(40);
  return out;
}

std::string FirstWord(std::string_view s) {
  s = util::Trim(s);
  size_t sp = s.find(' ');
  return Lower(sp == std::string_view::npos ? s : s.substr(0, sp));
}

bool HasQuoteMark(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = util::NextCodePoint(s, &i);
    util::QuoteMark q = util::ClassifyQuote(c);
    // Single closing marks are mostly apostrophes ("Trump’s").
    if (q != util::QuoteMark::kNone && q != util::QuoteMark::kCloseSingle && q != util::QuoteMark::kAmbiguousSingle)
      return true;
  }
  return false;
}

const char* Bucket(size_t n, size_t a, size_t b, size_t c) {
  if (n <= a) return "1";
  if (n <= b) return "2";
  if (n <= c) return "3";
  return "4";
}

}  // namespace

std::vector<std::string> PolnearFeatures(const Document& doc, size_t i) {
  static const std::vector<std::string_view> kPronouns = {"he", "she", "they", "it", "i", "we", "you", "who", "which"};
  const Attribution& a = doc.attributions[i];
  std::vector<std::string> f;
  const Span cue = a.cue_extent.empty() ? a.cue.span : a.cue_extent;
  const std::string head = FirstWord(a.cue.text);
  const std::string form = AttributionKindName(a.form);
  f.push_back("h=" + head);
  f.push_back("c=" + Lower(doc.Slice(cue)));
  f.push_back("f=" + form);
  if (a.kind == AttributionKind::kAnonymous) f.push_back("anon");
  if (a.attitude) f.push_back("att");
  std::string src = "none";
  if (a.source) {
    std::string first = FirstWord(a.source->text);
    bool pronoun = std::find(kPronouns.begin(), kPronouns.end(), first) != kPronouns.end();
    bool upper = !a.source->text.empty() && a.source->text[0] >= 'A' && a.source->text[0] <= 'Z';
    src = pronoun ? "pron" : upper ? "cap" : "low";
    size_t words = 1 + static_cast<size_t>(std::count(a.source->text.begin(), a.source->text.end(), ' '));
    f.push_back(std::string("sl=") + Bucket(words, 1, 2, 4));
    if (a.source->span.begin > a.cue.span.begin) f.push_back("sr");
  }
  f.push_back("s=" + src);
  const bool nested = a.parent >= 0 && static_cast<size_t>(a.parent) < doc.attributions.size();
  if (nested) {
    const Attribution& p = doc.attributions[static_cast<size_t>(a.parent)];
    f.push_back("n");
    f.push_back(std::string("nf=") + AttributionKindName(p.form));
    f.push_back("nh=" + FirstWord(p.cue.text));
  }
  if (a.continues >= 0) f.push_back("cont");
  if (a.via) f.push_back("via");
  std::string_view content = util::Trim(a.content.text);
  if (HasQuoteMark(content)) f.push_back("cq");
  if (content.substr(0, 5) == "that " || content.substr(0, 5) == "That ") f.push_back("ct");
  f.push_back(std::string("cl=") + Bucket(content.size(), 30, 80, 200));
  const bool before = a.content.span.end <= a.cue.span.begin;
  if (before) f.push_back("cb");
  if (!a.cue.text.empty() && a.cue.text[0] >= 'A' && a.cue.text[0] <= 'Z') f.push_back("cap");
  // Neighbouring words; names and numbers by their class, so the model does not learn people.
  auto word = [&](size_t k) -> std::string {
    if (k >= doc.tokens.size()) return "$";
    const Token& tok = doc.tokens[k];
    if (tok.kind == TokenKind::kNumber) return "#";
    if (tok.capitalized) return "^";
    return Lower(doc.Slice(tok.span));
  };
  size_t t = doc.TokenAtOrAfter(cue.begin);
  if (t > 0 && t <= doc.tokens.size()) f.push_back("pv=" + word(t - 1));
  f.push_back("nx=" + word(doc.TokenAtOrAfter(cue.end)));
  // Conjunctions: how a cue behaves depends on its layout.
  f.push_back("h&f=" + head + "&" + form);
  f.push_back("h&s=" + head + "&" + src);
  f.push_back("h&n=" + head + (nested ? "&1" : "&0"));
  f.push_back("h&cb=" + head + (before ? "&1" : "&0"));
  f.push_back("f&s=" + form + "&" + src);
  f.push_back("f&n=" + form + (nested ? "&1" : "&0"));
  return f;
}

double PolnearScore(const std::vector<std::string>& features) {
  const Model& m = TheModel();
  double s = m.bias;
  for (const std::string& name : features) {
    if (auto it = m.weights.find(name); it != m.weights.end()) s += it->second;
  }
  return s;
}

size_t PolnearStatement(const Document& doc, size_t i) {
  // "He added: …" also continues a statement but has a cue of its own.
  for (size_t hops = 0; hops < 8; ++hops) {
    const Attribution& a = doc.attributions[i];
    if (a.continues < 0 || static_cast<size_t>(a.continues) >= doc.attributions.size()) break;
    const Attribution& s = doc.attributions[static_cast<size_t>(a.continues)];
    if (s.cue.span.begin != a.cue.span.begin || s.cue.span.end != a.cue.span.end) break;
    i = static_cast<size_t>(a.continues);
  }
  return i;
}

bool PolnearKeeps(const Document& doc, size_t i) {
  return PolnearScore(PolnearFeatures(doc, PolnearStatement(doc, i))) >= TheModel().threshold;
}

}  // namespace claimtrace::exporter
