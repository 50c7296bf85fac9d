// The sensors routes of the stand-in API (alerts, acknowledge, resolve, energy, environment, traffic, a store's alert
// settings) with a seeded
// warming fridge, so the sensors journey runs without a backend. Same shapes as docs/openapi.yaml.
const HOURS = Array.from({ length: 24 }, (_, i) => i);

function seed() {
  const now = Date.now();
  const iso = (minAgo) => new Date(now - minAgo * 60_000).toISOString();
  return {
    settings: new Map(),
    alerts: [
      { alertId: 'al_fridge1', storeId: 'st_renmin', deviceId: 'dv_fridge0001', rule: 'fridge_warm', state: 'open', since: iso(22), openedAt: iso(7),
        seen: { temperatureC: 7.4, limitC: 5, minutes: 15 }, summaryZh: '冷柜温度 7.4°C，已高于 5.0°C 超过 15 分钟',
        summaryEn: 'Fridge at 7.4 °C, above 5.0 °C for more than 15 minutes', whatToDoZh: '检查冷柜门是否关好、出风口是否被挡；必要时把商品移到其他冷柜。',
        whatToDoEn: 'Check that the door is shut and the vents are clear; move the goods to another fridge if it does not cool down.' },
      { alertId: 'al_co2a', storeId: 'st_renmin', deviceId: 'dv_air0001', rule: 'co2_high', state: 'open', since: iso(35), openedAt: iso(25),
        seen: { co2Ppm: 1320, limitPpm: 1000, zone: 'front' }, summaryZh: '二氧化碳 1320 ppm，高于 1000 ppm', summaryEn: 'CO₂ at 1320 ppm, above 1000 ppm',
        whatToDoZh: '开窗或加大新风。', whatToDoEn: 'Open a window or turn up the fresh-air ventilation.' },
      { alertId: 'al_locker1', storeId: 'st_renmin', deviceId: 'dv_locker0001', rule: 'locker_overdue', state: 'open', since: iso(45), openedAt: iso(40),
        seen: { lockerId: 'dv_locker0001', lockerName: '示例储物柜', compartmentId: '03', orderId: 'or_late1', orderNumber: 'RM-20261204-0007', deadline: iso(45) },
        summaryZh: `订单 RM-20261204-0007 在 示例储物柜 的 03 号格口，超过取件期限 ${iso(45)} 仍未取走`,
        summaryEn: `Order RM-20261204-0007 in compartment 03 of 示例储物柜 was not collected by its deadline ${iso(45)}`,
        whatToDoZh: '联系顾客；取出商品后在储物柜页面登记取出，格口随即释放。',
        whatToDoEn: 'Contact the customer; once the goods are taken out, report the removal on the lockers page to free the compartment.' },
      { alertId: 'al_stock1', storeId: 'st_renmin', deviceId: '06901234567892', rule: 'stock_out_risk', state: 'open', since: iso(55), openedAt: iso(55),
        seen: { gtin: '06901234567892', name: '农夫山泉 550ml', available: 6, soldInWindow: 42, windowDays: 7, perDay: 6, daysLeft: 1 },
        summaryZh: '农夫山泉 550ml（06901234567892）可售 6，近 7 天日均售出 6.0，约 1.0 天后售罄',
        summaryEn: '农夫山泉 550ml (06901234567892): 6 available, selling 6.0 a day over the last 7 days: out in about 1.0 days',
        whatToDoZh: '尽快补货或下采购单。', whatToDoEn: 'Restock from the back room or place a purchase order.' },
      { alertId: 'al_battery1', storeId: 'st_renmin', deviceId: 'dv_door0001', rule: 'battery_low', state: 'resolved', since: iso(600), openedAt: iso(600),
        seen: { batteryPct: 12, limitPct: 20 }, summaryZh: '电池电量 12%，低于 20%', summaryEn: 'Battery at 12 %, below 20 %',
        whatToDoZh: '更换或充电设备电池。', whatToDoEn: "Replace or charge the device's battery.", resolvedAt: iso(400), resolvedBy: 'staff1@sample.zhidian.local' },
    ],
  };
}

// functions/telemetry's defaults (AlertSettings) and the checks of its PUT (SettingsRoutes), with the same field codes
const DEFAULTS = { fridgeMaxC: 5, fridgeMinutes: 15, fridgeHysteresisC: 1, defrostStart: '03:00', defrostMinutes: 30, silentMinutes: 15, batteryLowPct: 20,
  co2MaxPpm: 1000, pm25Max: 75, humidityMinPct: 30, humidityMaxPct: 70, opensAt: '08:00', closesAt: '22:00', closedWattsMax: 300, queueMax: 8,
  timeZone: 'Asia/Shanghai', alertPhones: [], smsQuietStart: '21:00', smsQuietEnd: '08:00' };
const BOUNDS = { fridgeMaxC: [-30, 15], fridgeMinutes: [1, 240], fridgeHysteresisC: [0, 10], defrostMinutes: [0, 180], silentMinutes: [2, 1440],
  batteryLowPct: [1, 90], co2MaxPpm: [400, 5000], pm25Max: [5, 500], humidityMinPct: [0, 95], humidityMaxPct: [5, 100], closedWattsMax: [0, 100000], queueMax: [1, 500] };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

function checkSettings(b, Problem) {
  const errors = [];
  const no = (field, code, message) => errors.push({ field, code, message });
  for (const [f, [min, max]] of Object.entries(BOUNDS)) {
    if (b[f] == null) no(f, 'required', 'is required');
    else if (typeof b[f] !== 'number') no(f, 'invalid_type', 'must be a number');
    else if (b[f] < min || b[f] > max) no(f, 'out_of_range', `must be between ${min} and ${max}`);
  }
  for (const f of ['defrostStart', 'opensAt', 'closesAt']) if (b[f] == null) no(f, 'required', 'is required'); else if (!TIME.test(b[f])) no(f, 'invalid_format', 'must be HH:mm');
  for (const f of ['smsQuietStart', 'smsQuietEnd']) if (b[f] != null && !TIME.test(b[f])) no(f, 'invalid_format', 'must be HH:mm');
  if (!['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Urumqi'].includes(b.timeZone)) no('timeZone', 'not_in_list', 'is not one of the zones');
  const phones = b.alertPhones ?? [];
  if (!Array.isArray(phones)) no('alertPhones', 'invalid_type', 'must be an array of strings');
  else if (phones.length > 5) no('alertPhones', 'too_many_items', 'must hold at most 5 items');
  else phones.forEach((x, i) => { if (typeof x !== 'string' || !PHONE.test(x)) no(`alertPhones[${i}]`, 'invalid_format', 'E.164, e.g. +8613800138000'); });
  if (typeof b.humidityMinPct === 'number' && typeof b.humidityMaxPct === 'number' && b.humidityMinPct >= b.humidityMaxPct) {
    no('humidityMinPct', 'out_of_range', 'must be below humidityMaxPct');
    no('humidityMaxPct', 'out_of_range', 'must be above humidityMinPct');
  }
  // with the code core gives every refusal of fields (Problem.slug of its title)
  if (errors.length) throw Object.assign(new Problem(400, 'Invalid request', 'One or more fields are invalid.', errors), { code: 'invalid-request' });
  return { ...DEFAULTS, ...Object.fromEntries(Object.keys(DEFAULTS).filter((k) => b[k] != null).map((k) => [k, b[k]])),
    alertPhones: [...new Set(phones)], smsQuietStart: b.smsQuietStart ?? '21:00', smsQuietEnd: b.smsQuietEnd ?? '08:00' };
}

function view(a, zh) {
  const { summaryZh, summaryEn, whatToDoZh, whatToDoEn, ...rest } = a;
  return { acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, ...rest, summary: zh ? summaryZh : summaryEn, whatToDo: zh ? whatToDoZh : whatToDoEn };
}

/** Answers a sensors route ([status, body]), or null when the path is not one of them. */
export function sensorsRoute(db, req, url, Problem, body) {
  db.sensors ??= seed();
  const p = url.pathname;
  const m = req.method;
  const zh = (req.headers['accept-language'] ?? '').startsWith('zh');
  if (m === 'GET' && p === '/alerts') {
    const storeId = url.searchParams.get('storeId');
    if (!storeId) throw new Problem(400, 'Invalid request', 'storeId: is required', [{ field: 'storeId', code: 'required', message: 'is required' }]);
    const state = url.searchParams.get('state') ?? 'active';
    const items = db.sensors.alerts.filter((a) => a.storeId === storeId && (state === 'active' ? a.state !== 'resolved' : a.state === state));
    return [200, { items: items.map((a) => view(a, zh)), nextCursor: null }];
  }
  let x = /^\/alerts\/([^/]+)\/(acknowledge|resolve)$/.exec(p);
  if (m === 'POST' && x) {
    const a = db.sensors.alerts.find((y) => y.alertId === x[1]);
    if (!a) throw new Problem(404, 'Not found', `alert ${x[1]} was not found`);
    if (a.state === 'resolved') throw Object.assign(new Problem(409, 'Conflict', 'alert is already resolved'), { code: 'alert.already_resolved' });
    if (x[2] === 'resolve') Object.assign(a, { state: 'resolved', resolvedAt: new Date().toISOString(), resolvedBy: 'owner@sample.zhidian.local' });
    else if (a.state === 'open') Object.assign(a, { state: 'acknowledged', acknowledgedAt: new Date().toISOString(), acknowledgedBy: 'owner@sample.zhidian.local' });
    return [200, view(a, zh)];
  }
  x = /^\/stores\/([^/]+)\/alert-settings$/.exec(p);
  if (x && m === 'GET') return [200, { storeId: x[1], ...(db.sensors.settings.get(x[1]) ?? DEFAULTS) }];
  if (x && m === 'PUT') {
    const s = checkSettings(body ?? {}, Problem);
    db.sensors.settings.set(x[1], s);
    return [200, { storeId: x[1], ...s }];
  }
  x = /^\/stores\/([^/]+)\/(energy|environment|traffic)$/.exec(p);
  if (m === 'GET' && x) {
    const day = new Date().toISOString().slice(0, 10);
    const base = { storeId: x[1], day, timeZone: 'Asia/Shanghai' };
    const usual = (h) => (h >= 8 && h < 22 ? 3.2 : 1.1);
    if (x[2] === 'energy') {
      const hours = HOURS.map((h) => ({ hour: h, kwh: h <= 10 ? +(usual(h) * (h === 2 ? 1.6 : 1.05)).toFixed(2) : 0, baselineKwh: usual(h),
        byCircuit: { lighting: h <= 10 ? 0.8 : 0, refrigeration: h <= 10 ? 1.0 : 0 } }));
      const kwh = +hours.reduce((s, h) => s + h.kwh, 0).toFixed(2);
      return [200, { ...base, kwh, baselineKwh: 52.4, carbonKg: +(kwh * 0.5703).toFixed(3), gridKgCo2PerKwh: 0.5703,
        byCircuit: { lighting: 8.8, refrigeration: 11, hvac: 4.1 }, hours, days: [6, 5, 4, 3, 2, 1, 0].map((d) => ({ day: new Date(Date.now() - d * 86400_000).toISOString().slice(0, 10), kwh: 50 + d })) }];
    }
    if (x[2] === 'environment') {
      const place = (deviceId, kind, zone, now, f) => ({ deviceId, kind, zone, now, lastReadingAt: new Date().toISOString(),
        hours: HOURS.filter((h) => h <= 10).map((h) => ({ hour: h, ...f(h) })) });
      return [200, { ...base, droppedToday: { bad_field: 2 }, places: [
        place('dv_air0001', 'env_sensor', 'front', { temperatureC: 22.4, humidityPct: 46, co2Ppm: 720 }, (h) => ({ temperatureC: 21 + h / 10, humidityPct: 45, co2Ppm: 500 + h * 25 })),
        place('dv_fridge0001', 'fridge_sensor', null, { temperatureC: 7.4 }, (h) => ({ temperatureC: h < 9 ? 3.6 : 7.1 })),
      ] }];
    }
    return [200, { ...base, visitors: 186, occupancyNow: 14, hours: HOURS.map((h) => ({ hour: h, visitorsIn: h >= 8 && h <= 10 ? 40 + h * 3 : 0, visitorsOut: 0 })),
      zones: [{ zone: 'entrance', visitorsIn: 186, occupancyNow: 14, dwellMinutes: 11.5 }, { zone: 'checkout', visitorsIn: 120, occupancyNow: 3, dwellMinutes: 2.1 }] }];
  }
  return null;
}
