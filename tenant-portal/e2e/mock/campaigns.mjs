// The campaigns routes of the stand-in API (owner): segments with a count over the mock's members, campaigns,
// preview, send (delivered at once to members with a marketing_push grant, the others skipped with their reason),
// cancel and the deliveries. Enough for the portal's journey without a backend; the real rules are the server's.
import { randomUUID } from 'node:crypto';

export function campaignsRoute(db, m, p, url, body, tid, page, Problem) {
  db.segments ??= new Map();
  db.campaigns ??= new Map();
  const members = () => [...db.members.values()].filter((x) => x.tenantId === tid && x.status === 'active');
  const matches = (rules, match) => members().filter((mb) => {
    if (!rules?.length) return true;
    const one = (r) => (r.kind === 'home_store' ? (r.values ?? []).includes(mb.storeId) : true);
    return match === 'any' ? rules.some(one) : rules.every(one);
  });
  const granted = (mb) => db.consents.get(mb.memberId)?.marketing_push?.granted === true;
  const reasonOf = (mb) => {
    const c = db.consents.get(mb.memberId)?.marketing_push;
    if (!c) return 'no_grant';
    return c.granted ? null : 'withdrawn';
  };
  let r;
  if (m === 'POST' && p === '/campaign-summaries/backfill') return [200, { examined: members().length, nextCursor: null }];
  if (m === 'POST' && p === '/segments/preview') {
    const ms = matches(body?.rules, body?.match);
    return [200, { matching: ms.length, withPushGrant: ms.filter(granted).length, needsPersonalization: false }];
  }
  if (p === '/segments') {
    if (m === 'GET') return [200, page([...db.segments.values()].filter((s) => s.tenantId === tid).reverse(), url)];
    if (m === 'POST') {
      if (!body?.name) throw new Problem(400, 'Invalid request', 'name: is required', [{ field: 'name', code: 'required', message: 'is required' }]);
      const s = { tenantId: tid, segmentId: `sg_${randomUUID().slice(0, 8)}`, name: body.name, match: body.match ?? 'all', rules: body.rules ?? [], usesPurchaseHistory: false, createdAt: new Date().toISOString() };
      db.segments.set(s.segmentId, s);
      return [201, s];
    }
  }
  if (p === '/campaigns') {
    if (m === 'GET') return [200, page([...db.campaigns.values()].filter((c) => c.tenantId === tid).reverse(), url)];
    if (m === 'POST') {
      const errors = ['title', 'body', 'channel', 'segmentId'].filter((f) => !body?.[f]).map((f) => ({ field: f, code: 'required', message: 'is required' }));
      if (errors.length) throw new Problem(400, 'Invalid request', 'the request has invalid fields', errors);
      const c = { tenantId: tid, campaignId: `cp_${randomUUID().slice(0, 8)}`, title: body.title, body: body.body, channel: body.channel, segmentId: body.segmentId,
        holdoutPercent: body.holdoutPercent ?? 0, status: 'draft', queued: 0, createdAt: new Date().toISOString(), deliveries: [] };
      db.campaigns.set(c.campaignId, c);
      return [201, c];
    }
  }
  if ((r = /^\/campaigns\/([^/]+)(\/[a-z]+)?$/.exec(p))) {
    const c = db.campaigns.get(r[1]);
    if (!c || c.tenantId !== tid) throw new Problem(404, 'Not found', 'campaign not found');
    const seg = db.segments.get(c.segmentId);
    const action = r[2];
    const counts = () => c.deliveries.reduce((o, d) => ((o[d.reason ? `${d.status}:${d.reason}` : d.status] = (o[d.reason ? `${d.status}:${d.reason}` : d.status] ?? 0) + 1), o), {});
    if (m === 'GET' && !action) return [200, { ...c, deliveries: undefined, deliveryCounts: counts() }];
    if (m === 'GET' && action === '/deliveries') return [200, page(c.deliveries, url)];
    if (m === 'GET' && action === '/results') {
      const delivered = c.deliveries.filter((d) => d.status === 'delivered');
      const held = c.deliveries.filter((d) => d.reason === 'holdout');
      const read = (db.messages ?? []).filter((x) => x.campaignId === c.campaignId && x.readAt).length;
      const group = (g) => ({ members: g.length, buyers: 0, orders: 0, spend: 0 });
      return [200, { campaignId: c.campaignId, status: c.status, days: 7, delivered: delivered.length, read, unsubscribed: 0,
        couponsIssued: 0, couponsRedeemed: 0, treated: group(delivered), holdout: group(held),
        uplift: { verdict: 'not_enough_data', minGroup: 30, confidence: 0.95, buyerShare: null, spendPerMember: null },
        windowEndsAt: c.deliveries.length ? new Date(Date.parse(c.deliveries[0].at) + 7 * 86400000).toISOString() : null, complete: false }];
    }
    if (m === 'POST' && action === '/preview') {
      const ms = matches(seg?.rules, seg?.match);
      const notMessageable = { erased: 0, no_grant: 0, withdrawn: 0, holdout: 0, frequency_cap: 0 };
      for (const mb of ms) if (reasonOf(mb)) notMessageable[reasonOf(mb)]++;
      return [200, { matching: ms.length, messageable: ms.filter(granted).length, deferredByQuietHours: 0, notMessageable }];
    }
    if (m === 'POST' && action === '/send') {
      if (c.status !== 'draft') throw Object.assign(new Problem(409, 'Conflict', 'a campaign that is ' + c.status + ' cannot be sent'), { code: 'campaigns.wrong_state' });
      const now = new Date().toISOString();
      c.deliveries = matches(seg?.rules, seg?.match).map((mb) => ({ memberId: mb.memberId, status: reasonOf(mb) ? 'skipped' : 'delivered', reason: reasonOf(mb), at: now, until: null }));
      c.status = 'sent';
      c.queued = c.deliveries.length;
      db.messages ??= [];
      for (const d of c.deliveries) if (d.status === 'delivered') {
        d.messageId = `msg_${randomUUID().slice(0, 8)}`;
        db.messages.push({ memberId: d.memberId, messageId: d.messageId, campaignId: c.campaignId, channel: c.channel, title: c.title, body: c.body,
          couponCode: null, sentAt: now, readAt: null, unsubscribeToken: `tok.${d.memberId}` });
      }
      return [200, { ...c, deliveries: undefined }];
    }
    if (m === 'POST' && action === '/cancel') {
      c.status = 'cancelled';
      return [200, { ...c, deliveries: undefined }];
    }
  }
  return undefined;
}

/** The customer's message centre in the stand-in API. */
export function myMessagesRoute(db, m, p, memberId, body, Problem) {
  db.messages ??= [];
  const mine = db.messages.filter((x) => x.memberId === memberId).slice().reverse();
  if (m === 'GET' && p === '/me/messages') return [200, { items: mine, nextCursor: null, unread: mine.filter((x) => !x.readAt).length }];
  let r;
  if (m === 'POST' && (r = /^\/me\/messages\/([^/]+)\/read$/.exec(p))) {
    const msg = mine.find((x) => x.messageId === r[1]);
    if (!msg) throw new Problem(404, 'Not found', 'message not found');
    msg.readAt ??= new Date().toISOString();
    return [200, msg];
  }
  if (m === 'POST' && p === '/me/unsubscribe') {
    if (body?.token !== `tok.${memberId}`) throw new Problem(422, 'Request refused', 'this unsubscribe link is not valid for you');
    const cs = db.consents.get(memberId) ?? {};
    cs.marketing_push = { granted: false, at: new Date().toISOString(), textVersion: 'v1' };
    db.consents.set(memberId, cs);
    return [200, { purpose: 'marketing_push', granted: false }];
  }
  return undefined;
}
