// Names and colours shared by the views.
export const TYPES = ['surrender', 'refusal_to_fight', 'desertion', 'defection', 'retreat',
  'territorial_change', 'casualties', 'prisoners', 'mobilization', 'attack'];
export const STATUSES = ['single-source', 'one-sided', 'corroborated', 'disputed'];
export const SIDES = ['UA', 'RU', 'other', 'unknown'];

export const TYPE_COLORS = {
  surrender: '#4e79a7', refusal_to_fight: '#f28e2b', desertion: '#e15759', defection: '#76b7b2',
  retreat: '#59a14f', territorial_change: '#edc948', casualties: '#b07aa1', prisoners: '#ff9da7',
  mobilization: '#9c755f', attack: '#bab0ac',
};
export const typeColor = (t) => TYPE_COLORS[t] || '#888';
export const typeLabel = (t) => String(t || '').replace(/_/g, ' ');

// UA, RU, another country, unknown (no side, or the key "unknown" of the API's counts by side).
export const SIDE_COLORS = { UA: '#1d5fd1', RU: '#c8312b', other: '#7a4fc4', unknown: '#8a8f98' };
export function sideGroup(side) {
  if (!side || side === 'unknown') return 'unknown';
  if (side === 'UA' || side === 'RU') return side;
  return 'other';
}
export const sideColor = (side) => SIDE_COLORS[sideGroup(side)];
