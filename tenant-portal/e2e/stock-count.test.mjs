// Journey: a stock count (盘点单, issue 25's task list). The owner (desktop, zh-CN) opens a count of a new category of
// two products in the stock counts screen; a staff member (phone, 390 px, zh-CN) finds it in the task list, follows
// the link, counts both lines blind by GTIN (one short, one exact), sees the task say nothing is left, and finishes
// with the variance summary; the stock level has changed and the task is gone. The owner reads the finished count in
// English on a desktop. 1366 and 390 px. Needs the real API (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gtin13, LOGINS, PASSWORD, client, newPage, pageErrors, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
let api;
before(async () => {
  env = await setUp();
  api = client(env.baseUrl);
});
after(async () => env?.close());

test('a stock count: opened by the owner, counted blind by staff from the task list, finished with its variance', { timeout: 300_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const store = (await api('/stores', { token: owner })).items[0];
  const sid = store.storeId;
  const cat = (await api('/categories', { token: owner, key: unique(), body: { name: `盘点专区 ${unique()}` } })).categoryId;
  const made = async (name, quantity, cost) => {
    const g = (await api('/products', { token: owner, key: unique(), body: { gtin: gtin13(), name, categoryId: cat, unit: '瓶' } })).gtin;
    await api(`/stores/${sid}/stock/${g}/receipts`, { token: owner, key: unique(), body: { quantity, cost, reference: `E2E-${unique()}` } });
    return g;
  };
  const tea = await made('乌龙茶', 12, 250);
  const cola = await made('可乐', 8, 180);
  const email = `counter-${unique()}@sample.zhidian.local`;
  const staff = await api('/users', { token: owner, key: unique(), body: { email, name: '王盘点', role: 'staff', storeIds: [sid] } });
  const first = await api('/local/auth/login', { body: { username: email, password: staff.temporaryPassword } });
  const staffPassword = 'Count-Pass-2026';
  await api('/local/auth/new-password', { body: { username: email, session: first.session, newPassword: staffPassword } });

  // 1. The owner (desktop, zh-CN) opens a count of the category, assigned to the new staff member.
  const desk = await newPage(env.browser, { viewport: { width: 1366, height: 768 }, lang: 'zh-CN' });
  await portalLogin(desk, env.baseUrl, LOGINS.owner, PASSWORD);
  await desk.goto(`${env.baseUrl}/#/stock-counts?store=${sid}`);
  const form = await desk.waitForSelector('[data-testid=open-count-form]');
  await desk.selectOption('[data-testid=open-count-form] select[name=scope]', 'category');
  await desk.selectOption('[data-testid=open-count-form] select[name=categoryId]', cat);
  await desk.selectOption('[data-testid=open-count-form] select[name=assigneeId]', staff.userId);
  await form.scrollIntoViewIfNeeded();
  await shot(desk, 'sc-01-desk-open-count');
  await desk.click('[data-testid=open-count-form] button[type=submit]');
  await desk.waitForSelector('[data-testid=count-form]');
  const countId = decodeURIComponent(desk.url().split('/').pop());
  assert.match(countId, /^sc_/);
  assert.match(await desk.textContent('[data-testid=count-progress]'), /已盘 0 \/ 2/);

  // 2. Staff (phone, zh-CN) find the count in their task list and follow its link.
  const phone = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  await portalLogin(phone, env.baseUrl, email, staffPassword);
  await phone.goto(`${env.baseUrl}/#/tasks`);
  const task = await phone.waitForSelector('[data-testid=task-count]');
  assert.match(await task.textContent(), /盘点：还有 2 个商品待盘/);
  await shot(phone, 'sc-02-phone-task-list');
  await phone.click('[data-testid=task-count] a');
  await phone.waitForSelector('[data-testid=count-form]');
  assert.match(await phone.textContent('#main'), /盲盘/);
  assert.equal(await phone.$(`[data-testid=variance-${tea}]`), null, 'blind: no book quantity or variance for staff');

  // 3. Count both lines by GTIN (a scanner types the code and Enter): one short, one exact.
  const count = async (gtin, n) => {
    await phone.fill('[data-testid=count-form] input[name=gtin]', gtin.slice(1));
    await phone.press('[data-testid=count-form] input[name=gtin]', 'Enter');
    await phone.fill('[data-testid=count-form] input[name=counted]', String(n));
    await phone.click('[data-testid=count-form] button[type=submit]');
    await phone.waitForFunction((g) => /\d/.test(document.querySelector(`[data-testid=counted-${g}]`)?.textContent ?? ''), gtin);
  };
  await count(tea, 11);
  await count(cola, 8);
  assert.match(await phone.textContent('[data-testid=count-progress]'), /已盘 2 \/ 2/);
  assert.match(await phone.textContent('[data-testid=count-done]'), /已记录：可乐 8/);
  const box = await phone.$eval('[data-testid=count-form] input[name=counted]', (i) => i.getBoundingClientRect().width);
  assert.ok(box > 300, `the number field spans the phone: ${box}px`);
  await shot(phone, 'sc-03-phone-counted');

  // 4. The task is still there until the count is finished: nothing left to count.
  await phone.goto(`${env.baseUrl}/#/tasks`);
  assert.match(await (await phone.waitForSelector('[data-testid=task-count]')).textContent(), /还有 0 个商品待盘/);
  await phone.click('[data-testid=task-count] a');
  await phone.waitForSelector('[data-testid=finish-form]');

  // 5. Finish: the summary shows one line short at cost; the level moved and the task is gone.
  await phone.click('[data-testid=finish-form] button[type=submit]');
  await phone.waitForSelector('[data-testid=count-summary]');
  assert.match(await phone.textContent('[data-testid=count-status]'), /已完成/);
  assert.match(await phone.textContent('[data-testid=short-lines]'), /^1 · /);
  assert.match(await phone.textContent(`[data-testid=variance-${tea}]`), /-1/);
  await shot(phone, 'sc-04-phone-finished-summary');
  assert.equal((await api(`/stores/${sid}/stock/${tea}`, { token: owner })).onHand, 11);
  assert.equal((await api(`/stores/${sid}/stock/${cola}`, { token: owner })).onHand, 8);
  await phone.goto(`${env.baseUrl}/#/tasks`);
  await phone.waitForSelector('[data-testid=tasks], .empty');
  assert.equal(await phone.$('[data-testid=task-count]'), null, 'a finished count is no task');

  // 6. The owner sees the level changed on the stock page, and the finished count in English.
  await desk.goto(`${env.baseUrl}/#/stock?store=${sid}`);
  await desk.waitForFunction((g) => document.querySelector(`[data-testid=onhand-${g}]`)?.textContent === '11', tea);
  const deskEn = await newPage(env.browser, { viewport: { width: 1366, height: 768 }, lang: 'en' });
  await portalLogin(deskEn, env.baseUrl, LOGINS.owner, PASSWORD);
  await deskEn.goto(`${env.baseUrl}/#/stock-counts/${sid}/${countId}`);
  await deskEn.waitForSelector('[data-testid=count-summary]');
  assert.match(await deskEn.textContent('#main'), /Variance summary/);
  assert.match(await deskEn.textContent('[data-testid=net-fen]'), /2\.50/);
  await shot(deskEn, 'sc-05-desk-finished-en');
  for (const p of [desk, phone, deskEn]) assert.deepEqual(pageErrors(p), []);
});
