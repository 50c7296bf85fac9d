// Two owner pages the API already had: the points rules (GET/PUT /points/settings) and the audit log (GET /audit).
import { asPage, request } from '../api';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { type Route } from '../router';
import { t, type Key } from '../i18n';
import { empty, fmtTime, loading, pageHead, table } from './common';
import { orderSettingsCard } from './order-settings';

interface PointsSettings {
  pointsPerYuan?: number;
  returnWindowDays?: number;
  expiry?: string;
  expiryMonths?: number;
  welcomePoints?: number;
  adjustLimit?: number;
  adjustConfirmAbove?: number;
}
const EXPIRY = ['end_of_following_year', 'months_after_credit', 'never'];

export async function pointsRulesView(main: HTMLElement): Promise<void> {
  main.replaceChildren(pageHead('rules.title'), loading());
  let s: PointsSettings;
  try {
    s = await request<PointsSettings>('/points/settings');
  } catch (err) {
    main.replaceChildren(pageHead('rules.title'), errorBox(err));
    return;
  }
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'rules-saved' });
  const months = field({ name: 'expiryMonths', label: 'rules.expiryMonths', type: 'number', inputmode: 'numeric', value: String(s.expiryMonths ?? 12), attrs: { min: 1, max: 120, step: 1 } });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'rules' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'pointsPerYuan', label: 'rules.pointsPerYuan', type: 'number', inputmode: 'numeric', required: true, value: String(s.pointsPerYuan ?? 1), hint: 'rules.pointsPerYuanHint', attrs: { min: 0, max: 1000, step: 1 } }),
      field({ name: 'returnWindowDays', label: 'rules.returnWindowDays', type: 'number', inputmode: 'numeric', required: true, value: String(s.returnWindowDays ?? 7), hint: 'rules.returnWindowDaysHint', attrs: { min: 0, max: 365, step: 1 } }),
      field({ name: 'expiry', label: 'rules.expiry', required: true, value: s.expiry, options: EXPIRY.map((e) => ({ value: e, label: t(`rules.expiry.${e}` as Key) })) }),
      months,
      field({ name: 'welcomePoints', label: 'rules.welcomePoints', type: 'number', inputmode: 'numeric', required: true, value: String(s.welcomePoints ?? 0), hint: 'rules.welcomePointsHint', attrs: { min: 0, max: 100000, step: 1 } }),
      field({ name: 'adjustLimit', label: 'rules.adjustLimit', type: 'number', inputmode: 'numeric', required: true, value: String(s.adjustLimit ?? 100000), hint: 'rules.adjustLimitHint', attrs: { min: 1, max: 1000000000, step: 1 } }),
      field({ name: 'adjustConfirmAbove', label: 'rules.adjustConfirmAbove', type: 'number', inputmode: 'numeric', required: true, value: String(s.adjustConfirmAbove ?? 10000), hint: 'rules.adjustConfirmAboveHint', attrs: { min: 0, max: 1000000000, step: 1 } }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('rules.save'))),
    ok,
  );
  const sel = form.querySelector<HTMLSelectElement>('select[name=expiry]')!;
  const syncMonths = () => (months.hidden = sel.value !== 'months_after_credit');
  sel.addEventListener('change', syncMonths);
  syncMonths();
  const int = (v: string) => (v !== '' && Number.isInteger(Number(v)) ? Number(v) : v);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    const body: Record<string, unknown> = {
      pointsPerYuan: int(v.pointsPerYuan),
      returnWindowDays: int(v.returnWindowDays),
      expiry: v.expiry,
      welcomePoints: int(v.welcomePoints),
      adjustLimit: int(v.adjustLimit),
      adjustConfirmAbove: int(v.adjustConfirmAbove),
    };
    if (v.expiry === 'months_after_credit') body.expiryMonths = int(v.expiryMonths);
    void busy(form, async () => {
      try {
        await request('/points/settings', { method: 'PUT', body });
        clearErrors(form);
        ok.textContent = t('rules.saved');
        ok.hidden = false;
      } catch (err) {
        showError(form, err);
      }
    });
  });
  main.replaceChildren(pageHead('rules.title'), h('p', { class: 'muted' }, t('rules.intro')), h('section', { class: 'card', 'aria-label': t('rules.title') }, form),
    orderSettingsCard());
}

interface AuditEntry {
  at?: string;
  actor?: string;
  role?: string;
  action?: string;
  status?: number;
  sourceIp?: string;
}

/** A date input (local day) as the ISO instant of its start, or of the next day's start (an inclusive "to"). */
function dayStart(v: string, nextDay = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const [y, m, d] = v.split('-').map(Number);
  return new Date(y, m - 1, d + (nextDay ? 1 : 0)).toISOString();
}

export async function auditView(main: HTMLElement, route?: Route): Promise<void> {
  const q = route?.query ?? new URLSearchParams();
  const box = h('div', { 'data-testid': 'audit' }, loading());
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, t('common.more'));
  const rows: AuditEntry[] = [];
  let cursor: string | null = null;
  const filtered = ['from', 'to', 'actor', 'action'].some((k) => q.get(k));
  const filters = {
    from: dayStart(q.get('from') ?? ''),
    to: dayStart(q.get('to') ?? '', true),
    actor: q.get('actor') || undefined,
    action: q.get('action') || undefined,
  };
  const actions = ['', 'POST', 'PUT', 'PATCH', 'DELETE'];
  const form = h(
    'form',
    { class: 'search-bar', role: 'search', 'data-testid': 'audit-filters', 'aria-label': t('audit.filters') },
    field({ name: 'from', label: 'audit.from', type: 'date', value: q.get('from') ?? '' }),
    field({ name: 'to', label: 'audit.to', type: 'date', value: q.get('to') ?? '' }),
    field({ name: 'actor', label: 'audit.actorFilter', value: q.get('actor') ?? '', attrs: { maxlength: 100 } }),
    field({ name: 'action', label: 'audit.actionFilter', value: q.get('action') ?? '', options: actions.map((a) => ({ value: a, label: t((a ? `audit.action.${a}` : 'audit.action.any') as Key) })) }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('audit.apply')),
    filtered ? h('a', { class: 'btn btn-ghost', href: '#/audit' }, t('audit.clear')) : null,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const p = new URLSearchParams();
    for (const k of ['from', 'to', 'actor', 'action']) if (v[k]?.trim()) p.set(k, v[k].trim());
    const hash = `#/audit${p.size ? `?${p}` : ''}`;
    if (location.hash === hash) void auditView(main, { path: ['audit'], query: p });
    else location.hash = hash;
  });
  const load = async () => {
    try {
      const page = asPage<AuditEntry>(await request('/audit', { query: { limit: 50, cursor, ...filters } }));
      rows.push(...page.items);
      cursor = page.nextCursor;
      box.replaceChildren(
        rows.length
          ? table(
              ['audit.at', 'audit.actor', 'audit.role', 'audit.action', 'audit.status', 'audit.ip'],
              rows.map((r) => [fmtTime(r.at), r.actor ?? '—', r.role ? t(`role.${r.role}` as Key) : '—', h('code', null, r.action ?? '—'), String(r.status ?? '—'), r.sourceIp ?? '—']),
              'audit.title',
            )
          : empty(filtered ? 'audit.noMatch' : 'audit.empty'),
        more,
      );
      more.hidden = !cursor;
    } catch (err) {
      box.replaceChildren(errorBox(err));
    }
  };
  more.addEventListener('click', () => void load());
  main.replaceChildren(
    pageHead('audit.title'),
    h('p', { class: 'muted' }, t('audit.intro')),
    h('section', { class: 'card' }, form),
    h('section', { class: 'card' }, box),
  );
  await load();
}
