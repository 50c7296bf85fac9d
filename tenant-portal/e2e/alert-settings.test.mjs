// Journey: the owner routes alert texts. From the sensors page the owner opens the store's alert settings, types two
// alert phones (one of them wrong) and quiet hours with a fridge limit out of range, saves, and sees each refusal
// next to its field in the page's language; corrects them, saves, and after a reload finds the phones and the quiet
// hours kept. Desktop 1366x768 in zh-CN, phone 390x844 in English. Runs on the mock, or on a Zhidian Local (BASE_URL):
// there it changes the sample store's settings, so it puts the phones and quiet hours it found back at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, LOGINS, PASSWORD, newPage, pageErrors, portalLogin, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

const WORDS = {
  'zh-CN': { format: '格式不对', range: /需在 -30 到 15 之间/, saved: '告警设置已保存', title: '告警设置', check: '请检查填写的内容' },
  en: { format: 'Wrong format', range: /between -30 and 15/, saved: 'Alert settings saved', title: 'Alert settings', check: 'Please check your input' },
};

async function journey(page, lang, prefix) {
  const w = WORDS[lang];
  await page.click('[data-testid=alert-settings-link]');
  await page.waitForSelector('[data-testid=alert-settings]');
  assert.equal((await page.textContent('h1')).trim(), w.title);
  await shot(page, `${prefix}-open`);
  const before = await page.$$eval('[data-testid=alert-phones] input', (xs) => xs.map((x) => x.value));
  const quiet = [await page.inputValue('input[name=smsQuietStart]'), await page.inputValue('input[name=smsQuietEnd]')];
  const fridgeMax = await page.inputValue('input[name=fridgeMaxC]');

  // the first empty slot and one more: a good number and a wrong one; a fridge limit the API refuses
  const slot = before.findIndex((v) => v === '');
  assert.ok(slot >= 0 && slot <= 3, 'there is room for two more phones');
  await page.fill(`[data-testid=phone-${slot}]`, '+8613800138123');
  await page.click('[data-testid=add-phone]');
  await page.fill(`[data-testid=phone-${slot + 1}]`, '13800138');
  await page.fill('input[name=smsQuietStart]', '22:30');
  await page.fill('input[name=smsQuietEnd]', '07:15');
  await page.fill('input[name=fridgeMaxC]', '20');
  await page.click('[data-testid=save-alert-settings]');
  const phoneError = page.locator(`[data-error-for="alertPhones.${slot + 1}"]`);
  await phoneError.waitFor();
  assert.ok((await phoneError.textContent()).includes(w.format), 'the wrong phone is named next to it');
  assert.equal(await page.getAttribute(`[data-testid=phone-${slot + 1}]`, 'aria-invalid'), 'true');
  assert.match(await page.textContent('[data-error-for="fridgeMaxC"]'), w.range);
  assert.equal(await page.locator(`[data-error-for="alertPhones.${slot}"]`).isVisible(), false, 'the good phone is not flagged');
  assert.ok((await page.textContent('[data-form-alert]')).includes(w.check), 'the summary is in the page\'s language');
  await shot(page, `${prefix}-refused`);

  await page.fill(`[data-testid=phone-${slot + 1}]`, '+85291234567');
  await page.fill('input[name=fridgeMaxC]', fridgeMax);
  await page.click('[data-testid=save-alert-settings]');
  await page.waitForSelector('[data-testid=alert-settings-saved]:not([hidden])');
  assert.ok((await page.textContent('[data-testid=alert-settings-saved]')).includes(w.saved));
  assert.equal(await page.locator('[data-error-for]:not([hidden])').count(), 0, 'no field is flagged any more');
  await shot(page, `${prefix}-saved`);

  // what the API keeps: read again from a fresh page load
  await page.reload();
  await page.waitForSelector('[data-testid=alert-settings]');
  const after = await page.$$eval('[data-testid=alert-phones] input', (xs) => xs.map((x) => x.value).filter((v) => v !== ''));
  assert.ok(after.includes('+8613800138123') && after.includes('+85291234567'), `both phones kept: ${after}`);
  assert.equal(await page.inputValue('input[name=smsQuietStart]'), '22:30');
  assert.equal(await page.inputValue('input[name=smsQuietEnd]'), '07:15');

  // leave the store as it was (a real Zhidian Local's sample store is shared with other journeys)
  const inputs = page.locator('[data-testid=alert-phones] input');
  for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill(before[i] ?? '');
  await page.fill('input[name=smsQuietStart]', quiet[0]);
  await page.fill('input[name=smsQuietEnd]', quiet[1]);
  await page.click('[data-testid=save-alert-settings]');
  await page.waitForSelector('[data-testid=alert-settings-saved]:not([hidden])');
}

test('owner on a desktop sets the alert phones and SMS quiet hours, with refusals shown per field (zh-CN)', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: DESKTOP });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('nav a[href="#/sensors"]');
  await journey(page, 'zh-CN', '97-alert-settings');
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
  await journey(page, 'en', '98-alert-settings-phone');
  // nothing overflows the phone's width
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll at 390 px');
  assert.deepEqual(pageErrors(page), []);
  await page.context().close();
});
