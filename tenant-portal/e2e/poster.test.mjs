// Issue 24: the owner prints a store's QR poster; a customer who scans it lands in the H5 with the merchant and the
// store chosen (never asked for a merchant id), signs in and shops in that store. Desk zh-CN, phone en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOMER_PHONE, LOGINS, OTP, PASSWORD, newPage, portalLogin, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

test("a store's QR poster opens the H5 on that merchant and store", { timeout: 120_000 }, async () => {
  const desk = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  await portalLogin(desk, env.baseUrl, LOGINS.owner, PASSWORD);
  await desk.goto(`${env.baseUrl}/#/stores`);
  await desk.waitForSelector('[data-testid=store-poster]');
  const posters = await desk.$$('[data-testid=store-poster]');
  assert.ok(posters.length >= 2, 'every store has a poster');
  await posters[1].click();
  await desk.waitForSelector('[data-testid=poster-qr][src^="data:image/png"]');
  const link = await desk.textContent('[data-testid=poster-link]');
  const storeId = new URL(link.replace('#/h5?', 'h5?')).searchParams.get('store');
  assert.ok(storeId, link);
  assert.match(await desk.textContent('[data-testid=poster]'), /扫码成为会员/);
  await shot(desk, '95-desk-store-poster');
  await desk.emulateMedia({ media: 'print' });
  assert.equal(await desk.isVisible('[data-testid=poster-print]'), false, 'the buttons do not print');
  await shot(desk, '96-desk-store-poster-print');
  await desk.context().close();

  const phone = await newPage(env.browser, { mobile: true });
  await phone.addInitScript(() => localStorage.setItem('zhidian.lang', 'en'));
  await phone.goto(link);
  await phone.waitForSelector('input[name=phone]');
  assert.equal(await phone.isVisible('input[name=tenantId]'), false, 'no merchant id is asked');
  await shot(phone, '97-phone-h5-from-poster-en');
  await phone.fill('input[name=phone]', CUSTOMER_PHONE);
  await phone.fill('input[name=otp]', OTP);
  await phone.click('form button[type=submit]');
  await phone.waitForSelector('[data-testid=points-balance]');
  await phone.goto(`${env.baseUrl}/#/h5/shop`);
  await phone.waitForSelector('select[name=store]');
  assert.equal(await phone.inputValue('select[name=store]'), storeId, "the shop opens on the poster's store");
  await shot(phone, '98-phone-h5-shop-from-poster-en');
  assert.deepEqual(phone.problems, []);
  await phone.context().close();
});
