// The store's devices (owner and staff): kind, name, bound GTIN, online/offline and last seen. The owner
// registers a device (its MQTT endpoint and credential are shown once, here) and decommissions one.
import { request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, clearErrors, confirmDialog, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtTime, label, loading, pageHead, section, table } from './common';
import { labelsSection, type LabelDevice } from './labels';
import { fetchStores, type Store } from './stores';

interface Device extends LabelDevice {
  deviceId: string;
  thingName?: string;
  kind: string;
  name: string;
  gtin?: string | null;
  status: 'online' | 'offline' | string;
  lastSeen?: string | null;
}
interface Registered extends Device {
  mqtt: { host: string; port: number };
  /** Absent when the device provisions itself by claim. */
  credentials?: { clientId: string; password: string };
  claim?: { templateName: string; parameters: Record<string, string> };
}

const KINDS = ['esl', 'traffic_counter', 'energy_meter', 'env_sensor', 'fridge_sensor', 'locker', 'patrol_camera'] as const;
let liveTimer: number | undefined;
let quickTimer: number | undefined;

export async function devicesView(main: HTMLElement, route: Route): Promise<void> {
  window.clearInterval(liveTimer);
  const isOwner = role('portal') === 'owner';
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('devices.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('devices.title'), empty('stores.empty'));
    return;
  }
  const base = `/stores/${encodeURIComponent(store.storeId)}/devices`;
  const picker = field({ name: 'store', label: 'devices.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/devices?store=${(e.target as HTMLSelectElement).value}`));

  const list = h('div', { 'aria-live': 'polite', 'data-testid': 'device-list' }, loading());
  const notice = h('div', { role: 'status' });
  const creds = h('div');

  // eslint-disable-next-line prefer-const -- draw and the labels section refer to each other
  let labels: ReturnType<typeof labelsSection>;
  const draw = async () => {
    try {
      const items = (await request<{ items: Device[] }>(base)).items ?? [];
      labels.update(items);
      // a label on its way to synced is looked at again soon, not in 15 s
      window.clearTimeout(quickTimer);
      if (items.some((d) => d.kind === 'esl' && d.gtin && d.sync === 'pending')) {
        quickTimer = window.setTimeout(() => document.body.contains(list) && void draw(), 2_000);
      }
      list.replaceChildren(
        items.length
          ? table(
              ['devices.kind', 'devices.name', 'devices.gtin', 'devices.status', 'devices.lastSeen', ...(isOwner ? (['common.actions'] as Key[]) : [])],
              items.map((d) => [
                label('devices.kind', d.kind),
                h('span', { 'data-testid': `device-name-${d.deviceId}` }, d.name),
                d.gtin ? h('code', null, shortGtin(d.gtin)) : '—',
                // the badge inside a span keeps its own width where a phone's card stretches the cell's child
                h('span', null, h('span', { class: `badge ${d.status === 'online' ? 'badge-active' : 'badge-muted'}`, 'data-testid': `device-status-${d.deviceId}` }, label('devices.status', d.status))),
                d.lastSeen ? fmtTime(d.lastSeen) : t('devices.never'),
                ...(isOwner ? [decommissionButton(d)] : []),
              ]),
              'devices.list',
            )
          : empty('devices.empty'),
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };

  const decommissionButton = (d: Device) => {
    const b = h('button', { type: 'button', class: 'btn btn-danger-outline', 'data-testid': `decommission-${d.deviceId}` }, t('devices.decommission'));
    b.addEventListener('click', async () => {
      if (!(await confirmDialog(t('devices.confirmDecommission', { name: d.name }), 'devices.decommission', true))) return;
      try {
        await request(`${base}/${encodeURIComponent(d.deviceId)}`, { method: 'DELETE' });
        notice.replaceChildren(h('p', { class: 'alert alert-success' }, t('devices.decommissioned', { name: d.name })));
      } catch (err) {
        notice.replaceChildren(errorBox(err));
      }
      await draw();
    });
    return b;
  };

  labels = labelsSection(store.storeId, isOwner, draw);
  main.replaceChildren(
    pageHead('devices.title'),
    h('section', { class: 'card' }, h('div', { class: 'search-row' }, picker), h('p', { class: 'muted small' }, t('devices.intro'))),
    creds,
    labels.el,
    section('devices.list', notice, list),
  );
  if (isOwner) main.append(registerSection(base, creds, draw));
  await draw();
  liveTimer = window.setInterval(() => {
    if (!document.body.contains(list)) return window.clearInterval(liveTimer);
    if (document.visibilityState === 'visible') void draw();
  }, 15_000);
}

/** The API keeps GTIN-14; a label printed on a Chinese product reads 13 digits, so drop the padding zero. */
function shortGtin(g: string): string {
  return /^0\d{13}$/.test(g) ? g.slice(1) : g;
}

function registerSection(base: string, creds: HTMLElement, refresh: () => Promise<void>): HTMLElement {
  const gtin = h('div', null, field({ name: 'gtin', label: 'devices.gtin', inputmode: 'numeric', hint: 'devices.gtinHint', attrs: { maxlength: 14 } }));
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'device-form' },
    formAlert(),
    h('div', { class: 'grid-2' },
      field({ name: 'kind', label: 'devices.kind', value: 'esl', options: KINDS.map((k) => ({ value: k, label: t(`devices.kind.${k}` as Key) })) }),
      field({ name: 'name', label: 'devices.name', required: true, attrs: { maxlength: 80 } })),
    gtin,
    field({
      name: 'provisioning', label: 'devices.provisioning', value: 'credentials', hint: 'devices.provisioningHint',
      options: [{ value: 'credentials', label: t('devices.provisioning.credentials') }, { value: 'claim', label: t('devices.provisioning.claim') }],
    }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('devices.submit')),
  );
  // only a shelf label shows a product, so the GTIN field is there for that kind alone
  const kindChanged = () => (gtin.hidden = form.querySelector<HTMLSelectElement>('[name=kind]')!.value !== 'esl');
  form.addEventListener('change', kindChanged);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      clearErrors(form);
      const v = values(form);
      const body: Record<string, string> = { kind: v.kind, name: v.name };
      if (v.kind === 'esl' && v.gtin) body.gtin = v.gtin;
      if (v.provisioning === 'claim') body.provisioning = 'claim';
      try {
        const d = await request<Registered>(base, { body, idempotencyKey: uuid() });
        const done = () => creds.replaceChildren();
        creds.replaceChildren(d.claim ? claimPanel(d, d.claim, done) : credentialsPanel(d, done));
        form.reset();
        kindChanged();
        creds.querySelector<HTMLElement>('h2')?.focus();
        await refresh();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('devices.register', form);
}

/**
 * A device that provisions itself by claim (fleet provisioning): where it connects with the tenant's claim, the template
 * and the parameters it passes; its own certificate it gets from AWS IoT, so there is no password to keep here.
 */
function claimPanel(d: Registered, claim: NonNullable<Registered['claim']>, onDone: () => void): HTMLElement {
  const kv = (k: Key, v: string, test: string) => [h('dt', null, t(k)), h('dd', null, h('code', { 'data-testid': test }, v))];
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'device-claim-title', 'data-testid': 'device-claim' },
    h('h2', { id: 'device-claim-title', tabindex: '-1' }, t('devices.claim.title', { name: d.name })),
    h('p', null, t('devices.claim.intro')),
    h('dl', { class: 'kv' },
      ...kv('devices.creds.host', d.mqtt.host, 'mqtt-host'),
      ...kv('devices.creds.port', String(d.mqtt.port), 'mqtt-port'),
      ...kv('devices.claim.template', claim.templateName, 'claim-template'),
      ...Object.entries(claim.parameters).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, h('code', { 'data-testid': `claim-param-${k}` }, v))])),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'device-claim-done', onclick: onDone }, t('devices.creds.done'))),
  );
}

/** The device's MQTT endpoint and credential: the password is only ever in this one answer. */
function credentialsPanel(d: Registered, onDone: () => void): HTMLElement {
  const c = d.credentials!;
  const pw = h('code', { class: 'secret', 'data-testid': 'device-password' }, c.password);
  const copied = h('span', { class: 'muted', role: 'status' });
  const kv = (k: Key, v: string, test: string) => [h('dt', null, t(k)), h('dd', null, h('code', { 'data-testid': test }, v))];
  return h(
    'section',
    { class: 'card secret-card', 'aria-labelledby': 'device-creds-title', 'data-testid': 'device-credentials' },
    h('h2', { id: 'device-creds-title', tabindex: '-1' }, t('devices.creds.title', { name: d.name })),
    h('p', null, t('devices.creds.intro')),
    h('dl', { class: 'kv' },
      ...kv('devices.creds.host', d.mqtt.host, 'mqtt-host'),
      ...kv('devices.creds.port', String(d.mqtt.port), 'mqtt-port'),
      ...kv('devices.creds.clientId', c.clientId, 'mqtt-client-id'),
      h('dt', null, t('devices.creds.password')), h('dd', null, pw)),
    h('p', { class: 'alert alert-warn', 'data-testid': 'password-once' }, t('devices.creds.once')),
    h('div', { class: 'actions' },
      h('button', {
        type: 'button',
        class: 'btn',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(c.password);
            copied.textContent = t('devices.creds.copied');
          } catch {
            const r = document.createRange();
            r.selectNodeContents(pw);
            getSelection()?.removeAllRanges();
            getSelection()?.addRange(r);
            copied.textContent = t('devices.creds.selected');
          }
        },
      }, t('devices.creds.copy')),
      h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'device-creds-done', onclick: onDone }, t('devices.creds.done')),
      copied),
  );
}
