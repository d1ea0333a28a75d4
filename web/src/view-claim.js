// #/claim/ID: the claim, its cluster, its provenance graph and the article
// with the evidence and its sources highlighted.
import { api } from './api.js';
import { h, safeHref, fill } from './dom.js';
import { go, href } from './router.js';
import { renderArticle, claimSpans, flagSpans, legend } from './article.js';
import { renderGraph, graphLegend } from './graph.js';
import { typeBadge, sideChip, statusBadge, claimFlags } from './claims-table.js';

const STATUS_HELP = {
  'single-source': 'one independent source',
  'one-sided': 'several independent sources, all of one side',
  corroborated: 'independent sources of more than one side',
  disputed: 'a source denies it',
};

export function chainView(chain, outlet) {
  const links = [];
  if (outlet) links.push(h('span', { class: 'link outlet' }, sideChip(outlet.side), ' ', outlet.name, h('span', { class: 'muted' }, ' (this article)')));
  for (const l of chain || []) {
    if (links.length) links.push(h('span', { class: 'arrow' }, l.cue ? ` ← ${l.cue} ← ` : ' ← '));
    links.push(h('span', { class: 'link' }, sideChip(l.side), ' ', l.name,
      l.text && l.text !== l.name ? h('span', { class: 'muted' }, ` “${l.text}”`) : null,
      h('span', { class: 'muted' }, ` (${l.kind || 'source'})`),
      links.length === 1 && l.cue ? h('span', { class: 'arrow' }, ` — ${l.cue}`) : null));
  }
  if (!chain || !chain.length) links.push(h('span', { class: 'muted' }, ' — in its own voice, citing nobody'));
  return h('div', { class: 'chain' }, links);
}

function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter((r) => r && r[1] !== null && r[1] !== undefined && r[1] !== '')
    .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export function placeText(p) {
  if (!p) return null;
  const parts = [p.name || p.text];
  if (p.admin1) parts.push(p.admin1);
  if (p.country) parts.push(p.country);
  return [parts.filter(Boolean).join(', '),
    p.text && p.name && p.text !== p.name ? h('span', { class: 'muted' }, ` — written “${p.text}”`) : null,
    p.lat != null && p.lon != null ? h('span', { class: 'muted small' }, ` (${Number(p.lat).toFixed(3)}, ${Number(p.lon).toFixed(3)})`) : null];
}
export function countText(c) {
  if (!c) return null;
  return [c.value === null || c.value === undefined ? 'vague' : `${c.approx ? '≈ ' : ''}${c.value}`, c.unit ? ` ${c.unit}` : '',
    h('span', { class: 'muted' }, ` — “${c.text}”`)];
}

export function createClaimView() {
  const el = h('div', { class: 'view view-claim' });
  let cy = null;
  let ctrl = null;

  async function load(id) {
    ctrl?.abort();
    ctrl = new AbortController();
    cy?.destroy();
    cy = null;
    fill(el, h('p', { class: 'muted' }, 'Loading claim…'));
    el.dataset.ready = '';
    let res;
    try {
      res = await api.claim(id, ctrl.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      fill(el, h('p', { class: 'error-inline' }, `Could not load claim ${id}: ${e.message}`), h('a', { href: '#/claims' }, '← back to the claims'));
      return;
    }
    render(res);
  }

  function render({ claim, document: doc, cluster, graph }) {
    const back = sessionStorage.getItem('claimtrace:list') || '#/claims';
    const url = safeHref(claim.doc?.url || doc?.url);
    const head = h('section', { class: 'claim-head card' },
      h('div', { class: 'crumbs' }, h('a', { href: back.startsWith('#/') ? back : '#/claims' }, '← claims'), ` · claim ${claim.claim_id} · `, h('code', null, claim.id)),
      h('h1', { class: 'claim-title' }, '“', claim.text, '”'),
      h('div', { class: 'badges' }, (claim.types?.length ? claim.types : [claim.type]).map(typeBadge), statusBadge(claim.status), claimFlags(claim)),
      facts([
        ['Actor', claim.actor ? [sideChip(claim.actor.side), ' ', claim.actor.text] : null],
        ['Place', placeText(claim.place)],
        ['Count', countText(claim.count)],
        ['When', [claim.event_date || (claim.time ? 'date not resolved' : 'no date'),
          claim.time ? h('span', { class: 'muted' }, ` — “${claim.time.text}”`) : (claim.event_date ? h('span', { class: 'muted' }, ' (publication date)') : null)]],
        ['Said by', chainView(claim.chain, claim.doc?.outlet)],
        ['Root source', claim.root ? [sideChip(claim.root.side), ' ', claim.root.name, h('span', { class: 'muted' }, ` (${claim.root.kind || 'source'})`)] : h('span', { class: 'muted' }, 'none (own voice or unattributed)')],
        ['Polarity', claim.polarity], ['Modality', claim.modality],
        ['Hedges', claim.hedges?.length ? claim.hedges.join(', ') : null],
        ['Published', [[claim.doc?.outlet?.name, claim.doc?.published].filter(Boolean).join(', ') || 'unknown outlet, no date', ' — ',
          url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, claim.doc?.title || url) : (claim.doc?.title || ''),
          doc?.author ? h('span', { class: 'muted' }, ` by ${doc.author}`) : null]],
        ['Copy of', claim.copy_of ? h('span', null, `document ${claim.copy_of}`, doc?.copy_similarity ? ` (similarity ${Number(doc.copy_similarity).toFixed(2)})` : '') : null],
      ]));

    const clusterCard = cluster ? h('section', { class: 'card cluster' },
      h('h2', null, 'Claim cluster ', h('a', { href: href('claims', { cluster: cluster.id }) }, `#${cluster.id}`)),
      h('p', null, statusBadge(cluster.status), ' ', h('span', { class: 'muted' }, STATUS_HELP[cluster.status] || '')),
      facts([
        ['Reports', `${cluster.claims} claim${cluster.claims === 1 ? '' : 's'} in ${cluster.documents} document${cluster.documents === 1 ? '' : 's'} from ${cluster.outlets} outlet${cluster.outlets === 1 ? '' : 's'}`],
        ['Independent roots', [String(cluster.independent_roots), ' ', Object.entries(cluster.roots_by_side || {}).map(([s, n]) => h('span', { class: 'nowrap' }, ' ', sideChip(s), `×${n}`))]],
        ['Dates', cluster.first_date === cluster.last_date ? cluster.first_date : `${cluster.first_date} – ${cluster.last_date}`],
        ['Place', cluster.place?.name ? [cluster.place.name, cluster.place.admin1 ? `, ${cluster.place.admin1}` : ''] : null],
        ['Denied', cluster.denied ? 'yes — a source denies this event' : null],
        ['About the other side', cluster.about_other_side ? 'yes — every sided root speaks about the other side' : null],
      ]),
      cluster.roots?.length ? h('ol', { class: 'roots' }, cluster.roots.map((r, i) => h('li', null,
        sideChip(r.side), ' ', r.name, h('span', { class: 'muted' }, ` (${r.kind || 'source'}) since ${r.first_date || '?'}, ${r.claims} claim${r.claims === 1 ? '' : 's'}`),
        i === 0 ? h('span', { class: 'badge first' }, 'first source') : null))) : null,
      h('a', { href: href('claims', { cluster: cluster.id }) }, `All claims of this cluster →`))
      : null;

    const graphBox = h('div', { id: 'graph', class: 'graph' });
    const graphCard = h('section', { class: 'card graph-card' }, h('h2', null, 'Provenance'), graphBox, graphLegend());

    const spans = [...flagSpans(doc?.flags), ...claimSpans(claim, doc?.attributions)];
    const text = renderArticle(doc?.text ?? '', spans);
    const articleCard = h('section', { class: 'card article' },
      h('h2', null, 'Article'),
      h('div', { class: 'doc-meta' }, h('strong', null, doc?.title || claim.doc?.title || ''),
        h('div', { class: 'muted small' }, [doc?.outlet?.name, doc?.published, doc?.author ? `by ${doc.author}` : '', doc?.input].filter(Boolean).join(' · '))),
      doc?.flags?.length ? h('ul', { class: 'flags' }, doc.flags.map((f) => h('li', null, h('code', null, f.kind), ' “', f.text, '”', f.detail ? ` — ${f.detail}` : ''))) : null,
      legend(['hl-claim', 'hl-trigger', 'hl-actor', 'hl-place', 'hl-count', 'hl-time', 'hl-source', 'hl-cue', 'hl-flag']),
      h('div', { class: 'article-scroll' }, text),
      doc?.claim_ids?.length > 1 ? h('p', { class: 'small' }, 'Other claims in this article: ',
        doc.claim_ids.filter((c) => c !== claim.claim_id).map((c) => [h('a', { href: href('claim', null, c) }, `#${c}`), ' '])) : null);

    fill(el, h('div', { class: 'claim-grid' },
      h('div', { class: 'col-left' }, head, articleCard),
      h('div', { class: 'col-right' }, clusterCard, graphCard)));

    const first = text.querySelector('mark.hl-claim');
    if (first) {
      const box = text.parentElement;
      box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
    cy = renderGraph(graphBox, graph, { currentDoc: claim.doc?.id, onOpenClaim: (c) => go('claim', null, c) });
    el.dataset.ready = '1';
  }

  return {
    el,
    update(route) { if (route.id !== el.dataset.id) { el.dataset.id = route.id; load(route.id); } },
    unmount() { ctrl?.abort(); cy?.destroy(); cy = null; },
  };
}
