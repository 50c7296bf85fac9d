// The owner dashboard (issue 23): today against the same weekday last week, sales over the range by day, week or
// month, sales by hour, category, channel and store, footfall and conversion, best and slowest sellers, open alerts; a date range and a store picker; the rows as
// CSV or Excel; every chart saved as a PNG. All figures come from /reports (rollup buckets), money in fen.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { request, send } from '../api';
import { claims, role } from '../auth';
import { h } from '../dom';
import { errorBox, field } from '../forms';
import { getLang, t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtNum, loading, pageHead, section, table } from './common';
import { fmtFen } from './money';
import { memberPanel, sampleYearNotice } from './dashboard-members';
import { fetchStores, type Store } from './stores';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Measures { orders: number; units: number; gross: number; discounts: number; refunds: number; net: number }
interface SalesRow extends Measures { key: string; label?: string }
interface Sales { rows: SalesRow[]; totals: Measures; timeZone: string }
interface TrafficRow { key: string; visitors: number; orders: number; net: number; conversion: number | null }
interface Traffic { rows: TrafficRow[]; totals: TrafficRow }

const charts: echarts.ECharts[] = [];

/** A local date as yyyy-MM-dd. */
function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The traffic report reads telemetry a day at a time and answers at most this many days: the range's last ones. */
const TRAFFIC_DAYS = 92;

function daysBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return iso(new Date(y, m - 1, d - n));
}

export async function dashboardView(main: HTMLElement, route: Route): Promise<void> {
  charts.splice(0).forEach((c) => c.dispose());
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('dash.title'), errorBox(err));
    return;
  }
  const today = iso(new Date());
  const to = route.query.get('to') || today;
  const from = route.query.get('from') || daysBefore(to, 6);
  const storeId = stores.some((s) => s.storeId === route.query.get('store')) ? route.query.get('store')! : '';
  const names = new Map(stores.map((s) => [s.storeId, s.name ?? s.storeId]));
  const q = { from, to, storeId: storeId || undefined };

  const fromF = field({ name: 'from', label: 'dash.from', type: 'date', value: from });
  const toF = field({ name: 'to', label: 'dash.to', type: 'date', value: to });
  const storeF = field({ name: 'store', label: 'dash.store', value: storeId,
    options: [{ value: '', label: t('dash.allStores') }, ...stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId }))] });
  const apply = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'dash-apply' }, t('dash.apply'));
  const form = h('form', { class: 'search-row', 'data-testid': 'dash-filters' }, fromF, toF, storeF, apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (n: string) => (form.querySelector(`[name=${n}]`) as HTMLInputElement).value;
    go(`#/dashboard?from=${v('from')}&to=${v('to')}${v('store') ? `&store=${encodeURIComponent(v('store'))}` : ''}`);
  });
  const exportBox = h('div', { role: 'status' });
  const csv = h('button', { type: 'button', class: 'btn', 'data-testid': 'export-csv' }, t('dash.exportCsv'));
  const xlsx = h('button', { type: 'button', class: 'btn', 'data-testid': 'export-xlsx' }, t('dash.exportXlsx'));
  csv.addEventListener('click', () => void download('/reports/sales', 'text/csv', 'csv', { ...q, groupBy: 'day' }, exportBox));
  xlsx.addEventListener('click', () => void download('/reports/sales.xlsx', '*/*', 'xlsx', { ...q, groupBy: 'day' }, exportBox));

  const kpis = h('div', { class: 'stats', 'data-testid': 'dash-kpis' }, loading(1));
  const boxes = {
    trend: h('div', { 'data-testid': 'dash-trend' }, loading()),
    hour: h('div', { 'data-testid': 'dash-hour' }, loading()),
    category: h('div', { 'data-testid': 'dash-category' }, loading()),
    channel: h('div', { 'data-testid': 'dash-channel' }, loading()),
    store: h('div', { 'data-testid': 'dash-store' }, loading()),
    traffic: h('div', { 'data-testid': 'dash-traffic' }, loading()),
    products: h('div', { 'data-testid': 'dash-products' }, loading()),
  };
  const owner = role('portal') === 'owner';
  const members = owner ? memberPanel(q, chart) : null;
  const trafficFrom = from > daysBefore(to, TRAFFIC_DAYS - 1) ? from : daysBefore(to, TRAFFIC_DAYS - 1);
  // a range longer than a quarter reads best by week; the owner can pick day, week or month
  const grain = field({ name: 'grain', label: 'dash.grain', value: from < daysBefore(to, 92) ? 'week' : 'day',
    options: (['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`dash.grain.${g}` as Key) })) });
  const grainSelect = grain.querySelector('select') as HTMLSelectElement;
  grainSelect.dataset.testid = 'dash-grain';
  main.replaceChildren(
    pageHead('dash.title', csv, xlsx),
    owner ? sampleYearNotice(claims('portal')?.['custom:tenant_id']) : '',
    h('section', { class: 'card' }, form, h('p', { class: 'muted small' }, t('dash.intro')), exportBox),
    kpis,
    h('div', { class: 'dash-grid' },
      section('dash.byCategory', boxes.category),
      section('dash.byChannel', boxes.channel)),
    section('dash.trend', h('div', { class: 'search-row' }, grain), boxes.trend),
    h('section', { class: 'card' }, h('h2', null, t('dash.byHour', { day: to })), boxes.hour),
    section('dash.byStore', boxes.store),
    h('section', { class: 'card' }, h('h2', null, t('dash.traffic')),
      trafficFrom !== from ? h('p', { class: 'muted small', 'data-testid': 'dash-traffic-period' }, t('dash.trafficPeriod', { from: trafficFrom, to, n: TRAFFIC_DAYS })) : null,
      boxes.traffic),
    section('dash.top', boxes.products),
    members ? members.el : '',
  );

  const sales = (groupBy: string, extra: Record<string, string | undefined> = {}) =>
    request<Sales>('/reports/sales', { query: { ...q, groupBy, ...extra } });
  const trend = () => load(boxes.trend, () => sales(grainSelect.value), (box, s) => bars(box, s.rows.map((r) => r.key), s.rows, 'chart-trend'));
  grainSelect.addEventListener('change', () => void trend());
  await Promise.all([
    trend(),
    load(kpis, () => kpiData(today, storeId, stores), (box, v) => drawKpis(box, v)),
    load(boxes.hour, () => sales('hour', { from: to }), (box, s) => bars(box, s.rows.map((r) => r.key.slice(11)), s.rows, 'chart-hour')),
    load(boxes.category, () => sales('category'), (box, s) => pie(box, s.rows.map((r) => r.key === '-' ? t('dash.uncategorised') : r.label ?? r.key), s.rows, 'chart-category')),
    load(boxes.channel, () => sales('channel'), (box, s) => pie(box, s.rows.map((r) => t(`dash.channel.${r.key}` as Key)), s.rows, 'chart-channel')),
    load(boxes.store, () => sales('store'), (box, s) => bars(box, s.rows.map((r) => names.get(r.key) ?? r.label ?? r.key), s.rows, 'chart-store')),
    load(boxes.traffic, async () => (storeId || stores.length === 1
      ? request<Traffic>('/reports/traffic', { query: { from: trafficFrom, to, storeId: storeId || stores[0].storeId, groupBy: 'day' } }) : null), drawTraffic),
    load(boxes.products, () => sales('product'), drawProducts),
    members ? members.load() : Promise.resolve(),
  ]);
}

async function load<T>(box: HTMLElement, get: () => Promise<T>, draw: (box: HTMLElement, v: T) => void): Promise<void> {
  try {
    draw(box, await get());
  } catch (err) {
    box.replaceChildren(errorBox(err));
  }
}

interface Kpi { today: Measures; lastWeek: Measures; conversion: number | null; alerts: number }

async function kpiData(today: string, storeId: string, stores: Store[]): Promise<Kpi> {
  const weekAgo = daysBefore(today, 7);
  const days = await request<Sales>('/reports/sales', { query: { from: weekAgo, to: today, storeId: storeId || undefined, groupBy: 'day' } });
  const of = (d: string) => days.rows.find((r) => r.key === d) ?? { orders: 0, units: 0, gross: 0, discounts: 0, refunds: 0, net: 0 };
  const sid = storeId || (stores.length === 1 ? stores[0].storeId : '');
  let conversion: number | null = null;
  if (sid) {
    const tr = await request<Traffic>('/reports/traffic', { query: { from: today, to: today, storeId: sid } });
    conversion = tr.totals.conversion;
  }
  let alerts = 0;
  for (const s of (storeId ? stores.filter((x) => x.storeId === storeId) : stores).slice(0, 20)) {
    alerts += (await request<{ items: unknown[] }>('/alerts', { query: { storeId: s.storeId } })).items.length;
  }
  return { today: of(today), lastWeek: of(weekAgo), conversion, alerts };
}

function stat(key: Key, value: string, testid: string, sub?: string): HTMLElement {
  return h('div', { class: 'stat card' }, h('div', { class: 'muted small' }, t(key)),
    h('div', { class: 'stat-value', 'data-testid': testid }, value), sub ? h('div', { class: 'muted small' }, sub) : null);
}

function drawKpis(box: HTMLElement, k: Kpi): void {
  const change = k.lastWeek.net === 0 ? '' : ` (${k.today.net >= k.lastWeek.net ? '+' : ''}${Math.round((k.today.net - k.lastWeek.net) * 100 / Math.abs(k.lastWeek.net))}%)`;
  box.replaceChildren(
    stat('dash.today', fmtFen(k.today.net), 'kpi-today', t('dash.lastWeek', { v: fmtFen(k.lastWeek.net) }) + change),
    stat('dash.ordersToday', fmtNum(k.today.orders), 'kpi-orders', t('dash.lastWeek', { v: fmtNum(k.lastWeek.orders) })),
    stat('dash.conversion', k.conversion == null ? t('dash.noVisitors') : `${(k.conversion * 100).toFixed(1)}%`, 'kpi-conversion'),
    stat('dash.alerts', fmtNum(k.alerts), 'kpi-alerts'),
  );
}

export function chart(box: HTMLElement, option: echarts.EChartsCoreOption, testid: string): void {
  const el = h('div', { class: 'chart', 'data-testid': testid, role: 'img', 'aria-label': t('dash.chart') });
  const png = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': `${testid}-png` }, t('dash.png'));
  box.replaceChildren(el, h('div', { class: 'actions' }, png));
  const c = echarts.init(el, undefined, { renderer: 'canvas', locale: getLang() === 'en' ? 'EN' : 'ZH' });
  c.setOption({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 56, right: 12, top: 36, bottom: 40, containLabel: true }, ...option });
  charts.push(c);
  el.dataset.points = String(dataPoints(c));
  exposeChart(el, c);
  new ResizeObserver(() => c.resize()).observe(el);
  png.addEventListener('click', () => {
    const a = h('a', { href: c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), download: `${testid}.png` });
    document.body.append(a);
    a.click();
    a.remove();
  });
}

/** The chart on its element, so that a reader without the canvas (the browser journeys) can read getOption(). */
function exposeChart(el: HTMLElement, c: echarts.ECharts): void {
  (el as HTMLElement & { echarts?: echarts.ECharts }).echarts = c;
}

/** How many non-zero values a chart's series hold: what a journey (or a reader without the canvas) checks it shows. */
function dataPoints(c: echarts.ECharts): number {
  const series = ((c.getOption() as { series?: { data?: unknown[] }[] }).series ?? []);
  const num = (v: unknown): number => Number(Array.isArray(v) ? v[v.length - 1] : v && typeof v === 'object' ? (v as { value?: unknown }).value : v);
  return series.reduce((n, s) => n + (s.data ?? []).filter((v) => { const x = num(v); return Number.isFinite(x) && x !== 0; }).length, 0);
}

const yuan = (fen: number) => Math.round(fen) / 100;

function bars(box: HTMLElement, labels: string[], rows: SalesRow[], testid: string): void {
  if (!rows.some((r) => r.orders || r.net)) {
    box.replaceChildren(empty('dash.noSales'));
    return;
  }
  chart(box, {
    legend: { data: [t('dash.net'), t('dash.orders')] },
    xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', name: '¥' }, { type: 'value', name: t('dash.orders') }],
    series: [
      { name: t('dash.net'), type: 'bar', data: rows.map((r) => yuan(r.net)) },
      { name: t('dash.orders'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.orders) },
    ],
  }, testid);
}

function pie(box: HTMLElement, labels: string[], rows: SalesRow[], testid: string): void {
  if (!rows.length) {
    box.replaceChildren(empty('dash.noSales'));
    return;
  }
  chart(box, {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map((r, i) => ({ name: labels[i], value: yuan(r.net) })) }],
  }, testid);
}

function drawTraffic(box: HTMLElement, tr: Traffic | null): void {
  if (!tr) {
    box.replaceChildren(h('p', { class: 'muted' }, t('dash.pickStore')));
    return;
  }
  chart(box, {
    legend: { data: [t('dash.visitors'), t('dash.orders'), t('dash.rate')] },
    xAxis: { type: 'category', data: tr.rows.map((r) => r.key.slice(5)) },
    yAxis: [{ type: 'value' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: t('dash.visitors'), type: 'bar', data: tr.rows.map((r) => r.visitors) },
      { name: t('dash.orders'), type: 'bar', data: tr.rows.map((r) => r.orders) },
      { name: t('dash.rate'), type: 'line', yAxisIndex: 1, data: tr.rows.map((r) => (r.conversion == null ? null : Math.round(r.conversion * 1000) / 10)) },
    ],
  }, 'chart-traffic');
}

function drawProducts(box: HTMLElement, s: Sales): void {
  if (!s.rows.length) {
    box.replaceChildren(empty('dash.noSales'));
    return;
  }
  const top = s.rows.slice(0, 5);
  const bottom = s.rows.slice(-5).reverse().filter((r) => !top.includes(r));
  const rows = (list: SalesRow[]) => list.map((r) => [r.label ?? r.key, fmtNum(r.units), fmtFen(r.net)]);
  const chartBox = h('div');
  box.replaceChildren(chartBox, table(['dash.product', 'dash.units', 'dash.net'], rows(top), 'dash.top'));
  if (bottom.length) {
    box.append(h('div', { 'data-testid': 'dash-bottom' }, h('h3', null, t('dash.bottom')),
      table(['dash.product', 'dash.units', 'dash.net'], rows(bottom), 'dash.bottom')));
  }
  chart(chartBox, {
    xAxis: { type: 'value', name: '¥' },
    yAxis: { type: 'category', data: top.map((r) => r.label ?? r.key).reverse() },
    series: [{ name: t('dash.net'), type: 'bar', data: top.map((r) => yuan(r.net)).reverse() }],
  }, 'chart-products');
}

async function download(path: string, accept: string, ext: string, query: Record<string, string | undefined>, box: HTMLElement): Promise<void> {
  try {
    const res = await send(path, { accept, query });
    const blob = await res.blob();
    const a = h('a', { href: URL.createObjectURL(blob), download: `sales-${query.from}-${query.to}.${ext}`, 'data-testid': `download-${ext}` });
    document.body.append(a);
    a.click();
    a.remove();
    box.replaceChildren();
  } catch (err) {
    box.replaceChildren(errorBox(err));
  }
}
