// Journey: a customer joins from the H5 with a phone, the texted code and their own consent choices (none ticked for
// them), at 390 px in zh-CN and English; then the same phone "joins" again and is simply signed in; the join page
// without a store's QR says where to find one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, OTP, PASSWORD, newPage, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

/** A store of the sample tenant: the mock's, or the first one the sample owner sees. */
async function sampleStore(baseUrl) {
  if (!process.env.BASE_URL) return 'st_renmin';
  const login = await fetch(`${baseUrl}/local/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: LOGINS.owner, password: PASSWORD }) });
  const { idToken } = await login.json();
  const stores = await (await fetch(`${baseUrl}/stores`, { headers: { Authorization: `Bearer ${idToken}` } })).json();
  return stores.items[0].storeId;
}

const newPhone = () => `139${String(Date.now()).slice(-8)}`;

for (const [lang, title] of [['zh-CN', /加入会员/], ['en', /Join/]]) {
  test(`a customer joins from the H5 by phone and code (${lang})`, { timeout: 120_000 }, async () => {
    const tenantId = await env.sampleTenantId();
    const storeId = await sampleStore(env.baseUrl);
    const page = await newPage(env.browser, { mobile: true });
    await page.addInitScript((l) => localStorage.setItem('zhidian.lang', l), lang);
    await page.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}&store=${encodeURIComponent(storeId)}`);
    await page.click('[data-testid=to-join]');
    await page.waitForSelector('[data-testid=join-form]');
    assert.match(await page.textContent('h1'), title);
    // the two choices are offered, not made: neither is ticked
    assert.equal(await page.isChecked('[data-testid=join-marketing_push]'), false);
    assert.equal(await page.isChecked('[data-testid=join-personalization]'), false);
    await page.fill('input[name=phone]', '1390000');
    await page.click('[data-testid=join-send-code]');
    await page.waitForSelector('[data-error-for=phone]:not([hidden])');
    const phone = newPhone();
    await page.fill('input[name=phone]', phone);
    await page.click('[data-testid=join-send-code]');
    await page.waitForSelector(`[data-testid=join-code-sent]:has-text("${phone.slice(0, 3)}****${phone.slice(7)}")`);
    assert.equal(await page.isDisabled('[data-testid=join-send-code]'), true, 'no second code until the countdown ends');
    await page.fill('input[name=code]', '123456');
    await page.check('[data-testid=join-personalization]');
    await shot(page, `40-h5-join-${lang}`);
    await page.click('[data-testid=join-submit]');
    await page.waitForSelector('[data-form-alert]:not([hidden])');
    assert.equal(await page.isVisible('[data-testid=member-qr]'), false, 'a wrong code joins nobody');
    // a refused code keeps its session: the right code, on the same page, joins and signs in at once
    await page.fill('input[name=code]', OTP);
    await page.click('[data-testid=join-submit]');
    await page.waitForSelector('[data-testid=member-qr] img');
    assert.ok((await page.textContent('[data-testid=card-no]')).trim().length > 0, 'the new member has a card');
    await shot(page, `41-h5-joined-${lang}`);
    // the consent switches show the choice made: personalization on, marketing off
    assert.equal(await page.getAttribute('[data-testid=consent-personalization]', 'aria-checked'), 'true');
    assert.equal(await page.getAttribute('[data-testid=consent-marketing_push]', 'aria-checked'), 'false');
    assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
    await page.context().close();
  });
}

test('a member who joins again is signed in, and the join page without a QR says where to find one', { timeout: 120_000 }, async () => {
  const tenantId = await env.sampleTenantId();
  const storeId = await sampleStore(env.baseUrl);
  let page = await newPage(env.browser, { mobile: true });
  await page.goto(`${env.baseUrl}/#/h5/join?tenant=${encodeURIComponent(tenantId)}&store=${encodeURIComponent(storeId)}`);
  await page.waitForSelector('[data-testid=join-form]');
  const phone = newPhone();
  for (let i = 0; i < 2; i++) {
    if (i === 1) {
      await page.evaluate(() => sessionStorage.clear());
      await page.goto(`${env.baseUrl}/#/h5/join?tenant=${encodeURIComponent(tenantId)}&store=${encodeURIComponent(storeId)}`);
      await page.waitForSelector('[data-testid=join-form]');
    }
    await page.fill('input[name=phone]', phone);
    await page.click('[data-testid=join-send-code]');
    await page.waitForSelector('[data-testid=join-code-sent]:not(:empty)');
    await page.fill('input[name=code]', OTP);
    await page.click('[data-testid=join-submit]');
    await page.waitForSelector('[data-testid=member-qr] img');
  }
  // a join whose page was reloaded between the code and the answer: the code makes the member, and the sign-in code
  // that follows is asked for on the same page, with words saying so (the mock signs in at once)
  const again = newPhone().replace(/^139/, '138');
  await page.context().close();
  page = await newPage(env.browser, { mobile: true });
  await page.goto(`${env.baseUrl}/#/h5/join?tenant=${encodeURIComponent(tenantId)}&store=${encodeURIComponent(storeId)}`);
  await page.waitForSelector('[data-testid=join-form]');
  await page.fill('input[name=phone]', again);
  await page.click('[data-testid=join-send-code]');
  await page.waitForSelector('[data-testid=join-code-sent]:not(:empty)');
  await page.reload();
  await page.waitForSelector('[data-testid=join-form]');
  await page.fill('input[name=phone]', again);
  await page.click('[data-testid=join-send-code]');
  await page.waitForSelector('[data-testid=join-code-sent]:not(:empty)');
  await page.fill('input[name=code]', OTP);
  await page.click('[data-testid=join-submit]');
  // either signed in, or (Cognito) a member now with a sign-in code to enter: the code field emptied, the words say so
  await page.waitForFunction(() => document.querySelector('[data-testid=member-qr] img')
    || (/会员|member/.test(document.querySelector('[data-testid=join-code-sent]')?.textContent ?? '') && document.querySelector('input[name=code]')?.value === ''));
  if (!(await page.isVisible('[data-testid=member-qr] img'))) {
    await shot(page, '43-h5-join-sign-in-code');
    await page.fill('input[name=code]', OTP);
    await page.click('[data-testid=join-submit]');
  }
  await page.waitForSelector('[data-testid=member-qr] img');
  await page.context().close();

  const bare = await newPage(env.browser, { mobile: true });
  await bare.goto(`${env.baseUrl}/#/h5/join`);
  await bare.waitForSelector('[data-testid=join-needs-qr]');
  await shot(bare, '42-h5-join-needs-qr');
  await bare.context().close();
});
