// The till: scan or type a coupon code, see what it gives or why not (in words to read out), redeem it once.
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { getLang, t } from '../i18n';
import { loading, pageHead } from './common';
import { ticket, type Coupon } from './coupon-text';
import { fetchStores } from './stores';

interface Verdict {
  applies: boolean;
  message: string;
  reasons: { code: string; message: string }[];
  discount?: number;
  coupon: Coupon;
}

const STORE = 'zhidian.redeem.store';

export async function redeemView(main: HTMLElement): Promise<void> {
  main.replaceChildren(pageHead('redeem.title'), loading());
  const stores = await fetchStores().catch(() => []);
  const saved = localStorage.getItem(STORE);
  const storeId = stores.some((s) => s.storeId === saved) ? saved! : stores[0]?.storeId ?? '';
  const result = h('div', { 'aria-live': 'polite', 'data-testid': 'redeem-result' });
  const code = field({ name: 'code', label: 'redeem.code', required: true, autocomplete: 'off', hint: 'redeem.codeHint', attrs: { maxlength: 40, autocapitalize: 'characters', spellcheck: 'false', 'data-testid': 'coupon-code' } });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'check-form' },
    formAlert(),
    field({ name: 'storeId', label: 'redeem.store', value: storeId, options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })) }),
    code,
    field({ name: 'orderId', label: 'redeem.orderId', autocomplete: 'off', attrs: { maxlength: 64 } }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, t('redeem.check')),
      scanButton(code.querySelector('input')!, () => form.requestSubmit())),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    localStorage.setItem(STORE, v.storeId);
    void busy(form, async () => {
      result.replaceChildren();
      try {
        const verdict = await request<Verdict>('/coupons/check', { body: { code: v.code, storeId: v.storeId }, acceptLanguage: lang() });
        clearErrors(form);
        result.replaceChildren(showVerdict(verdict, v.storeId, v.orderId, form));
      } catch (err) {
        showError(form, err);
      }
    });
  });
  main.replaceChildren(pageHead('redeem.title'), h('p', { class: 'muted' }, t('redeem.intro')), h('div', { class: 'coupon-grid' }, h('section', { class: 'card' }, form), h('div', null, result)));
  code.querySelector('input')?.focus();
}

function lang(): string {
  return getLang() === 'en' ? 'en' : 'zh-CN';
}

function showVerdict(v: Verdict, storeId: string, orderId: string, form: HTMLFormElement): HTMLElement {
  const box = h('div');
  const msg = h('div', { role: 'status' });
  const redeem = h('button', { type: 'button', class: 'btn btn-primary btn-large btn-block', 'data-testid': 'redeem-now' }, t('redeem.redeem'));
  const key = uuid();   // one key per shown verdict: a double tap or a retry redeems once
  redeem.addEventListener('click', async () => {
    redeem.disabled = true;
    try {
      const c = await request<Coupon>('/coupons/redeem', { body: { code: v.coupon.code, storeId, ...(orderId ? { orderId } : {}) }, idempotencyKey: key, acceptLanguage: lang() });
      box.replaceChildren(
        h('div', { class: 'verdict verdict-ok', 'data-testid': 'verdict' }, h('strong', null, t('redeem.done')), v.message),
        ticket(c, null, c.state),
        h('button', { type: 'button', class: 'btn', onclick: () => { form.reset(); box.replaceChildren(); form.querySelector<HTMLInputElement>('[name=code]')?.focus(); } }, t('redeem.again')),
      );
    } catch (e) {
      redeem.disabled = false;
      msg.replaceChildren(errorBox(e));
    }
  });
  box.append(
    h('div', { class: `verdict ${v.applies ? 'verdict-ok' : 'verdict-no'}`, 'data-testid': 'verdict' },
      h('strong', null, t(v.applies ? 'redeem.applies' : 'redeem.notApplies')),
      h('span', { 'data-testid': 'verdict-message' }, v.message),
      v.reasons.length > 1 ? h('ul', null, ...v.reasons.slice(1).map((r) => h('li', null, r.message))) : null),
    ticket(v.coupon, h('p', { class: 'ticket-code' }, v.coupon.display ?? v.coupon.code), v.coupon.state),
    ...(v.applies ? [redeem] : []),
    msg,
  );
  return box;
}

/** A camera scan where the browser can read barcodes (BarcodeDetector); a USB scanner types into the field anyway. */
function scanButton(input: HTMLInputElement, done: () => void): HTMLElement {
  const note = h('span', { class: 'muted small', role: 'status' });
  const btn = h('button', { type: 'button', class: 'btn' }, t('redeem.scan'));
  btn.addEventListener('click', async () => {
    const Detector = (window as unknown as { BarcodeDetector?: new (o: unknown) => { detect: (v: HTMLVideoElement) => Promise<{ rawValue: string }[]> } }).BarcodeDetector;
    if (!Detector || !navigator.mediaDevices?.getUserMedia) {
      note.textContent = t('redeem.scanUnavailable');
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const video = h('video', { autoplay: true, playsinline: true, muted: true, class: 'scan-video', width: 320 });
      video.srcObject = stream;
      note.replaceChildren(video);
      const detector = new Detector({ formats: ['qr_code'] });
      const stop = () => stream.getTracks().forEach((tr) => tr.stop());
      for (let i = 0; i < 600; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const found = await detector.detect(video).catch(() => []);
        if (found.length) {
          input.value = found[0].rawValue;
          stop();
          note.replaceChildren();
          done();
          return;
        }
      }
      stop();
      note.replaceChildren();
    } catch {
      note.textContent = t('redeem.scanUnavailable');
    }
  });
  return h('span', null, btn, ' ', note);
}
