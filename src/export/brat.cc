// Spans are mapped clean -> raw bytes -> raw code points. Identical spans of
// one role are written once and shared (a continued quotation reuses its
// speaker's source and cue), as BRAT events may share text-bound annotations.
#include "export/brat.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "util/utf8.h"

namespace claimtrace::exporter {
namespace {

struct Writer {
  const Document& doc;
  std::string out;
  int next_t = 1;
  std::map<std::tuple<std::string, uint32_t, uint32_t>, int> seen;
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
      uint32_t rb = it->raw_begin + (pos - it->clean_begin);
      uint32_t re = it->raw_begin + (end - it->clean_begin);
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

  int Text(const std::string& label, Span s) {
    auto frags = Fragments(s);
    if (frags.empty()) return -1;
    auto key = std::make_tuple(label, frags.front().first, frags.back().second);
    if (auto it = seen.find(key); it != seen.end()) return it->second;
    int id = next_t++;
    seen[key] = id;
    std::string offs, text;
    for (size_t i = 0; i < frags.size(); ++i) {
      if (i) offs += ";";
      offs += std::to_string(frags[i].first) + " " + std::to_string(frags[i].second);
    }
    std::string_view clean = doc.Slice(s);
    for (char ch : clean) text.push_back(ch == '\n' || ch == '\t' ? ' ' : ch);
    out += "T" + std::to_string(id) + "\t" + label + " " + offs + "\t" + text + "\n";
    return id;
  }
};

}  // namespace

std::string ToBrat(const Document& doc) {
  Writer w{doc, {}, 1, {}, {}};
  int e = 1;
  for (const Attribution& a : doc.attributions) {
    int src = a.source ? w.Text("Source", a.source->span) : -1;
    int cue = w.Text("Cue", a.cue.span);
    int content = -1;
    if (a.content_parts.size() > 1) {
      // Discontinuous content: write each part; the first carries the role.
      content = w.Text("Content", a.content_parts[0]);
      for (size_t i = 1; i < a.content_parts.size(); ++i) w.Text("Content2", a.content_parts[i]);
    } else {
      content = w.Text("Content", a.content.span);
    }
    if (cue < 0 || content < 0) continue;
    int trig = w.next_t++;
    auto frags = w.Fragments(a.cue.span);
    std::string offs = std::to_string(frags.front().first) + " " + std::to_string(frags.back().second);
    w.out += "T" + std::to_string(trig) + "\t" + (src >= 0 ? "Attribution" : "Attribution-no-source") + " " + offs +
             "\t" + std::string(doc.Slice(a.cue.span)) + "\n";
    w.out += "E" + std::to_string(e++) + "\t" + (src >= 0 ? "Attribution" : "Attribution-no-source") + ":T" +
             std::to_string(trig) + " Content:T" + std::to_string(content) + " Cue:T" + std::to_string(cue);
    if (src >= 0) w.out += " Source:T" + std::to_string(src);
    w.out += "\n";
  }
  return w.out;
}

}  // namespace claimtrace::exporter
