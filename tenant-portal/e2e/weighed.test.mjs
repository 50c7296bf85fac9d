// Journey: goods sold by weight (issue 19). The owner's product sold by weight (price per kg, a 5-digit PLU, stock in
// grams); at the till a weighing scale's label is scanned and becomes a weighed line showing its weight and price per
// kg (and per 斤 in Chinese); the order is priced by the server, paid in cash, and the receipt prints weight and price
// per kg. The product's own GTIN at the till asks to weigh it first. On a phone (390 px, en) the H5 shelf shows the
// price per kg; in Chinese per 500 g (斤). Needs the real API (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, DESKTOP, LOGINS, newPage, pageErrors, PASSWORD, portalLogin, setUp, shot, unique, CUSTOMER_PHONE, OTP } from './lib.mjs';

let env;
let api;
before(async () => {
  env = await setUp();
  api = client(env.baseUrl);
});
after(async () => env?.close());

/** EAN-13 check digit of 12 digits. */
const check = (body) => {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
};
const fen = (text) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);

test('weighed goods: a till sale with a scale label, weight and price per kg on the cart and the receipt', { timeout: 300_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const stores = (await api('/stores', { token: owner })).items;
  const store = stores.find((s) => /南京东路/.test(s.name ?? '')) ?? stores.find((s) => s.format !== 'department' && s.status !== 'closed');
  const cats = (await api('/categories', { token: owner })).items;
  // a product of our own, sold by weight: 12.80 yuan a kilogram, 20 kg on hand
  const plu = String(40000 + Math.floor(Math.random() * 50000));
  const digits = String(Date.now()).slice(-10);
  const gtinBody = `69${digits}`;
  const name = `散装葡萄${unique().slice(-4)}`;
  const product = await api('/products', { token: owner, body: { gtin: gtinBody + check(gtinBody), name, categoryId: cats[0].categoryId, unit: 'kg', plu, soldBy: 'weight' } });
  await api(`/prices/${product.gtin}`, { token: owner, method: 'PUT', body: { price: 1280, per: 'kg' } });
  await api(`/stores/${store.storeId}/stock/${product.gtin}/receipts`, { token: owner, key: unique(), body: { quantity: 20000, cost: 700, reference: 'E2E-W' } });
  // the label as this tenant's scales print it (GET /catalog/settings): 500 g, or its price 6.40 at 12.80 a kg
  const vm = (await api('/catalog/settings', { token: owner })).variableMeasure;
  const value = vm.value === 'weight' ? 500 : 640;
  const body = `${vm.prefixes[vm.prefixes.length > 1 ? 1 : 0]}${plu.padStart(vm.itemDigits, '0').slice(-vm.itemDigits)}${String(value).padStart(13 - 2 - vm.itemDigits - 1, '0')}`;
  const label = body + check(body);

  // 1. The till (desktop, zh-CN): the scale's label, then a bottle of water; the cart shows weight and price per kg and per 斤
  const till = await newPage(env.browser, { viewport: DESKTOP, lang: 'zh-CN' });
  assert.equal(await portalLogin(till, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await till.goto(`${env.baseUrl}/#/pos?store=${store.storeId}`);
  await till.waitForSelector('[data-testid=pos-scan] input[name=code]');
  await till.fill('[data-testid=pos-scan] input[name=code]', label);
  await till.press('[data-testid=pos-scan] input[name=code]', 'Enter');
  await till.waitForSelector('[data-testid=weighed-line]');
  const detail = await till.textContent('[data-testid=weighed-detail]');
  assert.match(detail, /0\.500 kg × ¥12\.80\/kg/, detail);
  assert.match(detail, /¥6\.40\/斤/, 'per 500 g in Chinese');
  assert.equal(fen(await till.textContent('[data-testid=pos-estimate]')), 640);
  // its own GTIN carries no weight: the till asks to weigh it
  await till.fill('[data-testid=pos-scan] input[name=code]', product.gtin.slice(1));
  await till.press('[data-testid=pos-scan] input[name=code]', 'Enter');
  await till.waitForSelector('[data-testid=pos-scan] .alert:not([hidden])');
  assert.match(await till.textContent('[data-testid=pos-scan] .alert:not([hidden])'), /称重/);
  await till.fill('[data-testid=pos-scan] input[name=code]', '6900000000014');
  await till.press('[data-testid=pos-scan] input[name=code]', 'Enter');
  await till.waitForSelector('[data-testid=pos-cart] [data-testid=qty]');
  const estimate = fen(await till.textContent('[data-testid=pos-estimate]'));
  assert.ok(estimate > 640, 'the water added');
  await shot(till, '90-pos-weighed-cart-zh');
  await till.click('[data-testid=pos-order] button[type=submit]');
  await till.waitForSelector('[data-testid=order-number]');
  assert.equal(fen(await till.textContent('[data-testid=order-total]')), estimate, 'the server priced what the till showed');
  assert.equal((await till.textContent('[data-testid=line-weight]')).trim(), '0.500 kg');
  assert.match(await till.textContent('[data-testid=line-per-kg]'), /¥12\.80\/kg/);
  await till.fill('[data-testid=pos-pay] input[name=tendered]', '50');
  await till.click('[data-testid=pos-pay] button[type=submit]');
  await till.waitForSelector('[data-testid=pos-paid]');
  await shot(till, '91-pos-weighed-paid-zh');
  const stock = await api(`/stores/${store.storeId}/stock/${product.gtin}`, { token: owner });
  assert.equal(stock.onHand, 19500, 'stock kept in grams');
  // the receipt (signed public link) prints the weight and the price per kg
  const link = await till.getAttribute('[data-testid=receipt-link]', 'href');
  const guest = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  await guest.goto(till.url().split('#')[0] + link);
  await guest.waitForSelector('[data-testid=line-weight]');
  assert.equal((await guest.textContent('[data-testid=line-weight]')).trim(), '0.500 kg');
  await shot(guest, '92-receipt-weighed-zh');
  assert.deepEqual(pageErrors(till), []);
  assert.deepEqual(pageErrors(guest), []);
  await guest.context().close();

  // 2. The till on a phone (390 px, en): the same label, in English
  const small = await newPage(env.browser, { mobile: true, lang: 'en' });
  assert.equal(await portalLogin(small, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await small.goto(`${env.baseUrl}/#/pos?store=${store.storeId}`);
  await small.waitForSelector('[data-testid=pos-scan] input[name=code]');
  await small.fill('[data-testid=pos-scan] input[name=code]', label);
  await small.press('[data-testid=pos-scan] input[name=code]', 'Enter');
  await small.waitForSelector('[data-testid=weighed-line]');
  const en = await small.textContent('[data-testid=weighed-detail]');
  assert.match(en, /0\.500 kg × ¥12\.80\/kg/);
  assert.doesNotMatch(en, /斤/);
  await shot(small, '93-pos-weighed-phone-en');
  assert.deepEqual(pageErrors(small), []);

  // 3. The customer's H5 shelf: per kg in English, per 斤 in Chinese
  const tenantId = await env.sampleTenantId();
  for (const [lang, re, name2] of [['en', /¥12\.80\/kg/, '94-h5-weighed-en'], ['zh-CN', /¥6\.40\/斤/, '95-h5-weighed-zh']]) {
    const phone = await newPage(env.browser, { mobile: true, lang });
    await phone.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
    await phone.fill('input[name=phone]', CUSTOMER_PHONE);
    await phone.fill('input[name=otp]', OTP);
    await phone.click('form button[type=submit]');
    await phone.click('[data-testid=shop-link]');
    await phone.waitForSelector('[data-testid=shelf]');
    await phone.goto(`${env.baseUrl}/#/h5/shop?store=${store.storeId}&q=${encodeURIComponent(name)}`);
    await phone.waitForSelector(`[data-testid=shelf] [data-gtin="${product.gtin}"] [data-testid=per-unit]`);
    assert.match(await phone.textContent(`[data-testid=shelf] [data-gtin="${product.gtin}"] [data-testid=per-unit]`), re);
    await shot(phone, name2);
    assert.deepEqual(pageErrors(phone), []);
    await phone.context().close();
  }
});
