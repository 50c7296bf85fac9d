// Orders for owners and staff: a list with filters, and one order with its lines, payments, refunds and
// timeline, the next steps it may take, and a refund of some or all lines.
import { asPage, request } from '../api';
import { append, h, uuid } from '../dom';
import { busy, clearErrors, confirmDialog, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { go, type Route } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';
import { fmtFen } from './money';
import { linesTable, nextSteps, statusBadge, STATUSES, timeline, totals, type Order } from './order-parts';
import { fetchStores, type Store } from './stores';
import { staffRequests } from './refund-requests';

export async function ordersView(main: HTMLElement, route: Route): Promise<void> {
  if (route.path[1]) return orderView(main, route.path[1]);
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('orders.title'), errorBox(err));
    return;
  }
  const q = route.query;
  // orders are kept per store: the list reads one store at a time, the first one unless chosen
  const storeId = stores.find((s) => s.storeId === q.get('storeId'))?.storeId ?? stores[0]?.storeId;
  if (!storeId) {
    main.replaceChildren(pageHead('orders.title'), empty('stores.empty'));
    return;
  }
  const filters = h('form', { class: 'filters', novalidate: true, role: 'search', 'data-testid': 'orders-filter' },
    field({ name: 'storeId', label: 'orders.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: storeId }),
    field({ name: 'status', label: 'orders.statusLabel', options: [{ value: '', label: t('orders.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: label('orders.status', s) }))], value: q.get('status') ?? '' }),
    field({ name: 'from', label: 'orders.from', type: 'date', value: q.get('from') ?? '' }),
    field({ name: 'to', label: 'orders.to', type: 'date', value: q.get('to') ?? '' }),
    h('button', { type: 'submit', class: 'btn' }, t('orders.filter')));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(filters);
    const p = new URLSearchParams(Object.entries(v).filter(([, x]) => x));
    go(`#/orders${p.toString() ? `?${p}` : ''}`);
  });
  const list = h('div', null, loading());
  main.replaceChildren(pageHead('orders.title', h('a', { class: 'btn btn-primary', href: '#/pos' }, t('nav.pos'))),
    staffRequests(storeId, () => void load()), section('orders.filters', filters), list);
  const load = async (cursor?: string) => {
    try {
      const page = asPage<Order>(await request('/orders', { query: { storeId, status: q.get('status'), from: day(q.get('from')), to: day(q.get('to'), true), cursor, limit: 50 } }));
      const rows = page.items.map((o) => [
        h('a', { href: `#/orders/${encodeURIComponent(o.orderId)}`, 'data-testid': 'order-link' }, o.number),
        fmtTime(o.placedAt),
        label('orders.channel', o.channel),
        label('orders.fulfilment', o.fulfilment),
        statusBadge(o.status),
        fmtFen(o.total),
      ]);
      const more = page.nextCursor ? h('button', { type: 'button', class: 'btn', onclick: () => void load(page.nextCursor!) }, t('common.more')) : null;
      const body = rows.length ? table(['orders.number', 'orders.placedAt', 'orders.channelLabel', 'shop.fulfilment', 'orders.statusLabel', 'orders.total'], rows) : empty('orders.empty');
      if (cursor) list.append(body, more ?? '');
      else list.replaceChildren(body, more ?? '');
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  await load();
}

/** A date field's day as the instant its start (or its end) in the viewer's time zone. */
function day(d: string | null, end = false): string | undefined {
  if (!d) return undefined;
  const at = new Date(`${d}T00:00:00`);
  if (end) at.setDate(at.getDate() + 1);
  return at.toISOString();
}

async function orderView(main: HTMLElement, orderId: string): Promise<void> {
  const path = `/orders/${encodeURIComponent(orderId)}`;
  main.replaceChildren(pageHead('orders.one'), loading());
  let o: Order;
  try {
    o = await request<Order>(path);
  } catch (err) {
    main.replaceChildren(pageHead('orders.one'), errorBox(err));
    return;
  }
  const reload = () => void orderView(main, orderId);
  main.replaceChildren();
  const steps = nextSteps(o).map((to) =>
    h('button', {
      type: 'button',
      class: to === 'cancelled' ? 'btn btn-danger' : 'btn btn-primary',
      'data-step': to,
      onclick: async (e: Event) => {
        if (to === 'cancelled' && !(await confirmDialog(t('orders.confirmCancel', { n: o.number }), 'orders.doCancel', true))) return;
        const b = e.target as HTMLButtonElement;
        b.disabled = true;
        try {
          await request(`${path}/transitions`, { body: { to }, idempotencyKey: uuid() });
          reload();
        } catch (err) {
          b.disabled = false;
          b.after(errorBox(err));
        }
      },
    }, t('orders.to.' + to as never)),
  );
  const payments = (o.payments ?? []).map((p) => [label('pay.method', p.method), fmtFen(p.amount), label('pay.status', p.status), p.change != null ? fmtFen(p.change) : '—']);
  const refunds = (o.refunds ?? []).map((r) => [fmtTime(r.at), fmtFen(r.amount), r.reason ?? '—', label('pay.method', r.method)]);
  append(main, [
    pageHead(t('orders.oneTitle', { n: o.number }), h('a', { class: 'btn', href: `#/receipt/${encodeURIComponent(o.orderId)}`, target: '_blank' }, t('pos.receipt'))),
    h('section', { class: 'card' },
      h('p', null, statusBadge(o.status), ' ', label('orders.channel', o.channel), ' · ', label('orders.fulfilment', o.fulfilment), ' · ', fmtTime(o.placedAt)),
      o.address ? h('p', { class: 'small' }, t('orders.deliverTo'), ' ', [o.address.name, o.address.phone, o.address.line].filter(Boolean).join(' · ')) : null,
      linesTable(o), totals(o),
      steps.length ? h('div', { class: 'actions', 'data-testid': 'order-steps' }, ...steps) : null),
    payments.length ? section('orders.payments', table(['pay.methodLabel', 'orders.amount', 'pay.statusLabel', 'pos.changeLabel'], payments)) : null,
    refunds.length ? section('orders.refunds', table(['orders.at', 'orders.amount', 'orders.reason', 'pay.methodLabel'], refunds)) : null,
    ['paid', 'picking', 'ready_for_pickup', 'out_for_delivery', 'completed'].includes(o.status) ? section('orders.refund', refundForm(o, path, reload)) : null,
    section('orders.timeline', timeline(o)),
  ]);
}

/** Refund some lines (quantities up to what is left) or, with every quantity empty, the whole of what is left. */
function refundForm(o: Order, path: string, done: () => void): HTMLElement {
  const left = o.lines.filter((l) => l.qty - (l.refundedQty ?? 0) > 0);
  if (!left.length) return empty('orders.nothingToRefund');
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'refund-form' }, formAlert(),
    h('p', { class: 'muted small' }, t('orders.refundIntro')),
    ...left.map((l) => field({ name: `qty.${l.gtin}`, label: 'orders.refundQty', type: 'number', inputmode: 'numeric', hint: undefined, attrs: { min: 0, max: l.qty - (l.refundedQty ?? 0), step: 1, 'aria-label': `${l.name ?? l.gtin}`, 'data-gtin': l.gtin, placeholder: `${l.name ?? l.gtin} ≤ ${fmtNum(l.qty - (l.refundedQty ?? 0))}` } })),
    field({ name: 'reason', label: 'orders.reason', required: true, attrs: { maxlength: 200 } }),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'restock', checked: true }), ' ', t('orders.restock')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-danger' }, t('orders.doRefund'))));
  // each label names its product, as the field list shows one quantity per line
  form.querySelectorAll<HTMLInputElement>('input[data-gtin]').forEach((input) => {
    const l = left.find((x) => x.gtin === input.dataset.gtin)!;
    const lab = form.querySelector(`label[for="${input.id}"]`);
    if (lab) lab.textContent = `${l.name ?? l.gtin} (${t('orders.leftToRefund', { n: fmtNum(l.qty - (l.refundedQty ?? 0)) })})`;
  });
  const key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const lines = left.map((l) => ({ gtin: l.gtin, qty: Number(v[`qty.${l.gtin}`] || 0) })).filter((l) => l.qty > 0);
    const restock = (form.querySelector('input[name=restock]') as HTMLInputElement).checked;
    void busy(form, async () => {
      try {
        await request(`${path}/refunds`, { body: { lines: lines.length ? lines : undefined, reason: v.reason, restock }, idempotencyKey: key });
        clearErrors(form);
        done();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return form;
}
