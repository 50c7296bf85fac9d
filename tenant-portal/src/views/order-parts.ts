// What every orders screen shows the same way: the order's shape as the API answers it, its lines and totals,
// its timeline, and waiting for a payment to land (a Stripe payment becomes "paid" only from its webhook).
import { request } from '../api';
import type { Scope } from '../auth';
import { h } from '../dom';
import { t, type Key } from '../i18n';
import { fmtNum, fmtTime, label, table } from './common';
import { fmtFen } from './money';
import { fmtKg } from './weighed';

export interface OrderLine {
  gtin: string;
  name?: string;
  qty: number;
  unitPrice: number;
  discount?: number;
  lineTotal: number;
  refundedQty?: number;
  soldBy?: 'piece' | 'weight';
  weightGrams?: number | null;
  pricePerKg?: number | null;
}
export interface Payment {
  paymentId: string;
  method: string;
  amount: number;
  status: string;
  tendered?: number | null;
  change?: number | null;
  providerRef?: string | null;
  clientSecret?: string | null;
  at?: string;
}
export interface Refund {
  refundId: string;
  amount: number;
  reason?: string;
  method?: string;
  restock?: boolean;
  pointsReturned?: number;
  couponReturned?: boolean;
  lines?: { gtin: string; qty: number; amount: number }[];
  at?: string;
}
export interface Step {
  status: string;
  at: string;
  actor?: string;
}
export interface Order {
  orderId: string;
  number: string;
  storeId: string;
  channel: string;
  fulfilment: string;
  status: string;
  memberId?: string | null;
  lines: OrderLine[];
  subtotal: number;
  couponCode?: string | null;
  couponDiscount?: number;
  pointsUsed?: number;
  pointsDiscount?: number;
  total: number;
  paid?: number;
  refunded?: number;
  payments?: Payment[];
  refunds?: Refund[];
  timeline?: Step[];
  placedAt?: string;
  payBy?: string | null;
  address?: { name?: string; phone?: string; line?: string } | null;
  allowedTransitions?: string[];
  /** Staff's answers only: the signed token of the public e-receipt link (#/receipt/{orderId}?t=…). */
  receiptToken?: string;
  /** The public receipt only: the store's name. */
  storeName?: string | null;
}

export const STATUSES = ['placed', 'paid', 'picking', 'ready_for_pickup', 'out_for_delivery', 'completed', 'cancelled'] as const;

/** The next steps staff may take from a state (the server decides; this only offers the buttons). */
export function nextSteps(o: Order): string[] {
  if (o.allowedTransitions) return o.allowedTransitions;
  switch (o.status) {
    case 'placed':
      return ['cancelled'];
    case 'paid':
      return o.fulfilment === 'in_store' ? ['completed'] : ['picking'];
    case 'picking':
      return [o.fulfilment === 'delivery' ? 'out_for_delivery' : 'ready_for_pickup'];
    case 'ready_for_pickup':
    case 'out_for_delivery':
      return ['completed'];
    default:
      return [];
  }
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge badge-${status}`, 'data-testid': 'order-status' }, label('orders.status', status));
}

export function linesTable(o: Order): HTMLElement {
  return table(
    ['orders.product', 'orders.qty', 'orders.unitPrice', 'orders.discount', 'orders.lineTotal'],
    o.lines.map((l) => [
      h('span', { 'data-gtin': l.gtin }, l.name ?? l.gtin, h('br'), h('small', { class: 'muted' }, l.gtin),
        l.refundedQty ? h('small', { class: 'muted' }, ' · ', t('orders.refundedQty', { n: l.soldBy === 'weight' ? fmtKg(l.refundedQty) : l.refundedQty })) : null),
      // a weighed line: its weight and its price per kg (the receipt prints both)
      l.soldBy === 'weight' ? h('span', { 'data-testid': 'line-weight' }, fmtKg(l.qty)) : fmtNum(l.qty),
      l.soldBy === 'weight' ? h('span', { 'data-testid': 'line-per-kg' }, `${fmtFen(l.unitPrice)}/kg`) : fmtFen(l.unitPrice),
      l.discount ? `-${fmtFen(l.discount)}` : '—',
      fmtFen(l.lineTotal),
    ]),
  );
}

export function totals(o: Order): HTMLElement {
  const row = (k: Key, v: string, testid?: string) => [h('dt', null, t(k)), h('dd', { 'data-testid': testid }, v)];
  return h(
    'dl',
    { class: 'kv totals' },
    row('orders.subtotal', fmtFen(o.subtotal)),
    o.couponDiscount ? row('orders.couponDiscount', `-${fmtFen(o.couponDiscount)}`, 'coupon-discount') : null,
    o.pointsUsed ? row('orders.pointsDiscount', `-${fmtFen(o.pointsDiscount ?? 0)} (${t('orders.pointsN', { n: fmtNum(o.pointsUsed) })})`, 'points-discount') : null,
    row('orders.total', fmtFen(o.total), 'order-total'),
    o.refunded ? row('orders.refunded', fmtFen(o.refunded), 'order-refunded') : null,
  );
}

/** The steps; who took each one is for staff (a customer sees when, not ids). */
export function timeline(o: Order, withActors = true): HTMLElement {
  const steps = o.timeline ?? [];
  return h(
    'ol',
    { class: 'timeline', 'data-testid': 'order-timeline' },
    ...steps.map((s) => h('li', null, h('strong', null, label('orders.status', s.status)), ' · ', h('time', { datetime: s.at }, fmtTime(s.at)), withActors && s.actor ? h('span', { class: 'muted small' }, ' · ', s.actor) : null)),
  );
}

/** Polls the order until it is paid (or cancelled) or the time is up; answers the last order read. */
export async function waitForPaid(path: string, scope: Scope, onTick: (o: Order) => void, ms = 90_000): Promise<Order> {
  const until = Date.now() + ms;
  for (;;) {
    const o = await request<Order>(path, { scope });
    onTick(o);
    if (o.status !== 'placed' || Date.now() > until) return o;
    await new Promise((r) => setTimeout(r, 1500));
  }
}

export const PAY_METHODS = ['cash', 'card', 'wechat_pay', 'alipay'] as const;
