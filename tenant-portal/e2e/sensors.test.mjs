// Journey: the store's sensors. The owner opens the sensors page, sees the open fridge alert with what was seen and
// what to do, acknowledges it, resolves it and finds it in the history; the energy, temperature/air and traffic
// charts are drawn. Desktop 1366x768 in zh-CN, phone 390x844 in English. Runs on the mock (seeded warming fridge);
// against a real Zhidian Local (BASE_URL) it acts on whatever alert the sample store has, or checks the empty state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, pageErrors, portalLogin, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());


async function journey(page, lang, prefix) {
  await page.waitForSelector('[data-testid=energy-chart] canvas');
  await page.waitForSelector('[data-testid=traffic-chart] canvas');
  await page.waitForSelector('[data-testid=alerts-active] :is(li, .empty)');
  await shot(page, `${prefix}-overview`);
  // the alerts other jobs raise are in the same list, in the reader's words (the mock seeds one of each)
  for (const [id, zh, en] of [['al_locker1', '储物柜取件超时', 'Pickup overdue in a locker'], ['al_stock1', '缺货风险', 'Stock-out risk']]) {
    const other = page.locator(`[data-testid=alerts-active] [data-testid=alert-${id}]`);
    if (await other.count()) assert.ok((await other.textContent()).includes(lang === 'en' ? en : zh), `${id} is worded`);
  }
  const cards = page.locator('[data-testid=alerts-active] li[data-testid^=alert-]');
  if ((await cards.count()) === 0) {
    assert.ok((await page.textContent('[data-testid=alerts-active]')).trim().length > 0, 'the empty state is worded');
    return;
  }
  const card = cards.first();
  const id = (await card.getAttribute('data-testid')).slice('alert-'.length);
  assert.match(await card.textContent(), lang === 'en' ? /What to do/ : /建议/);
  if (await card.locator(`[data-testid=ack-${id}]`).count()) {
    await card.locator(`[data-testid=ack-${id}]`).click();
    await page.waitForSelector(`[data-testid=alert-${id}].alert-acknowledged`);
    await shot(page, `${prefix}-acknowledged`);
  }
  await page.locator(`[data-testid=resolve-${id}]`).click();
  await page.waitForSelector('[role=status] .alert-success');
  await page.waitForFunction((i) => !document.querySelector(`[data-testid=alerts-active] [data-testid=alert-${i}]`), id);
  await page.locator('[data-testid=alerts-history] tr').nth(1).waitFor();
  await shot(page, `${prefix}-resolved`);
}

test('owner on a desktop sees a fridge alert, acknowledges and resolves it, and the energy, air and traffic charts (zh-CN)', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('nav a[href="#/sensors"]');
  await journey(page, 'zh-CN', '95-sensors');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});

test('owner on a phone does the same in English', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { mobile: true, viewport: { width: 390, height: 844 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('[data-testid=menu]');
  await page.selectOption('.topbar [data-testid=lang]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  if ((await page.getAttribute('[data-testid=menu]', 'aria-expanded')) !== 'true') await page.click('[data-testid=menu]');
  await page.click('nav a[href="#/sensors"]');
  await journey(page, 'en', '96-sensors-phone');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});
