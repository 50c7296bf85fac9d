// How a coupon reads, the same on the owner's preview, the till and the customer's phone.
import { h } from '../dom';
import { getLang, t, type Key } from '../i18n';

export interface CouponTerms {
  name?: string;
  description?: string;
  kind?: string;
  value?: number;
  maxDiscount?: number;
  giftGtin?: string;
  minSpend?: number;
  validFrom?: string | null;
  validTo?: string | null;
  validDays?: number | null;
  storeIds?: string[];
  stackable?: boolean;
}
export interface Counts {
  issued?: number;
  claimed?: number;
  remaining?: number;
  reserved?: number;
  redeemed?: number;
  expired?: number;
  voided?: number;
  redemptionRateBp?: number;
}
export interface Template extends CouponTerms {
  templateId: string;
  totalStock?: number;
  perMemberLimit?: number;
  status?: string;
  counts?: Counts;
  remaining?: number;
  mine?: number;
  claimable?: boolean;
}
export interface Coupon extends CouponTerms {
  code: string;
  display?: string;
  templateId?: string;
  memberId?: string;
  state?: string;
  createdAt?: string;
  redemption?: { storeId?: string; staff?: string; orderId?: string; at?: string };
  voidReason?: string;
}

/** Fen as yuan: 1050 → "¥10.50"; whole yuan without decimals. */
export function yuan(fen: unknown): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '—';
  const y = fen / 100;
  return '¥' + (Number.isInteger(y) ? String(y) : y.toFixed(2));
}

export function day(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '—';
  const d = new Date(iso);
  return isNaN(d.getTime()) ? iso : d.toLocaleDateString(getLang() === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** The big line: "减 ¥10", "15% 折扣，最多减 ¥20", "赠品（690…）". */
export function gives(c: CouponTerms): string {
  if (c.kind === 'percent_off') return t('coupons.percentOff', { pct: c.value ?? '—', cap: yuan(c.maxDiscount) });
  if (c.kind === 'gift') return t('coupons.gift', { gtin: c.giftGtin ?? '—' });
  return t('coupons.amountOff', { amount: yuan(c.value) });
}

/** The ticket's big words: "¥5", "15% 折扣", "赠品". */
export function headline(c: CouponTerms): string {
  if (c.kind === 'percent_off') return t('coupons.head.percent', { pct: c.value ?? '—' });
  if (c.kind === 'gift') return t('coupons.head.gift');
  return t('coupons.head.amount', { amount: yuan(c.value) });
}

export function condition(c: CouponTerms): string {
  return c.minSpend ? t('coupons.minSpend', { amount: yuan(c.minSpend) }) : t('coupons.noMinSpend');
}

export function validity(c: CouponTerms): string {
  if (c.validDays) return t('coupons.days', { n: c.validDays });
  return t('coupons.until', { from: day(c.validFrom), to: day(c.validTo) });
}

export function whereAndHow(c: CouponTerms): string {
  const where = c.storeIds && c.storeIds.length ? t('coupons.someStores', { n: c.storeIds.length }) : t('coupons.allStores');
  return `${where} · ${t(c.stackable ? 'coupons.stackable' : 'coupons.notStackable')}`;
}

export function stateLabel(state: unknown): string {
  const key = `coupon.state.${String(state)}` as Key;
  const s = t(key);
  return s === key ? String(state ?? '—') : s;
}

/** The coupon as a ticket: value on the left, name and conditions on the right; {@code below} spans the width under both. */
export function ticket(c: CouponTerms, extra: HTMLElement | null = null, state?: string, below: HTMLElement | null = null): HTMLElement {
  return h(
    'div',
    { class: `ticket${state && state !== 'available' ? ' ticket-off' : ''}`, 'data-state': state ?? undefined },
    h('div', { class: 'ticket-value' }, h('strong', null, headline(c)),
      c.kind === 'percent_off' ? h('span', null, t('coupons.capLine', { cap: yuan(c.maxDiscount) })) : null,
      h('span', null, condition(c))),
    h(
      'div',
      { class: 'ticket-body' },
      h('h3', null, c.name || t('coupons.previewName')),
      c.description ? h('p', { class: 'small' }, c.description) : null,
      c.kind === 'gift' && c.giftGtin ? h('p', { class: 'small' }, gives(c)) : null,
      h('p', { class: 'muted small' }, validity(c)),
      h('p', { class: 'muted small' }, whereAndHow(c)),
      state ? h('span', { class: `badge badge-state-${state}`, 'data-testid': 'coupon-state' }, stateLabel(state)) : null,
      extra,
    ),
    below,
  );
}
