import './style.css';
import { setUnauthorizedHandler } from './api';
import { claims, clearToken, getToken, homeFor, role } from './auth';
import { clear, h } from './dom';
import { applyLang, langSwitch, t, type Key } from './i18n';
import { current, go } from './router';
import { loginView } from './views/login';
import { onboardView, tenantsView } from './views/provider';
import { tenantView } from './views/provider-tenant';
import { staffView, storesView } from './views/stores';
import { storePosterView } from './views/store-poster';
import { memberView, membersView } from './views/members';
import { h5View } from './views/h5';
import { productView, productsView } from './views/catalog';
import { importsView } from './views/imports';
import { movementsView, scanView, stockView } from './views/stock';
import { stockCountView, stockCountsView } from './views/stock-counts';
import { pricesView } from './views/prices';
import { couponsView } from './views/coupons';
import { redeemView } from './views/redeem';
import { cashierView } from './views/cashier';
import { auditView, pointsRulesView } from './views/owner-settings';
import { campaignsView } from './views/campaigns';
import { devicesView } from './views/devices';
import { lockersView } from './views/lockers';
import { posView } from './views/pos';
import { ordersView } from './views/orders';
import { receiptView } from './views/receipt';
import { applyLargeText } from './views/large-text';
import { ownerHomeView } from './views/owner-home';
import { complaintsView, merchantsView } from './views/merchants';
import { creditView, trackView } from './views/credit';
import { approvalsView } from './views/approvals';
import { announcementsView, markUnread, tasksView } from './views/office';
import { patrolView } from './views/patrol';

const app = document.getElementById('app')!;

setUnauthorizedHandler((scope) => {
  if (scope === 'h5') go('#/h5');
  else go('#/login?expired=1');
});

/** The sidebar's sections, in order (a mature back office groups its pages; two dozen in one row help nobody). */
const GROUPS = ['nav.g.provider', 'nav.g.overview', 'nav.g.sales', 'nav.g.members', 'nav.g.goods', 'nav.g.store', 'nav.g.settings'] as const;
type Group = (typeof GROUPS)[number];

interface NavItem {
  hash: string;
  label: Key;
  roles: string[];
  group: Group;
}
const NAV: NavItem[] = [
  { hash: '#/admin/tenants', label: 'nav.tenants', roles: ['provider_admin'], group: 'nav.g.provider' },
  { hash: '#/admin/onboard', label: 'nav.onboard', roles: ['provider_admin'], group: 'nav.g.provider' },
  { hash: '#/home', label: 'nav.home', roles: ['owner'], group: 'nav.g.overview' },
  { hash: '#/dashboard', label: 'nav.dashboard', roles: ['owner', 'staff'], group: 'nav.g.overview' },
  { hash: '#/pos', label: 'nav.pos', roles: ['owner', 'staff'], group: 'nav.g.sales' },
  { hash: '#/orders', label: 'nav.orders', roles: ['owner', 'staff'], group: 'nav.g.sales' },
  { hash: '#/reconciliation', label: 'nav.reconciliation', roles: ['owner'], group: 'nav.g.sales' },
  { hash: '#/redeem', label: 'nav.redeem', roles: ['owner', 'staff'], group: 'nav.g.sales' },
  { hash: '#/cashier', label: 'nav.cashier', roles: ['owner', 'staff'], group: 'nav.g.sales' },
  { hash: '#/members', label: 'nav.members', roles: ['owner', 'staff'], group: 'nav.g.members' },
  { hash: '#/coupons', label: 'nav.coupons', roles: ['owner'], group: 'nav.g.members' },
  { hash: '#/campaigns', label: 'nav.campaigns', roles: ['owner'], group: 'nav.g.members' },
  { hash: '#/rules', label: 'nav.rules', roles: ['owner'], group: 'nav.g.members' },
  { hash: '#/products', label: 'nav.products', roles: ['owner', 'staff'], group: 'nav.g.goods' },
  { hash: '#/imports', label: 'nav.imports', roles: ['owner'], group: 'nav.g.goods' },
  { hash: '#/prices', label: 'nav.prices', roles: ['owner', 'staff'], group: 'nav.g.goods' },
  // before #/stock: the page of a hash is the first entry it starts with
  { hash: '#/stock-counts', label: 'nav.stockCounts', roles: ['owner', 'staff'], group: 'nav.g.goods' },
  { hash: '#/stock', label: 'nav.stock', roles: ['owner', 'staff'], group: 'nav.g.goods' },
  { hash: '#/scan', label: 'nav.scan', roles: ['owner', 'staff'], group: 'nav.g.goods' },
  { hash: '#/purchasing', label: 'nav.purchasing', roles: ['owner', 'staff'], group: 'nav.g.goods' },
  { hash: '#/stores', label: 'nav.stores', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/staff', label: 'nav.staff', roles: ['owner'], group: 'nav.g.store' },
  { hash: '#/devices', label: 'nav.devices', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/lockers', label: 'nav.lockers', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/sensors', label: 'nav.sensors', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/alert-settings', label: 'nav.alertSettings', roles: ['owner'], group: 'nav.g.store' },
  { hash: '#/merchants', label: 'nav.merchants', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/complaints', label: 'nav.complaints', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/approvals', label: 'nav.approvals', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/parking', label: 'nav.parking', roles: ['owner', 'staff'], group: 'nav.g.store' },
  // office (functions/office): the task list, patrols, announcements
  { hash: '#/tasks', label: 'nav.tasks', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/patrol', label: 'nav.patrol', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/announcements', label: 'nav.announcements', roles: ['owner', 'staff'], group: 'nav.g.store' },
  // guide (functions/guide): the store map, product places, events, the guide QR
  { hash: '#/guide', label: 'nav.guide', roles: ['owner', 'staff'], group: 'nav.g.store' },
  { hash: '#/audit', label: 'nav.audit', roles: ['owner'], group: 'nav.g.settings' },
];

/** A role's pages, section by section (a section with none of its pages is left out). */
function navFor(r: string, active: string): HTMLElement {
  const mine = NAV.filter((n) => n.roles.includes(r));
  return h(
    'nav',
    { 'aria-label': t('nav.label') },
    h(
      'ul',
      null,
      ...GROUPS.filter((g) => mine.some((n) => n.group === g)).map((g) =>
        h(
          'li',
          { class: 'nav-group' },
          h('span', { class: 'nav-heading', id: `nav-${g}` }, t(g)),
          h(
            'ul',
            { 'aria-labelledby': `nav-${g}` },
            ...mine.filter((n) => n.group === g).map((n) => h('li', null, h('a', { href: n.hash, 'aria-current': /^[/?]?$/.test(active.slice(n.hash.length, n.hash.length + 1)) && active.startsWith(n.hash) ? 'page' : undefined }, t(n.label)))),
          ),
        ),
      ),
    ),
  );
}

const ROLE_LABEL: Record<string, Key> = {
  provider_admin: 'role.provider_admin',
  owner: 'role.owner',
  staff: 'role.staff',
  customer: 'role.customer',
};

function portalShell(active: string): HTMLElement {
  const r = role('portal');
  const c = claims('portal');
  const main = h('main', { id: 'main', tabindex: '-1', class: 'container' });
  // On a phone the navigation and tools fold behind one menu button, so the bar stays one line.
  const menuBtn = r
    ? h('button', {
        type: 'button',
        class: 'btn btn-ghost menu-btn',
        'aria-expanded': 'false',
        'aria-controls': 'topbar-menu',
        'data-testid': 'menu',
        onclick: () => {
          const open = menuBtn!.getAttribute('aria-expanded') !== 'true';
          menuBtn!.setAttribute('aria-expanded', String(open));
          header.classList.toggle('menu-open', open);
        },
      }, h('span', { class: 'menu-icon', 'aria-hidden': 'true' }, '☰'), h('span', { class: 'menu-label' }, t('nav.menu')))
    : null;
  const header = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'topbar-inner' },
      h('a', { class: 'brand', href: r ? homeFor(r) : '#/login' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '店'), t('app.name')),
      menuBtn,
      h('div', { class: 'topbar-menu', id: 'topbar-menu' },
      r ? navFor(r, active) : null,
      h(
        'div',
        { class: 'topbar-tools' },
        langSwitch(),
        r
          ? h(
              'div',
              { class: 'who' },
              h('span', { class: 'who-name' }, String(c?.email ?? c?.name ?? c?.sub ?? '')),
              h('span', { class: 'badge' }, t(ROLE_LABEL[r] ?? 'role.unknown')),
            )
          : null,
        r
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn btn-ghost',
                onclick: () => {
                  clearToken('portal');
                  go('#/login');
                },
              },
              t('nav.logout'),
            )
          : null,
      ),
      ),
    ),
  );
  // signed in, on a wide screen: the navigation is a sidebar (style.css)
  document.body.classList.toggle('with-sidebar', !!r);
  app.replaceChildren(header, main);
  return main;
}

async function render(): Promise<void> {
  applyLang();
  document.documentElement.classList.remove('tenant-suspended');
  document.body.classList.remove('with-sidebar');
  const route = current();
  const [first, second] = route.path;
  const hash = '#/' + route.path.join('/');
  document.documentElement.classList.toggle('is-h5', first === 'h5');
  // every customer-facing page honours large-text mode (the toggle is on each of them; the choice is the device's)
  document.documentElement.classList.toggle('is-customer', ['h5', 'receipt', 'credit', 'track', 'park', 'kiosk', 'unsubscribe'].includes(first ?? ''));
  document.documentElement.classList.toggle('is-kiosk', first === 'kiosk');
  applyLargeText();

  // guide block: the store's public guide (no sign-in), on a phone from the poster's QR and on the in-store kiosk
  if ((first === 'h5' && second === 'guide' && route.path[2]) || (first === 'kiosk' && second)) {
    clear(app);
    const kiosk = first === 'kiosk';
    const main = h('main', { id: 'main', tabindex: '-1', class: kiosk ? 'kiosk guide-page' : 'h5 guide-page' });
    app.appendChild(main);
    document.title = `${t('gp.title')} · ${t('app.name')}`;
    const idle = Number(route.query.get('idle') ?? '');
    await (await import('./views/guide-public')).guidePublicView(main, kiosk ? second : route.path[2], route.query.get('t'), kiosk, idle > 0 ? idle : undefined);
    return;
  }

  if (first === 'h5') {
    clear(app);
    const main = h('main', { id: 'main', tabindex: '-1', class: 'h5' });
    app.appendChild(main);
    document.title = `${t('h5.title')} · ${t('app.name')}`;
    await h5View(main, route);
    return;
  }

  if (first === 'receipt' && second) {
    clear(app);
    const main = h('main', { id: 'main', tabindex: '-1', class: 'container receipt-page' });
    app.appendChild(main);
    document.title = `${t('receipt.title')} · ${t('app.name')}`;
    await receiptView(main, second, route.query.get('t'));
    return;
  }

  // the public credit pages (a counter's QR, a complaint's tracking link): no sign-in, phone first
  if ((first === 'credit' || first === 'track') && second) {
    clear(app);
    const main = h('main', { id: 'main', tabindex: '-1', class: 'h5 credit-page' });
    app.appendChild(main);
    document.title = `${t(first === 'credit' ? 'credit.title' : 'track.title')} · ${t('app.name')}`;
    if (first === 'credit') await creditView(main, second, route.query.get('t'));
    else await trackView(main, second, route.query.get('t'));
    return;
  }

  // campaigns: the public page behind an SMS's one-tap unsubscribe link (no sign-in; the signed token names the member)
  if (first === 'unsubscribe') {
    clear(app);
    const main = h('main', { id: 'main', tabindex: '-1', class: 'h5 credit-page unsubscribe-page' });
    app.appendChild(main);
    document.title = `${t('unsub.title')} · ${t('app.name')}`;
    await (await import('./views/unsubscribe')).unsubscribeView(main, route.query.get('t'));
    return;
  }

  // the car park's public page (the exit's and pillars' QR): no sign-in, phone first
  if (first === 'park' && second) {
    clear(app);
    const main = h('main', { id: 'main', tabindex: '-1', class: 'h5 credit-page park-page' });
    app.appendChild(main);
    document.title = `${t('park.title')} · ${t('app.name')}`;
    (await import('./views/park')).parkView(main, second, route.query.get('t'));
    return;
  }

  const r = role('portal');
  if (!first || (!r && first !== 'login')) {
    go(r ? homeFor(r) : '#/login');
    return;
  }
  if (first === 'login') {
    const main = portalShell(hash);
    document.title = `${t('login.title')} · ${t('app.name')}`;
    loginView(main, route);
    return;
  }
  const allowed = NAV.find((n) => hash.startsWith(n.hash) || (first === 'members' && n.hash === '#/members'));
  if (!allowed) {
    go(homeFor(r));
    return;
  }
  if (!allowed.roles.includes(r!)) {
    // Say what is not allowed and why, rather than sending the user elsewhere without a word.
    const main = portalShell(hash);
    document.title = `${t('denied.title')} · ${t('app.name')}`;
    const home = NAV.find((n) => n.hash === homeFor(r));
    main.replaceChildren(
      h('h1', { tabindex: '-1' }, t('denied.title')),
      h(
        'section',
        { class: 'card', 'data-testid': 'denied' },
        h('p', { class: 'alert alert-warn' }, t('denied.body', { page: t(allowed.label), roles: allowed.roles.map((x) => t(ROLE_LABEL[x] ?? 'role.unknown')).join(' / '), role: t(ROLE_LABEL[r!] ?? 'role.unknown') })),
        h('p', null, h('a', { class: 'btn', href: homeFor(r) }, t('denied.back', { home: home ? t(home.label) : t('app.name') }))),
      ),
    );
    return;
  }
  const main = portalShell(hash);
  document.title = `${t(allowed.label)} · ${t('app.name')}`;
  if (first === 'admin' && second === 'tenants' && route.path[2]) await tenantView(main, route.path[2]);
  else if (first === 'admin' && second === 'tenants') await tenantsView(main, route);
  else if (first === 'admin' && second === 'onboard') await onboardView(main);
  else if (first === 'stores' && second && route.path[2] === 'poster') await storePosterView(main, second);
  else if (first === 'stores') await storesView(main);
  else if (first === 'staff') await staffView(main);
  else if (first === 'members' && second) await memberView(main, second);
  else if (first === 'members') await membersView(main, route);
  else if (first === 'products' && second) await productView(main, second);
  else if (first === 'products') await productsView(main, route);
  else if (first === 'imports') await importsView(main, second);
  else if (first === 'stock' && second && route.path[2]) await movementsView(main, second, route.path[2]);
  else if (first === 'stock') await stockView(main, route);
  else if (first === 'stock-counts' && second && route.path[2]) await stockCountView(main, second, route.path[2]);
  else if (first === 'stock-counts') await stockCountsView(main, route);
  else if (first === 'scan') await scanView(main, route);
  else if (first === 'prices') await pricesView(main, route);
  else if (first === 'coupons') await couponsView(main, second);
  else if (first === 'redeem') await redeemView(main);
  else if (first === 'cashier') await cashierView(main);
  else if (first === 'rules') await pointsRulesView(main);
  else if (first === 'audit') await auditView(main, route);
  else if (first === 'home') await ownerHomeView(main);
  else if (first === 'devices') await devicesView(main, route);
  else if (first === 'lockers') await lockersView(main, route);
  else if (first === 'pos') await posView(main, route);
  else if (first === 'orders') await ordersView(main, route);
  else if (first === 'reconciliation') await (await import('./views/reconciliation')).reconciliationView(main, route);
  // the parking page carries its own ECharts chunk too
  else if (first === 'parking') await (await import('./views/parking')).parkingView(main, route);
  // ECharts is loaded with the sensors page only (the rest of the portal does not carry it)
  else if (first === 'sensors') await (await import('./views/sensors')).sensorsView(main, route);
  else if (first === 'alert-settings') await (await import('./views/alert-settings')).alertSettingsView(main, route);
  else if (first === 'campaigns') await campaignsView(main, route);
  // the owner dashboard (issue 23) loads ECharts with itself, like the sensors page
  else if (first === 'dashboard') await (await import('./views/dashboard')).dashboardView(main, route);
  // ECharts again: the purchasing page is loaded on demand too
  else if (first === 'purchasing') await (await import('./views/purchasing')).purchasingView(main, route);
  else if (first === 'merchants') await merchantsView(main);
  else if (first === 'complaints') await complaintsView(main);
  else if (first === 'approvals') await approvalsView(main);
  // office (functions/office)
  else if (first === 'tasks') await tasksView(main);
  else if (first === 'patrol') await patrolView(main, route);
  else if (first === 'announcements') await announcementsView(main);
  // guide (functions/guide)
  else if (first === 'guide') await (await import('./views/guide')).guideView(main, route);
  if (r === 'owner' || r === 'staff') void markUnread();
}

let lastPath = '';
window.addEventListener('hashchange', () => {
  void render().then(() => {
    // Move focus to the new page's heading so screen readers announce the change (not on the first load).
    const path = current().path.join('/');
    if (path !== lastPath) document.querySelector<HTMLElement>('main h1')?.focus();
    lastPath = path;
  });
});
window.addEventListener('zhidian:lang', () => void render());
// The skip link must not change the hash (that is the router's), so it moves focus itself.
document.getElementById('skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  const main = document.getElementById('main');
  (main?.querySelector<HTMLElement>('h1') ?? main)?.focus();
});
lastPath = current().path.join('/');
void render();
// Keep the token check honest on return to a tab after expiry.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && !['h5', 'login', 'receipt', 'credit', 'track', 'park', 'kiosk'].includes(current().path[0]) && !getToken('portal')) go('#/login');
});
