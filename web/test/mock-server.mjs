#!/usr/bin/env node
// Mock of `claimtrace serve` for developing and testing the web UI (dev/test
// only; the real server is C++). Serves web/dist/ and the JSON API of
// docs/api.md over the invented fixtures in test/fixtures/store.json.
//
//   node test/mock-server.mjs [--port 8080] [--host 127.0.0.1] [--dist dist] [--fixtures test/fixtures/store.json]
//
// POST /api/extract runs no extractor: it answers with claims found by a few
// keyword rules over the posted text (enough to show the paste view working).
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const port = Number(opt('port', process.env.PORT || 8080));
const host = opt('host', '127.0.0.1');
const distDir = resolve(opt('dist', join(here, '..', 'dist')));
const store = JSON.parse(readFileSync(opt('fixtures', join(here, 'fixtures', 'store.json')), 'utf8'));

const claimsById = new Map(store.claims.map((c) => [c.claim_id, c]));
const docsById = new Map(store.documents.map((d) => [d.id, d]));
const clustersById = new Map(store.clusters.map((c) => [c.id, c]));

class HttpError extends Error { constructor(code, message) { super(message); this.code = code; } }
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------- filters
const FILTER_KEYS = ['type', 'side', 'status', 'place', 'since', 'until', 'source', 'q', 'cluster'];
function parseFilter(params) {
  const f = {};
  for (const k of FILTER_KEYS) {
    const v = (params.get(k) || '').trim();
    if (v) f[k] = v;
  }
  for (const k of ['since', 'until']) if (f[k] && !DATE.test(f[k])) throw new HttpError(400, `${k} must be YYYY-MM-DD, got "${f[k]}"`);
  if (f.cluster && !/^\d+$/.test(f.cluster)) throw new HttpError(400, 'cluster must be an integer');
  if (f.status && !['single-source', 'one-sided', 'corroborated', 'disputed'].includes(f.status)) throw new HttpError(400, `unknown status "${f.status}"`);
  return f;
}
const lc = (s) => String(s ?? '').toLowerCase();
function sideMatches(want, side) {
  if (want === 'unknown') return !side;
  if (want === 'other') return !!side && side !== 'UA' && side !== 'RU';
  return lc(want) === lc(side);
}
function matches(c, f) {
  if (f.type && !(c.types || [c.type]).includes(f.type)) return false;
  if (f.side && !sideMatches(f.side, c.actor?.side)) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.place) {
    const p = c.place;
    if (!p || ![p.id, p.name, p.admin1].some((v) => lc(v) === lc(f.place))) return false;
  }
  if (f.since && c.event_date < f.since) return false;
  if (f.until && c.event_date > f.until) return false;
  if (f.cluster && c.cluster !== Number(f.cluster)) return false;
  if (f.source) {
    const names = [c.doc.outlet.name, c.doc.outlet.id, ...c.chain.flatMap((l) => [l.name, l.text, l.registry])];
    if (!names.some((n) => lc(n).includes(lc(f.source)))) return false;
  }
  if (f.q && !lc(c.text).includes(lc(f.q)) && !lc(c.doc.title).includes(lc(f.q))) return false;
  return true;
}
const filtered = (f) => store.claims.filter((c) => matches(c, f));
const clusterSize = (c) => clustersById.get(c.cluster)?.claims || 0;
function sortClaims(list, sort) {
  const byDate = (a, b) => a.event_date.localeCompare(b.event_date) || a.claim_id - b.claim_id;
  switch (sort || 'date') {
    case 'date': return list.sort(byDate);
    case '-date': return list.sort((a, b) => -byDate(a, b));
    case 'reports': return list.sort((a, b) => clusterSize(b) - clusterSize(a) || byDate(a, b));
    default: throw new HttpError(400, `sort must be date, -date or reports, got "${sort}"`);
  }
}
function intParam(params, name, def, max) {
  const v = params.get(name);
  if (v === null || v === '') return def;
  if (!/^\d+$/.test(v)) throw new HttpError(400, `${name} must be a non-negative integer`);
  return Math.min(Number(v), max);
}

// ---------------------------------------------------------------- extract (canned)
const RULES = [
  ['surrender', /\b(surrender(?:ed|s|ing)?|laid down (?:their )?arms)\b/i],
  ['attack', /\b(shell(?:ed|ing)|struck|strikes?|attack(?:ed|s)?|bombard(?:ed|ment))\b/i],
  ['territorial_change', /\b(captur(?:ed|e)|recaptured|liberated|took control)\b/i],
  ['casualties', /\b(killed|wounded|killing|wounding)\b/i],
  ['retreat', /\b(retreat(?:ed|s)?|withdr[ae]w(?:n)?|pulled back)\b/i],
  ['desertion', /\b(desert(?:ed|ers?)|abandoned (?:their )?posts?)\b/i],
  ['prisoners', /\b(taken prisoner|prisoners?)\b/i],
  ['mobilization', /\b(mobili[sz](?:ed|ation)|being formed)\b/i],
];
// "…, the regional governor said" or "The governor said …"
const SAID = /(?:^|,\s+)((?:the\s+)?[A-Za-z<][^,]{1,80}?)\s+(said|says|claimed|reported|told|wrote)\b/i;
function extract(body) {
  let text = typeof body.text === 'string' ? body.text : null;
  if (text === null && typeof body.html === 'string') {
    text = body.html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
      .replace(/[ \t]+/g, ' ').trim();
  }
  if (text === null) throw new HttpError(400, 'the body needs "text" or "html"');
  if (text.length > 1_000_000) throw new HttpError(413, 'article too long');
  const doc_id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const bytes = (i) => Buffer.byteLength(text.slice(0, i), 'utf8');
  const claims = [];
  const attributions = [];
  const sentence = /[^.!?\n]+[.!?]?/g;
  let m;
  while ((m = sentence.exec(text))) {
    const s = m[0].trim();
    if (!s) continue;
    const start = m.index + m[0].indexOf(s);
    for (const [type, re] of RULES) {
      const t = re.exec(s);
      if (!t) continue;
      const said = SAID.exec(s);
      const chain = said ? [{ name: said[1], text: said[1], kind: 'person', side: '', cue: said[2] }] : [];
      if (said) {
        const si = start + said.index + said[0].indexOf(said[1]);
        const ci = start + said.index + said[0].lastIndexOf(said[2]);
        attributions.push({ id: `${doc_id}#a${attributions.length + 1}`, kind: 'indirect', parent: null,
          source: { text: said[1], span: [bytes(si), bytes(si + said[1].length)] },
          cue: { text: said[2], span: [bytes(ci), bytes(ci + said[2].length)] },
          content: { text: s, span: [bytes(start), bytes(start + s.length)] } });
      }
      const side = /\bRussian\b/.test(s) ? 'RU' : /\bUkrainian\b/.test(s) ? 'UA' : '';
      claims.push({
        id: `${doc_id}#${claims.length + 1}`, type, types: [type], text: s, span: [bytes(start), bytes(start + s.length)],
        trigger: { text: t[0], span: [bytes(start + t.index), bytes(start + t.index + t[0].length)] },
        actor: side ? { text: side === 'RU' ? 'Russian' : 'Ukrainian', side, span: (() => { const i = s.indexOf(side === 'RU' ? 'Russian' : 'Ukrainian'); return [bytes(start + i), bytes(start + i + (side === 'RU' ? 7 : 9))]; })() } : null,
        place: null, count: null, time: null, chain,
        root: chain.length ? { name: chain[0].name, text: chain[0].text, kind: 'person', side: '' } : null,
        polarity: /\b(denied|not)\b/i.test(s) ? 'denied' : 'asserted', modality: /\b(could|may|might|will)\b/i.test(s) ? 'hypothetical' : 'actual',
        hedges: /\b(allegedly|reportedly)\b/i.test(s) ? [/\b(allegedly|reportedly)\b/i.exec(s)[0].toLowerCase()] : [],
      });
      break;
    }
  }
  return { document: { doc_id, input: 'api', url: body.url ?? null, outlet: null, title: body.title ?? '', published: body.published ?? null,
    lang: 'en', text, claims, attributions, flags: [], error: null } };
}

// ---------------------------------------------------------------- routes
function route(method, url, body) {
  const p = url.pathname;
  const q = url.searchParams;
  if (method === 'POST' && p === '/api/extract') return extract(body ?? {});
  if (method === 'POST' && p === '/api/ingest') throw new HttpError(401, 'the mock server stores nothing');
  if (method !== 'GET') throw new HttpError(405, `${method} not allowed on ${p}`);
  let m;
  if (p === '/api/claims') {
    const f = parseFilter(q);
    const limit = intParam(q, 'limit', 50, 500);
    const offset = intParam(q, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const list = sortClaims(filtered(f), q.get('sort'));
    return { total: list.length, limit, offset, claims: list.slice(offset, offset + limit) };
  }
  if ((m = /^\/api\/claims\/(\d+)$/.exec(p))) {
    const claim = claimsById.get(Number(m[1]));
    if (!claim) throw new HttpError(404, `no claim ${m[1]}`);
    return { claim, document: docsById.get(claim.doc.id), cluster: clustersById.get(claim.cluster) ?? null,
      graph: store.graphs[claim.cluster] ?? { nodes: [], edges: [] } };
  }
  if (p === '/api/clusters') {
    const f = parseFilter(q);
    const ids = new Set(filtered(f).map((c) => c.cluster));
    const list = store.clusters.filter((c) => ids.has(c.id));
    const limit = intParam(q, 'limit', 50, 500);
    const offset = intParam(q, 'offset', 0, Number.MAX_SAFE_INTEGER);
    return { total: list.length, limit, offset, clusters: list.slice(offset, offset + limit) };
  }
  if ((m = /^\/api\/documents\/(\d+)$/.exec(p))) {
    const d = docsById.get(Number(m[1]));
    if (!d) throw new HttpError(404, `no document ${m[1]}`);
    return d;
  }
  if (p === '/api/search') {
    const text = (q.get('q') || '').trim();
    if (!text) throw new HttpError(400, 'q is required');
    const limit = intParam(q, 'limit', 50, 500);
    const terms = lc(text).split(/\s+/);
    const hits = store.claims.filter((c) => terms.every((t) => lc(c.text).includes(t) || lc(docsById.get(c.doc.id).text).includes(t)));
    return { claims: hits.slice(0, limit) };
  }
  if (p === '/api/stats') return store.stats;
  if (p === '/api/timeline') {
    const days = new Map();
    for (const c of filtered(parseFilter(q))) {
      const d = days.get(c.event_date) || {};
      d[c.type] = (d[c.type] || 0) + 1;
      days.set(c.event_date, d);
    }
    return { days: [...days.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([date, counts]) => ({ date, counts })) };
  }
  if (p === '/api/places') {
    const places = new Map();
    for (const c of filtered(parseFilter(q))) {
      if (!c.place || c.place.lat == null) continue;
      const e = places.get(c.place.id) || { name: c.place.name, id: c.place.id, admin1: c.place.admin1, country: c.place.country, lat: c.place.lat, lon: c.place.lon, claims: 0 };
      e.claims++;
      places.set(c.place.id, e);
    }
    return { places: [...places.values()].sort((a, b) => b.claims - a.claims) };
  }
  throw new HttpError(404, `no route ${p}`);
}

// ---------------------------------------------------------------- http
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json' };
// The headers the real server should send too (docs/api.md).
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
function send(res, status, body, type) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}
const sendJson = (res, status, obj) => send(res, status, JSON.stringify(obj), 'application/json; charset=utf-8');

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => { size += c.length; if (size <= 4_000_000) chunks.push(c); });
    req.on('end', () => {
      try {
        let body = null;
        if (req.method === 'POST') {
          if (size > 4_000_000) throw new HttpError(413, 'body too large');
          try { body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'); } catch { throw new HttpError(400, 'the body is not JSON'); }
          if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object');
        }
        sendJson(res, 200, route(req.method, url, body));
      } catch (e) {
        const code = e instanceof HttpError ? e.code : 500;
        if (code === 500) console.error(e);
        sendJson(res, code, { error: { code, message: e.message } });
      }
    });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
  let rel = decodeURIComponent(url.pathname);
  if (rel === '/') rel = '/index.html';
  const file = normalize(join(distDir, rel));
  if (!file.startsWith(distDir + '/') || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'not found', 'text/plain');
  send(res, 200, readFileSync(file), TYPES[extname(file)] || 'application/octet-stream');
});
server.listen(port, host, () => console.log(`mock claimtrace serve on http://${host}:${server.address().port}/ (dist ${distDir})`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
