// A small stand-in for Zhidian Local's HTTP API, for working on the portal before (or without) the
// backend: same paths, same JSON shapes (api.md, docs/wiring.md), problem+json errors, and the built
// dist/ served at "/". Tokens are unsigned JWT-shaped strings; nothing here is secure.
//   node e2e/mock/server.mjs [port]     (default 3000; serves ../../dist)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sensorsRoute } from './sensors.mjs';
import { lockersRoute } from './lockers.mjs';
import { approvalsRoute } from './approvals.mjs'; // with APPROVALS below: the paths the mock answers for approvals
const APPROVALS = /^\/approval(s|-rules)(\/|$)/;
import { officeRoute } from './office.mjs';
import { guideRoute } from './guide.mjs'; // guide block
import { creditRoute, merchantsRoute } from './merchants.mjs';
import { campaignsRoute, myMessagesRoute } from './campaigns.mjs';
import { purchasingRoute } from './purchasing.mjs';
import { customerAuthRoute } from './customer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_TENANT_ID = 'tn_sample';
const PASSWORD = 'Zhidian-Local-1';
const EMAIL = /^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,180}\.[A-Za-z]{2,24}$/;
const PHONE = /^1[3-9][0-9]{9}$/;

function b64url(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}
function token(user) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: user.userId,
    aud: 'zhidian-local-client',
    iss: 'http://localhost:9229/local_zhidian',
    token_use: 'id',
    iat: now,
    exp: now + 3600,
    email: user.email,
    name: user.name,
    'custom:role': user.role,
  };
  if (user.tenantId) claims['custom:tenant_id'] = user.tenantId;
  if (user.storeIds?.length) claims['custom:store_ids'] = user.storeIds.join(',');
  if (user.memberId) claims['custom:member_id'] = user.memberId;
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.mock`;
}
function readToken(req) {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!m) return null;
  try {
    const c = JSON.parse(Buffer.from(m[1].split('.')[1], 'base64url').toString());
    return c.exp * 1000 > Date.now() ? c : null;
  } catch {
    return null;
  }
}

class Problem extends Error {
  constructor(status, title, detail, errors) {
    super(title);
    Object.assign(this, { status, title, detail, errors });
  }
}
const bad = (errors) => new Problem(400, 'Invalid request', 'One or more fields are invalid.', errors);

/** A tenant's billing as the API shows it once its Stripe customer and subscription exist. */
function readyBilling(tenantId) {
  return {
    state: 'ready', customerId: `cus_${tenantId}`, subscriptionId: `sub_${tenantId}`, subscriptionStatus: 'active',
    currentPeriodEnd: new Date(Date.now() + 20 * 86400_000).toISOString(), paymentFailed: false, lastPaymentFailure: null, pendingReason: null,
  };
}

function seed() {
  const iso = (daysAgo, h = 10) => new Date(Date.now() - daysAgo * 86400_000 + h * 3600_000).toISOString();
  const db = {
    tenants: new Map(),
    stores: new Map(), // tenantId -> Store[]
    users: new Map(), // email -> user
    members: new Map(), // memberId -> member
    ledger: new Map(), // memberId -> entries
    consents: new Map(), // memberId -> {purpose: {granted, at, textVersion}}
    consentHistory: new Map(),
    idem: new Map(),
    sessions: new Map(),
    audit: [],
  };
  db.tenants.set(SAMPLE_TENANT_ID, {
    tenantId: SAMPLE_TENANT_ID,
    name: '智店示范商户',
    plan: 'standard',
    timeZone: 'Asia/Shanghai',
    status: 'active',
    createdAt: iso(120),
    billing: readyBilling('tn_sample'),
  });
  db.tenants.set('tn_lanting', {
    tenantId: 'tn_lanting', name: '兰亭生鲜', plan: 'basic', timeZone: 'Asia/Shanghai', status: 'suspended', createdAt: iso(40),
    billing: { ...readyBilling('tn_lanting'), subscriptionStatus: 'past_due', paymentFailed: true, lastPaymentFailure: { at: iso(2), invoiceId: 'in_mock_lanting', amountDue: 29900, currency: 'cny' } },
  });
  db.tenants.set('tn_qingshan', {
    tenantId: 'tn_qingshan', name: '青山果蔬', plan: 'premium', timeZone: 'Asia/Shanghai', status: 'active', createdAt: iso(3),
    billing: { state: 'pending', customerId: null, subscriptionId: null, subscriptionStatus: null, currentPeriodEnd: null, paymentFailed: false, lastPaymentFailure: null, pendingReason: 'unreachable' },
  });
  db.stores.set(SAMPLE_TENANT_ID, [
    { storeId: 'st_renmin', name: '人民路便利店', orderPrefix: 'NJD', format: 'convenience', address: '上海市黄浦区人民路 88 号', timeZone: 'Asia/Shanghai', createdAt: iso(120) },
    { storeId: 'st_binjiang', name: '滨江超市', format: 'supermarket', address: '杭州市滨江区江南大道 1200 号', timeZone: 'Asia/Shanghai', createdAt: iso(119) },
  ]);
  const u = (email, role, name, extra = {}) =>
    db.users.set(email, { userId: `u_${email.split('@')[0]}`, email, role, name, password: PASSWORD, temporary: false, createdAt: iso(120), ...extra });
  u('provider@sample.zhidian.local', 'provider_admin', '服务商管理员');
  u('owner@sample.zhidian.local', 'owner', '李店长', { tenantId: SAMPLE_TENANT_ID, storeIds: [] });
  u('staff1@sample.zhidian.local', 'staff', '张晓', { tenantId: SAMPLE_TENANT_ID, storeIds: ['st_renmin'] });
  u('staff2@sample.zhidian.local', 'staff', '陈明', { tenantId: SAMPLE_TENANT_ID, storeIds: ['st_binjiang'] });
  db.members.set('mb_wangfang', {
    memberId: 'mb_wangfang',
    tenantId: SAMPLE_TENANT_ID,
    cardNo: '8800 1000 0001',
    phone: '13800000000',
    name: '王芳',
    birthday: '1958-03-12',
    storeId: 'st_renmin',
    status: 'active',
    createdAt: iso(90),
  });
  db.ledger.set('mb_wangfang', [
    { seq: 1, kind: 'earn', delta: 500, pendingDelta: 0, reason: null, orderId: 'or_1001', storeId: 'st_renmin', at: iso(30) },
    { seq: 2, kind: 'earn', delta: 860, pendingDelta: 0, reason: null, orderId: 'or_1042', storeId: 'st_binjiang', at: iso(12) },
    { seq: 3, kind: 'redeem', delta: -200, pendingDelta: 0, reason: '兑换购物袋', orderId: 'or_1077', storeId: 'st_renmin', at: iso(5) },
    { seq: 4, kind: 'earn', delta: 120, pendingDelta: 0, reason: null, orderId: 'or_1101', storeId: 'st_renmin', at: iso(1) },
    { seq: 5, kind: 'earn_pending', delta: 0, pendingDelta: 36, reason: null, orderId: 'or_1120', storeId: 'st_binjiang', at: iso(0, -2) },
  ]);
  db.consents.set('mb_wangfang', {
    marketing_push: { granted: true, at: iso(90), textVersion: 'v1' },
    personalization: { granted: false, at: iso(90), textVersion: 'v1' },
  });
  db.consentHistory.set('mb_wangfang', [
    { purpose: 'marketing_push', granted: true, at: iso(90), channel: 'pos', textVersion: 'v1' },
    { purpose: 'personalization', granted: false, at: iso(90), channel: 'pos', textVersion: 'v1' },
  ]);
  return db;
}

function pointsOf(db, memberId) {
  const entries = db.ledger.get(memberId) ?? [];
  const balance = entries.reduce((s, e) => s + e.delta, 0);
  const lifetimeEarned = entries.filter((e) => e.delta > 0 && e.kind !== 'adjust').reduce((s, e) => s + e.delta, 0);
  return { balance, pending: 36, lifetimeEarned, expiringSoon: 120, expiringSoonDays: 30, nextExpiryAt: '2027-12-31T16:00:00Z' };
}

function page(items, url) {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 200);
  const start = Number(url.searchParams.get('cursor') ?? 0) || 0;
  const slice = items.slice(start, start + limit);
  return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null };
}

function checkFields(body, allowed, prefix = '') {
  const errors = [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ field: prefix || 'body', message: 'must be an object' }];
  for (const k of Object.keys(body)) if (!allowed.includes(k)) errors.push({ field: prefix + k, message: 'unknown field' });
  return errors;
}
function str(errors, body, name, prefix, min, max, re, reMsg) {
  const v = body?.[name];
  if (v === undefined || v === null || v === '') return errors.push({ field: prefix + name, message: 'is required' }), null;
  if (typeof v !== 'string') return errors.push({ field: prefix + name, message: 'must be a string' }), null;
  if (v.length < min || v.length > max) return errors.push({ field: prefix + name, message: `must be ${min} to ${max} characters` }), null;
  if (re && !re.test(v)) return errors.push({ field: prefix + name, message: reMsg }), null;
  return v;
}
function oneOf(errors, body, name, prefix, values) {
  const v = body?.[name];
  if (v === undefined || v === null || v === '') return errors.push({ field: prefix + name, message: 'is required' }), null;
  if (!values.includes(v)) return errors.push({ field: prefix + name, message: `must be one of ${values.join(', ')}` }), null;
  return v;
}
function readStore(body, prefix, errors) {
  errors.push(...checkFields(body, ['name', 'format', 'address', 'timeZone', 'orderPrefix'], prefix));
  const name = str(errors, body, 'name', prefix, 1, 100);
  const format = oneOf(errors, body, 'format', prefix, ['convenience', 'supermarket', 'department']);
  const address = str(errors, body, 'address', prefix, 1, 200);
  if (body?.orderPrefix === undefined) return { name, format, address };
  const orderPrefix = String(body.orderPrefix).trim().toUpperCase();
  if (!/^[A-Z0-9]{2,6}$/.test(orderPrefix)) errors.push({ field: `${prefix}orderPrefix`, code: 'invalid', message: 'must be 2 to 6 letters or digits, such as NJD' });
  return { name, format, address, orderPrefix };
}
const tempPassword = () => `Tmp-${randomUUID().slice(0, 4)}-${randomUUID().slice(0, 4)}9`;

function requireRole(c, ...roles) {
  if (!c) throw new Problem(401, 'Unauthorized', 'A valid bearer token is required.');
  if (!roles.includes(c['custom:role'])) throw new Problem(403, 'Forbidden', 'Your role may not do this.');
}

/** Same key and same body: the first answer again; same key and another body: 422. */
function idempotent(db, req, body, fn) {
  const key = req.headers['idempotency-key'];
  if (!key) return fn();
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const seen = db.idem.get(key);
  if (seen) {
    if (seen.hash !== hash) throw new Problem(422, 'Idempotency key reused', 'This Idempotency-Key was used with a different body.');
    return seen.answer;
  }
  const answer = fn();
  db.idem.set(key, { hash, answer });
  return answer;
}

function route(db, req, url, body) {
  const p = url.pathname;
  const m = req.method;
  const c = readToken(req);
  const tid = c?.['custom:tenant_id'];
  let r;

  if (m === 'POST' && p === '/local/auth/login') {
    if (body?.tenantId !== undefined || body?.phone !== undefined) {
      const member = [...db.members.values()].find((x) => x.tenantId === body.tenantId && x.phone === body.phone);
      if (!member || body.otp !== '000000') throw new Problem(401, 'Login failed', 'Wrong phone number or code.');
      return [200, { idToken: token({ userId: `cu_${member.memberId}`, role: 'customer', tenantId: member.tenantId, memberId: member.memberId, name: member.name }), expiresIn: 3600 }];
    }
    const user = db.users.get(body?.username);
    if (!user || user.password !== body?.password) throw new Problem(401, 'Login failed', 'Wrong username or password.');
    if (user.temporary) {
      const session = randomUUID();
      db.sessions.set(session, user.email);
      return [200, { challenge: 'NEW_PASSWORD_REQUIRED', session }];
    }
    return [200, { idToken: token(user), refreshToken: randomUUID(), expiresIn: 3600 }];
  }
  // the customer side: H5 self sign-up
  const customer = customerAuthRoute(db, m, p, body, Problem, bad, token);
  if (customer) return customer;
  if (m === 'POST' && p === '/local/auth/new-password') {
    const email = db.sessions.get(body?.session);
    if (!email || email !== body?.username) throw new Problem(401, 'Session expired', 'Log in again with the temporary password.');
    const pw = String(body?.newPassword ?? '');
    if (pw.length < 8 || !/[A-Z]/.test(pw) || !/[a-z]/.test(pw) || !/[0-9]/.test(pw))
      throw bad([{ field: 'newPassword', message: 'must have at least 8 characters with upper- and lower-case letters and a digit' }]);
    const user = db.users.get(email);
    user.password = pw;
    user.temporary = false;
    db.sessions.delete(body.session);
    return [200, { idToken: token(user), refreshToken: randomUUID(), expiresIn: 3600 }];
  }

  // guide block: the store map, placements, events, the public guide (and the catalog reads its page makes)
  const guide = guideRoute(db, req, url, body, c, Problem);
  if (guide) return guide;

  if (p.startsWith('/admin/')) requireRole(c, 'provider_admin');
  if (m === 'GET' && p === '/admin/tenants') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const failed = url.searchParams.get('paymentFailed');
    if (failed !== null && failed !== 'true' && failed !== 'false') throw bad([{ field: 'paymentFailed', message: 'must be true or false' }]);
    const owners = (tn) => [...db.users.values()].filter((u) => u.tenantId === tn.tenantId && u.role === 'owner').map((u) => u.email).join(' ');
    const all = [...db.tenants.values()]
      .filter((tn) => !q || `${tn.name} ${tn.tenantId} ${owners(tn)}`.toLowerCase().includes(q))
      .filter((tn) => failed !== 'true' || tn.billing?.paymentFailed)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return [200, page(all, url)];
  }
  if ((r = /^\/admin\/tenants\/([^/]+)\/usage$/.exec(p)) && m === 'GET') {
    const tn = db.tenants.get(r[1]);
    if (!tn) throw new Problem(404, 'Not found', 'No such tenant.');
    const month = url.searchParams.get('month') ?? new Date().toISOString().slice(0, 7);
    if (!/^[0-9]{4}-[0-9]{2}$/.test(month)) throw bad([{ field: 'month', message: 'must be YYYY-MM' }]);
    const n = Number(month.slice(5)) + tn.name.length;
    return [200, { tenantId: tn.tenantId, month, members: n * 3, orders: n * 11, devices: 4, messages: n * 2, stores: (db.stores.get(tn.tenantId) ?? []).length }];
  }
  if ((r = /^\/admin\/tenants\/([^/]+)\/billing$/.exec(p)) && m === 'POST') {
    const tn = db.tenants.get(r[1]);
    if (!tn) throw new Problem(404, 'Not found', 'No such tenant.');
    if (!tn.billing || tn.billing.state === 'pending') tn.billing = readyBilling(tn.tenantId);
    return [200, { ...tn, stores: db.stores.get(tn.tenantId) ?? [] }];
  }
  if (m === 'POST' && p === '/admin/tenants') {
    const errors = checkFields(body, ['name', 'plan', 'timeZone', 'owner', 'stores']);
    const name = str(errors, body, 'name', '', 1, 100);
    const plan = oneOf(errors, body, 'plan', '', ['basic', 'standard', 'premium']);
    const owner = body?.owner;
    if (!owner || typeof owner !== 'object') errors.push({ field: 'owner', message: 'is required' });
    else {
      errors.push(...checkFields(owner, ['name', 'email', 'phone'], 'owner.'));
      str(errors, owner, 'email', 'owner.', 3, 254, EMAIL, 'must be an email address');
      str(errors, owner, 'name', 'owner.', 1, 64);
      str(errors, owner, 'phone', 'owner.', 11, 11, PHONE, 'must be an 11-digit mobile number');
      if (owner.email && db.users.has(owner.email)) errors.push({ field: 'owner.email', message: 'is already a login' });
    }
    if (!Array.isArray(body?.stores) || body.stores.length === 0) errors.push({ field: 'stores', message: 'needs at least one store' });
    else body.stores.forEach((s, i) => readStore(s, `stores[${i}].`, errors));
    if (errors.length) throw bad(errors);
    return idempotent(db, req, body, () => {
      const tenantId = `tn_${randomUUID().slice(0, 8)}`;
      const now = new Date().toISOString();
      const stores = body.stores.map((s) => ({ storeId: `st_${randomUUID().slice(0, 8)}`, name: s.name, format: s.format, address: s.address, timeZone: body.timeZone ?? 'Asia/Shanghai', createdAt: now }));
      db.tenants.set(tenantId, { tenantId, name, plan, timeZone: body.timeZone ?? 'Asia/Shanghai', status: 'active', createdAt: now, billing: readyBilling(tenantId) });
      db.stores.set(tenantId, stores);
      const pw = tempPassword();
      const user = { userId: `u_${randomUUID().slice(0, 8)}`, email: owner.email, name: owner.name, role: 'owner', tenantId, storeIds: [], password: pw, temporary: true, createdAt: now };
      db.users.set(owner.email, user);
      return [201, { tenantId, name, plan, timeZone: body.timeZone ?? 'Asia/Shanghai', status: 'active', stores, owner: { userId: user.userId, email: user.email, name: user.name, temporaryPassword: pw } }];
    });
  }
  if ((r = /^\/admin\/tenants\/([^/]+)$/.exec(p))) {
    const tn = db.tenants.get(r[1]);
    if (!tn) throw new Problem(404, 'Not found', 'No such tenant.');
    if (m === 'GET') return [200, { ...tn, stores: db.stores.get(tn.tenantId) ?? [] }];
    if (m === 'PATCH') {
      const errors = checkFields(body, ['status', 'plan', 'name']);
      if (body?.status !== undefined) oneOf(errors, body, 'status', '', ['active', 'suspended']);
      if (body?.plan !== undefined) oneOf(errors, body, 'plan', '', ['basic', 'standard', 'premium']);
      if (errors.length) throw bad(errors);
      Object.assign(tn, body);
      return [200, tn];
    }
  }

  // the public credit pages (no caller; the token names the tenant)
  if (p.startsWith('/credit/')) {
    const answer = creditRoute(db, m, p, url, body, Problem, bad);
    if (answer) return answer;
  }

  // tenant-scoped routes
  if (tid && db.tenants.get(tid)?.status === 'suspended') throw new Problem(403, 'Tenant suspended', 'This tenant is suspended.');
  const sensors = tid ? sensorsRoute(db, req, url, Problem, body) : null;
  if (sensors) return sensors;
  const purchasing = tid ? purchasingRoute(db, req, url, body, Problem) : null;
  if (purchasing) return purchasing;
  const lockers = tid ? lockersRoute(db, req, url, body, Problem) : null;
  if (lockers) return lockers;
  const approvals = tid ? approvalsRoute(db, req, url, body, Problem) : null;
  if (approvals) return approvals;
  // office (functions/office): patrols, announcements, tasks, and the patrol sweep
  const office = tid || p === '/local/schedules/PatrolSweepFunction' ? officeRoute(db, req, url, body, c ?? {}, Problem) : null;
  if (office) return office;
  if (/^\/(merchants|complaints)(\/|$)|^\/stores\/[^/]+\/counters$/.test(p)) {
    const answer = merchantsRoute(db, m, p, url, body, c, tid, page, Problem, bad, requireRole);
    if (answer) return answer;
  }
  if (/^\/(segments|campaigns|campaign-summaries)(\/|$)/.test(p)) {
    requireRole(c, 'owner');
    const answer = campaignsRoute(db, m, p, url, body, tid, page, Problem);
    if (answer) return answer;
  }
  if (p === '/stores') {
    requireRole(c, 'owner', 'staff');
    let stores = db.stores.get(tid) ?? [];
    if (m === 'GET') {
      if (c['custom:role'] === 'staff') stores = stores.filter((s) => (c['custom:store_ids'] ?? '').split(',').includes(s.storeId));
      return [200, page(stores, url)];
    }
    if (m === 'POST') {
      requireRole(c, 'owner');
      const errors = [];
      const s = readStore(body, '', errors);
      if (errors.length) throw bad(errors);
      const store = { storeId: `st_${randomUUID().slice(0, 8)}`, ...s, timeZone: 'Asia/Shanghai', createdAt: new Date().toISOString() };
      stores.push(store);
      db.stores.set(tid, stores);
      return [201, store];
    }
  }
  if ((r = /^\/stores\/([^/]+)$/.exec(p)) && m === 'PATCH') {
    requireRole(c, 'owner');
    const store = (db.stores.get(tid) ?? []).find((s) => s.storeId === r[1]);
    if (!store) throw new Problem(404, 'Not found', 'No such store.', undefined, 'store.not_found');
    const errors = checkFields(body, ['name', 'format', 'address', 'timeZone', 'status', 'orderPrefix']);
    if (body?.name !== undefined) str(errors, body, 'name', '', 1, 100);
    if (body?.orderPrefix !== undefined && !/^[A-Za-z0-9]{2,6}$/.test(String(body.orderPrefix).trim())) {
      errors.push({ field: 'orderPrefix', code: 'invalid', message: 'must be 2 to 6 letters or digits, such as NJD' });
    }
    if (body?.address !== undefined) str(errors, body, 'address', '', 1, 200);
    if (body?.format !== undefined) oneOf(errors, body, 'format', '', ['convenience', 'supermarket', 'department']);
    if (body?.status !== undefined) oneOf(errors, body, 'status', '', ['open', 'closed']);
    if (errors.length) throw bad(errors);
    if (body?.orderPrefix !== undefined) {
      const prefix = String(body.orderPrefix).trim().toUpperCase();
      if ((db.stores.get(tid) ?? []).some((o) => o !== store && (o.orderPrefix ?? o.storeId.slice(-6).toUpperCase()) === prefix)) {
        throw new Problem(409, 'Conflict', `another store already starts its order numbers with ${prefix}`, undefined, 'store.code_taken');
      }
      Object.assign(store, { orderPrefix: prefix });
    }
    Object.assign(store, { ...body, ...(store.orderPrefix ? { orderPrefix: store.orderPrefix } : {}) });
    return [200, { status: 'open', ...store }];
  }
  if ((r = /^\/users\/([^/]+)(\/password-reset)?$/.exec(p))) {
    requireRole(c, 'owner');
    const user = [...db.users.values()].find((u) => u.tenantId === tid && u.userId === r[1]);
    if (!user) throw new Problem(404, 'Not found', 'No such login.');
    if (m === 'POST' && r[2]) {
      user.password = tempPassword();
      user.temporary = true;
      return [200, { userId: user.userId, email: user.email, temporaryPassword: user.password }];
    }
    if (m === 'PATCH' && !r[2]) {
      const errors = checkFields(body, ['status', 'storeIds']);
      if (body?.status !== undefined) oneOf(errors, body, 'status', '', ['enabled', 'disabled']);
      if (body?.storeIds !== undefined && (!Array.isArray(body.storeIds) || body.storeIds.length === 0)) errors.push({ field: 'storeIds', message: 'staff must belong to at least one store' });
      if (errors.length) throw bad(errors);
      if (body?.status === 'disabled' && user.userId === c.sub) throw new Problem(409, 'Conflict', 'You cannot disable your own login.');
      if (body?.status) user.status = body.status;
      if (body?.storeIds) user.storeIds = body.storeIds;
      const { password, temporary, tenantId, ...view } = user;
      return [200, { status: 'enabled', ...view }];
    }
  }
  if (m === 'GET' && p === '/audit') {
    requireRole(c, 'owner');
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    const actor = url.searchParams.get('actor');
    const action = url.searchParams.get('action');
    for (const [k, v] of [['from', from], ['to', to]]) if (v && isNaN(Date.parse(v))) throw bad([{ field: k, message: 'must be an ISO-8601 instant such as 2026-12-01T00:00:00Z' }]);
    const items = db.audit
      .filter((e) => e.tenantId === tid)
      .filter((e) => (!from || e.at >= new Date(from).toISOString()) && (!to || e.at < new Date(to).toISOString()))
      .filter((e) => (!actor || (e.actor ?? '').includes(actor)) && (!action || e.action.startsWith(action)))
      .map(({ tenantId, ...e }) => e);
    return [200, page(items, url)];
  }
  if (p === '/users') {
    requireRole(c, 'owner');
    if (m === 'GET')
      return [200, page([...db.users.values()].filter((u) => u.tenantId === tid).map(({ password, temporary, tenantId, ...u }) => ({ status: 'enabled', ...u })), url)];
    if (m === 'POST') {
      const errors = checkFields(body, ['email', 'name', 'role', 'storeIds']);
      const email = str(errors, body, 'email', '', 3, 254, EMAIL, 'must be an email address');
      const name = str(errors, body, 'name', '', 1, 64);
      const role = oneOf(errors, body, 'role', '', ['staff', 'owner']);
      if (email && db.users.has(email)) errors.push({ field: 'email', message: 'is already a login' });
      if (errors.length) throw bad(errors);
      const pw = tempPassword();
      const user = { userId: `u_${randomUUID().slice(0, 8)}`, email, name, role, tenantId: tid, storeIds: body.storeIds ?? [], password: pw, temporary: true, createdAt: new Date().toISOString() };
      db.users.set(email, user);
      return [201, { userId: user.userId, email, name, role, storeIds: user.storeIds, temporaryPassword: pw }];
    }
  }
  if (m === 'GET' && p === '/members') {
    requireRole(c, 'owner', 'staff');
    const phone = url.searchParams.get('phone');
    if (!phone)
      return [200, page([...db.members.values()].filter((x) => x.tenantId === tid).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')), url)];
    if (!PHONE.test(phone)) throw bad([{ field: 'phone', message: 'must be an 11-digit mobile number' }]);
    return [200, { items: [...db.members.values()].filter((x) => x.tenantId === tid && x.phone === phone), nextCursor: null }];
  }
  if ((r = /^\/members\/([^/]+)(\/.*)?$/.exec(p))) {
    requireRole(c, 'owner', 'staff');
    const mb = db.members.get(r[1]);
    if (!mb || mb.tenantId !== tid) throw new Problem(404, 'Not found', 'No such member.');
    const rest = r[2] ?? '';
    if (m === 'GET' && rest === '') {
      const { tenantId, ...view } = mb;
      const consents = Object.entries(db.consents.get(mb.memberId) ?? {}).map(([purpose, v]) => ({ purpose, ...v }));
      return [200, { ...view, consents }];
    }
    if (m === 'GET' && rest === '/points') return [200, pointsOf(db, mb.memberId)];
    if (m === 'GET' && rest === '/points/ledger') return [200, page([...(db.ledger.get(mb.memberId) ?? [])].reverse(), url)];
    if (m === 'GET' && rest === '/consents/history') {
      requireRole(c, 'owner');
      return [200, page([...(db.consentHistory.get(mb.memberId) ?? [])].reverse(), url)];
    }
    if (m === 'POST' && rest === '/points/adjust') {
      requireRole(c, 'owner');
      if (!req.headers['idempotency-key']) throw bad([{ field: 'Idempotency-Key', message: 'this call moves points: send an Idempotency-Key header' }]);
      const errors = checkFields(body, ['delta', 'reason']);
      if (!Number.isInteger(body?.delta) || body.delta === 0) errors.push({ field: 'delta', message: 'must be a non-zero whole number' });
      str(errors, body, 'reason', '', 1, 200);
      if (errors.length) throw bad(errors);
      return idempotent(db, req, body, () => {
        const bal = pointsOf(db, mb.memberId).balance;
        if (bal + body.delta < 0) throw new Problem(422, 'Not enough points', `The balance is ${bal}.`);
        const e = { seq: db.ledger.get(mb.memberId).length + 1, kind: 'adjust', delta: body.delta, pendingDelta: 0, reason: body.reason, storeId: null, orderId: null, at: new Date().toISOString() };
        db.ledger.get(mb.memberId).push(e);
        return [200, { ...pointsOf(db, mb.memberId), entry: e }];
      });
    }
  }
  if (/^\/me\/(messages|unsubscribe)/.test(p) && c?.['custom:member_id']) {
    const answer = myMessagesRoute(db, m, p, c['custom:member_id'], body, Problem);
    if (answer) return answer;
  }
  if (p === '/me' || p.startsWith('/me/')) {
    requireRole(c, 'customer');
    const mb = db.members.get(c['custom:member_id']);
    if (!mb) throw new Problem(404, 'Not found', 'No such member.');
    if (m === 'GET' && p === '/me') return [200, { memberId: mb.memberId, name: mb.name, phone: mb.phone, cardNo: mb.cardNo, createdAt: mb.createdAt }];
    if (m === 'GET' && p === '/me/card') {
      const exp = new Date(Date.now() + 60_000).toISOString();
      const payload = `zd1.${mb.tenantId}.${mb.memberId}.${Math.floor(Date.now() / 60000)}.${randomUUID().slice(0, 22)}`;
      return [200, { memberId: mb.memberId, cardNo: mb.cardNo, name: mb.name, qr: { payload, expiresAt: exp, refreshAfterSeconds: 55 } }];
    }
    if (m === 'GET' && p === '/me/points') return [200, pointsOf(db, mb.memberId)];
    if (m === 'GET' && p === '/me/points/ledger') return [200, page([...(db.ledger.get(mb.memberId) ?? [])].reverse(), url)];
    if (m === 'GET' && p === '/me/consents') {
      const cs = db.consents.get(mb.memberId);
      return [200, { items: Object.entries(cs).map(([purpose, v]) => ({ purpose, ...v })) }];
    }
    if ((r = /^\/me\/consents\/([^/]+)$/.exec(p)) && m === 'PUT') {
      if (!['marketing_push', 'personalization'].includes(r[1])) throw new Problem(404, 'Not found', 'No such purpose.');
      const errors = checkFields(body, ['granted']);
      if (typeof body?.granted !== 'boolean') errors.push({ field: 'granted', message: 'must be true or false' });
      if (errors.length) throw bad(errors);
      const v = { granted: body.granted, at: new Date().toISOString(), textVersion: 'v1' };
      db.consents.get(mb.memberId)[r[1]] = v;
      db.consentHistory.get(mb.memberId).push({ purpose: r[1], ...v, channel: 'h5' });
      return [200, { purpose: r[1], ...v }];
    }
    if (m === 'GET' && p === '/me/data') {
      return [200, { member: mb, points: pointsOf(db, mb.memberId), ledger: db.ledger.get(mb.memberId), consents: db.consentHistory.get(mb.memberId) }];
    }
  }
  throw new Problem(404, 'Not found', `No route ${m} ${p}`);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

async function serveStatic(distDir, url, res) {
  let file = normalize(join(distDir, decodeURIComponent(url.pathname)));
  if (!file.startsWith(distDir)) file = join(distDir, 'index.html');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  } catch {
    file = join(distDir, 'index.html');
  }
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(data);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('dist/ not built: run npm run build');
  }
}

const API = /^\/(local|admin|stores|users|members|me|alerts|notifications|audit|segments|campaigns|campaign-summaries|reports|suppliers|purchase-orders|merchants|complaints|credit|tasks|patrol|patrol-alerts|announcements|guide|products|categories)(\/|$)/;

export function startMock({ port = 3000, distDir = resolve(here, '../../dist'), latencyMs = 0 } = {}) {
  const db = seed();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!API.test(url.pathname) && !APPROVALS.test(url.pathname)) return void serveStatic(distDir, url, res);
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', async () => {
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      let body;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return send(res, 400, { type: 'about:blank', title: 'Malformed JSON', status: 400, detail: 'The body is not JSON.' }, true);
      }
      try {
        const [status, answer] = route(db, req, url, body);
        audit(db, req, url, status);
        send(res, status, answer);
      } catch (e) {
        if (e instanceof Problem) send(res, e.status, { type: 'about:blank', title: e.title, status: e.status, detail: e.detail, ...(e.code ? { code: e.code } : {}), ...(e.errors ? { errors: e.errors } : {}) }, true);
        else {
          console.error(e);
          send(res, 500, { type: 'about:blank', title: 'Internal error', status: 500 }, true);
        }
      }
    });
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })),
  );
}

/** The audit trail the API keeps: one entry per state-changing call of a tenant's user (GET /audit reads it). */
function audit(db, req, url, status) {
  if (req.method === 'GET' || url.pathname.startsWith('/local/') || url.pathname.startsWith('/admin/')) return;
  const c = readToken(req);
  if (!c?.['custom:tenant_id'] || c['custom:role'] === 'customer') return;
  const action = `${req.method} ${url.pathname.replace(/\/(st|u|m|tn)_[A-Za-z0-9-]+/g, (x) => `/{${x.startsWith('/st') ? 'storeId' : x.startsWith('/u') ? 'userId' : 'id'}}`)}`;
  db.audit.unshift({ tenantId: c['custom:tenant_id'], at: new Date().toISOString(), actor: c.email ?? c['cognito:username'], role: c['custom:role'], action, path: url.pathname, status, sourceIp: '127.0.0.1' });
}

function send(res, status, body, problem = false) {
  res.writeHead(status, { 'Content-Type': problem ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
  startMock({ port }).then(({ url }) => console.log(`Zhidian mock API and portal on ${url}  (sample tenant ${SAMPLE_TENANT_ID})`));
}
