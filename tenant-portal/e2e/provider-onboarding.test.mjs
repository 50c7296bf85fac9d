// Journey 1: a provider onboards a tenant through the wizard and reads the owner's temporary password;
// the new owner logs in, must set a new password, sees the stores, and adds a staff login.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

test('provider onboards a tenant; the new owner changes the password and sees the stores', { timeout: 180_000 }, async () => {
  const id = unique();
  const tenantName = `E2E 鲜果坊 ${id}`;
  const ownerEmail = `owner.${id}@e2e.zhidian.local`;
  const storeA = `鲜果坊 · 西湖店 ${id}`;
  const storeB = `鲜果坊 · 钱江超市 ${id}`;
  const phone = `139${String(Date.now()).slice(-8)}`;

  const page = await newPage(env.browser);
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.provider, PASSWORD), 'home');
  await page.waitForURL(/#\/admin\/tenants/);
  await page.waitForSelector('table, .empty');
  await shot(page, '01-provider-tenants');

  // Wizard, step 1: tenant
  await page.click('.page-head a[href="#/admin/onboard"]');
  await page.waitForSelector('input[name=name]');
  await page.fill('input[name=name]', tenantName);
  await page.selectOption('select[name=plan]', 'premium');
  assert.equal(await page.inputValue('select[name=timeZone]'), 'Asia/Shanghai');
  await shot(page, '02-wizard-tenant');
  await page.click('.wizard-actions button[type=submit]');

  // step 2: owner; a wrong phone is shown next to its field first
  await page.fill('input[name="owner.name"]', '周店主');
  await page.fill('input[name="owner.email"]', ownerEmail);
  await page.fill('input[name="owner.phone"]', '12345');
  await page.click('.wizard-actions button[type=submit]');
  await page.waitForSelector('[data-error-for="owner.phone"]:not([hidden])');
  assert.equal(await page.getAttribute('input[name="owner.phone"]', 'aria-invalid'), 'true');
  await shot(page, '03-wizard-owner-field-error');
  await page.fill('input[name="owner.phone"]', phone);
  await page.click('.wizard-actions button[type=submit]');

  // step 3: two stores
  await page.fill('input[name="stores.0.name"]', storeA);
  await page.selectOption('select[name="stores.0.format"]', 'convenience');
  await page.fill('input[name="stores.0.address"]', '杭州市西湖区文三路 100 号');
  await page.fill('input[name="stores.0.orderPrefix"]', 'wsl');
  await page.click('.store-block ~ div button');
  await page.fill('input[name="stores.1.name"]', storeB);
  await page.selectOption('select[name="stores.1.format"]', 'supermarket');
  await page.fill('input[name="stores.1.address"]', '杭州市上城区钱江路 58 号');
  await shot(page, '04-wizard-stores');
  await page.click('.wizard-actions button[type=submit]');

  // step 4: review and submit
  await page.waitForSelector('[data-step="3"]:not([hidden]) table');
  assert.match(await page.textContent('[data-step="3"]'), new RegExp(ownerEmail.replace(/\./g, '\\.')));
  assert.match(await page.textContent('[data-step="3"] table'), /WSL/);
  await shot(page, '05-wizard-review');
  await page.click('.wizard-actions button[type=submit]');

  const pwEl = await page.waitForSelector('[data-testid=temporary-password]');
  const temporaryPassword = (await pwEl.textContent()).trim();
  assert.ok(temporaryPassword.length >= 8, `temporary password shown: "${temporaryPassword}"`);
  const tenantId = (await page.textContent('[data-testid=tenant-id]')).trim();
  assert.ok(tenantId);
  await shot(page, '06-wizard-temporary-password');

  // Back to the list: the new tenant is there; suspend and resume it.
  await page.click('.secret-card .btn-primary');
  await page.waitForURL(/#\/admin\/tenants/);
  const row = page.locator('tbody tr', { hasText: tenantName });
  await row.waitFor();
  await row.locator('button').click();
  await page.waitForSelector('dialog[open]');
  await shot(page, '07-tenant-suspend-confirm', false);
  await page.click('dialog[open] .btn-danger');
  await row.locator('.badge-suspended').waitFor();
  await shot(page, '08-tenant-suspended');
  await row.locator('button').click();
  await page.click('dialog[open] .btn-primary');
  await row.locator('.badge-active').waitFor();

  await page.click('.topbar-tools .btn-ghost'); // log out
  await page.waitForSelector('input[name=username]');

  // The new owner: temporary password → forced new password → stores
  assert.equal(await portalLogin(page, env.baseUrl, ownerEmail, temporaryPassword), 'new-password');
  await shot(page, '09-owner-new-password');
  const newPassword = `Zd-${id}-New1`;
  await page.fill('input[name=newPassword]', newPassword);
  await page.fill('input[name=confirm]', newPassword + 'x');
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-error-for="confirm"]:not([hidden])');
  await page.fill('input[name=confirm]', newPassword);
  await page.click('form button[type=submit]');
  await page.waitForURL(/#\/stores/);
  await page.waitForSelector(`td >> text=${storeA}`);
  await page.waitForSelector(`td >> text=${storeB}`);
  assert.equal((await page.locator('tbody tr', { hasText: storeA }).locator('[data-testid=store-code]').textContent()).trim(), 'WSL');
  await shot(page, '10-owner-stores');

  // The owner adds a staff login for one store and reads its temporary password once.
  await page.click('nav a[href="#/staff"]');
  await page.waitForSelector('form input[name=email]');
  await page.fill('input[name=name]', '吴店员');
  await page.fill('input[name=email]', `staff.${id}@e2e.zhidian.local`);
  await page.locator('label.check', { hasText: storeA }).locator('input').check();
  await page.click('form button[type=submit]');
  const staffPw = (await (await page.waitForSelector('[data-testid=temporary-password]')).textContent()).trim();
  assert.ok(staffPw.length >= 8);
  await page.waitForSelector(`td >> text=staff.${id}@e2e.zhidian.local`);
  await shot(page, '11-owner-staff-added');

  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});
