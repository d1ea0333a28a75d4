// Spans are mapped clean -> raw bytes -> raw code points. Identical spans of
// one role are written once and shared (a continued quotation reuses its
// speaker's source and cue), as BRAT events may share text-bound annotations.
#include "export/brat.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "export/polnear.h"
#include "util/utf8.h"

namespace claimtrace::exporter {
namespace {

struct Writer {
  const Document& doc;
  std::string out;
  int next_t = 1;
  std::map<std::tuple<std::string, std::string, unsigned>, int> seen;
  std::vector<uint32_t> cp_at;  // code point index of each raw byte offset (lazy)

  uint32_t Cp(uint32_t raw_byte) {
    if (cp_at.empty()) {
      cp_at.resize(doc.raw.size() + 1);
      uint32_t n = 0;
      for (size_t i = 0; i < doc.raw.size(); ++i) {
        cp_at[i] = n;
        if ((static_cast<unsigned char>(doc.raw[i]) & 0xC0) != 0x80) ++n;
      }
      // Continuation bytes map to the start of their code point.
      n = 0;
      for (size_t i = 0; i < doc.raw.size(); ++i) {
        if ((static_cast<unsigned char>(doc.raw[i]) & 0xC0) != 0x80) cp_at[i] = n++;
        else cp_at[i] = n;
      }
      cp_at[doc.raw.size()] = n;
    }
    return cp_at[std::min<size_t>(raw_byte, doc.raw.size())];
  }

  // Clean span -> code point fragments in the raw input (split where clean pieces jump).
  std::vector<std::pair<uint32_t, uint32_t>> Fragments(Span s) {
    std::vector<std::pair<uint32_t, uint32_t>> frags;
    uint32_t pos = s.begin;
    uint32_t prev_raw_end = 0;
    while (pos < s.end) {
      // Find the piece holding pos.
      auto it = std::upper_bound(doc.offsets.begin(), doc.offsets.end(), pos,
                                 [](uint32_t v, const OffsetPiece& p) { return v < p.clean_begin; });
      if (it == doc.offsets.begin()) break;
      --it;
      uint32_t piece_end = it->clean_begin + it->length;
      uint32_t end = std::min(s.end, piece_end);
      if (end <= pos) {  // pos falls in a gap (a synthetic newline): skip to the next piece
        ++it;
        if (it == doc.offsets.end()) break;
        pos = it->clean_begin;
        continue;
      }
      // HTML text is not a byte copy of the page (entities, replaced characters): clamp.
      const uint32_t raw_size = static_cast<uint32_t>(doc.raw.size());
      uint32_t rb = std::min(raw_size, it->raw_begin + (pos - it->clean_begin));
      uint32_t re = std::min(raw_size, std::max(rb, it->raw_begin + (end - it->clean_begin)));
      uint32_t cb = Cp(rb), ce = Cp(re);
      bool merge = false;
      if (!frags.empty() && prev_raw_end <= rb) {
        merge = util::Trim(std::string_view(doc.raw).substr(prev_raw_end, rb - prev_raw_end)).empty();
      }
      if (merge) {
        frags.back().second = ce;
      } else {
        frags.push_back({cb, ce});
      }
      prev_raw_end = re;
      pos = end;
    }
    return frags;
  }

  // Writes a text-bound annotation over one or more clean spans (a discontinuous
  // span becomes ';'-separated fragments); identical ones are written once.
  int Text(const std::string& label, const std::vector<Span>& spans) {
    std::vector<std::pair<uint32_t, uint32_t>> frags;
    std::string text;
    for (Span s : spans) {
      auto f = Fragments(s);
      frags.insert(frags.end(), f.begin(), f.end());
      if (!text.empty()) text += " ";
      for (char ch : doc.Slice(s)) text.push_back(ch == '\n' || ch == '\t' ? ' ' : ch);
    }
    if (frags.empty()) return -1;
    std::string offs;
    for (size_t i = 0; i < frags.size(); ++i) {
      if (i) offs += ";";
      offs += std::to_string(frags[i].first) + " " + std::to_string(frags[i].second);
    }
    auto key = std::make_tuple(label, offs, 0u);
    if (auto it = seen.find(key); it != seen.end()) return it->second;
    int id = next_t++;
    seen[key] = id;
    out += "T" + std::to_string(id) + "\t" + label + " " + offs + "\t" + text + "\n";
    return id;
  }
};

}  // namespace

std::string ToBrat(const Document& doc, const BratOptions& options) {
  Writer w{doc, {}, 1, {}, {}};
  int e = 1, note = 1;
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    if (options.scheme_filter && !PolnearKeeps(doc, i)) continue;
    Span src_span = a.source ? (a.source_extent.empty() ? a.source->span : a.source_extent) : Span{};
    int src = a.source ? w.Text("Source", {src_span}) : -1;
    Span cue_span = a.cue_extent.empty() ? a.cue.span : a.cue_extent;
    int cue = w.Text("Cue", {cue_span});
    int content = w.Text("Content", a.content_parts.size() > 1 ? a.content_parts : std::vector<Span>{a.content.span});
    if (cue < 0 || content < 0) continue;
    const char* label = src >= 0 ? "Attribution" : "Attribution-no-source";
    auto frags = w.Fragments(cue_span);
    int trig = w.next_t++;
    std::string trigger_text(doc.Slice(cue_span));
    for (char& ch : trigger_text) {
      if (ch == '\n' || ch == '\t') ch = ' ';
    }
    w.out += "T" + std::to_string(trig) + "\t" + label + " " + std::to_string(frags.front().first) + " " +
             std::to_string(frags.back().second) + "\t" + trigger_text + "\n";
    w.out += "E" + std::to_string(e++) + "\t" + label + ":T" + std::to_string(trig) + " Content:T" +
             std::to_string(content) + " Cue:T" + std::to_string(cue);
    if (src >= 0) w.out += " Source:T" + std::to_string(src);
    w.out += "\n";
    if (options.feature_notes) {
      w.out += "#" + std::to_string(note++) + "\tAnnotatorNotes T" + std::to_string(cue) + "\t";
      for (const std::string& f : PolnearFeatures(doc, PolnearStatement(doc, i))) {
        w.out += f;
        w.out += ' ';
      }
      w.out += "\n";
    }
  }
  return w.out;
}

}  // namespace claimtrace::exporter
