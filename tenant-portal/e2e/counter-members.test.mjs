// Journey 5 (issue 24): enrolment at the counter with the two consent choices, the paged member list, and a
// suspended tenant's owner told why the forms are disabled; at 1366x768 and 390x844, zh-CN and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

const STAFF = process.env.SAMPLE_STAFF ?? 'staff1@sample.zhidian.local';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 768 };
const NEW_PASSWORD = 'Zhidian-Journey-9';

async function post(path, body, token) {
  const res = await fetch(`${env.baseUrl}${path}`, {
    method: path.includes('/admin/tenants/') ? 'PATCH' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test('staff enrols a member at the counter with both choices; the list pages; zh-CN desk and en phone', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: DESK });
  assert.equal(await portalLogin(page, env.baseUrl, STAFF, PASSWORD), 'home');
  await page.goto(`${env.baseUrl}/#/members`);
  await page.waitForSelector('[data-testid=member-list] table');
  await page.waitForSelector('[data-testid=enrol] select[name=storeId]');
  // Both purposes start unticked: the customer opts in.
  assert.equal(await page.isChecked('input[name="consents.marketing_push"]'), false);
  assert.equal(await page.isChecked('input[name="consents.personalization"]'), false);
  await shot(page, '50-desk-members-enrol');

  // A bad phone: the field error in the portal's words, beside the field.
  await page.fill('[data-testid=enrol] input[name=phone]', '12345');
  await page.click('[data-testid=enrol] button[type=submit]');
  const err = await page.waitForSelector('[data-testid=enrol] [data-error-for=phone]:not([hidden])');
  assert.doesNotMatch(await err.textContent(), /must|invalid/i);
  await shot(page, '51-desk-enrol-error');

  const phone = `139${String(Date.now()).slice(-8)}`;
  await page.fill('[data-testid=enrol] input[name=phone]', phone);
  await page.fill('[data-testid=enrol] input[name=name]', `柜台 ${unique()}`);
  await page.check('input[name="consents.marketing_push"]');
  await page.click('[data-testid=enrol] button[type=submit]');
  await page.waitForSelector('[data-testid=card-no]');
  const consentText = await page.textContent('.consent-badges');
  assert.match(consentText, /优惠活动推送：已同意|优惠活动推送：同意/);
  await shot(page, '52-desk-enrolled');
  // Staff see the phone masked (the till does not need it); a reveal shows it and goes into the owner's audit log.
  const card = await page.textContent('.member-card');
  assert.ok(card.includes(`${phone.slice(0, 3)}****${phone.slice(7)}`), card);
  assert.ok(!card.includes(phone), 'the whole phone is not on the staff screen');
  await page.click('[data-testid=reveal]');
  assert.equal(await (await page.waitForSelector('[data-testid=revealed-phone]')).textContent(), phone);
  await shot(page, '52b-desk-revealed');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();

  const mobile = await newPage(env.browser, { mobile: true, viewport: PHONE });
  await portalLogin(mobile, env.baseUrl, LOGINS.owner, PASSWORD);
  await mobile.goto(`${env.baseUrl}/#/members`);
  await mobile.waitForSelector('[data-testid=member-list] table');
  await mobile.click('[data-testid=menu]');
  await mobile.selectOption('.topbar [data-testid=lang]', 'en');
  await mobile.waitForSelector('[data-testid=member-list] table');
  assert.match(await mobile.textContent('[data-testid=member-list]'), /Card no\./);
  assert.ok(await mobile.evaluate(() => document.documentElement.scrollWidth <= 390), 'the page scrolls sideways');
  await shot(mobile, '53-phone-members-en');
  await mobile.context().close();
});

test("a suspended tenant's owner sees why the forms are disabled", { timeout: 120_000 }, async () => {
  const provider = (await post('/local/auth/login', { username: LOGINS.provider, password: PASSWORD })).body.idToken;
  const email = `owner-${unique()}@journey.zhidian.local`;
  const onboard = await post('/admin/tenants', {
    name: `暂停测试 ${unique()}`,
    plan: 'basic',
    owner: { name: '王店长', email, phone: '13900000001' },
    stores: [{ name: '暂停测试店', format: 'convenience', address: '上海市' }],
  }, provider);
  assert.equal(onboard.status, 201, JSON.stringify(onboard.body));
  const first = await post('/local/auth/login', { username: email, password: onboard.body.owner.temporaryPassword });
  const done = await post('/local/auth/new-password', { username: email, session: first.body.session, newPassword: NEW_PASSWORD });
  assert.ok(done.body.idToken, JSON.stringify(done.body));
  const suspended = await post(`/admin/tenants/${onboard.body.tenantId}`, { status: 'suspended' }, provider);
  assert.equal(suspended.status, 200);

  for (const [viewport, lang, name] of [[DESK, 'zh-CN', '54-desk-suspended'], [PHONE, 'en', '55-phone-suspended-en']]) {
    const page = await newPage(env.browser, { viewport, mobile: viewport === PHONE });
    await page.addInitScript((l) => localStorage.setItem('zhidian.lang', l), lang);
    await portalLogin(page, env.baseUrl, email, NEW_PASSWORD);
    const notice = await page.waitForSelector('[data-testid=suspended]');
    assert.match(await notice.textContent(), lang === 'en' ? /suspended/ : /暂停/);
    assert.equal(await page.isDisabled('#main form button[type=submit]'), true);
    await shot(page, name);
    await page.context().close();
  }
});

test('owner edits the points rules and reads the audit log; desk zh-CN, phone en', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: DESK });
  await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD);
  await page.click('nav a[href="#/rules"]');
  await page.waitForSelector('[data-testid=rules] input[name=pointsPerYuan]');
  const before = await page.inputValue('input[name=pointsPerYuan]');
  // Months are asked only for the rule that needs them.
  assert.equal(await page.isVisible('input[name=expiryMonths]'), false);
  await page.selectOption('select[name=expiry]', 'months_after_credit');
  assert.equal(await page.isVisible('input[name=expiryMonths]'), true);
  await page.fill('input[name=expiryMonths]', '0');
  await page.click('[data-testid=rules] button[type=submit]');
  await page.waitForSelector('[data-testid=rules] [data-error-for=expiryMonths]:not([hidden])');
  await shot(page, '56-desk-rules-error');
  await page.selectOption('select[name=expiry]', 'end_of_following_year');
  await page.fill('input[name=pointsPerYuan]', before);
  await page.click('[data-testid=rules] button[type=submit]');
  await page.waitForSelector('[data-testid=rules-saved]:not([hidden])');
  await shot(page, '57-desk-rules-saved');

  await page.click('nav a[href="#/audit"]');
  await page.waitForSelector('[data-testid=audit] td >> text=PUT /points/settings');
  await shot(page, '58-desk-audit');
  await page.context().close();

  const mobile = await newPage(env.browser, { mobile: true, viewport: PHONE });
  await mobile.addInitScript(() => localStorage.setItem('zhidian.lang', 'en'));
  await portalLogin(mobile, env.baseUrl, LOGINS.owner, PASSWORD);
  await mobile.goto(`${env.baseUrl}/#/audit`);
  await mobile.waitForSelector('[data-testid=audit] td');
  assert.ok(await mobile.evaluate(() => document.documentElement.scrollWidth <= 390), 'the page scrolls sideways');
  await shot(mobile, '59-phone-audit-en');
  await mobile.goto(`${env.baseUrl}/#/rules`);
  await mobile.waitForSelector('[data-testid=rules]');
  await shot(mobile, '60-phone-rules-en');
  await mobile.context().close();
});

test('staff edits a member; the owner erases one after confirming; phone en and desk zh-CN', { timeout: 120_000 }, async () => {
  const login = await post('/local/auth/login', { username: LOGINS.owner, password: PASSWORD });
  const owner = login.body.idToken;
  const stores = await (await fetch(`${env.baseUrl}/stores`, { headers: { Authorization: `Bearer ${owner}` } })).json();
  const joined = await post('/members', { phone: `136${String(Date.now()).slice(-8)}`, name: '待修改', storeId: stores.items[0].storeId }, owner);
  assert.equal(joined.status, 201);
  const memberPage = `${env.baseUrl}/#/members/${joined.body.memberId}`;

  const mobile = await newPage(env.browser, { mobile: true, viewport: PHONE });
  await mobile.addInitScript(() => localStorage.setItem('zhidian.lang', 'en'));
  await portalLogin(mobile, env.baseUrl, STAFF, PASSWORD);
  await mobile.goto(memberPage);
  await mobile.waitForSelector('[data-testid=member-edit]');
  assert.equal(await mobile.isVisible('[data-testid=erase-member]'), false, 'staff cannot erase');
  await mobile.fill('[data-testid=member-edit] input[name=name]', '已修改');
  await mobile.click('[data-testid=member-edit] button[type=submit]');
  await mobile.waitForSelector('#mc-title >> text=已修改');
  await shot(mobile, '64-phone-member-edited-en');
  await mobile.context().close();

  const page = await newPage(env.browser, { viewport: DESK });
  await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD);
  await page.goto(memberPage);
  await page.click('[data-testid=erase-member]');
  await page.waitForSelector('dialog[open]');
  await shot(page, '65-desk-erase-confirm', false);
  await page.click('dialog .btn-danger');
  await page.waitForURL(/#\/members$/);
  const gone = await fetch(`${env.baseUrl}/members/${joined.body.memberId}`, { headers: { Authorization: `Bearer ${owner}` } });
  const body = await gone.json();
  assert.ok(gone.status === 404 || body.status === 'erased' || !body.phone, `not erased: ${JSON.stringify(body)}`);
  await page.context().close();
});
