// The owner's alert settings of a store (GET/PUT /stores/{storeId}/alert-settings): the rules' thresholds, and who
// is told by SMS — the alert phones (up to 5, E.164) and the SMS quiet hours. The PUT replaces the whole settings,
// so every field is on the form; the API's field errors land next to their fields (alertPhones[i] on the i-th phone).
import { request } from '../api';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, loading, pageHead } from './common';
import { fetchStores, type Store } from './stores';

interface AlertSettings {
  fridgeMaxC: number;
  fridgeMinutes: number;
  fridgeHysteresisC: number;
  defrostStart: string;
  defrostMinutes: number;
  silentMinutes: number;
  batteryLowPct: number;
  co2MaxPpm: number;
  pm25Max: number;
  humidityMinPct: number;
  humidityMaxPct: number;
  opensAt: string;
  closesAt: string;
  closedWattsMax: number;
  queueMax: number;
  timeZone: string;
  alertPhones: string[];
  smsQuietStart: string;
  smsQuietEnd: string;
}
type NumberField = { [K in keyof AlertSettings]: AlertSettings[K] extends number ? K : never }[keyof AlertSettings];
type TimeField = 'defrostStart' | 'opensAt' | 'closesAt' | 'smsQuietStart' | 'smsQuietEnd';

const MAX_PHONES = 5;
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Urumqi'];
/** The number fields by group, with the API's bounds (functions/telemetry SettingsRoutes) and step. */
const GROUPS: { title: Key; fields: [NumberField, number, number, number][] }[] = [
  { title: 'alertset.g.fridge', fields: [['fridgeMaxC', -30, 15, 0.1], ['fridgeMinutes', 1, 240, 1], ['fridgeHysteresisC', 0, 10, 0.1], ['defrostMinutes', 0, 180, 1]] },
  { title: 'alertset.g.devices', fields: [['silentMinutes', 2, 1440, 1], ['batteryLowPct', 1, 90, 1]] },
  { title: 'alertset.g.air', fields: [['co2MaxPpm', 400, 5000, 1], ['pm25Max', 5, 500, 1], ['humidityMinPct', 0, 95, 1], ['humidityMaxPct', 5, 100, 1]] },
  { title: 'alertset.g.store', fields: [['closedWattsMax', 0, 100000, 1], ['queueMax', 1, 500, 1]] },
];

export async function alertSettingsView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(pageHead('alertset.title'), loading());
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('alertset.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('alertset.title'), empty('stores.empty'));
    return;
  }
  const path = `/stores/${encodeURIComponent(store.storeId)}/alert-settings`;
  let s: AlertSettings;
  try {
    s = await request<AlertSettings>(path);
  } catch (err) {
    main.replaceChildren(pageHead('alertset.title'), errorBox(err));
    return;
  }
  const picker = field({ name: 'store', label: 'sensors.store', options: stores.map((x) => ({ value: x.storeId, label: x.name ?? x.storeId })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/alert-settings?store=${(e.target as HTMLSelectElement).value}`));
  const form = settingsForm(s, path);
  main.replaceChildren(
    pageHead('alertset.title', h('a', { class: 'btn', href: `#/sensors?store=${encodeURIComponent(store.storeId)}` }, t('alertset.toAlerts'))),
    h('section', { class: 'card' }, h('div', { class: 'search-row' }, picker), h('p', { class: 'muted small' }, t('alertset.intro'))),
    form,
  );
}

function settingsForm(s: AlertSettings, path: string): HTMLFormElement {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'alert-settings-saved' }, t('alertset.saved'));
  const num = (name: NumberField, min: number, max: number, step: number) => field({ name, label: `alertset.${name}` as Key, type: 'number',
    inputmode: step < 1 ? 'decimal' : 'numeric', required: true, value: String(s[name]), attrs: { min, max, step } });
  const time = (name: TimeField, hint?: Key) => field({ name, label: `alertset.${name}` as Key, type: 'time', required: true, value: s[name], hint });
  const phones = h('div', { class: 'grid-2', 'data-testid': 'alert-phones' });
  const addPhone = h('button', { type: 'button', class: 'btn', 'data-testid': 'add-phone' }, t('alertset.addPhone'));
  const phoneField = (value: string) => {
    const i = phones.children.length;
    phones.append(field({ name: `alertPhones[${i}]`, label: 'alertset.phone', type: 'tel', inputmode: 'tel', autocomplete: 'off', value, hint: 'alertset.phoneHint',
      attrs: { placeholder: '+8613800138000', 'data-testid': `phone-${i}` } }));
    addPhone.hidden = phones.children.length >= MAX_PHONES;
  };
  // the phones there are and one empty slot to type a new one in
  for (const p of s.alertPhones.slice(0, MAX_PHONES)) phoneField(p);
  if (s.alertPhones.length < MAX_PHONES) phoneField('');
  addPhone.addEventListener('click', () => {
    phoneField('');
    phones.querySelector<HTMLInputElement>(`[data-testid=phone-${phones.children.length - 1}]`)?.focus();
  });

  const fieldset = (title: Key, testid: string, ...children: HTMLElement[]) =>
    h('section', { class: 'card', 'aria-labelledby': `as-${testid}`, 'data-testid': testid }, h('h2', { id: `as-${testid}` }, t(title)), ...children);
  const [fridge, devices, air, store] = GROUPS;
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'alert-settings' },
    formAlert(),
    fieldset('alertset.g.sms', 'alert-sms',
      h('p', { class: 'muted small' }, t('alertset.smsIntro')),
      h('div', { class: 'stack' }, phones, h('div', { class: 'actions' }, addPhone),
        h('div', { class: 'grid-2' }, time('smsQuietStart', 'alertset.quietHint'), time('smsQuietEnd')))),
    fieldset(fridge.title, 'alert-fridge', h('div', { class: 'grid-2' }, ...fridge.fields.map((f) => num(...f)), time('defrostStart', 'alertset.defrostHint'))),
    fieldset(devices.title, 'alert-devices', h('div', { class: 'grid-2' }, ...devices.fields.map((f) => num(...f)))),
    fieldset(air.title, 'alert-air', h('div', { class: 'grid-2' }, ...air.fields.map((f) => num(...f)))),
    fieldset(store.title, 'alert-store', h('div', { class: 'grid-2' }, time('opensAt'), time('closesAt'), ...store.fields.map((f) => num(...f)),
      field({ name: 'timeZone', label: 'alertset.timeZone', required: true, value: s.timeZone, options: ZONES.map((z) => ({ value: z, label: t(`alertset.zone.${z}` as Key) })) }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-alert-settings' }, t('alertset.save'))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ok.hidden = true;
    compactPhones(phones);
    const v = values(form);
    // a number the API can check; anything else goes as typed so that the API names the field
    const number = (x: string) => (x !== '' && Number.isFinite(Number(x)) ? Number(x) : x === '' ? null : x);
    const body: Record<string, unknown> = {};
    for (const g of GROUPS) for (const [name] of g.fields) body[name] = number(v[name]);
    for (const name of ['defrostStart', 'opensAt', 'closesAt', 'smsQuietStart', 'smsQuietEnd'] as TimeField[]) body[name] = v[name] || null;
    body.timeZone = v.timeZone;
    body.alertPhones = Array.from(phones.querySelectorAll<HTMLInputElement>('input')).map((i) => i.value.replace(/[\s-]/g, '')).filter((p) => p !== '');
    void busy(form, async () => {
      try {
        await request(path, { method: 'PUT', body });
        clearErrors(form);
        ok.hidden = false;
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return form;
}

/** Empty phone slots move to the end, so the i-th phone sent is the i-th input and an error on alertPhones[i] lands on it. */
function compactPhones(phones: HTMLElement): void {
  const inputs = Array.from(phones.querySelectorAll<HTMLInputElement>('input'));
  const filled = inputs.map((i) => i.value.trim()).filter((p) => p !== '');
  inputs.forEach((input, i) => (input.value = filled[i] ?? ''));
}
