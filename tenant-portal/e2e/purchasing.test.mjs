// Journey: purchasing. The owner opens the purchasing page: the replenishment list with its reasons, the forecast
// chart of the first product with its 80 % / 95 % bands, creates a purchase order from the picked suggestions,
// exports it (CSV), receives part of it and closes it short, and reads the assortment hints. Desktop 1366x768 in
// zh-CN, phone 390x844 in English. Runs on the mock (seeded supplier and forecast); against a real Zhidian Local
// (BASE_URL) it works with whatever the sample store has, and checks the empty state when no supplier exists yet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, pageErrors, portalLogin, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());


async function journey(page, lang, prefix) {
  await page.waitForSelector('[data-testid=replenishment] :is(table, .empty)');
  await page.waitForSelector('[data-testid=assortment] :is(table, .empty, .alert)');
  if (!(await page.locator('[data-testid=replenishment] table').count())) {
    assert.ok((await page.textContent('[data-testid=replenishment]')).trim().length > 0, 'the empty state is worded');
    await shot(page, `${prefix}-empty`);
    return;
  }
  await page.waitForSelector('[data-testid=forecast-chart] canvas');
  assert.match(await page.textContent('[data-testid=replenishment]'), lang === 'en' ? /lead time/ : /交货期/);
  assert.match(await page.textContent('[data-testid=forecast-mase]'), /MASE|回测|backtest/i);
  await shot(page, `${prefix}-overview`);
  // pick the first suggestion even when it says 0 (the quantity field then proposes one case)
  await page.locator('[data-testid^=pick-]').first().check();
  await page.click('[data-testid=create-po]');
  await page.waitForSelector('[role=status] .alert-success');
  const send = page.locator('[data-testid^=send-csv-]').first();
  await send.waitFor();
  const id = (await send.getAttribute('data-testid')).slice('send-csv-'.length);
  const download = page.waitForEvent('download');
  await send.click();
  assert.match((await download).suggestedFilename(), /\.csv$/);
  await page.waitForSelector(`[data-testid=receive-${id}]`);
  await page.click(`[data-testid=receive-${id}]`);
  const form = page.locator(`[data-testid=receipt-form-${id}]`);
  const qty = form.locator('input[type=number]').first();
  const ordered = Number(await qty.inputValue());
  await qty.fill(String(Math.max(0, ordered - 2)));
  await form.locator('[data-testid=closes]').check();
  await shot(page, `${prefix}-receive`);
  await form.locator('[data-testid=confirm-receipt]').click();
  await page.waitForFunction((i) => /已收货|Received/.test(document.querySelector(`[data-testid=status-${i}]`)?.textContent ?? ''), id);
  assert.match(await page.textContent('[data-testid=purchase-orders]'), lang === 'en' ? /2 short/ : /缺 2/);
  await page.locator('[data-testid=assortment]').scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-received`);
}

test('owner on a desktop turns a replenishment suggestion into a purchase order and receives it short (zh-CN)', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('nav a[href="#/purchasing"]');
  await journey(page, 'zh-CN', '97-purchasing');
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
  await page.click('nav a[href="#/purchasing"]');
  await journey(page, 'en', '98-purchasing-phone');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});
