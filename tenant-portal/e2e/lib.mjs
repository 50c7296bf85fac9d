// Shared set-up of the browser journeys: which server, which browser, where screenshots go.
// BASE_URL set: run against that (a running Zhidian Local). Unset: start the mock of e2e/mock on a
// free port, serving dist/ (built first if missing), so the journeys also run without the backend.
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHOTS = join(root, 'target', 'screenshots');
export const PASSWORD = process.env.SAMPLE_PASSWORD ?? 'Zhidian-Local-1';
export const LOGINS = {
  provider: process.env.SAMPLE_PROVIDER ?? 'provider@sample.zhidian.local',
  owner: process.env.SAMPLE_OWNER ?? 'owner@sample.zhidian.local',
};
/** The desktop the journeys that check both sizes use (the phone is newPage's `mobile`). */
export const DESKTOP = { width: 1366, height: 768 };
export const CUSTOMER_PHONE = process.env.SAMPLE_CUSTOMER_PHONE ?? '13800000000';
export const OTP = process.env.SAMPLE_OTP ?? '000000';

/** Starts what the journeys need; returns {baseUrl, browser, sampleTenantId(), close()}. */
export async function setUp() {
  let baseUrl = process.env.BASE_URL?.replace(/\/+$/, '');
  let mock = null;
  let mockTenant = null;
  if (!baseUrl) {
    if (!existsSync(join(root, 'dist', 'index.html'))) execSync('npx vite build', { cwd: root, stdio: 'inherit' });
    const m = await import('./mock/server.mjs');
    mock = await m.startMock({ port: 0, distDir: join(root, 'dist'), latencyMs: 30 });
    baseUrl = mock.url;
    mockTenant = m.SAMPLE_TENANT_ID;
  }
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    baseUrl,
    browser,
    /** SAMPLE_TENANT_ID, else the tenant in the sample owner's ID token. */
    async sampleTenantId() {
      if (process.env.SAMPLE_TENANT_ID) return process.env.SAMPLE_TENANT_ID;
      if (mockTenant) return mockTenant;
      const res = await fetch(`${baseUrl}/local/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: LOGINS.owner, password: PASSWORD }),
      });
      const { idToken } = await res.json();
      return JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString())['custom:tenant_id'];
    },
    async close() {
      await browser.close();
      if (mock) await mock.close();
    },
  };
}

/**
 * A fresh page: a phone (390x844, touch), the given viewport, or a desktop. `lang` also sets the portal's own
 * language choice before every load; without it the browser says zh-CN and the page keeps what the user picks.
 */
export async function newPage(browser, { mobile = false, viewport = null, lang = null } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? (mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 }),
    deviceScaleFactor: mobile ? 2 : 1,
    isMobile: mobile,
    hasTouch: mobile,
    locale: lang ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  if (lang) {
    await context.addInitScript((l) => {
      try {
        localStorage.setItem('zhidian.lang', l === 'en' ? 'en' : 'zh-CN');
      } catch {
        // about:blank has no storage; the app's pages do
      }
    }, lang);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.problems = problems;
  return page;
}

/** The page's errors, less the 4xx answers the journey provoked on purpose. */
export const pageErrors = (page) => page.problems.filter((p) => !/status of 4\d\d/.test(p));

/** A JSON client of the API for set-up and checks: api(path, {token, method, body, key}); throws on a non-2xx. */
export function client(baseUrl) {
  return async function api(path, { token, method, body, key } = {}) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (key) headers['Idempotency-Key'] = key;
    const verb = method ?? (body !== undefined ? 'POST' : 'GET');
    const res = await fetch(`${baseUrl}${path}`, { method: verb, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${verb} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

export async function shot(page, name, fullPage = true) {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Logs in through the form; returns the page's answer: 'home' or 'new-password'. */
export async function portalLogin(page, baseUrl, username, password) {
  await page.goto('about:blank'); // a fresh page: no alert left from an earlier try
  await page.goto(`${baseUrl}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form button[type=submit]');
  const which = await page
    .waitForFunction(() => {
      if (document.querySelector('input[name=newPassword]')) return 'new-password';
      if (document.querySelector('nav[aria-label] a[aria-current=page]')) return 'home';
      const alert = document.querySelector('[data-form-alert]:not([hidden])');
      return alert ? `error: ${alert.textContent}` : false;
    })
    .then((h) => h.jsonValue());
  if (which.startsWith('error')) throw new Error(`login of ${username} failed: ${which}`);
  return which;
}

/** A fresh GTIN-13 (prefix 69) with its GS1 check digit. */
export function gtin13() {
  let body = '69';
  for (let i = 0; i < 10; i++) body += Math.floor(Math.random() * 10);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
