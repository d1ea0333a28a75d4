// Hash routes: #/claims?filters, #/claim/ID, #/timeline?filters, #/map?filters, #/paste.
import { query } from './api.js';

export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const qi = raw.indexOf('?');
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const qs = qi >= 0 ? raw.slice(qi + 1) : '';
  const [view, id] = path.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } });
  const params = {};
  for (const [k, v] of new URLSearchParams(qs)) params[k] = v;
  return { view: view || 'claims', id: id || '', params };
}

export function href(view, params, id) {
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${query(params)}`;
}

export function go(view, params, id) {
  const next = href(view, params, id);
  if (location.hash !== next) location.hash = next;
}
