// The merchants and credit routes of the stand-in API (merchants, counters, complaints, the public credit pages), so
// the complaint journey runs without a backend. Same shapes as docs/openapi.yaml; the rating follows the published
// rule only for recent complaints (enough for the journey).
import { randomUUID } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function licenceValid(code) {
  if (typeof code !== 'string' || !/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

function state(db) {
  db.merchants ??= { merchants: [], counters: [], complaints: [] };
  return db.merchants;
}

function credit(s, tid, merchantId) {
  const cs = s.complaints.filter((c) => c.tenantId === tid && c.merchantId === merchantId);
  const n = (o) => cs.filter((c) => c.outcome === o).length;
  let bonus = 0;
  let penalty = 0;
  for (const c of cs) {
    if (c.outcome === 'upheld') penalty += 15;
    if (c.outcome === 'partly') penalty += 8;
    if (c.late) penalty += 5;
    if (c.closedAt && !c.late && Date.parse(c.closedAt) - Date.parse(c.receivedAt) <= 14 * 86_400_000) bonus += 2;
  }
  const score = Math.max(0, Math.min(100, Math.round(100 - penalty + Math.min(bonus, 10))));
  const grade = score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : 'D';
  return { score, grade, complaints: { total: cs.length, open: cs.filter((c) => c.status !== 'closed').length, upheld: n('upheld'), partly: n('partly'),
    rejected: n('rejected'), withdrawn: n('withdrawn'), lateAnswers: cs.filter((c) => c.late).length } };
}

const staffView = ({ tenantId, photoData, ...c }) => ({ ...c, trackingToken: `${tenantId}.track` });
const publicView = (s, c) => {
  const { tenantId, phone, storeId, merchantId, counterId, photoData, ...rest } = c;
  return { ...rest, merchantName: s.merchants.find((m) => m.merchantId === merchantId)?.name, steps: c.steps.map((x) => ({ ...x, by: ['customer', 'system'].includes(x.by) ? x.by : 'store' })) };
};

/** A complaint's photo as the API takes it: its type from its magic bytes (JPEG, PNG, WebP), at most 1 MiB. */
function readPhoto(photo, Problem, bad) {
  if (photo === undefined) return null;
  if (!photo || typeof photo !== 'object') throw bad([{ field: 'photo', code: 'invalid_type', message: 'must be an object' }]);
  const data = String(photo.data ?? '').replace(/^data:[^,]*,/, '');
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > 1024 * 1024) throw Object.assign(new Problem(413, 'Payload too large', `the photo is ${bytes.length} bytes; at most 1048576`), { code: 'complaint.photo_too_large' });
  const type = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff ? 'image/jpeg'
    : bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'image/png'
      : bytes.subarray(0, 4).toString() === 'RIFF' && bytes.subarray(8, 12).toString() === 'WEBP' ? 'image/webp' : null;
  if (!type || type !== photo.contentType) throw Object.assign(bad([{ field: 'photo', code: 'complaint.photo_not_accepted', message: 'must be a JPEG, PNG or WebP image' }]), { code: 'complaint.photo_not_accepted' });
  return { contentType: type, size: bytes.length, data: bytes.toString('base64') };
}

/** The public routes (no caller): [status, body], or null when the path is not one of them. */
export function creditRoute(db, m, p, url, body, Problem, bad) {
  const s = state(db);
  const t = url.searchParams.get('t') ?? '';
  const tid = t.split('.')[0];
  let r;
  if ((r = p.match(/^\/credit\/complaints\/([^/]+)\/photo$/)) && m === 'GET') {
    const c = s.complaints.find((x) => x.complaintId === r[1] && x.tenantId === tid && t === `${tid}.track`);
    if (!c) throw new Problem(404, 'Not found', `complaint ${r[1]} was not found`);
    if (!c.photoData) throw new Problem(404, 'Not found', `complaint ${r[1]} has no photo`);
    return [200, c.photoData];
  }
  if ((r = p.match(/^\/credit\/complaints\/([^/]+)$/)) && m === 'GET') {
    const c = s.complaints.find((x) => x.complaintId === r[1] && x.tenantId === tid && t === `${tid}.track`);
    if (!c) throw new Problem(404, 'Not found', `complaint ${r[1]} was not found`);
    return [200, publicView(s, c)];
  }
  if ((r = p.match(/^\/credit\/([^/]+)(\/complaints)?$/))) {
    const counter = s.counters.find((x) => x.counterId === r[1] && x.tenantId === tid && t === `${tid}.credit`);
    if (!counter) throw new Problem(404, 'Not found', `counter ${r[1]} was not found`);
    const merchant = s.merchants.find((x) => x.merchantId === counter.merchantId);
    if (!r[2] && m === 'GET') {
      const store = (db.stores.get(tid) ?? []).find((x) => x.storeId === counter.storeId);
      return [200, { counterId: counter.counterId, storeName: store?.name ?? null, floor: counter.floor, location: counter.location, merchantName: merchant.name,
        licenceNo: merchant.licenceNo, category: merchant.category, credit: credit(s, tid, merchant.merchantId) }];
    }
    if (r[2] && m === 'POST') {
      const errors = [];
      if (typeof body?.what !== 'string' || body.what.trim().length < 5) errors.push({ field: 'what', code: 'too_short', message: 'must be 5 to 1000 characters' });
      if (typeof body?.phone !== 'string' || !/^1[3-9]\d{9}$/.test(body.phone)) errors.push({ field: 'phone', code: 'invalid_format', message: 'must be a mainland mobile number' });
      if (typeof body?.happenedAt !== 'string' || isNaN(Date.parse(body.happenedAt))) errors.push({ field: 'happenedAt', code: 'invalid_format', message: 'must be an ISO-8601 instant' });
      if (errors.length) throw bad(errors);
      const photo = readPhoto(body.photo, Problem, bad);
      const now = new Date();
      const c = { tenantId: tid, complaintId: `cmp_${randomUUID().slice(0, 8)}`, merchantId: merchant.merchantId, counterId: counter.counterId, storeId: counter.storeId,
        what: body.what, happenedAt: body.happenedAt, reference: body.reference ?? null, phone: body.phone, status: 'received', outcome: null,
        receivedAt: now.toISOString(), answerBy: new Date(now.getTime() + 3 * 86_400_000).toISOString(), answeredAt: null, closedAt: null, late: false,
        steps: [{ action: 'received', by: 'customer', at: now.toISOString(), note: null, outcome: null }],
        photo: photo ? { contentType: photo.contentType, size: photo.size } : null, photoData: photo };
      s.complaints.unshift(c);
      return [201, { complaintId: c.complaintId, status: 'received', answerBy: c.answerBy, trackingToken: `${tid}.track` }];
    }
  }
  return null;
}

/** The signed-in routes: [status, body], or null when the path is not one of them. */
export function merchantsRoute(db, m, p, url, body, c, tid, page, Problem, bad, requireRole) {
  const s = state(db);
  let r;
  if (p === '/merchants') {
    requireRole(c, 'owner', 'staff');
    const mine = s.merchants.filter((x) => x.tenantId === tid);
    if (m === 'GET') return [200, page(mine.map(({ tenantId, ...x }) => ({ ...x, credit: credit(s, tid, x.merchantId) })), url)];
    if (m === 'POST') {
      requireRole(c, 'owner');
      const errors = [];
      for (const f of ['name', 'category', 'contactName']) if (typeof body?.[f] !== 'string' || !body[f].trim()) errors.push({ field: f, code: 'required', message: 'is required' });
      if (typeof body?.contactPhone !== 'string' || !/^1[3-9]\d{9}$/.test(body.contactPhone)) errors.push({ field: 'contactPhone', code: 'invalid_format', message: 'must be a mainland mobile number' });
      if (typeof body?.licenceNo !== 'string' || !/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(body.licenceNo)) errors.push({ field: 'licenceNo', code: 'invalid_format', message: 'must be an 18-character unified social credit code' });
      else if (!licenceValid(body.licenceNo)) errors.push({ field: 'licenceNo', code: 'check_character', message: 'the check character does not match' });
      if (errors.length) throw bad(errors);
      const x = { tenantId: tid, merchantId: `mer_${randomUUID().slice(0, 8)}`, name: body.name, licenceNo: body.licenceNo, category: body.category,
        contactName: body.contactName, contactPhone: body.contactPhone, createdAt: new Date().toISOString() };
      s.merchants.push(x);
      const { tenantId, ...v } = x;
      return [201, { ...v, credit: credit(s, tid, x.merchantId) }];
    }
  }
  if ((r = p.match(/^\/stores\/([^/]+)\/counters$/))) {
    requireRole(c, 'owner', 'staff');
    const store = (db.stores.get(tid) ?? []).find((x) => x.storeId === r[1]);
    if (!store) throw new Problem(404, 'Not found', `store ${r[1]} was not found`);
    const view = ({ tenantId, ...x }) => ({ ...x, creditToken: `${tid}.credit` });
    if (m === 'GET') return [200, { items: s.counters.filter((x) => x.tenantId === tid && x.storeId === r[1]).map(view), nextCursor: null }];
    if (m === 'POST') {
      requireRole(c, 'owner');
      if (store.format !== 'department') throw new Problem(409, 'Conflict', 'counters belong in department stores');
      const errors = [];
      if (!s.merchants.some((x) => x.tenantId === tid && x.merchantId === body?.merchantId)) errors.push({ field: 'merchantId', code: 'invalid', message: 'there is no such merchant' });
      for (const f of ['floor', 'location']) if (typeof body?.[f] !== 'string' || !body[f].trim()) errors.push({ field: f, code: 'required', message: 'is required' });
      if (errors.length) throw bad(errors);
      const x = { tenantId: tid, counterId: `ctr_${randomUUID().slice(0, 8)}`, storeId: r[1], merchantId: body.merchantId, floor: body.floor, location: body.location, createdAt: new Date().toISOString() };
      s.counters.push(x);
      return [201, view(x)];
    }
  }
  if (p === '/complaints' && m === 'GET') {
    requireRole(c, 'owner', 'staff');
    const st = url.searchParams.get('status');
    return [200, page(s.complaints.filter((x) => x.tenantId === tid && (!st || x.status === st)).map(staffView), url)];
  }
  if ((r = p.match(/^\/complaints\/([^/]+)\/photo$/)) && m === 'GET') {
    requireRole(c, 'owner', 'staff');
    const x = s.complaints.find((y) => y.complaintId === r[1] && y.tenantId === tid);
    if (!x) throw new Problem(404, 'Not found', `complaint ${r[1]} was not found`);
    if (!x.photoData) throw new Problem(404, 'Not found', `complaint ${r[1]} has no photo`);
    return [200, x.photoData];
  }
  if ((r = p.match(/^\/complaints\/([^/]+)(\/steps)?$/))) {
    requireRole(c, 'owner', 'staff');
    const x = s.complaints.find((y) => y.complaintId === r[1] && y.tenantId === tid);
    if (!x) throw new Problem(404, 'Not found', `complaint ${r[1]} was not found`);
    if (!r[2] && m === 'GET') return [200, staffView(x)];
    if (r[2] && m === 'POST') {
      const a = body?.action;
      if (a === 'answer' && !body?.note) throw bad([{ field: 'note', code: 'required', message: "record the merchant's answer" }]);
      const to = a === 'answer' && x.status === 'received' ? 'answered' : a === 'mediate' && x.status === 'answered' ? 'mediating'
        : a === 'close' && x.status !== 'closed' && (body?.outcome === 'withdrawn' || (x.status === 'mediating' && ['upheld', 'partly', 'rejected'].includes(body?.outcome))) ? 'closed' : null;
      if (!to) throw new Problem(409, 'Conflict', `a complaint that is ${x.status} cannot take the step ${a}`);
      const at = new Date().toISOString();
      x.steps.push({ action: to, by: c.email ?? 'staff', at, note: body.note ?? null, outcome: a === 'close' ? body.outcome : null });
      x.status = to;
      if (a === 'answer') x.answeredAt = at;
      if (a === 'close') Object.assign(x, { closedAt: at, outcome: body.outcome });
      return [200, staffView(x)];
    }
  }
  return null;
}
