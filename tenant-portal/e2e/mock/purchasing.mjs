// The purchasing routes of the stand-in API (forecast, replenishment, suppliers, purchase orders with send and
// receipts, assortment hints), seeded for the sample store, so the purchasing journey runs without a backend.
// Same shapes as docs/openapi.yaml.
const MILK = '06901234567892';
const BREAD = '06921234567893';

function seed() {
  return {
    suppliers: [
      { supplierId: 'sup_bright', name: '光明乳业', email: 'po@bright.example.cn', phone: null,
        items: [{ gtin: MILK, leadTimeDays: 2, casePack: 12, minOrder: 24, cost: 350 }], createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() },
    ],
    stock: { [MILK]: { name: '光明纯牛奶 250ml', available: 5 }, [BREAD]: { name: '全麦面包', available: 10 } },
    orders: [],
    seq: 0,
  };
}

function forecast(gtin) {
  const base = gtin === MILK ? 14 : 3;
  const today = new Date();
  const points = Array.from({ length: 28 }, (_, i) => {
    const d = new Date(today.getTime() + i * 86_400_000);
    const mean = base * (d.getDay() === 0 || d.getDay() === 6 ? 1.4 : 1);
    const s = 0.25 * mean * Math.sqrt(1 + i * 0.05);
    return { date: d.toISOString().slice(0, 10), p50: mean, expected: mean, lo80: Math.max(0, mean - 1.28 * s), hi80: mean + 1.28 * s, lo95: Math.max(0, mean - 1.96 * s), hi95: mean + 1.96 * s };
  });
  return { storeId: 'st_renmin', gtin, model: 'ets_damped', demandClass: 'smooth', mase: 0.62, naiveMase: 0.91, backtestDays: 28, uplifts: { promotion: 1.8 },
    computedAt: today.toISOString(), points };
}

function onOrder(db, gtin) {
  return db.orders.filter((o) => o.status === 'sent' || o.status === 'partially_received')
    .flatMap((o) => o.lines).filter((l) => l.gtin === gtin).reduce((n, l) => n + l.quantity - l.received, 0);
}

function total(o) { return o.lines.reduce((n, l) => n + l.quantity * l.cost, 0); }

/** Answers a purchasing route ([status, body]), or null when the path is not one of them. */
export function purchasingRoute(db, req, url, body, Problem) {
  db.purchasing ??= seed();
  const P = db.purchasing;
  const p = url.pathname;
  const m = req.method;
  const zh = (req.headers['accept-language'] ?? '').startsWith('zh');
  if (m === 'GET' && p === '/reports/forecast') {
    if (!url.searchParams.get('storeId')) throw new Problem(400, 'Invalid request', 'storeId: is required', [{ field: 'storeId', code: 'required', message: 'is required' }]);
    return [200, forecast(url.searchParams.get('gtin'))];
  }
  if (m === 'GET' && /^\/stores\/[^/]+\/replenishment$/.test(p)) {
    const sl = Number(url.searchParams.get('serviceLevel') ?? '0.95');
    const z = sl >= 0.99 ? 2.326 : sl >= 0.98 ? 2.054 : sl >= 0.95 ? 1.645 : 1.282;
    const items = P.suppliers.flatMap((s) => s.items.map((i) => {
      const st = P.stock[i.gtin] ?? { name: i.gtin, available: 0 };
      const demand = forecast(i.gtin).points.slice(0, i.leadTimeDays).reduce((n, x) => n + x.expected, 0);
      const safety = Math.round(z * 0.25 * demand * 10) / 10;
      const oo = onOrder(P, i.gtin);
      const need = Math.round((demand + safety - st.available - oo) * 10) / 10;
      const quantity = need <= 0 ? 0 : Math.max(Math.ceil(need / i.casePack), Math.ceil(i.minOrder / i.casePack)) * i.casePack;
      const cover = Math.round((st.available / (demand / i.leadTimeDays)) * 10) / 10;
      const reason = zh ? `交货期 ${i.leadTimeDays} 天预测销量 ${demand.toFixed(1)} + 安全库存 ${safety} − 可用库存 ${st.available} − 在途 ${oo} = ${need}`
        : `forecast ${demand.toFixed(1)} over the ${i.leadTimeDays}-day lead time + safety stock ${safety} − available ${st.available} − on order ${oo} = ${need}`;
      return { gtin: i.gtin, name: st.name, supplierId: s.supplierId, supplierName: s.name, leadTimeDays: i.leadTimeDays, casePack: i.casePack,
        minOrder: i.minOrder, cost: i.cost, model: 'ets_damped', forecastOverLeadTime: Math.round(demand * 10) / 10, z, safetyStock: safety,
        available: st.available, onOrder: oo, need, quantity, daysOfCover: cover, stockOutRisk: cover < i.leadTimeDays, reason };
    }));
    return [200, { storeId: p.split('/')[2], serviceLevel: sl, items }];
  }
  if (p === '/suppliers' && m === 'GET') return [200, { items: P.suppliers, nextCursor: null }];
  if (p === '/suppliers' && m === 'POST') {
    const errors = [];
    if (!body?.name) errors.push({ field: 'name', code: 'required', message: 'is required' });
    (body?.items ?? []).forEach((it, i) => { if (!/^[0-9]{8,14}$/.test(it.gtin ?? '')) errors.push({ field: `items[${i}].gtin`, code: 'invalid_format', message: 'must be 8 to 14 digits' }); });
    if (errors.length) throw new Problem(400, 'Invalid request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    const s = { supplierId: `sup_${++P.seq}`, name: body.name, email: body.email ?? null, phone: null, items: body.items.map((i) => ({ ...i, gtin: i.gtin.padStart(14, '0') })),
      createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    P.suppliers.unshift(s);
    return [201, s];
  }
  if (p === '/purchase-orders' && m === 'GET') return [200, { items: P.orders, nextCursor: null }];
  if (p === '/purchase-orders' && m === 'POST') {
    const s = P.suppliers.find((x) => x.supplierId === body?.supplierId);
    if (!s) throw new Problem(404, 'Not found', 'supplier not found', null, 'supplier.not_found');
    const now = new Date().toISOString();
    const o = { purchaseOrderId: `po_${++P.seq}`, supplierId: s.supplierId, storeId: body.storeId, status: 'draft',
      lines: body.lines.map((l) => ({ gtin: l.gtin, quantity: l.quantity, received: 0, short: 0, cost: s.items.find((i) => i.gtin === l.gtin)?.cost ?? 0 })),
      receipts: [], note: body.note ?? null, sentVia: null, createdAt: now, sentAt: null, updatedAt: now };
    o.total = total(o);
    P.orders.unshift(o);
    return [201, o];
  }
  const po = p.match(/^\/purchase-orders\/([^/]+)(?:\/(send|cancel|receipts))?$/);
  if (po) {
    const o = P.orders.find((x) => x.purchaseOrderId === decodeURIComponent(po[1]));
    if (!o) throw new Problem(404, 'Not found', 'purchase order not found', null, 'purchase_order.not_found');
    if (!po[2] && m === 'GET') return [200, o];
    if (po[2] === 'send' && m === 'POST') {
      if (o.status !== 'draft') throw new Problem(409, 'Conflict', 'not a draft', null, 'purchase_order.illegal_transition');
      Object.assign(o, { status: 'sent', sentVia: body.via, sentAt: new Date().toISOString() });
      const csv = `\uFEFFGTIN,数量\r\n${o.lines.map((l) => `${l.gtin},${l.quantity}`).join('\r\n')}\r\n`;
      return [200, { purchaseOrder: o, document: body.via === 'email' ? null : { filename: `${o.purchaseOrderId}.${body.via}`,
        contentType: 'text/csv; charset=utf-8', contentBase64: Buffer.from(csv).toString('base64') }, messageId: body.via === 'email' ? 'msg_1' : null }];
    }
    if (po[2] === 'cancel' && m === 'POST') {
      Object.assign(o, { status: 'cancelled' });
      return [200, o];
    }
    if (po[2] === 'receipts' && m === 'POST') {
      for (const rl of body.lines) {
        const l = o.lines.find((x) => x.gtin === rl.gtin);
        if (rl.quantity > l.quantity - l.received) throw new Problem(422, 'Request refused', 'over receipt', null, 'purchase_order.over_receipt');
        l.received += rl.quantity;
        P.stock[rl.gtin] ??= { name: rl.gtin, available: 0 };
        P.stock[rl.gtin].available += rl.quantity;
      }
      const complete = o.lines.every((l) => l.received >= l.quantity);
      o.status = complete || body.closes ? 'received' : 'partially_received';
      if (o.status === 'received') o.lines.forEach((l) => (l.short = l.quantity - l.received));
      o.receipts.push({ receiptId: `rcp_${++P.seq}`, lines: body.lines, closes: !!body.closes, note: null, at: new Date().toISOString() });
      return [201, o];
    }
  }
  if (m === 'GET' && p === '/reports/assortment') {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    return [200, { storeId: url.searchParams.get('storeId'), from: '', to: '',
      abc: [{ gtin: MILK, name: '光明纯牛奶 250ml', class: 'A', contribution: 12000, share: 0.92, cumulativeShare: 0.92, reason: zh ? '毛利贡献 120.00 元，占 92%' : 'contribution ¥120.00, 92% of the total' },
        { gtin: BREAD, name: '全麦面包', class: 'C', contribution: 1000, share: 0.08, cumulativeShare: 1, reason: zh ? '毛利贡献 10.00 元，占 8%' : 'contribution ¥10.00, 8% of the total' }],
      slowMovers: [{ gtin: BREAD, name: '全麦面包', onHand: 10, unitsSold: 2, daysOfCover: 450, lastSaleDaysAgo: 40, delistCandidate: true,
        reason: zh ? '90 天售出 2，最近一次在 40 天前；C 类且几乎不动销，建议考虑下架' : '2 sold in 90 days, the last 40 days ago; class C and hardly selling: consider delisting' }],
      markdowns: [{ gtin: BREAD, name: '全麦面包', kind: 'near_expiry', percent: 50, price: 1000, suggestedPrice: 500, cost: 600, units: 10, expiresOn: soon, daysToExpiry: 3, expectedToSell: 0.1,
        reason: zh ? `10 件将于 ${soon}（3 天后）到期，建议降价 50% 至 5.00 元` : `10 expire on ${soon} (in 3 days): mark down 50% to ¥5.00` }] }];
  }
  return null;
}
