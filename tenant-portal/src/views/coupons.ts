// The owner's coupons: templates with live counts, a create form that previews the customer's view, and a
// template's page (issue to members by phone, stop, void what is out).
import { ApiError, asPage, request } from '../api';
import { h, uuid } from '../dom';
import { busy, confirmDialog, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { go } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';
import { day, gives, stateLabel, ticket, validity, type Coupon, type CouponTerms, type Template } from './coupon-text';
import { issueFilterSection } from './coupon-issue';
import { fetchStores } from './stores';

let liveTimer: number | undefined;

export async function couponsView(main: HTMLElement, sub?: string): Promise<void> {
  window.clearInterval(liveTimer);
  if (sub === 'new') return createView(main);
  if (sub) return detailView(main, sub);
  return listView(main);
}

async function listView(main: HTMLElement): Promise<void> {
  const body = h('div', null, loading());
  main.replaceChildren(
    pageHead('coupons.title', h('a', { class: 'btn btn-primary', href: '#/coupons/new', 'data-testid': 'new-coupon' }, t('coupons.new'))),
    h('p', { class: 'muted small' }, t('coupons.live')),
    body,
  );
  const draw = async () => {
    try {
      const items = asPage<Template>(await request('/coupon-templates', { query: { limit: 200 } })).items;
      body.replaceChildren(
        items.length
          ? table(
              ['coupons.name', 'coupons.gives', 'coupons.validity', 'coupons.stock', 'coupons.issued', 'coupons.claimed', 'coupons.redeemed', 'coupons.expired', 'coupons.rate', 'coupons.status'],
              items.map((x) => [
                h('a', { href: `#/coupons/${encodeURIComponent(x.templateId)}` }, x.name ?? x.templateId),
                gives(x),
                validity(x),
                `${fmtNum(x.counts?.remaining)} / ${fmtNum(x.totalStock)}`,
                fmtNum(x.counts?.issued),
                fmtNum(x.counts?.claimed),
                h('span', { 'data-testid': 'redeemed-count' }, fmtNum(x.counts?.redeemed)),
                fmtNum(x.counts?.expired),
                pct(x.counts?.redemptionRateBp),
                label('coupons.status', x.status),
              ]),
              'coupons.title',
            )
          : empty('coupons.empty'),
      );
    } catch (e) {
      body.replaceChildren(errorBox(e));
    }
  };
  await draw();
  liveTimer = window.setInterval(() => {
    if (!document.body.contains(body)) return window.clearInterval(liveTimer);
    if (document.visibilityState === 'visible') void draw();
  }, 10_000);
}

/** Basis points as a percentage: 1250 → "12.5%". */
function pct(bp: unknown): string {
  return typeof bp === 'number' ? `${(bp / 100).toFixed(1)}%` : '—';
}

const KINDS = ['amount_off', 'percent_off', 'gift'] as const;

async function createView(main: HTMLElement): Promise<void> {
  const stores = await fetchStores().catch(() => []);
  const kind = field({ name: 'kind', label: 'coupons.kind', value: 'amount_off', options: KINDS.map((k) => ({ value: k, label: t(`coupons.kind.${k}` as Key) })) });
  const mode = field({ name: 'validMode', label: 'coupons.create.validMode', value: 'days', options: [
    { value: 'days', label: t('coupons.create.modeDays') },
    { value: 'window', label: t('coupons.create.modeWindow') },
  ] });
  const amount = h('div', { 'data-kind': 'amount_off' }, field({ name: 'value', label: 'coupons.create.value', inputmode: 'decimal', value: '10' }));
  const percent = h('div', { 'data-kind': 'percent_off', hidden: true },
    field({ name: 'percent', label: 'coupons.create.percent', inputmode: 'numeric', value: '15', attrs: { 'data-field': 'value' } }),
    field({ name: 'maxDiscount', label: 'coupons.create.maxDiscount', inputmode: 'decimal', value: '20' }));
  const gift = h('div', { 'data-kind': 'gift', hidden: true }, field({ name: 'giftGtin', label: 'coupons.create.giftGtin', inputmode: 'numeric' }));
  const days = h('div', { 'data-mode': 'days' }, field({ name: 'validDays', label: 'coupons.create.validDays', inputmode: 'numeric', value: '30' }));
  const window_ = h('div', { 'data-mode': 'window', hidden: true, class: 'grid-2' },
    field({ name: 'validFrom', label: 'coupons.create.validFrom', type: 'datetime-local' }),
    field({ name: 'validTo', label: 'coupons.create.validTo', type: 'datetime-local' }));
  const storeChecks = h('fieldset', { class: 'checks' }, h('legend', null, t('coupons.create.stores')),
    ...stores.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'storeIds', value: s.storeId }), ' ', s.name ?? s.storeId)));
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'coupon-form' },
    formAlert(),
    field({ name: 'name', label: 'coupons.name', required: true, value: '', attrs: { maxlength: 64 } }),
    field({ name: 'description', label: 'coupons.create.description', attrs: { maxlength: 200 } }),
    kind, amount, percent, gift,
    field({ name: 'minSpend', label: 'coupons.create.minSpend', inputmode: 'decimal', value: '0' }),
    mode, days, window_,
    h('div', { class: 'grid-2' },
      field({ name: 'totalStock', label: 'coupons.create.totalStock', inputmode: 'numeric', required: true, value: '100' }),
      field({ name: 'perMemberLimit', label: 'coupons.create.perMemberLimit', inputmode: 'numeric', required: true, value: '1' })),
    stores.length ? storeChecks : null,
    field({ name: 'gtins', label: 'coupons.create.gtins' }),
    field({ name: 'categories', label: 'coupons.create.categories' }),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'stackable', value: 'true' }), ' ', t('coupons.create.stackable')),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('coupons.create.submit')),
  );
  const preview = h('div', { 'data-testid': 'coupon-preview' });
  const redraw = () => {
    const k = form.querySelector<HTMLSelectElement>('[name=kind]')!.value;
    const m = form.querySelector<HTMLSelectElement>('[name=validMode]')!.value;
    form.querySelectorAll<HTMLElement>('[data-kind]').forEach((d) => (d.hidden = d.dataset.kind !== k));
    form.querySelectorAll<HTMLElement>('[data-mode]').forEach((d) => (d.hidden = d.dataset.mode !== m));
    const body = draft(form);
    preview.replaceChildren(ticket(body as CouponTerms, null, 'available'));
  };
  form.addEventListener('input', redraw);
  form.addEventListener('change', redraw);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      try {
        const created = await request<Template>('/coupon-templates', { body: draft(form), idempotencyKey: uuid() });
        go(`#/coupons/${encodeURIComponent(created.templateId)}`);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  main.replaceChildren(
    pageHead('coupons.create.title'),
    h('div', { class: 'coupon-grid' },
      h('section', { class: 'card' }, form),
      h('section', { class: 'card coupon-preview', 'aria-labelledby': 'preview-title' }, h('h2', { id: 'preview-title' }, t('coupons.preview')), preview)),
  );
  redraw();
}

/** Yuan as typed ("10", "9.9") to fen; anything else is sent as typed so the API names the field. */
function fen(v: string): number | string {
  return /^\d+(\.\d{1,2})?$/.test(v) ? Math.round(parseFloat(v) * 100) : v;
}
function whole(v: string): number | string {
  return /^\d+$/.test(v) ? parseInt(v, 10) : v;
}
function list(v: string): string[] | undefined {
  const items = v.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
  return items.length ? items : undefined;
}
function isoLocal(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return isNaN(d.getTime()) ? v : d.toISOString();
}

function draft(form: HTMLFormElement): Record<string, unknown> {
  const v = values(form);
  const body: Record<string, unknown> = { name: v.name, kind: v.kind, totalStock: whole(v.totalStock), perMemberLimit: whole(v.perMemberLimit) };
  if (v.description) body.description = v.description;
  if (v.kind === 'amount_off') body.value = fen(v.value);
  if (v.kind === 'percent_off') {
    body.value = whole(v.percent);
    body.maxDiscount = fen(v.maxDiscount);
  }
  if (v.kind === 'gift') body.giftGtin = v.giftGtin;
  if (v.minSpend) body.minSpend = fen(v.minSpend);
  if (v.validMode === 'window') {
    if (v.validFrom) body.validFrom = isoLocal(v.validFrom);
    body.validTo = isoLocal(v.validTo) ?? '';
  } else body.validDays = whole(v.validDays);
  const stores = Array.from(form.querySelectorAll<HTMLInputElement>('[name=storeIds]:checked')).map((c) => c.value);
  if (stores.length) body.storeIds = stores;
  const gtins = list(v.gtins ?? '');
  if (gtins) body.gtins = gtins;
  const categories = list(v.categories ?? '');
  if (categories) body.categories = categories;
  if (form.querySelector<HTMLInputElement>('[name=stackable]')?.checked) body.stackable = true;
  return body;
}

async function detailView(main: HTMLElement, id: string): Promise<void> {
  main.replaceChildren(pageHead('coupons.detail.title'), loading());
  let tpl: Template;
  try {
    tpl = await request<Template>(`/coupon-templates/${encodeURIComponent(id)}`);
  } catch (e) {
    main.replaceChildren(pageHead('coupons.detail.title'), errorBox(e));
    return;
  }
  const tiles = h('div', { class: 'tiles' });
  const drawTiles = (x: Template) => {
    const tile = (k: Key, v: unknown, test: string) =>
      h('div', { class: 'tile' }, h('div', { class: 'tile-label' }, t(k)), h('div', { class: 'tile-value', 'data-testid': test }, v as string));
    tiles.replaceChildren(
      tile('coupons.status', label('coupons.status', x.status), 'tpl-status'),
      tile('coupons.stock', `${fmtNum(x.counts?.remaining)} / ${fmtNum(x.totalStock)}`, 'tpl-remaining'),
      tile('coupons.issued', fmtNum(x.counts?.issued), 'tpl-issued'),
      tile('coupons.claimed', fmtNum(x.counts?.claimed), 'tpl-claimed'),
      tile('coupons.redeemed', fmtNum(x.counts?.redeemed), 'tpl-redeemed'),
      tile('coupons.expired', fmtNum(x.counts?.expired), 'tpl-expired'),
      tile('coupons.voided', fmtNum(x.counts?.voided), 'tpl-voided'),
      tile('coupons.rate', pct(x.counts?.redemptionRateBp), 'tpl-rate'),
    );
  };
  drawTiles(tpl);
  liveTimer = window.setInterval(async () => {
    if (!document.body.contains(tiles)) return window.clearInterval(liveTimer);
    if (document.visibilityState !== 'visible') return;
    try {
      tpl = await request<Template>(`/coupon-templates/${encodeURIComponent(id)}`);
      drawTiles(tpl);
    } catch {
      /* keep the last figures */
    }
  }, 10_000);

  const actionMsg = h('div', { role: 'status' });
  const stop = h('button', { type: 'button', class: 'btn', 'data-testid': 'stop-template', disabled: tpl.status === 'stopped' }, t('coupons.stop'));
  stop.addEventListener('click', async () => {
    if (!(await confirmDialog(t('coupons.confirmStop', { name: tpl.name ?? '' }), 'coupons.stop', true))) return;
    try {
      tpl = await request<Template>(`/coupon-templates/${encodeURIComponent(id)}/stop`, { method: 'POST', idempotencyKey: uuid() });
      drawTiles(tpl);
      stop.disabled = true;
    } catch (e) {
      actionMsg.replaceChildren(errorBox(e));
    }
  });
  const voidForm = h('form', { class: 'search-row', novalidate: true }, formAlert(),
    field({ name: 'reason', label: 'coupons.voidReason', required: true, attrs: { maxlength: 200 } }),
    h('button', { type: 'submit', class: 'btn btn-danger-outline', 'data-testid': 'void-all' }, t('coupons.voidAll')));
  voidForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      if (!(await confirmDialog(t('coupons.confirmVoidAll', { name: tpl.name ?? '' }), 'coupons.voidAll', true))) return;
      await busy(voidForm, async () => {
        try {
          const r = await request<{ voided: number; template: Template }>(`/coupon-templates/${encodeURIComponent(id)}/void`,
            { body: { reason: values(voidForm).reason }, idempotencyKey: uuid() });
          tpl = r.template;
          drawTiles(tpl);
          actionMsg.replaceChildren(h('p', { class: 'alert alert-success' }, t('coupons.voidedN', { n: r.voided })));
        } catch (err) {
          showError(voidForm, err);
        }
      });
    })();
  });

  const refresh = () => request<Template>(`/coupon-templates/${encodeURIComponent(id)}`).then((x) => { tpl = x; drawTiles(x); });
  const stores = await fetchStores().catch(() => []);
  main.replaceChildren(
    pageHead(tpl.name ?? 'coupons.detail.title', stop),
    tiles,
    h('div', { class: 'coupon-grid' },
      issueSection(id, refresh),
      h('section', { class: 'card', 'aria-labelledby': 'preview-title' }, h('h2', { id: 'preview-title' }, t('coupons.preview')), ticket(tpl, null, 'available'))),
    issueFilterSection(id, stores, refresh),
    section('coupons.voidAll', voidForm, actionMsg),
  );
}

interface IssueReport {
  issued: number;
  refused: number;
  results: { memberId: string; outcome: string; code?: string; reason?: string; message?: string }[];
}

function issueSection(id: string, refresh: () => Promise<void>): HTMLElement {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'issue-form' }, formAlert(),
    h('div', { class: 'field' },
      h('label', { for: 'issue-phones' }, t('coupons.issue.phones')),
      h('textarea', { id: 'issue-phones', name: 'phones', rows: 4, 'data-field': 'memberIds', 'aria-describedby': 'issue-hint' }),
      h('p', { class: 'hint', id: 'issue-hint' }, t('coupons.issue.hint'))),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('coupons.issue.submit')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      try {
        const phones = (list(values(form).phones ?? '') ?? []).slice(0, 200);
        const byId = new Map<string, string>();
        for (const phone of phones) {
          const found: unknown = await request('/members', { query: { phone } }).catch(() => null);
          // one member or a page of them, as the members screen reads it
          const m = found && typeof found === 'object' && 'memberId' in found ? (found as { memberId: string }) : asPage<{ memberId: string }>(found).items[0];
          if (!m?.memberId) throw new ApiError(404, t('err.404'), t('coupons.issue.notFound', { phone }), []);
          byId.set(m.memberId, phone);
        }
        const r = await request<IssueReport>(`/coupon-templates/${encodeURIComponent(id)}/issue`, { body: { memberIds: [...byId.keys()] }, idempotencyKey: uuid() });
        result.replaceChildren(
          h('p', { class: 'alert alert-info', 'data-testid': 'issue-summary' }, t('coupons.issue.result', { ok: r.issued, no: r.refused })),
          table(['coupons.issue.member', 'coupons.issue.outcome', 'coupons.code'], r.results.map((x) => [
            byId.get(x.memberId) ?? x.memberId,
            x.outcome === 'issued' ? t('coupons.issue.issued') : `${t('coupons.issue.refused')}: ${x.message ?? x.reason ?? ''}`,
            x.code ? h('code', null, x.code) : '—',
          ])),
        );
        await refresh();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'issue-title' }, h('h2', { id: 'issue-title' }, t('coupons.issue.title')), form, result);
}


/** A member's coupons for the member page (owner and staff): state, and where, when and by whom one was used. */
export function memberCouponsSection(memberId: string, storeName: (id?: string) => string = (id) => id ?? '—'): HTMLElement {
  const body = h('div', { 'data-testid': 'member-coupons' }, loading());
  request(`/members/${encodeURIComponent(memberId)}/coupons`, { query: { limit: 50 } }).then(
    (page) => {
      const items = asPage<Coupon>(page).items;
      body.replaceChildren(
        items.length
          ? table(['coupons.code', 'coupons.name', 'coupons.gives', 'coupons.status', 'coupons.validity', 'coupons.used'],
              items.map((c) => [
                h('code', { class: 'nowrap' }, c.display ?? c.code),
                c.name ?? '—',
                gives(c),
                h('span', { class: `badge badge-state-${c.state}` }, stateLabel(c.state)),
                day(c.validTo),
                c.redemption ? `${fmtTime(c.redemption.at)} · ${storeName(c.redemption.storeId)}${c.redemption.staff ? ' · ' + c.redemption.staff : ''}`
                  : c.voidReason ? `${stateLabel('void')}: ${c.voidReason}` : '—',
              ]), 'coupons.memberList')
          : empty('coupons.memberNone'),
      );
    },
    (e) => body.replaceChildren(errorBox(e)),
  );
  return section('coupons.memberList', body);
}
