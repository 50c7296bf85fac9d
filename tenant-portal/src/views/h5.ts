// The customer H5: the page that the WeChat mini-program wraps in its <web-view>. Phone-first.
import QRCode from 'qrcode';
import { ApiError, asPage, request, send } from '../api';
import { claims, clearToken, getToken, setToken } from '../auth';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { deleteAccount } from './h5-account';
import { langSwitch, t, type Key } from '../i18n';
import type { Route } from '../router';
import { empty, fmtCardNo, fmtNum, fmtTime, label, loading } from './common';
import { deltaCell, entryReason, type LedgerEntry, type Points } from './members';
import { h5ShopView } from './h5-shop';
import { h5CouponsView } from './h5-coupons';
import { h5MessagesView, unreadCount } from './h5-messages';
import { h5JoinView } from './h5-join';
import { applyLargeText, largeTextToggle } from './large-text';

const TENANT = 'zhidian.h5.tenantId';
const PURPOSES = ['marketing_push', 'personalization'] as const;
type Purpose = (typeof PURPOSES)[number];
interface Consent {
  granted: boolean;
  at?: string;
  version?: string;
}
interface Card {
  cardNo?: string;
  qrPayload?: string; // flat, or nested as qr: {payload, expiresAt, refreshAfterSeconds}
  qr?: { payload?: string; expiresAt?: string; refreshAfterSeconds?: number };
  expiresAt?: string;
  refreshAfterSeconds?: number;
  memberId?: string;
  name?: string;
  level?: string;
}
interface Me {
  memberId?: string;
  name?: string;
  phone?: string;
  cardNo?: string;
}

let cardTimer: number | undefined;

export { applyLargeText };

export function toolbar(): HTMLElement {
  const btn = largeTextToggle();
  return h('header', { class: 'h5-bar' }, h('span', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '店'), t('h5.title')), h('div', { class: 'h5-tools' }, btn, langSwitch(true)));
}

export async function h5View(main: HTMLElement, route: Route): Promise<void> {
  window.clearInterval(cardTimer);
  applyLargeText();
  const fromQuery = route.query.get('tenant') ?? route.query.get('tenantId');
  if (fromQuery) localStorage.setItem(TENANT, fromQuery);
  // a store's QR poster names the store too: the shop opens on it
  const storeFromQuery = route.query.get('store');
  if (storeFromQuery) localStorage.setItem('zhidian.h5.store', storeFromQuery);
  const c = claims('h5');
  if (!getToken('h5') || c?.['custom:role'] !== 'customer') {
    if (route.path[1] === 'join') {
      h5JoinView(main, fromQuery ?? localStorage.getItem(TENANT) ?? '', storeFromQuery ?? localStorage.getItem('zhidian.h5.store') ?? '');
      return;
    }
    login(main, fromQuery ?? localStorage.getItem(TENANT) ?? '');
    return;
  }
  if (route.path[1] === 'coupons') await h5CouponsView(main, toolbar());
  else if (route.path[1] === 'shop' || route.path[1] === 'orders') await h5ShopView(main, toolbar(), route);
  else if (route.path[1] === 'messages') await h5MessagesView(main, toolbar());
  else if (route.path[1] === 'parking') await (await import('./h5-parking')).h5ParkingView(main, toolbar());
  else await home(main);
}

function login(main: HTMLElement, tenantId: string): void {
  let session: string | undefined; // of the code sent by the button; the login answers it (no second SMS)
  const sendBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'send-code' }, t('h5.sendCode'));
  const sent = h('p', { class: 'muted', role: 'status', 'data-testid': 'code-sent' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    formAlert(),
    // the store's QR (or an earlier visit) says which merchant: a customer is never asked for an id they do not know
    tenantId
      ? h('input', { type: 'hidden', name: 'tenantId', value: tenantId })
      : field({ name: 'tenantId', label: 'h5.tenant', value: tenantId, required: true, autocomplete: 'off', hint: 'h5.tenantHint' }),
    field({ name: 'phone', label: 'h5.phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel-national', required: true, attrs: { pattern: '1[0-9]{10}', maxlength: 11 } }),
    h(
      'div',
      { class: 'otp-row' },
      field({ name: 'otp', label: 'h5.otp', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, hint: 'h5.otpHint', attrs: { pattern: '[0-9]{6}', maxlength: 6 } }),
      sendBtn,
    ),
    sent,
    h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-large' }, t('h5.login')),
    h('p', { class: 'muted' }, t('h5.joinHint')),
    h('a', { href: '#/h5/join', class: 'btn btn-block', 'data-testid': 'to-join' }, t('join.link')),
  );
  /** The page checks what it can before the server does: a merchant and an 11-digit mainland mobile number. */
  const checked = (need: readonly ('tenantId' | 'phone' | 'otp')[]): Record<string, string> | null => {
    const v = values(form);
    v.phone = (v.phone ?? '').replace(/[\s-]/g, '');
    const errors = need.filter((k) => !v[k]).map((f) => ({ field: f, message: t('err.required') }));
    if (v.phone && !/^1[3-9][0-9]{9}$/.test(v.phone)) errors.push({ field: 'phone', message: t('err.phone') });
    if (need.includes('otp') && v.otp && !/^[0-9]{6}$/.test(v.otp)) errors.push({ field: 'otp', message: t('h5.otpHint') });
    if (!errors.length) return v;
    showError(form, new ApiError(400, t('err.invalid'), undefined, errors));
    return null;
  };
  sendBtn.addEventListener('click', async () => {
    const v = checked(['tenantId', 'phone']);
    if (!v) return;
    sendBtn.disabled = true;
    try {
      const r = await request<{ session?: string; resendAfterSeconds?: number }>('/local/auth/code', { body: { tenantId: v.tenantId, phone: v.phone }, scope: null });
      clearErrors(form);
      session = r?.session;
      sent.textContent = t('h5.codeSent', { phone: `${v.phone.slice(0, 3)}****${v.phone.slice(7)}` });
      countdown(sendBtn, r?.resendAfterSeconds ?? 60);
      form.querySelector<HTMLInputElement>('input[name=otp]')?.focus();
    } catch (err) {
      sendBtn.disabled = false;
      showError(form, err);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = checked(['tenantId', 'phone', 'otp']);
    if (!v) return;
    void busy(form, async () => {
      try {
        const res = await request<{ idToken?: string }>('/local/auth/login', { body: { tenantId: v.tenantId, phone: v.phone, otp: v.otp, ...(session ? { session } : {}) }, scope: null });
        if (!res?.idToken) throw new Error(t('err.unexpected'));
        localStorage.setItem(TENANT, v.tenantId);
        setToken('h5', res.idToken);
        await home(main);
        main.querySelector<HTMLElement>('h1')?.focus();
      } catch (err) {
        session = undefined; // a refused code ends its session: the next try asks afresh
        // a wrong code and a phone that is no member read the same (who shops here is nobody else's business)
        if (err instanceof ApiError && err.status === 401) showError(form, new ApiError(401, t('h5.loginRefused'), undefined, []));
        else showError(form, err);
      }
    });
  });
  main.replaceChildren(
    toolbar(),
    h(
      'div',
      { class: 'h5-body' },
      h('section', { class: 'card' }, h('h1', { tabindex: '-1' }, t('h5.loginTitle')), h('p', { class: 'muted' }, t('h5.loginIntro')), form),
    ),
  );
}

async function home(main: HTMLElement): Promise<void> {
  const body = h('div', { class: 'h5-body' }, h('section', { class: 'card' }, loading(5)));
  main.replaceChildren(toolbar(), body);
  const [meR, cardR, ptsR, ledR, conR] = await Promise.allSettled([
    request<Me>('/me', { scope: 'h5' }),
    request<Card>('/me/card', { scope: 'h5' }),
    request<Points>('/me/points', { scope: 'h5' }),
    request('/me/points/ledger', { scope: 'h5', query: { limit: 20 } }),
    request('/me/consents', { scope: 'h5' }),
  ]);
  if (!getToken('h5')) return; // a 401 already sent us to the login form
  const me = meR.status === 'fulfilled' ? meR.value : {};
  const name = me?.name || (cardR.status === 'fulfilled' ? cardR.value?.name : '') || '';

  const cardBox = h('section', { class: 'member-pass', 'aria-labelledby': 'pass-title' });
  const drawCard = (r: PromiseSettledResult<Card>) => {
    if (r.status === 'rejected') {
      cardBox.replaceChildren(h('h2', { id: 'pass-title' }, t('card.title')), errorBox(r.reason));
      return;
    }
    const card = r.value ?? {};
    const payload = card.qrPayload ?? card.qr?.payload;
    const img = h('div', { class: 'qr', 'data-testid': 'member-qr' });
    if (payload) {
      QRCode.toDataURL(payload, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then(
        (url) => img.replaceChildren(h('img', { src: url, alt: t('card.qrAlt', { no: card.cardNo ?? '' }), width: 220, height: 220 })),
        () => img.replaceChildren(h('p', null, t('card.qrFailed'))),
      );
    }
    cardBox.replaceChildren(
      h('div', { class: 'pass-top' }, h('h2', { id: 'pass-title' }, t('card.title')), card.level ? h('span', { class: 'badge' }, label('level', card.level)) : null),
      img,
      h('p', { class: 'pass-no' }, t('members.cardNo'), ' ', h('strong', { 'data-testid': 'card-no' }, fmtCardNo(card.cardNo ?? me?.cardNo))),
      h('p', { class: 'pass-hint' }, t('card.hint')),
    );
  };
  drawCard(cardR);
  // The QR payload changes so that a screenshot cannot be reused: fetch a fresh one regularly.
  const refreshMs = (() => {
    const c = cardR.status === 'fulfilled' ? cardR.value : undefined;
    const after = c?.refreshAfterSeconds ?? c?.qr?.refreshAfterSeconds;
    if (typeof after === 'number' && after > 0) return Math.max(10_000, Math.min(after * 1000, 300_000));
    const expiresAt = c?.expiresAt ?? c?.qr?.expiresAt;
    const exp = expiresAt ? Date.parse(expiresAt) - Date.now() - 5000 : NaN;
    return Number.isFinite(exp) && exp > 10_000 ? Math.min(exp, 300_000) : 60_000;
  })();
  cardTimer = window.setInterval(async () => {
    if (!document.body.contains(cardBox)) return window.clearInterval(cardTimer);
    if (document.visibilityState !== 'visible') return;
    try {
      drawCard({ status: 'fulfilled', value: await request<Card>('/me/card', { scope: 'h5' }) });
    } catch {
      /* keep the last card; the next tick tries again */
    }
  }, refreshMs);

  const pts = ptsR.status === 'fulfilled' ? ptsR.value : null;
  const pointsBox = h(
    'section',
    { class: 'card', 'aria-labelledby': 'pts-title' },
    h('h2', { id: 'pts-title' }, t('h5.points')),
    pts
      ? [
          h('p', { class: 'big-number' }, h('span', { 'data-testid': 'points-balance' }, fmtNum(pts.balance)), h('small', null, ' ', t('h5.pointsUnit'))),
          h(
            'p',
            { class: 'muted' },
            t('points.pending'),
            ' ',
            fmtNum(pts.pending ?? 0),
            ' · ',
            t('points.lifetime'),
            ' ',
            fmtNum(pts.lifetimeEarned ?? 0),
          ),
          typeof pts.expiringSoon === 'number' && pts.expiringSoon > 0
            ? h('p', { class: 'alert alert-warn small' }, t('h5.expiring', { n: fmtNum(pts.expiringSoon), days: pts.expiringSoonDays ?? 30 }))
            : null,
        ]
      : errorBox(ptsR.status === 'rejected' ? ptsR.reason : null),
    h('h3', null, t('member.ledger')),
    ledR.status === 'fulfilled' ? ledgerList(asPage<LedgerEntry>(ledR.value).items) : errorBox(ledR.reason),
  );

  const consentsBox = h('section', { class: 'card', 'aria-labelledby': 'con-title' }, h('h2', { id: 'con-title' }, t('h5.consents')), h('p', { class: 'muted' }, t('h5.consentsIntro')));
  if (conR.status === 'fulfilled') {
    const state = normConsents(conR.value);
    consentsBox.append(h('ul', { class: 'consents' }, ...PURPOSES.map((p) => consentRow(p, state[p]))));
  } else consentsBox.append(errorBox(conR.reason));

  const dataBox = h(
    'section',
    { class: 'card', 'aria-labelledby': 'data-title' },
    h('h2', { id: 'data-title' }, t('h5.data')),
    h('p', { class: 'muted' }, t('h5.dataIntro')),
    exportButton(),
    deleteAccount(() => {
      clearToken('h5');
      window.clearInterval(cardTimer);
      login(main, localStorage.getItem(TENANT) ?? '');
      main.querySelector('form')?.before(h('p', { class: 'alert alert-success', role: 'status', 'data-testid': 'deleted' }, t('h5.deleted')));
    }),
  );

  const badge = h('span', { class: 'badge badge-active', 'data-testid': 'unread-badge', hidden: true });
  const messagesLink = h('a', { class: 'card h5-link', href: '#/h5/messages', 'data-testid': 'messages-link' },
    h('span', null, h('strong', null, t('h5m.title')), ' ', badge, h('br'), h('span', { class: 'muted small' }, t('h5m.linkHint'))), h('span', { 'aria-hidden': 'true' }, '›'));
  void unreadCount().then((n) => {
    if (n) {
      badge.textContent = t('h5m.badge', { n });
      badge.hidden = false;
    }
  });
  body.replaceChildren(
    h('h1', { tabindex: '-1', class: 'greeting' }, name ? t('h5.hello', { name }) : t('h5.helloAnon')),
    cardBox,
    h('a', { class: 'card h5-link', href: '#/h5/shop', 'data-testid': 'shop-link' },
      h('span', null, h('strong', null, t('shop.link')), h('br'), h('span', { class: 'muted small' }, t('shop.linkHint'))), h('span', { 'aria-hidden': 'true' }, '›')),
    h('a', { class: 'card h5-link', href: '#/h5/orders', 'data-testid': 'orders-link' },
      h('span', null, h('strong', null, t('shop.ordersLink'))), h('span', { 'aria-hidden': 'true' }, '›')),
    messagesLink,
    h('a', { class: 'card h5-link', href: '#/h5/coupons', 'data-testid': 'coupons-link' },
      h('span', null, h('strong', null, t('h5c.link')), h('br'), h('span', { class: 'muted small' }, t('h5c.linkHint'))), h('span', { 'aria-hidden': 'true' }, '›')),
    h('a', { class: 'card h5-link', href: '#/h5/parking', 'data-testid': 'parking-link' },
      h('span', null, h('strong', null, t('h5p.link')), h('br'), h('span', { class: 'muted small' }, t('h5p.linkHint'))), h('span', { 'aria-hidden': 'true' }, '›')),
    pointsBox,
    consentsBox,
    dataBox,
    h(
      'div',
      { class: 'actions center' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-ghost',
          onclick: () => {
            clearToken('h5');
            window.clearInterval(cardTimer);
            login(main, localStorage.getItem(TENANT) ?? '');
          },
        },
        t('nav.logout'),
      ),
    ),
  );
}

function ledgerList(items: LedgerEntry[]): HTMLElement {
  if (!items.length) return empty('ledger.empty');
  return h(
    'ul',
    { class: 'ledger-list' },
    ...items.map((e) =>
      h(
        'li',
        null,
        h('div', null, h('div', null, entryReason(e)), h('div', { class: 'muted small' }, fmtTime(e.at))),
        deltaCell(e),
      ),
    ),
  );
}

function normConsents(body: unknown): Record<Purpose, Consent> {
  const out = { marketing_push: { granted: false }, personalization: { granted: false } } as Record<Purpose, Consent>;
  const take = (p: string, v: unknown) => {
    if (!(PURPOSES as readonly string[]).includes(p)) return;
    if (typeof v === 'boolean') out[p as Purpose] = { granted: v };
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out[p as Purpose] = {
        granted: Boolean(o.granted),
        at: (o.at ?? o.updatedAt ?? o.grantedAt) as string | undefined,
        version: (o.textVersion ?? o.version) as string | undefined,
      };
    }
  };
  const b = body as Record<string, unknown> | unknown[] | null;
  if (Array.isArray(b) || (b && Array.isArray((b as Record<string, unknown>).items))) {
    const items = (Array.isArray(b) ? b : (b as { items: unknown[] }).items) as Record<string, unknown>[];
    items.forEach((i) => take(String(i.purpose).toLowerCase(), i));
  } else if (b && typeof b === 'object') {
    const src = (b.consents && typeof b.consents === 'object' ? b.consents : b) as Record<string, unknown>;
    Object.entries(src).forEach(([k, v]) => take(k.toLowerCase(), v));
  }
  return out;
}

function consentRow(purpose: Purpose, initial: Consent): HTMLElement {
  let state = initial;
  const titleId = `consent-${purpose}`;
  const descId = `consent-${purpose}-desc`;
  const status = h('p', { class: 'consent-status small', role: 'status' });
  const err = h('div');
  const sw = h('button', {
    type: 'button',
    role: 'switch',
    class: 'switch',
    'aria-labelledby': titleId,
    'aria-describedby': descId,
    'data-testid': `consent-${purpose}`,
  });
  const draw = () => {
    sw.setAttribute('aria-checked', String(state.granted));
    sw.replaceChildren(h('span', { class: 'knob', 'aria-hidden': 'true' }), h('span', { class: 'switch-text', 'aria-hidden': 'true' }, t(state.granted ? 'consent.on' : 'consent.off')));
    status.textContent = `${t(state.granted ? 'consent.granted' : 'consent.notGranted')}${state.at ? ' · ' + fmtTime(state.at) : ''}`;
  };
  sw.addEventListener('click', async () => {
    const want = !state.granted;
    sw.disabled = true;
    err.replaceChildren();
    try {
      const res = await request<Record<string, unknown>>(`/me/consents/${purpose}`, { method: 'PUT', body: { granted: want }, scope: 'h5' });
      const r = res && typeof res === 'object' ? res : {};
      state = { granted: typeof r.granted === 'boolean' ? r.granted : want, at: (r.at ?? r.updatedAt ?? new Date().toISOString()) as string };
      draw();
    } catch (e) {
      err.replaceChildren(errorBox(e));
    } finally {
      sw.disabled = false;
    }
  });
  draw();
  return h(
    'li',
    { class: 'consent' },
    h('div', { class: 'consent-text' }, h('h3', { id: titleId }, t(`purpose.${purpose}` as Key)), h('p', { id: descId, class: 'muted small' }, t(`purpose.${purpose}.desc` as Key)), status),
    sw,
    err,
  );
}

function exportButton(): HTMLElement {
  const msg = h('p', { class: 'small', role: 'status' });
  const btn = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      'data-testid': 'export-data',
      onclick: async () => {
        btn.disabled = true;
        msg.replaceChildren();
        try {
          const res = await send('/me/data', { scope: 'h5' });
          const blob = await res.blob();
          const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'application/json' }));
          const a = h('a', { href: url, download: `zhidian-my-data-${new Date().toISOString().slice(0, 10)}.json` });
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          msg.textContent = t('h5.dataDone');
        } catch (e) {
          msg.replaceChildren(errorBox(e));
        } finally {
          btn.disabled = false;
        }
      },
    },
    t('h5.dataDownload'),
  );
  return h('div', null, btn, msg);
}


/** "Send again in 42 s" on the button until another code may be asked for. */
export function countdown(btn: HTMLButtonElement, seconds: number): void {
  let left = seconds;
  const tick = () => {
    if (!btn.isConnected || left <= 0) {
      btn.disabled = false;
      btn.textContent = t('h5.resend');
      window.clearInterval(timer);
      return;
    }
    btn.textContent = t('h5.resendIn', { s: left });
    left -= 1;
  };
  btn.disabled = true;
  const timer = window.setInterval(tick, 1000);
  tick();
}
