// A printable poster per store: its QR opens the customer H5 with the tenant and the store already chosen, so no
// customer is ever asked for a merchant id. Owners print it for the counter and the door.
import QRCode from 'qrcode';
import { claims } from '../auth';
import { h } from '../dom';
import { t } from '../i18n';
import { errorBox } from '../forms';
import { loading } from './common';
import { fetchStores } from './stores';

/** The H5 address a store's QR carries (the H5 keeps tenant and store once opened). */
export function h5LinkFor(tenantId: string, storeId: string): string {
  return `${location.origin}${location.pathname}#/h5?tenant=${encodeURIComponent(tenantId)}&store=${encodeURIComponent(storeId)}`;
}

export async function storePosterView(main: HTMLElement, storeId: string): Promise<void> {
  main.replaceChildren(loading());
  const tenantId = String(claims('portal')?.['custom:tenant_id'] ?? '');
  let store;
  try {
    store = (await fetchStores()).find((s) => s.storeId === storeId);
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  if (!store || !tenantId) {
    main.replaceChildren(h('p', { class: 'alert alert-warn' }, t('poster.noStore')));
    return;
  }
  const link = h5LinkFor(tenantId, storeId);
  const img = h('img', { width: 280, height: 280, alt: t('poster.qrAlt', { name: store.name ?? storeId }), 'data-testid': 'poster-qr' });
  img.src = await QRCode.toDataURL(link, { margin: 1, width: 560, errorCorrectionLevel: 'M' });
  main.replaceChildren(
    h(
      'div',
      { class: 'actions no-print' },
      h('a', { class: 'btn', href: '#/stores' }, t('poster.back')),
      h('button', { type: 'button', class: 'btn btn-primary', onclick: () => window.print(), 'data-testid': 'poster-print' }, t('poster.print')),
    ),
    h(
      'section',
      { class: 'card poster', 'data-testid': 'poster' },
      h('p', { class: 'poster-brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '店'), ' ', store.name ?? ''),
      h('h1', null, t('poster.headline')),
      img,
      h('ul', { class: 'poster-points' }, h('li', null, t('poster.join')), h('li', null, t('poster.order')), h('li', null, t('poster.coupons'))),
      h('p', { class: 'muted poster-privacy' }, t('poster.privacy')),
      h('p', { class: 'poster-link' }, h('code', { 'data-testid': 'poster-link' }, link)),
    ),
  );
}
