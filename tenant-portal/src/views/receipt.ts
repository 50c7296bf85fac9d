// The e-receipt: one order as a printable slip. Staff open it from the till or the order page; a customer from the
// QR on the till's screen or their order page (their own orders only, signed in on the H5).
import { request } from '../api';
import { getToken } from '../auth';
import { h } from '../dom';
import { errorBox } from '../forms';
import { langSwitch, t } from '../i18n';
import { largeTextToggle } from './large-text';
import { fmtTime, label, loading } from './common';
import { fmtFen } from './money';
import { linesTable, totals, type Order } from './order-parts';

export async function receiptView(main: HTMLElement, orderId: string, token?: string | null): Promise<void> {
  // with the signed token t (the till's QR): the public receipt, no sign-in; otherwise staff's or the customer's own
  const open = !!token;
  const staff = !open && !!getToken('portal');
  const path = open ? `/receipts/${encodeURIComponent(orderId)}` : staff ? `/orders/${encodeURIComponent(orderId)}` : `/me/orders/${encodeURIComponent(orderId)}`;
  main.replaceChildren(loading(6));
  if (!open && !staff && !getToken('h5')) {
    main.replaceChildren(h('section', { class: 'card receipt' }, h('h1', null, t('receipt.title')), h('p', null, t('receipt.signIn')),
      h('a', { class: 'btn btn-primary', href: '#/h5' }, t('h5.login'))));
    return;
  }
  let o: Order;
  try {
    o = await request<Order>(path, open ? { scope: null, query: { t: token } } : { scope: staff ? 'portal' : 'h5' });
  } catch (err) {
    main.replaceChildren(errorBox(err));
    return;
  }
  const paid = (o.payments ?? []).filter((p) => p.status === 'succeeded' || p.status === 'paid');
  main.replaceChildren(
    h('div', { class: 'no-print actions' }, largeTextToggle(), langSwitch(true), h('button', { type: 'button', class: 'btn', onclick: () => window.print() }, t('receipt.print'))),
    h('section', { class: 'card receipt', 'data-testid': 'receipt' },
      h('h1', null, t('receipt.title')),
      o.storeName ? h('p', { 'data-testid': 'receipt-store' }, o.storeName) : null,
      h('p', null, h('strong', { 'data-testid': 'receipt-number' }, o.number), h('br'), fmtTime(o.placedAt), ' · ', label('orders.channel', o.channel)),
      linesTable(o),
      totals(o),
      paid.length ? h('p', { class: 'small' }, ...paid.map((p) => `${label('pay.method', p.method)} ${fmtFen(p.amount)}${p.change ? ` · ${t('pos.changeLabel')} ${fmtFen(p.change)}` : ''}`)) : null,
      h('p', { class: 'center muted' }, t('receipt.thanks'))),
  );
}
