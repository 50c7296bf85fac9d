// The customer side's routes of the stand-in API: H5 self sign-up (POST /local/auth/sign-up, then /local/auth/join with
// the code 000000 and the consent choices), as Zhidian Local answers them. A phone that is already a member's gets the
// same answers and is signed in as that member.
import { randomUUID } from 'node:crypto';

const PHONE = /^1[3-9][0-9]{9}$/;

/** Answers a customer-side route ([status, body]), or null when the path is not one of them. */
export function customerAuthRoute(db, m, p, body, Problem, bad, token) {
  if (m !== 'POST' || (p !== '/local/auth/sign-up' && p !== '/local/auth/join')) return null;
  db.signUps ??= new Map();
  if (!PHONE.test(String(body?.phone ?? ''))) throw bad([{ field: 'phone', code: 'invalid_format', message: 'must be a mainland China mobile number' }]);
  if (p === '/local/auth/sign-up') {
    const stores = db.stores.get(body?.tenantId);
    if (!stores) throw Object.assign(new Problem(400, 'Invalid request', 'PreSignUp failed with error tenantId: no such shop takes members.', [{ field: 'tenantId', code: 'invalid', message: 'no such shop' }]), { code: 'signup.refused' });
    if (!stores.some((s) => s.storeId === body?.storeId)) throw Object.assign(new Problem(400, 'Invalid request', 'PreSignUp failed with error storeId: no such store.', [{ field: 'storeId', code: 'invalid', message: 'no such store' }]), { code: 'signup.refused' });
    const session = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
    db.signUps.set(session, { tenantId: body.tenantId, storeId: body.storeId, phone: body.phone });
    return [200, { challenge: 'CUSTOM_CHALLENGE', session, resendAfterSeconds: 60 }];
  }
  const s = db.signUps.get(body?.session);
  if (!/^[0-9]{6}$/.test(String(body?.code ?? ''))) throw bad([{ field: 'code', code: 'invalid_format', message: 'must be the six-digit code' }]);
  if (!s || s.phone !== body.phone || s.tenantId !== body.tenantId || body.code !== '000000') {
    throw Object.assign(new Problem(401, 'Unauthorized', 'Incorrect phone or code.'), { code: 'auth.wrong_code' });
  }
  db.signUps.delete(body.session);
  let member = [...db.members.values()].find((x) => x.tenantId === s.tenantId && x.phone === s.phone);
  if (!member) {
    const memberId = `mb_${randomUUID().slice(0, 8)}`;
    const now = new Date().toISOString();
    member = { memberId, tenantId: s.tenantId, cardNo: `8800 ${String(Date.now()).slice(-8, -4)} ${String(Date.now()).slice(-4)}`, phone: s.phone, name: null, birthday: null, storeId: s.storeId, status: 'active', createdAt: now };
    db.members.set(memberId, member);
    db.ledger.set(memberId, []);
    const c = body.consents ?? {};
    db.consents.set(memberId, {
      marketing_push: { granted: c.marketing_push === true, at: 'marketing_push' in c ? now : null, textVersion: 'v1' },
      personalization: { granted: c.personalization === true, at: 'personalization' in c ? now : null, textVersion: 'v1' },
    });
  }
  return [200, { idToken: token({ userId: `cu_${member.memberId}`, role: 'customer', tenantId: member.tenantId, memberId: member.memberId, name: member.name }), expiresIn: 3600 }];
}
