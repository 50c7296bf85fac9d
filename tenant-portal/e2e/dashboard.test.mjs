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

  const phone = await sized(env.browser, 390, 844);
  assert.equal(await portalLogin(phone, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await phone.click('[data-testid=menu]');
  await phone.selectOption('.topbar [data-testid=lang]', 'en');
  await phone.waitForFunction(() => document.documentElement.lang === 'en');
  if ((await phone.getAttribute('[data-testid=menu]', 'aria-expanded')) !== 'true') await phone.click('[data-testid=menu]');
  await phone.click('nav a[href="#/dashboard"]');
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
