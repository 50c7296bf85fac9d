// A store's smart lockers (owner and staff): every compartment's size, state and use, occupancy, putting a pickup
// order in (the door opens), clearing a jammed door, overdue pickups taken out. The owner sets a locker up.
import { asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtTime, label, loading, pageHead, section, table } from './common';
import { fetchStores, type Store } from './stores';

interface Compartment {
  compartmentId: string;
  size: 'S' | 'M' | 'L';
  state: string;
  use: string | null;
  orderId: string | null;
  deadline: string | null;
  overdue: boolean;
}
interface Locker {
  lockerId: string;
  name: string;
  compartments: Compartment[];
  key?: string;
}
interface OrderRow {
  orderId: string;
  number: string;
  fulfilment: string;
}

let liveTimer: number | undefined;

export async function lockersView(main: HTMLElement, route: Route): Promise<void> {
  window.clearInterval(liveTimer);
  const isOwner = role('portal') === 'owner';
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('lockers.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('lockers.title'), empty('stores.empty'));
    return;
  }
  const base = `/stores/${encodeURIComponent(store.storeId)}/lockers`;
  const picker = field({ name: 'store', label: 'lockers.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/lockers?store=${(e.target as HTMLSelectElement).value}`));
  const notice = h('div', { role: 'status' });
  const list = h('div', { 'aria-live': 'polite', 'data-testid': 'locker-list' }, loading());
  const expired = h('div', { 'data-testid': 'locker-expired' });
  const depositBox = h('div');
  const setUpBox = h('div');
  let lockers: Locker[] = [];

  const act = async (path: string, done: string) => {
    try {
      await request(path, { method: 'POST', idempotencyKey: uuid() });
      notice.replaceChildren(h('p', { class: 'alert alert-success' }, done));
    } catch (err) {
      notice.replaceChildren(errorBox(err));
    }
    await draw();
  };

  const draw = async () => {
    try {
      lockers = (await request<{ items: Locker[] }>(base)).items ?? [];
    } catch (err) {
      list.replaceChildren(errorBox(err));
      return;
    }
    list.replaceChildren(...(lockers.length ? lockers.map((l) => lockerCard(l)) : [empty('lockers.empty')]));
    const overdue = lockers.flatMap((l) => l.compartments.filter((c) => c.overdue).map((c) => ({ l, c })));
    expired.replaceChildren(
      overdue.length
        ? table(['lockers.compartment', 'lockers.order', 'lockers.deadline', 'common.actions'],
            overdue.map(({ l, c }) => [`${l.name} · ${c.compartmentId}`, c.orderId ?? '—', c.deadline ? fmtTime(c.deadline) : '—',
              button('lockers.remove', `remove-${l.lockerId}-${c.compartmentId}`, () =>
                act(`${base}/${encodeURIComponent(l.lockerId)}/compartments/${c.compartmentId}/removal`, t('lockers.removed', { compartment: c.compartmentId })))]),
            'lockers.expired')
        : empty('lockers.expiredEmpty'),
    );
    if (lockers.length) await drawDeposit();
  };

  const lockerCard = (l: Locker) => {
    const used = l.compartments.filter((c) => c.state !== 'free').length;
    return h('section', { class: 'card', 'data-testid': `locker-${l.lockerId}` },
      h('h3', null, l.name, ' ', h('span', { class: 'muted small', 'data-testid': `occupancy-${l.lockerId}` }, t('lockers.occupancy', { used: String(used), total: String(l.compartments.length) }))),
      table(['lockers.compartment', 'lockers.size', 'lockers.state', 'lockers.use', 'lockers.order', 'lockers.deadline', 'common.actions'],
        l.compartments.map((c) => [
          h('strong', null, c.compartmentId),
          label('lockers.size', c.size),
          h('span', null, h('span', { class: `badge ${badge(c)}`, 'data-testid': `state-${l.lockerId}-${c.compartmentId}` },
            label('lockers.state', c.state), c.overdue ? ` · ${t('lockers.overdue')}` : '')),
          label('lockers.use', c.use),
          c.orderId ?? '—',
          c.deadline ? fmtTime(c.deadline) : '—',
          c.state === 'jammed'
            ? button('lockers.clearJam', `clear-${l.lockerId}-${c.compartmentId}`, () =>
                act(`${base}/${encodeURIComponent(l.lockerId)}/compartments/${c.compartmentId}/clear-jam`, t('lockers.cleared', { compartment: c.compartmentId })))
            : '—',
        ]), 'lockers.title'));
  };

  const drawDeposit = async () => {
    let ready: OrderRow[] = [];
    try {
      for (const status of ['paid', 'picking']) {
        ready = ready.concat(asPage<OrderRow>(await request('/orders', { query: { storeId: store.storeId, status, limit: 50 } })).items
          .filter((o) => o.fulfilment === 'pickup'));
      }
    } catch {
      ready = [];
    }
    const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'deposit-form' }, formAlert(),
      h('p', { class: 'muted small' }, t('lockers.depositHint')),
      h('div', { class: 'grid-2' },
        field({ name: 'lockerId', label: 'lockers.title', options: lockers.map((l) => ({ value: l.lockerId, label: l.name })) }),
        ready.length
          ? field({ name: 'orderId', label: 'lockers.orderId', options: ready.map((o) => ({ value: o.orderId, label: o.number })) })
          : field({ name: 'orderId', label: 'lockers.orderId', required: true, attrs: { maxlength: 64 } }),
        field({ name: 'size', label: 'lockers.size', value: 'M', options: ['S', 'M', 'L'].map((s) => ({ value: s, label: label('lockers.size', s) })) })),
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('lockers.depositSubmit')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(form, async () => {
        clearErrors(form);
        const v = values(form);
        try {
          const d = await request<{ lockerId: string; compartment: Compartment }>(`${base}/${encodeURIComponent(v.lockerId)}/deposits`,
            { body: { orderId: v.orderId, size: v.size }, idempotencyKey: uuid() });
          const name = lockers.find((l) => l.lockerId === d.lockerId)?.name ?? d.lockerId;
          notice.replaceChildren(h('p', { class: 'alert alert-success', 'data-testid': 'deposited' }, t('lockers.deposited', { locker: name, compartment: d.compartment.compartmentId })));
          await draw();
        } catch (err) {
          showError(form, err);
        }
      });
    });
    depositBox.replaceChildren(section('lockers.deposit', form));
  };

  main.replaceChildren(
    pageHead('lockers.title'),
    h('section', { class: 'card' }, h('div', { class: 'search-row' }, picker), h('p', { class: 'muted small' }, t('lockers.intro'))),
    notice,
    list,
    depositBox,
    section('lockers.expired', expired),
    setUpBox,
  );
  await draw();
  if (isOwner) setUpBox.replaceChildren(await setUpSection(store.storeId, base, lockers, draw, notice));
  liveTimer = window.setInterval(() => {
    if (!document.body.contains(list)) return window.clearInterval(liveTimer);
    if (document.visibilityState === 'visible') void draw();
  }, 15_000);
}

function badge(c: Compartment): string {
  if (c.state === 'jammed' || c.overdue) return 'badge-warn';
  if (c.state === 'free') return 'badge-active';
  return 'badge-muted';
}

function button(key: 'lockers.clearJam' | 'lockers.remove', testid: string, onClick: () => Promise<void>): HTMLElement {
  const b = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': testid }, t(key));
  b.addEventListener('click', () => void onClick());
  return b;
}

/** The owner sets up a registered locker device that has no compartments yet; its key is shown once. */
async function setUpSection(storeId: string, base: string, lockers: Locker[], refresh: () => Promise<void>, notice: HTMLElement): Promise<HTMLElement> {
  let devices: { deviceId: string; kind: string; name: string }[] = [];
  try {
    devices = (await request<{ items: typeof devices }>(`/stores/${encodeURIComponent(storeId)}/devices`)).items ?? [];
  } catch {
    devices = [];
  }
  const free = devices.filter((d) => d.kind === 'locker' && !lockers.some((l) => l.lockerId === d.deviceId));
  if (!free.length) return section('lockers.setUp', h('p', { class: 'muted small' }, t('lockers.noDevices')));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'locker-setup' }, formAlert(),
    h('p', { class: 'muted small' }, t('lockers.setUpHint')),
    field({ name: 'deviceId', label: 'lockers.device', options: free.map((d) => ({ value: d.deviceId, label: d.name })) }),
    h('div', { class: 'grid-2' },
      field({ name: 'S', label: 'lockers.countS', type: 'number', value: '4', attrs: { min: 0, max: 60 } }),
      field({ name: 'M', label: 'lockers.countM', type: 'number', value: '4', attrs: { min: 0, max: 60 } }),
      field({ name: 'L', label: 'lockers.countL', type: 'number', value: '2', attrs: { min: 0, max: 60 } })),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('lockers.setUpSubmit')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      clearErrors(form);
      const v = values(form);
      const compartments = (['S', 'M', 'L'] as const).flatMap((s) => Array.from({ length: Math.max(0, Math.min(60, Number(v[s]) || 0)) }, () => ({ size: s })));
      try {
        const l = await request<Locker>(base, { body: { deviceId: v.deviceId, compartments }, idempotencyKey: uuid() });
        notice.replaceChildren(h('div', { class: 'alert alert-info', 'data-testid': 'locker-key' },
          h('p', null, t('lockers.key', { name: l.name })), h('code', { class: 'secret' }, l.key ?? '')));
        await refresh();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('lockers.setUp', form);
}
