// Purchasing (owner, staff): replenishment suggestions → purchase orders, the forecast of a product with its 80 % and
// 95 % bands (Apache ECharts, loaded with this page only), purchase orders (send as CSV / Excel / e-mail, receive
// with short deliveries), suppliers and their terms, assortment and pricing hints.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, button, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { getLang, t } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, label, loading, pageHead, section, table } from './common';
import { fetchStores, type Store } from './stores';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Suggestion {
  gtin: string; name: string; supplierId: string; supplierName: string; leadTimeDays: number; casePack: number; minOrder: number;
  available: number; onOrder: number; forecastOverLeadTime: number; quantity: number; stockOutRisk: boolean; reason: string;
}
interface Point { date: string; p50: number; expected: number; lo80: number; hi80: number; lo95: number; hi95: number }
interface Forecast { model: string; demandClass: string; mase: number | null; naiveMase: number | null; backtestDays: number; points: Point[] }
interface PoLine { gtin: string; quantity: number; received: number; short: number; cost: number }
interface Po { purchaseOrderId: string; supplierId: string; storeId: string; status: string; lines: PoLine[]; total: number }
interface Supplier { supplierId: string; name: string; email: string | null; items: { gtin: string; leadTimeDays: number; casePack: number; minOrder: number; cost: number }[] }
interface Hints {
  abc: { gtin: string; name: string; class: string; reason: string }[];
  slowMovers: { gtin: string; name: string; delistCandidate: boolean; reason: string }[];
  markdowns: { gtin: string; name: string; percent: number; suggestedPrice: number; reason: string }[];
}

const charts: echarts.ECharts[] = [];
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export async function purchasingView(main: HTMLElement, route: Route): Promise<void> {
  charts.splice(0).forEach((c) => c.dispose());
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('pur.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('pur.title'), empty('stores.empty'));
    return;
  }
  const level = ['0.9', '0.95', '0.98', '0.99'].includes(route.query.get('sl') ?? '') ? route.query.get('sl')! : '0.95';
  const sid = encodeURIComponent(store.storeId);
  const picker = field({ name: 'store', label: 'pur.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: store.storeId });
  const sl = field({ name: 'serviceLevel', label: 'pur.serviceLevel', options: ['0.9', '0.95', '0.98', '0.99'].map((v) => ({ value: v, label: `${Math.round(Number(v) * 100)}%` })), value: level });
  const nav = () => go(`#/purchasing?store=${(picker.querySelector('select') as HTMLSelectElement).value}&sl=${(sl.querySelector('select') as HTMLSelectElement).value}`);
  picker.querySelector('select')?.addEventListener('change', nav);
  sl.querySelector('select')?.addEventListener('change', nav);
  const notice = h('div', { role: 'status', 'aria-live': 'polite' });
  const repl = h('div', { 'data-testid': 'replenishment' }, loading());
  const fc = h('div', { 'data-testid': 'forecast' });
  const pos = h('div', { 'data-testid': 'purchase-orders' }, loading());
  const sups = h('div', { 'data-testid': 'suppliers' }, loading());
  const hints = h('div', { 'data-testid': 'assortment' }, loading());
  const gtinField = field({ name: 'gtin', label: 'pur.gtin', inputmode: 'numeric' });
  const fcForm = h('form', { class: 'search-row', novalidate: true }, gtinField, h('button', { type: 'submit', class: 'btn' }, t('pur.showForecast')));
  main.replaceChildren(
    pageHead('pur.title'),
    h('section', { class: 'card' }, h('div', { class: 'search-row' }, picker, sl), h('p', { class: 'muted small' }, t('pur.intro'))),
    notice,
    section('pur.replenishment', repl),
    section('pur.forecast', fcForm, fc),
    section('pur.orders', pos),
    section('pur.suppliers', sups),
    section('pur.assortment', hints),
  );
  const say = (msg: string) => notice.replaceChildren(h('p', { class: 'alert alert-success' }, msg));

  const showForecast = async (gtin: string) => {
    (gtinField.querySelector('input') as HTMLInputElement).value = gtin;
    fc.replaceChildren(loading(2));
    try {
      const f = await request<Forecast>('/reports/forecast', { query: { storeId: store.storeId, gtin, days: 28 } });
      drawForecast(fc, f);
    } catch (err) {
      fc.replaceChildren(errorBox(err));
    }
  };
  fcForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const g = (gtinField.querySelector('input') as HTMLInputElement).value.trim();
    if (g) void showForecast(g);
  });

  const drawRepl = async () => {
    try {
      const r = await request<{ items: Suggestion[] }>(`/stores/${sid}/replenishment`, { query: { serviceLevel: level } });
      if (!r.items.length) {
        repl.replaceChildren(empty('pur.noSuggestions'));
        return;
      }
      const boxes = new Map<string, HTMLInputElement>();
      const qty = new Map<string, HTMLInputElement>();
      const rows = r.items.map((s) => {
        const cb = h('input', { type: 'checkbox', checked: s.quantity > 0, 'aria-label': `${t('pur.col.pick')} ${s.name}`, 'data-testid': `pick-${s.gtin}` }) as HTMLInputElement;
        const q = h('input', { type: 'number', min: '1', step: String(s.casePack), value: String(Math.max(s.quantity, s.casePack)), class: 'qty', 'aria-label': `${t('pur.col.quantity')} ${s.name}` }) as HTMLInputElement;
        boxes.set(s.gtin, cb);
        qty.set(s.gtin, q);
        const link = h('a', { href: '#', 'data-testid': `fc-${s.gtin}` }, s.name);
        link.addEventListener('click', (e) => { e.preventDefault(); void showForecast(s.gtin); });
        return [cb, h('span', null, link, s.stockOutRisk ? h('span', { class: 'badge badge-suspended' }, ' ', t('pur.risk')) : null),
          s.supplierName, String(s.available), String(s.onOrder), String(s.forecastOverLeadTime), q, h('span', { class: 'small' }, s.reason)];
      });
      const create = button('pur.createPo', { class: 'btn btn-primary', 'data-testid': 'create-po' });
      create.addEventListener('click', async () => {
        const picked = r.items.filter((s) => boxes.get(s.gtin)!.checked);
        if (!picked.length) {
          notice.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, t('pur.nothingPicked')));
          return;
        }
        const bySupplier = new Map<string, Suggestion[]>();
        picked.forEach((s) => bySupplier.set(s.supplierId, [...(bySupplier.get(s.supplierId) ?? []), s]));
        try {
          for (const [supplierId, lines] of bySupplier) {
            await request('/purchase-orders', { method: 'POST', idempotencyKey: uuid(), body: { supplierId, storeId: store.storeId,
              lines: lines.map((s) => ({ gtin: s.gtin, quantity: Number(qty.get(s.gtin)!.value) })) } });
          }
          say(t('pur.created', { n: bySupplier.size }));
        } catch (err) {
          notice.replaceChildren(errorBox(err));
        }
        await drawPos();
      });
      repl.replaceChildren(table(['pur.col.pick', 'pur.col.product', 'pur.col.supplier', 'pur.col.available', 'pur.col.onOrder', 'pur.col.forecast',
        'pur.col.quantity', 'pur.col.reason'], rows, 'pur.replenishment'), h('div', { class: 'actions' }, create));
      if (!(gtinField.querySelector('input') as HTMLInputElement).value) void showForecast(r.items[0].gtin);
    } catch (err) {
      repl.replaceChildren(errorBox(err));
    }
  };

  const drawPos = async () => {
    try {
      const page = await request<{ items: Po[] }>('/purchase-orders', { query: { storeId: store.storeId, limit: 20 } });
      if (!page.items.length) {
        pos.replaceChildren(empty('pur.noOrders'));
        return;
      }
      pos.replaceChildren(table(['pur.col.po', 'pur.col.status', 'pur.col.lines', 'pur.col.total', 'pur.col.actions'], page.items.map((po) => [
        po.purchaseOrderId,
        h('span', { 'data-testid': `status-${po.purchaseOrderId}` }, label('pur.status', po.status)),
        h('span', { class: 'small' }, po.lines.map((l) => `${l.gtin} × ${l.quantity}${l.received ? ` (${l.received}✓)` : ''}${l.short ? ` ${t('pur.short', { n: l.short })}` : ''}`).join('; ')),
        yuan(po.total),
        poActions(po),
      ]), 'pur.orders'));
    } catch (err) {
      pos.replaceChildren(errorBox(err));
    }
  };

  const poActions = (po: Po): HTMLElement => {
    const box = h('div', { class: 'actions' });
    const act = async (fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        notice.replaceChildren(errorBox(err));
      }
      await Promise.all([drawPos(), drawRepl()]);
    };
    const id = encodeURIComponent(po.purchaseOrderId);
    if (po.status === 'draft') {
      for (const via of ['csv', 'xlsx', 'email'] as const) {
        const b = button(via === 'csv' ? 'pur.sendCsv' : via === 'xlsx' ? 'pur.sendXlsx' : 'pur.sendEmail', { 'data-testid': `send-${via}-${po.purchaseOrderId}` });
        b.addEventListener('click', () => void act(async () => {
          const r = await request<{ document: { filename: string; contentType: string; contentBase64: string } | null; messageId: string | null }>(
            `/purchase-orders/${id}/send`, { method: 'POST', body: { via }, idempotencyKey: uuid() });
          if (r.document) download(r.document);
          say(r.messageId ? t('pur.emailed', { id: r.messageId }) : t('pur.sent'));
        }));
        box.append(b);
      }
    }
    if (po.status === 'sent' || po.status === 'partially_received') {
      const b = button('pur.receive', { class: 'btn btn-primary', 'data-testid': `receive-${po.purchaseOrderId}` });
      b.addEventListener('click', () => box.replaceChildren(receiveForm(po, () => void Promise.all([drawPos(), drawRepl()]))));
      box.append(b);
    }
    if (po.status === 'draft' || (po.status === 'sent' && po.lines.every((l) => l.received === 0))) {
      const c = button('pur.cancel', { 'data-testid': `cancel-${po.purchaseOrderId}` });
      c.addEventListener('click', () => void act(async () => { await request(`/purchase-orders/${id}/cancel`, { method: 'POST', idempotencyKey: uuid() }); }));
      box.append(c);
    }
    return box;
  };

  const receiveForm = (po: Po, done: () => void): HTMLElement => {
    const form = h('form', { class: 'stack', novalidate: true, 'data-testid': `receipt-form-${po.purchaseOrderId}` }, formAlert(),
      h('p', null, h('strong', null, t('pur.receiveTitle', { id: po.purchaseOrderId }))),
      ...po.lines.filter((l) => l.quantity > l.received).flatMap((l, i) => [
        field({ name: `lines[${i}].quantity`, label: 'pur.gtin', type: 'number', value: String(l.quantity - l.received), attrs: { 'data-gtin': l.gtin, min: '0' } }),
        field({ name: `lines[${i}].expiresOn`, label: 'pur.expiresOn', type: 'date' }),
      ]),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'closes', 'data-testid': 'closes' }), ' ', t('pur.closes')),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'confirm-receipt' }, t('pur.confirmReceipt')));
    // each quantity's label names its product and what is still outstanding
    po.lines.filter((l) => l.quantity > l.received).forEach((l, i) => {
      const lab = form.querySelector(`[name="lines[${i}].quantity"]`)?.closest('.field')?.querySelector('label');
      if (lab) lab.textContent = t('pur.receiveQty', { name: l.gtin, left: l.quantity - l.received });
    });
    const key = uuid();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(form);
      const v = values(form);
      const lines = po.lines.filter((l) => l.quantity > l.received).map((l, i) => ({ gtin: l.gtin, quantity: Number(v[`lines[${i}].quantity`] || 0),
        ...(v[`lines[${i}].expiresOn`] ? { expiresOn: v[`lines[${i}].expiresOn`] } : {}) }));
      void busy(form, async () => {
        try {
          await request(`/purchase-orders/${encodeURIComponent(po.purchaseOrderId)}/receipts`, { method: 'POST', idempotencyKey: key,
            body: { lines, closes: (form.querySelector('[name=closes]') as HTMLInputElement).checked } });
          say(t('pur.received'));
          done();
        } catch (err) {
          showError(form, err);
        }
      });
    });
    return form;
  };

  const drawSuppliers = async () => {
    try {
      const page = await request<{ items: Supplier[] }>('/suppliers', { query: { limit: 50 } });
      const list = page.items.length
        ? table(['pur.col.supplier', 'pur.supplierEmail', 'pur.col.terms'], page.items.map((s) => [s.name, s.email ?? '—',
          h('span', { class: 'small' }, s.items.map((i) => t('pur.terms', { gtin: i.gtin, lead: i.leadTimeDays, pack: i.casePack, min: i.minOrder, cost: (i.cost / 100).toFixed(2) })).join('; '))]), 'pur.suppliers')
        : empty('pur.noSuppliers');
      const form = h('form', { class: 'grid-form', novalidate: true, 'data-testid': 'supplier-form' }, formAlert(),
        field({ name: 'name', label: 'pur.supplierName', required: true }),
        field({ name: 'email', label: 'pur.supplierEmail', type: 'email' }),
        field({ name: 'items[0].gtin', label: 'pur.itemGtin', required: true, inputmode: 'numeric' }),
        field({ name: 'items[0].leadTimeDays', label: 'pur.leadTime', type: 'number', value: '3', required: true }),
        field({ name: 'items[0].casePack', label: 'pur.casePack', type: 'number', value: '12', required: true }),
        field({ name: 'items[0].minOrder', label: 'pur.minOrder', type: 'number', value: '0', required: true }),
        field({ name: 'items[0].cost', label: 'pur.cost', type: 'number', value: '', required: true, attrs: { step: '0.01', min: '0' } }),
        h('button', { type: 'submit', class: 'btn btn-primary' }, t('pur.addSupplier')));
      const key = uuid();
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        clearErrors(form);
        const v = values(form);
        const body = { name: v.name, ...(v.email ? { email: v.email } : {}), items: [{ gtin: v['items[0].gtin'],
          leadTimeDays: Number(v['items[0].leadTimeDays']), casePack: Number(v['items[0].casePack']), minOrder: Number(v['items[0].minOrder']),
          cost: Math.round(Number(v['items[0].cost']) * 100) }] };
        void busy(form, async () => {
          try {
            await request('/suppliers', { method: 'POST', body, idempotencyKey: key });
            say(t('pur.supplierAdded'));
            await Promise.all([drawSuppliers(), drawRepl()]);
          } catch (err) {
            showError(form, err);
          }
        });
      });
      sups.replaceChildren(list, form);
    } catch (err) {
      sups.replaceChildren(errorBox(err));
    }
  };

  const drawHints = async () => {
    try {
      const a = await request<Hints>('/reports/assortment', { query: { storeId: store.storeId } });
      hints.replaceChildren(
        h('h3', null, t('pur.markdowns')),
        a.markdowns.length ? table(['pur.col.product', 'pur.col.percent', 'pur.col.price', 'pur.col.reason'],
          a.markdowns.map((m) => [m.name, `${m.percent}%`, yuan(m.suggestedPrice), h('span', { class: 'small' }, m.reason)]), 'pur.markdowns') : empty('pur.noHints'),
        h('h3', null, t('pur.slow')),
        a.slowMovers.length ? table(['pur.col.product', 'pur.col.reason'],
          a.slowMovers.map((m) => [h('span', null, m.name, m.delistCandidate ? h('span', { class: 'badge badge-muted' }, ' ', t('pur.delist')) : null),
            h('span', { class: 'small' }, m.reason)]), 'pur.slow') : empty('pur.noHints'),
        h('h3', null, t('pur.abc')),
        a.abc.length ? table(['pur.col.product', 'pur.col.class', 'pur.col.reason'],
          a.abc.slice(0, 30).map((m) => [m.name, m.class, h('span', { class: 'small' }, m.reason)]), 'pur.abc') : empty('pur.noHints'),
      );
    } catch (err) {
      hints.replaceChildren(errorBox(err));
    }
  };

  await Promise.all([drawRepl(), drawPos(), drawSuppliers(), drawHints()]);
}

function download(doc: { filename: string; contentType: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(doc.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: doc.contentType }));
  const a = h('a', { href: url, download: doc.filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function drawForecast(box: HTMLElement, f: Forecast): void {
  box.replaceChildren(
    h('p', { 'data-testid': 'forecast-model' }, t('pur.model', { model: f.model, cls: f.demandClass })),
    h('p', { class: 'muted small', 'data-testid': 'forecast-mase' }, f.mase == null ? t('pur.noMase')
      : t('pur.mase', { mase: f.mase.toFixed(2), naive: (f.naiveMase ?? 0).toFixed(2), days: f.backtestDays })),
  );
  const el = h('div', { class: 'chart', 'data-testid': 'forecast-chart', role: 'img', 'aria-label': t('pur.chart') });
  box.append(el);
  const c = echarts.init(el, undefined, { renderer: 'canvas', locale: getLang() === 'en' ? 'EN' : 'ZH' });
  const days = f.points.map((p) => p.date.slice(5));
  const band = (name: string, lo: number[], hi: number[], color: string, stack: string) => [
    { name, type: 'line', stack, data: lo, lineStyle: { opacity: 0 }, symbol: 'none', itemStyle: { color }, tooltip: { show: false } },
    { name, type: 'line', stack, data: hi.map((v, i) => Math.max(0, v - lo[i])), lineStyle: { opacity: 0 }, symbol: 'none', itemStyle: { color }, areaStyle: { color } },
  ];
  c.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 36, bottom: 24 },
    legend: { data: [t('pur.mean'), t('pur.expected'), t('pur.band80'), t('pur.band95')] },
    xAxis: { type: 'category', data: days, boundaryGap: false },
    yAxis: { type: 'value', min: 0 },
    series: [
      ...band(t('pur.band95'), f.points.map((p) => p.lo95), f.points.map((p) => p.hi95), 'rgba(37, 99, 235, 0.15)', 'b95'),
      ...band(t('pur.band80'), f.points.map((p) => p.lo80), f.points.map((p) => p.hi80), 'rgba(37, 99, 235, 0.3)', 'b80'),
      { name: t('pur.mean'), type: 'line', data: f.points.map((p) => p.p50), symbol: 'none', itemStyle: { color: '#1d4ed8' }, lineStyle: { width: 2, color: '#1d4ed8' } },
      { name: t('pur.expected'), type: 'line', data: f.points.map((p) => p.expected), symbol: 'none', itemStyle: { color: '#b45309' }, lineStyle: { width: 1.5, type: 'dashed', color: '#b45309' } },
    ],
  });
  charts.push(c);
  (el as HTMLElement & { echarts?: echarts.ECharts }).echarts = c; // for the browser journeys' getOption()
  new ResizeObserver(() => c.resize()).observe(el);
}
