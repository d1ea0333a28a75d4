// The JSON API of `claimtrace serve` (docs/api.md).

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export const FILTER_KEYS = ['type', 'side', 'status', 'place', 'since', 'until', 'source', 'q', 'cluster'];

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function request(path, init, signal) {
  let res;
  try {
    res = await fetch(path, { ...init, signal, headers: { Accept: 'application/json', ...(init?.headers || {}) } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, `cannot reach the server (${e.message})`);
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const msg = body?.error?.message || `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, msg);
  }
  if (body === null) throw new ApiError(res.status, 'the server answered with no JSON');
  return body;
}

export const api = {
  claims: (params, signal) => request(`/api/claims${query(params)}`, null, signal),
  claim: (id, signal) => request(`/api/claims/${encodeURIComponent(id)}`, null, signal),
  clusters: (params, signal) => request(`/api/clusters${query(params)}`, null, signal),
  document: (id, signal) => request(`/api/documents/${encodeURIComponent(id)}`, null, signal),
  search: (q, limit, signal) => request(`/api/search${query({ q, limit })}`, null, signal),
  stats: (signal) => request('/api/stats', null, signal),
  timeline: (params, signal) => request(`/api/timeline${query(params)}`, null, signal),
  places: (params, signal) => request(`/api/places${query(params)}`, null, signal),
  extract: (body, signal) => request('/api/extract', {
    method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' },
  }, signal),
};
