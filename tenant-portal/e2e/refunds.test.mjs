// Journey: refund requests. The customer (phone, zh-CN) asks for one bottle back from the H5 order page; the owner
// (desktop, en) sees it pending with a badge on the orders page and approves it (one refund, back in stock); the
// customer asks for the rest, staff (phone, zh-CN) reject it with a reason, and the customer reads that reason.
// 1366 and 390 px. Needs the real API (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, CUSTOMER_PHONE, DESKTOP, LOGINS, newPage, OTP, pageErrors, PASSWORD, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
let api;
before(async () => {
  env = await setUp();
  api = client(env.baseUrl);
});
after(async () => env?.close());



async function h5(browser, tenantId, lang) {
  const phone = await newPage(browser, { mobile: true, lang });
  await phone.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
  await phone.fill('input[name=phone]', CUSTOMER_PHONE);
  await phone.fill('input[name=otp]', OTP);
  await phone.click('form button[type=submit]');
  await phone.waitForSelector('[data-testid=shop-link]');
  return phone;
}

test('refund requests: asked on the H5, approved once by the owner, the next one rejected with a reason the customer reads', { timeout: 300_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const tenantId = await env.sampleTenantId();
  const customerToken = (await api('/local/auth/login', { body: { tenantId, phone: CUSTOMER_PHONE, otp: OTP } })).idToken;
  const me = await api('/me', { token: customerToken });
  const store = (await api('/stores', { token: owner })).items[0];
  const water = '06900000000014';
  await api(`/stores/${store.storeId}/stock/${water}/receipts`, { token: owner, key: unique(), body: { quantity: 5, cost: 1, reference: `E2E-${unique()}` } });
  // a till sale of three bottles to the sample customer, paid in cash (set up through the API)
  const placed = await api('/orders', { token: owner, key: unique(), body: { storeId: store.storeId, channel: 'pos', fulfilment: 'in_store', memberId: me.memberId, lines: [{ gtin: water, qty: 3 }] } });
  await api(`/orders/${placed.orderId}/payments`, { token: owner, key: unique(), body: { method: 'cash', tendered: placed.total } });
  const onHand = async () => (await api(`/stores/${store.storeId}/stock/${water}`, { token: owner })).onHand;
  const stockBefore = await onHand();

  // 1. The customer (phone, zh-CN) asks for one bottle back.
  const phone = await h5(env.browser, tenantId, 'zh-CN');
  await phone.goto(`${env.baseUrl}/#/h5/orders/${placed.orderId}`);
  await phone.waitForSelector('[data-testid=refund-request-form]');
  await phone.fill(`[data-testid=refund-request-form] input[data-gtin="${water}"]`, '1');
  await phone.selectOption('[data-testid=refund-request-form] select[name=reason]', 'damaged');
  await phone.fill('[data-testid=refund-request-form] input[name=note]', '瓶盖漏水');
  await shot(phone, '80-h5-refund-form-zh');
  await phone.click('[data-testid=refund-request-form] button[type=submit]');
  await phone.waitForSelector('[data-testid=my-refund-requests] [data-state=pending]');
  assert.equal(await phone.$('[data-testid=refund-request-form]'), null, 'no second form while one request is pending');
  await shot(phone, '81-h5-refund-pending-zh');
  assert.deepEqual(pageErrors(phone), []);

  // 2. The owner (desktop, en) sees it pending on the orders page and approves it.
  const desk = await newPage(env.browser, { viewport: DESKTOP, lang: 'en' });
  assert.equal(await portalLogin(desk, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await desk.goto(`${env.baseUrl}/#/orders?storeId=${store.storeId}`);
  const mine = (await api(`/me/orders/${placed.orderId}`, { token: customerToken })).refundRequests[0];
  const row = `[data-testid=refund-requests] li[data-request="${mine.requestId}"]`;
  await desk.waitForSelector(row);
  assert.match(await desk.textContent('[data-testid=refund-requests-badge]'), /\d+ pending/);
  await shot(desk, '82-orders-refund-requests-en');
  await desk.click(`${row} [data-testid=approve]`);
  await desk.waitForSelector(row, { state: 'detached', timeout: 15_000 }).catch(async (e) => {
    await shot(desk, '83x-approve-failed-en');
    throw new Error(`${e.message}\n${await desk.textContent(row).catch(() => '')}`);
  });
  const after = await api(`/orders/${placed.orderId}`, { token: owner });
  assert.equal(after.refunded, Math.floor(placed.total / 3), 'one bottle of three refunded');
  assert.equal(after.refunds.length, 1);
  assert.equal(await onHand(), stockBefore + 1, 'the bottle is back in stock');
  await shot(desk, '83-orders-request-approved-en');
  assert.deepEqual(pageErrors(desk), []);

  // 3. The customer sees it approved and asks for the other two; staff on a phone (zh-CN) reject that.
  await phone.reload();
  await phone.waitForSelector('[data-testid=my-refund-requests] [data-state=approved]');
  await phone.waitForSelector('[data-testid=refund-request-form]');
  await phone.selectOption('[data-testid=refund-request-form] select[name=reason]', 'changed_mind');
  await phone.click('[data-testid=refund-request-form] button[type=submit]');
  await phone.waitForSelector('[data-testid=my-refund-requests] [data-state=pending]');
  const second = (await api(`/me/orders/${placed.orderId}`, { token: customerToken })).refundRequests.find((r) => r.state === 'pending');
  const small = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  assert.equal(await portalLogin(small, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await small.goto(`${env.baseUrl}/#/orders?storeId=${store.storeId}`);
  const row2 = `[data-testid=refund-requests] li[data-request="${second.requestId}"]`;
  await small.waitForSelector(row2);
  await small.fill(`${row2} [data-testid=reject-form] input[name=reason]`, '商品已开封，不支持无理由退货');
  await shot(small, '84-orders-refund-reject-phone-zh');
  await small.click(`${row2} [data-testid=reject-form] button[type=submit]`);
  await small.waitForSelector(row2, { state: 'detached' });
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the orders page fits 390 px (overflow ${overflow}px)`);
  assert.deepEqual(pageErrors(small), []);

  await phone.reload();
  await phone.waitForSelector('[data-testid=reject-reason]');
  assert.match(await phone.textContent('[data-testid=reject-reason]'), /已开封/);
  await shot(phone, '85-h5-refund-rejected-zh');
  assert.equal((await api(`/orders/${placed.orderId}`, { token: owner })).refunded, Math.floor(placed.total / 3), 'a rejection refunds nothing');
  assert.deepEqual(pageErrors(phone), []);
});

test('reconciliation: the owner reconciles today and reads the totals and the mismatch table, 1366 en and 390 zh-CN', { timeout: 180_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  // a card sale today (Stripe's test card): Zhidian records it from the webhook, Stripe has its balance transaction
  const owner0 = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const store = (await api('/stores', { token: owner0 })).items[0];
  const water = '06900000000014';
  await api(`/stores/${store.storeId}/stock/${water}/receipts`, { token: owner0, key: unique(), body: { quantity: 2, cost: 1, reference: `E2E-${unique()}` } });
  const sale = await api('/orders', { token: owner0, key: unique(), body: { storeId: store.storeId, channel: 'pos', fulfilment: 'in_store', lines: [{ gtin: water, qty: 1 }] } });
  await api(`/orders/${sale.orderId}/payments`, { token: owner0, key: unique(), body: { method: 'card', paymentMethod: 'pm_card_visa' } });
  for (let i = 0; i < 200 && (await api(`/orders/${sale.orderId}`, { token: owner0 })).status !== 'paid'; i++) await new Promise((r) => setTimeout(r, 100));
  const desk = await newPage(env.browser, { viewport: DESKTOP, lang: 'en' });
  assert.equal(await portalLogin(desk, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await desk.goto(`${env.baseUrl}/#/reconciliation?date=${today}`);
  await desk.waitForSelector('[data-testid=recon-run] button');
  await desk.click('[data-testid=recon-run] button');
  await desk.waitForSelector('[data-testid=recon-totals] [data-testid=recon-state]');
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const day = await api(`/reconciliation?date=${today}`, { token: owner });
  assert.equal(day.ran, true);
  assert.ok(day.matchedCount >= 1, 'the card sale matched Stripe');
  assert.equal((await desk.textContent('[data-testid=recon-matched]')).trim(), String(day.matchedCount));
  assert.equal(await desk.locator('[data-testid=recon-mismatches] tbody tr').count(), day.mismatches.length, 'one row per mismatch');
  await shot(desk, '86-reconciliation-en');
  assert.deepEqual(pageErrors(desk), []);
  const small = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  assert.equal(await portalLogin(small, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await small.goto(`${env.baseUrl}/#/reconciliation?date=${today}`);
  await small.waitForSelector('[data-testid=recon-totals]');
  await shot(small, '87-reconciliation-phone-zh');
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the page fits 390 px (overflow ${overflow}px)`);
  assert.deepEqual(pageErrors(small), []);
});
