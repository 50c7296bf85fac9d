// The provider's tenant detail: overview with plan change and suspend/resume, billing state through Stripe (with the
// "payment failed" flag and a retry of a pending set-up), usage by month, and the stores.
import { request } from '../api';
import { h } from '../dom';
import { confirmDialog, errorBox } from '../forms';
import { t, type Key } from '../i18n';
import { fmtNum, fmtTime, label, loading, pageHead, table } from './common';
import { fmtFen } from './money';

/** An amount in the currency's minor unit, with its currency (Stripe's prices may be in CNY or not). */
function money(amount: number, currency?: string | null): string {
  if (!currency || currency.toLowerCase() === 'cny') return fmtFen(amount);
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

export interface Billing {
  state: 'pending' | 'ready';
  customerId?: string | null;
  subscriptionId?: string | null;
  subscriptionStatus?: string | null;
  currentPeriodEnd?: string | null;
  paymentFailed?: boolean;
  lastPaymentFailure?: { at: string; invoiceId: string; amountDue: number; currency?: string | null } | null;
  pendingReason?: string | null;
}

export interface TenantDetail {
  tenantId: string;
  name?: string;
  plan?: string;
  status?: string;
  timeZone?: string;
  createdAt?: string;
  owner?: { name?: string; email?: string; phone?: string };
  billing?: Billing;
  stores?: { storeId: string; name?: string; format?: string; address?: string }[];
}

interface Usage {
  month: string;
  members?: number;
  orders?: number;
  devices?: number;
  messages?: number;
  stores?: number;
}

const PLANS = ['basic', 'standard', 'premium'];

/** A small badge for a tenant's billing: payment failed, pending, or fine. */
export function billingBadge(b: Billing | undefined): HTMLElement {
  // its own classes: the tenant's status badge (badge-active / badge-suspended) sits in the same row
  if (b?.paymentFailed) return h('span', { class: 'badge badge-billing-failed', 'data-testid': 'payment-failed-badge' }, t('billing.failed'));
  if (!b || b.state === 'pending') return h('span', { class: 'badge badge-warn badge-billing-pending' }, t('billing.state.pending'));
  return h('span', { class: 'badge badge-billing-ok' }, label('billing.sub', b.subscriptionStatus ?? 'active'));
}

function path(id: string): string {
  return `/admin/tenants/${encodeURIComponent(id)}`;
}

/** The last six months up to this one, newest first, none before the tenant's own first month. */
function months(createdAt: string | undefined): string[] {
  const now = new Date();
  const first = createdAt ? createdAt.slice(0, 7) : '';
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const m = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    if (first && m < first) break;
    out.push(m);
  }
  return out;
}

export async function tenantView(main: HTMLElement, tenantId: string): Promise<void> {
  main.replaceChildren(pageHead('tenants.title'), loading());
  let tn: TenantDetail;
  try {
    tn = await request<TenantDetail>(path(tenantId));
  } catch (err) {
    main.replaceChildren(pageHead('tenants.title', h('a', { class: 'btn btn-ghost', href: '#/admin/tenants' }, t('tenant.back'))), errorBox(err));
    return;
  }
  const overview = h('section', { class: 'card', 'aria-labelledby': 'tn-overview', 'data-testid': 'tenant-overview' });
  const billing = h('section', { class: 'card', 'aria-labelledby': 'tn-billing', 'data-testid': 'billing' });
  const usage = h('section', { class: 'card', 'aria-labelledby': 'tn-usage', 'data-testid': 'usage' }, loading());
  const stores = h(
    'section',
    { class: 'card', 'aria-labelledby': 'tn-stores' },
    h('h2', { id: 'tn-stores' }, t('tenant.stores')),
    table(
      ['stores.name', 'stores.format', 'stores.address'],
      (tn.stores ?? []).map((s) => [s.name ?? '—', label('format', s.format), s.address ?? '—']),
      'tenant.stores',
    ),
  );
  const note = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'tenant-note' });

  const drawOverview = () => {
    const select = h(
      'select',
      { id: 'tn-plan', name: 'plan', 'data-field': 'plan' },
      ...PLANS.map((p) => h('option', { value: p, selected: p === tn.plan }, t(`plan.${p}` as Key))),
    );
    const problem = h('div');
    const change = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        'data-testid': 'change-plan',
        onclick: async () => {
          const to = select.value;
          if (to === tn.plan) return;
          const ok = await confirmDialog(
            t('tenant.confirmPlan', { name: tn.name ?? tn.tenantId, from: label('plan', tn.plan), to: label('plan', to) }),
            'tenant.changePlan',
          );
          if (!ok) return;
          change.disabled = true;
          problem.replaceChildren();
          try {
            tn = { ...tn, ...(await request<TenantDetail>(path(tn.tenantId), { method: 'PATCH', body: { plan: to } })), stores: tn.stores };
            note.textContent = t('tenant.planChanged', { plan: label('plan', tn.plan) });
            note.hidden = false;
            drawOverview();
            drawBilling();
          } catch (err) {
            problem.replaceChildren(errorBox(err));
            select.value = tn.plan ?? '';
            change.disabled = false;
          }
        },
      },
      t('tenant.changePlan'),
    );
    const suspended = tn.status === 'suspended';
    const statusBtn = h(
      'button',
      {
        type: 'button',
        class: suspended ? 'btn btn-small' : 'btn btn-small btn-danger-outline',
        onclick: async () => {
          const ok = await confirmDialog(
            t(suspended ? 'tenants.confirmResume' : 'tenants.confirmSuspend', { name: tn.name ?? tn.tenantId }),
            suspended ? 'tenants.resume' : 'tenants.suspend',
            !suspended,
          );
          if (!ok) return;
          try {
            const u = await request<TenantDetail>(path(tn.tenantId), { method: 'PATCH', body: { status: suspended ? 'active' : 'suspended' } });
            tn.status = u.status;
            drawOverview();
          } catch (err) {
            problem.replaceChildren(errorBox(err));
          }
        },
      },
      t(suspended ? 'tenants.resume' : 'tenants.suspend'),
    );
    overview.replaceChildren(
      h('h2', { id: 'tn-overview' }, t('tenant.overview')),
      h(
        'dl',
        { class: 'kv' },
        h('dt', null, t('tenants.id')),
        h('dd', null, h('code', { 'data-testid': 'tenant-id' }, tn.tenantId)),
        h('dt', null, t('tenants.status')),
        h('dd', null, h('span', { class: `badge badge-${tn.status ?? 'unknown'}`, 'data-testid': 'tenant-status' }, label('status', tn.status)), ' ', statusBtn),
        h('dt', null, h('label', { for: 'tn-plan' }, t('tenants.plan'))),
        h('dd', { class: 'inline-form' }, h('strong', { 'data-testid': 'tenant-plan' }, label('plan', tn.plan)), ' ', select, ' ', change),
        h('dt', null, t('tenants.timeZone')),
        h('dd', null, tn.timeZone ?? '—'),
        h('dt', null, t('tenants.created')),
        h('dd', null, fmtTime(tn.createdAt)),
        h('dt', null, t('tenant.owner')),
        h('dd', null, [tn.owner?.name, tn.owner?.email, tn.owner?.phone].filter(Boolean).join(' · ') || '—'),
      ),
      problem,
    );
  };

  const drawBilling = () => {
    const b = tn.billing;
    const problem = h('div');
    const alerts: HTMLElement[] = [];
    if (b?.paymentFailed) {
      const f = b.lastPaymentFailure;
      alerts.push(
        h(
          'p',
          { class: 'alert alert-error', role: 'alert', 'data-testid': 'payment-failed' },
          f ? t('billing.failedAlert', { at: fmtTime(f.at), invoice: f.invoiceId, amount: money(f.amountDue, f.currency) }) : t('billing.failedNoDetail'),
        ),
      );
    }
    if (!b || b.state === 'pending') {
      const retry = h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary btn-small',
          'data-testid': 'billing-retry',
          onclick: async () => {
            retry.disabled = true;
            problem.replaceChildren();
            try {
              tn = { ...tn, ...(await request<TenantDetail>(`${path(tn.tenantId)}/billing`, { method: 'POST', body: {} })), stores: tn.stores };
              note.textContent = t('billing.retried');
              note.hidden = false;
              drawBilling();
            } catch (err) {
              problem.replaceChildren(errorBox(err));
              retry.disabled = false;
            }
          },
        },
        t('billing.retry'),
      );
      alerts.push(
        h('div', { class: 'alert alert-warn', 'data-testid': 'billing-pending' }, h('p', null, t('billing.pendingAlert', { reason: label('billing.reason', b?.pendingReason ?? 'not_set_up') })), retry),
      );
    }
    billing.replaceChildren(
      h('h2', { id: 'tn-billing' }, t('billing.title')),
      ...alerts,
      h(
        'dl',
        { class: 'kv' },
        h('dt', null, t('billing.state')),
        h('dd', null, billingBadge(b), ' ', h('span', { class: 'muted', 'data-testid': 'billing-state' }, label('billing.state', b?.state ?? 'pending'))),
        h('dt', null, t('billing.subscriptionStatus')),
        h('dd', { 'data-testid': 'subscription-status' }, label('billing.sub', b?.subscriptionStatus)),
        h('dt', null, t('billing.periodEnd')),
        h('dd', null, fmtTime(b?.currentPeriodEnd)),
        h('dt', null, t('billing.customer')),
        h('dd', null, b?.customerId ? h('code', { 'data-testid': 'stripe-customer' }, b.customerId) : '—'),
        h('dt', null, t('billing.subscription')),
        h('dd', null, b?.subscriptionId ? h('code', null, b.subscriptionId) : '—'),
        h('dt', null, t('billing.lastFailure')),
        h('dd', null, b?.lastPaymentFailure ? `${fmtTime(b.lastPaymentFailure.at)} · ${b.lastPaymentFailure.invoiceId} · ${money(b.lastPaymentFailure.amountDue, b.lastPaymentFailure.currency)}` : '—'),
      ),
      problem,
    );
  };

  const loadUsage = async () => {
    try {
      const ms = months(tn.createdAt);
      const rows = await Promise.all(ms.map((m) => request<Usage>(`${path(tn.tenantId)}/usage`, { query: { month: m } })));
      usage.replaceChildren(
        h('h2', { id: 'tn-usage' }, t('tenant.usage')),
        h('p', { class: 'muted' }, t('tenant.usageIntro'), ' ', t('tenant.storesNow', { n: tn.stores?.length ?? rows[0]?.stores ?? 0 })),
        table(
          ['tenant.month', 'tenant.members', 'tenant.orders', 'tenant.devices', 'tenant.messages'],
          rows.map((u) => [u.month, fmtNum(u.members ?? 0), fmtNum(u.orders ?? 0), fmtNum(u.devices ?? 0), fmtNum(u.messages ?? 0)]),
          'tenant.usage',
        ),
      );
    } catch (err) {
      usage.replaceChildren(h('h2', { id: 'tn-usage' }, t('tenant.usage')), errorBox(err));
    }
  };

  drawOverview();
  drawBilling();
  main.replaceChildren(
    pageHead(tn.name ?? tn.tenantId, h('a', { class: 'btn btn-ghost', href: '#/admin/tenants' }, t('tenant.back'))),
    note,
    overview,
    billing,
    usage,
    stores,
  );
  await loadUsage();
}
