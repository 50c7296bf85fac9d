import { asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid, type Child } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, signed, table } from './common';
import { priceCell, type Price, type Product } from './catalog';
import { fmtFen, intOrText, yuanToFen } from './money';
import { fetchStores, type Store } from './stores';

interface Level {
  gtin: string;
  gtinShort?: string;
  name?: string | null;
  unit?: string | null;
  onHand: number;
  reserved: number;
  available: number;
}
interface Movement {
  kind: string;
  delta: number;
  reason?: string | null;
  reference?: string | null;
  counted?: number | null;
  counterpartStoreId?: string | null;
  expiresOn?: string | null;
  by?: string;
  at?: string;
}
interface Lot {
  gtin: string;
  expiresOn: string;
  quantity: number;
  onShelf?: number;
  reference?: string | null;
  receivedAt?: string;
}

/** The store the page works in: ?store= or the first the caller may see. */
function pickStore(stores: Store[], route: Route): Store | undefined {
  return stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
}

function storePicker(stores: Store[], current: Store, base: string): HTMLElement {
  const sel = field({ name: 'store', label: 'stock.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: current.storeId });
  sel.querySelector('select')?.addEventListener('change', (e) => go(`${base}?store=${(e.target as HTMLSelectElement).value}`));
  return h('div', { class: 'search-row' }, sel);
}

export async function stockView(main: HTMLElement, route: Route): Promise<void> {
  const isOwner = role('portal') === 'owner';
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('stock.title'), errorBox(err));
    return;
  }
  const store = pickStore(stores, route);
  if (!store) {
    main.replaceChildren(pageHead('stock.title'), empty('stores.empty'));
    return;
  }
  const sid = store.storeId;
  const list = h('div', { 'aria-live': 'polite' }, loading());
  const sheet = h('div', null);
  const expiry = h('div', null, loading());
  // staff come here to receive and count, often on a phone: their forms first, the table after them
  const levels = h('section', { class: 'card', 'aria-label': t('stock.title') }, list);
  main.replaceChildren(pageHead('stock.title'), h('section', { class: 'card' }, storePicker(stores, store, '#/stock')));
  if (isOwner) main.append(levels);
  const reload = async () => {
    try {
      const items = asPage<Level>(await request(`/stores/${sid}/stock`, { query: { limit: 200 } })).items;
      list.replaceChildren(
        items.length
          ? table(
              ['stock.product', 'products.gtin', 'stock.onHand', 'stock.reserved', 'stock.available', 'common.actions'],
              items.map((l) => [
                h('strong', null, l.name ?? '—'),
                h('code', { class: 'small' }, l.gtinShort ?? l.gtin),
                h('span', { 'data-testid': `onhand-${l.gtin}` }, fmtNum(l.onHand)),
                fmtNum(l.reserved),
                fmtNum(l.available),
                h('a', { href: `#/stock/${sid}/${l.gtin}` }, t('stock.movements')),
              ]),
              'stock.title',
            )
          : empty('stock.empty'),
      );
      const lots = asPage<Lot>(await request(`/stores/${sid}/near-expiry`, { query: { days: 30, limit: 100 } })).items;
      const nameOf = (g: string) => items.find((l) => l.gtin === g)?.name ?? g;
      expiry.replaceChildren(
        lots.length
          ? table(['stock.expiresOn', 'stock.product', 'stock.onShelf', 'stock.quantity', 'stock.reference', 'stock.receivedAt'],
              lots.map((l) => [h('strong', null, l.expiresOn), nameOf(l.gtin), h('strong', null, fmtNum(l.onShelf ?? l.quantity)), fmtNum(l.quantity), l.reference ?? '—', fmtTime(l.receivedAt)]), 'stock.nearExpiry')
          : empty('stock.expiryEmpty'),
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  main.append(
    movementForm('stock.receive', 'receive-form', [
      field({ name: 'gtin', label: 'products.gtin', required: true, inputmode: 'numeric', autocomplete: 'off' }),
      field({ name: 'quantity', label: 'stock.quantity', required: true, inputmode: 'numeric' }),
      field({ name: 'cost', label: 'stock.cost', required: true, inputmode: 'decimal' }),
      field({ name: 'reference', label: 'stock.reference', required: true }),
      field({ name: 'expiresOn', label: 'stock.expiresOn', type: 'date' }),
    ], async (v) => {
      const m = await request<Movement>(`/stores/${sid}/stock/${v.gtin}/receipts`, {
        body: { quantity: intOrText(v.quantity), cost: yuanToFen(v.cost), reference: v.reference, expiresOn: v.expiresOn || undefined },
        idempotencyKey: uuid(),
      });
      await reload();
      return t('stock.received', { n: fmtNum(m.delta) });
    }),
    movementForm('stock.count', 'count-form', [
      field({ name: 'gtin', label: 'products.gtin', required: true, inputmode: 'numeric', autocomplete: 'off' }),
      field({ name: 'quantity', label: 'stock.counted', required: true, inputmode: 'numeric' }),
      field({ name: 'reason', label: 'stock.reason', required: true, value: t('stock.count') }),
    ], async (v) => {
      const m = await request<Movement>(`/stores/${sid}/stock/${v.gtin}`, { method: 'PUT', body: { quantity: intOrText(v.quantity), reason: v.reason } });
      await reload();
      return t('stock.countDone', { n: signed(m.delta) });
    }),
    movementForm('stock.adjust', 'adjust-form', [
      field({ name: 'gtin', label: 'products.gtin', required: true, inputmode: 'numeric', autocomplete: 'off' }),
      field({ name: 'delta', label: 'stock.delta', required: true, hint: 'stock.deltaHint' }),
      field({ name: 'reason', label: 'stock.reason', options: ['damage', 'loss', 'expiry', 'sample', 'found'].map((r) => ({ value: r, label: t(`reason.${r}` as Key) })) }),
      field({ name: 'note', label: 'stock.note' }),
    ], async (v) => {
      await request(`/stores/${sid}/stock/${v.gtin}/adjustments`, { body: { delta: intOrText(v.delta), reason: v.reason, note: v.note || undefined }, idempotencyKey: uuid() });
      await reload();
      return t('stock.adjusted');
    }),
  );
  if (isOwner && stores.length > 1) {
    main.append(
      movementForm('stock.transfer', 'transfer-form', [
        field({ name: 'toStoreId', label: 'stock.toStore', options: stores.filter((s) => s.storeId !== sid).map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })) }),
        field({ name: 'lines.0.gtin', label: 'products.gtin', required: true, inputmode: 'numeric', autocomplete: 'off' }),
        field({ name: 'lines.0.quantity', label: 'stock.quantity', required: true, inputmode: 'numeric' }),
        field({ name: 'note', label: 'stock.note' }),
      ], async (v) => {
        await request('/stock-transfers', {
          body: { fromStoreId: sid, toStoreId: v.toStoreId, lines: [{ gtin: v['lines.0.gtin'], quantity: intOrText(v['lines.0.quantity']) }], note: v.note || undefined },
          idempotencyKey: uuid(),
        });
        await reload();
        return t('stock.transferred');
      }),
    );
  }
  if (!isOwner) main.append(levels);
  main.append(section('stock.nearExpiry', expiry));
  const sheetBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'count-sheet' }, t('stock.countSheet'));
  sheetBtn.addEventListener('click', async () => {
    try {
      const rows = asPage<Level>(await request(`/stores/${sid}/count-sheet`)).items;
      sheet.replaceChildren(
        table(['stock.product', 'products.gtin', 'products.unit', 'stock.expected', 'stock.countedCol'],
          rows.map((l) => [l.name ?? '—', h('code', { class: 'small' }, l.gtinShort ?? l.gtin), l.unit ?? '', fmtNum(l.onHand), h('span', { class: 'blank-cell' }, '')]), 'stock.countSheet'),
        h('button', { type: 'button', class: 'btn', onclick: () => window.print() }, t('stock.print')),
      );
    } catch (err) {
      sheet.replaceChildren(errorBox(err));
    }
  });
  main.append(section('stock.countSheet', sheetBtn, sheet));
  await reload();
}

/** A small form that sends one stock change and says what happened. */
function movementForm(title: Key, testid: string, fields: HTMLElement[], send: (v: Record<string, string>) => Promise<string>): HTMLElement {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': testid },
    formAlert(),
    h('div', { class: 'grid-3' }, ...fields),
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t(title))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    void busy(form, async () => {
      try {
        const said = await send(v);
        clearErrors(form);
        ok.textContent = said;
        ok.hidden = false;
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section(title, form);
}

export async function movementsView(main: HTMLElement, storeId: string, gtin: string): Promise<void> {
  main.replaceChildren(pageHead('stock.movements', h('a', { class: 'btn btn-ghost', href: `#/stock?store=${storeId}` }, t('stock.back'))), loading());
  try {
    const [p, mv] = await Promise.all([
      request<Product>(`/products/${gtin}`),
      request(`/stores/${storeId}/stock/${gtin}/movements`, { query: { limit: 100 } }),
    ]);
    const items = asPage<Movement>(mv).items;
    const detail = (m: Movement): Child =>
      [m.reason ? label('reason', m.reason) : null, m.reference, m.counted != null ? `${t('stock.counted')} ${m.counted}` : null, m.expiresOn ? `${t('stock.expiresOn')} ${m.expiresOn}` : null]
        .filter(Boolean)
        .join(' · ');
    main.replaceChildren(
      pageHead(`${p.name ?? gtin} · ${t('stock.movements')}`, h('a', { class: 'btn btn-ghost', href: `#/stock?store=${storeId}` }, t('stock.back'))),
      h('section', { class: 'card' },
        items.length
          ? table(['prices.when', 'mv.kind', 'mv.delta', 'mv.detail', 'prices.who'],
              items.map((m) => [fmtTime(m.at), label('kind', m.kind), signed(m.delta), detail(m), m.by ?? '—']), 'stock.movements')
          : empty('stock.empty')),
    );
  } catch (err) {
    main.replaceChildren(pageHead('stock.movements'), errorBox(err));
  }
}

interface Scan {
  kind: string;
  product: Product;
  price: Price;
  quantity: number;
  quantityUnit: string;
  amount: number;
  stock?: { available?: number };
}

export async function scanView(main: HTMLElement, route: Route): Promise<void> {
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('scan.title'), errorBox(err));
    return;
  }
  const store = pickStore(stores, route);
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'search-row', role: 'search', novalidate: true },
    formAlert(),
    field({ name: 'code', label: 'scan.code', required: true, inputmode: 'numeric', hint: 'scan.codeHint', autocomplete: 'off' }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('scan.go')),
  );
  main.replaceChildren(pageHead('scan.title'), h('section', { class: 'card' }, store ? storePicker(stores, store, '#/scan') : null, form, out));
  form.querySelector('input')?.focus();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = values(form).code;
    if (!store || !code) return;
    void busy(form, async () => {
      try {
        const s = await request<Scan>(`/stores/${store.storeId}/scan/${encodeURIComponent(code)}`);
        clearErrors(form);
        out.replaceChildren(
          h('dl', { class: 'kv', 'data-testid': 'scan-result' },
            h('dt', null, t('products.name')), h('dd', null, h('strong', null, s.product.name ?? '—')),
            h('dt', null, t('products.gtin')), h('dd', null, h('code', null, s.product.gtinShort ?? s.product.gtin)),
            h('dt', null, t('prices.inForce')), h('dd', null, priceCell(s.price)),
            h('dt', null, t('scan.quantity')), h('dd', null, s.quantityUnit === 'g' ? t('scan.weight', { g: fmtNum(s.quantity) }) : t('scan.each', { n: s.quantity })),
            h('dt', null, t('scan.amount')), h('dd', { 'data-testid': 'scan-amount' }, h('strong', null, fmtFen(s.amount))),
            h('dt', null, t('scan.stock')), h('dd', null, fmtNum(s.stock?.available))),
        );
        (form.querySelector('input') as HTMLInputElement).select();
      } catch (err) {
        out.replaceChildren();
        showError(form, err);
      }
    });
  });
}
