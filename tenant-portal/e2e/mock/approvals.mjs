// The approvals routes of the stand-in API (the owner's rules, the requests, decisions) with two seeded requests of
// the sample store, so the portal's approvals page renders without a backend. Same shapes as docs/openapi.yaml.
function seed() {
  const iso = (h) => new Date(Date.now() + h * 3600_000).toISOString();
  const a = (id, kind, subject, amount, threshold, status, more = {}) => ({
    approvalId: id, kind, status, storeId: kind === 'coupon_template' ? null : 'st_renmin', subject, amount, threshold,
    requester: 'staff@sample.zhidian.local', requestedAt: iso(-2), decidedBy: null, decidedAt: null, note: null, usedAt: null,
    request: { method: 'POST', path: `/orders/${subject}/refunds`, body: '{"reason":"破损"}' }, ...more,
  });
  return {
    rules: { refundAbove: 10000, priceBelowCost: true, stockAdjustmentAbove: 50, couponValueAbove: null, updatedBy: 'owner@sample.zhidian.local', updatedAt: iso(-24) },
    items: [
      a('ap_000000002pending', 'refund', 'or_2001', 12800, 10000, 'pending'),
      a('ap_000000001rejected', 'stock_adjustment', '06900000000014', -60, 50, 'rejected',
        { decidedBy: 'owner@sample.zhidian.local', decidedAt: iso(-1), note: '请先盘点', request: { method: 'POST', path: '/stores/st_renmin/stock/06900000000014/adjustments', body: '{"delta":-60,"reason":"damage"}' } }),
    ],
  };
}

/** Answers an approvals route ([status, body]), or null when the path is not one of them. */
export function approvalsRoute(db, req, url, body, Problem) {
  const p = url.pathname;
  if (!/^\/approval(s|-rules)(\/|$)/.test(p)) return null;
  db.approvals ??= seed();
  const m = req.method;
  const problem = (status, title, detail, code) => Object.assign(new Problem(status, title, detail), { code });
  if (p === '/approval-rules' && m === 'GET') return [200, db.approvals.rules];
  if (p === '/approval-rules' && m === 'PUT') {
    const r = body ?? {};
    db.approvals.rules = { refundAbove: r.refundAbove ?? null, priceBelowCost: !!r.priceBelowCost, stockAdjustmentAbove: r.stockAdjustmentAbove ?? null,
      couponValueAbove: r.couponValueAbove ?? null, updatedBy: 'owner@sample.zhidian.local', updatedAt: new Date().toISOString() };
    return [200, db.approvals.rules];
  }
  if (p === '/approvals' && m === 'GET') {
    const status = url.searchParams.get('status');
    return [200, { items: db.approvals.items.filter((a) => !status || a.status === status), nextCursor: null }];
  }
  const x = /^\/approvals\/([^/]+)(\/decision)?$/.exec(p);
  if (!x) return null;
  const a = db.approvals.items.find((y) => y.approvalId === x[1]);
  if (!a) throw problem(404, 'Not found', `approval ${x[1]} was not found`, 'approval.not_found');
  if (!x[2] && m === 'GET') return [200, a];
  if (x[2] && m === 'POST') {
    if (a.status !== 'pending') throw problem(409, 'Conflict', `approval ${a.approvalId} is already ${a.status}`, 'approval.already_decided');
    Object.assign(a, { status: body?.decision === 'reject' ? 'rejected' : 'approved', decidedBy: 'owner@sample.zhidian.local', decidedAt: new Date().toISOString(), note: body?.note ?? null });
    return [200, a];
  }
  return null;
}
