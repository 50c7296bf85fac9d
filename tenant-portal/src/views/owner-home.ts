// The owner's home: today's numbers — sales, new and active members, points issued and redeemed (the report
// buckets, GET /reports/sales and /reports/members, so the page costs a few reads however busy the day), stores
// open, staff enabled, changes recorded — and shortcuts.
import { asPage, request, type Page } from '../api';
import { h } from '../dom';
import { errorBox } from '../forms';
import { getLang, t, type Key } from '../i18n';
import { fmtNum, loading, pageHead } from './common';
import { fmtFen } from './money';
import { fetchStores } from './stores';

/** The start of today in the browser's zone (the owner's), as an ISO instant. */
function todayStart(): Date {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

interface Today {
  sales: { totals: { orders: number; net: number } } | null;
  members: { totals: { newMembers: number; activeMembers: number | null; pointsIssued: number; pointsRedeemed: number } } | null;
}

/** yyyy-MM-dd of {@code d} in the browser's zone (the owner's; the reports count days in the tenant's). */
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Today's sales and member figures; a report that cannot be read shows as "—", not as an error over the page. */
async function today(day: string): Promise<Today> {
  const q = { from: day, to: day, groupBy: 'day' };
  const [sales, members] = await Promise.all([
    request<Today['sales']>('/reports/sales', { query: q }).catch(() => null),
    request<Today['members']>('/reports/members', { query: q }).catch(() => null),
  ]);
  return { sales, members };
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
    const [day, stores, users, changes] = await Promise.all([
      today(isoDay(since)),
      fetchStores(),
      request('/users', { query: { limit: 200 } }).then((b) => asPage<{ status?: string }>(b).items),
      countAudit(since),
    ]);
    const open = stores.filter((s) => s.status !== 'closed').length;
    const on = users.filter((u) => u.status !== 'disabled').length;
    const m = day.members?.totals;
    const sales = day.sales?.totals;
    tiles.replaceChildren(
      tile('home.sales', fmtFen(sales?.net), t('home.salesOrders', { n: fmtNum(sales?.orders ?? 0) }), 'home-sales'),
      tile('home.members', fmtNum(m?.newMembers), t('home.newMembers'), 'home-new-members'),
      tile('home.active', fmtNum(m?.activeMembers), t('home.activeHint'), 'home-active-members'),
      tile('home.points', fmtNum(m?.pointsIssued), t('home.pointsHint', { redeemed: fmtNum(m?.pointsRedeemed) }), 'home-points'),
      tile('home.stores', fmtNum(open), t('home.storesOpen', { open, all: stores.length }), 'home-stores'),
      tile('home.staff', fmtNum(on), t('home.staffActive', { on, all: users.length }), 'home-staff'),
      tile('home.changesToday', fmtNum(changes), t('home.changesHint'), 'home-changes'),
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
        h('a', { class: 'btn', href: '#/dashboard' }, t('nav.dashboard')),
        h('a', { class: 'btn', href: '#/cashier' }, t('nav.cashier')),
        h('a', { class: 'btn', href: '#/members' }, t('nav.members')),
        h('a', { class: 'btn', href: '#/stores' }, t('nav.stores')),
        h('a', { class: 'btn', href: '#/staff' }, t('nav.staff')),
        h('a', { class: 'btn', href: '#/audit' }, t('nav.audit')),
      ),
    ),
  );
}
