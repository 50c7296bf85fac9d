// Journey: the owner opens a store, edits it, closes and reopens it; adds a staff login, disables and re-enables
// it, resets its password and changes its stores; filters the audit log; reads today's numbers on the home page.
// Desktop 1366 px in zh-CN, then the home and staff pages on a phone (390 px) in en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

async function noSideScroll(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width + 1, `no sideways scrolling: ${scroll} > ${width}`);
}

test('owner: stores edit and close, staff disable / enable / reset / stores, audit filters, home (1366 px, zh-CN)', { timeout: 240_000 }, async () => {
  const id = unique();
  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.waitForURL(/#\/stores/);

  // a new store, then edit it
  const name = `E2E 测试店 ${id}`;
  await page.fill('form input[name=name]', name);
  await page.fill('form input[name=address]', '上海市长宁区测试路 1 号');
  await page.click('form button[type=submit]');
  const row = page.locator('tbody tr', { hasText: name });
  await row.waitFor();
  assert.equal((await row.locator('[data-testid=store-status]').textContent()).trim(), '营业中');
  await row.locator('[data-testid=store-edit]').click();
  await page.waitForSelector('[data-testid=store-edit-form]');
  await page.fill('[data-testid=store-edit-form] input[name=address]', '上海市长宁区测试路 2 号');
  await page.fill('[data-testid=store-edit-form] input[name=name]', '');
  await page.click('[data-testid=store-edit-form] button[type=submit]');
  await page.waitForSelector('[data-testid=store-edit-form] [data-error-for=name]:not([hidden])');
  await shot(page, '80-owner-store-edit-error');
  // the order-number prefix: the sample store's NJD is taken, a fresh one is kept upper case
  await page.fill('[data-testid=store-edit-form] input[name=name]', `${name} 新`);
  await page.fill('[data-testid=store-edit-form] input[name=orderPrefix]', 'njd');
  await page.click('[data-testid=store-edit-form] button[type=submit]');
  const taken = page.locator('[data-testid=store-edit-form] [data-form-alert]:not([hidden])');
  await taken.waitFor();
  assert.match(await taken.textContent(), /订单号前缀/);
  await shot(page, '80-owner-store-code-taken');
  const code = `T${id.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-5)}`;
  await page.fill('[data-testid=store-edit-form] input[name=orderPrefix]', code.toLowerCase());
  await page.click('[data-testid=store-edit-form] button[type=submit]');
  await page.waitForSelector('[data-testid=store-saved]:not([hidden])');
  const edited = page.locator('tbody tr', { hasText: `${name} 新` });
  await edited.waitFor();
  assert.match(await edited.textContent(), /测试路 2 号/);
  assert.equal((await edited.locator('[data-testid=store-code]').textContent()).trim(), code);
  await shot(page, '81-owner-store-edited');

  // close and reopen
  await edited.locator('[data-testid=store-toggle]').click();
  await page.waitForSelector('dialog[open]');
  await shot(page, '82-owner-store-close-confirm', false);
  await page.click('dialog[open] .btn-danger');
  await page.waitForFunction((n) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent.includes(n) && r.querySelector('[data-testid=store-status]')?.textContent === '已关闭'), `${name} 新`);
  await shot(page, '83-owner-store-closed');
  await page.locator('tbody tr', { hasText: `${name} 新` }).locator('[data-testid=store-toggle]').click();
  await page.click('dialog[open] .btn-primary');
  await page.waitForFunction((n) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent.includes(n) && r.querySelector('[data-testid=store-status]')?.textContent === '营业中'), `${name} 新`);

  // staff: add one, disable, enable, reset, change stores
  await page.goto(`${env.baseUrl}/#/staff`);
  await page.waitForSelector('tbody tr');
  const email = `staff.${id}@e2e.zhidian.local`;
  await page.fill('input[name=name]', '测试店员');
  await page.fill('input[name=email]', email);
  await page.locator('input[name=storeIds]').first().check();
  await page.click('form button[type=submit].btn-primary');
  await page.waitForSelector('[data-testid=temporary-password]');
  const staffRow = page.locator('tbody tr', { hasText: email });
  await staffRow.waitFor();
  await staffRow.locator('[data-testid=user-toggle]').click();
  await page.click('dialog[open] .btn-danger');
  await page.waitForFunction((e) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent.includes(e) && r.querySelector('[data-testid=user-status]')?.textContent === '已停用'), email);
  await shot(page, '84-owner-staff-disabled');
  await page.locator('tbody tr', { hasText: email }).locator('[data-testid=user-toggle]').click();
  await page.click('dialog[open] .btn-primary');
  await page.waitForFunction((e) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent.includes(e) && r.querySelector('[data-testid=user-status]')?.textContent === '正常'), email);
  await page.locator('tbody tr', { hasText: email }).locator('[data-testid=user-reset]').click();
  await page.click('dialog[open] .btn-danger');
  const pw = await page.waitForSelector('[data-testid=staff-action] [data-testid=temporary-password]');
  assert.ok((await pw.textContent()).trim().length >= 8);
  await shot(page, '85-owner-staff-reset');
  await page.locator('tbody tr', { hasText: email }).locator('[data-testid=user-stores]').click();
  await page.waitForSelector('[data-testid=user-stores-form]');
  const boxes = page.locator('[data-testid=user-stores-form] input[name=storeIds]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
  await page.click('[data-testid=user-stores-form] button[type=submit]');
  await page.waitForSelector('[data-testid=user-stores-form] [data-error-for=storeIds]:not([hidden])');
  await boxes.last().check();
  await page.click('[data-testid=user-stores-form] button[type=submit]');
  await page.waitForSelector('[data-testid=stores-saved]:not([hidden])');
  await shot(page, '86-owner-staff-stores');

  // audit log: only changes (PATCH) from today
  await page.goto(`${env.baseUrl}/#/audit`);
  await page.waitForSelector('[data-testid=audit-filters]');
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  await page.fill('[data-testid=audit-filters] input[name=from]', today);
  await page.selectOption('[data-testid=audit-filters] select[name=action]', 'PATCH');
  await page.click('[data-testid=audit-filters] button[type=submit]');
  await page.waitForURL(/#\/audit\?.*action=PATCH/);
  await page.waitForSelector('[data-testid=audit] tbody tr');
  const actions = await page.locator('[data-testid=audit] tbody tr td:nth-child(4)').allTextContents();
  assert.ok(actions.length >= 3, `store edit, close, reopen, staff changes: ${actions}`);
  for (const a of actions) assert.match(a, /^PATCH/);
  await shot(page, '87-owner-audit-filtered');

  // home: today's numbers
  await page.click('nav a[href="#/home"]');
  await page.waitForSelector('[data-testid=home-stores] .tile-value');
  assert.match(await page.textContent('[data-testid=home-changes] .tile-value'), /^\d+$/);
  assert.ok(Number(await page.textContent('[data-testid=home-changes] .tile-value')) >= 5);
  if (process.env.BASE_URL) {
    // today's sales and points tiles say what the reports say (the mock has no reports)
    const api = client(env.baseUrl);
    const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
    // "today" as the page counts it: the browser's day (Asia/Shanghai here), not the machine running the journey
    const day = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const q = `from=${day}&to=${day}&groupBy=day`;
    const sales = await api(`/reports/sales?${q}`, { token: owner });
    const members = await api(`/reports/members?${q}`, { token: owner });
    const fen = (text) => Math.round(Number(text.replace(/[¥,\s]/g, '')) * 100);
    assert.equal(fen(await page.textContent('[data-testid=home-sales] .tile-value')), sales.totals.net);
    assert.equal(Number((await page.textContent('[data-testid=home-points] .tile-value')).replace(/,/g, '')), members.totals.pointsIssued);
  }
  await shot(page, '88-owner-home');
  // the two 400s are the field errors asked for on purpose (an empty store name, no stores), the 409 the taken prefix
  // (on the mock, the reports the home page reads are missing too: 404s)
  assert.deepEqual(page.problems.filter((p) => !/status of 40[049]/.test(p)), []);
  if (process.env.BASE_URL) assert.equal(page.problems.length, 3);
  await page.context().close();
});

test('owner on a phone (390 px, en): home and staff pages fit', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { mobile: true });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.evaluate(() => localStorage.setItem('zhidian.lang', 'en'));
  await page.goto(`${env.baseUrl}/#/home`);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('[data-testid=home-stores] .tile-value');
  assert.match(await page.textContent('main h1'), /Today/);
  await noSideScroll(page);
  await shot(page, '89-owner-home-phone-en');
  await page.goto(`${env.baseUrl}/#/staff`);
  await page.waitForSelector('tbody tr [data-testid=user-status]');
  await noSideScroll(page);
  await shot(page, '90-owner-staff-phone-en');
  await page.goto(`${env.baseUrl}/#/audit`);
  await page.waitForSelector('[data-testid=audit-filters]');
  await noSideScroll(page);
  await shot(page, '91-owner-audit-phone-en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
