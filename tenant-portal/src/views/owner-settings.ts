// Two owner pages the API already had: the points rules (GET/PUT /points/settings) and the audit log (GET /audit).
import { asPage, request } from '../api';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtTime, loading, pageHead, table } from './common';

interface PointsSettings {
  pointsPerYuan?: number;
  returnWindowDays?: number;
  expiry?: string;
  expiryMonths?: number;
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
    const body: Record<string, unknown> = { pointsPerYuan: int(v.pointsPerYuan), returnWindowDays: int(v.returnWindowDays), expiry: v.expiry };
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
  main.replaceChildren(pageHead('rules.title'), h('p', { class: 'muted' }, t('rules.intro')), h('section', { class: 'card', 'aria-label': t('rules.title') }, form));
}

interface AuditEntry {
  at?: string;
  actor?: string;
  role?: string;
  action?: string;
  status?: number;
  sourceIp?: string;
}

export async function auditView(main: HTMLElement): Promise<void> {
  const box = h('div', { 'data-testid': 'audit' }, loading());
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, t('common.more'));
  const rows: AuditEntry[] = [];
  let cursor: string | null = null;
  const load = async () => {
    try {
      const page = asPage<AuditEntry>(await request('/audit', { query: { limit: 50, cursor } }));
      rows.push(...page.items);
      cursor = page.nextCursor;
      box.replaceChildren(
        rows.length
          ? table(
              ['audit.at', 'audit.actor', 'audit.role', 'audit.action', 'audit.status', 'audit.ip'],
              rows.map((r) => [fmtTime(r.at), r.actor ?? '—', r.role ? t(`role.${r.role}` as Key) : '—', h('code', null, r.action ?? '—'), String(r.status ?? '—'), r.sourceIp ?? '—']),
              'audit.title',
            )
          : empty('audit.empty'),
        more,
      );
      more.hidden = !cursor;
    } catch (err) {
      box.replaceChildren(errorBox(err));
    }
  };
  more.addEventListener('click', () => void load());
  main.replaceChildren(pageHead('audit.title'), h('p', { class: 'muted' }, t('audit.intro')), h('section', { class: 'card' }, box));
  await load();
}
