// #/timeline?filters: claims per day stacked by type (SVG drawn here), brushing
// a range sets since/until and the table below follows.
import { api } from './api.js';
import { h, svg, fill, clear } from './dom.js';
import { go } from './router.js';
import { createFilterBar, without } from './filters.js';
import { createClaimsTable } from './claims-table.js';
import { TYPES, typeColor, typeLabel } from './vocab.js';

const DAY = 86400000;
const toDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
const fromDay = (t) => new Date(t).toISOString().slice(0, 10);
const VALID = /^\d{4}-\d{2}-\d{2}$/;

export function createTimelineView() {
  const chartBox = h('div', { class: 'timeline-chart', id: 'timeline' });
  const note = h('div', { class: 'chart-note muted small' });
  const legendBox = h('div', { class: 'legend' });
  const filterBar = createFilterBar((p) => go('timeline', p));
  const table = createClaimsTable('timeline');
  const el = h('div', { class: 'view view-timeline' },
    filterBar.el,
    h('section', { class: 'card' }, h('h2', null, 'Claims per day'), note, chartBox, legendBox),
    table.el);
  let params = {};
  let chartKey = null;
  let data = null;
  let ctrl = null;
  const onResize = () => data && draw();

  async function loadChart() {
    const q = without(params, 'since', 'until');
    const key = JSON.stringify(q);
    if (key === chartKey && data) { draw(); return; }
    chartKey = key;
    ctrl?.abort();
    ctrl = new AbortController();
    try {
      const res = await api.timeline(q, ctrl.signal);
      data = (res.days || []).filter((d) => d && VALID.test(d.date)).sort((a, b) => a.date.localeCompare(b.date));
      draw();
    } catch (e) {
      if (e.name === 'AbortError') return;
      chartKey = null;
      fill(chartBox, h('p', { class: 'error-inline' }, `Could not load the timeline: ${e.message}`));
    }
  }

  function draw() {
    const days = data;
    if (!days.length) {
      fill(chartBox, h('p', { class: 'muted' }, 'No dated claims match these filters.'));
      clear(legendBox);
      note.textContent = '';
      return;
    }
    const t0 = toDay(days[0].date);
    const t1 = toDay(days[days.length - 1].date);
    const n = Math.round((t1 - t0) / DAY) + 1;
    const totals = new Array(n).fill(0);
    const stacks = new Array(n).fill(null);
    const typesSeen = new Set();
    for (const d of days) {
      const i = Math.round((toDay(d.date) - t0) / DAY);
      stacks[i] = d;
      for (const [t, c] of Object.entries(d.counts || {})) { totals[i] += Number(c) || 0; typesSeen.add(t); }
    }
    const order = [...TYPES.filter((t) => typesSeen.has(t)), ...[...typesSeen].filter((t) => !TYPES.includes(t)).sort()];
    const max = Math.max(1, ...totals);
    const W = Math.max(480, chartBox.clientWidth || 900);
    const H = 260;
    const m = { l: 40, r: 12, t: 10, b: 38 };
    const pw = W - m.l - m.r, ph = H - m.t - m.b;
    const bw = pw / n;
    const y = (v) => m.t + ph - (v / max) * ph;
    const root = svg('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'claims per day by type', class: 'tl-svg' });
    // y grid
    const step = niceStep(max);
    for (let v = 0; v <= max; v += step) {
      root.append(svg('line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: 'grid' }),
        svg('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, String(v)));
    }
    // bars
    const bars = svg('g', { class: 'bars' });
    for (let i = 0; i < n; i++) {
      const d = stacks[i];
      if (!d) continue;
      let acc = 0;
      for (const t of order) {
        const c = Number(d.counts?.[t]) || 0;
        if (!c) continue;
        const x = m.l + i * bw + (bw > 4 ? 1 : 0);
        const w = Math.max(0.8, bw - (bw > 4 ? 2 : 0));
        bars.append(svg('rect', { x, y: y(acc + c), width: w, height: Math.max(0.5, y(acc) - y(acc + c)), fill: typeColor(t), class: 'bar', 'data-type': t, 'data-date': d.date },
          svg('title', null, `${d.date}: ${c} ${typeLabel(t)}`)));
        acc += c;
      }
    }
    root.append(bars);
    // x labels
    const every = Math.max(1, Math.ceil(n / Math.floor(pw / 70)));
    for (let i = 0; i < n; i += every) {
      const x = m.l + (i + 0.5) * bw;
      root.append(svg('line', { x1: x, x2: x, y1: m.t + ph, y2: m.t + ph + 4, class: 'tick' }),
        svg('text', { x, y: m.t + ph + 16, 'text-anchor': 'middle', class: 'axis' }, fromDay(t0 + i * DAY).slice(5)));
    }
    root.append(svg('text', { x: m.l, y: H - 4, class: 'axis' }, fromDay(t0).slice(0, 4)),
      svg('line', { x1: m.l, x2: W - m.r, y1: m.t + ph, y2: m.t + ph, class: 'baseline' }));
    // brush: the selected range, and a transparent overlay taking the drag
    const sel = svg('rect', { y: m.t, height: ph, class: 'brush', visibility: 'hidden' });
    const idx = (date) => Math.round((toDay(date) - t0) / DAY);
    const showSel = (a, b) => {
      if (a === null) { sel.setAttribute('visibility', 'hidden'); return; }
      const lo = Math.max(0, Math.min(a, b)), hi = Math.min(n - 1, Math.max(a, b));
      if (hi < lo) { sel.setAttribute('visibility', 'hidden'); return; }
      sel.setAttribute('x', m.l + lo * bw);
      sel.setAttribute('width', Math.max(2, (hi - lo + 1) * bw));
      sel.setAttribute('visibility', 'visible');
    };
    if (params.since || params.until) {
      showSel(params.since && VALID.test(params.since) ? idx(params.since) : 0, params.until && VALID.test(params.until) ? idx(params.until) : n - 1);
    }
    const overlay = svg('rect', { x: m.l, y: m.t, width: pw, height: ph, class: 'overlay' });
    const dayAt = (ev) => {
      const r = root.getBoundingClientRect();
      const x = (ev.clientX - r.left) * (W / r.width);
      return Math.max(0, Math.min(n - 1, Math.floor((x - m.l) / bw)));
    };
    let start = null;
    overlay.addEventListener('pointerdown', (ev) => {
      start = dayAt(ev);
      overlay.setPointerCapture(ev.pointerId);
      showSel(start, start);
    });
    overlay.addEventListener('pointermove', (ev) => { if (start !== null) showSel(start, dayAt(ev)); });
    const end = (ev) => {
      if (start === null) return;
      const a = start, b = dayAt(ev);
      start = null;
      const lo = Math.min(a, b), hi = Math.max(a, b);
      go('timeline', { ...without(params), sort: params.sort, since: fromDay(t0 + lo * DAY), until: fromDay(t0 + hi * DAY) });
    };
    overlay.addEventListener('pointerup', end);
    overlay.addEventListener('pointercancel', () => { start = null; });
    root.append(sel, overlay);
    fill(chartBox, root);
    chartBox.dataset.bars = String(bars.childNodes.length);
    fill(legendBox, ...order.map((t) => h('span', null, h('span', { class: 'dot sq', style: { background: typeColor(t) } }), typeLabel(t))));
    const range = params.since || params.until ? `Selected ${params.since || '…'} – ${params.until || '…'}. ` : '';
    fill(note, range, 'Drag across the chart to pick a date range; the table follows. ',
      params.since || params.until ? h('button', { type: 'button', class: 'linkish', onclick: () => go('timeline', { ...params, since: '', until: '', offset: '' }) }, 'Clear the range') : null);
  }

  return {
    el,
    update(route) {
      params = route.params;
      filterBar.set(params);
      loadChart();
      table.load(params);
    },
    mount() { window.addEventListener('resize', onResize); },
    unmount() { ctrl?.abort(); window.removeEventListener('resize', onResize); },
  };
}

function niceStep(max) {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const f of [1, 2, 5, 10]) if (f * p >= raw) return Math.max(1, f * p);
  return Math.max(1, raw);
}
