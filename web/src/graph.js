// Provenance graph of a claim's cluster: sources (first source → intermediaries)
// on the left, documents on the right; documents that copy one another are
// grouped in a compound node. Drawn by cytoscape on a canvas, so labels are
// never markup.
import cytoscape from 'cytoscape';
import { h } from './dom.js';
import { SIDE_COLORS, sideColor, sideGroup } from './vocab.js';

const COL_W = 260;
const ROW_H = 78;

// Columns: a source's column is its longest path from a root; documents go to
// the last column, copies next to their original.
export function layout(nodes, edges) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const preds = new Map(nodes.map((n) => [n.id, []]));
  const succs = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!byId.has(e.from) || !byId.has(e.to) || e.kind === 'copy') continue;
    preds.get(e.to).push(e.from);
    succs.get(e.from).push(e.to);
  }
  const level = new Map();
  const visiting = new Set();
  const lv = (id) => {
    if (level.has(id)) return level.get(id);
    if (visiting.has(id)) return 0; // a cycle: cut it
    visiting.add(id);
    const l = Math.max(-1, ...preds.get(id).filter((p) => byId.get(p).kind !== 'document').map(lv)) + 1;
    visiting.delete(id);
    level.set(id, l);
    return l;
  };
  const sources = nodes.filter((n) => n.kind !== 'document');
  const docs = nodes.filter((n) => n.kind === 'document');
  let maxSrc = -1;
  for (const s of sources) maxSrc = Math.max(maxSrc, lv(s.id));
  const docCol = maxSrc + 1;
  const columns = [];
  for (const s of sources) (columns[level.get(s.id)] ||= []).push(s);
  // documents: originals ordered by date, each followed by its copies
  const docIds = new Set(docs.map((d) => d.id));
  const groupOf = (d) => (d.copy_of && docIds.has(`doc:${d.copy_of}`) ? `doc:${d.copy_of}` : d.id);
  const sorted = [...docs].sort((a, b) => {
    const ga = byId.get(groupOf(a)), gb = byId.get(groupOf(b));
    return String(ga.date).localeCompare(String(gb.date)) || ga.id.localeCompare(gb.id)
      || (a.id === groupOf(a) ? -1 : b.id === groupOf(b) ? 1 : 0) || String(a.date).localeCompare(String(b.date));
  });
  columns[docCol] = sorted;
  const pos = new Map();
  const place = (col, list) => {
    const n = list.length;
    list.forEach((node, i) => pos.set(node.id, { x: col * COL_W, y: (i - (n - 1) / 2) * ROW_H }));
  };
  place(docCol, sorted);
  // sources right to left, each column ordered by the mean height of what it feeds
  for (let col = docCol - 1; col >= 0; col--) {
    const list = columns[col] || [];
    const meanY = (id) => {
      const ys = succs.get(id).map((s) => pos.get(s)?.y).filter((y) => y !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
    };
    list.sort((a, b) => meanY(a.id) - meanY(b.id) || a.id.localeCompare(b.id));
    place(col, list);
  }
  return { pos, groupOf };
}

const short = (s, n = 60) => { const t = String(s ?? ''); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };

export function toElements(graph, currentDoc) {
  const nodes = graph?.nodes || [];
  const edges = graph?.edges || [];
  const { pos, groupOf } = layout(nodes, edges);
  const els = [];
  const groups = new Map();
  for (const n of nodes) if (n.kind === 'document') {
    const g = groupOf(n);
    groups.set(g, (groups.get(g) || 0) + 1);
  }
  for (const [g, size] of groups) {
    if (size > 1) els.push({ group: 'nodes', data: { id: `copies:${g}`, label: `${size} copies`, kind: 'copies' }, classes: 'copies' });
  }
  for (const n of nodes) {
    const isDoc = n.kind === 'document';
    const g = isDoc ? groupOf(n) : null;
    const label = isDoc
      ? `${short(n.outlet || n.label, 40)}\n${n.date || ''}`
      : `${n.first_source ? '★ ' : ''}${short(n.label, 48)}${n.source_kind ? `\n(${n.source_kind}${n.side ? `, ${n.side}` : ''})` : ''}`;
    els.push({
      group: 'nodes',
      data: {
        id: n.id, label, kind: isDoc ? 'document' : 'source', side: sideGroup(n.side), color: sideColor(n.side),
        claim: n.claim || 0, title: n.label || '', parent: g && groups.get(g) > 1 ? `copies:${g}` : undefined,
      },
      position: pos.get(n.id),
      classes: [isDoc ? 'document' : 'source', n.first_source ? 'first' : '', isDoc && n.doc === currentDoc ? 'current' : ''].filter(Boolean).join(' '),
    });
  }
  const ids = new Set(nodes.map((n) => n.id));
  edges.forEach((e, i) => {
    if (!ids.has(e.from) || !ids.has(e.to)) return;
    els.push({ group: 'edges', data: { id: `e${i}`, source: e.from, target: e.to, kind: e.kind, label: e.cue ? short(e.cue, 24) : '' }, classes: e.kind });
  });
  return els;
}

const STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 190, color: '#1f2328', 'font-family': 'system-ui, sans-serif' } },
  { selector: 'node.source', style: { shape: 'ellipse', width: 22, height: 22, 'background-color': 'data(color)', 'text-valign': 'top', 'text-margin-y': -4, 'border-width': 1, 'border-color': '#fff' } },
  { selector: 'node.document', style: { shape: 'round-rectangle', width: 200, height: 40, 'background-color': '#fff', 'border-width': 3, 'border-color': 'data(color)', 'text-valign': 'center', 'text-halign': 'center' } },
  { selector: 'node.first', style: { 'border-width': 4, 'border-color': '#e0a800', 'font-weight': 'bold' } },
  { selector: 'node.source.first', style: { width: 30, height: 30 } },
  { selector: 'node.current', style: { 'background-color': '#fff6c2', 'border-style': 'double', 'border-width': 6 } },
  { selector: 'node.copies', style: { shape: 'round-rectangle', 'background-color': '#eef1f5', 'background-opacity': 0.8, 'border-width': 1, 'border-style': 'dashed', 'border-color': '#8a8f98', label: 'data(label)', 'text-valign': 'bottom', 'text-halign': 'center', 'font-size': 10, color: '#57606a', padding: 10 } },
  { selector: 'edge', style: { width: 1.6, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#9aa1ab', 'target-arrow-color': '#9aa1ab', label: 'data(label)', 'font-size': 9, color: '#57606a', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-rotation': 'autorotate' } },
  { selector: 'edge.copy', style: { 'line-style': 'dashed', 'line-color': '#57606a', 'target-arrow-color': '#57606a' } },
  { selector: 'edge.own_voice', style: { 'line-style': 'dotted' } },
  { selector: 'edge.said', style: { width: 2.2 } },
  { selector: 'node:selected', style: { 'overlay-opacity': 0.12 } },
];

export function renderGraph(container, graph, { currentDoc, onOpenClaim } = {}) {
  const elements = toElements(graph, currentDoc);
  const cy = cytoscape({
    container, elements, style: STYLE, layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.2, maxZoom: 2.5, wheelSensitivity: 0.3, boxSelectionEnabled: false, autoungrabify: false,
  });
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }
  cy.on('tap', 'node.document', (ev) => {
    const claim = ev.target.data('claim');
    if (claim && onOpenClaim) onOpenClaim(claim);
  });
  const tip = h('div', { class: 'graph-tip', hidden: true });
  container.append(tip);
  cy.on('mouseover', 'node', (ev) => {
    const d = ev.target.data();
    if (d.kind === 'copies') return;
    tip.textContent = d.title || d.label;
    const p = ev.renderedPosition || ev.target.renderedPosition();
    tip.style.left = `${p.x + 12}px`;
    tip.style.top = `${p.y + 12}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node', () => { tip.hidden = true; });
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  return cy;
}

export function graphLegend() {
  const dot = (c) => h('span', { class: 'dot', style: { background: c } });
  return h('div', { class: 'legend' },
    h('span', null, dot(SIDE_COLORS.UA), 'UA'), h('span', null, dot(SIDE_COLORS.RU), 'RU'),
    h('span', null, dot(SIDE_COLORS.other), 'other country'), h('span', null, dot(SIDE_COLORS.unknown), 'unknown side'),
    h('span', null, h('span', { class: 'dot ring' }), 'first source (★)'),
    h('span', null, h('span', { class: 'box' }), 'document (border: outlet side)'),
    h('span', null, h('span', { class: 'box dashed' }), 'copies'),
    h('span', { class: 'muted' }, 'arrows run from the source towards the documents; click a document to open its claim'));
}
