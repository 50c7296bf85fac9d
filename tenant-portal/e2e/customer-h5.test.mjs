// Journey 3: a customer on the H5 (phone-sized) logs in by phone and code, sees card and points,
// withdraws and re-grants marketing consent, downloads the data export and toggles large text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CUSTOMER_PHONE, OTP, newPage, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

test('customer logs in on the H5, sees card and points, changes consent, toggles large text', { timeout: 120_000 }, async () => {
  const tenantId = await env.sampleTenantId();
  const page = await newPage(env.browser, { mobile: true });
  await page.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
  await page.waitForSelector('input[name=phone]');
  assert.equal(await page.inputValue('input[name=tenantId]'), tenantId);
  // A 7-digit phone is refused on the page, before any request.
  await page.fill('input[name=phone]', '1380000');
  await page.click('[data-testid=send-code]');
  assert.match(await (await page.waitForSelector('[data-error-for=phone]:not([hidden])')).textContent(), /11 位/);
  await page.fill('input[name=phone]', CUSTOMER_PHONE);
  // fixing the field clears its message and the form's summary at once
  assert.equal(await page.isVisible('[data-error-for=phone]'), false);
  assert.equal(await page.isVisible('[data-form-alert]'), false);
  await page.click('[data-testid=send-code]');
  await page.waitForSelector(`[data-testid=code-sent]:has-text("${CUSTOMER_PHONE.slice(0, 3)}****${CUSTOMER_PHONE.slice(7)}")`);
  assert.equal(await page.isDisabled('[data-testid=send-code]'), true, 'no second code until the countdown ends');
  assert.match(await page.textContent('[data-testid=send-code]'), /秒后重发/);
  await page.fill('input[name=otp]', OTP);
  await shot(page, '30-h5-login');
  await page.click('form button[type=submit]');

  await page.waitForSelector('[data-testid=member-qr] img');
  await page.waitForSelector('[data-testid=points-balance]');
  assert.ok((await page.textContent('[data-testid=card-no]')).trim().length > 0);
  assert.match(await page.textContent('[data-testid=points-balance]'), /\d/);
  await shot(page, '31-h5-card-and-points');

  const sw = '[data-testid=consent-marketing_push]';
  if ((await page.getAttribute(sw, 'aria-checked')) !== 'true') {
    await page.click(sw);
    await page.waitForSelector(`${sw}[aria-checked=true]:not([disabled])`);
  }
  await page.click(sw); // withdraw
  await page.waitForSelector(`${sw}[aria-checked=false]:not([disabled])`);
  await page.locator(sw).scrollIntoViewIfNeeded();
  await shot(page, '32-h5-marketing-withdrawn', false);
  await page.click(sw); // grant again
  await page.waitForSelector(`${sw}[aria-checked=true]:not([disabled])`);
  // The server keeps it: a reload shows the grant.
  await page.reload();
  await page.waitForSelector(`${sw}[aria-checked=true]`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-data]')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(typeof exported, 'object');

  await page.click('[data-testid=large-text]');
  await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '33-h5-large-text', false);
  await page.reload(); // the choice persists
  await page.waitForSelector('[data-testid=large-text][aria-pressed=true]');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large-text')));
  await page.click('[data-testid=large-text]');
  await page.waitForFunction(() => !document.documentElement.classList.contains('large-text'));

  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});
