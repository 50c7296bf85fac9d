// The customer's pickup code on the H5 order page: 8 digits and a QR of them, the locker and compartment, the
// deadline. Only for a pickup order that staff put into a locker (otherwise the API answers 404 and nothing shows).
import QRCode from 'qrcode';
import { request } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { fmtTime } from './common';

interface PickupCode {
  code: string;
  lockerName: string;
  compartmentId: string;
  deadline: string | null;
}

export async function pickupCodeCard(orderId: string): Promise<HTMLElement | null> {
  let p: PickupCode;
  try {
    p = await request<PickupCode>(`/me/orders/${encodeURIComponent(orderId)}/pickup-code`, { scope: 'h5' });
  } catch {
    return null;
  }
  const img = h('img', { class: 'pickup-qr', alt: t('pickup.qr'), width: 200, height: 200, 'data-testid': 'pickup-qr' }) as HTMLImageElement;
  img.src = await QRCode.toDataURL(p.code, { margin: 1, width: 400, errorCorrectionLevel: 'M' });
  return h('section', { class: 'card pickup-card', 'data-testid': 'pickup-code' },
    h('h2', null, t('pickup.title')),
    h('p', { class: 'pickup-digits', 'data-testid': 'pickup-digits', 'aria-label': p.code.split('').join(' ') }, `${p.code.slice(0, 4)} ${p.code.slice(4)}`),
    img,
    h('p', null, t('pickup.where', { locker: p.lockerName, compartment: p.compartmentId })),
    p.deadline ? h('p', { class: 'muted small' }, t('pickup.until', { at: fmtTime(p.deadline) })) : null,
    h('p', { class: 'muted small' }, t('pickup.hint')));
}
