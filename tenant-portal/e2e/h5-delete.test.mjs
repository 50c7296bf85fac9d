// Journey 6 (issue 24): a customer deletes her member account in the H5, after reading what it means
// (390x844 in en first, then zh-CN at 1366x768); afterwards she can no longer log in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, OTP, PASSWORD, newPage, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

async function h5Login(page, tenantId, phone) {
  await page.goto(`${env.baseUrl}/#/h5?tenant=${tenantId}`);
  await page.fill('input[name=phone]', phone);
  await page.fill('input[name=otp]', OTP);
  await page.click('form button[type=submit]');
}

test('a customer reads the consequences and deletes her account; then she cannot log in', { timeout: 120_000 }, async () => {
  const tenantId = await env.sampleTenantId();
  const login = await fetch(`${env.baseUrl}/local/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: LOGINS.owner, password: PASSWORD }) });
  const owner = (await login.json()).idToken;
  const stores = await (await fetch(`${env.baseUrl}/stores`, { headers: { Authorization: `Bearer ${owner}` } })).json();
  const phone = `137${String(Date.now()).slice(-8)}`;
  const joined = await fetch(`${env.baseUrl}/members`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${owner}` },
    body: JSON.stringify({ phone, name: '注销测试', storeId: stores.items[0].storeId }),
  });
  assert.equal(joined.status, 201);

  const mobile = await newPage(env.browser, { mobile: true });
  await mobile.addInitScript(() => localStorage.setItem('zhidian.lang', 'en'));
  await h5Login(mobile, tenantId, phone);
  await mobile.waitForSelector('[data-testid=delete-me]');
  await mobile.locator('.delete-me').scrollIntoViewIfNeeded();
  assert.match(await mobile.textContent('.delete-me'), /cannot be undone/);
  await shot(mobile, '61-h5-delete-en', false);
  await mobile.context().close();

  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  await h5Login(page, tenantId, phone);
  await page.click('[data-testid=delete-me]');
  await page.waitForSelector('dialog[open]');
  await shot(page, '62-h5-delete-confirm', false);
  await page.click('dialog .btn:not(.btn-danger)'); // cancel: nothing happens
  assert.equal(await page.isVisible('[data-testid=delete-me]'), true);
  await page.click('[data-testid=delete-me]');
  await page.click('dialog .btn-danger');
  await page.waitForSelector('[data-testid=deleted]');
  await shot(page, '63-h5-deleted');

  await page.fill('input[name=phone]', phone);
  await page.fill('input[name=otp]', OTP);
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-form-alert]:not([hidden])');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});
