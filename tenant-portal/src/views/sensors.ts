// The store's sensors (owner and staff): alerts with acknowledge and resolve, their history and the in-app
// notifications; energy by hour against the baseline with the carbon estimate; temperature and air by zone and
// fridge; traffic now and by hour. Charts are Apache ECharts (only the bar and line charts are bundled).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { errorBox, field } from '../forms';
import { getLang, t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';
import { fetchStores, type Store } from './stores';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Alert {
  alertId: string;
  deviceId: string;
  rule: string;
  state: 'open' | 'acknowledged' | 'resolved';
  since: string;
  openedAt: string;
  summary: string;
  whatToDo: string;
  resolvedBy?: string | null;
  resolvedAt?: string | null;
}
interface Energy {
  kwh: number;
  baselineKwh: number | null;
  carbonKg: number;
  gridKgCo2PerKwh: number;
  byCircuit: Record<string, number>;
  hours: { hour: number; kwh: number; baselineKwh: number | null }[];
}
interface Place {
  deviceId: string;
  kind: string;
  zone: string | null;
  now: Record<string, number>;
  lastReadingAt: string | null;
  hours: ({ hour: number } & Record<string, number>)[];
}
interface Traffic {
  visitors: number;
  occupancyNow: number;
  hours: { hour: number; visitorsIn: number }[];
  zones: { zone: string; visitorsIn: number; occupancyNow: number; dwellMinutes: number | null }[];
}

const charts: echarts.ECharts[] = [];
const HOURS = Array.from({ length: 24 }, (_, i) => `${i}`);

export async function sensorsView(main: HTMLElement, route: Route): Promise<void> {
  charts.splice(0).forEach((c) => c.dispose());
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('sensors.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('sensors.title'), empty('stores.empty'));
    return;
  }
  const sid = encodeURIComponent(store.storeId);
  const picker = field({ name: 'store', label: 'sensors.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/sensors?store=${(e.target as HTMLSelectElement).value}`));
  const active = h('div', { 'aria-live': 'polite', 'data-testid': 'alerts-active' }, loading());
  const history = h('div', { 'data-testid': 'alerts-history' }, loading());
  const notice = h('div', { role: 'status' });
  const energy = h('div', { 'data-testid': 'energy' }, loading());
  const env = h('div', { 'data-testid': 'environment' }, loading());
  const traffic = h('div', { 'data-testid': 'traffic' }, loading());
  main.replaceChildren(
    pageHead('sensors.title', role('portal') === 'owner'
      ? h('a', { class: 'btn', href: `#/alert-settings?store=${sid}`, 'data-testid': 'alert-settings-link' }, t('sensors.settings')) : null),
    h('section', { class: 'card' }, h('div', { class: 'search-row' }, picker), h('p', { class: 'muted small' }, t('sensors.intro'))),
    section('sensors.alerts', notice, active),
    section('sensors.traffic', traffic),
    section('sensors.energy', energy),
    section('sensors.environment', env),
    section('sensors.history', history),
  );

  const drawAlerts = async () => {
    try {
      const [open, done] = await Promise.all([
        request<{ items: Alert[] }>('/alerts', { query: { storeId: store.storeId } }),
        request<{ items: Alert[] }>('/alerts', { query: { storeId: store.storeId, state: 'resolved', limit: 20 } }),
      ]);
      active.replaceChildren(open.items.length ? h('ul', { class: 'alert-list' }, ...open.items.map((a) => alertCard(a, act))) : empty('sensors.noAlerts'));
      history.replaceChildren(
        done.items.length
          ? table(['sensors.col.rule', 'sensors.col.seen', 'sensors.col.since', 'sensors.col.resolved'],
              done.items.map((a) => [label('sensors.rule', a.rule), a.summary, fmtTime(a.since),
                `${fmtTime(a.resolvedAt)} · ${a.resolvedBy === 'sensor' ? t('sensors.bySensor') : a.resolvedBy ?? ''}`]), 'sensors.history')
          : empty('sensors.noHistory'),
      );
    } catch (err) {
      active.replaceChildren(errorBox(err));
    }
  };
  const act = async (a: Alert, verb: 'acknowledge' | 'resolve') => {
    try {
      await request(`/alerts/${encodeURIComponent(a.alertId)}/${verb}`, { method: 'POST', body: {}, idempotencyKey: uuid() });
      notice.replaceChildren(h('p', { class: 'alert alert-success' }, t(verb === 'resolve' ? 'sensors.resolved' : 'sensors.acknowledged')));
    } catch (err) {
      notice.replaceChildren(errorBox(err));
    }
    await drawAlerts();
  };
  await Promise.all([
    drawAlerts(),
    load(energy, () => request<Energy>(`/stores/${sid}/energy`), drawEnergy),
    load(env, () => request<{ places: Place[] }>(`/stores/${sid}/environment`), drawEnvironment),
    load(traffic, () => request<Traffic>(`/stores/${sid}/traffic`), drawTraffic),
  ]);
}

async function load<T>(box: HTMLElement, get: () => Promise<T>, draw: (box: HTMLElement, v: T) => void): Promise<void> {
  try {
    draw(box, await get());
  } catch (err) {
    box.replaceChildren(errorBox(err));
  }
}

function alertCard(a: Alert, act: (a: Alert, verb: 'acknowledge' | 'resolve') => Promise<void>): HTMLElement {
  const ack = h('button', { type: 'button', class: 'btn', 'data-testid': `ack-${a.alertId}` }, t('sensors.acknowledge'));
  const res = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': `resolve-${a.alertId}` }, t('sensors.resolve'));
  ack.addEventListener('click', () => void act(a, 'acknowledge'));
  res.addEventListener('click', () => void act(a, 'resolve'));
  return h('li', { class: `card alert-card alert-${a.state}`, 'data-testid': `alert-${a.alertId}` },
    h('div', { class: 'alert-head' },
      h('strong', null, label('sensors.rule', a.rule)),
      h('span', { class: `badge ${a.state === 'open' ? 'badge-suspended' : 'badge-muted'}` }, label('sensors.state', a.state))),
    h('p', null, a.summary),
    h('p', { class: 'muted small' }, t('sensors.since', { at: fmtTime(a.since) })),
    h('p', { class: 'small' }, h('strong', null, t('sensors.whatToDo')), ' ', a.whatToDo),
    h('div', { class: 'actions' }, a.state === 'open' ? ack : null, res));
}

function chart(box: HTMLElement, option: echarts.EChartsCoreOption, testid: string): void {
  const el = h('div', { class: 'chart', 'data-testid': testid, role: 'img', 'aria-label': t('sensors.chart') });
  box.append(el);
  const c = echarts.init(el, undefined, { renderer: 'canvas', locale: getLang() === 'en' ? 'EN' : 'ZH' });
  c.setOption({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 12, top: 36, bottom: 24 }, ...option });
  charts.push(c);
  new ResizeObserver(() => c.resize()).observe(el);
}

function stat(key: Key, value: string, testid: string): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'muted small' }, t(key)), h('div', { class: 'stat-value', 'data-testid': testid }, value));
}

function drawEnergy(box: HTMLElement, e: Energy): void {
  box.replaceChildren(
    h('div', { class: 'stats' },
      stat('sensors.kwhToday', `${fmtNum(e.kwh)} kWh`, 'energy-kwh'),
      stat('sensors.baseline', e.baselineKwh == null ? t('sensors.noBaseline') : `${fmtNum(e.baselineKwh)} kWh`, 'energy-baseline'),
      stat('sensors.carbon', `${fmtNum(e.carbonKg)} kg CO₂`, 'energy-carbon')),
    h('p', { class: 'muted small' }, t('sensors.gridFactor', { f: String(e.gridKgCo2PerKwh) })),
  );
  chart(box, {
    legend: { data: [t('sensors.kwh'), t('sensors.baseline')] },
    xAxis: { type: 'category', data: HOURS },
    yAxis: { type: 'value', name: 'kWh' },
    series: [
      { name: t('sensors.kwh'), type: 'bar', data: e.hours.map((x) => x.kwh) },
      { name: t('sensors.baseline'), type: 'line', data: e.hours.map((x) => x.baselineKwh) },
    ],
  }, 'energy-chart');
  const circuits = Object.entries(e.byCircuit);
  if (circuits.length) box.append(table(['sensors.circuit', 'sensors.kwh'], circuits.map(([c, k]) => [label('sensors.circuit', c), fmtNum(k)])));
}

function drawEnvironment(box: HTMLElement, v: { places: Place[] }): void {
  if (!v.places.length) return void box.replaceChildren(empty('sensors.noSensors'));
  box.replaceChildren(table(['sensors.place', 'sensors.temperature', 'sensors.humidity', 'sensors.co2', 'sensors.lastReading'],
    v.places.map((p) => [placeName(p), unit(p.now.temperatureC, '°C'), unit(p.now.humidityPct, '%'), unit(p.now.co2Ppm, 'ppm'), fmtTime(p.lastReadingAt)])));
  chart(box, {
    legend: { type: 'scroll' },
    xAxis: { type: 'category', data: HOURS },
    yAxis: { type: 'value', name: '°C' },
    series: v.places.map((p) => ({ name: placeName(p), type: 'line', connectNulls: true,
      data: HOURS.map((_, i) => p.hours.find((x) => x.hour === i)?.temperatureC ?? null) })),
  }, 'temperature-chart');
  const air = v.places.filter((p) => p.kind === 'env_sensor');
  if (air.length) chart(box, {
    legend: { type: 'scroll' },
    xAxis: { type: 'category', data: HOURS },
    yAxis: { type: 'value', name: 'ppm' },
    series: air.map((p) => ({ name: `${placeName(p)} CO₂`, type: 'line', connectNulls: true,
      data: HOURS.map((_, i) => p.hours.find((x) => x.hour === i)?.co2Ppm ?? null) })),
  }, 'air-chart');
}

function drawTraffic(box: HTMLElement, v: Traffic): void {
  box.replaceChildren(
    h('div', { class: 'stats' }, stat('sensors.occupancyNow', fmtNum(v.occupancyNow), 'occupancy-now'), stat('sensors.visitors', fmtNum(v.visitors), 'visitors')),
    h('p', { class: 'muted small' }, t('sensors.anonymous')));
  chart(box, { xAxis: { type: 'category', data: HOURS }, yAxis: { type: 'value' },
    series: [{ name: t('sensors.visitors'), type: 'bar', data: v.hours.map((x) => x.visitorsIn) }] }, 'traffic-chart');
  if (v.zones.length) box.append(table(['sensors.zone', 'sensors.visitors', 'sensors.occupancyNow', 'sensors.dwell'],
    v.zones.map((z) => [label('sensors.zoneName', z.zone), fmtNum(z.visitorsIn), fmtNum(z.occupancyNow), z.dwellMinutes == null ? '—' : `${fmtNum(z.dwellMinutes)} ${t('sensors.minutes')}`])));
}

function placeName(p: Place): string {
  return p.kind === 'fridge_sensor' ? `${t('sensors.fridge')} ${p.deviceId.slice(-4)}` : label('sensors.zoneName', p.zone ?? p.deviceId);
}

function unit(v: number | undefined, u: string): string {
  return v == null ? '—' : `${fmtNum(v)} ${u}`;
}
