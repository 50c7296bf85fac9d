// Journey: an approval (issue 25, 智能办公). The owner (desktop, zh-CN) puts refunds above ¥1 behind approval in the
// rules form; a staff member (phone, zh-CN) refunds a till sale of six bottles and is told it was sent for approval;
// the owner (desktop, en) approves it with a note in the inbox; the staff member (phone, zh-CN) completes it from
// "My requests" with one click, and the order is refunded once. The owner's history on a phone (zh-CN) and staff's
// list on a desktop (en) close it. 1366 and 390 px. Needs the real API (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

async function open(browser, { phone = false, lang = 'zh-CN' } = {}) {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    locale: lang,
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript((l) => {
    try {
      localStorage.setItem('zhidian.lang', l === 'en' ? 'en' : 'zh-CN');
    } catch {
      // about:blank has no storage
    }
  }, lang);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  return page;
}

const clean = (page) => page.problems.filter((p) => !/status of 4\d\d/.test(p));

async function api(path, { token, method, body, key } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  const res = await fetch(`${env.baseUrl}${path}`, { method: method ?? (body !== undefined ? 'POST' : 'GET'), headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

test('an approval: a staff refund above the rule is sent for approval, the owner approves, staff complete it once', { timeout: 300_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const store = (await api('/stores', { token: owner })).items[0];
  const water = '06900000000014';
  await api(`/stores/${store.storeId}/stock/${water}/receipts`, { token: owner, key: unique(), body: { quantity: 6, cost: 1, reference: `E2E-${unique()}` } });
  const placed = await api('/orders', { token: owner, key: unique(), body: { storeId: store.storeId, channel: 'pos', fulfilment: 'in_store', lines: [{ gtin: water, qty: 6 }] } });
  await api(`/orders/${placed.orderId}/payments`, { token: owner, key: unique(), body: { method: 'cash', tendered: placed.total } });
  assert.ok(placed.total > 100, `six bottles cost more than ¥1: ${placed.total}`);
  // a staff login of the store (first sign-in sets the password)
  const email = `staff-${unique()}@sample.zhidian.local`;
  const made = await api('/users', { token: owner, key: unique(), body: { email, name: '李店员', role: 'staff', storeIds: [store.storeId] } });
  const first = await api('/local/auth/login', { body: { username: email, password: made.temporaryPassword } });
  const staffPassword = 'Staff-Pass-2026';
  await api('/local/auth/new-password', { body: { username: email, session: first.session, newPassword: staffPassword } });

  // 1. The owner (desktop, zh-CN) puts refunds above ¥1 behind approval.
  const desk = await open(env.browser);
  await portalLogin(desk, env.baseUrl, LOGINS.owner, PASSWORD);
  await desk.goto(`${env.baseUrl}/#/approvals`);
  const rules = await desk.waitForSelector('[data-testid=approval-rules]');
  await desk.fill('[data-testid=approval-rules] input[name=refundAbove]', '1');
  await desk.click('[data-testid=approval-rules] button[type=submit]');
  await desk.waitForFunction(() => /规则已保存/.test(document.querySelector('[data-testid=approvals-status]')?.textContent ?? ''));
  assert.equal((await api('/approval-rules', { token: owner })).refundAbove, 100);
  await rules.scrollIntoViewIfNeeded();
  await shot(desk, '90-desk-approval-rules');

  // 2. Staff (phone, zh-CN) refund the whole sale: sent for approval, nothing refunded.
  const phone = await open(env.browser, { phone: true });
  await portalLogin(phone, env.baseUrl, email, staffPassword);
  await phone.goto(`${env.baseUrl}/#/orders/${placed.orderId}`);
  await phone.waitForSelector('[data-testid=refund-form]');
  await phone.fill('[data-testid=refund-form] input[name=reason]', '整箱破损');
  await phone.click('[data-testid=refund-form] button[type=submit]');
  const sent = await phone.waitForSelector('[data-testid=sent-for-approval]');
  const approvalId = await sent.getAttribute('data-approval');
  assert.match(approvalId, /^ap_/);
  assert.match(await phone.textContent('[data-testid=refund-form] [data-form-alert]'), /已提交店主审批/);
  assert.equal((await api(`/orders/${placed.orderId}`, { token: owner })).refunded ?? 0, 0, 'nothing refunded before the approval');
  await shot(phone, '91-phone-sent-for-approval');

  // 3. The owner (desktop, en) sees it pending, in words, and approves it with a note.
  const deskEn = await open(env.browser, { lang: 'en' });
  await portalLogin(deskEn, env.baseUrl, LOGINS.owner, PASSWORD);
  await deskEn.goto(`${env.baseUrl}/#/approvals`);
  const card = await deskEn.waitForSelector(`[data-testid=approvals-pending] [data-approval="${approvalId}"]`);
  const words = await card.textContent();
  assert.match(words, /Refund/);
  assert.match(words, new RegExp(`Order ${placed.orderId}`));
  assert.match(words, /rule: above ¥1\.00/);
  assert.match(words, new RegExp(email.replace(/[.@-]/g, '\\$&')));
  await shot(deskEn, '92-desk-approvals-inbox-en');
  await card.$eval('input[name=note]', (i) => (i.value = ''));
  await deskEn.fill(`[data-approval="${approvalId}"] input[name=note]`, 'OK, damaged case');
  await deskEn.click(`[data-approval="${approvalId}"] [data-testid=approve]`);
  await deskEn.waitForFunction((id) => !document.querySelector(`[data-testid=approvals-pending] [data-approval="${id}"]`), approvalId);
  const decided = await api(`/approvals/${approvalId}`, { token: owner });
  assert.equal(decided.status, 'approved');
  assert.equal(decided.decidedBy, LOGINS.owner);
  assert.equal(decided.note, 'OK, damaged case');

  // 4. Staff (phone, zh-CN) complete it from My requests with one click: refunded once.
  await phone.goto(`${env.baseUrl}/#/approvals`);
  await phone.waitForSelector(`[data-testid=my-approvals] form[data-approval="${approvalId}"]`);
  await shot(phone, '93-phone-my-requests-approved');
  await phone.click(`form[data-approval="${approvalId}"] [data-testid=complete]`);
  await phone.waitForFunction(() => /已使用/.test(document.querySelector('[data-testid=approvals-status]')?.textContent ?? ''));
  const after1 = await api(`/orders/${placed.orderId}`, { token: owner });
  assert.equal(after1.refunded, placed.total, 'the whole sale refunded');
  assert.equal(after1.refunds.length, 1);
  assert.equal((await api(`/approvals/${approvalId}`, { token: owner })).status, 'used');
  assert.equal(await phone.$(`form[data-approval="${approvalId}"]`), null, 'a used approval has no Complete button');
  await shot(phone, '94-phone-my-requests-done');

  // 5. The owner's history on a phone (zh-CN) and staff's list on a desktop (en).
  const ownerPhone = await open(env.browser, { phone: true });
  await portalLogin(ownerPhone, env.baseUrl, LOGINS.owner, PASSWORD);
  await ownerPhone.goto(`${env.baseUrl}/#/approvals`);
  await ownerPhone.waitForSelector('[data-testid=approval-rules]');
  assert.match(await ownerPhone.textContent('#main'), /已完成/);
  await shot(ownerPhone, '95-phone-approvals-history');
  const staffDesk = await open(env.browser, { lang: 'en' });
  await portalLogin(staffDesk, env.baseUrl, email, staffPassword);
  await staffDesk.goto(`${env.baseUrl}/#/approvals`);
  await staffDesk.waitForSelector('[data-testid=my-approvals]');
  assert.match(await staffDesk.textContent('#main'), /Completed/);
  await shot(staffDesk, '96-desk-my-requests-en');

  // put the sample tenant's rules back as they were (none)
  await api('/approval-rules', { token: owner, method: 'PUT', body: {} });
  for (const p of [desk, phone, deskEn, ownerPhone, staffDesk]) {
    assert.deepEqual(clean(p), []);
    await p.context().close();
  }
});
