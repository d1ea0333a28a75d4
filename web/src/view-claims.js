// #/claims?filters: the claims table.
import { h } from './dom.js';
import { go } from './router.js';
import { createFilterBar } from './filters.js';
import { createClaimsTable } from './claims-table.js';

export function createClaimsView() {
  const filterBar = createFilterBar((p) => go('claims', p));
  const table = createClaimsTable('claims');
  const el = h('div', { class: 'view view-claims' }, filterBar.el, table.el);
  return {
    el,
    update(route) {
      filterBar.set(route.params);
      table.load(route.params);
    },
  };
}
