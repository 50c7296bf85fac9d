// The patrol pages (巡更巡检): the owner's setup (checkpoints with their printable QR codes, routes), the rounds'
// history and the patrol alerts; and the staff's check-in on a phone (the camera when the browser can read QR codes,
// the code field always).
import QRCode from 'qrcode';
import { asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import type { Route } from '../router';
import { empty, fmtTime, label, loading, pageHead, section, table } from './common';
import { fetchStores } from './stores';

interface Checkpoint { checkpointId: string; storeId: string; name: string; place: string; nfcTagId: string | null; cameraDeviceId?: string | null; qrCode: string }
interface PatrolRoute { routeId: string; name: string; checkpointIds: string[]; times: string[]; toleranceMinutes: number; staffIds: string[] }
interface Visit { checkpointId: string; name: string; status: string; at: string | null; byName: string | null; camera?: boolean; snapshotUrl?: string | null; snapshotExpired?: boolean }
interface Device { deviceId: string; kind: string; name: string }
export interface Round { roundId: string; routeName: string; storeId: string; dueAt: string; status: string; visits: Visit[] }
export interface PatrolAlert { patrolAlertId: string; storeId: string; kind: string; routeName: string; checkpointName: string; dueAt: string; cause?: string | null }
interface User { userId: string; name: string; role: string; storeIds: string[]; status?: string }

const statusBadge = (s: string) => h('span', { class: `badge patrol-${s}`, 'data-testid': 'round-status' }, label('patrol.status', s));

/** #/patrol (setup, history, alerts), #/patrol/check-in (a phone at a checkpoint), #/patrol/alerts. */
export async function patrolView(main: HTMLElement, route: Route): Promise<void> {
  const sub = route.path[1];
  if (sub === 'check-in') return checkInView(main, route.query.get('code'));
  main.replaceChildren(loading());
  let stores;
  try {
    stores = await fetchStores();
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  const owner = role('portal') === 'owner';
  const storeSel = h('select', { id: 'patrol-store', 'data-testid': 'patrol-store' }, ...stores.map((s) => h('option', { value: s.storeId }, s.name ?? s.storeId)));
  const wanted = route.query.get('store');
  if (wanted) storeSel.value = wanted;
  const status = h('div', { role: 'status' });
  const body = h('div', null);
  const show = async () => {
    body.replaceChildren(loading());
    try {
      body.replaceChildren(...(await storeSections(storeSel.value, owner, status, show)));
    } catch (e) {
      body.replaceChildren(errorBox(e));
    }
  };
  storeSel.addEventListener('change', () => void show());
  main.replaceChildren(
    pageHead('patrol.title', h('a', { class: 'btn', href: '#/patrol/check-in', 'data-testid': 'to-check-in' }, t('patrol.checkIn')),
      h('button', { type: 'button', class: 'btn no-print', onclick: () => window.print() }, t('patrol.print'))),
    h('p', { class: 'muted no-print' }, t('patrol.intro')),
    h('div', { class: 'field no-print' }, h('label', { for: 'patrol-store' }, t('patrol.store')), storeSel),
    status, body);
  await show();
  if (sub === 'alerts') document.getElementById('s-patrol-alerts')?.scrollIntoView();
}

async function storeSections(storeId: string, owner: boolean, status: HTMLElement, reload: () => Promise<void>): Promise<HTMLElement[]> {
  const enc = encodeURIComponent(storeId);
  const [cps, routes, rounds, alerts, users, cameras, settings] = await Promise.all([
    request(`/stores/${enc}/checkpoints`).then((b) => asPage<Checkpoint>(b).items),
    request(`/stores/${enc}/patrol-routes`).then((b) => asPage<PatrolRoute>(b).items),
    request(`/stores/${enc}/patrol-rounds`, { query: { limit: 30 } }).then((b) => asPage<Round>(b).items),
    request('/patrol-alerts', { query: { storeId, state: 'open', limit: 50 } }).then((b) => asPage<PatrolAlert>(b).items),
    owner ? request('/users', { query: { limit: 200 } }).then((b) => asPage<User>(b).items) : Promise.resolve([] as User[]),
    owner ? request(`/stores/${enc}/devices`, { query: { limit: 200 } }).then((b) => asPage<Device>(b).items.filter((d) => d.kind === 'patrol_camera'))
      : Promise.resolve([] as Device[]),
    owner ? request('/patrol-settings').then((b) => b as { snapshotRetentionDays: number; choices: number[] }) : Promise.resolve(null),
  ]);
  const cameraName = (id: string) => cameras.find((d) => d.deviceId === id)?.name ?? id;
  const cpName = (id: string) => cps.find((c) => c.checkpointId === id)?.name ?? id;
  const alertList = alerts.length
    ? h('ul', { class: 'plain-list', 'data-testid': 'patrol-alerts' }, ...alerts.map((a) => h('li', { class: 'alert alert-warn patrol-alert', 'data-testid': `patrol-alert-${a.patrolAlertId}` },
        // the route's and checkpoint's names are the owner's words, in whatever language they were typed
        h('span', null, h('span', { lang: '' }, a.routeName), ' · ', h('span', { lang: '' }, a.checkpointName),
          t('patrol.alertRest', { kind: label('patrol.status', a.kind), due: fmtTime(a.dueAt) })), ' ',
        // why, where known: an offline camera means someone should walk there
        a.cause === 'camera_offline' ? h('strong', { 'data-testid': 'alert-cause' }, t('patrol.cause.camera_offline'), ' ') : null,
        h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'resolve', onclick: async (ev: Event) => {
          (ev.target as HTMLButtonElement).disabled = true;
          try {
            await request(`/patrol-alerts/${encodeURIComponent(a.patrolAlertId)}/resolve`, { method: 'POST', idempotencyKey: uuid() });
            status.replaceChildren(h('p', { class: 'alert alert-success' }, t('patrol.resolved')));
            await reload();
          } catch (e) {
            status.replaceChildren(errorBox(e));
          }
        } }, t('patrol.resolve')))))
    : empty('patrol.noAlerts');
  const history = rounds.length
    ? table(['patrol.due', 'patrol.route', 'patrol.status', 'patrol.visits'], rounds.map((r) => [fmtTime(r.dueAt), h('span', { lang: '' }, r.routeName), statusBadge(r.status),
        h('ul', { class: 'visit-list' }, ...r.visits.map((v) => h('li', null, h('span', { lang: '' }, v.name), ' ', h('span', { class: `badge patrol-${v.status}` }, label('patrol.status', v.status)),
          v.at ? h('span', { class: 'small muted' }, ' ' + t('patrol.by', { name: v.byName ?? '', at: fmtTime(v.at) })) : '',
          v.camera && !v.at ? h('span', { class: 'small muted' }, ' ' + t('patrol.byCamera')) : '',
          snapshot(v))))]))
    : empty('patrol.noRounds');
  const cards = await Promise.all(cps.map(async (c) => {
    const img = h('img', { width: 150, height: 150, alt: t('patrol.qrAlt', { name: c.name }) });
    img.src = await QRCode.toDataURL(c.qrCode, { margin: 1, width: 300, errorCorrectionLevel: 'M' });
    return h('li', { class: 'card counter-card', 'data-testid': `checkpoint-${c.checkpointId}` }, h('h3', { lang: '' }, c.name), h('p', { lang: '' }, c.place), img,
      c.cameraDeviceId ? h('p', { class: 'small', 'data-testid': 'watched-by' }, t('patrol.watchedBy', { name: cameraName(c.cameraDeviceId) })) : '',
      h('p', { class: 'small' }, h('code', { class: 'qr-code-text', 'data-testid': 'qr-code' }, c.qrCode)),
      owner ? writeTagButton(c, status) : '');
  }));
  const routeList = routes.length
    ? table(['patrol.routeName', 'patrol.times', 'patrol.tolerance', 'patrol.checkpoints'], routes.map((r) => [h('span', { lang: '' }, r.name), r.times.join(', '), String(r.toleranceMinutes),
        h('span', { lang: '' }, r.checkpointIds.map(cpName).join(' → '))]))
    : empty('patrol.noRoutes');
  const out = [
    section('patrol.alerts', alertList),
    section('patrol.rounds', history),
    section('patrol.checkpoints', cps.length ? h('ul', { class: 'counter-grid' }, ...cards) : empty('patrol.noCheckpoints'),
      owner ? checkpointForm(storeId, cameras, status, reload) : ''),
    ...(settings ? [section('patrol.retention', retentionForm(settings, status, reload))] : []),
    section('patrol.routes', routeList, owner && cps.length ? routeForm(storeId, cps, users.filter((u) => u.status !== 'disabled' && (u.role === 'owner' || u.storeIds?.includes(storeId))), status, reload) : ''),
  ];
  return out;
}

/** A camera visit's snapshot: the image (a presigned link, good for minutes) or why there is none any more. */
function snapshot(v: Visit): HTMLElement | string {
  if (v.snapshotUrl) {
    return h('a', { href: v.snapshotUrl, target: '_blank', rel: 'noopener', class: 'snapshot-link', 'data-testid': `snapshot-${v.checkpointId}` },
      h('img', { src: v.snapshotUrl, class: 'snapshot', width: 160, height: 120, alt: t('patrol.snapshotAlt', { name: v.name, at: v.at ? fmtTime(v.at) : '' }) }));
  }
  return v.snapshotExpired ? h('span', { class: 'small muted', 'data-testid': 'snapshot-expired' }, ' ' + t('patrol.snapshotExpired')) : '';
}

/** The owner's retention of camera snapshots: one of the choices (each a lifecycle rule of the bucket). */
function retentionForm(settings: { snapshotRetentionDays: number; choices: number[] }, status: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const form = h('form', { class: 'form-grid no-print', 'data-testid': 'retention-form', novalidate: true }, formAlert(),
    field({ name: 'snapshotRetentionDays', label: 'patrol.retentionDays', hint: 'patrol.retentionHint', value: String(settings.snapshotRetentionDays),
      options: settings.choices.map((d) => ({ value: String(d), label: t('patrol.days', { n: d }) })) }),
    h('button', { class: 'btn', type: 'submit' }, t('patrol.saveRetention')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(form, async () => {
      try {
        await request('/patrol-settings', { method: 'PUT', body: { snapshotRetentionDays: Number(values(form).snapshotRetentionDays) } });
        status.replaceChildren(h('p', { class: 'alert alert-success' }, t('patrol.retentionSaved')));
        await reload();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}

function checkpointForm(storeId: string, cameras: Device[], status: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const form = h('form', { class: 'form-grid no-print', 'data-testid': 'checkpoint-form', novalidate: true },
    h('h3', null, t('patrol.addCheckpoint')), formAlert(),
    field({ name: 'name', label: 'patrol.name', required: true }),
    field({ name: 'place', label: 'patrol.place', required: true }),
    field({ name: 'nfcTagId', label: 'patrol.nfcTagId', hint: 'patrol.nfcHint' }),
    cameras.length ? field({ name: 'cameraDeviceId', label: 'patrol.camera', hint: 'patrol.cameraHint',
      options: [{ value: '', label: t('patrol.noCameraChosen') }, ...cameras.map((d) => ({ value: d.deviceId, label: d.name }))] }) : '',
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('patrol.addCheckpoint')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(form, async () => {
      const v = values(form);
      const body: Record<string, string> = { name: v.name, place: v.place };
      if (v.nfcTagId) body.nfcTagId = v.nfcTagId;
      if (v.cameraDeviceId) body.cameraDeviceId = v.cameraDeviceId;
      try {
        await request(`/stores/${encodeURIComponent(storeId)}/checkpoints`, { method: 'POST', body, idempotencyKey: uuid() });
        status.replaceChildren(h('p', { class: 'alert alert-success' }, t('patrol.checkpointAdded')));
        await reload();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}

function routeForm(storeId: string, cps: Checkpoint[], staff: User[], status: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const picked: string[] = [];
  const order = h('p', { class: 'small muted', 'data-testid': 'route-order', lang: '' });
  const box = (name: string, value: string, text: string, onChange?: (on: boolean) => void) => {
    const input = h('input', { type: 'checkbox', name, value, 'data-testid': `${name}-${value}` });
    if (onChange) input.addEventListener('change', () => onChange(input.checked));
    return h('label', { class: 'check' }, input, ' ', h('span', { lang: '' }, text)); // a checkpoint's or person's own name
  };
  const cpBoxes = h('fieldset', { class: 'checks', 'data-field': 'checkpointIds' }, h('legend', null, t('patrol.pickCheckpoints')),
    ...cps.map((c) => box('cp', c.checkpointId, c.name, (on) => {
      if (on) picked.push(c.checkpointId);
      else picked.splice(picked.indexOf(c.checkpointId), 1);
      order.textContent = picked.map((id) => cps.find((x) => x.checkpointId === id)?.name).join(' → ');
    })), order,
    h('p', { class: 'field-error', 'data-error-for': 'checkpointIds', role: 'alert', hidden: true }));
  const staffBoxes = h('fieldset', { class: 'checks', 'data-field': 'staffIds' }, h('legend', null, t('patrol.pickStaff')),
    ...(staff.length ? staff.map((u) => box('staff', u.userId, u.name)) : [empty('patrol.noStaff')]),
    h('p', { class: 'field-error', 'data-error-for': 'staffIds', role: 'alert', hidden: true }));
  const form = h('form', { class: 'form-grid no-print', 'data-testid': 'route-form', novalidate: true },
    h('h3', null, t('patrol.addRoute')), formAlert(),
    field({ name: 'name', label: 'patrol.routeName', required: true }),
    field({ name: 'times', label: 'patrol.times', required: true, hint: 'patrol.timesHint', attrs: { placeholder: '09:00, 21:30' } }),
    field({ name: 'toleranceMinutes', label: 'patrol.tolerance', required: true, type: 'number', value: '10', hint: 'patrol.toleranceHint', attrs: { min: 1, max: 120 } }),
    cpBoxes, staffBoxes,
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'today', 'data-testid': 'count-today' }), ' ', t('patrol.countToday')),
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('patrol.addRoute')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(form, async () => {
      const v = values(form);
      const staffIds = [...form.querySelectorAll<HTMLInputElement>('input[name=staff]:checked')].map((i) => i.value);
      const body = { name: v.name, times: v.times.split(/[,，\s]+/).filter(Boolean), toleranceMinutes: Number(v.toleranceMinutes),
        checkpointIds: [...picked], staffIds } as Record<string, unknown>;
      // the past day's rounds count too (the API takes a day back at most): a route entered after its first round
      if ((form.querySelector('input[name=today]') as HTMLInputElement).checked) body.effectiveFrom = new Date(Date.now() - 23 * 3600_000).toISOString();
      try {
        await request(`/stores/${encodeURIComponent(storeId)}/patrol-routes`, { method: 'POST', body, idempotencyKey: uuid() });
        status.replaceChildren(h('p', { class: 'alert alert-success' }, t('patrol.routeAdded')));
        await reload();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}

interface Detector { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> }

/** Web NFC (Chrome on Android): absent elsewhere, so every use is feature-detected. */
interface NdefRecord { recordType: string; data?: DataView; encoding?: string }
interface NdefReader {
  scan(o?: { signal?: AbortSignal }): Promise<void>;
  write(m: { records: { recordType: string; data: string }[] }, o?: { signal?: AbortSignal }): Promise<void>;
  onreading: ((e: { message: { records: NdefRecord[] } }) => void) | null;
  onreadingerror: (() => void) | null;
}
const Ndef = () => (window as unknown as { NDEFReader?: new () => NdefReader }).NDEFReader;

/**
 * The link an NFC tag carries for a checkpoint: this portal's check-in page with the checkpoint's signed code, so a
 * phone that opens it (a staff member signed in) checks in by the same route as a scanned QR code.
 */
export const tagLink = (code: string) => `${location.origin}${location.pathname}#/patrol/check-in?code=${encodeURIComponent(code)}`;

/** The checkpoint code in what a tag holds: a tag link's code parameter, or the code itself. */
export function codeFromTag(text: string): string | null {
  const m = /[?&]code=([^&#]+)/.exec(text);
  if (m) return decodeURIComponent(m[1]);
  const s = text.trim();
  return s && !/^[a-z]+:\/\//i.test(s) ? s : null;
}

/** The owner's "write tag" for a checkpoint: Web NFC where there is one, else the link to copy into a tag writer app. */
function writeTagButton(c: Checkpoint, status: HTMLElement): HTMLElement {
  const link = tagLink(c.qrCode);
  const out = h('div', { class: 'nfc-write', 'data-testid': `nfc-${c.checkpointId}` });
  const btn = h('button', { type: 'button', class: 'btn btn-sm no-print', 'data-testid': 'write-nfc', onclick: async () => {
    const N = Ndef();
    if (!N) {
      out.replaceChildren(h('p', { class: 'small' }, t('patrol.nfcNoWriter')),
        h('label', { class: 'small', for: `tag-${c.checkpointId}` }, t('patrol.tagLink')),
        h('input', { id: `tag-${c.checkpointId}`, class: 'input', readonly: true, value: link, 'data-testid': 'tag-link', onfocus: (e: Event) => (e.target as HTMLInputElement).select() }));
      return;
    }
    status.replaceChildren(h('p', { class: 'alert alert-info' }, t('patrol.nfcWritePrompt')));
    try {
      await new N().write({ records: [{ recordType: 'url', data: link }] });
      status.replaceChildren(h('p', { class: 'alert alert-success', 'data-testid': 'nfc-written' }, t('patrol.nfcWritten', { name: c.name })));
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  } }, t('patrol.writeNfc'));
  return h('div', null, btn, out);
}

/** A staff member at a checkpoint: the rounds due now, and the check-in (camera or code). */
async function checkInView(main: HTMLElement, fromTag: string | null = null): Promise<void> {
  main.replaceChildren(loading());
  let due: { kind: string; subject: string; count: number; since: string }[];
  try {
    due = asPage<{ kind: string; subject: string; count: number; since: string }>(await request('/tasks')).items.filter((x) => x.kind === 'patrol_round');
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  const result = h('div', { role: 'status', 'data-testid': 'check-in-result' });
  const form = h('form', { class: 'form-grid', 'data-testid': 'check-in-form', novalidate: true }, formAlert(),
    field({ name: 'code', label: 'patrol.code', required: true, attrs: { autocapitalize: 'off', spellcheck: 'false' } }),
    h('button', { class: 'btn btn-primary btn-large', type: 'submit' }, t('patrol.submitCheckIn')));
  const submit = () => busy(form, async () => {
    try {
      const round = await request<Round>('/patrol/check-ins', { method: 'POST', body: { code: values(form).code.trim() }, idempotencyKey: uuid() });
      const done = round.visits.filter((v) => v.at).sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))[0];
      result.replaceChildren(h('p', { class: 'alert alert-success' }, t('patrol.checkedIn', { name: done?.name ?? '', status: label('patrol.status', done?.status) })));
      form.reset();
    } catch (e) {
      showError(form, e);
    }
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit();
  });
  const video = h('video', { class: 'scan-video', playsinline: true, muted: true, hidden: true, 'aria-hidden': 'true' });
  let stream: MediaStream | null = null;
  const stop = () => {
    stream?.getTracks().forEach((tr) => tr.stop());
    stream = null;
    video.hidden = true;
    scanBtn.textContent = t('patrol.scan');
  };
  const BD = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
  const scanBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'scan', onclick: async () => {
    if (stream) return stop();
    if (!BD || !navigator.mediaDevices?.getUserMedia) {
      result.replaceChildren(h('p', { class: 'alert alert-info' }, t('patrol.noCamera')));
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      scanBtn.textContent = t('patrol.stopScan');
      const detector = new BD({ formats: ['qr_code'] });
      const tick = async () => {
        if (!stream) return;
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length) {
          (form.querySelector('input[name=code]') as HTMLInputElement).value = codes[0].rawValue;
          stop();
          await submit();
        } else {
          requestAnimationFrame(() => void tick());
        }
      };
      void tick();
    } catch {
      stop();
      result.replaceChildren(h('p', { class: 'alert alert-info' }, t('patrol.noCamera')));
    }
  } }, t('patrol.scan'));
  // Web NFC where the browser has it (Chrome on Android); elsewhere the camera and the code field
  let nfcAbort: AbortController | null = null;
  const N = Ndef();
  const nfcBtn = N ? h('button', { type: 'button', class: 'btn', 'data-testid': 'scan-nfc', onclick: async () => {
    nfcAbort?.abort();
    nfcAbort = new AbortController();
    const reader = new N();
    reader.onreading = (e) => {
      const texts = e.message.records.filter((r) => r.data && (r.recordType === 'url' || r.recordType === 'text'))
        .map((r) => new TextDecoder(r.encoding ?? 'utf-8').decode(r.data));
      const code = texts.map(codeFromTag).find((x) => x);
      if (!code) {
        result.replaceChildren(h('p', { class: 'alert alert-info' }, t('patrol.nfcUnreadable')));
        return;
      }
      nfcAbort?.abort();
      (form.querySelector('input[name=code]') as HTMLInputElement).value = code;
      void submit();
    };
    reader.onreadingerror = () => result.replaceChildren(h('p', { class: 'alert alert-info' }, t('patrol.nfcUnreadable')));
    try {
      await reader.scan({ signal: nfcAbort.signal });
      result.replaceChildren(h('p', { class: 'alert alert-info', 'data-testid': 'nfc-waiting' }, t('patrol.nfcWaiting')));
    } catch {
      result.replaceChildren(h('p', { class: 'alert alert-info' }, t('patrol.nfcFailed')));
    }
  } }, t('patrol.scanNfc')) : null;
  window.addEventListener('hashchange', () => nfcAbort?.abort(), { once: true });
  main.replaceChildren(
    pageHead('patrol.checkIn'),
    h('p', { class: 'muted' }, t('patrol.checkInIntro')),
    section('patrol.dueNow', due.length
      ? h('ul', { class: 'plain-list', 'data-testid': 'due-rounds' }, ...due.map((d) => h('li', null, h('strong', null, d.subject), ' ', fmtTime(d.since), ' · ', t('patrol.left', { n: d.count }))))
      : empty('patrol.nothingDue')),
    section('patrol.checkIn', h('div', { class: 'actions' }, nfcBtn, scanBtn), video, form, result),
  );
  // opened from a tag's link: check in at once, by the same route as a scanned code
  if (fromTag) {
    (form.querySelector('input[name=code]') as HTMLInputElement).value = fromTag;
    await submit();
  }
  window.addEventListener('hashchange', stop, { once: true });
}
