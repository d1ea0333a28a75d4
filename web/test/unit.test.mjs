// Unit tests of the byte-offset mapping and the segmenting of highlights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteIndexMap, segment } from '../src/text-spans.js';
import { holdingAttributions } from '../src/article.js';
import { layout } from '../src/graph.js';

const enc = new TextEncoder();
const bytesOf = (s, sub, from = 0) => {
  const i = s.indexOf(sub, from);
  return [enc.encode(s.slice(0, i)).length, enc.encode(s.slice(0, i + sub.length)).length];
};

test('byte offsets map to string indices (ASCII, 2-, 3- and 4-byte characters)', () => {
  const text = 'Pokrovsk (Покровськ) 🇺🇦 — “forty-two” soldiers, é';
  const toIndex = byteIndexMap(text);
  assert.equal(toIndex.byteLength, enc.encode(text).length);
  for (const word of ['Pokrovsk', 'Покровськ', '🇺🇦', '—', 'forty-two', 'soldiers', 'é']) {
    const [b, e] = bytesOf(text, word);
    assert.equal(text.slice(toIndex(b), toIndex(e)), word, word);
  }
  assert.equal(toIndex(0), 0);
  assert.equal(toIndex(-5), 0);
  assert.equal(toIndex(1e9), text.length);
  // inside a multi-byte character: rounds down to its start
  const [b] = bytesOf(text, 'П');
  assert.equal(toIndex(b + 1), text.indexOf('П'));
});

test('a lone surrogate counts as TextEncoder counts it (U+FFFD, 3 bytes)', () => {
  const text = `a\ud800b`;
  const toIndex = byteIndexMap(text);
  assert.equal(toIndex.byteLength, enc.encode(text).length);
  assert.equal(text.slice(toIndex(4), toIndex(5)), 'b');
});

test('segments cover the text once, each with the spans covering it', () => {
  const text = 'Forty-two 🇺🇦 soldiers surrendered near Pokrovsk, the General Staff said.';
  const claim = bytesOf(text, 'Forty-two 🇺🇦 soldiers surrendered near Pokrovsk');
  const trig = bytesOf(text, 'surrendered');
  const src = bytesOf(text, 'the General Staff');
  const segs = segment(text, [
    { span: claim, cls: 'hl-claim' }, { span: trig, cls: 'hl-trigger' }, { span: src, cls: 'hl-source' },
    { span: [5, 5], cls: 'empty' }, { span: null, cls: 'bad' },
  ]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  const inClaim = segs.filter((s) => s.spans.some((x) => x.cls === 'hl-claim')).map((s) => s.text).join('');
  assert.equal(inClaim, 'Forty-two 🇺🇦 soldiers surrendered near Pokrovsk');
  const t = segs.find((s) => s.text === 'surrendered');
  assert.deepEqual(t.spans.map((x) => x.cls).sort(), ['hl-claim', 'hl-trigger']);
  assert.ok(!segs.some((s) => s.spans.some((x) => x.cls === 'empty' || x.cls === 'bad')));
});

test('the attributions holding a claim include their parents', () => {
  const atts = [
    { id: 'a1', content: { span: [0, 100] }, parent: null },
    { id: 'a2', content: { span: [20, 60] }, parent: 'a1' },
    { id: 'a3', content: { span: [200, 300] }, parent: null },
  ];
  assert.deepEqual(holdingAttributions({ span: [30, 50] }, atts).map((a) => a.id).sort(), ['a1', 'a2']);
  assert.deepEqual(holdingAttributions({ span: [150, 160] }, atts), []);
});

test('graph layout: sources by depth, documents last, copies next to their original', () => {
  const nodes = [
    { id: 'src:root', kind: 'source' }, { id: 'src:mid', kind: 'source' },
    { id: 'doc:1', kind: 'document', date: '2024-10-01' }, { id: 'doc:2', kind: 'document', date: '2024-10-02', copy_of: 1 },
    { id: 'doc:3', kind: 'document', date: '2024-10-01' },
  ];
  const edges = [
    { from: 'src:root', to: 'src:mid', kind: 'said' }, { from: 'src:mid', to: 'doc:1', kind: 'cites' },
    { from: 'doc:1', to: 'doc:2', kind: 'copy' }, { from: 'src:root', to: 'doc:3', kind: 'cites' },
    { from: 'src:mid', to: 'src:root', kind: 'said' }, // a cycle must not hang the layout
  ];
  const { pos, groupOf } = layout(nodes, edges);
  assert.equal(groupOf(nodes[3]), 'doc:1');
  const x = (id) => pos.get(id).x;
  assert.ok(x('doc:1') === x('doc:2') && x('doc:1') === x('doc:3'));
  assert.ok(x('src:root') < x('doc:1') && x('src:mid') < x('doc:1'));
  const ys = ['doc:1', 'doc:2', 'doc:3'].map((id) => pos.get(id).y);
  assert.deepEqual([ys[1] - ys[0], ys[2] - ys[1]], [78, 78], 'the copy sits right below its original');
});
