// The store's public guide (no sign-in): the H5 page from the poster's QR (#/h5/guide/<storeId>?t=…) and the in-store
// kiosk (#/kiosk/<storeId>?t=…, large buttons and text, an on-screen keyboard, back to the start after 60 s idle).
// Find a product by name or barcode: its price now, in stock or not, and its zone highlighted on the map; today's
// offers and events.
import { ApiError, request } from '../api';
import { h } from '../dom';
import { langSwitch, t } from '../i18n';
import { fmtTime } from './common';
import { largeTextToggle } from './large-text';
import { mapSvg, type MapGrid } from './guide-map';
import { fmtFen } from './money';

interface Product {
  gtin: string;
  name: string;
  brand: string | null;
  spec: string | null;
  price: number;
  regularPrice: number;
  promo: boolean;
  saving: number;
  inStock: boolean;
  zone: { id: string; name: string; kind: string } | null;
  shelf: string | null;
}
interface Home {
  storeName: string;
  today: string;
  map: MapGrid;
  promotions: Product[];
  events: { eventId: string; title: string; body: string | null; startsAt: string; endsAt: string; zoneId: string | null }[];
}

/** Idle time after which the kiosk goes back to its start (a test may shorten it with ?idle=<seconds>). */
const KIOSK_IDLE_MS = 60_000;
let idleTimer: number | undefined;

export async function guidePublicView(main: HTMLElement, storeId: string, token: string | null, kiosk: boolean, idleSeconds?: number): Promise<void> {
  window.clearTimeout(idleTimer);
  const base = `/guide/${encodeURIComponent(storeId)}`;
  const tq = `t=${encodeURIComponent(token ?? '')}`;
  let home: Home;
  try {
    home = await request<Home>(`${base}?${tq}`, { scope: null });
  } catch (err) {
    main.replaceChildren(h('p', { class: 'alert alert-warn', role: 'alert', 'data-testid': 'guide-invalid' },
      err instanceof ApiError && err.status === 404 ? t('gp.notFound') : String((err as Error).message)));
    return;
  }
  let highlight: string | null = null;
  const mapBox = h('div', { class: 'guide-map-box' });
  const mapNote = h('p', { class: 'guide-map-note', 'aria-live': 'polite', 'data-testid': 'map-note' });
  const drawMap = () => {
    mapBox.replaceChildren(mapSvg(home.map, highlight, kiosk ? 40 : 24));
    const z = home.map.zones.find((x) => x.id === highlight);
    mapNote.textContent = z ? t('gp.mapHere', { zone: z.name }) : '';
  };
  const show = (zoneId: string | null) => {
    highlight = zoneId;
    drawMap();
  };

  const card = (p: Product, withMap: boolean) => h('li', { class: 'guide-product card', 'data-testid': 'guide-product' },
    h('p', { class: 'guide-name', lang: '' }, p.name, p.spec && !p.name.includes(p.spec) ? h('span', { class: 'muted' }, ` ${p.spec}`) : null),
    h('p', { class: 'guide-price' }, h('strong', null, fmtFen(p.price)),
      p.promo && p.saving > 0 ? h('span', { class: 'badge badge-promo' }, ' ', t('gp.save', { amount: fmtFen(p.saving) })) : null,
      p.promo && p.saving > 0 ? h('s', { class: 'muted' }, ' ', t('gp.was', { amount: fmtFen(p.regularPrice) })) : null),
    h('p', { class: p.inStock ? 'ok' : 'muted' }, p.inStock ? t('gp.inStock') : t('gp.outOfStock')),
    h('p', { class: 'guide-where', 'data-testid': 'guide-where' }, p.zone ? (p.shelf ? t('gp.whereShelf', { zone: p.zone.name, shelf: p.shelf }) : t('gp.where', { zone: p.zone.name }))
      : t('gp.nowhere')),
    withMap && p.zone ? h('button', { type: 'button', class: 'btn', 'data-testid': 'show-on-map', onclick: () => { show(p.zone!.id); mapBox.scrollIntoView({ block: 'nearest' }); } },
      t('gp.showOnMap')) : null);

  const results = h('div', { 'aria-live': 'polite', 'data-testid': 'guide-results' });
  const input = h('input', { id: 'guide-q', name: 'q', type: 'search', maxlength: 40, autocomplete: 'off', 'aria-describedby': 'guide-q-hint', 'data-field': 'q' });
  const err = h('p', { class: 'field-error', role: 'alert', hidden: true, 'data-testid': 'guide-error' });
  const search = async () => {
    const q = input.value.trim();
    err.hidden = true;
    if (!q) return;
    try {
      const found = await request<{ items: Product[] }>(`${base}/search?${tq}&q=${encodeURIComponent(q)}`, { scope: null });
      results.replaceChildren(h('h2', null, t('gp.results')),
        found.items.length ? h('ul', { class: 'guide-list' }, ...found.items.map((p) => card(p, true))) : h('p', { 'data-testid': 'guide-none' }, t('gp.none', { q })));
      show(found.items.find((p) => p.zone)?.zone?.id ?? null);
    } catch (e) {
      results.replaceChildren();
      err.textContent = e instanceof ApiError && e.code === 'guide.product_not_found' ? t('gp.none', { q }) : e instanceof ApiError ? (e.errors[0]?.message ?? e.detail ?? e.title) : String(e);
      err.hidden = false;
    }
  };
  const form = h('form', { role: 'search', class: 'guide-search', 'data-testid': 'guide-search' },
    h('label', { for: 'guide-q', class: 'guide-label' }, t('gp.search')),
    h('div', { class: 'guide-search-row' }, input, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'guide-go' }, t('gp.go'))),
    h('p', { class: 'hint', id: 'guide-q-hint' }, t('gp.searchHint')), err);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });

  // the kiosk has no keyboard of its own: letters and digits (brand names, barcodes) and the zones as shortcuts
  const keyboard = kiosk ? h('div', { class: 'kiosk-keys', role: 'group', 'aria-label': t('gp.keyboard'), 'data-testid': 'kiosk-keys' },
    ...'1234567890QWERTYUIOPASDFGHJKLZXCVBNM'.split('').map((k) => h('button', { type: 'button', class: 'btn key', onclick: () => { input.value += k; } }, k)),
    h('button', { type: 'button', class: 'btn key key-wide', onclick: () => { input.value = input.value.slice(0, -1); } }, t('gp.backspace')),
    h('button', { type: 'button', class: 'btn key key-wide', onclick: () => { input.value = ''; } }, t('gp.clear'))) : null;
  const zonesQuick = h('div', { class: 'guide-zones', role: 'group', 'aria-label': t('gp.zonesQuick') },
    ...home.map.zones.map((z) => h('button', { type: 'button', class: 'btn', 'data-testid': `zone-chip-${z.id}`, onclick: () => show(z.id) }, z.name)));

  const promos = h('section', { class: 'card', 'aria-labelledby': 'gp-promos' }, h('h2', { id: 'gp-promos' }, t('gp.promotions')),
    home.promotions.length ? h('ul', { class: 'guide-list', 'data-testid': 'guide-promotions' }, ...home.promotions.map((p) => card(p, true))) : h('p', null, t('gp.noPromotions')));
  const events = h('section', { class: 'card', 'aria-labelledby': 'gp-events' }, h('h2', { id: 'gp-events' }, t('gp.events')),
    home.events.length ? h('ul', { class: 'guide-list', 'data-testid': 'guide-events' }, ...home.events.map((e) => h('li', { class: 'card' },
      h('p', { class: 'guide-name', lang: '' }, e.title), e.body ? h('p', { lang: '' }, e.body) : null,
      h('p', { class: 'muted' }, t('gp.until', { from: fmtTime(e.startsAt), to: fmtTime(e.endsAt) }),
        e.zoneId ? ` · ${home.map.zones.find((z) => z.id === e.zoneId)?.name ?? ''}` : '')))) : h('p', null, t('gp.noEvents')));

  const reset = () => {
    input.value = '';
    results.replaceChildren();
    err.hidden = true;
    show(null);
    window.scrollTo(0, 0);
  };
  const head = h('header', { class: 'guide-head' },
    h('h1', { tabindex: '-1' }, h('span', { lang: '' }, home.storeName), ' · ', t('gp.title')),
    h('div', { class: 'actions' }, kiosk ? h('button', { type: 'button', class: 'btn', 'data-testid': 'kiosk-home', onclick: reset }, t('gp.home')) : largeTextToggle(), langSwitch(true)));
  main.replaceChildren(head,
    h('div', { class: 'guide-layout' },
      h('div', { class: 'guide-side' }, h('section', { class: 'card' }, form, keyboard, results)),
      h('section', { class: 'card guide-map-card', 'aria-labelledby': 'gp-map' }, h('h2', { id: 'gp-map' }, t('gp.map')), mapNote, mapBox, zonesQuick)),
    h('div', { class: 'guide-more' }, promos, events));
  drawMap();

  if (kiosk) {
    const idle = (idleSeconds && idleSeconds > 0 ? idleSeconds * 1000 : KIOSK_IDLE_MS);
    const arm = () => {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(() => {
        if (!main.isConnected) return;
        reset();
        main.dataset.reset = String(Number(main.dataset.reset ?? '0') + 1);
      }, idle);
    };
    for (const ev of ['pointerdown', 'keydown', 'input', 'scroll']) main.addEventListener(ev, arm, { passive: true });
    arm();
  }
}
