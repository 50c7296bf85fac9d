// Journey: video patrol (视频巡更). The owner registers a patrol camera on the devices screen, the test starts a
// simulated camera on the AWS IoT Device SDK v2 (iot/ PatrolCamera, a JVM of its own) with the credentials the portal
// showed once, the owner adds a checkpoint watched by that camera and a route whose round is due now; the patrol sweep
// runs (Zhidian Local's POST /local/schedules/PatrolSweepFunction) and asks the camera, which uploads its snapshot to
// the presigned URL and reports it; the rounds' history shows the checkpoint checked in by the camera with the image.
// Then, on a phone in English, the same history with the snapshot, and the owner sets the snapshots' retention.
// Needs the real backend (BASE_URL) and the simulator's classpath (ESL_SIM_CLASSPATH, passed by BrowserJourneysTest).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOGINS, PASSWORD, newPage, portalLogin, setUp, shot, unique } from './lib.mjs';

let env;
const cameras = [];
let store = null;
before(async () => (env = await setUp()));
after(async () => {
  for (const p of cameras) p.kill();
  await env?.close();
});

const ready = () => Boolean(process.env.BASE_URL && process.env.ESL_SIM_CLASSPATH);
/** HH:mm now in the sample tenant's zone (Asia/Shanghai). */
const now = () => new Date().toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Starts one simulated patrol camera with the credentials the portal showed; resolves once it connected. */
function startCamera({ host, port, clientId, password, storeId }) {
  const dash = clientId.lastIndexOf('-');
  const device = { kind: 'patrol_camera', thingName: clientId, tenantId: clientId.slice(3, dash), storeId, deviceId: clientId.slice(dash + 1), secret: password };
  const file = join(mkdtempSync(join(tmpdir(), 'zhidian-cam-')), 'fleet.json');
  writeFileSync(file, JSON.stringify({ host, port, devices: [device] }));
  const p = spawn('java', ['-cp', process.env.ESL_SIM_CLASSPATH, 'com.zhidian.iot.PatrolCamera', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  cameras.push(p);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the simulated camera did not connect in 60 s: ${out}`)), 60_000);
    p.stdout.on('data', (b) => {
      out += b;
      if (out.includes('connected')) {
        clearTimeout(timer);
        resolve(p);
      }
    });
    p.stderr.on('data', (b) => (out += b));
    p.on('exit', (code) => reject(new Error(`the simulated camera exited (${code}): ${out}`)));
  });
}

test('owner on a desktop: a patrol camera takes a checkpoint\'s place and its snapshot shows in the rounds (zh-CN)', { timeout: 180_000, skip: !ready() && 'needs BASE_URL and ESL_SIM_CLASSPATH' }, async () => {
  const page = await newPage(env.browser, { viewport: { width: 1366, height: 768 } });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.goto(`${env.baseUrl}/#/devices`);
  const form = 'form[data-testid=device-form]';
  await page.waitForSelector(form);
  store = await page.inputValue('select[name=store]');
  const camName = `E2E 巡更摄像头 ${unique()}`;
  await page.selectOption(`${form} select[name=kind]`, 'patrol_camera');
  await page.fill(`${form} input[name=name]`, camName);
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(`[data-testid=device-credentials] >> text=${camName}`);
  const text = async (id) => (await page.textContent(`[data-testid=${id}]`)).trim();
  const creds = { host: await text('mqtt-host'), port: Number(await text('mqtt-port')), clientId: await text('mqtt-client-id'), password: await text('device-password'), storeId: store };
  await page.click('[data-testid=device-creds-done]');
  await startCamera(creds);

  await page.goto(`${env.baseUrl}/#/patrol?store=${store}`);
  const cp = 'form[data-testid=checkpoint-form]';
  await page.waitForSelector(`${cp} select[name=cameraDeviceId]`);
  const name = `仓库通道 ${unique()}`;
  await page.fill(`${cp} input[name=name]`, name);
  await page.fill(`${cp} input[name=place]`, '负一楼仓库入口');
  await page.selectOption(`${cp} select[name=cameraDeviceId]`, { label: camName });
  await page.click(`${cp} button[type=submit]`);
  await page.waitForSelector(`[data-testid^=checkpoint-]:has-text("${name}") [data-testid=watched-by]`);

  const rf = 'form[data-testid=route-form]';
  await page.fill(`${rf} input[name=name]`, `视频巡更 ${unique()}`);
  await page.fill(`${rf} input[name=times]`, now());
  await page.fill(`${rf} input[name=toleranceMinutes]`, '10');
  await page.locator(`${rf} label.check:has-text("${name}") input`).check();
  await page.check(`${rf} [data-testid=count-today]`);
  await page.click(`${rf} button[type=submit]`);
  await page.locator(`section[aria-labelledby=s-patrol-routes] td:has-text("${name}")`).waitFor();

  const swept = await page.evaluate(async () => (await fetch('/local/schedules/PatrolSweepFunction', { method: 'POST' })).status);
  assert.equal(swept, 200);
  const img = page.locator(`section[aria-labelledby=s-patrol-rounds] li:has-text("${name}") img.snapshot`);
  for (let i = 0; i < 40 && (await img.count()) === 0; i++) {
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForSelector('section[aria-labelledby=s-patrol-rounds]');
  }
  await img.waitFor();
  await page.waitForFunction((n) => [...document.querySelectorAll('img.snapshot')].some((i) => i.complete && i.naturalWidth === 160 && i.alt.includes(n)), name);
  assert.match(await page.textContent(`section[aria-labelledby=s-patrol-rounds] li:has-text("${name}")`), /准时/);
  await img.scrollIntoViewIfNeeded();
  await shot(page, '104-patrol-camera-snapshot');
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});

test('owner on a phone sees the camera\'s snapshot and sets the retention (en)', { timeout: 120_000, skip: !ready() && 'needs BASE_URL and ESL_SIM_CLASSPATH' }, async () => {
  const page = await newPage(env.browser, { mobile: true });
  assert.equal(await portalLogin(page, env.baseUrl, LOGINS.owner, PASSWORD), 'home');
  await page.click('[data-testid=menu]');
  await page.selectOption('.topbar [data-testid=lang]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.goto(`${env.baseUrl}/#/patrol${store ? `?store=${store}` : ''}`);
  const img = page.locator('section[aria-labelledby=s-patrol-rounds] img.snapshot').first();
  await img.waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('img.snapshot')].some((i) => i.complete && i.naturalWidth > 0));
  assert.ok((await img.boundingBox()).width <= 390, 'the snapshot fits the phone');
  await img.scrollIntoViewIfNeeded();
  await shot(page, '105-patrol-camera-phone', false);
  const rf = 'form[data-testid=retention-form]';
  await page.selectOption(`${rf} select[name=snapshotRetentionDays]`, '90');
  await page.click(`${rf} button[type=submit]`);
  await page.waitForSelector('[role=status] .alert-success');
  assert.equal(await page.inputValue(`${rf} select[name=snapshotRetentionDays]`), '90');
  await page.selectOption(`${rf} select[name=snapshotRetentionDays]`, '30');
  await page.click(`${rf} button[type=submit]`);
  await page.waitForSelector('[role=status] .alert-success');
  await page.locator(rf).scrollIntoViewIfNeeded();
  await shot(page, '106-patrol-retention-phone', false);
  assert.deepEqual(page.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  await page.context().close();
});
