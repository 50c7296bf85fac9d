// Journey: a complaint from QR scan to closed. The owner (desktop 1366x768, zh-CN) adds a merchant (a wrong licence
// check character is refused first), opens its counter in a department store and takes the credit QR's link; a
// customer on a phone (390x844, English) opens it with no login, reads the merchant's credit and files a complaint,
// and follows it; the owner records the merchant's answer, mediates and closes it upheld; the customer's tracking page
// shows it closed and the credit page the lower grade. The customer attaches a photo (a wrong type is refused in the
// page first; the preview and the large-text mode pass axe); the store and the tracking page show it, the credit page
// never. Runs on the mock, or against Zhidian Local (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe-core violations (WCAG 2.1 A/AA) of the page. */
async function a11y(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** A real small JPEG, drawn by the browser: a gray frame with a line of text. */
async function jpeg(page) {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 240;
    c.height = 160;
    const g = c.getContext('2d');
    g.fillStyle = '#888';
    g.fillRect(0, 0, 240, 160);
    g.fillStyle = '#fff';
    g.font = '16px sans-serif';
    g.fillText(`seam ${new Date().toISOString().slice(0, 19)}`, 10, 80);
    return c.toDataURL('image/jpeg', 0.8).split(',')[1];
  });
  return Buffer.from(b64, 'base64');
}

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function licence() {
  let b = '9131';
  while (b.length < 17) b += ALPHABET[Math.floor(Math.random() * 31)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(b[i]) * WEIGHTS[i];
  return b + ALPHABET[(31 - (sum % 31)) % 31];
}

/** A department store of the tenant: the first one, or a new one made through the API as the signed-in owner. */
async function departmentStore(page) {
  await page.waitForSelector('[data-testid=counters], .alert-warn');
  if (await page.locator('[data-testid=counter-store] option').count()) return;
  await page.evaluate(async () => {
    const token = Object.values(sessionStorage).find((v) => typeof v === 'string' && v.split('.').length === 3);
    const r = await fetch('/stores', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: '新光百货', format: 'department', address: '上海市黄浦区南京东路 300 号' }) });
    if (r.status !== 201) throw new Error(`store: ${r.status}`);
  });
  await page.reload();
  await page.waitForSelector('[data-testid=counter-store] option', { state: 'attached' });
}

test('a complaint from QR scan to closed: owner on a desktop (zh-CN), customer on a phone (en)', { timeout: 180_000 }, async () => {
  const owner = await newPage(env.browser);
  await owner.setViewportSize({ width: 1366, height: 768 });
  assert.equal(await portalLogin(owner, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await owner.click('nav a[href="#/merchants"]');
  await departmentStore(owner);

  const name = `丝绸之路 ${unique()}`;
  const good = licence();
  const wrong = good.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(good[17]) + 1) % 31];
  const form = owner.locator('[data-testid=merchant-form]');
  await form.locator('input[name=name]').fill(name);
  await form.locator('input[name=licenceNo]').fill(wrong);
  await form.locator('input[name=category]').fill('丝绸服饰');
  await form.locator('input[name=contactName]').fill('陈经理');
  await form.locator('input[name=contactPhone]').fill('13912345678');
  await form.locator('button[type=submit]').click();
  await owner.waitForSelector('[data-error-for=licenceNo]:not([hidden])');
  assert.match(await owner.textContent('[data-error-for=licenceNo]'), /校验位/);
  await shot(owner, '96-merchants-licence-refused');
  await form.locator('input[name=licenceNo]').fill(good);
  await form.locator('button[type=submit]').click();
  await owner.waitForSelector(`text=${name}`);

  const counterForm = owner.locator('[data-testid=counter-form]');
  await counterForm.locator('select[name=merchantId]').selectOption({ label: name });
  await counterForm.locator('input[name=floor]').fill('3F');
  await counterForm.locator('input[name=location]').fill('东区 3-12');
  await counterForm.locator('button[type=submit]').click();
  const card = owner.locator('[data-testid^=counter-]', { hasText: name });
  await card.locator('img').waitFor();
  await shot(owner, '96-merchants-counter-qr');
  const link = await card.locator('[data-testid=credit-link]').getAttribute('href');
  assert.match(link, /#\/credit\/[^?]+\?t=/);

  // the customer scans the QR: no login, a phone, in English
  const phone = await newPage(env.browser, { mobile: true });
  await phone.goto(link);
  await phone.waitForSelector('[data-testid=credit-page]');
  await phone.selectOption('[data-testid=lang]', 'en');
  await phone.waitForFunction(() => document.documentElement.lang === 'en');
  await phone.waitForSelector('[data-testid=credit-page]');
  assert.match(await phone.textContent('[data-testid=credit-page]'), new RegExp(name));
  assert.equal(await phone.textContent('[data-testid=licence]'), good);
  assert.match(await phone.textContent('[data-testid=grade]'), /grade A/);
  await shot(phone, '96-credit-page-phone');
  await phone.fill('textarea[name=what]', 'The coat I bought came apart at the seams the next day.');
  await phone.fill('input[name=phone]', '13812345678');
  // a photo: a GIF is refused in the page, a JPEG is previewed; the form passes axe in large text
  await phone.setInputFiles('[data-testid=photo-input]', { name: 'seam.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await phone.waitForSelector('[data-error-for=photo]:not([hidden])');
  assert.match(await phone.textContent('[data-error-for=photo]'), /JPEG, PNG or WebP/);
  const photo = await jpeg(phone);
  await phone.setInputFiles('[data-testid=photo-input]', { name: 'seam.jpg', mimeType: 'image/jpeg', buffer: photo });
  await phone.waitForSelector('[data-testid=photo-preview] img');
  assert.equal(await phone.locator('[data-error-for=photo]').isHidden(), true);
  await phone.click('[data-testid=large-text]');
  assert.deepEqual(await a11y(phone), [], 'the complaint form with its photo passes axe in large text');
  await shot(phone, '96-credit-complaint-photo-phone');
  await phone.click('[data-testid=large-text]');
  await phone.click('[data-testid=complaint-form] button[type=submit]');
  await phone.waitForSelector('[data-testid=track-link]');
  await shot(phone, '96-credit-complaint-filed-phone');
  await phone.click('[data-testid=track-link]');
  await phone.waitForSelector('[data-testid=track-page]');
  assert.equal(await phone.textContent('[data-testid=track-status]'), 'Received');
  const complaintId = decodeURIComponent(phone.url().match(/#\/track\/([^?]+)/)[1]);
  await phone.waitForSelector('[data-testid=complaint-photo] img[src^="data:image/jpeg;base64,"]');
  assert.equal(await phone.evaluate(() => document.querySelector('[data-testid=complaint-photo] img').naturalWidth), 240, 'the photo comes back whole');
  await shot(phone, '96-track-photo-phone');

  // the store works it: the merchant's answer, mediation, closed upheld
  await owner.click('nav a[href="#/complaints"]');
  const item = owner.locator(`[data-testid=complaint-${complaintId}]`);
  await item.waitFor();
  await item.locator('[data-testid=complaint-photo] img').waitFor();
  await item.locator('input[name=note]').fill('商户同意退货退款');
  await item.locator('[data-testid=step-answer]').click();
  await owner.locator(`[data-testid=complaint-${complaintId}] [data-testid=step-mediate]`).waitFor();
  await owner.locator(`[data-testid=complaint-${complaintId}] input[name=note]`).fill('约顾客周六到店');
  await owner.locator(`[data-testid=complaint-${complaintId}] [data-testid=step-mediate]`).click();
  await owner.locator(`[data-testid=complaint-${complaintId}] select[name=outcome] option[value=upheld]`).waitFor({ state: 'attached' });
  await owner.locator(`[data-testid=complaint-${complaintId}] select[name=outcome]`).selectOption('upheld');
  await owner.locator(`[data-testid=complaint-${complaintId}] [data-testid=step-close]`).click();
  await owner.locator(`[data-testid=complaint-${complaintId}].status-closed`).waitFor();
  assert.equal(await owner.locator(`[data-testid=complaint-${complaintId}] [data-testid=steps] li`).count(), 4);
  await shot(owner, '96-complaints-closed');

  await phone.reload();
  await phone.waitForSelector('[data-testid=track-page]');
  assert.equal(await phone.textContent('[data-testid=track-status]'), 'Closed');
  assert.match(await phone.textContent('[data-testid=track-page]'), /Upheld/);
  assert.doesNotMatch(await phone.textContent('body'), /13812345678/, 'the phone is not on the tracking page');
  await shot(phone, '96-track-closed-phone');
  await phone.goto(link);
  await phone.waitForSelector('[data-testid=credit-page]');
  assert.match(await phone.textContent('[data-testid=grade]'), /87 points · grade B/);
  assert.equal(await phone.locator('[data-testid=credit-page] img, [data-testid=complaint-photo]').count(), 0, 'no photo on the credit page');
  await shot(phone, '96-credit-page-after-phone');

  // the owner's pages on a phone, in English
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.click('[data-testid=menu]');
  await owner.selectOption('.topbar [data-testid=lang]', 'en');
  await owner.waitForFunction(() => document.documentElement.lang === 'en');
  await owner.waitForSelector(`[data-testid=complaint-${complaintId}]`);
  await shot(owner, '96-complaints-phone-en');
  assert.deepEqual(owner.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  assert.deepEqual(phone.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await owner.context().close();
  await phone.context().close();
});
