// An article's text with spans highlighted as <mark> elements (built as DOM
// nodes; the text stays text).
import { h } from './dom.js';
import { segment } from './text-spans.js';

export const HIGHLIGHTS = [
  ['hl-claim', 'claim (evidence)'],
  ['hl-trigger', 'event word'],
  ['hl-actor', 'actor'],
  ['hl-place', 'place'],
  ['hl-count', 'count'],
  ['hl-time', 'time'],
  ['hl-source', 'source'],
  ['hl-cue', 'cue'],
  ['hl-flag', 'flag'],
];

// spans: [{span: [b, e], cls, title?, data?}] in UTF-8 byte offsets.
export function renderArticle(text, spans) {
  const el = h('div', { class: 'article-text' });
  for (const seg of segment(String(text ?? ''), spans)) {
    if (!seg.spans.length) { el.append(document.createTextNode(seg.text)); continue; }
    const classes = [...new Set(seg.spans.map((s) => s.cls))];
    const titles = [...new Set(seg.spans.map((s) => s.title).filter(Boolean))];
    const mark = h('mark', { class: classes, title: titles.join(' · ') || null }, seg.text);
    for (const s of seg.spans) if (s.data) Object.assign(mark.dataset, s.data);
    el.append(mark);
  }
  return el;
}

// The spans of one claim: its evidence, the words that carry its fields, and
// the sources and cues of the attributions that hold it.
export function claimSpans(claim, attributions = [], { key } = {}) {
  const data = key !== undefined ? { claim: String(key) } : undefined;
  const out = [];
  const add = (o, cls, title) => { if (o && Array.isArray(o.span)) out.push({ span: o.span, cls, title, data }); };
  add(claim, 'hl-claim', `claim: ${String(claim.type || '').replace(/_/g, ' ')}`);
  add(claim.trigger, 'hl-trigger', 'event word');
  add(claim.actor, 'hl-actor', claim.actor ? `actor (${claim.actor.side || 'side unknown'})` : '');
  add(claim.place, 'hl-place', claim.place ? `place: ${claim.place.name || claim.place.text}` : '');
  add(claim.count, 'hl-count', claim.count ? `count: ${claim.count.value ?? 'vague'}` : '');
  add(claim.time, 'hl-time', claim.time ? `time: ${claim.time.date || claim.time.text}` : '');
  for (const a of holdingAttributions(claim, attributions)) {
    add(a.source, 'hl-source', `source (${a.kind})`);
    add(a.cue, 'hl-cue', 'cue');
  }
  return out;
}

// Attributions whose content overlaps the claim, and their parents.
export function holdingAttributions(claim, attributions) {
  if (!claim?.span || !attributions?.length) return [];
  const [b, e] = claim.span;
  const byId = new Map(attributions.map((a) => [a.id, a]));
  const found = new Map();
  for (const a of attributions) {
    const c = a.content?.span;
    if (!c || c[1] <= b || c[0] >= e) continue;
    for (let x = a, guard = 0; x && !found.has(x.id) && guard < 20; x = byId.get(x.parent), guard++) found.set(x.id, x);
  }
  return [...found.values()];
}

export function flagSpans(flags = []) {
  return flags.filter((f) => f?.span).map((f) => ({ span: f.span, cls: 'hl-flag', title: `${f.kind}${f.detail ? `: ${f.detail}` : ''}` }));
}

export function legend(classes) {
  return h('div', { class: 'legend hl-legend' }, HIGHLIGHTS.filter(([c]) => classes.includes(c))
    .map(([c, label]) => h('span', null, h('mark', { class: c }, label))));
}
