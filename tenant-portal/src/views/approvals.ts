// Approvals (issue 25, 智能办公): the owner's inbox (pending first, approve or reject with a note, history) and the
// rules form; staff's "My requests", where an approved request is completed with one click (the portal sends the
// stored request again with the Approval-Id header). A refused action elsewhere links here (forms.ts, approval.required).
import { ApiError, asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';
import { fmtFen, yuanToFen } from './money';
import { fetchStores } from './stores';

/** Store names by id, for the words of each request (an id the caller cannot see stays an id). */
let storeNames: Record<string, string> = {};

export interface Approval {
  approvalId: string;
  kind: 'refund' | 'price' | 'stock_adjustment' | 'coupon_template';
  status: 'pending' | 'approved' | 'rejected' | 'used';
  storeId: string | null;
  subject: string;
  amount: number | null;
  threshold: number;
  requester: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  usedAt: string | null;
  request: { method: string; path: string; body: string };
}

interface Rules {
  refundAbove: number | null;
  priceBelowCost: boolean;
  stockAdjustmentAbove: number | null;
  couponValueAbove: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** What is asked, in words: the subject and store, then the amount against the rule. */
export function whatIsAsked(a: Approval): { what: string; amount: string } {
  // a stock count's finish is gated as a stock adjustment whose subject is the count (sc_…), not a product
  const subjectKey = a.kind === 'stock_adjustment' && a.subject?.startsWith('sc_') ? 'approvals.subject.stock_count' : `approvals.subject.${a.kind}`;
  const what = t(subjectKey as Key, { s: a.subject }) + (a.storeId ? ` · ${t('approvals.store', { s: storeNames[a.storeId] ?? a.storeId })}` : '');
  const money = (n: number) => fmtFen(n);
  let amount: string;
  if (a.kind === 'stock_adjustment') {
    amount = t('approvals.over', { amount: t('approvals.units', { n: (a.amount ?? 0) > 0 ? `+${fmtNum(a.amount)}` : fmtNum(a.amount) }), threshold: t('approvals.units', { n: fmtNum(a.threshold) }) });
  } else if (a.kind === 'price') {
    amount = t('approvals.below', { amount: money(a.amount ?? 0), threshold: money(a.threshold) });
  } else {
    amount = t('approvals.over', { amount: a.amount == null ? t('approvals.gift') : money(a.amount), threshold: money(a.threshold) });
  }
  return { what, amount };
}

function statusBadge(s: string): HTMLElement {
  const cls = s === 'approved' || s === 'used' ? 'badge badge-active' : s === 'rejected' ? 'badge badge-suspended' : 'badge';
  return h('span', { class: cls, 'data-status': s }, label('approvals.status', s));
}

async function all(status?: string): Promise<Approval[]> {
  return asPage<Approval>(await request('/approvals', { query: { status, limit: 200 } })).items;
}

export async function approvalsView(main: HTMLElement): Promise<void> {
  const owner = role('portal') === 'owner';
  main.replaceChildren(pageHead(owner ? 'approvals.title' : 'approvals.titleStaff'), loading());
  try {
    storeNames = Object.fromEntries((await fetchStores().catch(() => [])).map((x) => [x.storeId, x.name ?? x.storeId]));
    if (owner) await ownerPage(main);
    else await staffPage(main);
  } catch (err) {
    main.replaceChildren(pageHead(owner ? 'approvals.title' : 'approvals.titleStaff'), errorBox(err));
  }
}

async function ownerPage(main: HTMLElement): Promise<void> {
  const [items, rules] = await Promise.all([all(), request<Rules>('/approval-rules')]);
  const pending = items.filter((a) => a.status === 'pending');
  const decided = items.filter((a) => a.status !== 'pending');
  const reload = (message?: string) => void approvalsView(main).then(() => {
    const s = main.querySelector('[data-testid=approvals-status]');
    if (s && message) s.textContent = message;
  });
  const status = h('p', { role: 'status', class: 'muted', 'data-testid': 'approvals-status' });
  main.replaceChildren(
    pageHead('approvals.title'),
    h('p', { class: 'muted' }, t('approvals.intro')),
    status,
    section('approvals.pending', pending.length
      ? h('ul', { class: 'stack approval-list', style: 'list-style: none; padding: 0', 'data-testid': 'approvals-pending' }, ...pending.map((a) => pendingCard(a, reload)))
      : empty('approvals.none')),
    section('approvals.history', decided.length ? historyTable(decided, true) : empty('approvals.noHistory')),
    section('approvals.rules', rulesForm(rules, status)),
  );
}

function pendingCard(a: Approval, reload: (message?: string) => void): HTMLElement {
  const { what, amount } = whatIsAsked(a);
  const note = field({ name: 'note', label: 'approvals.note', attrs: { maxlength: 500, placeholder: t('approvals.notePlaceholder') } });
  const form = h('form', { class: 'stack', novalidate: true }, formAlert(), note,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', value: 'approve', 'data-testid': 'approve' }, t('approvals.approve')),
      h('button', { type: 'submit', class: 'btn btn-danger', value: 'reject', 'data-testid': 'reject' }, t('approvals.reject'))));
  const key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const decision = ((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'reject' ? 'reject' : 'approve';
    const v = values(form);
    void busy(form, async () => {
      try {
        await request(`/approvals/${a.approvalId}/decision`, { body: { decision, note: v.note?.trim() || undefined }, idempotencyKey: `${key}-${decision}` });
        clearErrors(form);
        reload(t('approvals.decided', { id: a.approvalId, what: label('approvals.status', decision === 'approve' ? 'approved' : 'rejected') }));
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return h('li', { class: 'card approval-card', 'data-approval': a.approvalId },
    h('div', { class: 'approval-head' }, h('strong', null, label('approvals.kind', a.kind)), ' ', statusBadge(a.status)),
    h('p', null, what),
    h('p', { class: 'approval-amount' }, amount),
    h('p', { class: 'muted small' }, `${t('approvals.requester')}: ${a.requester} · ${fmtTime(a.requestedAt)}`),
    form);
}

function historyTable(items: Approval[], withRequester: boolean, complete?: (a: Approval) => HTMLElement | null): HTMLElement {
  const heads: Key[] = ['approvals.kind', 'approvals.what', 'approvals.amount', ...(withRequester ? ['approvals.requester' as Key] : []),
    'approvals.requestedAt', 'approvals.status', 'approvals.decidedBy', 'approvals.note', ...(complete ? ['approvals.decision' as Key] : [])];
  return table(heads, items.map((a) => {
    const { what, amount } = whatIsAsked(a);
    return [label('approvals.kind', a.kind), what, amount, ...(withRequester ? [a.requester] : []), fmtTime(a.requestedAt), statusBadge(a.status),
      a.decidedBy ? `${a.decidedBy} · ${fmtTime(a.decidedAt)}` : '—', a.note ? h('span', { lang: '' }, a.note) : '—', ...(complete ? [complete(a)] : [])];
  }));
}

function rulesForm(r: Rules, status: HTMLElement): HTMLElement {
  const yuan = (fen: number | null) => (fen == null ? '' : (fen / 100).toFixed(2).replace(/\.00$/, ''));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'approval-rules' }, formAlert(),
    h('p', { class: 'muted small' }, t('approvals.rulesIntro')),
    field({ name: 'refundAbove', label: 'approvals.refundAbove', inputmode: 'decimal', value: yuan(r.refundAbove) }),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'priceBelowCost', checked: r.priceBelowCost }), ' ', t('approvals.priceBelowCost')),
    field({ name: 'stockAdjustmentAbove', label: 'approvals.stockAdjustmentAbove', inputmode: 'numeric', value: r.stockAdjustmentAbove == null ? '' : String(r.stockAdjustmentAbove) }),
    field({ name: 'couponValueAbove', label: 'approvals.couponValueAbove', inputmode: 'decimal', value: yuan(r.couponValueAbove) }),
    r.updatedBy ? h('p', { class: 'muted small' }, t('approvals.rulesBy', { who: r.updatedBy, at: fmtTime(r.updatedAt) })) : null,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('approvals.saveRules'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const num = (s: string | undefined) => (!s?.trim() ? undefined : /^\d{1,10}$/.test(s.trim()) ? Number(s.trim()) : s.trim());
    const body = {
      refundAbove: v.refundAbove?.trim() ? yuanToFen(v.refundAbove) : undefined,
      priceBelowCost: (form.querySelector('input[name=priceBelowCost]') as HTMLInputElement).checked || undefined,
      stockAdjustmentAbove: num(v.stockAdjustmentAbove),
      couponValueAbove: v.couponValueAbove?.trim() ? yuanToFen(v.couponValueAbove) : undefined,
    };
    void busy(form, async () => {
      try {
        await request('/approval-rules', { method: 'PUT', body });
        clearErrors(form);
        status.textContent = t('approvals.rulesSaved');
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return form;
}

async function staffPage(main: HTMLElement): Promise<void> {
  const items = await all();
  const status = h('p', { role: 'status', class: 'muted', 'data-testid': 'approvals-status' });
  const reload = (message?: string) => void approvalsView(main).then(() => {
    const s = main.querySelector('[data-testid=approvals-status]');
    if (s && message) s.textContent = message;
  });
  const complete = (a: Approval): HTMLElement | null => {
    if (a.status !== 'approved') return null;
    const alert = formAlert();
    const btn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'complete' }, t('approvals.complete'));
    const form = h('form', { class: 'inline', novalidate: true, 'data-approval': a.approvalId }, alert, btn);
    const key = uuid();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(form, async () => {
        try {
          // the exact request that was sent for approval, again, with the approval's id
          await request(a.request.path, {
            method: a.request.method,
            body: a.request.body ? (JSON.parse(a.request.body) as unknown) : undefined,
            idempotencyKey: a.request.method === 'POST' ? key : undefined,
            headers: { 'Approval-Id': a.approvalId },
          });
          reload(t('approvals.completed', { id: a.approvalId }));
        } catch (err) {
          showError(form, err instanceof ApiError ? err : new ApiError(0, 'network', String(err), []));
        }
      });
    });
    return form;
  };
  main.replaceChildren(
    pageHead('approvals.titleStaff'),
    h('p', { class: 'muted' }, t('approvals.introStaff')),
    status,
    section('approvals.mine', items.length ? h('div', { 'data-testid': 'my-approvals' }, historyTable(items, false, complete)) : empty('approvals.noneMine')),
  );
}
