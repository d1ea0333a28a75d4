// #/map?filters: Leaflet with no tile server: the base layer is Natural Earth's
// countries (world-atlas TopoJSON, served with the UI) drawn as GeoJSON; one
// circle per place sized by its claims; a click filters the table by place.
import L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import { api } from './api.js';
import { h, fill } from './dom.js';
import { go } from './router.js';
import { createFilterBar, without } from './filters.js';
import { createClaimsTable } from './claims-table.js';

let atlasPromise = null;
function loadAtlas() {
  atlasPromise ||= fetch('countries-50m.json').then((r) => {
    if (!r.ok) throw new Error(`base map: ${r.status}`);
    return r.json();
  }).then((topo) => ({
    land: feature(topo, topo.objects.countries),
    borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
  }));
  atlasPromise.catch(() => { atlasPromise = null; });
  return atlasPromise;
}

export function createMapView() {
  const mapBox = h('div', { class: 'map', id: 'map' });
  const note = h('div', { class: 'chart-note muted small' });
  const filterBar = createFilterBar((p) => go('map', p));
  const table = createClaimsTable('map');
  const el = h('div', { class: 'view view-map' },
    filterBar.el,
    h('section', { class: 'card' }, h('h2', null, 'Claims by place'), note, mapBox),
    table.el);
  let map = null;
  let markers = null;
  let params = {};
  let placesKey = null;
  let places = [];
  let fitted = false;
  let canvas = null;
  let ctrl = null;

  function init() {
    map = L.map(mapBox, { zoomSnap: 0.25, worldCopyJump: false, attributionControl: true, preferCanvas: false })
      .setView([48.6, 33.5], 5);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Base map: Natural Earth (world-atlas)');
    map.createPane('base');
    map.getPane('base').style.zIndex = 200;
    loadAtlas().then(({ land, borders }) => {
      if (!map) return;
      L.geoJSON(land, { pane: 'base', interactive: false, style: { className: 'ct-land', color: '#b9c0c9', weight: 0.6, fillColor: '#f2efe6', fillOpacity: 1 } }).addTo(map);
      L.geoJSON(borders, { pane: 'base', interactive: false, style: { className: 'ct-border', color: '#8d96a3', weight: 1, fill: false } }).addTo(map);
      mapBox.dataset.base = '1';
    }).catch((e) => { note.textContent = `The base map could not be loaded (${e.message}); markers are still shown.`; });
    markers = L.layerGroup().addTo(map);
  }

  async function loadPlaces() {
    const q = without(params, 'place');
    const key = JSON.stringify(q);
    if (key !== placesKey) {
      placesKey = key;
      ctrl?.abort();
      ctrl = new AbortController();
      try {
        places = ((await api.places(q, ctrl.signal)).places || []).filter((p) => Number.isFinite(p?.lat) && Number.isFinite(p?.lon));
      } catch (e) {
        if (e.name === 'AbortError') return;
        placesKey = null;
        note.textContent = `Could not load places: ${e.message}`;
        return;
      }
    }
    drawMarkers();
  }

  function drawMarkers() {
    markers.clearLayers();
    const max = places.reduce((m, p) => Math.max(m, p.claims || 0), 1);
    // thousands of places: one canvas instead of an SVG path each
    const renderer = places.length > 1500 ? (canvas ||= L.canvas({ padding: 0.2 })) : undefined;
    const selected = params.place || '';
    const isSel = (p) => selected && [p.id, p.name].some((v) => v && String(v).toLowerCase() === selected.toLowerCase());
    // biggest first, so small circles stay clickable on top
    for (const p of [...places].sort((a, b) => (b.claims || 0) - (a.claims || 0))) {
      const r = 5 + 22 * Math.sqrt((p.claims || 0) / max);
      const sel = isSel(p);
      const m = L.circleMarker([p.lat, p.lon], {
        radius: r, className: `ct-marker${sel ? ' selected' : ''}`, color: sel ? '#111' : '#7a2410', weight: sel ? 3 : 1.2,
        fillColor: '#d9480f', fillOpacity: sel ? 0.85 : 0.55, renderer,
      });
      // tooltip content as a DOM node: Leaflet would parse a string as HTML
      const tip = h('div', { class: 'map-tip' }, h('strong', null, p.name || p.id || '?'),
        h('div', null, [p.admin1, p.country].filter(Boolean).join(', ')),
        h('div', null, `${p.claims} claim${p.claims === 1 ? '' : 's'} — click to filter`));
      m.bindTooltip(tip, { direction: 'top', offset: [0, -r] });
      m.on('click', () => go('map', { ...params, offset: '', place: sel ? '' : (p.id || p.name) }));
      m.addTo(markers);
    }
    mapBox.dataset.markers = String(places.length);
    if (!fitted && places.length) {
      fitted = true;
      const b = L.latLngBounds(places.map((p) => [p.lat, p.lon]));
      map.fitBounds(b.pad(0.25), { maxZoom: 7 });
    }
    fill(note, `${places.length} place${places.length === 1 ? '' : 's'}; circle area follows the number of claims. `,
      selected ? ['Filtered by place ', h('strong', null, places.find(isSel)?.name || selected), '. ', h('button', { type: 'button', class: 'linkish', onclick: () => go('map', { ...params, place: '', offset: '' }) }, 'Show all places')] : 'Click a circle to filter the table.');
  }

  return {
    el,
    mount() { init(); },
    update(route) {
      params = route.params;
      filterBar.set(params);
      map.invalidateSize();
      loadPlaces();
      table.load(params);
    },
    unmount() { ctrl?.abort(); map?.remove(); map = null; },
  };
}
