// The API gives spans as UTF-8 byte offsets into a document's text; JavaScript
// strings index UTF-16 code units. byteIndexMap(text) maps one to the other:
// it walks the text once, counting each code point's UTF-8 length (the length
// TextEncoder gives it: 1 to 4 bytes, 3 for a lone surrogate, which TextEncoder
// writes as U+FFFD).

export function utf8Length(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Returns toIndex(byteOffset) -> string index. An offset inside a code point
// rounds down to its start; offsets past the end clamp to text.length.
export function byteIndexMap(text) {
  const starts = [];   // byte offset of each code point
  const indices = [];  // string index of each code point
  let b = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i);
    starts.push(b);
    indices.push(i);
    b += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const total = b;
  const toIndex = (byte) => {
    if (!(byte > 0)) return 0;
    if (byte >= total) return text.length;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {               // last code point starting at or before byte
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= byte) lo = mid; else hi = mid - 1;
    }
    return indices[lo];
  };
  toIndex.byteLength = total;
  return toIndex;
}

// spans: [{start, end, cls, title?, key?}] in byte offsets. Returns the text cut
// into segments [{text, start, end, spans: [...] }] (string indices), each
// segment covered by the same set of spans. Spans out of range are clipped;
// empty ones dropped.
export function segment(text, spans) {
  const toIndex = byteIndexMap(text);
  const list = [];
  for (const s of spans) {
    if (!s || !Array.isArray(s.span)) continue;
    const a = toIndex(s.span[0]);
    const b = toIndex(s.span[1]);
    if (b > a) list.push({ ...s, a, b });
  }
  const cuts = new Set([0, text.length]);
  for (const s of list) { cuts.add(s.a); cuts.add(s.b); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    if (b <= a) continue;
    out.push({ text: text.slice(a, b), start: a, end: b, spans: list.filter((s) => s.a <= a && s.b >= b) });
  }
  return out;
}
