// Journeys: the local outbox, the SMS unsubscribe page and the H5's "bind WeChat" (issue 22). A member of the sample
// tenant with a marketing_push grant and a points balance nobody else has (so a segment reaches her alone) gets an SMS
// and an in-app message. The owner reads the SMS outbox on a desktop in zh-CN (then the WeChat tab); the member opens
// the unsubscribe page of her message's signed link on a phone in English, withdraws and undoes it; then signs in to
// the H5 and binds WeChat from the message centre (the WeChat stand-in gives the wx.login code).
// Zhidian Local only (BASE_URL): the outbox and the WeChat stand-in exist there alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, OTP, PASSWORD, client, newPage, pageErrors, portalLogin, setUp, shot, unique } from './lib.mjs';

const live = Boolean(process.env.BASE_URL);
let env;
let api;
let owner;
let member; // { tenantId, phone, memberId, token }

before(async () => {
  env = await setUp();
  if (!live) return;
  api = client(env.baseUrl);
  owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const tenantId = await env.sampleTenantId();
  const stores = (await api('/stores', { token: owner })).items;
  const phone = `139${String(Date.now()).slice(-8)}`;
  const m = await api('/members', { token: owner, key: unique(), body: { phone, name: 'E2E 订阅会员', storeId: stores[0].storeId, consents: { marketing_push: true } } });
  const balance = 90_000 + Math.floor(Math.random() * 9_999); // under the default adjust limit (100,000), above what sample members hold
  await api(`/members/${m.memberId}/points/adjust`, { token: owner, key: unique(), body: { delta: balance, reason: 'E2E 唯一积分', confirmed: true } });
  const rules = [{ kind: 'points_balance', min: balance, max: balance }];
  // the summaries follow the table's stream: wait until the segment counts her (bounded)
  for (let i = 0; i < 100 && (await api('/segments/preview', { token: owner, body: { match: 'all', rules } })).withPushGrant < 1; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const settings = await api('/campaign-settings', { token: owner });
  // no quiet hours while the journey sends (it runs at any hour); the sample's settings are put back after
  await api('/campaign-settings', { token: owner, method: 'PUT', body: { quietHoursFrom: '00:00', quietHoursUntil: '00:00', frequencyCap: 50 } });
  try {
    const seg = await api('/segments', { token: owner, body: { name: `E2E 一人 ${unique()}`, match: 'all', rules } });
    for (const channel of ['sms', 'in_app']) {
      const c = await api('/campaigns', { token: owner, body: { title: `E2E ${channel} 周末特惠`, body: '牛奶买二送一，仅限本周末', channel, segmentId: seg.segmentId } });
      await api(`/campaigns/${c.campaignId}/send`, { token: owner, body: {} });
      for (let i = 0; i < 100; i++) {
        const now = await api(`/campaigns/${c.campaignId}`, { token: owner });
        if ((now.deliveryCounts?.delivered ?? 0) >= 1) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await api('/campaign-settings', { token: owner, method: 'PUT', body: { quietHoursFrom: settings.quietHoursFrom, quietHoursUntil: settings.quietHoursUntil, frequencyCap: settings.frequencyCap } });
  }
  const me = (await api('/local/auth/login', { body: { tenantId, phone, otp: OTP } })).idToken;
  const inbox = await api('/me/messages', { token: me });
  member = { tenantId, phone, memberId: m.memberId, token: inbox.items[0]?.unsubscribeToken };
});
after(async () => env?.close());

test('owner on a desktop reads the SMS outbox (recipient masked) and the WeChat tab (zh-CN)', { skip: !live && 'Zhidian Local only', timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.goto(`${env.baseUrl}/#/campaigns?outbox=sms`);
  await page.waitForSelector('[data-testid=outbox-tab-sms][aria-current=page]');
  const masked = `${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`;
  await page.waitForSelector(`[data-testid^=outbox-to-] >> text=${masked}`);
  assert.ok(!(await page.textContent('main')).includes(member.phone), 'the full phone number is never shown');
  await shot(page, '100-campaigns-outbox-sms');
  await page.click('[data-testid=outbox-tab-wechat]');
  await page.waitForSelector('[data-testid=outbox-tab-wechat][aria-current=page]');
  await shot(page, '101-campaigns-outbox-wechat');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});

test('member on a phone opens the unsubscribe link, is unsubscribed without signing in, and undoes it (en)', { skip: !live && 'Zhidian Local only', timeout: 120_000 }, async () => {
  assert.ok(member.token, 'the in-app message carries its signed unsubscribe token');
  const page = await newPage(env.browser, { mobile: true, lang: 'en' });
  await page.goto(`${env.baseUrl}/#/unsubscribe?t=${encodeURIComponent(member.token)}`);
  await page.waitForSelector('[data-testid=unsubscribe-undo]');
  assert.match(await page.textContent('[data-testid=unsubscribe-card]'), /marketing/i);
  await shot(page, '102-unsubscribe-page-phone');
  let consents = await api(`/members/${member.memberId}/consents/history`, { token: owner });
  assert.equal(consents.items[0].channel, 'unsubscribe_link');
  assert.equal(consents.items[0].granted, false);
  await page.click('[data-testid=unsubscribe-undo]');
  await page.waitForSelector('[data-testid=unsubscribe-undone]');
  await shot(page, '103-unsubscribe-undone-phone');
  consents = await api(`/members/${member.memberId}/consents/history`, { token: owner });
  assert.equal(consents.items[0].granted, true, 'the undo grants it again, in the history');
  // a forged link is refused and says so
  const forged = member.token.slice(0, member.token.indexOf('.') + 1) + 'AAAA' + member.token.slice(member.token.indexOf('.') + 5);
  await page.goto(`${env.baseUrl}/#/unsubscribe?t=${encodeURIComponent(forged)}`);
  await page.waitForSelector('[data-testid=unsubscribe-card] [role=alert], [data-testid=unsubscribe-card] .alert-error');
  await shot(page, '104-unsubscribe-forged-phone');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});

test('member on a phone binds WeChat from the message centre (zh-CN)', { skip: !live && 'Zhidian Local only', timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { mobile: true });
  await page.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(member.tenantId)}`);
  await page.waitForSelector('input[name=phone]');
  await page.fill('input[name=phone]', member.phone);
  await page.fill('input[name=otp]', OTP);
  await page.click('form button[type=submit]');
  await page.click('[data-testid=messages-link]');
  await page.waitForSelector('[data-testid=bind-wechat]');
  await shot(page, '105-h5-wechat-card');
  await page.click('[data-testid=bind-wechat]');
  await page.waitForSelector('[data-testid=wechat-bound]');
  assert.match(await page.textContent('[data-testid=wechat-bound]'), /已绑定微信（.+\*\*\*\*.+）/);
  await shot(page, '106-h5-wechat-bound');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});
