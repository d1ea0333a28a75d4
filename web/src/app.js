// claimtrace web UI: hash routes, one view at a time.
import { api } from './api.js';
import { h, fill } from './dom.js';
import { parseHash } from './router.js';
import { createClaimsView } from './view-claims.js';
import { createClaimView } from './view-claim.js';
import { createTimelineView } from './view-timeline.js';
import { createMapView } from './view-map.js';
import { createPasteView } from './view-paste.js';

const VIEWS = {
  claims: createClaimsView,
  claim: createClaimView,
  timeline: createTimelineView,
  map: createMapView,
  paste: createPasteView,
};
const NAV_OF = { claim: 'claims' };

let current = null; // { name, view }

function showRoute() {
  const route = parseHash();
  const main = document.getElementById('main');
  if (!VIEWS[route.view]) {
    location.replace('#/claims');
    return;
  }
  if (['claims', 'timeline', 'map'].includes(route.view)) sessionStorage.setItem('claimtrace:list', location.hash || '#/claims');
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.view === (NAV_OF[route.view] || route.view));
    if (a.dataset.view !== 'paste' && a.dataset.view === route.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!current || current.name !== route.view) {
    current?.view.unmount?.();
    const view = VIEWS[route.view]();
    current = { name: route.view, view };
    fill(main, view.el);
    document.body.dataset.view = route.view;
    view.mount?.(route);
    window.scrollTo(0, 0);
  }
  document.title = `claimtrace · ${route.view === 'claim' ? `claim ${route.id}` : route.view}`;
  current.view.update(route);
}

async function showStats() {
  const el = document.getElementById('stats');
  try {
    const s = await api.stats();
    const n = (x) => Number(x || 0).toLocaleString('en');
    fill(el, 
      h('span', null, h('strong', null, n(s.claims)), ' claims'),
      h('span', null, h('strong', null, n(s.claim_clusters)), ' clusters'),
      h('span', null, h('strong', null, n(s.documents)), ' documents'),
      h('span', null, h('strong', null, n(s.outlets)), ' outlets'),
      s.first_date ? h('span', null, `${s.first_date} – ${s.last_date || ''}`) : null);
  } catch (e) {
    el.textContent = `server: ${e.message}`;
  }
}

window.addEventListener('hashchange', showRoute);
window.addEventListener('unhandledrejection', (ev) => {
  const box = document.getElementById('error');
  if (!box || ev.reason?.name === 'AbortError') return;
  box.textContent = `Something went wrong: ${ev.reason?.message || ev.reason}`;
  box.hidden = false;
});
document.addEventListener('DOMContentLoaded', () => {
  if (!location.hash || location.hash === '#' || location.hash === '#/') location.replace('#/claims');
  showRoute();
  showStats();
});
