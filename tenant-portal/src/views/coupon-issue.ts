// Issue to every member matching a filter (home store, points range, joined since): the form, then the job's
// progress bar while it runs (the request runs the first 100 members, a scheduled runner the rest), then its counts
// and the per-member report, page by page.
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { fmtNum, table } from './common';
import type { Store } from './stores';

export interface IssueJob {
  jobId: string;
  templateId: string;
  state: 'running' | 'done';
  progress: { candidates: number; examined: number; matched: number; percent: number };
  counts: { issued: number; limitReached: number; stockOut: number; memberErased: number; closed: number };
  report?: { items: { memberId: string; outcome: string; code?: string; reason?: string; message?: string }[]; nextCursor?: string | null };
}

/** Whole points as typed; anything else is sent as typed so the API names the field. */
function whole(v: string | undefined): number | string | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return /^\d+$/.test(v.trim()) ? parseInt(v.trim(), 10) : v;
}

/** A day (yyyy-mm-dd) as its start in China time. */
function dayStart(v: string | undefined): string | undefined {
  if (!v) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v;
}

export function filterBody(v: Record<string, string>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (v['filter.storeId']) filter.storeId = v['filter.storeId'];
  const min = whole(v['filter.minPoints']);
  if (min !== undefined) filter.minPoints = min;
  const max = whole(v['filter.maxPoints']);
  if (max !== undefined) filter.maxPoints = max;
  const since = dayStart(v['filter.joinedSince']);
  if (since) filter.joinedSince = since;
  return { filter };
}

export function issueFilterSection(templateId: string, stores: Store[], refresh: () => Promise<void>): HTMLElement {
  const base = `/coupon-templates/${encodeURIComponent(templateId)}/issues`;
  const out = h('div', { 'aria-live': 'polite', 'data-testid': 'issue-job' });
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'issue-filter-form' }, formAlert(),
    h('p', { class: 'hint' }, t('coupons.filter.hint')),
    field({ name: 'filter.storeId', label: 'coupons.filter.store', value: '', options: [
      { value: '', label: t('coupons.filter.anyStore') },
      ...stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })),
    ] }),
    h('div', { class: 'grid-2' },
      field({ name: 'filter.minPoints', label: 'coupons.filter.minPoints', inputmode: 'numeric' }),
      field({ name: 'filter.maxPoints', label: 'coupons.filter.maxPoints', inputmode: 'numeric' })),
    field({ name: 'filter.joinedSince', label: 'coupons.filter.joinedSince', type: 'date', attrs: { max: new Date().toISOString().slice(0, 10) } }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('coupons.filter.submit')));

  let timer: number | undefined;
  const show = (job: IssueJob, more?: IssueJob['report']) => {
    const c = job.counts;
    const bar = h('div', { class: 'stack' },
      h('label', { for: `job-${job.jobId}` }, job.state === 'done' ? t('coupons.filter.done') : t('coupons.filter.running')),
      h('progress', { id: `job-${job.jobId}`, class: 'job-progress', max: 100, value: job.progress.percent, 'data-testid': 'issue-progress' }),
      h('p', { class: 'muted small' }, t('coupons.filter.progress', {
        examined: fmtNum(job.progress.examined), candidates: fmtNum(job.progress.candidates), matched: fmtNum(job.progress.matched) })));
    const summary = h('p', { class: 'alert alert-info', 'data-testid': 'issue-filter-summary' }, t('coupons.filter.counts', {
      issued: fmtNum(c.issued), limit: fmtNum(c.limitReached), stock: fmtNum(c.stockOut), erased: fmtNum(c.memberErased), closed: fmtNum(c.closed) }));
    const report = more ?? job.report;
    const rows = report?.items ?? [];
    const next = report?.nextCursor;
    const moreBtn = next ? h('button', { type: 'button', class: 'btn', 'data-testid': 'issue-report-more' }, t('coupons.filter.more')) : null;
    moreBtn?.addEventListener('click', async () => {
      try {
        const page = await request<IssueJob>(`${base}/${encodeURIComponent(job.jobId)}`, { query: { limit: 50, cursor: next! } });
        show(page, { items: [...rows, ...(page.report?.items ?? [])], nextCursor: page.report?.nextCursor });
      } catch (e) {
        out.append(errorBox(e));
      }
    });
    const parts: HTMLElement[] = [bar, summary];
    if (job.state === 'done' && rows.length) {
      parts.push(table(['coupons.issue.member', 'coupons.issue.outcome', 'coupons.code'], rows.map((x) => [
        h('code', null, x.memberId),
        x.outcome === 'issued' ? t('coupons.issue.issued') : `${t('coupons.issue.refused')}: ${x.message ?? x.reason ?? ''}`,
        x.code ? h('code', null, x.code) : '—',
      ]), 'coupons.filter.report'));
    }
    if (moreBtn) parts.push(moreBtn);
    out.replaceChildren(...parts);
  };
  const poll = async (jobId: string) => {
    window.clearTimeout(timer);
    if (!document.body.contains(out)) return;
    try {
      const job = await request<IssueJob>(`${base}/${encodeURIComponent(jobId)}`, { query: { limit: 50 } });
      show(job);
      if (job.state === 'done') await refresh();
      else timer = window.setTimeout(() => void poll(jobId), 2_000);
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      try {
        const job = await request<IssueJob>(base, { body: filterBody(values(form)), idempotencyKey: uuid() });
        clearErrors(form);
        show(job);
        await poll(job.jobId);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'issue-filter-title' },
    h('h2', { id: 'issue-filter-title' }, t('coupons.filter.title')), form, out);
}
