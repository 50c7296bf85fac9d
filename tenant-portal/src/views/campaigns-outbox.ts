// The local outbox (owner; Zhidian Local only): the SMS and WeChat subscription messages campaigns handed to the local
// outbox senders, newest first, with the recipient masked, so a developer sees what would be sent. Hidden in AWS, where
// GET /local/health does not exist and the messages leave through SNS and WeChat.
import { request } from '../api';
import { h } from '../dom';
import { errorBox } from '../forms';
import { t } from '../i18n';
import { empty, fmtTime, pageHead, section, table } from './common';

interface OutboxMessage { messageId: string; title: string; body: string; sentAt: string; to?: string | null; via?: string | null; couponCode?: string | null }

/** Whether the portal talks to Zhidian Local (its /local endpoints answer); false in AWS. */
export async function isZhidianLocal(): Promise<boolean> {
  try {
    await request('/local/health', { scope: null });
    return true;
  } catch {
    return false;
  }
}

export async function outboxView(main: HTMLElement, channel: string): Promise<void> {
  const ch = channel === 'wechat' ? 'wechat' : 'sms';
  const back = h('a', { href: '#/campaigns', class: 'btn btn-ghost' }, t('campaigns.back'));
  if (!(await isZhidianLocal())) {
    main.replaceChildren(pageHead('campaigns.outbox.title', back), h('p', { class: 'muted', 'data-testid': 'outbox-local-only' }, t('campaigns.outbox.localOnly')));
    return;
  }
  let items: OutboxMessage[] = [];
  try {
    items = (await request<{ items: OutboxMessage[] }>(`/message-outbox?channel=${ch}&limit=100`)).items ?? [];
  } catch (err) {
    main.replaceChildren(pageHead('campaigns.outbox.title', back), errorBox(err));
    return;
  }
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('campaigns.outbox.title') },
    ...(['sms', 'wechat'] as const).map((c) => h('a', {
      href: `#/campaigns?outbox=${c}`, class: 'btn btn-ghost', 'aria-current': c === ch ? 'page' : undefined, 'data-testid': `outbox-tab-${c}`,
    }, t(c === 'sms' ? 'campaigns.outbox.sms' : 'campaigns.outbox.wechat'))));
  main.replaceChildren(
    pageHead('campaigns.outbox.title', back),
    h('p', { class: 'muted' }, t('campaigns.outbox.intro')),
    tabs,
    section('campaigns.outbox.list', items.length
      ? table(['campaigns.outbox.time', 'campaigns.outbox.to', 'campaigns.outbox.text', 'campaigns.outbox.via'],
          items.map((m) => [
            fmtTime(m.sentAt),
            h('span', { 'data-testid': `outbox-to-${m.messageId}` }, m.to ?? '—'),
            h('div', null, h('strong', null, m.title), h('div', null, m.body), m.couponCode ? h('div', { class: 'muted' }, m.couponCode) : null),
            m.via ?? t('campaigns.outbox.pending'),
          ]), 'campaigns.outbox.list')
      : empty('campaigns.outbox.empty')),
  );
}
