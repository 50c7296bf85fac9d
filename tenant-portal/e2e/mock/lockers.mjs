// The lockers routes of the stand-in API (list, deposit, clear a jam, removal of an overdue pickup, the H5 pickup
// code) with a seeded locker of the sample store, so the lockers journey runs without a backend. Same shapes as
// docs/openapi.yaml.
function seed() {
  const iso = (h) => new Date(Date.now() + h * 3600_000).toISOString();
  const c = (id, size, state, more = {}) => ({ compartmentId: id, size, state, use: null, orderId: null, deadline: null, overdue: false, ...more });
  return {
    lockers: [{
      lockerId: 'dv_locker0001', storeId: 'st_renmin', name: '门口储物柜', thingName: 'zd-sample-dv_locker0001',
      compartments: [
        c('01', 'S', 'occupied', { use: 'pickup', orderId: 'or_2001', deadline: iso(30) }),
        c('02', 'S', 'free'),
        c('03', 'M', 'jammed', { use: 'pickup', orderId: 'or_2002', deadline: iso(20) }),
        c('04', 'M', 'free'),
        c('05', 'L', 'occupied', { use: 'pickup', orderId: 'or_1999', deadline: iso(-2), overdue: true }),
        c('06', 'L', 'occupied', { use: 'bag' }),
      ],
    }],
  };
}

/** Answers a lockers route ([status, body]), or null when the path is not one of them. */
export function lockersRoute(db, req, url, body, Problem) {
  db.lockers ??= seed();
  const p = url.pathname;
  const m = req.method;
  const problem = (status, title, detail, code) => Object.assign(new Problem(status, title, detail), { code });
  let x = /^\/stores\/([^/]+)\/lockers$/.exec(p);
  if (m === 'GET' && x) return [200, { items: db.lockers.lockers.filter((l) => l.storeId === x[1]) }];
  const locker = (id) => {
    const l = db.lockers.lockers.find((y) => y.lockerId === id);
    if (!l) throw problem(404, 'Not found', `locker ${id} was not found`, 'locker.not_found');
    return l;
  };
  const compartment = (l, id) => {
    const c = l.compartments.find((y) => y.compartmentId === id);
    if (!c) throw problem(404, 'Not found', `compartment ${id} was not found`, 'locker.compartment_not_found');
    return c;
  };
  x = /^\/stores\/([^/]+)\/lockers\/([^/]+)\/deposits$/.exec(p);
  if (m === 'POST' && x) {
    const l = locker(x[2]);
    if (!body?.orderId) throw new Problem(400, 'Invalid request', 'orderId: is required', [{ field: 'orderId', code: 'required', message: 'is required' }]);
    const order = ['S', 'M', 'L'];
    const c = l.compartments.find((y) => y.state === 'free' && order.indexOf(y.size) >= order.indexOf(body.size));
    if (!c) throw problem(409, 'Conflict', `no free compartment of size ${body.size} or larger`, 'locker.no_free_compartment');
    Object.assign(c, { state: 'reserved', use: 'pickup', orderId: body.orderId, deadline: new Date(Date.now() + 48 * 3600_000).toISOString() });
    return [201, { lockerId: l.lockerId, compartment: c }];
  }
  x = /^\/stores\/([^/]+)\/lockers\/([^/]+)\/compartments\/([^/]+)\/(clear-jam|removal)$/.exec(p);
  if (m === 'POST' && x) {
    const l = locker(x[2]);
    const c = compartment(l, x[3]);
    if (x[4] === 'clear-jam') {
      if (c.state !== 'jammed') throw problem(409, 'Conflict', `compartment ${c.compartmentId} is ${c.state}, not jammed`, 'locker.compartment_wrong_state');
      c.state = c.use ? 'occupied' : 'free';
    } else {
      if (!c.overdue) throw problem(409, 'Conflict', `compartment ${c.compartmentId} is ${c.state}, not overdue`, 'locker.compartment_wrong_state');
      Object.assign(c, { state: 'free', use: null, orderId: null, deadline: null, overdue: false });
    }
    return [200, l];
  }
  if (m === 'GET' && p === '/me/orders/or_2001') {
    const at = (min) => new Date(Date.now() - min * 60_000).toISOString();
    return [200, { orderId: 'or_2001', number: 'A-2001', storeId: 'st_renmin', channel: 'mini_program', fulfilment: 'pickup', status: 'ready_for_pickup',
      lines: [{ gtin: '06900000000014', name: '农夫山泉饮用天然水 550ml', qty: 2, unitPrice: 200, discount: 0, lineTotal: 400 }],
      subtotal: 400, couponDiscount: 0, pointsUsed: 0, pointsDiscount: 0, total: 400, paid: 400, refunded: 0, payments: [], refunds: [],
      timeline: [{ status: 'placed', at: at(50) }, { status: 'paid', at: at(48) }, { status: 'picking', at: at(30) }, { status: 'ready_for_pickup', at: at(20) }],
      placedAt: at(50) }];
  }
  x = /^\/me\/orders\/([^/]+)\/pickup-code$/.exec(p);
  if (m === 'GET' && x) {
    for (const l of db.lockers.lockers) {
      const c = l.compartments.find((y) => y.orderId === x[1]);
      if (c) return [200, { orderId: x[1], code: `${c.compartmentId}482913`, lockerId: l.lockerId, lockerName: l.name, compartmentId: c.compartmentId, deadline: c.deadline }];
    }
    throw problem(404, 'Not found', `order ${x[1]} has no pickup code`, 'locker.no_pickup_code');
  }
  return null;
}
