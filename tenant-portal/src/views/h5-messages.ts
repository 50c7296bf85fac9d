// The customer's message centre on the H5: messages newest first, unread ones marked, read on open, and the one-tap
// unsubscribe every marketing message carries (it withdraws the marketing_push consent, shown in the history).
import { request } from '../api';
import { claims, getToken } from '../auth';
import { h, uuid } from '../dom';
import { errorBox } from '../forms';
import { t } from '../i18n';
import { empty, fmtTime } from './common';

interface Msg { messageId: string; title: string; body: string; couponCode?: string | null; sentAt: string; readAt?: string | null; unsubscribeToken: string }

/** The unread count for the badge on the H5 home page's link (null when it cannot be read). */
export async function unreadCount(): Promise<number | null> {
  try {
    return (await request<{ unread: number }>('/me/messages', { scope: 'h5', query: { limit: 1 } })).unread;
  } catch {
    return null;
  }
}

export async function h5MessagesView(main: HTMLElement, bar: HTMLElement): Promise<void> {
  const list = h('section', { class: 'card', 'aria-labelledby': 'msgs-title', 'data-testid': 'messages' });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  main.replaceChildren(bar, h('div', { class: 'h5-body' },
    h('p', null, h('a', { href: '#/h5' }, '‹ ', t('h5m.back'))),
    h('h1', { tabindex: '-1', class: 'greeting' }, t('h5m.title')), status, list, wechatCard()));
  const draw = async () => {
    list.replaceChildren(h('h2', { id: 'msgs-title' }, t('h5m.title')));
    try {
      const page = await request<{ items: Msg[]; unread: number }>('/me/messages', { scope: 'h5', query: { limit: 50 } });
      list.append(h('p', { class: 'muted', 'data-testid': 'unread' }, t('h5m.unread', { n: page.unread })));
      if (!page.items.length) list.append(empty('h5m.empty'));
      for (const m of page.items) list.append(message(m, status, draw));
    } catch (err) {
      list.append(errorBox(err));
    }
  };
  await draw();
}

function message(m: Msg, status: HTMLElement, redraw: () => Promise<void>): HTMLElement {
  const read = h('button', { type: 'button', class: 'btn', 'data-testid': `read-${m.messageId}` }, t('h5m.markRead'));
  read.addEventListener('click', async () => {
    try {
      await request(`/me/messages/${encodeURIComponent(m.messageId)}/read`, { scope: 'h5', body: {}, idempotencyKey: uuid() });
      await redraw();
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  const unsub = h('button', { type: 'button', class: 'btn btn-ghost', 'data-testid': `unsubscribe-${m.messageId}` }, t('h5m.unsubscribe'));
  unsub.addEventListener('click', async () => {
    try {
      await request('/me/unsubscribe', { scope: 'h5', body: { token: m.unsubscribeToken }, idempotencyKey: uuid() });
      status.replaceChildren(h('p', { class: 'alert alert-success', 'data-testid': 'unsubscribed' }, t('h5m.unsubscribed')));
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  return h('article', { class: `card ${m.readAt ? '' : 'unread'}`, 'data-testid': `message-${m.messageId}` },
    h('h3', null, m.readAt ? '' : h('span', { class: 'badge badge-active' }, t('h5m.new')), ' ', m.title),
    h('p', null, m.body),
    m.couponCode ? h('p', null, t('h5m.coupon'), ' ', h('code', null, m.couponCode)) : null,
    h('p', { class: 'muted small' }, fmtTime(m.sentAt)),
    h('div', { class: 'actions' }, m.readAt ? null : read, unsub));
}

interface MiniProgramBridge { navigateTo(o: { url: string }): void }

/**
 * A wx.login code for POST /me/wechat. Inside the mini-program's <web-view> the H5 cannot call wx.login: it opens the
 * mini-program's bind page, which calls it and binds (pages/bind), then returns here. In Zhidian Local a browser stands in
 * for the mini-program and asks the WeChat stand-in for a code. Elsewhere there is none (null).
 */
async function wechatCode(): Promise<string | null | 'opened'> {
  const mp = (window as unknown as { wx?: { miniProgram?: MiniProgramBridge } }).wx?.miniProgram;
  if (mp) {
    mp.navigateTo({ url: `/pages/bind/bind?token=${encodeURIComponent(getToken('h5') ?? '')}` });
    return 'opened';
  }
  try {
    const user = `h5-${claims('h5')?.['custom:member_id'] ?? claims('h5')?.sub ?? 'member'}`;
    return (await request<{ code: string }>('/local/wechat/login', { body: { user }, scope: null })).code;
  } catch {
    return null;
  }
}

/** "Bind WeChat": WeChat subscription messages reach a member only once its openid is bound (the outbox skips the rest). */
function wechatCard(): HTMLElement {
  const status = h('div', { role: 'status', 'aria-live': 'polite', 'data-testid': 'wechat-status' });
  const btn = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'bind-wechat' }, t('h5m.wechatBind'));
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      const code = await wechatCode();
      if (code === 'opened') return;
      if (!code) {
        status.replaceChildren(h('p', { class: 'alert alert-error' }, t('h5m.wechatUnavailable')));
        return;
      }
      const r = await request<{ bound: boolean; openIdMasked: string }>('/me/wechat', { scope: 'h5', body: { code }, idempotencyKey: uuid() });
      status.replaceChildren(h('p', { class: 'alert alert-success', 'data-testid': 'wechat-bound' }, t('h5m.wechatBound', { id: r.openIdMasked })));
    } catch (err) {
      status.replaceChildren(errorBox(err));
    } finally {
      btn.disabled = false;
    }
  });
  return h('section', { class: 'card stack', 'aria-labelledby': 'wechat-title', 'data-testid': 'wechat-card' },
    h('h2', { id: 'wechat-title' }, t('h5m.wechatTitle')),
    h('p', { class: 'muted' }, t('h5m.wechatIntro')),
    h('div', null, btn), status);
}
