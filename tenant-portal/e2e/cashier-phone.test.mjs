// Journey 4 (issue 24): the cashier screen and the portal on a phone, in zh-CN and en, at 1366x768 and 390x844.
// Owner on a phone: the folded menu, finding a member by phone, redeeming points, a refused redemption worded by
// the portal; staff at a desk: finding by card number and by a scanned member code, and being told why an
// owner's page is not for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOMER_PHONE, LOGINS, OTP, PASSWORD, newPage, portalLogin, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

const STAFF = process.env.SAMPLE_STAFF ?? 'staff1@sample.zhidian.local';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 768 };
const num = (s) => Number(String(s).replace(/[^\d-]/g, ''));

async function api(path, token, init = {}) {
  const res = await fetch(`${env.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  return res.json();
}
async function token(username) {
  const res = await fetch(`${env.baseUrl}/local/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  return (await res.json()).idToken;
}

test('owner on a phone: one-line top bar, menu, cashier finds by phone and redeems; zh-CN and en', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { mobile: true, viewport: PHONE });
  const languages = [];
  page.on('request', (r) => r.url().includes('/members') && languages.push(r.headers()['accept-language']));
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.waitForSelector('table');
  // The bar is one line: brand and menu button only, the navigation folded away.
  const bar = await page.locator('.topbar').boundingBox();
  assert.ok(bar.height < 70, `top bar ${bar.height}px high`);
  assert.equal(await page.isVisible('.topbar nav'), false);
  // Tables become cards: no cell is squeezed narrower than a word.
  const widths = await page.$$eval('td', (tds) => tds.map((td) => td.getBoundingClientRect().width));
  assert.ok(Math.min(...widths) > 200, `narrowest cell ${Math.min(...widths)}px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'the page scrolls sideways');
  await shot(page, '40-phone-stores');
  await page.click('[data-testid=menu]');
  await page.waitForSelector('.topbar nav a[href="#/cashier"]', { state: 'visible' });
  await shot(page, '41-phone-menu', false);
  await page.click('.topbar nav a[href="#/cashier"]');

  await page.fill('input[name=query]', CUSTOMER_PHONE);
  await page.click('[data-testid=cashier-find] button[type=submit]');
  await page.waitForSelector('[data-testid=cashier-balance] small');
  const before = num(await page.textContent('[data-testid=cashier-balance]'));
  assert.ok(before > 10, `balance ${before}`);
  await page.fill('input[name=points]', '10');
  await page.click('[data-testid=cashier-redeem] button[type=submit]');
  await page.waitForSelector('[data-testid=cashier-redeemed]:not([hidden])');
  await page.waitForFunction((want) => Number(document.querySelector('[data-testid=cashier-balance]')?.textContent?.replace(/[^\d-]/g, '')) === want, before - 10);
  await shot(page, '42-phone-cashier-redeemed');

  // Over the balance: the portal's own words for points.not_enough, no English sentence in the Chinese UI.
  await page.fill('input[name=points]', String(before + 1000));
  await page.click('[data-testid=cashier-redeem] button[type=submit]');
  const alert = await page.waitForSelector('[data-testid=cashier-redeem] [data-form-alert]:not([hidden])');
  const words = await alert.textContent();
  assert.match(words, /积分不足/);
  assert.doesNotMatch(words, /[A-Za-z]{3,} [A-Za-z]{3,}/, `English in the zh-CN UI: ${words}`);
  await shot(page, '43-phone-cashier-refused');

  await page.click('[data-testid=menu]');
  await page.selectOption('.topbar [data-testid=lang]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.fill('input[name=query]', CUSTOMER_PHONE);
  await page.click('[data-testid=cashier-find] button[type=submit]');
  await page.waitForSelector('[data-testid=cashier-balance] small');
  await page.fill('input[name=points]', String(before + 1000));
  await page.click('[data-testid=cashier-redeem] button[type=submit]');
  await page.waitForSelector('[data-testid=cashier-redeem] [data-form-alert]:not([hidden])');
  assert.match(await page.textContent('[data-testid=cashier-redeem] [data-form-alert]'), /Not enough points/);
  await shot(page, '44-phone-cashier-en');

  assert.ok(languages.includes('zh-CN') && languages.includes('en'), `Accept-Language sent: ${languages}`);
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});

test('staff at a desk: cashier finds by card number and by scanned member code; an owner page says why not', { timeout: 120_000 }, async () => {
  const owner = await token(LOGINS.owner);
  const found = await api(`/members?phone=${CUSTOMER_PHONE}`, owner);
  const member = await api(`/members/${found.items[0].memberId}`, owner);
  // The code the customer's phone shows (the H5's card), as a scanner would read it.
  const login = await fetch(`${env.baseUrl}/local/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenantId: await env.sampleTenantId(), phone: CUSTOMER_PHONE, otp: OTP }),
  });
  const card = await api('/me/card', (await login.json()).idToken);
  member.qrPayload = card.qrPayload ?? card.qr?.payload;
  member.cardNo ??= card.cardNo;
  assert.ok(member.cardNo && member.qrPayload, `the sample member has a card and a QR payload: ${JSON.stringify(card)}`);

  const page = await newPage(env.browser, { viewport: DESK });
  assert.equal(await portalLogin(page, env.baseUrl, STAFF, PASSWORD), 'home');
  await page.goto(`${env.baseUrl}/#/cashier`);
  await page.fill('input[name=query]', member.cardNo);
  await page.click('[data-testid=cashier-find] button[type=submit]');
  await page.waitForSelector('[data-testid=cashier-balance] small');
  await shot(page, '45-desk-cashier-card');

  await page.click('text=下一位顾客');
  await page.fill('input[name=query]', member.qrPayload);
  await page.press('input[name=query]', 'Enter'); // as a scanner does
  await page.waitForSelector('[data-testid=cashier-member]');
  assert.match(await page.textContent('[data-testid=cashier-member]'), new RegExp(member.cardNo.slice(-4)));

  await page.fill('input[name=query]', '13900009999');
  await page.press('input[name=query]', 'Enter');
  await page.waitForSelector('[data-testid=cashier-none]');
  await shot(page, '46-desk-cashier-none');

  await page.goto(`${env.baseUrl}/#/staff`);
  const denied = await page.waitForSelector('[data-testid=denied]');
  assert.match(await denied.textContent(), /店主/);
  await shot(page, '47-desk-staff-denied');
  await page.selectOption('.topbar [data-testid=lang]', 'en');
  await page.waitForSelector('[data-testid=denied] >> text=only for');
  await shot(page, '48-desk-staff-denied-en');

  const phone = await newPage(env.browser, { mobile: true, viewport: PHONE });
  await portalLogin(phone, env.baseUrl, STAFF, PASSWORD);
  await phone.goto(`${env.baseUrl}/#/staff`);
  await phone.waitForSelector('[data-testid=denied]');
  await shot(phone, '49-phone-staff-denied');

  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
  await phone.context().close();
});
