// The owner dashboard's member panel (issue 23): members who joined, active members and the repeat rate, points issued
// and redeemed with the liability (points outstanding), coupons redeemed per template — from GET /reports/members —
// and the sample year's loading notice (Zhidian Local's GET /local/sample-year; absent elsewhere, so nothing shows).
import type * as echarts from 'echarts/core';
import { request, send } from '../api';
import { h } from '../dom';
import { errorBox } from '../forms';
import { t } from '../i18n';
import { empty, fmtNum, table } from './common';

interface MemberRow {
  key: string; newMembers: number; activeMembers: number | null; repeatMembers: number | null; repeatRate: number | null;
  memberOrders: number; pointsIssued: number; pointsRedeemed: number; pointsExpired: number; pointsOtherDebits: number;
  liability: number; pendingPoints: number;
}
interface CouponLine { templateId: string; name: string | null; issued: number | null; redeemed: number; redemptionRate: number | null }
interface MemberReport { rows: MemberRow[]; totals: MemberRow; coupons: CouponLine[] }

type Chart = (box: HTMLElement, option: echarts.EChartsCoreOption, testid: string) => void;

const pct = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);

function stat(label: string, value: string, testid: string, sub?: string): HTMLElement {
  return h('div', { class: 'stat card' }, h('div', { class: 'muted small' }, label),
    h('div', { class: 'stat-value', 'data-testid': testid }, value), sub ? h('div', { class: 'muted small' }, sub) : null);
}

/** The member panel of the dashboard for {@code q}'s range and store; owners only (the route is theirs). */
export function memberPanel(q: { from: string; to: string; storeId?: string }, chart: Chart): { el: HTMLElement; load: () => Promise<void> } {
  const kpis = h('div', { class: 'stats', 'data-testid': 'dash-member-kpis' });
  const chartBox = h('div', { 'data-testid': 'dash-members' });
  const coupons = h('div', { 'data-testid': 'dash-coupons' });
  const status = h('div', { role: 'status' });
  const csv = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'export-members-csv' }, t('dash.members.csv'));
  csv.addEventListener('click', async () => {
    try {
      const res = await send('/reports/members', { accept: 'text/csv', query: { ...q, groupBy: 'day' } });
      const a = h('a', { href: URL.createObjectURL(await res.blob()), download: `members-${q.from}-${q.to}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      status.replaceChildren();
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  const el = h('section', { class: 'card', 'aria-labelledby': 's-dash-members' },
    h('div', { class: 'page-head' }, h('h2', { id: 's-dash-members' }, t('dash.members.title')), h('div', { class: 'actions' }, csv)),
    h('p', { class: 'muted small' }, t('dash.members.intro')), status, kpis, chartBox,
    h('h3', null, t('dash.members.coupons')), coupons);

  const load = async () => {
    try {
      const [days, month] = await Promise.all([
        request<MemberReport>('/reports/members', { query: { ...q, groupBy: 'day' } }),
        request<MemberReport>('/reports/members', { query: { from: q.to, to: q.to, storeId: q.storeId, groupBy: 'month' } }),
      ]);
      const m = month.rows[0];
      kpis.replaceChildren(
        stat(t('dash.members.new'), fmtNum(days.totals.newMembers), 'kpi-new-members'),
        stat(t('dash.members.active'), fmtNum(m?.activeMembers ?? 0), 'kpi-active-members', t('dash.members.month', { m: m?.key ?? '' })),
        stat(t('dash.members.repeat'), pct(m?.repeatRate ?? null), 'kpi-repeat-rate', t('dash.members.month', { m: m?.key ?? '' })),
        stat(t('dash.members.issued'), fmtNum(days.totals.pointsIssued), 'kpi-points-issued',
          t('dash.members.redeemedSub', { v: fmtNum(days.totals.pointsRedeemed) })),
        stat(t('dash.members.liability'), fmtNum(days.totals.liability), 'kpi-liability',
          t('dash.members.pendingSub', { v: fmtNum(days.totals.pendingPoints) })),
      );
      if (!days.rows.some((r) => r.newMembers || r.activeMembers || r.pointsIssued || r.pointsRedeemed) && !days.totals.liability) {
        chartBox.replaceChildren(empty('dash.members.none'));
      } else {
        chart(chartBox, {
          legend: { data: [t('dash.members.new'), t('dash.members.activeDay'), t('dash.members.liability')] },
          xAxis: { type: 'category', data: days.rows.map((r) => r.key.slice(5)) },
          yAxis: [{ type: 'value', name: t('dash.members.people') }, { type: 'value', name: t('dash.members.points') }],
          series: [
            { name: t('dash.members.new'), type: 'bar', data: days.rows.map((r) => r.newMembers) },
            { name: t('dash.members.activeDay'), type: 'bar', data: days.rows.map((r) => r.activeMembers ?? 0) },
            { name: t('dash.members.liability'), type: 'line', yAxisIndex: 1, data: days.rows.map((r) => r.liability) },
          ],
        }, 'chart-members');
      }
      coupons.replaceChildren(days.coupons.length
        ? table(['dash.members.template', 'dash.members.couponsIssued', 'dash.members.couponsRedeemed', 'dash.members.rate'],
          days.coupons.map((c) => [c.name ?? c.templateId, c.issued == null ? '—' : fmtNum(c.issued), fmtNum(c.redeemed), pct(c.redemptionRate)]),
          'dash.members.coupons')
        : empty('dash.members.noCoupons'));
    } catch (err) {
      kpis.replaceChildren(errorBox(err));
    }
  };
  return { el, load };
}

interface SampleYear { state: string; percent: number; tenantId?: string; step?: string }

/**
 * While Zhidian Local loads the sample year into this tenant: "sample year loading 42 %", refreshed every few seconds
 * until it is done (then it says so once and the figures can be reloaded). Nothing in AWS, or for another tenant.
 */
export function sampleYearNotice(tenantId: string | undefined): HTMLElement {
  const box = h('div', { 'data-testid': 'sample-year-notice', hidden: true });
  let wasLoading = false;
  const poll = async () => {
    if (!box.isConnected && wasLoading) return;
    let s: SampleYear;
    try {
      s = await request<SampleYear>('/local/sample-year');
    } catch {
      return; // not Zhidian Local
    }
    if (!s || (s.tenantId && tenantId && s.tenantId !== tenantId)) return;
    if (s.state === 'loading' || s.state === 'waiting') {
      wasLoading = true;
      box.hidden = false;
      box.replaceChildren(h('p', { class: 'alert alert-info', role: 'status' }, t('dash.sampleYear.loading', { p: String(s.percent) })));
      setTimeout(() => { if (box.isConnected) void poll(); }, 3000);
    } else if (s.state === 'done' && wasLoading) {
      box.hidden = false;
      box.replaceChildren(h('p', { class: 'alert alert-success', role: 'status' }, t('dash.sampleYear.done')));
    } else if (s.state === 'failed') {
      box.hidden = false;
      box.replaceChildren(h('p', { class: 'alert alert-warn', role: 'status' }, t('dash.sampleYear.failed')));
    }
  };
  setTimeout(() => void poll(), 0);
  return box;
}
