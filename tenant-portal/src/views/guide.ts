// The in-store guide for the owner and staff (智能导购): the store map editor (paint zones on the grid by click, drag or
// keyboard), where products and categories are kept, the store's events, and the printable guide QR poster.
import QRCode from 'qrcode';
import { asPage, request } from '../api';
import { role } from '../auth';
import { h } from '../dom';
import { busy, clearErrors, confirmDialog, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtTime, loading, pageHead, section, table } from './common';
import { fetchStores, type Store } from './stores';
import { KIND_COLOURS, mapSvg, type MapGrid, type MapZone, type Rect } from './guide-map';

export const KINDS = ['entrance', 'exit', 'aisle', 'shelf', 'fresh', 'chilled', 'frozen', 'bakery', 'household', 'checkout', 'service', 'counter', 'lockers', 'restroom', 'other'];
interface StoreMap extends MapGrid {
  version: number;
  guideToken: string;
}
interface Placement {
  kind: string;
  gtin?: string;
  categoryId?: string;
  zoneId: string;
  shelf: string | null;
  name: string | null;
  zoneName: string | null;
}
interface GuideEvent {
  eventId: string;
  title: string;
  body: string | null;
  startsAt: string;
  endsAt: string;
  zoneId: string | null;
}

const TABS = ['map', 'placements', 'events', 'poster'] as const;

export function guideLinks(storeId: string, token: string): { h5: string; kiosk: string } {
  const base = `${location.origin}${location.pathname}`;
  const q = `?t=${encodeURIComponent(token)}`;
  return { h5: `${base}#/h5/guide/${encodeURIComponent(storeId)}${q}`, kiosk: `${base}#/kiosk/${encodeURIComponent(storeId)}${q}` };
}

export async function guideView(main: HTMLElement, route: Route): Promise<void> {
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('guide.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('guide.title'), empty('stores.empty'));
    return;
  }
  const tab = (TABS as readonly string[]).includes(route.query.get('tab') ?? '') ? (route.query.get('tab') as (typeof TABS)[number]) : 'map';
  const picker = field({ name: 'store', label: 'guide.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/guide?store=${(e.target as HTMLSelectElement).value}&tab=${tab}`));
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('guide.title') },
    ...TABS.map((x) => h('a', { href: `#/guide?store=${store.storeId}&tab=${x}`, class: 'btn btn-ghost', 'aria-current': x === tab ? 'page' : undefined, 'data-testid': `guide-tab-${x}` },
      t(`guide.tab.${x}` as Key))));
  const body = h('div', { 'data-testid': 'guide-body' }, loading());
  main.replaceChildren(pageHead('guide.title'), h('p', { class: 'muted' }, t('guide.intro')), picker, tabs, body);
  const base = `/stores/${encodeURIComponent(store.storeId)}`;
  let map: StoreMap;
  try {
    map = await request<StoreMap>(`${base}/map`);
  } catch (err) {
    body.replaceChildren(errorBox(err));
    return;
  }
  if (tab === 'map') body.replaceChildren(mapEditor(base, map));
  else if (tab === 'placements') body.replaceChildren(await placementsPanel(base, map));
  else if (tab === 'events') body.replaceChildren(await eventsPanel(base, map));
  else body.replaceChildren(await poster(store, map));
}

// ------------------------------------------------------------------------------------------ the map editor

/** Painted cells → rectangles: runs along each row, merged down while the same run repeats. */
export function toRects(cells: Set<string>): Rect[] {
  const rows = new Map<number, number[]>();
  for (const c of cells) {
    const [x, y] = c.split(',').map(Number);
    rows.set(y, [...(rows.get(y) ?? []), x]);
  }
  const runs: Rect[] = [];
  for (const y of [...rows.keys()].sort((a, b) => a - b)) {
    const xs = rows.get(y)!.sort((a, b) => a - b);
    let start = xs[0];
    for (let i = 1; i <= xs.length; i++) {
      if (i === xs.length || xs[i] !== xs[i - 1] + 1) {
        const run = { x: start, y, width: xs[i - 1] - start + 1, height: 1 };
        const above = runs.find((r) => r.x === run.x && r.width === run.width && r.y + r.height === y);
        if (above) above.height++;
        else runs.push(run);
        start = xs[i];
      }
    }
  }
  return runs;
}

function mapEditor(base: string, map: StoreMap): HTMLElement {
  const isOwner = role('portal') === 'owner';
  let width = map.width;
  let height = map.height;
  let version = map.version;
  const zones: { id: string; name: string; kind: string }[] = map.zones.map((z) => ({ id: z.id, name: z.name, kind: z.kind }));
  const owner = new Map<string, string>(); // "x,y" -> zone id
  for (const z of map.zones) for (const c of z.cells) for (let x = c.x; x < c.x + c.width; x++) for (let y = c.y; y < c.y + c.height; y++) owner.set(`${x},${y}`, z.id);
  let brush: string | null = zones[0]?.id ?? null; // null: the eraser
  let focus = { x: 0, y: 0 };
  let painting = false;

  const form = h('form', { novalidate: true, class: 'stack', 'data-testid': 'map-form' }, formAlert());
  const status = h('p', { role: 'status', class: 'muted', 'data-testid': 'map-status' });
  const grid = h('div', { role: 'grid', class: 'map-grid', 'aria-label': t('guide.gridLabel'), 'data-testid': 'map-grid' });
  const zoneList = h('div', { class: 'stack', 'data-testid': 'zone-list' });

  const nameOf = (id: string | undefined) => zones.find((z) => z.id === id)?.name ?? t('guide.cellEmpty');
  const paintCell = (x: number, y: number) => {
    if (!isOwner) return;
    const k = `${x},${y}`;
    if (brush) owner.set(k, brush);
    else owner.delete(k);
    drawCell(x, y);
  };
  const cellEl = (x: number, y: number) => grid.querySelector<HTMLElement>(`[data-x="${x}"][data-y="${y}"]`);
  const drawCell = (x: number, y: number) => {
    const el = cellEl(x, y);
    if (!el) return;
    const id = owner.get(`${x},${y}`);
    const z = zones.find((q) => q.id === id);
    el.style.background = z ? KIND_COLOURS[z.kind] ?? '#eee' : '';
    el.textContent = z ? (z.name.slice(0, 1) ?? '') : '';
    el.dataset.zone = id ?? '';
    el.setAttribute('aria-label', t('guide.cell', { x: x + 1, y: y + 1, zone: nameOf(id) }));
  };
  const drawGrid = () => {
    grid.replaceChildren();
    grid.style.gridTemplateColumns = `repeat(${width}, minmax(14px, 1fr))`;
    for (let y = 0; y < height; y++) {
      const row = h('div', { role: 'row', class: 'map-row' });
      for (let x = 0; x < width; x++) {
        const c = h('div', { role: 'gridcell', class: 'map-cell', tabindex: x === focus.x && y === focus.y ? '0' : '-1', 'data-x': x, 'data-y': y });
        row.appendChild(c);
      }
      grid.appendChild(row);
    }
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) drawCell(x, y);
  };
  grid.addEventListener('pointerdown', (e) => {
    const c = (e.target as HTMLElement).closest<HTMLElement>('[data-x]');
    if (!c) return;
    e.preventDefault();
    painting = true;
    paintCell(Number(c.dataset.x), Number(c.dataset.y));
  });
  grid.addEventListener('pointerover', (e) => {
    if (!painting) return;
    const c = (e.target as HTMLElement).closest<HTMLElement>('[data-x]');
    if (c) paintCell(Number(c.dataset.x), Number(c.dataset.y));
  });
  window.addEventListener('pointerup', () => (painting = false));
  grid.addEventListener('keydown', (e) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      cellEl(focus.x, focus.y)?.setAttribute('tabindex', '-1');
      focus = { x: Math.max(0, Math.min(width - 1, focus.x + m[0])), y: Math.max(0, Math.min(height - 1, focus.y + m[1])) };
      const el = cellEl(focus.x, focus.y);
      el?.setAttribute('tabindex', '0');
      el?.focus();
      if (e.shiftKey) paintCell(focus.x, focus.y);
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      paintCell(focus.x, focus.y);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (isOwner) {
        owner.delete(`${focus.x},${focus.y}`);
        drawCell(focus.x, focus.y);
      }
    }
  });
  grid.addEventListener('focusin', (e) => {
    const c = (e.target as HTMLElement).closest<HTMLElement>('[data-x]');
    if (c) focus = { x: Number(c.dataset.x), y: Number(c.dataset.y) };
  });

  const drawZones = () => {
    zoneList.replaceChildren(
      h('fieldset', { class: 'stack' }, h('legend', null, t('guide.zones')),
        h('label', { class: 'check' }, h('input', { type: 'radio', name: 'brush', value: '', checked: brush === null, onchange: () => (brush = null), 'data-testid': 'brush-eraser' }), ' ', t('guide.eraser')),
        ...zones.map((z, i) => h('div', { class: 'zone-row', 'data-testid': `zone-${z.id}` },
          h('label', { class: 'check' }, h('input', { type: 'radio', name: 'brush', value: z.id, checked: brush === z.id, onchange: () => (brush = z.id), 'data-testid': `brush-${z.id}` }),
            h('span', { class: 'swatch', style: `background:${KIND_COLOURS[z.kind] ?? '#eee'}`, 'aria-hidden': 'true' }), ' ', t('guide.paintWith')),
          field({ name: `zones[${i}].name`, label: 'guide.zoneName', value: z.name, required: true, attrs: { maxlength: 30, 'data-testid': `zone-name-${z.id}`,
            oninput: (e: Event) => { z.name = (e.target as HTMLInputElement).value; } } }),
          field({ name: `zones[${i}].kind`, label: 'guide.zoneKind', value: z.kind, options: KINDS.map((k) => ({ value: k, label: t(`guide.kind.${k}` as Key) })),
            attrs: { onchange: (e: Event) => { z.kind = (e.target as HTMLSelectElement).value; drawGrid(); } } }),
          h('p', { class: 'field-error', 'data-error-for': `zones.${i}.cells.0`, role: 'alert', hidden: true }),
          h('p', { class: 'field-error', 'data-error-for': `zones.${i}.id`, role: 'alert', hidden: true }),
          isOwner ? h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => {
            zones.splice(i, 1);
            for (const [k, v] of [...owner]) if (v === z.id) owner.delete(k);
            if (brush === z.id) brush = zones[0]?.id ?? null;
            drawZones();
            drawGrid();
          } }, t('guide.removeZone')) : null)),
        isOwner ? h('button', { type: 'button', class: 'btn', 'data-testid': 'add-zone', onclick: () => {
          let n = zones.length + 1;
          while (zones.some((z) => z.id === `z${n}`)) n++;
          zones.push({ id: `z${n}`, name: t('guide.newZone', { n }), kind: 'aisle' });
          brush = `z${n}`;
          drawZones();
          zoneList.querySelector<HTMLInputElement>(`[data-testid="zone-name-z${n}"]`)?.focus();
        } }, t('guide.addZone')) : null),
    );
  };

  const size = h('div', { class: 'row' },
    field({ name: 'width', label: 'guide.width', type: 'number', value: String(width), attrs: { min: 2, max: 40, 'data-testid': 'map-width' } }),
    field({ name: 'height', label: 'guide.height', type: 'number', value: String(height), attrs: { min: 2, max: 40, 'data-testid': 'map-height' } }),
    isOwner ? h('button', { type: 'button', class: 'btn', onclick: () => {
      const v = values(form as HTMLFormElement);
      width = Math.max(2, Math.min(40, Number(v.width) || width));
      height = Math.max(2, Math.min(40, Number(v.height) || height));
      for (const k of [...owner.keys()]) {
        const [x, y] = k.split(',').map(Number);
        if (x >= width || y >= height) owner.delete(k);
      }
      focus = { x: 0, y: 0 };
      drawGrid();
    } }, t('guide.resize')) : null);

  form.append(size, h('div', { class: 'map-editor' }, h('div', { class: 'map-scroll' }, grid), zoneList), status);
  if (isOwner) form.append(h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-map' }, t('guide.saveMap'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    status.textContent = '';
    const body = {
      width, height, version,
      zones: zones.map((z) => ({ id: z.id, name: z.name.trim(), kind: z.kind, cells: toRects(new Set([...owner].filter(([, v]) => v === z.id).map(([k]) => k))) })),
    };
    await busy(form as HTMLFormElement, async () => {
      try {
        const saved = await request<StoreMap>(`${base}/map`, { method: 'PUT', body });
        version = saved.version;
        status.textContent = t('guide.saved', { version });
      } catch (err) {
        showError(form, err);
        if ((err as { code?: string }).code === 'guide.map_stale') {
          status.replaceChildren(h('button', { type: 'button', class: 'btn', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, t('guide.reload')));
        }
      }
    });
  });
  drawZones();
  drawGrid();
  return form;
}

// ------------------------------------------------------------------------------------------ placements

function zoneOptions(map: MapGrid, none = false): { value: string; label: string }[] {
  return [...(none ? [{ value: '', label: t('guide.noZone') }] : []), ...map.zones.map((z: MapZone) => ({ value: z.id, label: z.name }))];
}

async function placementsPanel(base: string, map: StoreMap): Promise<HTMLElement> {
  if (!map.zones.length) return empty('guide.noZones');
  const list = h('div', { 'data-testid': 'placements' });
  const catList = h('div', { 'data-testid': 'category-placements' });
  const draw = async () => {
    const [ps, cs] = await Promise.all([request(`${base}/placements?limit=200`).then((b) => asPage<Placement>(b).items),
      request(`${base}/placements?kind=category&limit=200`).then((b) => asPage<Placement>(b).items)]);
    const rows = (items: Placement[], key: 'gtin' | 'categoryId', path: string) => items.map((p) => [
      p.name ?? p[key] ?? '', p.zoneName ?? t('guide.zoneGone'), p.shelf ?? '—',
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: async () => {
        await request(`${base}/${path}/${encodeURIComponent(p[key] ?? '')}`, { method: 'DELETE' });
        await draw();
      } }, t('guide.remove'))]);
    list.replaceChildren(ps.length ? table(['guide.product', 'guide.zone', 'guide.shelf', 'guide.remove'], rows(ps, 'gtin', 'placements'), 'guide.placements') : empty('guide.noPlacements'));
    catList.replaceChildren(cs.length ? table(['guide.category', 'guide.zone', 'guide.shelf', 'guide.remove'], rows(cs, 'categoryId', 'category-placements'), 'guide.categoryPlacements') : empty('guide.noPlacements'));
  };
  const found = h('div', { 'aria-live': 'polite', 'data-testid': 'product-results' });
  const searchForm = h('form', { novalidate: true, class: 'row', 'data-testid': 'product-search' }, formAlert(),
    field({ name: 'q', label: 'guide.findProduct', required: true }),
    h('button', { type: 'submit', class: 'btn' }, t('guide.search')));
  searchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = values(searchForm as HTMLFormElement).q ?? '';
    await busy(searchForm as HTMLFormElement, async () => {
      try {
        const items = asPage<{ gtin: string; name: string }>(await request('/products', { query: { q, limit: 10 } })).items;
        found.replaceChildren(...items.map((p) => placeForm(p.name, `${base}/placements/${encodeURIComponent(p.gtin)}`, map, draw, `place-${p.gtin}`)));
        if (!items.length) found.replaceChildren(empty('guide.noPlacements'));
      } catch (err) {
        showError(searchForm, err);
      }
    });
  });
  let categories: { categoryId: string; name: string }[] = [];
  try {
    categories = asPage<{ categoryId: string; name: string }>(await request('/categories')).items;
  } catch {
    categories = [];
  }
  const catForm = h('form', { novalidate: true, class: 'row', 'data-testid': 'category-place' }, formAlert(),
    field({ name: 'categoryId', label: 'guide.category', options: categories.map((c) => ({ value: c.categoryId, label: c.name })) }),
    field({ name: 'zoneId', label: 'guide.zone', options: zoneOptions(map) }),
    field({ name: 'shelf', label: 'guide.shelf' }),
    h('button', { type: 'submit', class: 'btn' }, t('guide.placeCategory')));
  catForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = values(catForm as HTMLFormElement);
    await busy(catForm as HTMLFormElement, async () => {
      try {
        await request(`${base}/category-placements/${encodeURIComponent(v.categoryId ?? '')}`, { method: 'PUT', body: { zoneId: v.zoneId, ...(v.shelf ? { shelf: v.shelf } : {}) } });
        await draw();
      } catch (err) {
        showError(catForm, err);
      }
    });
  });
  await draw();
  return h('div', { class: 'stack' },
    section('guide.tab.placements', searchForm, found),
    section('guide.placements', list),
    section('guide.categoryPlacements', catForm, catList));
}

function placeForm(name: string, path: string, map: MapGrid, after: () => Promise<void>, testid: string): HTMLElement {
  const done = h('p', { role: 'status', class: 'muted' });
  const form = h('form', { novalidate: true, class: 'row card', 'data-testid': testid }, formAlert(),
    h('strong', { lang: '' }, name),
    field({ name: 'zoneId', label: 'guide.zone', options: zoneOptions(map) }),
    field({ name: 'shelf', label: 'guide.shelf' }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('guide.place')), done);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form as HTMLFormElement);
    await busy(form as HTMLFormElement, async () => {
      try {
        await request(path, { method: 'PUT', body: { zoneId: v.zoneId, ...(v.shelf ? { shelf: v.shelf } : {}) } });
        done.textContent = t('guide.placed', { name, zone: map.zones.find((z) => z.id === v.zoneId)?.name ?? '' });
        await after();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return form;
}

// ------------------------------------------------------------------------------------------ events

async function eventsPanel(base: string, map: StoreMap): Promise<HTMLElement> {
  const list = h('div', { 'data-testid': 'guide-events' });
  const draw = async () => {
    const items = asPage<GuideEvent>(await request(`${base}/guide-events?limit=200`)).items;
    list.replaceChildren(items.length ? table(['guide.eventTitle', 'guide.startsAt', 'guide.endsAt', 'guide.zone', 'guide.delete'], items.map((e) => [
      h('span', { lang: '' }, e.title), fmtTime(e.startsAt), fmtTime(e.endsAt), map.zones.find((z) => z.id === e.zoneId)?.name ?? '—',
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: async () => {
        if (!(await confirmDialog(`${t('guide.delete')}: ${e.title}`, 'guide.delete', true))) return;
        await request(`${base}/guide-events/${encodeURIComponent(e.eventId)}`, { method: 'DELETE' });
        await draw();
      } }, t('guide.delete'))]), 'guide.events') : empty('guide.noEvents'));
  };
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const now = new Date();
  const form = h('form', { novalidate: true, class: 'stack', 'data-testid': 'event-form' }, formAlert(),
    field({ name: 'title', label: 'guide.eventTitle', required: true, attrs: { maxlength: 60 } }),
    field({ name: 'body', label: 'guide.eventBody', attrs: { maxlength: 500 } }),
    field({ name: 'startsAt', label: 'guide.startsAt', type: 'datetime-local', required: true, value: local(now) }),
    field({ name: 'endsAt', label: 'guide.endsAt', type: 'datetime-local', required: true, value: local(new Date(now.getTime() + 3 * 3600_000)) }),
    field({ name: 'zoneId', label: 'guide.eventZone', options: zoneOptions(map, true) }),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'add-event' }, t('guide.addEvent')));
  const iso = (v: string | undefined) => (v && !isNaN(Date.parse(v)) ? new Date(v).toISOString() : v ?? '');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form as HTMLFormElement);
    await busy(form as HTMLFormElement, async () => {
      try {
        await request(`${base}/guide-events`, { method: 'POST', body: { title: v.title, ...(v.body ? { body: v.body } : {}), startsAt: iso(v.startsAt), endsAt: iso(v.endsAt),
          ...(v.zoneId ? { zoneId: v.zoneId } : {}) } });
        (form as HTMLFormElement).reset();
        await draw();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  await draw();
  return h('div', { class: 'stack' }, section('guide.addEvent', form), section('guide.events', list));
}

// ------------------------------------------------------------------------------------------ the poster

async function poster(store: Store, map: StoreMap): Promise<HTMLElement> {
  const links = guideLinks(store.storeId, map.guideToken);
  const img = h('img', { width: 280, height: 280, alt: t('guide.qrAlt', { name: store.name ?? store.storeId }), 'data-testid': 'guide-qr' });
  img.src = await QRCode.toDataURL(links.h5, { margin: 1, width: 560, errorCorrectionLevel: 'M' });
  return h('div', { class: 'stack' },
    h('div', { class: 'actions no-print' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => window.print() }, t('guide.print'))),
    h('section', { class: 'card poster', 'data-testid': 'guide-poster' },
      h('p', { class: 'poster-brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '店'), ' ', store.name ?? ''),
      h('h2', null, t('guide.posterHeadline')),
      img,
      h('p', null, t('guide.posterPoints'))),
    h('section', { class: 'card no-print' },
      h('p', null, t('guide.h5Link')), h('p', null, h('code', { 'data-testid': 'guide-h5-link' }, links.h5)),
      h('p', null, t('guide.kioskLink')), h('p', null, h('a', { href: links.kiosk, 'data-testid': 'guide-kiosk-link' }, links.kiosk))),
    h('section', { class: 'card no-print' }, h('h2', null, t('gp.map')), mapSvg(map, null)));
}
