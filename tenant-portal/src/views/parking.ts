// A store's car park (owner and staff): occupancy now, cars by hour today (ECharts), revenue, the stays, and the
// owner's tariff editor. Shown for department stores and supermarkets; a convenience store once it has a car park.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { request } from '../api';
import { role } from '../auth';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { getLang, t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtTime, loading, pageHead, section, table } from './common';
import { fmtFen, yuanToFen } from './money';
import { fetchStores, type Store } from './stores';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface CarPark {
  name: string;
  zones: { zone: string; spaces: number; occupied: number }[];
  tariff: { perHourFen: number; freeMinutes: number; dailyCapFen: number };
  memberFreeHours: { spendFen: number; hours: number }[];
  graceMinutes: number;
  spaces: number;
  occupied: number;
  free: number;
  linkToken: string;
}
interface Stay {
  sessionId: string;
  plate: string | null;
  status: string;
  enteredAt: string;
  exitedAt: string | null;
  zone: string | null;
  space: string | null;
  fee: number;
  paid: number;
}
interface Day {
  hours: { hour: number; cars: number; entries: number }[];
  revenue: number;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function parkingView(main: HTMLElement, route: Route): Promise<void> {
  const isOwner = role('portal') === 'owner';
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('parking.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores.find((s) => s.format !== 'convenience') ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('parking.title'), empty('stores.empty'));
    return;
  }
  const base = `/stores/${encodeURIComponent(store.storeId)}/car-park`;
  const picker = field({ name: 'store', label: 'parking.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/parking?store=${(e.target as HTMLSelectElement).value}`));
  const body = h('div', { 'data-testid': 'parking-body' }, loading());
  main.replaceChildren(pageHead('parking.title'), h('p', { class: 'muted' }, t('parking.intro')), picker, body);

  let park: CarPark | null = null;
  try {
    park = await request<CarPark>(base);
  } catch (err) {
    if ((err as { code?: string }).code !== 'parking.no_car_park') {
      body.replaceChildren(errorBox(err));
      return;
    }
  }
  const parts: HTMLElement[] = [];
  if (!park) {
    parts.push(empty('parking.none'));
    if (store.format === 'convenience') parts.push(h('p', { class: 'muted small' }, t('parking.notShown')));
  } else {
    const [day, stays] = await Promise.all([
      request<Day>(`${base}/day?date=${today()}`).catch(() => null),
      request<{ items: Stay[] }>(`${base}/sessions?limit=50`).catch(() => ({ items: [] as Stay[] })),
    ]);
    parts.push(
      h('div', { class: 'tiles parking-tiles', 'data-testid': 'parking-occupancy' },
        card('parking.occupied', String(park.occupied), 'parking-occupied'),
        card('parking.free', String(park.free), 'parking-free'),
        card('parking.spaces', String(park.spaces), 'parking-spaces'),
        card('parking.revenue', fmtFen(day?.revenue ?? 0), 'parking-revenue')),
      section('parking.zones.title', table(['parking.zone', 'parking.spaces', 'parking.occupied'], park.zones.map((z) => [z.zone, String(z.spaces), String(z.occupied)]))),
    );
    if (day) {
      const now = new Date(Date.now() + 8 * 3600_000).getUTCHours();
      parts.push(section('parking.byHour', chart(day, now)));
    }
    parts.push(section('parking.sessions', h('div', { 'data-testid': 'parking-sessions' }, stays.items.length
      ? table(['parking.plate', 'parking.status', 'parking.entered', 'parking.exited', 'parking.zone', 'parking.space', 'parking.fee', 'parking.paid'],
          stays.items.map((s) => [s.plate ?? '—', t(`parking.status.${s.status}` as Key), fmtTime(s.enteredAt), s.exitedAt ? fmtTime(s.exitedAt) : '—',
            s.zone ?? '—', s.space ?? '—', s.status === 'parked' ? '—' : fmtFen(s.fee), fmtFen(s.paid)]))
      : empty('parking.noStays'))));
    const link = `${location.origin}${location.pathname}#/park/${encodeURIComponent(store.storeId)}?t=${encodeURIComponent(park.linkToken)}`;
    parts.push(section('parking.link', h('p', { class: 'muted small' }, t('parking.linkHint')),
      h('p', { class: 'small' }, h('a', { href: link, class: 'break-all', target: '_blank', rel: 'noopener', 'data-testid': 'parking-link' }, link))));
  }
  if (isOwner) parts.push(section('parking.tariff', editor(base, park, () => go(`#/parking?store=${store.storeId}&saved=${Date.now()}`))));
  body.replaceChildren(...parts);
}

function card(label: Key, value: string, testid: string): HTMLElement {
  return h('div', { class: 'card stat' }, h('p', { class: 'muted small' }, t(label)), h('p', { class: 'stat-value', 'data-testid': testid }, value));
}

/** Today's hours; those after `now` have not happened yet and stay empty. */
function chart(day: Day, now: number): HTMLElement {
  const upToNow = (n: number, hour: number) => (hour <= now ? n : null);
  const el = h('div', { class: 'chart', 'data-testid': 'parking-chart', role: 'img', 'aria-label': t('parking.byHour') });
  requestAnimationFrame(() => {
    const c = echarts.init(el, undefined, { renderer: 'canvas', locale: getLang() === 'en' ? 'EN' : 'ZH' });
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 36, bottom: 24 },
      legend: { data: [t('parking.cars'), t('parking.entries')] },
      xAxis: { type: 'category', data: day.hours.map((x) => `${x.hour}:00`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('parking.cars'), type: 'bar', data: day.hours.map((x) => upToNow(x.cars, x.hour)), barMaxWidth: 18, itemStyle: { color: '#1d4ed8' } },
        { name: t('parking.entries'), type: 'bar', data: day.hours.map((x) => upToNow(x.entries, x.hour)), barMaxWidth: 18, itemStyle: { color: '#94a3b8' } },
      ],
    });
  });
  return el;
}

function editor(base: string, p: CarPark | null, done: () => void): HTMLElement {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const rule = p?.memberFreeHours[0];
  const form = h('form', { novalidate: true, class: 'stack parking-editor', 'data-testid': 'parking-editor' },
    formAlert(),
    field({ name: 'name', label: 'parking.name', required: true, value: p?.name ?? '' }),
    field({ name: 'zones', label: 'parking.zones', required: true, value: p ? p.zones.map((z) => `${z.zone}:${z.spaces}`).join(', ') : 'B1:40' }),
    field({ name: 'tariff.perHourFen', label: 'parking.perHour', required: true, inputmode: 'decimal', value: p ? yuan(p.tariff.perHourFen) : '5.00' }),
    field({ name: 'tariff.freeMinutes', label: 'parking.freeMinutes', required: true, inputmode: 'numeric', value: String(p?.tariff.freeMinutes ?? 15) }),
    field({ name: 'tariff.dailyCapFen', label: 'parking.dailyCap', required: true, inputmode: 'decimal', value: p ? yuan(p.tariff.dailyCapFen) : '40.00' }),
    field({ name: 'memberFreeHours[0].spendFen', label: 'parking.memberFree', inputmode: 'decimal', value: rule ? yuan(rule.spendFen) : '100.00' }),
    field({ name: 'memberFreeHours[0].hours', label: 'parking.memberHours', inputmode: 'numeric', value: String(rule?.hours ?? 2) }),
    field({ name: 'graceMinutes', label: 'parking.grace', required: true, inputmode: 'numeric', value: String(p?.graceMinutes ?? 15) }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('parking.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form as HTMLFormElement);
    const int = (s: string | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : s);
    const zones = (v.zones ?? '').split(/[,，]/).map((x) => x.trim()).filter(Boolean).map((x) => {
      const [zone, spaces] = x.split(/[:：]/);
      return { zone: (zone ?? '').trim(), spaces: int(spaces) };
    });
    const free = v['memberFreeHours[0].spendFen'] ? [{ spendFen: yuanToFen(v['memberFreeHours[0].spendFen']), hours: int(v['memberFreeHours[0].hours']) }] : [];
    await busy(form as HTMLFormElement, async () => {
      try {
        await request(base, { method: 'PUT', body: {
          name: v.name, zones, graceMinutes: int(v.graceMinutes), memberFreeHours: free,
          tariff: { perHourFen: yuanToFen(v['tariff.perHourFen'] ?? ''), freeMinutes: int(v['tariff.freeMinutes']), dailyCapFen: yuanToFen(v['tariff.dailyCapFen'] ?? '') },
        } });
        done();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return form;
}
