// Journey 4: coupons end to end. The owner creates a coupon (with its preview) and gives it to the sample customer;
// the customer claims another on the H5 and shows its QR; a cashier checks and redeems it once; the owner sees the
// counts, and gives it to every member matching a filter with progress and a report. Desktop 1366x768 and
// phone 390x844, zh-CN and en. Needs the real API (BASE_URL): the mock has no coupons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOMER_PHONE, DESKTOP, LOGINS, newPage, OTP, pageErrors, PASSWORD, portalLogin, setUp, shot, unique } from './lib.mjs';

const STAFF = process.env.SAMPLE_STAFF ?? 'staff1@sample.zhidian.local';
let env;
before(async () => (env = await setUp()));
after(async () => env?.close());


test('coupons: create with preview, issue, claim on the H5 with QR, check and redeem once at the till', { timeout: 240_000, skip: !process.env.BASE_URL && 'needs the real API (BASE_URL)' }, async () => {
  const name = `E2E满20减5 ${unique()}`;

  // 1. The owner (desktop, zh-CN) creates a coupon and watches the preview follow the form.
  const owner = await newPage(env.browser, { viewport: DESKTOP, lang: 'zh-CN' });
  assert.equal(await portalLogin(owner, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await owner.click('nav a[href="#/coupons"]');
  await owner.waitForSelector('[data-testid=new-coupon]');
  await shot(owner, '40-coupons-list-zh');
  await owner.click('[data-testid=new-coupon]');
  await owner.fill('input[name=name]', name);
  await owner.fill('input[name=value]', '5');
  await owner.fill('input[name=minSpend]', '20');
  await owner.fill('input[name=totalStock]', '50');
  await owner.fill('input[name=perMemberLimit]', '2');
  await owner.waitForFunction((n) => document.querySelector('[data-testid=coupon-preview]')?.textContent.includes(n), name);
  const preview = await owner.textContent('[data-testid=coupon-preview]');
  assert.match(preview, /减 ¥5/);
  assert.match(preview, /满 ¥20 可用/);
  await shot(owner, '41-coupon-create-preview-zh');
  await owner.click('[data-testid=coupon-form] button[type=submit]');
  await owner.waitForSelector('[data-testid=issue-form]');
  const templateUrl = owner.url();

  // ... and gives one to the sample customer by phone.
  await owner.fill('#issue-phones', CUSTOMER_PHONE);
  await owner.click('[data-testid=issue-form] button[type=submit]');
  await owner.waitForSelector('[data-testid=issue-summary]');
  assert.match(await owner.textContent('[data-testid=issue-summary]'), /发出 1 张/);
  await owner.waitForFunction(() => document.querySelector('[data-testid=tpl-issued]')?.textContent.trim() === '1');
  await shot(owner, '42-coupon-issued-zh');

  // 2. The customer (phone, zh-CN) claims a second one in the coupon centre and shows its QR.
  const customer = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  const tenantId = await env.sampleTenantId();
  await customer.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
  await customer.fill('input[name=phone]', CUSTOMER_PHONE);
  await customer.fill('input[name=otp]', OTP);
  await customer.click('form button[type=submit]');
  await customer.click('[data-testid=coupons-link]');
  await customer.waitForSelector('[data-testid=coupon-centre] .ticket');
  const offer = customer.locator('[data-testid=coupon-centre] .ticket', { hasText: name });
  await offer.locator('button').click();
  await customer.waitForSelector('.alert-success');
  const mine = customer.locator('[data-testid=my-coupons] .ticket', { hasText: name });
  await customer.waitForFunction((n) => [...document.querySelectorAll('[data-testid=my-coupons] .ticket')].filter((x) => x.textContent.includes(n)).length === 2, name);
  await shot(customer, '43-h5-coupons-zh');
  await mine.first().locator('[data-testid=show-code]').click();
  await mine.first().locator('[data-testid=coupon-qr] img').waitFor();
  const code = (await mine.first().locator('[data-testid=coupon-code]').textContent()).trim();
  assert.match(code, /^[2-9A-HJ-NP-Z ]{17}$/);
  await mine.first().scrollIntoViewIfNeeded();
  await shot(customer, '44-h5-coupon-qr-zh', false);
  await customer.click('[data-testid=large-text]');
  await customer.waitForFunction(() => document.documentElement.classList.contains('large-text'));
  await shot(customer, '45-h5-coupons-large-text', false);
  await customer.click('[data-testid=large-text]');

  // 3. A cashier (desktop, en) types the code with a typo first, then checks and redeems it once.
  const till = await newPage(env.browser, { viewport: DESKTOP, lang: 'en' });
  assert.equal(await portalLogin(till, env.baseUrl, STAFF, PASSWORD), 'home');
  await till.click('nav a[href="#/redeem"]');
  const typo = code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z');
  await till.fill('[data-testid=coupon-code]', typo);
  await till.click('[data-testid=check-form] button[type=submit]');
  await till.waitForSelector('[data-form-alert]:not([hidden])');
  assert.match(await till.textContent('[data-form-alert]'), /mistyped/i);
  await till.fill('[data-testid=coupon-code]', code.toLowerCase());
  await till.click('[data-testid=check-form] button[type=submit]');
  await till.waitForSelector('[data-testid=verdict]');
  assert.match(await till.textContent('[data-testid=verdict]'), /It applies/);
  assert.match(await till.textContent('[data-testid=verdict-message]'), /¥5\.00 off/);
  await shot(till, '46-till-check-en');
  await till.click('[data-testid=redeem-now]');
  await till.waitForSelector('[data-testid=verdict]:has-text("Redeemed")');
  await shot(till, '47-till-redeemed-en');
  await till.fill('[data-testid=coupon-code]', code);
  await till.click('[data-testid=check-form] button[type=submit]');
  await till.waitForSelector('[data-testid=verdict].verdict-no');
  assert.match(await till.textContent('[data-testid=verdict-message]'), /already used/);
  await shot(till, '48-till-used-en');

  // 4. The owner's page counts the redemption; the customer sees the coupon used.
  await owner.goto(templateUrl);
  await owner.waitForFunction(() => document.querySelector('[data-testid=tpl-redeemed]')?.textContent.trim() === '1');
  await customer.reload();
  await customer.waitForSelector('[data-testid=my-coupons] .ticket[data-state=redeemed]');
  await shot(customer, '49-h5-coupon-used-zh');

  // ... and the member's page lists the coupon as used, with where and when.
  await owner.goto(`${env.baseUrl}/#/members?phone=${CUSTOMER_PHONE}`);
  await (await owner.waitForSelector('.result-list a.result')).click();
  await owner.waitForSelector('[data-testid=member-coupons] table');
  assert.match(await owner.textContent('[data-testid=member-coupons]'), /已使用/);
  await owner.locator('[data-testid=member-coupons]').scrollIntoViewIfNeeded();
  await shot(owner, '53-member-coupons-zh', false);

  // 5. Phone-sized owner list in English, and the till on a phone in Chinese.
  const ownerPhone = await newPage(env.browser, { mobile: true, lang: 'en' });
  assert.equal(await portalLogin(ownerPhone, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await ownerPhone.goto(`${env.baseUrl}/#/coupons`);
  await ownerPhone.waitForSelector(`a:has-text("${name}")`);
  await shot(ownerPhone, '50-coupons-list-en-phone');
  await ownerPhone.goto(`${env.baseUrl}/#/coupons/new`);
  await ownerPhone.waitForSelector('[data-testid=coupon-preview] .ticket');
  await shot(ownerPhone, '51-coupon-create-en-phone');
  const tillPhone = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  assert.equal(await portalLogin(tillPhone, env.baseUrl, STAFF, PASSWORD), 'home');
  await tillPhone.goto(`${env.baseUrl}/#/redeem`);
  await tillPhone.fill('[data-testid=coupon-code]', code);
  await tillPhone.click('[data-testid=check-form] button[type=submit]');
  await tillPhone.waitForSelector('[data-testid=verdict].verdict-no');
  assert.match(await tillPhone.textContent('[data-testid=verdict-message]'), /已于 .* 使用/);
  await shot(tillPhone, '52-till-used-zh-phone');

  // 6. The owner gives the coupon to every member with 0 points or more (zh-CN, desktop): progress, then the report,
  // where the sample customer (already at the limit of 2) is "已达每人限领数量". Then the same form on a phone in English.
  await owner.goto(templateUrl);
  await owner.waitForSelector('[data-testid=issue-filter-form]');
  // the home-store picker lists the tenant's stores after "any store" (the customer's home store is not known here)
  assert.ok((await owner.locator('[data-testid=issue-filter-form] select[name="filter.storeId"] option').count()) >= 2);
  await owner.fill('[data-testid=issue-filter-form] input[name="filter.minPoints"]', '0');
  await owner.click('[data-testid=issue-filter-form] button[type=submit]');
  await owner.waitForSelector('[data-testid=issue-progress]');
  // a large issue continues in the scheduled runner; run it now rather than wait for its minute
  await fetch(`${env.baseUrl}/local/schedules/CouponIssueJobsFunction`, { method: 'POST' }).catch(() => null);
  await owner.waitForFunction(() => document.querySelector('[data-testid=issue-progress]')?.value === 100, null, { timeout: 90_000 });
  await owner.waitForSelector('[data-testid=issue-job] table');
  assert.match(await owner.textContent('[data-testid=issue-filter-summary]'), /发出 \d+ 张/);
  // the customer is the one member at the limit: with the sample year's members loaded her row may be past the rows
  // the report shows, so its count says it
  assert.match(await owner.textContent('[data-testid=issue-job]'), /已达限领 1，/);
  await owner.locator('[data-testid=issue-job]').scrollIntoViewIfNeeded();
  await shot(owner, '54-coupon-issue-filter-zh', false);

  await ownerPhone.goto(templateUrl);
  await ownerPhone.waitForSelector('[data-testid=issue-filter-form]');
  await ownerPhone.fill('[data-testid=issue-filter-form] input[name="filter.minPoints"]', '10');
  await ownerPhone.fill('[data-testid=issue-filter-form] input[name="filter.maxPoints"]', '5');
  await ownerPhone.click('[data-testid=issue-filter-form] button[type=submit]');
  await ownerPhone.waitForSelector('[data-testid=issue-filter-form] [data-error-for="filter.maxPoints"]:not([hidden])');
  await ownerPhone.fill('[data-testid=issue-filter-form] input[name="filter.minPoints"]', '');
  await ownerPhone.fill('[data-testid=issue-filter-form] input[name="filter.maxPoints"]', '');
  await ownerPhone.click('[data-testid=issue-filter-form] button[type=submit]');
  await fetch(`${env.baseUrl}/local/schedules/CouponIssueJobsFunction`, { method: 'POST' }).catch(() => null);
  await ownerPhone.waitForFunction(() => document.querySelector('[data-testid=issue-progress]')?.value === 100, null, { timeout: 90_000 });
  assert.match(await ownerPhone.textContent('[data-testid=issue-filter-summary]'), /given; not given/);
  await ownerPhone.locator('[data-testid=issue-job]').scrollIntoViewIfNeeded();
  await shot(ownerPhone, '55-coupon-issue-filter-en-phone', false);

  for (const p of [owner, customer, till, ownerPhone, tillPhone]) {
    assert.deepEqual(pageErrors(p), []);
    await p.context().close();
  }
});
