// The customer's shop on the H5: pick a store, browse its products at the price the till charges, fill a cart,
// choose pickup or delivery, use a coupon and points, pay, then follow the order and ask for a refund.
import { pickupCodeCard } from './h5-pickup';
import { asPage, request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { go, type Route } from '../router';
import { empty, fmtTime, label } from './common';
import type { Coupon } from './coupon-text';
import { fmtFen, intOrText } from './money';
import { linesTable, statusBadge, timeline, totals, waitForPaid, type Order } from './order-parts';
import { h5RefundBox } from './refund-requests';
import { fmtKg, fmtPerUnit, weighedAmount } from './weighed';

interface ShopStore {
  storeId: string;
  name: string;
  address?: string | null;
}
interface ShelfItem {
  gtin: string;
  name: string;
  spec?: string | null;
  unit?: string | null;
  price: number;
  regularPrice: number;
  promo: boolean;
  inStock: boolean;
  soldBy?: 'piece' | 'weight';
}
/** A cart line: pieces, or (weighed goods) portions of 500 g, one 斤 each; price is per piece or per kg. */
type Cart = Record<string, { name: string; price: number; qty: number; weighed?: boolean }>;
/** A weighed product is bought online by the 斤 (500 g); the store weighs it when picking. */
const PORTION_GRAMS = 500;
const cartAmount = (l: Cart[string]) => (l.weighed ? weighedAmount(l.price, l.qty * PORTION_GRAMS) : l.qty * l.price);
const cartQty = (l: Cart[string]) => (l.weighed ? `${fmtKg(l.qty * PORTION_GRAMS)}` : `× ${l.qty}`);

const STORE = 'zhidian.h5.store';
const cartKey = (storeId: string) => `zhidian.h5.cart.${storeId}`;
const readCart = (storeId: string): Cart => JSON.parse(sessionStorage.getItem(cartKey(storeId)) ?? '{}') as Cart;
const saveCart = (storeId: string, c: Cart) => sessionStorage.setItem(cartKey(storeId), JSON.stringify(c));

function page(main: HTMLElement, bar: HTMLElement, title: string, back: string, ...children: (Node | null)[]): void {
  main.replaceChildren(bar, h('div', { class: 'h5-body' },
    h('p', null, h('a', { href: back }, '‹ ', t(back === '#/h5' ? 'h5c.back' : 'shop.back'))),
    h('h1', { tabindex: '-1', class: 'greeting' }, title), ...children.filter((c): c is Node => c !== null)));
}

/** #/h5/shop, #/h5/shop/checkout, #/h5/orders, #/h5/orders/{id} */
export async function h5ShopView(main: HTMLElement, bar: HTMLElement, route: Route): Promise<void> {
  if (route.path[1] === 'orders') return route.path[2] ? trackView(main, bar, route.path[2]) : myOrdersView(main, bar);
  let stores: ShopStore[];
  try {
    stores = (await request<{ items: ShopStore[] }>('/me/stores', { scope: 'h5' })).items;
  } catch (err) {
    return page(main, bar, t('shop.title'), '#/h5', errorBox(err));
  }
  const chosen = route.query.get('store') ?? localStorage.getItem(STORE);
  const store = stores.find((s) => s.storeId === chosen) ?? stores[0];
  if (!store) return page(main, bar, t('shop.title'), '#/h5', empty('shop.noStores'));
  localStorage.setItem(STORE, store.storeId);
  if (route.path[2] === 'checkout') return checkoutView(main, bar, store);
  return shelfView(main, bar, store, stores, route.query.get('q') ?? '');
}

async function shelfView(main: HTMLElement, bar: HTMLElement, store: ShopStore, stores: ShopStore[], q: string): Promise<void> {
  const cart = readCart(store.storeId);
  const picker = field({ name: 'store', label: 'shop.store', options: stores.map((s) => ({ value: s.storeId, label: s.name })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/h5/shop?store=${(e.target as HTMLSelectElement).value}`));
  const search = h('form', { class: 'search-row', role: 'search', novalidate: true },
    field({ name: 'q', label: 'shop.search', value: q, attrs: { maxlength: 100 } }), h('button', { type: 'submit', class: 'btn' }, t('shop.find')));
  search.addEventListener('submit', (e) => {
    e.preventDefault();
    go(`#/h5/shop?store=${store.storeId}&q=${encodeURIComponent(values(search).q ?? '')}`);
  });
  const bag = h('a', { class: 'btn btn-primary btn-block btn-large cart-bar', href: '#/h5/shop/checkout', 'data-testid': 'cart-bar' });
  const drawBag = () => {
    const n = Object.values(cart).reduce((a, l) => a + l.qty, 0);
    const sum = Object.values(cart).reduce((a, l) => a + cartAmount(l), 0);
    bag.textContent = n ? t('shop.cartBar', { n, amount: fmtFen(sum) }) : t('shop.cartEmpty');
    bag.toggleAttribute('aria-disabled', !n);
  };
  const list = h('ul', { class: 'shelf', 'data-testid': 'shelf' }, h('li', { class: 'muted' }, t('common.loading')));
  page(main, bar, t('shop.title'), '#/h5', picker, search, list, bag);
  drawBag();
  try {
    const items = asPage<ShelfItem>(await request(`/me/stores/${encodeURIComponent(store.storeId)}/products`, { scope: 'h5', query: { q: q || undefined, limit: 100 } })).items;
    if (!items.length) return void list.replaceChildren(h('li', null, empty('shop.empty')));
    list.replaceChildren(...items.map((p) => {
      const qty = h('span', { class: 'qty', 'data-testid': 'in-cart' }, cart[p.gtin]?.qty ? String(cart[p.gtin].qty) : '');
      const add = h('button', { type: 'button', class: 'btn btn-primary', disabled: !p.inStock, 'aria-label': t('shop.addNamed', { name: p.name }) }, p.inStock ? t('shop.add') : t('shop.soldOut'));
      add.addEventListener('click', () => {
        const l = cart[p.gtin] ?? (cart[p.gtin] = { name: p.name, price: p.price, qty: 0, weighed: p.soldBy === 'weight' });
        l.qty++;
        l.price = p.price;
        saveCart(store.storeId, cart);
        qty.textContent = String(l.qty);
        drawBag();
      });
      return h('li', { class: 'shelf-item', 'data-gtin': p.gtin },
        h('span', null, h('strong', null, p.name), p.spec ? h('small', { class: 'muted' }, ` ${p.spec}`) : null, h('br'),
          p.soldBy === 'weight'
            // weighed: per 斤 (500 g) as Chinese shoppers compare, per kg in English; bought by the 500 g
            ? h('span', null, h('span', { class: 'price', 'data-testid': 'per-unit' }, fmtPerUnit(p.price)),
              p.promo ? h('s', { class: 'muted small' }, ` ${fmtPerUnit(p.regularPrice)}`) : null, h('small', { class: 'muted' }, ` ${t('shop.byWeight')}`))
            : h('span', { class: 'price' }, fmtFen(p.price)), p.promo && p.soldBy !== 'weight' ? h('s', { class: 'muted small' }, ` ${fmtFen(p.regularPrice)}`) : null),
        h('span', { class: 'shelf-actions' }, qty, add));
    }));
  } catch (err) {
    list.replaceChildren(h('li', null, errorBox(err)));
  }
}

async function checkoutView(main: HTMLElement, bar: HTMLElement, store: ShopStore): Promise<void> {
  const cart = readCart(store.storeId);
  const lines = Object.entries(cart).filter(([, l]) => l.qty > 0);
  if (!lines.length) return page(main, bar, t('shop.checkout'), '#/h5/shop', empty('shop.cartEmpty'));
  const coupons = await request('/me/coupons', { scope: 'h5', query: { limit: 100 } }).then((r) => asPage<Coupon>(r).items.filter((c) => c.state === 'available'), () => [] as Coupon[]);
  const address = h('div', { class: 'stack', hidden: true, 'data-testid': 'address' },
    field({ name: 'address.name', label: 'shop.addrName', autocomplete: 'name', attrs: { maxlength: 50 } }),
    field({ name: 'address.phone', label: 'shop.addrPhone', type: 'tel', autocomplete: 'tel-national', attrs: { maxlength: 20 } }),
    field({ name: 'address.line', label: 'shop.addrLine', autocomplete: 'street-address', attrs: { maxlength: 200 } }));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'checkout' }, formAlert(),
    h('ul', { class: 'cart' }, ...lines.map(([gtin, l]) => h('li', { 'data-gtin': gtin }, h('span', { class: 'cart-name' }, l.name), h('span', null, cartQty(l)), h('strong', null, fmtFen(cartAmount(l)))))),
    h('p', { class: 'muted small' }, t('shop.priceNote')),
    field({ name: 'fulfilment', label: 'shop.fulfilment', options: ['pickup', 'delivery'].map((f) => ({ value: f, label: label('orders.fulfilment', f) })), value: 'pickup' }),
    address,
    field({ name: 'couponCode', label: 'shop.coupon', options: [{ value: '', label: t('shop.noCoupon') }, ...coupons.map((c) => ({ value: c.code, label: c.name ?? c.display ?? c.code }))] }),
    field({ name: 'pointsToUse', label: 'shop.points', type: 'number', inputmode: 'numeric', attrs: { min: 0, step: 1 } }),
    h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-large' }, t('shop.place')));
  form.querySelector('select[name=fulfilment]')?.addEventListener('change', (e) => { address.hidden = (e.target as HTMLSelectElement).value !== 'delivery'; });
  const key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const body = {
      storeId: store.storeId,
      fulfilment: v.fulfilment,
      lines: lines.map(([gtin, l]) => (l.weighed ? { gtin, weightGrams: l.qty * PORTION_GRAMS } : { gtin, qty: l.qty })),
      couponCode: v.couponCode || undefined,
      pointsToUse: intOrText(v.pointsToUse),
      address: v.fulfilment === 'delivery' ? { name: v['address.name'], phone: v['address.phone'], line: v['address.line'] } : undefined,
    };
    void busy(form, async () => {
      try {
        const o = await request<Order>('/me/orders', { body, scope: 'h5', idempotencyKey: key });
        clearErrors(form);
        saveCart(store.storeId, {});
        go(`#/h5/orders/${encodeURIComponent(o.orderId)}`);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  page(main, bar, t('shop.checkout'), '#/h5/shop', h('section', { class: 'card' }, h('p', null, h('strong', null, store.name)), form));
}

async function myOrdersView(main: HTMLElement, bar: HTMLElement): Promise<void> {
  const list = h('ul', { class: 'order-list', 'data-testid': 'my-orders' }, h('li', { class: 'muted' }, t('common.loading')));
  page(main, bar, t('shop.myOrders'), '#/h5', list);
  try {
    const items = asPage<Order>(await request('/me/orders', { scope: 'h5', query: { limit: 50 } })).items;
    if (!items.length) return void list.replaceChildren(h('li', null, empty('shop.noOrders')));
    list.replaceChildren(...items.map((o) => h('li', null, h('a', { class: 'card h5-link', href: `#/h5/orders/${encodeURIComponent(o.orderId)}` },
      h('span', null, h('strong', null, o.number), ' ', statusBadge(o.status), h('br'), h('span', { class: 'muted small' }, fmtTime(o.placedAt))),
      h('strong', null, fmtFen(o.total))))));
  } catch (err) {
    list.replaceChildren(h('li', null, errorBox(err)));
  }
}

async function trackView(main: HTMLElement, bar: HTMLElement, orderId: string): Promise<void> {
  const path = `/me/orders/${encodeURIComponent(orderId)}`;
  let o: Order;
  try {
    o = await request<Order>(path, { scope: 'h5' });
  } catch (err) {
    return page(main, bar, t('shop.order'), '#/h5/orders', errorBox(err));
  }
  const redraw = () => void trackView(main, bar, orderId);
  const payBox = h('div', { 'aria-live': 'polite' });
  if (o.status === 'placed') payBox.append(payForm(o, path, payBox, redraw));
  const refundBox = h5RefundBox(o, path, redraw);
  page(main, bar, t('shop.orderTitle', { n: o.number }), '#/h5/orders',
    h('section', { class: 'card' }, h('p', null, statusBadge(o.status), ' ', label('orders.fulfilment', o.fulfilment)),
      o.status === 'placed' && o.payBy ? h('p', { class: 'alert alert-info small' }, t('shop.payBy', { at: fmtTime(o.payBy) })) : null,
      linesTable(o), totals(o), payBox),
    o.fulfilment === 'pickup' && o.status === 'ready_for_pickup' ? await pickupCodeCard(o.orderId) : null,
    h('section', { class: 'card' }, h('h2', null, t('orders.timeline')), timeline(o, false)),
    h('section', { class: 'card' }, h('a', { class: 'btn btn-block', href: `#/receipt/${encodeURIComponent(o.orderId)}` }, t('pos.receipt'))),
    refundBox);
}

function payForm(o: Order, path: string, box: HTMLElement, done: () => void): HTMLElement {
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'h5-pay' }, formAlert(),
    field({ name: 'method', label: 'shop.payWith', options: ['wechat_pay', 'alipay', 'card'].map((m) => ({ value: m, label: label('pay.method', m) })), value: 'wechat_pay' }),
    h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-large' }, t('pos.pay', { amount: fmtFen(o.total) })));
  const key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      try {
        await request(`${path}/payments`, { body: { method: values(form).method }, scope: 'h5', idempotencyKey: key });
        clearErrors(form);
        box.replaceChildren(h('p', { class: 'alert alert-info', role: 'status', 'data-testid': 'h5-waiting' }, t('shop.waiting')));
        const after = await waitForPaid(path, 'h5', () => {});
        if (after.status !== 'placed') done();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return form;
}
