// The store map as customers see it (H5 guide, kiosk, the owner's preview): zones drawn as an SVG over the grid, one
// zone highlighted (the product searched for). Colour is never the only sign: the highlighted zone is outlined thick,
// marked with a star and named in the text beside the map.
import { t } from '../i18n';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface MapZone {
  id: string;
  name: string;
  kind: string;
  cells: Rect[];
}
export interface MapGrid {
  width: number;
  height: number;
  zones: MapZone[];
}

/** A calm colour per kind (text on it stays dark: contrast ≥ 4.5:1). */
export const KIND_COLOURS: Record<string, string> = {
  entrance: '#d9f2e3', exit: '#d9f2e3', aisle: '#e6ecf7', shelf: '#e6ecf7', fresh: '#e3f4d7', chilled: '#dcefff', frozen: '#d6e4ff',
  bakery: '#fbead0', household: '#efe6f7', checkout: '#fde2e2', service: '#fff3c4', counter: '#f3e8dc', lockers: '#e8e8e8',
  restroom: '#e8f0f0', other: '#eeeeee',
};

const NS = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The map as an image (role img, named), the highlighted zone outlined and pinned. */
export function mapSvg(map: MapGrid, highlight: string | null, cell = 24): SVGSVGElement {
  const w = map.width * cell;
  const hgt = map.height * cell;
  const hl = map.zones.find((z) => z.id === highlight) ?? null;
  const root = svg('svg', { viewBox: `0 0 ${w} ${hgt}`, role: 'img', class: 'guide-map', 'data-testid': 'guide-map', 'data-highlight': hl?.id ?? '' });
  const title = svg('title', {});
  title.textContent = hl ? `${t('gp.mapAlt', { n: map.zones.length })}. ${t('gp.mapHere', { zone: hl.name })}` : t('gp.mapAlt', { n: map.zones.length });
  root.appendChild(title);
  root.appendChild(svg('rect', { x: 0, y: 0, width: w, height: hgt, fill: '#fafafa', stroke: '#6b7280', 'stroke-width': 2 }));
  for (const z of map.zones) {
    const on = z.id === hl?.id;
    const g = svg('g', { 'data-zone': z.id, class: on ? 'zone zone-on' : 'zone' });
    for (const c of z.cells) {
      g.appendChild(svg('rect', { x: c.x * cell, y: c.y * cell, width: c.width * cell, height: c.height * cell,
        fill: on ? '#ffd84d' : KIND_COLOURS[z.kind] ?? '#eeeeee', stroke: on ? '#7a2e00' : '#9ca3af', 'stroke-width': on ? 4 : 1 }));
    }
    // the name on the zone's largest rectangle
    const big = [...z.cells].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (big) {
      const label = svg('text', { x: (big.x + big.width / 2) * cell, y: (big.y + big.height / 2) * cell, 'text-anchor': 'middle', 'dominant-baseline': 'middle',
        'font-size': Math.max(10, Math.min(cell * 0.6, (big.width * cell) / Math.max(2, z.name.length))), fill: '#111827', 'font-weight': on ? 700 : 400 });
      label.textContent = on ? `★ ${z.name}` : z.name;
      g.appendChild(label);
    }
    root.appendChild(g);
  }
  return root;
}
