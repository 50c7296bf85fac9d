// The owner's home: today's numbers that the API has now (new members, stores open, staff enabled, changes
// recorded today), and a place kept for the sales figures the reports will add.
import { asPage, request, type Page } from '../api';
import { h } from '../dom';
import { errorBox } from '../forms';
import { getLang, t, type Key } from '../i18n';
import { fmtNum, loading, pageHead } from './common';
import { fetchStores } from './stores';

/** The start of today in the browser's zone (the owner's), as an ISO instant. */
function todayStart(): Date {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Members enrolled since {@code since}: the list is newest first, so read until an older one. */
async function newMembersSince(since: Date): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page: Page<{ createdAt?: string }> = asPage<{ createdAt?: string }>(await request('/members', { query: { limit: 200, cursor } }));
    for (const m of page.items) {
      if (!m.createdAt || new Date(m.createdAt) < since) return n;
      n++;
    }
    cursor = page.nextCursor;
    if (!cursor) return n;
  }
  return n;
}

async function countAudit(since: Date): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page: Page<unknown> = asPage<unknown>(await request('/audit', { query: { limit: 200, cursor, from: since.toISOString() } }));
    n += page.items.length;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return n;
}

function tile(title: Key, value: string, sub: string, testid: string): HTMLElement {
  return h('div', { class: 'tile', 'data-testid': testid }, h('h2', { class: 'tile-title' }, t(title)), h('p', { class: 'tile-value' }, value), h('p', { class: 'muted tile-sub' }, sub));
}

export async function ownerHomeView(main: HTMLElement): Promise<void> {
  const since = todayStart();
  const date = since.toLocaleDateString(getLang() === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const tiles = h('div', { class: 'tiles' }, loading());
  main.replaceChildren(pageHead('home.title'), h('p', { class: 'muted' }, t('home.intro', { date })), tiles);
  try {
    const [members, stores, users, changes] = await Promise.all([
      newMembersSince(since),
      fetchStores(),
      request('/users', { query: { limit: 200 } }).then((b) => asPage<{ status?: string }>(b).items),
      countAudit(since),
    ]);
    const open = stores.filter((s) => s.status !== 'closed').length;
    const on = users.filter((u) => u.status !== 'disabled').length;
    tiles.replaceChildren(
      tile('home.members', fmtNum(members), t('home.newMembers'), 'home-new-members'),
      tile('home.stores', fmtNum(open), t('home.storesOpen', { open, all: stores.length }), 'home-stores'),
      tile('home.staff', fmtNum(on), t('home.staffActive', { on, all: users.length }), 'home-staff'),
      tile('home.changesToday', fmtNum(changes), t('home.changesHint'), 'home-changes'),
      h('div', { class: 'tile tile-placeholder', 'data-testid': 'home-sales' }, h('h2', { class: 'tile-title' }, t('home.sales')), h('p', { class: 'muted' }, t('home.salesSoon'))),
    );
  } catch (err) {
    tiles.replaceChildren(errorBox(err));
  }
  main.append(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'home-shortcuts' },
      h('h2', { id: 'home-shortcuts' }, t('home.shortcuts')),
      h(
        'div',
        { class: 'actions' },
        h('a', { class: 'btn', href: '#/cashier' }, t('nav.cashier')),
        h('a', { class: 'btn', href: '#/members' }, t('nav.members')),
        h('a', { class: 'btn', href: '#/stores' }, t('nav.stores')),
        h('a', { class: 'btn', href: '#/staff' }, t('nav.staff')),
        h('a', { class: 'btn', href: '#/audit' }, t('nav.audit')),
      ),
    ),
  );
}
