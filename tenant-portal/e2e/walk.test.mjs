// Every page of every role, at both sizes: no serious or critical accessibility violation (axe-core, WCAG 2 A/AA),
// and in zh-CN no sentence in Latin script on the page (a server message that was not put in the reader's words).
// The pages are read from each role's own navigation, so a new page is walked without touching this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { CUSTOMER_PHONE, LOGINS, OTP, PASSWORD, newPage, portalLogin, setUp, shot } from './lib.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const STAFF = process.env.SAMPLE_STAFF ?? 'staff1@sample.zhidian.local';
const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// Three Latin words in a row ("must not be", "Invalid request body"): a sentence, not a code, an e-mail or a GTIN.
const LATIN_SENTENCE = /(?<![\w@.\/-])[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}(?![\w@.\/-])/;

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

/** Waits until the page's data has come (no request in flight, no "loading" status left). */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((e) => /加载|Loading/.test(e.textContent ?? '')));
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Sentences in Latin script in the page's text, outside code, inputs and things marked as not Chinese. */
async function latinSentences(page) {
  const text = await page.evaluate(() => {
    const main = document.body.cloneNode(true);
    main.querySelectorAll('code, pre, script, style, input, textarea, select, [lang]:not([lang^=zh]), [data-latin-ok]').forEach((e) => e.remove());
    // a detached copy has no layout, so its innerText would be one line: end every block and cell with a line break
    main.querySelectorAll('p, li, td, th, dd, dt, h1, h2, h3, h4, label, button, a, div, section, option').forEach((e) => e.append('\n'));
    return main.textContent;
  });
  return text.split('\n').filter((line) => LATIN_SENTENCE.test(line));
}

async function walk(page, label, hashes, viewport) {
  const found = [];
  for (const hash of hashes) {
    await page.goto(`${env.baseUrl}/${hash}`);
    await settle(page);
    for (const v of await axe(page)) found.push(`${label} ${viewport.width}px ${hash}: ${v}`);
    for (const s of await latinSentences(page)) found.push(`${label} ${hash}: Latin sentence in zh-CN: "${s.trim().slice(0, 120)}"`);
    await shot(page, `90-walk-${label}-${viewport.width}-${hash.replace(/[^a-z0-9]+/gi, '-')}`, false);
  }
  return found;
}

async function navHashes(page) {
  return page.$$eval('nav a[href^="#/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
}

for (const [label, username] of [['provider', LOGINS.provider], ['owner', LOGINS.owner], ['staff', STAFF]]) {
  test(`${label}: every page passes axe and speaks Chinese, desk and phone`, { timeout: 300_000 }, async () => {
    const found = [];
    for (const viewport of [DESK, PHONE]) {
      const page = await newPage(env.browser, { viewport, mobile: viewport === PHONE });
      await portalLogin(page, env.baseUrl, username, PASSWORD);
      const hashes = await navHashes(page);
      assert.ok(hashes.length >= 2, `${label} has a navigation: ${hashes}`);
      found.push(...(await walk(page, label, hashes, viewport)));
      await page.context().close();
    }
    assert.deepEqual(found, []);
  });
}

test('customer: the H5 pages pass axe and speak Chinese', { timeout: 300_000 }, async () => {
  const tenantId = await env.sampleTenantId();
  const page = await newPage(env.browser, { mobile: true, viewport: PHONE });
  await page.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
  await settle(page);
  const found = [];
  for (const v of await axe(page)) found.push(`h5 login: ${v}`);
  await page.fill('input[name=phone]', CUSTOMER_PHONE);
  await page.fill('input[name=otp]', OTP);
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-testid=points-balance]');
  found.push(...(await walk(page, 'h5', ['#/h5', '#/h5/coupons', '#/h5/shop', '#/h5/orders', '#/h5/messages'], PHONE)));
  assert.deepEqual(found, []);
});

/** A store of the sample tenant: the mock's, or the first one the sample owner sees. */
async function sampleStore() {
  if (!process.env.BASE_URL) return 'st_renmin';
  const login = await fetch(`${env.baseUrl}/local/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: LOGINS.owner, password: PASSWORD }) });
  const { idToken } = await login.json();
  return (await (await fetch(`${env.baseUrl}/stores`, { headers: { Authorization: `Bearer ${idToken}` } })).json()).items[0].storeId;
}

/** Text wider than a phone would need sideways scrolling: large text must wrap, never overflow. */
async function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

test('customer: the join page, and every H5 page in large-text mode, pass axe without sideways scrolling', { timeout: 300_000 }, async () => {
  const tenantId = await env.sampleTenantId();
  const store = await sampleStore();
  const found = [];
  for (const large of [false, true]) {
    const page = await newPage(env.browser, { mobile: true, viewport: PHONE });
    await page.addInitScript((on) => localStorage.setItem('zhidian.h5.largeText', on ? '1' : '0'), large);
    const label = large ? 'h5-large' : 'h5-join';
    const join = `#/h5/join?tenant=${encodeURIComponent(tenantId)}&store=${encodeURIComponent(store)}`;
    found.push(...(await walk(page, label, [join, '#/h5/join'], PHONE)));
    if (await overflows(page)) found.push(`${label} ${join}: wider than the phone`);
    if (large) {
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large-text')));
      await page.goto(`${env.baseUrl}/#/h5?tenant=${encodeURIComponent(tenantId)}`);
      await settle(page);
      await page.fill('input[name=phone]', CUSTOMER_PHONE);
      await page.fill('input[name=otp]', OTP);
      await page.click('form button[type=submit]');
      await page.waitForSelector('[data-testid=points-balance]');
      for (const hash of ['#/h5', '#/h5/coupons', '#/h5/shop', '#/h5/orders', '#/h5/messages']) {
        found.push(...(await walk(page, label, [hash], PHONE)));
        if (await overflows(page)) found.push(`${label} ${hash}: wider than the phone`);
      }
    }
    await page.context().close();
  }
  assert.deepEqual(found, []);
});

test("sign-in refusals are in the reader's words, zh-CN and en", { timeout: 120_000 }, async () => {
  for (const [lang, wrong, required] of [['zh-CN', /邮箱或密码不正确/, /必填/], ['en', /Wrong e-mail or password/, /Required/]]) {
    const page = await newPage(env.browser, { viewport: DESK });
    await page.addInitScript((l) => localStorage.setItem('zhidian.lang', l), lang);
    await page.goto(`${env.baseUrl}/#/login`);
    await page.fill('input[name=username]', LOGINS.owner);
    await page.fill('input[name=password]', 'Not-The-1-Password');
    await page.click('form button[type=submit]');
    const alert = await page.waitForSelector('[data-form-alert]:not([hidden])');
    assert.match(await alert.textContent(), wrong);
    if (lang === 'zh-CN') assert.deepEqual(await latinSentences(page), []);
    await page.fill('input[name=password]', '');
    await page.click('form button[type=submit]');
    assert.match(await (await page.waitForSelector('[data-error-for=password]:not([hidden])')).textContent(), required);
    await shot(page, `91-login-refused-${lang}`);
    await page.context().close();
  }
});
