// The in-store guide's routes of the stand-in API (store map, placements, events, the public guide and its search,
// and the few catalog reads the guide page makes), so the guide journey runs without a backend. Same shapes as
// docs/openapi.yaml; the rules are the server's in short (zones inside the grid without overlaps, optimistic versions,
// a product's own placement, else its category's).
const PRODUCTS = [
  { gtin: '06901234567892', name: '农夫山泉饮用天然水 550ml', categoryId: 'cat_drinks', price: 200, promoPrice: null, pinyin: ['nongfushanquanyinyongtianranshui550ml', 'nfsqyytrs550ml'] },
  { gtin: '06920202888883', name: '光明鲜牛奶 950ml', categoryId: 'cat_dairy', price: 1590, promoPrice: 1290, pinyin: ['guangmingxianniunai950ml', 'gmxnn950ml'] },
  { gtin: '06921168509256', name: '康师傅冰红茶 500ml', categoryId: 'cat_drinks', price: 350, promoPrice: null, pinyin: ['kangshifubinghongcha500ml', 'ksfbhc500ml'] },
];
const CATEGORIES = [{ categoryId: 'cat_drinks', name: '饮料' }, { categoryId: 'cat_dairy', name: '乳品' }];
const ZONE_ID = /^[A-Za-z0-9_-]{1,24}$/;

export function guideRoute(db, req, url, body, claims, Problem) {
  const p = url.pathname;
  const m = req.method;
  db.guide ??= { maps: new Map(), places: new Map(), events: new Map() };
  const g = db.guide;
  const problem = (status, title, detail, code, errors) => Object.assign(new Problem(status, title, detail, errors), { code });
  let r;
  const product = (gtin) => PRODUCTS.find((x) => x.gtin === gtin || x.gtin === `0${gtin}`);
  const offer = (x, map, storeId) => {
    const own = g.places.get(`${storeId}|product|${x.gtin}`);
    const cat = g.places.get(`${storeId}|category|${x.categoryId}`);
    const pl = [own, cat].find((q) => q && map.zones.some((z) => z.id === q.zoneId));
    const zone = pl ? map.zones.find((z) => z.id === pl.zoneId) : null;
    const price = x.promoPrice ?? x.price;
    return { gtin: x.gtin.slice(1), name: x.name, brand: null, spec: null, price, regularPrice: x.price, promo: x.promoPrice != null,
      promoTo: null, saving: x.price - price, inStock: true, zone: zone ? { id: zone.id, name: zone.name, kind: zone.kind } : null, shelf: pl?.shelf ?? null };
  };
  const mapOf = (s) => g.maps.get(s) ?? { width: 20, height: 12, zones: [], version: 0, updatedAt: null };

  // the public guide: the token is "<tenant>.mock-<storeId>"
  if ((r = /^\/guide\/([^/]+)(\/search)?$/.exec(p)) && m === 'GET') {
    const s = r[1];
    if (url.searchParams.get('t') !== `tn_sample.mock-${s}`) throw problem(404, 'Not found', 'this store guide was not found', 'guide.not_found');
    const map = mapOf(s);
    if (!r[2]) {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const events = [...g.events.values()].filter((e) => e.storeId === s && Date.parse(e.endsAt) > Date.now() && e.startsAt.slice(0, 10) <= today)
        .map(({ storeId, createdAt, updatedAt, ...e }) => e);
      return [200, { storeName: s === 'st_binjiang' ? '滨江超市' : '人民路便利店', timeZone: 'Asia/Shanghai', today, map: { width: map.width, height: map.height, zones: map.zones },
        promotions: PRODUCTS.filter((x) => x.promoPrice != null).map((x) => offer(x, map, s)), events }];
    }
    const q = (url.searchParams.get('q') ?? url.searchParams.get('gtin') ?? '').trim();
    if (!q) throw new Problem(400, 'Invalid request', 'q is required', [{ field: 'q', code: 'required', message: 'is required (a product\'s name or its barcode)' }]);
    // a name holding q, or (a placed product, as the real guide) a pinyin spelling holding it
    const spelled = (x) => /^[a-z0-9]*[a-z][a-z0-9]*$/.test(q.toLowerCase()) && g.places.has(`${s}|product|${x.gtin}`) && x.pinyin.some((y) => y.includes(q.toLowerCase()));
    const found = /^[0-9]{8,14}$/.test(q) ? PRODUCTS.filter((x) => x.gtin.endsWith(q)) : PRODUCTS.filter((x) => x.name.toLowerCase().includes(q.toLowerCase()) || spelled(x));
    if (url.searchParams.get('gtin') && !found.length) throw problem(404, 'Not found', 'product not found', 'guide.product_not_found');
    return [200, { items: found.slice(0, 10).map((x) => offer(x, map, s)) }];
  }
  if (m === 'GET' && p === '/products' && claims) {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    return [200, { items: PRODUCTS.filter((x) => x.name.toLowerCase().includes(q)).map((x) => ({ gtin: x.gtin, name: x.name, categoryId: x.categoryId, status: 'active' })), nextCursor: null }];
  }
  if (m === 'GET' && p === '/categories' && claims) return [200, { items: CATEGORIES }];
  if (!(r = /^\/stores\/([^/]+)\/(map|placements|category-placements|guide-events)(?:\/([^/]+))?$/.exec(p))) return null;
  if (!claims || !['owner', 'staff'].includes(claims['custom:role'])) throw new Problem(403, 'Forbidden', 'not for this role');
  const [, s, what, id] = r;
  if (what === 'map' && m === 'GET') return [200, { ...mapOf(s), guideToken: `tn_sample.mock-${s}` }];
  if (what === 'map' && m === 'PUT') {
    if (claims['custom:role'] !== 'owner') throw new Problem(403, 'Forbidden', 'owners draw the map');
    const cur = mapOf(s);
    if (body.version !== cur.version) throw problem(409, 'Conflict', 'the map was saved by someone else', 'guide.map_stale');
    const errors = [];
    const seen = new Map();
    body.zones.forEach((z, i) => z.cells.forEach((c, j) => {
      if (c.x < 0 || c.y < 0 || c.x + c.width > body.width || c.y + c.height > body.height) errors.push({ field: `zones[${i}].cells[${j}]`, code: 'outside_grid', message: 'must lie inside the grid' });
      for (let x = c.x; x < c.x + c.width; x++) for (let y = c.y; y < c.y + c.height; y++) {
        if (seen.has(`${x},${y}`)) errors.push({ field: `zones[${i}].cells[${j}]`, code: 'overlap', message: 'overlaps another zone' });
        seen.set(`${x},${y}`, i);
      }
    }));
    body.zones.forEach((z, i) => { if (!z.name?.trim()) errors.push({ field: `zones[${i}].name`, code: 'blank', message: 'must not be blank' }); });
    if (errors.length) throw new Problem(400, 'Invalid request', 'the request has invalid fields', errors);
    const next = { width: body.width, height: body.height, zones: body.zones, version: cur.version + 1, updatedAt: new Date().toISOString() };
    g.maps.set(s, next);
    return [200, { ...next, guideToken: `tn_sample.mock-${s}` }];
  }
  if ((what === 'placements' || what === 'category-placements') && id) {
    const kind = what === 'placements' ? 'product' : 'category';
    const key = kind === 'product' ? product(id)?.gtin : CATEGORIES.find((c) => c.categoryId === id)?.categoryId;
    if (!key) throw problem(404, 'Not found', `${id} was not found`, kind === 'product' ? 'guide.product_not_found' : 'category.not_found');
    const k = `${s}|${kind}|${key}`;
    if (m === 'DELETE') {
      if (!g.places.delete(k)) throw problem(404, 'Not found', 'nothing is placed', 'guide.placement_not_found');
      return [204, null];
    }
    if (!ZONE_ID.test(body?.zoneId ?? '') || !mapOf(s).zones.some((z) => z.id === body.zoneId)) {
      throw problem(400, 'Invalid request', 'zone is not on the map', 'guide.zone_not_found', [{ field: 'zoneId', code: 'guide.zone_not_found', message: 'is not on the store\'s map' }]);
    }
    const pl = { kind, [kind === 'product' ? 'gtin' : 'categoryId']: key, zoneId: body.zoneId, shelf: body.shelf ?? null, updatedAt: new Date().toISOString(),
      ...(kind === 'product' ? { pinyin: product(key).pinyin } : {}) };
    g.places.set(k, pl);
    return [200, pl];
  }
  if (what === 'placements' && m === 'GET') {
    const kind = url.searchParams.get('kind') ?? 'product';
    const map = mapOf(s);
    const items = [...g.places.entries()].filter(([k]) => k.startsWith(`${s}|${kind}|`)).map(([, v]) => ({ ...v,
      name: kind === 'product' ? product(v.gtin)?.name ?? null : CATEGORIES.find((c) => c.categoryId === v.categoryId)?.name ?? null,
      zoneName: map.zones.find((z) => z.id === v.zoneId)?.name ?? null }));
    return [200, { items, nextCursor: null }];
  }
  if (what === 'guide-events') {
    if (m === 'GET' && !id) return [200, { items: [...g.events.values()].filter((e) => e.storeId === s).map(({ storeId, ...e }) => e).reverse(), nextCursor: null }];
    if (m === 'POST' && !id) {
      const errors = [];
      if (!body?.title?.trim()) errors.push({ field: 'title', code: 'required', message: 'is required' });
      if (!(Date.parse(body?.endsAt) > Date.parse(body?.startsAt))) errors.push({ field: 'endsAt', code: 'before_start', message: 'must be after startsAt' });
      if (errors.length) throw new Problem(400, 'Invalid request', 'the request has invalid fields', errors);
      const now = new Date().toISOString();
      const e = { eventId: `gev_${Math.random().toString(36).slice(2, 10)}`, storeId: s, title: body.title.trim(), body: body.body ?? null,
        startsAt: new Date(body.startsAt).toISOString(), endsAt: new Date(body.endsAt).toISOString(), zoneId: body.zoneId ?? null, createdAt: now, updatedAt: now };
      g.events.set(e.eventId, e);
      const { storeId, ...view } = e;
      return [201, view];
    }
    if (m === 'DELETE' && id) {
      if (!g.events.delete(id)) throw problem(404, 'Not found', 'event not found', 'guide.event_not_found');
      return [204, null];
    }
  }
  throw new Problem(404, 'Not found', `No route ${m} ${p}`);
}
