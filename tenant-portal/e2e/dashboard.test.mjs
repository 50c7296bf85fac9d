// Journey: the owner dashboard (issue 23). Two till sales are placed and paid through the API, then the owner opens
// the dashboard: today's net and orders, sales by hour, category, channel and store, footfall, best sellers — the
// charts are drawn with the new sales in them; a chart is saved as PNG and the rows exported as CSV and Excel. A member
// joins and is given points: the member panel shows the newcomer and the points liability.
// Desktop 1366x768 in zh-CN, phone 390x844 in English. Needs the real API (BASE_URL): the figures come from the
// rollups the order events feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

async function api(path, { token, method, body, key, accept } = {}) {
  const headers = { Accept: accept ?? 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  const res = await fetch(`${env.baseUrl}${path}`, { method: method ?? (body !== undefined ? 'POST' : 'GET'), headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Today's net for the store, from the report (the rollup is asynchronous: wait until it moved past {@code above}). */
async function netToday(owner, storeId, above = -Infinity) {
  const until = Date.now() + 60_000;
  for (;;) {
    const r = await api(`/reports/sales?from=${today()}&to=${today()}&storeId=${storeId}&groupBy=day`, { token: owner });
    if (r.totals.net > above || Date.now() > until) return r.totals.net;
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function sized(browser, width, height) {
  const page = await newPage(browser, { mobile: width < 500 });
  await page.setViewportSize({ width, height });
  return page;
}

/** The owner on a 390 px phone, the portal switched to English, on the dashboard. */
async function dashboardOnPhoneInEnglish() {
  const phone = await sized(env.browser, 390, 844);
  assert.equal(await portalLogin(phone, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await phone.click('[data-testid=menu]');
  await phone.selectOption('.topbar [data-testid=lang]', 'en');
  await phone.waitForFunction(() => document.documentElement.lang === 'en');
  if ((await phone.getAttribute('[data-testid=menu]', 'aria-expanded')) !== 'true') await phone.click('[data-testid=menu]');
  await phone.click('nav a[href="#/dashboard"]');
  return phone;
}

async function charts(page) {
  for (const id of ['chart-hour', 'chart-category', 'chart-channel', 'chart-store', 'chart-products']) {
    await page.waitForSelector(`[data-testid=${id}] canvas`);
    // drawn with data, not just there: the series hold non-zero values, and the canvas has painted more than its axes
    const points = Number(await page.getAttribute(`[data-testid=${id}]`, 'data-points'));
    assert.ok(points > 0, `${id} holds data (${points} non-zero values)`);
    const inked = await page.$eval(`[data-testid=${id}] canvas`, (cv) => {
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
      const colours = new Set();
      let painted = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        painted++;
        colours.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      }
      return { painted, colours: colours.size };
    });
    assert.ok(inked.painted > 500 && inked.colours > 3, `${id} has bars, lines or slices drawn: ${JSON.stringify(inked)}`);
  }
}

test('dashboard: two paid till sales show in today\'s figures and every chart, with exports (zh-CN desktop, en phone)', { timeout: 240_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const store = (await api('/stores', { token: owner })).items[0];
  const before = await netToday(owner, store.storeId);
  const water = '06900000000014';
  let paid = 0;
  for (const qty of [2, 3]) {
    const o = await api('/orders', { token: owner, key: unique(), body: { storeId: store.storeId, channel: 'pos', fulfilment: 'in_store', lines: [{ gtin: water, qty }] } });
    await api(`/orders/${o.orderId}/payments`, { token: owner, key: unique(), body: { method: 'cash', tendered: o.total } });
    paid += o.total;
  }
  const after = await netToday(owner, store.storeId, before + paid - 1);
  assert.equal(after, before + paid, 'the report moved by what was paid');
  // a member joins and gets points: the member panel (issue 23) has today's newcomer and the liability moves
  const memberPhone = `139${String(Date.now()).slice(-8)}`;
  const joined = await api('/members', { token: owner, key: unique(), body: { phone: memberPhone, name: '看板会员', storeId: store.storeId } });
  await api(`/members/${joined.memberId}/points/adjust`, { token: owner, key: unique(), body: { delta: 1234, reason: '看板测试', storeId: store.storeId } });
  const until = Date.now() + 60_000;
  let members;
  do {
    members = await api(`/reports/members?from=${today()}&to=${today()}&storeId=${store.storeId}&groupBy=day`, { token: owner });
    if (members.totals.newMembers >= 1 && members.totals.pointsIssued >= 1234) break;
    await new Promise((ok) => setTimeout(ok, 200));
  } while (Date.now() < until);
  assert.ok(members.totals.newMembers >= 1 && members.totals.pointsIssued >= 1234, 'the member report holds the newcomer and the points');

  const page = await sized(env.browser, 1366, 768);
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('nav a[href="#/dashboard"]');
  await page.selectOption('[data-testid=dash-filters] select[name=store]', store.storeId);
  await page.click('[data-testid=dash-apply]');
  await page.waitForFunction(() => /store=/.test(location.hash));
  await charts(page);
  await page.waitForSelector('[data-testid=chart-traffic] canvas');
  const kpi = await page.textContent('[data-testid=kpi-today]');
  const fen = Math.round(Number(kpi.replace(/[^0-9.-]/g, '')) * 100);
  assert.ok(fen >= after, `today's net on the card (${kpi}) holds the sales`);
  assert.ok(Number(await page.textContent('[data-testid=kpi-orders]')) >= 2);
  assert.match(await page.textContent('[data-testid=dash-products] table'), /\d/);
  // every chart is an ECharts instance drawn on a canvas of real size
  for (const id of ['chart-hour', 'chart-category', 'chart-channel', 'chart-store', 'chart-products']) {
    assert.ok(await page.getAttribute(`[data-testid=${id}]`, '_echarts_instance_'), `${id} is an ECharts chart`);
    const box = await page.locator(`[data-testid=${id}] canvas`).first().boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `${id} has a size`);
  }
  await page.waitForSelector('[data-testid=chart-members] canvas');
  assert.ok(await page.getAttribute('[data-testid=chart-members]', '_echarts_instance_'), 'the member chart is an ECharts chart');
  assert.ok(Number((await page.textContent('[data-testid=kpi-new-members]')).replace(/[^0-9]/g, '')) >= 1);
  assert.ok(Number((await page.textContent('[data-testid=kpi-liability]')).replace(/[^0-9]/g, '')) >= 1234, 'the liability holds the points given');
  assert.match(await page.textContent('main'), /会员分析/);
  await shot(page, '96-dashboard-zh');
  await page.locator('[data-testid=dash-members]').scrollIntoViewIfNeeded();
  await shot(page, '96-dashboard-members-zh');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=chart-hour-png]')]);
  assert.match(png.suggestedFilename(), /\.png$/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();

  const phone = await dashboardOnPhoneInEnglish();
  await charts(phone);
  assert.match(await phone.textContent('main'), /Net sales today/);
  await phone.waitForSelector('[data-testid=chart-members] canvas');
  assert.match(await phone.textContent('main'), /Points liability/);
  await phone.locator('[data-testid=dash-members]').scrollIntoViewIfNeeded();
  await shot(phone, '97-dashboard-members-en-phone');
  await shot(phone, '97-dashboard-en-phone');
  assert.deepEqual(phone.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await phone.context().close();
});

// The sample year (issue 23): BrowserJourneysTest loads a year of the generator's sales into the sample tenant in the
// background and names its first and last day, its stores and the piece-sold product that sells in the first store on
// the most days (SAMPLE_YEAR_FROM, SAMPLE_YEAR_TO, SAMPLE_YEAR_STORES, SAMPLE_YEAR_REGULAR). This journey waits until
// GET /local/sample-year says done, picks that range in the dashboard's date pickers and reads each chart's own data
// (ECharts getOption()): the year by day, week and month, categories, both channels, both stores, traffic and
// conversion, best and slowest sellers; then a supplier for the year's most frequent sellers makes the replenishment
// list and the forecast of that regular seller (its model and its 80 % / 95 % bands) show on the purchasing page.
const YEAR = process.env.SAMPLE_YEAR_FROM
  ? { from: process.env.SAMPLE_YEAR_FROM, to: process.env.SAMPLE_YEAR_TO, stores: (process.env.SAMPLE_YEAR_STORES ?? '').split(','),
      regular: process.env.SAMPLE_YEAR_REGULAR }
  : null;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function sampleYearLoaded() {
  const until = Date.now() + 15 * 60_000;
  for (;;) {
    const s = await api('/local/sample-year');
    if (s.state === 'done') return s;
    if (s.state === 'failed' || s.state === 'none') throw new Error(`the sample year is not loading: ${JSON.stringify(s)}`);
    if (Date.now() > until) throw new Error(`the sample year is not loaded after 15 minutes: ${JSON.stringify(s)}`);
    await sleep(2000);
  }
}

/** A chart's own data (ECharts getOption()): its category axis and each series' values (a pie's as {name, value}). */
async function chartData(page, id) {
  return page.$eval(`[data-testid=${id}]`, (el) => {
    const o = el.echarts.getOption();
    const axis = [...(o.xAxis ?? []), ...(o.yAxis ?? [])].find((a) => a.type === 'category');
    return {
      labels: axis?.data ?? [],
      series: o.series.map((s) => ({ name: s.name, data: s.data.map((v) => (v && typeof v === 'object' ? { name: v.name, value: v.value } : v)) })),
    };
  });
}

const nonZero = (values) => values.filter((v) => Number(v) > 0).length;

/** Picks the year's range (and a store, or all) in the date pickers; waits for the charts of that range. */
async function pickYear(page, storeId = '') {
  await page.fill('[data-testid=dash-filters] input[name=from]', YEAR.from);
  await page.fill('[data-testid=dash-filters] input[name=to]', YEAR.to);
  await page.selectOption('[data-testid=dash-filters] select[name=store]', storeId);
  await page.click('[data-testid=dash-apply]');
  // a range longer than the traffic report's 92 days says which days traffic covers: the page of the year is drawn
  await page.waitForSelector('[data-testid=dash-traffic-period]');
  for (const id of ['chart-trend', 'chart-category', 'chart-channel', 'chart-store', 'chart-products']) await page.waitForSelector(`[data-testid=${id}] canvas`);
}

/** Redraws the trend by {@code grain} and answers its data once the chart holds that grain's buckets. */
async function trend(page, grain) {
  await page.selectOption('[data-testid=dash-grain]', grain);
  const shape = { day: /^\d{4}-\d\d-\d\d$/, week: /^\d{4}-W\d\d$/, month: /^\d{4}-\d\d$/ }[grain].source;
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid=chart-trend]')?.echarts?.getOption().xAxis[0].data[0] ?? ''), shape);
  return chartData(page, 'chart-trend');
}

async function yearCharts(page, lang, storeNames) {
  const day = await trend(page, 'day');
  assert.equal(day.labels.length, 364, 'a bucket for every day of the year');
  assert.equal(day.labels[0], YEAR.from);
  assert.equal(day.labels.at(-1), YEAR.to);
  assert.ok(nonZero(day.series[0].data) >= 0.9 * 364, `net sales on most days: ${nonZero(day.series[0].data)} of 364`);
  const week = await trend(page, 'week');
  assert.equal(week.labels.length, 52, `52 weeks: ${week.labels}`);
  assert.ok(nonZero(week.series[0].data) >= 50, `net sales in most weeks: ${nonZero(week.series[0].data)}`);
  const month = await trend(page, 'month');
  assert.equal(month.labels[0], YEAR.from.slice(0, 7));
  assert.equal(month.labels.at(-1), YEAR.to.slice(0, 7));
  assert.equal(nonZero(month.series[0].data), month.labels.length, `sales in every month: ${JSON.stringify(month)}`);

  const slices = (d) => Object.fromEntries(d.series[0].data.map((s) => [s.name, s.value]));
  const categories = slices(await chartData(page, 'chart-category'));
  assert.ok(nonZero(Object.values(categories)) >= 5, `the year's categories: ${JSON.stringify(categories)}`);
  const channels = slices(await chartData(page, 'chart-channel'));
  const [pos, mini] = lang === 'en' ? ['Till', 'Mini-program'] : ['门店收银', '小程序'];
  assert.ok(channels[pos] > 0 && channels[mini] > 0, `till and mini-program sales: ${JSON.stringify(channels)}`);
  const stores = await chartData(page, 'chart-store');
  for (const name of storeNames) {
    const i = stores.labels.indexOf(name);
    assert.ok(i >= 0 && stores.series[0].data[i] > 0, `${name} sold in the year: ${JSON.stringify(stores)}`);
  }
  const hour = await chartData(page, 'chart-hour');
  assert.ok(nonZero(hour.series[0].data) >= 3, `the year's last day has sales in several hours: ${JSON.stringify(hour.series[0].data)}`);
  assert.ok(nonZero((await chartData(page, 'chart-products')).series[0].data) >= 5, 'five best sellers drawn');
  assert.ok((await page.locator('[data-testid=dash-products] table').first().locator('tbody tr').count()) >= 5, 'best sellers listed');
  assert.ok((await page.locator('[data-testid=dash-bottom] table tbody tr').count()) >= 1, 'slowest sellers listed');
}

async function yearTraffic(page, storeId) {
  await pickYear(page, storeId);
  await page.waitForSelector('[data-testid=chart-traffic] canvas');
  const traffic = await chartData(page, 'chart-traffic');
  assert.equal(traffic.labels.length, 92, 'traffic for the last 92 days of the year');
  const [visitors, orders, rate] = traffic.series.map((s) => s.data);
  assert.ok(nonZero(visitors) >= 85, `visitors on most days: ${nonZero(visitors)}`);
  assert.ok(nonZero(orders) >= 80, `orders on most days: ${nonZero(orders)}`);
  assert.ok(nonZero(rate) >= 80 && rate.every((r) => r == null || (r >= 0 && r <= 100)), `conversion on most days, as a percentage: ${rate}`);
}

/** Opens the forecast of {@code gtin} from the replenishment list; answers the drawn forecast's data. */
async function forecastOf(page, gtin) {
  await page.waitForSelector('[data-testid=replenishment] table');
  await page.waitForSelector('[data-testid=forecast-chart] canvas'); // the first suggestion's, drawn on its own
  await page.$eval('[data-testid=forecast-chart]', (el) => { el.dataset.earlier = 'yes'; });
  await page.click(`[data-testid=fc-${gtin}]`);
  await page.waitForSelector('[data-testid=forecast-chart]:not([data-earlier]) canvas');
  return chartData(page, 'forecast-chart');
}

function assertBands(f, lang) {
  assert.equal(f.labels.length, 28, 'four weeks ahead');
  const [lo95, w95, lo80, w80, p50] = f.series.map((s) => s.data);
  assert.ok(nonZero(w95) >= 20 && nonZero(w80) >= 20, 'the 95 % and 80 % bands have a width');
  assert.ok(w95.every((w, i) => w + lo95[i] >= w80[i] + lo80[i] - 1e-9), 'the 95 % band reaches above the 80 % one');
  assert.ok(nonZero(f.series[5].data) >= 20 && p50.every((v, i) => v >= lo80[i] - 1e-9), 'the expected demand, and the median inside the band');
  assert.ok(f.series.some((s) => s.name === (lang === 'en' ? '80% interval' : '80% 区间')), 'the bands are named');
}

test('dashboard and purchasing on the sample year: every chart holds the year (zh-CN desktop, en phone)', { timeout: 20 * 60_000, skip: (!process.env.BASE_URL && 'needs the real API (BASE_URL)') || (!YEAR && 'no sample year (SAMPLE_YEAR_FROM)') }, async () => {
  const loaded = await sampleYearLoaded();
  assert.ok(loaded.loaded.orders > 1000, `the year's orders: ${JSON.stringify(loaded.loaded)}`);
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const stores = (await api('/stores', { token: owner })).items;
  const names = YEAR.stores.map((id) => stores.find((s) => s.storeId === id).name);
  const yearStore = stores.find((s) => s.storeId === YEAR.stores[0]);

  const page = await sized(env.browser, 1366, 768);
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('nav a[href="#/dashboard"]');
  await pickYear(page);
  await yearCharts(page, 'zh-CN', names);
  await page.selectOption('[data-testid=dash-grain]', 'week');
  await shot(page, '98-sample-year-zh');
  await yearTraffic(page, yearStore.storeId);
  assert.match(await page.textContent('[data-testid=dash-traffic-period]'), /92/);
  await page.locator('[data-testid=dash-traffic]').scrollIntoViewIfNeeded();
  await shot(page, '98-sample-year-traffic-zh', false);
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);

  // a supplier for the regular seller and the year's most frequent sellers by the piece in the store (weighed goods
  // count grams): the replenishment list suggests them, and the regular seller is forecast by exponential smoothing
  const sold = (await api(`/reports/sales?from=${YEAR.from}&to=${YEAR.to}&storeId=${yearStore.storeId}&groupBy=product`, { token: owner })).rows;
  const frequent = sold.filter((r) => r.key === YEAR.regular);
  assert.equal(frequent.length, 1, `the regular seller ${YEAR.regular} sold in the year`);
  for (const r of [...sold].sort((a, b) => b.orders - a.orders)) {
    if (frequent.length < 5 && r.key !== YEAR.regular && (await api(`/products/${r.key}`, { token: owner })).soldBy !== 'weight') frequent.push(r);
  }
  await api('/suppliers', { token: owner, key: unique(), body: { name: `样本年度供应商 ${unique()}`, items: frequent.map((r) => ({
    gtin: r.key, leadTimeDays: 2, casePack: 6, minOrder: 6, cost: Math.max(1, Math.round((r.net / Math.max(1, r.units)) * 0.6)) })) } });
  await page.click('nav a[href="#/purchasing"]');
  if ((await page.inputValue('select[name=store]')) !== yearStore.storeId) await page.selectOption('select[name=store]', yearStore.storeId);
  await page.waitForSelector('[data-testid=replenishment] table');
  for (const r of frequent) assert.equal(await page.locator(`[data-testid=pick-${r.key}]`).count(), 1, `${r.key} is suggested`);
  assert.match(await page.textContent('[data-testid=replenishment]'), /交货期/);
  assertBands(await forecastOf(page, YEAR.regular), 'zh-CN');
  assert.match(await page.textContent('[data-testid=forecast-model]'), /ets(_damped)?（(smooth|erratic)）/);
  assert.match(await page.textContent('[data-testid=forecast-mase]'), /回测 MASE \d/);
  await page.locator('[data-testid=forecast]').scrollIntoViewIfNeeded();
  await shot(page, '98-sample-year-forecast-zh', false);
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();

  const phone = await dashboardOnPhoneInEnglish();
  await pickYear(phone);
  await yearCharts(phone, 'en', names);
  assert.match(await phone.textContent('main'), /Sales over time/);
  await shot(phone, '99-sample-year-en-phone');
  await yearTraffic(phone, yearStore.storeId);
  assert.match(await phone.textContent('[data-testid=dash-traffic-period]'), /Traffic covers at most 92 days/);
  await phone.goto(`${env.baseUrl}/#/purchasing?store=${encodeURIComponent(yearStore.storeId)}`);
  assertBands(await forecastOf(phone, YEAR.regular), 'en');
  assert.match(await phone.textContent('[data-testid=forecast-model]'), /Model: ets(_damped)? \((smooth|erratic)\)/);
  assert.match(await phone.textContent('[data-testid=replenishment]'), /lead time/);
  await phone.locator('[data-testid=forecast]').scrollIntoViewIfNeeded();
  await shot(phone, '99-sample-year-forecast-en-phone', false);
  assert.deepEqual(phone.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await phone.context().close();
});
