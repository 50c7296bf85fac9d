// Journey: orders end to end. A cashier sells at the till with a coupon and points and takes cash; the customer
// orders on the H5 for pickup and pays with WeChat Pay (the Stripe stand-in's tester completes it, as the customer's
// phone would); the owner walks the order to completed and refunds one line. Desktop 1366x768 and phone 390x844,
// zh-CN and en. Needs the real API (BASE_URL).
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



test('orders: a till sale with coupon and points, an H5 pickup order paid by WeChat Pay, a partial refund', { timeout: 300_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  // Set-up through the API: a coupon for the sample customer, and what the first store sells with stock.
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const tenantId = await env.sampleTenantId();
  const customerToken = (await api('/local/auth/login', { body: { tenantId, phone: CUSTOMER_PHONE, otp: OTP } })).idToken;
  const me = await api('/me', { token: customerToken });
  const tpl = await api('/coupon-templates', { token: owner, key: unique(), body: { name: `E2E减1元 ${unique()}`, kind: 'amount_off', value: 100, minSpend: 0, validDays: 30, totalStock: 10, perMemberLimit: 1 } });
  await api(`/coupon-templates/${tpl.templateId}/issue`, { token: owner, key: unique(), body: { memberIds: [me.memberId] } });
  const coupon = (await api('/me/coupons?limit=100', { token: customerToken })).items.find((c) => c.templateId === tpl.templateId);
  assert.ok(coupon, 'the customer holds the coupon');
  await api(`/members/${me.memberId}/points/adjust`, { token: owner, key: unique(), body: { delta: 500, reason: 'e2e' } }).catch(() => {});
  // the sample convenience store (other journeys add stores, e.g. a department store with no stock, and ids sort at random)
  const stores = (await api('/stores', { token: owner })).items;
  const store = stores.find((s) => /南京东路/.test(s.name ?? '')) ?? stores.find((s) => s.format !== 'department' && s.status !== 'closed');
  const water = '06900000000014';

  // 1. The till (desktop, zh-CN): scan twice, the member, the coupon checked, 100 points, cash.
  const till = await newPage(env.browser, { viewport: DESKTOP, lang: 'zh-CN' });
  assert.equal(await portalLogin(till, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await till.goto(`${env.baseUrl}/#/pos?store=${store.storeId}`);
  await till.waitForSelector('[data-testid=pos-scan] input[name=code]');
  for (let i = 0; i < 2; i++) {
    await till.fill('[data-testid=pos-scan] input[name=code]', '6900000000014');
    await till.press('[data-testid=pos-scan] input[name=code]', 'Enter');
    await till.waitForFunction((n) => document.querySelector('[data-testid=pos-cart] [data-testid=qty]')?.textContent === String(n), i + 1);
  }
  await till.fill('input[name=query]', CUSTOMER_PHONE);
  await till.press('input[name=query]', 'Enter');
  await till.waitForSelector('[data-testid=pos-member] strong');
  await till.fill('input[name=couponCode]', coupon.code);
  await till.click('[data-testid=pos-check]');
  await till.waitForSelector('[data-testid=pos-coupon-note].alert-success');
  await till.fill('input[name=pointsToUse]', '100');
  // the store's price now (another journey may have changed it): two bottles at the price the scan showed
  const fen = (text) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);
  const twoBottles = fen(await till.textContent('[data-testid=pos-estimate]'));
  const yuan = (f) => `¥${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
  await shot(till, '70-pos-cart-zh');
  await till.click('[data-testid=pos-order] button[type=submit]');
  await till.waitForSelector('[data-testid=order-number]');
  assert.match(await till.textContent('[data-testid=coupon-discount]'), /¥1\.00/);
  assert.match(await till.textContent('[data-testid=points-discount]'), /¥1\.00/);
  assert.equal(fen(await till.textContent('[data-testid=order-total]')), twoBottles - 200, 'two bottles − ¥1 coupon − ¥1 points');
  await till.fill('[data-testid=pos-pay] input[name=tendered]', '50');
  await till.click('[data-testid=pos-pay] button[type=submit]');
  await till.waitForSelector('[data-testid=pos-paid]');
  assert.ok((await till.textContent('[data-testid=pos-paid]')).includes(`找零 ${yuan(5000 - (twoBottles - 200))}`), 'the change of ¥50');
  await till.waitForSelector('[data-testid=pos-paid] .qr img');
  await shot(till, '71-pos-paid-zh');
  const tillNumber = (await till.textContent('[data-testid=order-number]')).trim();
  assert.match(tillNumber, /-\d{8}-\d{4}$/, 'a human order number per store and day');
  // the receipt's link (the QR's target) opens on a phone with no sign-in, through the signed public route
  const link = await till.getAttribute('[data-testid=receipt-link]', 'href');
  assert.match(link, /^#\/receipt\/[^?]+\?t=.+/, 'the till links the signed public receipt');
  const guest = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  await guest.goto(till.url().split('#')[0] + link);
  await guest.waitForSelector('[data-testid=receipt-number]');
  assert.equal((await guest.textContent('[data-testid=receipt-number]')).trim(), tillNumber);
  assert.ok((await guest.textContent('[data-testid=receipt-store]')).trim().length > 0, 'the store is named');
  await shot(guest, '71b-public-receipt-zh');
  await guest.goto(till.url().split('#')[0] + link.replace(/t=.*/, 't=forged.abc'));
  await guest.waitForSelector('.alert, [role=alert]');
  assert.equal(await guest.$('[data-testid=receipt-number]'), null, 'a forged token shows no receipt');
  await guest.context().close();
  assert.deepEqual(pageErrors(till), []);

  // 2. The customer (phone, en) orders for pickup on the H5 and pays with WeChat Pay.
  const phone = await newPage(env.browser, { mobile: true, lang: 'en' });
  await phone.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
  await phone.fill('input[name=phone]', CUSTOMER_PHONE);
  await phone.fill('input[name=otp]', OTP);
  await phone.click('form button[type=submit]');
  await phone.click('[data-testid=shop-link]');
  await phone.waitForSelector(`[data-testid=shelf] [data-gtin="${water}"] button`);
  await phone.selectOption('select[name=store]', store.storeId);
  await phone.waitForSelector(`[data-testid=shelf] [data-gtin="${water}"] button:not([disabled])`);
  await phone.click(`[data-testid=shelf] [data-gtin="${water}"] button`);
  await phone.click(`[data-testid=shelf] [data-gtin="${water}"] button`);
  await phone.click(`[data-testid=shelf] [data-gtin="${water}"] button`);
  await shot(phone, '72-h5-shop-en');
  await phone.click('[data-testid=cart-bar]');
  await phone.waitForSelector('[data-testid=checkout]');
  await shot(phone, '73-h5-checkout-en');
  await phone.click('[data-testid=checkout] button[type=submit]');
  await phone.waitForSelector('[data-testid=h5-pay]');
  const orderId = decodeURIComponent(phone.url().split('#/h5/orders/')[1]);
  await phone.click('[data-testid=h5-pay] button[type=submit]');
  await phone.waitForSelector('[data-testid=h5-waiting]');
  const placed = await api(`/me/orders/${orderId}`, { token: customerToken });
  const pi = placed.payments.find((p) => p.method === 'wechat_pay').providerRef;
  await api(`/local/stripe/payment_intents/${pi}/succeed`, { body: {} }); // the customer confirms in WeChat
  await phone.waitForFunction(() => document.querySelector('[data-testid=order-status]')?.textContent === 'Paid');
  await shot(phone, '74-h5-order-paid-en');
  assert.deepEqual(pageErrors(phone), []);

  // 3. The owner (desktop, en) walks it to completed and refunds one of the three bottles.
  const desk = await newPage(env.browser, { viewport: DESKTOP, lang: 'en' });
  assert.equal(await portalLogin(desk, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await desk.goto(`${env.baseUrl}/#/orders?storeId=${store.storeId}`);
  await desk.waitForSelector(`a[href="#/orders/${orderId}"]`);
  await shot(desk, '75-orders-list-en');
  await desk.click(`a[href="#/orders/${orderId}"]`);
  for (const step of ['picking', 'ready_for_pickup', 'completed']) {
    await desk.click(`[data-step=${step}]`);
    await desk.waitForFunction((s) => document.querySelector('[data-testid=order-status]')?.textContent === s, { picking: 'Picking', ready_for_pickup: 'Ready for pickup', completed: 'Completed' }[step]);
  }
  await desk.fill(`[data-testid=refund-form] input[data-gtin="${water}"]`, '1');
  await desk.fill('[data-testid=refund-form] input[name=reason]', 'one bottle leaked');
  await desk.click('[data-testid=refund-form] button[type=submit]');
  await desk.waitForSelector('[data-testid=order-refunded]');
  assert.equal(fen(await desk.textContent('[data-testid=order-refunded]')), twoBottles / 2, 'one bottle back');
  await shot(desk, '76-order-refunded-en');
  assert.deepEqual(pageErrors(desk), []);

  // 4. The same screens on a phone (zh-CN): the till and the order.
  const small = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  assert.equal(await portalLogin(small, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await small.goto(`${env.baseUrl}/#/orders/${orderId}`);
  await small.waitForSelector('[data-testid=order-timeline] li');
  await shot(small, '77-order-phone-zh');
  await small.goto(`${env.baseUrl}/#/pos?store=${store.storeId}`);
  await small.waitForSelector('[data-testid=pos-scan]');
  await shot(small, '78-pos-phone-zh');
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the till fits 390 px (overflow ${overflow}px)`);
});
