// A page of claims from /api/claims (server-side paging: limit/offset).
import { api, FILTER_KEYS } from './api.js';
import { h, clear, fill } from './dom.js';
import { href } from './router.js';
import { typeColor, typeLabel, sideColor, sideGroup } from './vocab.js';

export const PAGE_SIZE = 50;

export function typeBadge(t) {
  return h('span', { class: 'badge type', style: { '--c': typeColor(t) } }, typeLabel(t));
}
export function sideChip(side, title) {
  return h('span', { class: ['side', `side-${sideGroup(side)}`], style: { '--c': sideColor(side) }, title: title || 'side' }, side && side !== 'unknown' ? side : '?');
}
export function statusBadge(s) {
  return s ? h('span', { class: ['badge', 'status', `st-${s}`] }, s) : null;
}

export function sourceCell(c) {
  if (!c.root) return h('span', { class: 'muted' }, 'own voice');
  const via = c.chain && c.chain.length > 1 ? c.chain.slice(0, -1).map((l) => l.name).join(' → ') : '';
  return h('span', null, sideChip(c.root.side), ' ', c.root.name,
    via ? h('div', { class: 'muted small' }, 'via ', via) : null);
}

export function claimFlags(c) {
  return [
    c.polarity === 'denied' ? h('span', { class: 'badge neg', title: 'the source denies the event' }, 'denied') : null,
    c.modality === 'hypothetical' ? h('span', { class: 'badge hyp', title: 'prediction, call or conditional' }, 'hypothetical') : null,
    c.hedges && c.hedges.length ? h('span', { class: 'badge hedge', title: c.hedges.join(', ') }, 'hedged') : null,
    c.copy_of ? h('span', { class: 'badge copy', title: 'this document copies an earlier one' }, 'copy') : null,
  ];
}

// view: the route the pager and place links stay on ('claims', 'timeline', 'map').
export function createClaimsTable(view) {
  const summary = h('div', { class: 'summary', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const table = h('table', { class: 'claims' },
    h('thead', null, h('tr', null,
      ['Date', 'Type', 'Claim', 'Actor', 'Place', 'Source', 'Status', 'Outlet'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  const pager = h('div', { class: 'pager' });
  const el = h('section', { class: 'table-wrap' }, summary, h('div', { class: 'scroll-x' }, table), pager);
  let seq = 0;
  let ctrl = null;

  async function load(params) {
    const my = ++seq;
    ctrl?.abort();
    ctrl = new AbortController();
    const offset = Math.max(0, Number(params.offset) || 0);
    const q = { limit: PAGE_SIZE, offset };
    for (const k of [...FILTER_KEYS, 'sort']) if (params[k]) q[k] = params[k];
    el.classList.add('loading');
    try {
      const res = await api.claims(q, ctrl.signal);
      if (my !== seq) return;
      render(res, params);
    } catch (e) {
      if (e.name === 'AbortError' || my !== seq) return;
      summary.textContent = `Could not load claims: ${e.message}`;
      clear(tbody);
      clear(pager);
    } finally {
      if (my === seq) el.classList.remove('loading');
    }
  }

  function render(res, params) {
    const { total, offset, claims } = res;
    el.dataset.total = String(total);
    summary.textContent = total === 0 ? 'No claims match these filters.'
      : `${offset + 1}–${offset + claims.length} of ${total.toLocaleString('en')} claim${total === 1 ? '' : 's'}`;
    fill(tbody, claims.map((c) => row(c, params)));
    const page = (o) => href(view, { ...params, offset: o || '' });
    clear(pager);
    if (total > PAGE_SIZE) {
      pager.append(
        offset > 0 ? h('a', { class: 'btn', href: page(Math.max(0, offset - PAGE_SIZE)), rel: 'prev' }, '← Previous') : h('span', { class: 'btn disabled' }, '← Previous'),
        h('span', { class: 'muted' }, `page ${Math.floor(offset / PAGE_SIZE) + 1} of ${Math.ceil(total / PAGE_SIZE)}`),
        offset + PAGE_SIZE < total ? h('a', { class: 'btn', href: page(offset + PAGE_SIZE), rel: 'next' }, 'Next →') : h('span', { class: 'btn disabled' }, 'Next →'));
    }
  }

  function row(c, params) {
    const link = href('claim', null, c.claim_id);
    // A resolved place links to its filter; an unresolved one (no gazetteer name) shows as written.
    const place = c.place?.name
      ? h('a', { href: href(view, { ...params, place: c.place.id || c.place.name, offset: '' }), title: `filter by ${c.place.name}` }, c.place.name)
      : h('span', { class: 'muted', title: c.place ? 'not in the gazetteer' : '' }, c.place?.text || '—');
    return h('tr', { dataset: { claimId: String(c.claim_id), type: c.type, side: c.actor?.side || '' } },
      h('td', { class: 'nowrap' }, c.event_date || ''),
      h('td', null, (c.types && c.types.length ? c.types : [c.type]).map(typeBadge)),
      h('td', { class: 'claim-text' }, h('a', { href: link, class: 'claim-link' }, c.text), ' ', claimFlags(c)),
      h('td', null, c.actor ? sideChip(c.actor.side, `actor: ${c.actor.text}`) : h('span', { class: 'muted' }, '—')),
      h('td', null, place),
      h('td', { class: 'source-cell' }, sourceCell(c)),
      h('td', null, statusBadge(c.status)),
      h('td', null, c.doc?.outlet?.name || '', h('div', { class: 'muted small' }, c.doc?.published || '')));
  }

  return { el, load };
}
