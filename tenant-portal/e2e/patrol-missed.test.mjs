// Journey: a missed patrol raising an alert. The owner sets up a checkpoint (its QR to print) and a route whose
// round was due ten minutes ago with two minutes' leeway, counting the past day's rounds; the patrol sweep runs (Zhidian
// Local's POST /local/schedules/PatrolSweepFunction); the missed checkpoint shows as an alert on the patrol page and
// in the rounds' history, and as a task in "my tasks"; the owner marks it handled. Desktop 1366x768 in zh-CN,
// phone 390x844 in English. Runs against the mock or a real Zhidian Local (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

/** HH:mm, ten minutes ago, in the sample tenant's zone (Asia/Shanghai, also the journeys' browser's). */
const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

async function journey(page, lang, prefix) {
  const name = lang === 'en' ? `Back door ${unique()}` : `后门 ${unique()}`;
  await page.waitForSelector('form[data-testid=checkpoint-form]');
  const cp = 'form[data-testid=checkpoint-form]';
  await page.fill(`${cp} input[name=name]`, name);
  await page.fill(`${cp} input[name=place]`, lang === 'en' ? 'Ground floor, by the loading bay' : '一楼卸货区');
  await page.click(`${cp} button[type=submit]`);
  await page.waitForSelector(`[data-testid^=checkpoint-]:has-text("${name}") img[src^="data:image/png"]`);
  await shot(page, `${prefix}-checkpoint-qr`);

  const rf = 'form[data-testid=route-form]';
  const routeName = lang === 'en' ? `Night round ${unique()}` : `夜间巡更 ${unique()}`;
  await page.fill(`${rf} input[name=name]`, routeName);
  await page.fill(`${rf} input[name=times]`, tenMinutesAgo());
  await page.fill(`${rf} input[name=toleranceMinutes]`, '2');
  await page.locator(`${rf} label.check:has-text("${name}") input`).check();
  await page.check(`${rf} [data-testid=count-today]`);
  await page.click(`${rf} button[type=submit]`);
  // the route is in the list (the status line still shows the checkpoint's success until the page is drawn again)
  await page.locator(`section[aria-labelledby=s-patrol-routes] td:has-text("${routeName}")`).waitFor();

  // the scheduled sweep, run now (Zhidian Local runs it every five minutes too)
  const swept = await page.evaluate(async () => (await fetch('/local/schedules/PatrolSweepFunction', { method: 'POST' })).status);
  assert.equal(swept, 200);
  await page.reload();
  const alert = page.locator(`[data-testid=patrol-alerts] li:has-text("${name}")`);
  await alert.waitFor();
  assert.match(await alert.textContent(), lang === 'en' ? /Missed/ : /漏巡/);
  assert.match(await page.textContent('section[aria-labelledby=s-patrol-rounds]'), lang === 'en' ? /Missed/ : /漏巡/);
  await shot(page, `${prefix}-missed-alert`);

  await page.goto(`${env.baseUrl}/#/tasks`);
  const task = page.locator(`[data-testid=task-patrol_alert]:has-text("${name}")`);
  await task.waitFor();
  await shot(page, `${prefix}-task`);
  await task.locator('a').click();
  await page.locator(`[data-testid=patrol-alerts] li:has-text("${name}") [data-testid=resolve]`).click();
  await page.waitForSelector('[role=status] .alert-success');
  assert.equal(await page.locator(`[data-testid=patrol-alerts] li:has-text("${name}")`).count(), 0, 'handled: no longer open');
  await shot(page, `${prefix}-handled`);
}

test('owner on a desktop: a missed patrol raises an alert, shows in the history and the task list, and is handled (zh-CN)', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('nav a[href="#/patrol"]');
  await journey(page, 'zh-CN', '100-patrol');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});

test('owner on a phone does the same in English', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { mobile: true });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('[data-testid=menu]');
  await page.selectOption('.topbar [data-testid=lang]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  if ((await page.getAttribute('[data-testid=menu]', 'aria-expanded')) !== 'true') await page.click('[data-testid=menu]');
  await page.click('nav a[href="#/patrol"]');
  await journey(page, 'en', '101-patrol-phone');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});

test('owner on a phone: the check-in page refuses a code that is not a checkpoint tag; an announcement is posted, read and its receipts shown (zh-CN)', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { mobile: true });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.goto(`${env.baseUrl}/#/patrol/check-in`);
  await page.waitForSelector('form[data-testid=check-in-form]');
  await page.fill('form[data-testid=check-in-form] input[name=code]', 'ZDP1.not.a.tag');
  await page.click('form[data-testid=check-in-form] button[type=submit]');
  await page.waitForSelector('form[data-testid=check-in-form] [data-form-alert]:not([hidden]), form[data-testid=check-in-form] .field-error:not([hidden])');
  await shot(page, '102-patrol-check-in-refused');

  const title = `周六盘点 ${unique()}`;
  await page.goto(`${env.baseUrl}/#/announcements`);
  await page.waitForSelector('form[data-testid=announcement-form]');
  await page.fill('form[data-testid=announcement-form] input[name=title]', title);
  await page.fill('form[data-testid=announcement-form] textarea[name=body]', '周六晚上 10 点闭店盘点，请准时到岗。');
  await page.click('form[data-testid=announcement-form] button[type=submit]');
  const card = page.locator(`[data-testid^=announcement-]:has-text("${title}")`);
  await card.waitFor();
  await page.waitForSelector('[data-testid=unread-badge]', { state: 'attached' }); // in the folded menu on a phone
  assert.ok(await page.isVisible('[data-testid=menu] .nav-badge'), 'the menu button carries the unread count on a phone');
  await card.locator('[data-testid=mark-read]').click();
  await page.locator(`.announcement.is-read:has-text("${title}")`).waitFor(); // the list is drawn again, read
  await page.locator(`[data-testid^=announcement-]:has-text("${title}") [data-testid=show-receipts]`).click();
  await page.locator(`[data-testid^=announcement-]:has-text("${title}") [data-testid=receipts] li`).first().waitFor();
  await shot(page, '103-announcements-phone');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});
