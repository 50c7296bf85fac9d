// Journey: the in-store guide (智能导购, issue 25). The owner adds a zone to the store map by keyboard and by dragging
// and places a product in it (1366 px, zh-CN); a customer at the kiosk (1080×1920 portrait, then 1366×768) finds the
// product with the on-screen search and sees its zone highlighted, and the kiosk goes back to its start when left idle;
// the H5 guide from the poster's QR at 390 px in zh-CN with large text, and in English. axe-core on every page.
// Runs against a real Zhidian Local (BASE_URL, the sample store's map) or the mock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DESKTOP, LOGINS, PASSWORD, client, newPage, pageErrors, portalLogin, setUp, shot, unique } from './lib.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe-core violations (WCAG 2.1 A/AA) of the page, and whether it scrolls sideways. */
async function a11y(page) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)) found.push('scrolls sideways');
  return found;
}

let env;
let api;
let owner;
let store;
let product;
let token;
const zoneName = `试吃区${unique().slice(-4)}`;
let zoneId;

before(async () => {
  env = await setUp();
  api = client(env.baseUrl);
  owner = (await api('/local/auth/login', { body: { username: LOGINS.owner, password: PASSWORD } })).idToken;
  const stores = (await api('/stores', { token: owner })).items;
  store = stores.find((s) => s.format === 'supermarket') ?? stores[0];
  // a product on sale in the store: the guide's own search answers only those
  const products = (await api('/products?limit=50', { token: owner })).items.filter((p) => p.status !== 'delisted' && p.name.length >= 3);
  for (const p of products) {
    const probe = await fetch(`${env.baseUrl}/guide/${store.storeId}/search?t=${encodeURIComponent((await api(`/stores/${store.storeId}/map`, { token: owner })).guideToken)}&gtin=${p.gtin.replace(/^0/, '')}`);
    if (probe.ok) {
      product = p;
      break;
    }
  }
  assert.ok(product, 'a product on sale in the store');
  token = (await api(`/stores/${store.storeId}/map`, { token: owner })).guideToken;
});

after(async () => {
  await env?.close();
});

test('the owner adds a zone by keyboard and drag and places a product in it (1366, zh-CN)', { timeout: 120_000 }, async () => {
  const page = await newPage(env.browser, { viewport: DESKTOP, lang: 'zh-CN' });
  await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD);
  await page.goto(`${env.baseUrl}/#/guide?store=${store.storeId}&tab=map`);
  await page.waitForSelector('[data-testid=map-grid] [data-x]');
  await page.click('[data-testid=add-zone]');
  const nameInput = page.locator('[data-testid^=zone-name-]').last();
  await nameInput.fill(zoneName);
  zoneId = (await nameInput.getAttribute('data-testid')).replace('zone-name-', '');
  // two empty cells side by side on one row: the first painted by keyboard, then a drag over both and the next
  const spot = await page.evaluate(() => {
    const free = (x, y) => document.querySelector(`[data-x="${x}"][data-y="${y}"]`)?.dataset.zone === '';
    const cells = [...document.querySelectorAll('[data-testid=map-grid] [data-x]')];
    for (const c of cells) {
      const x = Number(c.dataset.x);
      const y = Number(c.dataset.y);
      if (free(x, y) && free(x + 1, y) && free(x + 2, y)) return { x, y };
    }
    return null;
  });
  assert.ok(spot, 'three free cells in a row on the map');
  const cell = (x, y) => page.locator(`[data-testid=map-grid] [data-x="${x}"][data-y="${y}"]`);
  await cell(spot.x, spot.y).focus();
  await page.keyboard.press('Space');
  assert.equal(await cell(spot.x, spot.y).getAttribute('data-zone'), zoneId, 'Space paints the focused cell');
  const a = await cell(spot.x + 1, spot.y).boundingBox();
  const b = await cell(spot.x + 2, spot.y).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  assert.equal(await cell(spot.x + 2, spot.y).getAttribute('data-zone'), zoneId, 'a drag paints the cells it passes');
  await page.click('[data-testid=save-map]');
  await page.waitForFunction(() => /已保存/.test(document.querySelector('[data-testid=map-status]')?.textContent ?? ''));
  await shot(page, 'g1-owner-map-zh');
  assert.deepEqual(await a11y(page), []);

  await page.click('[data-testid=guide-tab-placements]');
  await page.waitForSelector('[data-testid=product-search]');
  await page.fill('[data-testid=product-search] input[name=q]', product.name);
  await page.click('[data-testid=product-search] button[type=submit]');
  const form = page.locator(`[data-testid="place-${product.gtin}"]`);
  await form.waitFor();
  await form.locator('select[name=zoneId]').selectOption(zoneId);
  await form.locator('input[name=shelf]').fill('E2-1');
  await form.locator('button[type=submit]').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid=placements]')?.textContent?.includes(n), zoneName);
  await shot(page, 'g2-owner-placements-zh');
  assert.deepEqual(await a11y(page), []);

  await page.click('[data-testid=guide-tab-poster]');
  await page.waitForSelector('[data-testid=guide-qr]');
  assert.match(await page.textContent('[data-testid=guide-kiosk-link]'), new RegExp(`#/kiosk/${store.storeId}\\?t=`));
  await shot(page, 'g3-owner-poster-zh');
  assert.deepEqual(pageErrors(page), []);
});

test('a customer at the kiosk finds the product and sees its zone highlighted; idle, it goes back to its start (1080×1920, 1366×768)', { timeout: 120_000 }, async () => {
  for (const [viewport, name] of [[{ width: 1080, height: 1920 }, 'portrait'], [DESKTOP, 'landscape']]) {
    const page = await newPage(env.browser, { viewport, lang: 'zh-CN' });
    await page.goto(`${env.baseUrl}/#/kiosk/${store.storeId}?t=${encodeURIComponent(token)}&idle=8`);
    await page.waitForSelector('[data-testid=kiosk-keys]');
    // the on-screen keys type into the search (a barcode's digits), cleared again; then the name
    for (const k of '69') await page.click(`[data-testid=kiosk-keys] button:text-is("${k}")`);
    assert.equal(await page.inputValue('#guide-q'), '69');
    await page.click('[data-testid=kiosk-keys] button:text-is("清空")');
    await page.fill('#guide-q', product.name);
    await page.click('[data-testid=guide-go]');
    await page.waitForSelector('[data-testid=guide-product]');
    const where = await page.textContent('[data-testid=guide-results] [data-testid=guide-where]');
    assert.match(where, new RegExp(zoneName));
    assert.match(where, /E2-1/);
    assert.equal(await page.getAttribute('[data-testid=guide-map]', 'data-highlight'), zoneId);
    assert.match(await page.textContent('[data-testid=map-note]'), new RegExp(zoneName));
    await shot(page, `g4-kiosk-${name}-zh`, false);
    assert.deepEqual(await a11y(page), []);
    // the same product by the pinyin initials of its name (拼音首字母), spelled when it was placed
    const placed = (await api(`/stores/${store.storeId}/placements?kind=product&limit=100`, { token: owner })).items.find((p) => p.gtin === product.gtin);
    const initials = [...placed.pinyin].sort((a, b) => a.length - b.length)[0];
    assert.ok(initials && /^[a-z0-9]+$/.test(initials), `the placement's pinyin: ${JSON.stringify(placed.pinyin)}`);
    await page.fill('#guide-q', initials);
    await page.click('[data-testid=guide-go]');
    await page.waitForFunction((n) => document.querySelector('[data-testid=guide-results]')?.textContent?.includes(n), product.name);
    assert.match(await page.textContent('[data-testid=guide-results] [data-testid=guide-where]'), new RegExp(zoneName));
    if (name === 'portrait') await shot(page, 'g4b-kiosk-pinyin-zh', false);
    // left alone, the kiosk clears the search and the highlight. A slow machine may have reset it already while the
    // pinyin was looked up: touch the screen and read the count in one step, then wait for the reset after it.
    const resets = await page.evaluate(() => {
      const main = document.querySelector('main');
      main.dispatchEvent(new Event('pointerdown'));
      return Number(main.dataset.reset ?? '0');
    });
    await page.waitForFunction((n) => Number(document.querySelector('main')?.dataset.reset ?? '0') > n, resets);
    assert.equal(await page.inputValue('#guide-q'), '');
    assert.equal(await page.getAttribute('[data-testid=guide-map]', 'data-highlight'), '');
    assert.equal(await page.locator('[data-testid=guide-results] [data-testid=guide-product]').count(), 0);
    assert.deepEqual(pageErrors(page), []);
    await page.context().close();
  }
});

test('the H5 guide from the poster at 390 px: zh-CN with large text, and English', { timeout: 120_000 }, async () => {
  for (const lang of ['zh-CN', 'en']) {
    const page = await newPage(env.browser, { mobile: true, lang });
    await page.goto(`${env.baseUrl}/#/h5/guide/${store.storeId}?t=${encodeURIComponent(token)}`);
    await page.waitForSelector('[data-testid=guide-search]');
    if (lang === 'zh-CN') {
      await page.click('[data-testid=large-text]');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-text')), true);
    }
    await page.fill('#guide-q', product.name);
    await page.click('[data-testid=guide-go]');
    await page.waitForSelector('[data-testid=guide-product]');
    assert.match(await page.textContent('[data-testid=guide-results] [data-testid=guide-where]'), new RegExp(zoneName));
    assert.equal(await page.getAttribute('[data-testid=guide-map]', 'data-highlight'), zoneId);
    assert.match(await page.textContent('h1'), lang === 'en' ? /Store guide/ : /店内导购/);
    await shot(page, `g5-h5-${lang}`);
    assert.deepEqual(await a11y(page), []);
    // a nonsense word finds nothing and says so
    await page.fill('#guide-q', '不存在的东西zz');
    await page.click('[data-testid=guide-go]');
    await page.waitForSelector('[data-testid=guide-none]');
    assert.deepEqual(pageErrors(page), []);
    if (lang === 'zh-CN') await page.evaluate(() => localStorage.setItem('zhidian.h5.largeText', '0'));
    await page.context().close();
  }
  // a tampered link says so, and shows nothing of the store
  const page = await newPage(env.browser, { mobile: true, lang: 'zh-CN' });
  await page.goto(`${env.baseUrl}/#/h5/guide/${store.storeId}?t=${encodeURIComponent(`${token}x`)}`);
  await page.waitForSelector('[data-testid=guide-invalid]');
  assert.doesNotMatch(await page.textContent('main'), new RegExp(store.name));
  await page.context().close();
});
