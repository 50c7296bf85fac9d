// Reconciliation (owner): a day's Stripe payments and refunds as Zhidian recorded them against Stripe's balance
// transactions: a date picker, the totals that matched, and every mismatch with its ids; run a day again on demand.
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { go, type Route } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';
import { fmtFen } from './money';

interface Mismatch { problem: string; kind: string; ref: string; orderId?: string | null; ours?: number | null; theirs?: number | null }
interface Day { date: string; ran: boolean; ranAt?: string; by?: string; clean?: boolean; matchedCount?: number; matchedAmount?: number; mismatches?: Mismatch[] }

function yesterday(): string {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function reconciliationView(main: HTMLElement, route: Route): Promise<void> {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(route.query.get('date') ?? '') ? route.query.get('date')! : yesterday();
  const pick = h('form', { class: 'filters', novalidate: true, 'data-testid': 'recon-date' }, formAlert(),
    field({ name: 'date', label: 'recon.date', type: 'date', value: date, required: true }),
    h('button', { type: 'submit', class: 'btn' }, t('recon.show')));
  pick.addEventListener('submit', (e) => {
    e.preventDefault();
    go(`#/reconciliation?date=${encodeURIComponent(values(pick).date || date)}`);
  });
  const runBtn = h('form', { class: 'actions', novalidate: true, 'data-testid': 'recon-run' }, formAlert(),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('recon.run')));
  const body = h('div', { 'aria-live': 'polite' }, loading());
  main.replaceChildren(pageHead('recon.title'), h('p', { class: 'muted small' }, t('recon.intro')), section('recon.day', pick, runBtn), body);
  const key = uuid();
  runBtn.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(runBtn, async () => {
      try {
        show(body, await request<Day>('/reconciliation/runs', { body: { date }, idempotencyKey: `${key}-${date}` }));
      } catch (err) {
        showError(runBtn, err);
      }
    });
  });
  try {
    show(body, await request<Day>('/reconciliation', { query: { date } }));
  } catch (err) {
    body.replaceChildren(errorBox(err));
  }
}

function show(body: HTMLElement, d: Day): void {
  if (!d.ran) return void body.replaceChildren(empty('recon.notRun'));
  const ms = d.mismatches ?? [];
  const totals = h('section', { class: 'card', 'data-testid': 'recon-totals' },
    h('p', null, d.clean ? h('span', { class: 'badge badge-active', 'data-testid': 'recon-state' }, t('recon.clean'))
      : h('span', { class: 'badge badge-suspended', 'data-testid': 'recon-state' }, t('recon.mismatchN', { n: fmtNum(ms.length) }))),
    h('dl', { class: 'kv' },
      h('dt', null, t('recon.matched')), h('dd', { 'data-testid': 'recon-matched' }, fmtNum(d.matchedCount ?? 0)),
      h('dt', null, t('recon.net')), h('dd', null, fmtFen(d.matchedAmount ?? 0)),
      h('dt', null, t('recon.ranAt')), h('dd', null, d.ranAt ? fmtTime(d.ranAt) : '—', d.by === 'system' ? ` · ${t('recon.byJob')}` : '')));
  const rows = ms.map((m) => [
    h('span', { class: 'badge badge-suspended', 'data-problem': m.problem }, label('recon.problem', m.problem)),
    label('recon.kind', m.kind),
    h('code', { class: 'small' }, m.ref),
    m.orderId ? h('a', { href: `#/orders/${encodeURIComponent(m.orderId)}` }, m.orderId) : '—',
    m.ours != null ? fmtFen(m.ours) : '—',
    m.theirs != null ? fmtFen(m.theirs) : '—',
  ]);
  body.replaceChildren(totals);
  if (ms.length) {
    body.append(h('section', { class: 'card', 'data-testid': 'recon-mismatches' }, h('h2', null, t('recon.mismatches')),
      table(['recon.problemLabel', 'recon.kindLabel', 'recon.ref', 'recon.order', 'recon.ours', 'recon.theirs'], rows)));
  }
}
