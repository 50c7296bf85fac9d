// The till (POS): scan or type what the scanner reads, find the member, apply a coupon and points, place the order
// (priced by the server), take cash or start a card / WeChat Pay / Alipay payment, then show the receipt's QR.
import QRCode from 'qrcode';
import { ApiError, request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { getLang, t } from '../i18n';
import { go, type Route } from '../router';
import { findMember } from './cashier';
import { empty, fmtNum, label, pageHead, section } from './common';
import type { Member, Points } from './members';
import { fmtFen, intOrText, yuanToFen } from './money';
import { linesTable, PAY_METHODS, statusBadge, totals, waitForPaid, type Order } from './order-parts';
import { fetchStores, type Store } from './stores';
import { fmtKg, fmtPerUnit, weighedAmount } from './weighed';

interface Scan {
  code: string;
  kind: 'gtin' | 'variable_measure';
  product: { gtin: string; name: string; soldBy?: 'piece' | 'weight' };
  price: { price: number } | null;
  quantity?: number | null;
  amount?: number | null;
}
/** A line of the cart: pieces of a product, or one weighed item (its scale label, grams and price per kg). */
interface CartLine {
  gtin: string;
  name: string;
  unitPrice: number;
  qty: number;
  scaleCode?: string;
  grams?: number;
}
const lineAmount = (l: CartLine) => (l.scaleCode ? weighedAmount(l.unitPrice, l.grams ?? 0) : l.unitPrice * l.qty);
interface Check {
  applies: boolean;
  message: string;
  discount?: number;
}

export async function posView(main: HTMLElement, route: Route): Promise<void> {
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('pos.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('pos.title'), empty('stores.empty'));
    return;
  }
  const storeId = store.storeId;
  const picker = field({ name: 'store', label: 'pos.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/pos?store=${(e.target as HTMLSelectElement).value}`));

  const cart: CartLine[] = [];
  let member: Member | null = null;
  let orderKey = uuid();

  const cartBox = h('div', { 'data-testid': 'pos-cart' });
  const drawCart = () => {
    if (!cart.length) {
      cartBox.replaceChildren(empty('pos.cartEmpty'));
      return;
    }
    const sum = cart.reduce((a, l) => a + lineAmount(l), 0);
    cartBox.replaceChildren(
      h('ul', { class: 'cart' }, ...cart.map((l, i) => l.scaleCode ? h('li', { 'data-gtin': l.gtin, 'data-testid': 'weighed-line' },
        // one label, one weighed item: its weight at its price per kg (and per 斤 in Chinese)
        h('span', { class: 'cart-name' }, l.name, h('br'), h('small', { class: 'muted', 'data-testid': 'weighed-detail' },
          `${fmtKg(l.grams ?? 0)} × ${fmtFen(l.unitPrice)}/kg`, getLang() === 'en' ? '' : ` (${fmtPerUnit(l.unitPrice)})`)),
        h('span', { class: 'cart-qty' },
          h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('pos.removeWeighed', { name: l.name }), onclick: () => { cart.splice(i, 1); drawCart(); } }, '×')),
        h('strong', null, fmtFen(lineAmount(l)))) : h('li', { 'data-gtin': l.gtin },
        h('span', { class: 'cart-name' }, l.name, h('br'), h('small', { class: 'muted' }, `${fmtFen(l.unitPrice)} × ${l.qty}`)),
        h('span', { class: 'cart-qty' },
          h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('pos.less', { name: l.name }), onclick: () => { l.qty > 1 ? l.qty-- : cart.splice(i, 1); drawCart(); } }, '−'),
          h('span', { 'data-testid': 'qty' }, String(l.qty)),
          h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('pos.more', { name: l.name }), onclick: () => { l.qty++; drawCart(); } }, '+')),
        h('strong', null, fmtFen(l.unitPrice * l.qty))))),
      h('p', { class: 'cart-sum' }, t('pos.estimate'), ' ', h('strong', { 'data-testid': 'pos-estimate' }, fmtFen(sum))),
    );
  };
  drawCart();

  // scanning: a GTIN or a weighing-scale code; the server says what it is and what it costs
  const scanForm = h('form', { class: 'search-row', novalidate: true, 'data-testid': 'pos-scan' }, formAlert(),
    field({ name: 'code', label: 'pos.scan', required: true, autocomplete: 'off', inputmode: 'numeric', hint: 'pos.scanHint', attrs: { maxlength: 40 } }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('pos.add')));
  scanForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = values(scanForm).code?.trim();
    if (!code) return;
    void busy(scanForm, async () => {
      try {
        const s = await request<Scan>(`/stores/${encodeURIComponent(storeId)}/scan/${encodeURIComponent(code)}`);
        clearErrors(scanForm);
        const price = s.price?.price ?? 0;
        if (s.kind === 'variable_measure') {
          cart.push({ gtin: s.product.gtin, name: s.product.name, unitPrice: price, qty: 1, scaleCode: s.code, grams: s.quantity ?? 0 });
        } else if (s.product.soldBy === 'weight') {
          // its own barcode carries no weight: the goods go on the scale, whose label is scanned
          throw new ApiError(422, t('pos.weighFirst', { name: s.product.name }), undefined, []);
        } else {
          const found = cart.find((l) => l.gtin === s.product.gtin && !l.scaleCode);
          if (found) found.qty++;
          else cart.push({ gtin: s.product.gtin, name: s.product.name, unitPrice: price, qty: 1 });
        }
        drawCart();
        scanForm.reset();
        scanForm.querySelector<HTMLInputElement>('input')?.focus();
      } catch (err) {
        showError(scanForm, err);
      }
    });
  });

  // the member: phone, card number or the card's QR payload
  const memberBox = h('div', { 'aria-live': 'polite', 'data-testid': 'pos-member' });
  const memberForm = h('form', { class: 'search-row', novalidate: true }, formAlert(),
    field({ name: 'query', label: 'pos.member', autocomplete: 'off', hint: 'cashier.queryHint', attrs: { maxlength: 256 } }),
    h('button', { type: 'submit', class: 'btn' }, t('cashier.find')));
  memberForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = values(memberForm).query;
    if (!q) return;
    void busy(memberForm, async () => {
      try {
        clearErrors(memberForm);
        member = await findMember(q);
        if (!member) {
          memberBox.replaceChildren(h('p', { class: 'alert alert-info' }, t('cashier.notFound')));
          return;
        }
        const p = await request<Points>(`/members/${encodeURIComponent(member.memberId)}/points`);
        memberBox.replaceChildren(h('p', null, h('strong', null, member.name || t('members.noName')), ' · ', t('pos.balance', { n: fmtNum(p.balance ?? 0) }),
          ' ', h('button', { type: 'button', class: 'btn btn-ghost btn-small', onclick: () => { member = null; memberBox.replaceChildren(); } }, t('pos.noMember'))));
      } catch (err) {
        showError(memberForm, err);
      }
    });
  });

  // coupon and points; the check says what the coupon gives, or why not, before the order is placed
  const couponNote = h('p', { class: 'small', 'aria-live': 'polite', 'data-testid': 'pos-coupon-note' });
  const payForm = h('form', { class: 'stack', novalidate: true, 'data-testid': 'pos-order' }, formAlert(),
    h('div', { class: 'grid-2' },
      field({ name: 'couponCode', label: 'pos.coupon', autocomplete: 'off', attrs: { maxlength: 40 } }),
      field({ name: 'pointsToUse', label: 'pos.points', type: 'number', inputmode: 'numeric', attrs: { min: 0, step: 1 } })),
    couponNote,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', 'data-testid': 'pos-check', onclick: () => void checkCoupon() }, t('pos.checkCoupon')),
      h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, t('pos.place'))));
  const checkCoupon = async () => {
    const code = values(payForm).couponCode;
    if (!code || !cart.length) return;
    try {
      // a weighed item is one item at its amount, as the server's basket counts it
      const c = await request<Check>('/coupons/check', { body: { code, storeId, basket: { lines: cart.map((l) => (l.scaleCode
        ? { gtin: l.gtin, quantity: 1, unitPrice: lineAmount(l) } : { gtin: l.gtin, quantity: l.qty, unitPrice: l.unitPrice })) } } });
      couponNote.className = `small alert ${c.applies ? 'alert-success' : 'alert-warn'}`;
      couponNote.textContent = c.message;
    } catch (err) {
      couponNote.className = 'small';
      couponNote.replaceChildren(errorBox(err));
    }
  };

  const after = h('div', { 'aria-live': 'polite' });
  payForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!cart.length) {
      showError(payForm, new ApiError(400, t('pos.cartEmpty'), undefined, []));
      return;
    }
    const v = values(payForm);
    const body = {
      storeId,
      channel: 'pos',
      fulfilment: 'in_store',
      lines: cart.map((l) => (l.scaleCode ? { scaleCode: l.scaleCode } : { gtin: l.gtin, qty: l.qty })),
      memberId: member?.memberId,
      couponCode: v.couponCode || undefined,
      pointsToUse: intOrText(v.pointsToUse),
    };
    void busy(payForm, async () => {
      try {
        const o = await request<Order>('/orders', { body, idempotencyKey: orderKey });
        clearErrors(payForm);
        orderKey = uuid();
        showOrder(after, o, () => go(`#/pos?store=${storeId}&n=${Date.now()}`));
      } catch (err) {
        showError(payForm, err);
      }
    });
  });

  main.replaceChildren(
    pageHead('pos.title'),
    h('div', { class: 'toolbar' }, picker),
    h('div', { class: 'grid-2 pos' },
      h('div', null, section('pos.items', scanForm, cartBox)),
      h('div', null, section('pos.customer', memberForm, memberBox), section('pos.checkout', payForm))),
    after,
  );
  scanForm.querySelector<HTMLInputElement>('input')?.focus();
}

/** The placed order: totals, then payment; after payment the receipt's QR for the customer's phone. */
export function showOrder(box: HTMLElement, o: Order, next: () => void): void {
  const path = `/orders/${encodeURIComponent(o.orderId)}`;
  const head = h('p', null, h('strong', { 'data-testid': 'order-number' }, o.number), ' ', statusBadge(o.status));
  const payBox = h('div', { 'aria-live': 'polite' });
  const draw = (cur: Order) => {
    head.replaceChildren(h('strong', { 'data-testid': 'order-number' }, cur.number), ' ', statusBadge(cur.status));
    if (cur.status !== 'placed') {
      form.remove();
      payBox.replaceChildren(paidPanel(cur, next));
    }
  };
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'pos-pay' }, formAlert(),
    h('div', { class: 'grid-2' },
      field({ name: 'method', label: 'pos.method', options: PAY_METHODS.map((m) => ({ value: m, label: label('pay.method', m) })), value: 'cash' }),
      field({ name: 'tendered', label: 'pos.tendered', inputmode: 'decimal', hint: 'pos.tenderedHint', attrs: { maxlength: 10 } })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, t('pos.pay', { amount: fmtFen(o.total) }))));
  let key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const body = v.method === 'cash' ? { method: 'cash', tendered: v.tendered ? yuanToFen(v.tendered) : o.total } : { method: v.method };
    void busy(form, async () => {
      try {
        const after = await request<Order>(`${path}/payments`, { body, idempotencyKey: key });
        clearErrors(form);
        key = uuid();
        if (after.status !== 'placed') return draw(after);
        form.hidden = true;
        payBox.replaceChildren(h('p', { class: 'alert alert-info', role: 'status', 'data-testid': 'pos-waiting' }, t('pos.waiting')));
        draw(await waitForPaid(path, 'portal', draw));
      } catch (err) {
        showError(form, err);
      }
    });
  });
  box.replaceChildren(section('pos.order', head, linesTable(o), totals(o), payBox, o.status === 'placed' ? form : paidPanel(o, next)));
}

function paidPanel(o: Order, next: () => void): HTMLElement {
  const cash = (o.payments ?? []).find((p) => p.method === 'cash' && p.change != null);
  // the public link (no sign-in, on the customer's phone) when the server signed one; else the signed-in receipt
  const link = `#/receipt/${encodeURIComponent(o.orderId)}${o.receiptToken ? `?t=${encodeURIComponent(o.receiptToken)}` : ''}`;
  const receipt = `${location.origin}${location.pathname}${link}`;
  const box = h('div', { class: 'stack', 'data-testid': 'pos-paid' },
    o.status === 'cancelled' ? h('p', { class: 'alert alert-warn' }, t('orders.status.cancelled'))
      : h('p', { class: 'alert alert-success', role: 'status' }, t('pos.paid'), cash ? ` ${t('pos.change', { amount: fmtFen(cash.change) })}` : ''),
    h('div', { class: 'actions' },
      h('a', { class: 'btn', href: `#/orders/${encodeURIComponent(o.orderId)}` }, t('pos.openOrder')),
      h('a', { class: 'btn', href: link, target: '_blank', 'data-testid': 'receipt-link' }, t('pos.receipt')),
      h('button', { type: 'button', class: 'btn btn-primary', onclick: next }, t('pos.next'))));
  void qr(receipt, t('pos.receiptQr')).then((q) => box.append(q));
  return box;
}

async function qr(text: string, caption: string): Promise<HTMLElement> {
  const src = await QRCode.toDataURL(text, { margin: 1, width: 180 });
  return h('figure', { class: 'qr' }, h('img', { src, alt: caption, width: 180, height: 180 }), h('figcaption', { class: 'small muted' }, caption));
}
