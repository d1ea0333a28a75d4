// The filter bar shared by the claims, timeline and map views. Its state lives
// in the URL; a change calls onChange(params) with the offset reset.
import { h, debounce, fill } from './dom.js';
import { TYPES, STATUSES, typeLabel } from './vocab.js';

const SORTS = [['date', 'oldest first'], ['-date', 'newest first'], ['reports', 'most reported']];

export function createFilterBar(onChange) {
  let params = {};
  const emit = (patch) => {
    const next = { ...params, ...patch };
    delete next.offset;
    for (const k of Object.keys(next)) if (next[k] === '' || next[k] == null) delete next[k];
    onChange(next);
  };
  const select = (name, label, options) => h('label', { class: 'f' }, h('span', null, label),
    h('select', { name, onchange: (e) => emit({ [name]: e.target.value }) },
      h('option', { value: '' }, 'any'),
      options.map(([v, t]) => h('option', { value: v }, t))));
  const input = (name, label, type = 'text', placeholder = '') => {
    const el = h('input', { name, type, placeholder, autocomplete: 'off' });
    const fire = () => { if ((params[name] || '') !== el.value.trim()) emit({ [name]: el.value.trim() }); };
    if (type === 'date') el.addEventListener('change', fire);
    else {
      el.addEventListener('change', fire);
      el.addEventListener('input', debounce(fire, 400));
      el.addEventListener('keydown', (e) => { if (e.key === 'Enter') fire(); });
    }
    return h('label', { class: 'f' }, h('span', null, label), el);
  };
  const sideOpts = [['UA', 'UA'], ['RU', 'RU'], ['other', 'other country'], ['unknown', 'unknown']];
  const el = h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
    input('q', 'Text', 'search', 'words in the claim'),
    select('type', 'Type', TYPES.map((t) => [t, typeLabel(t)])),
    select('side', 'Actor side', sideOpts),
    select('status', 'Status', STATUSES.map((s) => [s, s])),
    input('place', 'Place', 'text', 'name or id'),
    input('source', 'Source', 'text', 'outlet or source'),
    input('since', 'From', 'date'),
    input('until', 'To', 'date'),
    h('label', { class: 'f' }, h('span', null, 'Sort'),
      h('select', { name: 'sort', onchange: (e) => emit({ sort: e.target.value === 'date' ? '' : e.target.value }) },
        SORTS.map(([v, t]) => h('option', { value: v }, t)))),
    h('button', { type: 'button', class: 'reset', onclick: () => onChange({}) }, 'Reset'));
  const clusterNote = h('div', { class: 'cluster-note', hidden: true });
  const wrap = h('div', { class: 'filterbar' }, el, clusterNote);

  function set(p) {
    params = { ...p };
    for (const ctl of el.elements) {
      if (!ctl.name) continue;
      const v = params[ctl.name] ?? (ctl.name === 'sort' ? 'date' : '');
      if (document.activeElement === ctl && ctl.tagName === 'INPUT' && ctl.type !== 'date') continue;
      if (ctl.tagName === 'SELECT' && v && ![...ctl.options].some((o) => o.value === v)) ctl.append(h('option', { value: v }, v));
      ctl.value = v;
    }
    clusterNote.hidden = !params.cluster;
    fill(clusterNote, ...(params.cluster ? [`Claims of cluster ${params.cluster} `,
      h('button', { type: 'button', onclick: () => emit({ cluster: '' }) }, 'show all')] : []));
  }
  return { el: wrap, set };
}

// Filters minus the ones a chart sets itself (its own dimension shows all values).
export function without(params, ...keys) {
  const out = { ...params };
  for (const k of ['offset', 'sort', 'limit', ...keys]) delete out[k];
  return out;
}
