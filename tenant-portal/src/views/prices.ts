import { asPage, request } from '../api';
import { h, type Child } from '../dom';
import { errorBox, field } from '../forms';
import { t } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, loading, pageHead, table } from './common';
import { priceCell, type Price, type Product } from './catalog';
import { localToIso } from './money';
import { fetchStores } from './stores';

interface Row {
  product: Product;
  price: Price | null;
}

/** Every product with its price in force in one store, now or at a chosen time (what the POS and the mini-program read). */
export async function pricesView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(pageHead('prices.title'), loading());
  let stores;
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('prices.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('prices.title'), empty('stores.empty'));
    return;
  }
  const at = route.query.get('at') ?? '';
  const form = h(
    'form',
    { class: 'search-row', novalidate: true, 'data-testid': 'prices-filter' },
    field({ name: 'store', label: 'prices.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId }),
    field({ name: 'at', label: 'prices.at', type: 'datetime-local', value: at, hint: 'prices.atHint' }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('products.search')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const q = new URLSearchParams({ store: String(fd.get('store') ?? '') });
    if (fd.get('at')) q.set('at', String(fd.get('at')));
    go(`#/prices?${q.toString()}`);
  });
  const list = h('div', { 'aria-live': 'polite' }, loading());
  main.replaceChildren(pageHead('prices.title'), h('section', { class: 'card' }, form, list));
  const rows: Child[][] = [];
  let cursor: string | null = null;
  const load = async () => {
    try {
      const page = asPage<Row>(await request(`/stores/${store.storeId}/prices`, { query: { at: localToIso(at), limit: 100, cursor } }));
      for (const r of page.items) {
        rows.push([
          h('a', { href: `#/products/${r.product.gtin}` }, r.product.name ?? r.product.gtin),
          h('code', { class: 'small' }, r.product.gtinShort ?? r.product.gtin),
          priceCell(r.price),
          r.price ? t(`prices.source.${r.price.source}` as 'prices.source.store') : '—',
        ]);
      }
      cursor = page.nextCursor;
      list.replaceChildren(rows.length ? table(['products.name', 'products.gtin', 'prices.inForce', 'prices.source'], rows, 'prices.title') : empty('products.empty'));
      if (cursor) list.append(h('button', { type: 'button', class: 'btn', onclick: () => void load() }, t('common.more')));
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  await load();
}
