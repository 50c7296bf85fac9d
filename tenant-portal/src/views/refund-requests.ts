// Refund requests: on the H5 order page the customer's form and the state of each request (with the store's reason
// when rejected); on staff's orders page the store's pending requests with a count badge, approve and reject.
import { asPage, request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtNum, fmtTime, label } from './common';
import { fmtFen } from './money';
import type { Order } from './order-parts';

export interface RefundRequest {
  requestId: string;
  orderId: string;
  orderNumber: string;
  lines: { gtin: string; qty: number }[];
  amount: number;
  reason: string;
  note?: string | null;
  state: 'pending' | 'approved' | 'rejected';
  rejectReason?: string | null;
  requestedAt: string;
  decidedAt?: string | null;
}

export const REASONS = ['not_as_described', 'damaged', 'wrong_item', 'quality', 'changed_mind', 'other'] as const;
const REFUNDABLE = ['paid', 'picking', 'ready_for_pickup', 'out_for_delivery', 'completed'];

function stateBadge(s: string): HTMLElement {
  const cls = s === 'approved' ? 'badge badge-active' : s === 'rejected' ? 'badge badge-suspended' : 'badge';
  return h('span', { class: cls, 'data-state': s }, label('rq.state', s));
}

/** The H5 order page's refund card: my requests, and the form while nothing is pending and something is left. */
export function h5RefundBox(o: Order & { refundRequests?: RefundRequest[] }, path: string, done: () => void): HTMLElement | null {
  const mine = o.refundRequests ?? [];
  const left = o.lines.filter((l) => l.qty - (l.refundedQty ?? 0) > 0);
  const canAsk = REFUNDABLE.includes(o.status) && left.length > 0 && !mine.some((r) => r.state === 'pending');
  if (!mine.length && !canAsk) return null;
  const list = mine.length ? h('ul', { class: 'stack', style: 'list-style: none; padding: 0', 'data-testid': 'my-refund-requests' }, ...mine.map((r) => h('li', { 'data-request': r.requestId },
    stateBadge(r.state), ' ', label('rq.reason', r.reason), ' · ', fmtFen(r.amount), ' · ', h('span', { class: 'muted small' }, fmtTime(r.requestedAt)),
    r.note ? h('div', { class: 'small' }, r.note) : null,
    r.state === 'rejected' && r.rejectReason ? h('p', { class: 'alert alert-warn small', 'data-testid': 'reject-reason' }, t('rq.rejectedBecause', { why: r.rejectReason })) : null))) : null;
  return h('section', { class: 'card', 'data-testid': 'refund-box' }, h('h2', null, t('rq.title')),
    list ? h('h3', null, t('rq.mine')) : null, list, canAsk ? askForm(o, left, path, done) : null);
}

function askForm(o: Order, left: Order['lines'], path: string, done: () => void): HTMLElement {
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'refund-request-form' }, formAlert(),
    h('p', { class: 'muted small' }, t('rq.intro')),
    ...left.map((l) => field({ name: `qty.${l.gtin}`, label: 'rq.qty', type: 'number', inputmode: 'numeric',
      attrs: { min: 0, max: l.qty - (l.refundedQty ?? 0), step: 1, 'data-gtin': l.gtin } })),
    h('p', { class: 'muted small' }, t('rq.allHint')),
    field({ name: 'reason', label: 'rq.reason', required: true, options: REASONS.map((r) => ({ value: r, label: label('rq.reason', r) })), value: 'damaged' }),
    field({ name: 'note', label: 'rq.note', attrs: { maxlength: 200 } }),
    h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('rq.send')));
  form.querySelectorAll<HTMLInputElement>('input[data-gtin]').forEach((input) => {
    const l = left.find((x) => x.gtin === input.dataset.gtin)!;
    const lab = form.querySelector(`label[for="${input.id}"]`);
    if (lab) lab.textContent = t('rq.qty', { name: l.name ?? l.gtin, n: fmtNum(l.qty - (l.refundedQty ?? 0)) });
  });
  const key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const lines = left.map((l) => ({ gtin: l.gtin, qty: Number(v[`qty.${l.gtin}`] || 0) })).filter((l) => l.qty > 0);
    void busy(form, async () => {
      try {
        await request(`${path}/refund-requests`, { scope: 'h5', idempotencyKey: key,
          body: { lines: lines.length ? lines : undefined, reason: v.reason, note: v.note || undefined } });
        clearErrors(form);
        done();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  void o;
  return form;
}

/** Staff's card of a store's pending refund requests: the count as a badge, each with approve and reject. */
export function staffRequests(storeId: string, onDecided: () => void): HTMLElement {
  const count = h('span', { class: 'badge', 'data-testid': 'refund-requests-badge' }, '…');
  const body = h('div', null, h('p', { class: 'muted' }, t('common.loading')));
  const card = h('section', { class: 'card', 'aria-labelledby': 's-rq', 'data-testid': 'refund-requests' },
    h('h2', { id: 's-rq' }, t('rq.staffTitle'), ' ', count), body);
  const load = async () => {
    try {
      const items = asPage<RefundRequest>(await request('/refund-requests', { query: { storeId, state: 'pending', limit: 50 } })).items;
      count.textContent = t('rq.pendingN', { n: fmtNum(items.length) });
      count.className = items.length ? 'badge badge-suspended' : 'badge badge-muted';
      if (!items.length) return void body.replaceChildren(empty('rq.none'));
      body.replaceChildren(h('ul', { class: 'stack', style: 'list-style: none; padding: 0' }, ...items.map((r) => row(r, () => { void load(); onDecided(); }))));
    } catch (err) {
      body.replaceChildren(errorBox(err));
    }
  };
  void load();
  return card;
}

function row(r: RefundRequest, done: () => void): HTMLElement {
  const base = `/refund-requests/${encodeURIComponent(r.requestId)}`;
  const restock = h('input', { type: 'checkbox', name: 'restock', checked: true }) as HTMLInputElement;
  const out = h('div', { 'aria-live': 'polite' });
  const approve = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'approve' }, t('rq.approve'));
  const reject = h('form', { class: 'filters', novalidate: true, 'data-testid': 'reject-form' }, formAlert(),
    field({ name: 'reason', label: 'rq.rejectReason', required: true, attrs: { maxlength: 200 } }),
    h('button', { type: 'submit', class: 'btn btn-danger' }, t('rq.doReject')));
  const approveKey = uuid(), rejectKey = uuid();
  approve.addEventListener('click', () => {
    approve.setAttribute('disabled', '');
    void request(`${base}/approval`, { body: { restock: restock.checked }, idempotencyKey: approveKey }).then(done, (err) => {
      approve.removeAttribute('disabled');
      out.replaceChildren(errorBox(err));
    });
  });
  reject.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(reject, async () => {
      try {
        await request(`${base}/rejection`, { body: { reason: values(reject).reason }, idempotencyKey: rejectKey });
        done();
      } catch (err) {
        showError(reject, err);
      }
    });
  });
  return h('li', { class: 'card', 'data-request': r.requestId },
    h('p', null, h('a', { href: `#/orders/${encodeURIComponent(r.orderId)}` }, r.orderNumber), ' · ', h('strong', null, fmtFen(r.amount)), ' · ',
      label('rq.reason', r.reason), ' · ', h('span', { class: 'muted small' }, fmtTime(r.requestedAt))),
    r.note ? h('p', { class: 'small' }, r.note) : null,
    h('p', { class: 'small' }, `${t('rq.lines' as Key)}: `, r.lines.map((l) => `${l.gtin} × ${l.qty}`).join(', ')),
    h('div', { class: 'actions' }, h('label', { class: 'check' }, restock, ' ', t('rq.restock')), approve), reject, out);
}
