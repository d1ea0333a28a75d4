// #/paste: paste an article (text or HTML) and see its claims as you type
// (POST /api/extract; nothing is stored).
import { api } from './api.js';
import { h, debounce, fill, clear } from './dom.js';
import { renderArticle, claimSpans, flagSpans, legend } from './article.js';
import { typeBadge, sideChip, claimFlags } from './claims-table.js';
import { chainView, placeText, countText } from './view-claim.js';

const KEY = 'claimtrace:paste';

export function createPasteView() {
  const saved = (() => { try { return JSON.parse(sessionStorage.getItem(KEY) || '{}'); } catch { return {}; } })();
  const area = h('textarea', { id: 'paste-text', rows: 14, spellcheck: false, placeholder: 'Paste the article text (or its HTML) here…' });
  area.value = saved.text || '';
  const title = h('input', { id: 'paste-title', type: 'text', placeholder: 'title (optional)' });
  title.value = saved.title || '';
  const published = h('input', { id: 'paste-published', type: 'date', title: 'publication date, for relative dates' });
  published.value = saved.published || '';
  const asHtml = h('input', { id: 'paste-html', type: 'checkbox' });
  asHtml.checked = !!saved.html;
  const live = h('input', { id: 'paste-live', type: 'checkbox' });
  live.checked = saved.live !== false;
  const status = h('span', { class: 'muted small', 'aria-live': 'polite' });
  const out = h('div', { class: 'paste-out', id: 'paste-result' });
  let ctrl = null;
  let seq = 0;

  async function run() {
    const text = area.value;
    sessionStorage.setItem(KEY, JSON.stringify({ text, title: title.value, published: published.value, html: asHtml.checked, live: live.checked }));
    if (!text.trim()) { clear(out); status.textContent = ''; return; }
    const my = ++seq;
    ctrl?.abort();
    ctrl = new AbortController();
    status.textContent = 'Extracting…';
    const body = asHtml.checked ? { html: text } : { text };
    if (title.value.trim()) body.title = title.value.trim();
    if (published.value) body.published = published.value;
    try {
      const res = await api.extract(body, ctrl.signal);
      if (my !== seq) return;
      render(res.document || {});
    } catch (e) {
      if (e.name === 'AbortError' || my !== seq) return;
      status.textContent = '';
      fill(out, h('p', { class: 'error-inline' }, `Extraction failed: ${e.message}`));
    }
  }
  const runSoon = debounce(() => { if (live.checked) run(); }, 450);

  function render(doc) {
    const claims = doc.claims || [];
    status.textContent = doc.error ? '' : `${claims.length} claim${claims.length === 1 ? '' : 's'}`;
    const spans = [...flagSpans(doc.flags)];
    claims.forEach((c, i) => spans.push(...claimSpans(c, doc.attributions, { key: i })));
    const text = renderArticle(doc.text ?? '', spans);
    const focus = (i) => {
      for (const m of text.querySelectorAll('mark.active')) m.classList.remove('active');
      const marks = text.querySelectorAll(`mark[data-claim="${i}"]`);
      marks.forEach((m) => m.classList.add('active'));
      marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
    const cards = claims.map((c, i) => h('li', { class: 'claim-card', dataset: { type: c.type || '' }, tabindex: 0, onclick: () => focus(i), onkeydown: (e) => { if (e.key === 'Enter') focus(i); } },
      h('div', { class: 'badges' }, (c.types?.length ? c.types : [c.type]).map(typeBadge), claimFlags(c)),
      h('p', { class: 'claim-text' }, '“', c.text, '”'),
      h('div', { class: 'small' },
        c.actor ? h('div', null, 'Actor: ', sideChip(c.actor.side), ' ', c.actor.text) : null,
        c.place ? h('div', null, 'Place: ', placeText(c.place)) : null,
        c.count ? h('div', null, 'Count: ', countText(c.count)) : null,
        c.time ? h('div', null, 'When: ', c.time.date || '', ' “', c.time.text, '”') : null,
        h('div', null, 'Said by: ', chainView(c.chain, null)))));
    fill(out, 
      doc.error ? h('p', { class: 'error-inline' }, `The document could not be read: ${doc.error}`) : null,
      h('div', { class: 'paste-grid' },
        h('section', { class: 'card' }, h('h2', null, `Claims (${claims.length})`),
          claims.length ? h('ol', { class: 'claim-cards' }, cards) : h('p', { class: 'muted' }, 'No claims found in this text.')),
        h('section', { class: 'card article' }, h('h2', null, doc.title ? doc.title : 'Clean text'),
          legend(['hl-claim', 'hl-trigger', 'hl-actor', 'hl-place', 'hl-count', 'hl-time', 'hl-source', 'hl-cue', 'hl-flag']),
          h('div', { class: 'article-scroll' }, text))));
    out.dataset.claims = String(claims.length);
  }

  for (const x of [area, title]) x.addEventListener('input', runSoon);
  for (const x of [published, asHtml]) x.addEventListener('change', runSoon);
  const el = h('div', { class: 'view view-paste' },
    h('section', { class: 'card' },
      h('h2', null, 'Paste an article'),
      h('p', { class: 'muted small' }, 'The text is sent to this server’s extractor and nothing is stored. Claims update as you type.'),
      area,
      h('div', { class: 'paste-opts' }, title, h('label', null, 'published ', published),
        h('label', null, asHtml, ' the text is HTML'), h('label', null, live, ' live'),
        h('button', { type: 'button', id: 'paste-run', class: 'primary', onclick: run }, 'Extract claims'), status)),
    out);
  return { el, update() {}, mount() { if (area.value.trim()) run(); area.focus(); }, unmount() { ctrl?.abort(); } };
}
