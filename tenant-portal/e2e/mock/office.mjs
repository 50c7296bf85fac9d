// The office routes of the stand-in API (checkpoints, patrol routes, check-ins, rounds, patrol alerts, the sweep,
// announcements with receipts, the task list), so the patrol journey runs without a backend. Same shapes as
// docs/openapi.yaml; the rules are the server's in short (on time within the tolerance, late up to twice it, then
// missed; one alert per checkpoint and round).
const ID = () => Math.random().toString(36).slice(2, 12);

/** The round's due instants of a route in (from, to], in the sample tenant's zone (Asia/Shanghai, UTC+8 all year). */
function dues(route, from, to) {
  const out = [];
  const H8 = 8 * 3600_000;
  const day = Math.floor((to + H8) / 86_400_000) * 86_400_000 - H8; // midnight in Shanghai, as an instant
  for (let d = -1; d <= 1; d++) {
    for (const time of route.times) {
      const [hh, mm] = time.split(':').map(Number);
      const at = day + d * 86_400_000 + (hh * 60 + mm) * 60_000;
      if (at > Math.max(from, Date.parse(route.effectiveFrom)) && at <= to) out.push(at);
    }
  }
  return out.sort((a, b) => a - b);
}

export function officeRoute(db, req, url, body, claims, Problem) {
  const p = url.pathname;
  const m = req.method;
  db.office ??= { checkpoints: [], routes: [], rounds: new Map(), alerts: [], announcements: [], reads: [] };
  const o = db.office;
  const problem = (status, title, detail, code) => Object.assign(new Problem(status, title, detail), { code });
  const bad = (field, message) => new Problem(400, 'Invalid request', `${field}: ${message}`, [{ field, code: 'required', message }]);
  const now = Date.now();
  const newRound = (r, due) => ({ roundId: `${r.routeId}-${due}`, routeId: r.routeId, routeName: r.name, storeId: r.storeId, dueAt: new Date(due).toISOString(),
    toleranceMinutes: r.toleranceMinutes, status: 'open',
    visits: r.checkpointIds.map((id) => ({ checkpointId: id, name: o.checkpoints.find((c) => c.checkpointId === id)?.name ?? id, status: 'pending', at: null, by: null, byName: null })) });
  const statusOf = (round) => round.visits.some((v) => v.status === 'pending') ? 'open'
    : round.visits.some((v) => v.status === 'missed') ? 'missed' : round.visits.some((v) => v.status === 'late') ? 'late' : 'on_time';
  // video patrol: the retention setting; the mock registers no devices, so no store has a patrol camera
  if (p === '/patrol-settings' && m === 'GET') return [200, { snapshotRetentionDays: o.retention ?? 30, choices: [7, 30, 90, 180, 365] }];
  if (p === '/patrol-settings' && m === 'PUT') {
    if (![7, 30, 90, 180, 365].includes(body?.snapshotRetentionDays)) throw Object.assign(bad('snapshotRetentionDays', 'must be one of 7, 30, 90, 180, 365 days'), {});
    o.retention = body.snapshotRetentionDays;
    return [200, { snapshotRetentionDays: o.retention, choices: [7, 30, 90, 180, 365] }];
  }
  if (/^\/stores\/[^/]+\/devices$/.test(p) && m === 'GET') return [200, { items: [], nextCursor: null }];
  let x = /^\/stores\/([^/]+)\/checkpoints$/.exec(p);
  if (x && m === 'GET') return [200, { items: o.checkpoints.filter((c) => c.storeId === x[1]), nextCursor: null }];
  if (x && m === 'POST') {
    if (!body?.name || !body?.place) throw bad(!body?.name ? 'name' : 'place', 'is required');
    const id = `pcp_${ID()}`;
    const c = { checkpointId: id, storeId: x[1], name: body.name, place: body.place, nfcTagId: body.nfcTagId ?? null, qrCode: `ZDP1.mock.${id}.sig`, createdAt: new Date().toISOString() };
    o.checkpoints.push(c);
    return [201, c];
  }
  x = /^\/stores\/([^/]+)\/patrol-routes$/.exec(p);
  if (x && m === 'GET') return [200, { items: o.routes.filter((r) => r.storeId === x[1]), nextCursor: null }];
  if (x && m === 'POST') {
    if (!body?.checkpointIds?.length) throw bad('checkpointIds', 'must hold at least one item');
    const r = { routeId: `prt_${ID()}`, storeId: x[1], name: body.name, checkpointIds: body.checkpointIds, times: body.times, toleranceMinutes: body.toleranceMinutes,
      staffIds: body.staffIds ?? [], effectiveFrom: body.effectiveFrom ?? new Date().toISOString(), createdAt: new Date().toISOString() };
    o.routes.push(r);
    return [201, r];
  }
  x = /^\/stores\/([^/]+)\/patrol-rounds$/.exec(p);
  if (x && m === 'GET') return [200, { items: [...o.rounds.values()].filter((r) => r.storeId === x[1]).sort((a, b) => b.dueAt.localeCompare(a.dueAt)), nextCursor: null }];
  if (p === '/local/schedules/PatrolSweepFunction' && m === 'POST') {
    for (const r of o.routes) {
      for (const due of dues(r, now - 86_400_000, now - 2 * r.toleranceMinutes * 60_000)) {
        const round = o.rounds.get(`${r.routeId}-${due}`) ?? newRound(r, due);
        for (const v of round.visits) {
          if (v.status !== 'pending') continue;
          v.status = 'missed';
          o.alerts.push({ patrolAlertId: `pal_${ID()}`, storeId: r.storeId, kind: 'missed', state: 'open', roundId: round.roundId, routeId: r.routeId, routeName: r.name,
            checkpointId: v.checkpointId, checkpointName: v.name, dueAt: round.dueAt, raisedAt: new Date().toISOString(), resolvedBy: null, resolvedAt: null });
        }
        round.status = statusOf(round);
        o.rounds.set(round.roundId, round);
      }
    }
    return [200, { raised: o.alerts.length }];
  }
  if (p === '/patrol/check-ins' && m === 'POST') {
    const c = o.checkpoints.find((y) => body?.code === y.qrCode);
    if (!c) throw Object.assign(new Problem(400, 'Invalid request', 'code: not a checkpoint tag', [{ field: 'code', code: 'invalid', message: 'not a tag' }]), { code: 'patrol.not_a_tag' });
    for (const r of o.routes.filter((y) => y.checkpointIds.includes(c.checkpointId))) {
      const tol = r.toleranceMinutes * 60_000;
      const due = dues(r, now - 2 * tol, now + tol).find((d) => now >= d - tol && now < d + 2 * tol);
      if (due == null) continue;
      const round = o.rounds.get(`${r.routeId}-${due}`) ?? newRound(r, due);
      const v = round.visits.find((y) => y.checkpointId === c.checkpointId);
      if (v.status !== 'pending') throw problem(409, 'Conflict', 'checked in already', 'patrol.already_visited');
      Object.assign(v, { status: now > due + tol ? 'late' : 'on_time', at: new Date().toISOString(), by: claims.sub, byName: claims.name ?? claims.email });
      round.status = statusOf(round);
      o.rounds.set(round.roundId, round);
      return [200, round];
    }
    throw problem(409, 'Conflict', 'no round open', 'patrol.no_round_open');
  }
  if (p === '/patrol-alerts' && m === 'GET') {
    const storeId = url.searchParams.get('storeId');
    const state = url.searchParams.get('state');
    return [200, { items: o.alerts.filter((a) => (!storeId || a.storeId === storeId) && (!state || a.state === state)).reverse(), nextCursor: null }];
  }
  x = /^\/patrol-alerts\/([^/]+)\/resolve$/.exec(p);
  if (x && m === 'POST') {
    const a = o.alerts.find((y) => y.patrolAlertId === x[1]);
    if (!a) throw problem(404, 'Not found', `patrol alert ${x[1]} was not found`, 'patrol_alert.not_found');
    Object.assign(a, { state: 'resolved', resolvedBy: claims.email ?? 'owner', resolvedAt: new Date().toISOString() });
    return [200, a];
  }
  if (p === '/announcements' && m === 'GET') {
    const me = claims.sub;
    const items = o.announcements.map((a) => ({ ...a, read: o.reads.some((r) => r.id === a.announcementId && r.userId === me) })).reverse();
    return [200, { items, nextCursor: null, unread: items.filter((a) => !a.read).length }];
  }
  if (p === '/announcements' && m === 'POST') {
    if (!body?.title || !body?.body) throw bad(!body?.title ? 'title' : 'body', 'is required');
    const a = { announcementId: `ann_${ID()}`, title: body.title, body: body.body, storeIds: body.storeIds ?? [], roles: body.roles?.length ? body.roles : ['staff'],
      postedBy: claims.email ?? 'owner', postedAt: new Date().toISOString() };
    o.announcements.push(a);
    return [201, { ...a, read: false }];
  }
  x = /^\/announcements\/([^/]+)\/(read|receipts)$/.exec(p);
  if (x) {
    const a = o.announcements.find((y) => y.announcementId === x[1]);
    if (!a) throw problem(404, 'Not found', `announcement ${x[1]} was not found`, 'announcement.not_found');
    if (x[2] === 'read' && m === 'POST') {
      if (!o.reads.some((r) => r.id === a.announcementId && r.userId === claims.sub)) o.reads.push({ id: a.announcementId, userId: claims.sub, name: claims.name ?? claims.email, at: new Date().toISOString() });
      return [200, { ...a, read: true }];
    }
    if (x[2] === 'receipts' && m === 'GET') {
      const readers = o.reads.filter((r) => r.id === a.announcementId).map((r) => ({ userId: r.userId, name: r.name, role: 'staff', readAt: r.at }));
      return [200, { announcementId: a.announcementId, readCount: readers.length, unreadCount: 0, readers }];
    }
  }
  if (p === '/tasks' && m === 'GET') {
    const items = o.alerts.filter((a) => a.state === 'open').map((a) => ({ taskId: `patrol_alert:${a.patrolAlertId}`, kind: 'patrol_alert', storeId: a.storeId,
      subject: `${a.routeName} · ${a.checkpointName}`, count: 1, since: a.dueAt, link: '#/patrol/alerts' }));
    return [200, { items, nextCursor: null }];
  }
  return null;
}
