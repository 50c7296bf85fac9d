// Journey: bulk import from CSV. The owner opens the import screen, picks a products file with an error row
// (a wrong check digit) and a GB18030 file from a Chinese Excel, watches the progress bar to the end, reads the
// row report (row, column, reason in the portal's words), then renames a category. Desktop 1366x768 in zh-CN,
// phone 390x844 in en. Needs the real backend (BASE_URL): the upload goes to Zhidian Local's S3 stand-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gtin13, LOGINS, PASSWORD, newPage, portalLogin, setUp, shot } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

const live = () => Boolean(process.env.BASE_URL);
const dir = mkdtempSync(join(tmpdir(), 'zhidian-import-'));

async function sized(browser, width, height) {
  const page = await newPage(browser, { mobile: width < 500 });
  await page.setViewportSize({ width, height });
  return page;
}

async function runImport(page, file, kind = 'products') {
  if (!(await page.isVisible('nav a[href="#/imports"]'))) await page.click('[data-testid=menu]'); // folded on a phone
  await page.click('nav a[href="#/imports"]');
  await page.waitForSelector('form[data-testid=import-form]');
  await page.selectOption('form[data-testid=import-form] select[name=kind]', kind);
  await page.setInputFiles('form[data-testid=import-form] input[name=file]', file);
  await page.click('form[data-testid=import-form] button[type=submit]');
  await page.waitForURL(/#\/imports\/imp_/);
  await page.waitForSelector('[data-testid=import-state][data-state=done], [data-testid=import-state][data-state=failed]');
}

test('owner imports products with an error row and reads the row report (desktop, zh-CN)', { timeout: 180_000, skip: !live() && 'needs BASE_URL (the mock has no imports)' }, async () => {
  const page = await sized(env.browser, 1366, 768);
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  const good = [gtin13(), gtin13(), gtin13()];
  const bad = good[0].slice(0, 12) + ((Number(good[0][12]) + 1) % 10);
  const file = join(dir, '商品导入.csv');
  writeFileSync(file, '\ufeff条码,品名,品牌,单位,规格,保质期\r\n'
    + `${good[0]},E2E 导入 绿茶 500ml,康师傅,瓶,500ml,270\r\n`
    + `${bad},E2E 坏条码,,瓶,,\r\n`
    + `${good[1]},E2E 导入 乌龙茶,,瓶,,abc\r\n`
    + `${good[2]},E2E 导入 矿泉水,,瓶,550ml,365\r\n`);
  await page.click('nav a[href="#/imports"]');
  await page.waitForSelector('form[data-testid=import-form]');
  await shot(page, '60-import-form');
  await runImport(page, file);
  await page.waitForSelector('[data-testid=report-row]');
  assert.equal(await page.textContent('[data-testid=import-state]'), '已完成');
  assert.equal(await page.textContent('[data-testid=count-created]'), '2');
  assert.equal(await page.textContent('[data-testid=count-refused]'), '2');
  assert.equal(await page.getAttribute('[data-testid=import-progress]', 'value'), '100');
  const rows = await page.$$eval('[data-testid=report-row]', (els) => els.map((e) => e.textContent));
  assert.deepEqual(rows, ['3', '4']);
  assert.match(await page.textContent('[data-code="gtin.check_digit"]'), /校验位/);
  assert.match(await page.textContent('[data-code="import.row.number"]'), /整数/);
  await shot(page, '61-import-report');

  // a GB18030 file, as a Chinese Excel saves "CSV": the Chinese name arrives intact
  const gb = join(dir, 'gb18030.csv');
  const g = gtin13();
  writeFileSync(gb, await gbBytes(`条码,品名,单位\r\n${g},E2E 统一老坛酸菜牛肉面,桶\r\n`));
  await runImport(page, gb);
  assert.equal(await page.textContent('[data-testid=count-created]'), '1');
  await page.goto(`${env.baseUrl}/#/products/0${g}`);
  await page.waitForSelector('h1:has-text("E2E 统一老坛酸菜牛肉面")');

  // the same file again: nothing changes, the error rows are reported again
  await runImport(page, file);
  assert.equal(await page.textContent('[data-testid=count-unchanged]'), '2');
  assert.equal(await page.textContent('[data-testid=count-created]'), '0');

  // rename a category from the products page
  await page.click('nav a[href="#/products"]');
  await page.waitForSelector('form[data-testid=category-rename-form]');
  const rf = 'form[data-testid=category-rename-form]';
  const newName = `饮品 ${Date.now() % 10000}`;
  await page.selectOption(`${rf} select[name=categoryId]`, { index: 0 });
  const original = await page.inputValue(`${rf} input[name=name]`);
  await page.fill(`${rf} input[name=name]`, newName);
  await page.click(`${rf} button[type=submit]`);
  await page.waitForSelector(`[data-testid=category-tree] a:has-text("${newName}")`);
  await shot(page, '62-category-renamed');
  // and back, so that the sample store keeps its names for the other journeys
  await page.fill(`${rf} input[name=name]`, original);
  await page.click(`${rf} button[type=submit]`);
  await page.waitForSelector(`[data-testid=category-tree] a:text-is("${original}")`);
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
});

test('owner on a phone imports prices in English and sees the refused row', { timeout: 180_000, skip: !live() && 'needs BASE_URL (the mock has no imports)' }, async () => {
  const page = await sized(env.browser, 390, 844);
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('[data-testid=menu]');
  await page.selectOption('.topbar [data-testid=lang]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const file = join(dir, 'prices.csv');
  writeFileSync(file, `gtin,price\n${gtin13()},2.50\n`);
  await runImport(page, file, 'prices');
  await page.waitForSelector('[data-testid=report-row]');
  assert.equal(await page.textContent('[data-testid=import-state]'), 'Done');
  assert.match(await page.textContent('[data-code="product.not_found"]'), /import the product first/);
  await shot(page, '63-import-phone-en');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
});

/** GB18030 bytes: Node's TextEncoder writes only UTF-8, so Python encodes them. */
async function gbBytes(text) {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text });
}
