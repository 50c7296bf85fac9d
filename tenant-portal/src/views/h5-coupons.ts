// The customer's coupons on the H5: the coupon centre to claim from, and my coupons with code and QR for the till.
import QRCode from 'qrcode';
import { asPage, request } from '../api';
import { h, uuid } from '../dom';
import { errorBox } from '../forms';
import { t } from '../i18n';
import { empty } from './common';
import { day, ticket, type Coupon, type Template } from './coupon-text';

export async function h5CouponsView(main: HTMLElement, bar: HTMLElement): Promise<void> {
  const centre = h('section', { class: 'card', 'aria-labelledby': 'centre-title', 'data-testid': 'coupon-centre' });
  const mine = h('section', { class: 'card', 'aria-labelledby': 'mine-title', 'data-testid': 'my-coupons' });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  main.replaceChildren(
    bar,
    h('div', { class: 'h5-body' },
      h('p', null, h('a', { href: '#/h5' }, '‹ ', t('h5c.back'))),
      h('h1', { tabindex: '-1', class: 'greeting' }, t('h5c.title')),
      status, mine, centre),
  );
  const draw = async () => {
    const [offersR, mineR] = await Promise.allSettled([
      request<{ items: Template[] }>('/me/coupon-centre', { scope: 'h5' }),
      request('/me/coupons', { scope: 'h5', query: { limit: 100 } }),
    ]);
    centre.replaceChildren(h('h2', { id: 'centre-title' }, t('h5c.centre')));
    if (offersR.status === 'rejected') centre.append(errorBox(offersR.reason));
    else if (!offersR.value.items.length) centre.append(empty('h5c.centreEmpty'));
    else centre.append(...offersR.value.items.map((o) => ticket(o, claimButton(o, status, draw))));
    mine.replaceChildren(h('h2', { id: 'mine-title' }, t('h5c.mine')));
    if (mineR.status === 'rejected') mine.append(errorBox(mineR.reason));
    else {
      const items = asPage<Coupon>(mineR.value).items;
      if (!items.length) mine.append(empty('h5c.mineEmpty'));
      else mine.append(...items.map((c) => {
        const [inside, below] = couponExtra(c);
        return ticket(c, inside, c.state, below);
      }));
    }
  };
  await draw();
}

function claimButton(o: Template, status: HTMLElement, redraw: () => Promise<void>): HTMLElement {
  const left = o.remaining ?? 0;
  const btn = h('button', { type: 'button', class: 'btn btn-primary', disabled: !o.claimable || left <= 0, 'data-testid': `claim-${o.templateId}` },
    o.claimable ? t('h5c.claim') : t('h5c.claimed'));
  const key = uuid();  // a double tap claims once
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      await request('/me/coupons', { body: { templateId: o.templateId }, scope: 'h5', idempotencyKey: key });
      await redraw();
      status.replaceChildren(h('p', { class: 'alert alert-success' }, t('h5c.claimedOk')));
    } catch (e) {
      btn.disabled = false;
      status.replaceChildren(errorBox(e));
    }
  });
  return h('div', { class: 'actions' }, h('span', { class: 'muted small' }, t('h5c.left', { n: left })), btn);
}

/** What a coupon of mine adds: inside the ticket, when it was used or a button; below it, the code and its QR. */
function couponExtra(c: Coupon): [HTMLElement, HTMLElement | null] {
  const box = h('div');
  if (c.state === 'redeemed' && c.redemption?.at) {
    box.append(h('p', { class: 'muted small' }, t('h5c.usedAt', { date: day(c.redemption.at) })));
    return [box, null];
  }
  if (c.state !== 'available') return [box, null];
  const shown = h('div', { hidden: true, class: 'ticket-below center' });
  const toggle = h('button', { type: 'button', class: 'btn', 'aria-expanded': 'false', 'data-testid': 'show-code' }, t('h5c.show'));
  toggle.addEventListener('click', () => {
    const open = shown.hidden;
    shown.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = t(open ? 'h5c.hide' : 'h5c.show');
    if (open && !shown.firstChild) {
      const img = h('div', { class: 'qr', 'data-testid': 'coupon-qr' });
      QRCode.toDataURL(c.code, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then(
        (url) => img.replaceChildren(h('img', { src: url, alt: t('h5c.qrAlt', { code: c.display ?? c.code }), width: 220, height: 220 })),
        () => img.replaceChildren(),
      );
      shown.append(img, h('p', { class: 'ticket-code', 'data-testid': 'coupon-code' }, c.display ?? c.code), h('p', { class: 'muted small' }, t('h5c.showHint')));
    }
  });
  box.append(toggle);
  return [box, shown];
}
