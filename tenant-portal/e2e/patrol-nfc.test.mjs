// Journey: NFC checkpoint tags. The owner (desktop 1366x768, zh-CN) sets up a checkpoint and a round due now; without
// Web NFC the card's "write tag" shows the tag's link to copy into a writer app; with Web NFC (a fake NDEFReader put in
// the page, as Chrome on Android has one) it writes one NDEF URL record with that link. A staff phone (390x844, en)
// with Web NFC taps "Scan NFC tag" and reads the tag: checked in on time; a phone without Web NFC has no such button,
// keeps the camera and the code, and opening the tag's link checks in by the same route. Mock or Zhidian Local.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
before(async () => (env = await setUp()));
after(async () => env?.close());

/** HH:mm two minutes ahead (a round on time from now, within its 30 minutes), in the tenant's zone (Asia/Shanghai). */
const soon = () => new Date(Date.now() + 2 * 60_000).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A stand-in for Web NFC's NDEFReader: write() keeps what it wrote (window.__ndefWritten); scan() waits, and
 * window.__ndefTap(url) delivers a tag holding one URL record to the reader that is scanning.
 */
function fakeNdef() {
  window.__ndefWritten = [];
  window.__ndefReaders = [];
  window.NDEFReader = class {
    constructor() { this.onreading = null; this.onreadingerror = null; }
    async write(message) { window.__ndefWritten.push(JSON.parse(JSON.stringify(message))); }
    async scan(opts) {
      window.__ndefReaders.push(this);
      opts?.signal?.addEventListener('abort', () => { window.__ndefReaders = window.__ndefReaders.filter((r) => r !== this); });
    }
  };
  window.__ndefTap = (url) => {
    const data = new DataView(new TextEncoder().encode(url).buffer);
    const scanning = [...window.__ndefReaders]; // a reader that takes the tag stops scanning (aborts) as it reads it
    for (const r of scanning) r.onreading?.({ serialNumber: '04:a2:19:7c', message: { records: [{ recordType: 'url', data }] } });
    return scanning.length;
  };
}

async function checkpointAndRound(page) {
  const name = `消防通道 ${unique()}`;
  await page.waitForSelector('form[data-testid=checkpoint-form]');
  const cp = 'form[data-testid=checkpoint-form]';
  await page.fill(`${cp} input[name=name]`, name);
  await page.fill(`${cp} input[name=place]`, '二楼东侧');
  await page.click(`${cp} button[type=submit]`);
  const card = page.locator(`[data-testid^=checkpoint-]:has-text("${name}")`);
  await card.locator('img[src^="data:image/png"]').waitFor();
  const rf = 'form[data-testid=route-form]';
  const routeName = `NFC 巡更 ${unique()}`;
  await page.fill(`${rf} input[name=name]`, routeName);
  await page.fill(`${rf} input[name=times]`, soon());
  await page.fill(`${rf} input[name=toleranceMinutes]`, '30');
  await page.locator(`${rf} label.check:has-text("${name}") input`).check();
  await page.click(`${rf} button[type=submit]`);
  await page.locator(`section[aria-labelledby=s-patrol-routes] td:has-text("${routeName}")`).waitFor();
  return { name, card: page.locator(`[data-testid^=checkpoint-]:has-text("${name}")`) };
}

test('NFC tags: the owner writes the link (Web NFC, or copies it), staff check in by tapping the tag or opening its link', { timeout: 180_000 }, async () => {
  // the owner, without Web NFC: the link to copy
  const owner = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(owner, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await owner.click('nav a[href="#/patrol"]');
  const first = await checkpointAndRound(owner);
  const code = await first.card.locator('[data-testid=qr-code]').textContent();
  await first.card.locator('[data-testid=write-nfc]').click();
  const link = await first.card.locator('[data-testid=tag-link]').inputValue();
  assert.equal(link, `${env.baseUrl}/#/patrol/check-in?code=${encodeURIComponent(code)}`);
  await shot(owner, '104-patrol-nfc-link');

  // the owner, with Web NFC: one URL record with the same link
  await owner.context().addInitScript(fakeNdef);
  await owner.reload();
  const second = await checkpointAndRound(owner);
  const code2 = await second.card.locator('[data-testid=qr-code]').textContent();
  await second.card.locator('[data-testid=write-nfc]').click();
  await owner.waitForSelector('[data-testid=nfc-written]');
  const written = await owner.evaluate(() => window.__ndefWritten);
  assert.deepEqual(written, [{ records: [{ recordType: 'url', data: `${env.baseUrl}/#/patrol/check-in?code=${encodeURIComponent(code2)}` }] }]);
  assert.equal(await second.card.locator('[data-testid=tag-link]').count(), 0);
  await shot(owner, '104-patrol-nfc-written');

  // a phone with Web NFC: "Scan NFC tag", the tag is read, checked in on time
  const phone = await newPage(env.browser, { mobile: true, lang: 'en' });
  await phone.context().addInitScript(fakeNdef);
  assert.equal(await portalLogin(phone, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await phone.goto(`${env.baseUrl}/#/patrol/check-in`);
  await phone.click('[data-testid=scan-nfc]');
  await phone.waitForSelector('[data-testid=nfc-waiting]');
  await shot(phone, '105-patrol-nfc-scan-phone');
  assert.equal(await phone.evaluate((u) => window.__ndefTap(u), written[0].records[0].data), 1);
  await phone.waitForSelector('[data-testid=check-in-result] .alert-success');
  assert.match(await phone.textContent('[data-testid=check-in-result]'), /On time/);
  await shot(phone, '105-patrol-nfc-checked-in-phone');

  // a phone without Web NFC: no NFC button; opening the first tag's link checks in by the same route
  const plain = await newPage(env.browser, { mobile: true, lang: 'en' });
  assert.equal(await portalLogin(plain, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await plain.goto(`${env.baseUrl}/#/patrol/check-in`);
  await plain.waitForSelector('[data-testid=scan]');
  assert.equal(await plain.locator('[data-testid=scan-nfc]').count(), 0, 'no NFC button without Web NFC');
  await plain.goto(link);
  await plain.waitForSelector('[data-testid=check-in-result] .alert-success');
  assert.match(await plain.textContent('[data-testid=check-in-result]'), new RegExp(first.name));
  await shot(plain, '105-patrol-nfc-link-phone');

  for (const p of [owner, phone, plain]) {
    assert.deepEqual(p.problems.filter((x) => !/status of 4\d\d/.test(x)), []);
    await p.context().close();
  }
});
