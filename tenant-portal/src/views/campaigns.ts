// Precision push (owner): a segment builder with a live count, a campaign composer with the message shown as the
// customer will see it, preview counts with every reason not to message, send or cancel, and the delivery report
// with a reason for every member skipped.
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';
import { isZhidianLocal, outboxView } from './campaigns-outbox';

interface Rule { kind: string; min?: number; max?: number; withinDays?: number; values?: string[] }
interface Segment { segmentId: string; name: string; match: string; rules: Rule[]; usesPurchaseHistory: boolean }
interface Campaign {
  campaignId: string; title: string; body: string; channel: string; segmentId: string; status: string;
  holdoutPercent: number; queued: number; createdAt: string; deliveryCounts?: Record<string, number>;
}
interface Preview { matching: number; messageable: number; deferredByQuietHours: number; notMessageable: Record<string, number> }
interface Delivery { memberId: string; status: string; reason?: string | null; at: string; until?: string | null }
interface Group { members: number; buyers: number; orders: number; spend: number }
interface Estimate { value: number; low: number; high: number }
interface Results {
  days: number; delivered: number; read: number; unsubscribed: number; couponsIssued: number; couponsRedeemed: number;
  treated: Group; holdout: Group; complete: boolean; windowEndsAt: string | null;
  uplift: { verdict: string; minGroup: number; buyerShare: Estimate | null; spendPerMember: Estimate | null };
}

const KINDS = ['points_balance', 'last_visit', 'home_store', 'member_since', 'birthday_month', 'spend', 'order_count', 'bought_category', 'bought_product'];
const LISTED = new Set(['home_store', 'birthday_month', 'bought_category', 'bought_product']);
const WINDOWED = new Set(['spend', 'order_count', 'bought_category', 'bought_product']);

export async function campaignsView(main: HTMLElement, route: Route): Promise<void> {
  const open = route.query.get('campaign');
  if (open) return reportView(main, open);
  const outbox = route.query.get('outbox');
  if (outbox) return outboxView(main, outbox);
  let segments: Segment[] = [];
  let campaigns: Campaign[] = [];
  try {
    [segments, campaigns] = await Promise.all([
      request<{ items: Segment[] }>('/segments?limit=200').then((p) => p.items ?? []),
      request<{ items: Campaign[] }>('/campaigns?limit=50').then((p) => p.items ?? []),
    ]);
  } catch (err) {
    main.replaceChildren(pageHead('campaigns.title'), errorBox(err));
    return;
  }
  // the local outbox: a link only where Zhidian Local answers (hidden in AWS)
  const outboxLink = h('p', { hidden: true }, h('a', { href: '#/campaigns?outbox=sms', 'data-testid': 'outbox-link' }, t('campaigns.outbox.link')));
  void isZhidianLocal().then((local) => { outboxLink.hidden = !local; });
  main.replaceChildren(
    pageHead('campaigns.title'),
    h('p', { class: 'muted' }, t('campaigns.intro')),
    outboxLink,
    segmentBuilder(() => void campaignsView(main, route)),
    composer(segments, () => void campaignsView(main, route)),
    backfill(),
    section('campaigns.list', campaigns.length
      ? table(['campaigns.titleField', 'campaigns.channel', 'campaigns.status', 'campaigns.queued', 'campaigns.created'],
          campaigns.map((c) => [
            h('a', { href: `#/campaigns?campaign=${encodeURIComponent(c.campaignId)}`, 'data-testid': `campaign-${c.campaignId}` }, c.title),
            label('campaigns.channel', c.channel), label('campaigns.status', c.status), String(c.queued), fmtTime(c.createdAt),
          ]), 'campaigns.list')
      : empty('campaigns.empty')),
  );
}

// Members who joined before the campaigns kept summaries: filled page by page, never overwriting what the stream wrote.
function backfill(): HTMLElement {
  const done = h('p', { class: 'muted', 'data-testid': 'backfill-done', hidden: true });
  const form = h('form', { 'data-testid': 'backfill' }, formAlert(), h('p', { class: 'muted' }, t('campaigns.backfill.intro')),
    h('button', { type: 'submit', class: 'btn' }, t('campaigns.backfill.run')), done) as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      clearErrors(form);
      let examined = 0;
      let cursor: string | null = null;
      try {
        do {
          const page: { examined: number; nextCursor: string | null } = await request('/campaign-summaries/backfill',
            { method: 'POST', body: cursor ? { cursor } : {} });
          examined += page.examined;
          cursor = page.nextCursor;
        } while (cursor);
        done.textContent = t('campaigns.backfill.done').replace('{n}', fmtNum(examined));
        done.hidden = false;
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('campaigns.backfill.title', form);
}

function ruleBody(v: Record<string, string>): Rule {
  const r: Rule = { kind: v.kind };
  const num = (s: string) => (s === '' ? undefined : Number(s));
  if (LISTED.has(v.kind)) r.values = v.values.split(/[,，\s]+/).filter(Boolean);
  else {
    if (v.min !== '') r.min = num(v.min);
    if (v.max !== '') r.max = num(v.max);
  }
  if (WINDOWED.has(v.kind) && v.withinDays !== '') r.withinDays = num(v.withinDays);
  return r;
}

function segmentBuilder(saved: () => void): HTMLElement {
  const rules: Rule[] = [];
  const list = h('ul', { class: 'stack', 'data-testid': 'segment-rules' });
  const count = h('p', { class: 'lead', role: 'status', 'aria-live': 'polite', 'data-testid': 'segment-count' }, t('campaigns.countNone'));
  const ruleForm = h('form', { class: 'stack', novalidate: true, 'data-testid': 'rule-form' }, formAlert(),
    h('div', { class: 'grid-2' },
      field({ name: 'kind', label: 'campaigns.ruleKind', value: 'points_balance', options: KINDS.map((k) => ({ value: k, label: t(`campaigns.kind.${k}` as Key) })) }),
      field({ name: 'values', label: 'campaigns.ruleValues', hint: 'campaigns.ruleValuesHint' })),
    h('div', { class: 'grid-2' },
      field({ name: 'min', label: 'campaigns.ruleMin', inputmode: 'numeric' }),
      field({ name: 'max', label: 'campaigns.ruleMax', inputmode: 'numeric' })),
    field({ name: 'withinDays', label: 'campaigns.ruleWithin', inputmode: 'numeric' }),
    h('button', { type: 'submit', class: 'btn', 'data-testid': 'add-rule' }, t('campaigns.addRule')));
  const segForm = h('form', { class: 'stack', novalidate: true, 'data-testid': 'segment-form' }, formAlert(),
    h('div', { class: 'grid-2' },
      field({ name: 'name', label: 'campaigns.segmentName', required: true, attrs: { maxlength: 80 } }),
      field({ name: 'match', label: 'campaigns.match', value: 'all', options: [{ value: 'all', label: t('campaigns.match.all') }, { value: 'any', label: t('campaigns.match.any') }] })),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-segment' }, t('campaigns.saveSegment')));
  const match = () => segForm.querySelector<HTMLSelectElement>('[name=match]')!.value;
  const recount = async () => {
    try {
      const c = await request<{ matching: number; withPushGrant: number; needsPersonalization: boolean }>('/segments/preview', { body: { match: match(), rules } });
      count.textContent = t('campaigns.count', { matching: c.matching, granted: c.withPushGrant }) + (c.needsPersonalization ? ' ' + t('campaigns.needsPersonalization') : '');
    } catch (err) {
      count.replaceChildren(errorBox(err));
    }
  };
  const drawRules = () => list.replaceChildren(...rules.map((r, i) => {
    const remove = h('button', { type: 'button', class: 'btn btn-link' }, t('campaigns.removeRule'));
    remove.addEventListener('click', () => { rules.splice(i, 1); drawRules(); void recount(); });
    return h('li', null, describeRule(r), ' ', remove);
  }));
  ruleForm.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(ruleForm);
    rules.push(ruleBody(values(ruleForm)));
    drawRules();
    void recount();
  });
  segForm.addEventListener('change', () => void recount());
  segForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(segForm, async () => {
      try {
        await request('/segments', { body: { name: values(segForm).name, match: match(), rules }, idempotencyKey: uuid() });
        saved();
      } catch (err) {
        showError(segForm, err);
      }
    });
  });
  void recount();
  return section('campaigns.segmentBuilder', ruleForm, list, count, segForm);
}

function describeRule(r: Rule): string {
  const parts = [t(`campaigns.kind.${r.kind}` as Key)];
  if (r.values?.length) parts.push(r.values.join('、'));
  if (r.min != null) parts.push('≥ ' + r.min);
  if (r.max != null) parts.push('≤ ' + r.max);
  if (r.withinDays != null) parts.push(t('campaigns.within', { days: r.withinDays }));
  return parts.join(' ');
}

function composer(segments: Segment[], created: () => void): HTMLElement {
  const phone = h('div', { class: 'card', 'data-testid': 'message-preview', 'aria-label': t('campaigns.asCustomerSees') },
    h('strong', { 'data-preview': 'title' }, t('campaigns.previewTitle')), h('p', { 'data-preview': 'body' }, ''),
    h('p', { class: 'muted' }, t('campaigns.unsubscribeLine')));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'campaign-form' }, formAlert(),
    field({ name: 'title', label: 'campaigns.titleField', required: true, attrs: { maxlength: 60 } }),
    field({ name: 'body', label: 'campaigns.body', required: true, attrs: { maxlength: 500 } }),
    h('div', { class: 'grid-2' },
      field({ name: 'channel', label: 'campaigns.channel', value: 'in_app', options: ['in_app', 'sms', 'wechat'].map((c) => ({ value: c, label: t(`campaigns.channel.${c}` as Key) })) }),
      field({ name: 'segmentId', label: 'campaigns.segment', options: segments.map((s) => ({ value: s.segmentId, label: s.name })) })),
    field({ name: 'holdoutPercent', label: 'campaigns.holdout', value: '0', inputmode: 'numeric', hint: 'campaigns.holdoutHint' }),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'create-campaign' }, t('campaigns.create')));
  form.addEventListener('input', () => {
    const v = values(form);
    phone.querySelector('[data-preview=title]')!.textContent = v.title || t('campaigns.previewTitle');
    phone.querySelector('[data-preview=body]')!.textContent = v.body;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      const v = values(form);
      try {
        const c = await request<Campaign>('/campaigns', { body: { title: v.title, body: v.body, channel: v.channel, segmentId: v.segmentId,
          holdoutPercent: v.holdoutPercent === '' ? 0 : Number(v.holdoutPercent) }, idempotencyKey: uuid() });
        go(`#/campaigns?campaign=${encodeURIComponent(c.campaignId)}`);
        created();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('campaigns.composer', segments.length ? h('div', { class: 'grid-2' }, form, h('div', null, h('h3', null, t('campaigns.asCustomerSees')), phone)) : empty('campaigns.noSegments'));
}

async function reportView(main: HTMLElement, id: string): Promise<void> {
  main.replaceChildren(pageHead('campaigns.report'), loading());
  let c: Campaign;
  let deliveries: Delivery[];
  let results: Results;
  try {
    c = await request<Campaign>(`/campaigns/${encodeURIComponent(id)}`);
    deliveries = (await request<{ items: Delivery[] }>(`/campaigns/${encodeURIComponent(id)}/deliveries?limit=200`)).items ?? [];
    results = await request<Results>(`/campaigns/${encodeURIComponent(id)}/results`);
  } catch (err) {
    main.replaceChildren(pageHead('campaigns.report'), errorBox(err));
    return;
  }
  const previewBox = h('div', { 'data-testid': 'campaign-preview', role: 'status' });
  const act = (key: Key, path: string, testid: string) => {
    const b = h('button', { type: 'button', class: key === 'campaigns.cancel' ? 'btn btn-danger-outline' : 'btn btn-primary', 'data-testid': testid }, t(key));
    b.addEventListener('click', async () => {
      b.setAttribute('disabled', '');
      try {
        if (path === 'preview') {
          const p = await request<Preview>(`/campaigns/${encodeURIComponent(id)}/preview`, { body: {}, idempotencyKey: uuid() });
          previewBox.replaceChildren(h('p', { class: 'lead' }, t('campaigns.previewCounts', { matching: p.matching, messageable: p.messageable })),
            h('ul', null, ...Object.entries(p.notMessageable).map(([r, n]) => h('li', null, `${label('campaigns.reason', r)}: ${n}`))));
        } else {
          await request(`/campaigns/${encodeURIComponent(id)}/${path}`, { body: {}, idempotencyKey: uuid() });
          await reportView(main, id);
          return;
        }
      } catch (err) {
        previewBox.replaceChildren(errorBox(err));
      }
      b.removeAttribute('disabled');
    });
    return b;
  };
  const open = c.status === 'draft' || c.status === 'scheduled';
  main.replaceChildren(
    pageHead(c.title, h('a', { href: '#/campaigns', class: 'btn' }, t('campaigns.back'))),
    section('campaigns.summary',
      h('p', null, c.body),
      h('p', { 'data-testid': 'campaign-status' }, `${t('campaigns.status')}: ${label('campaigns.status', c.status)} · ${label('campaigns.channel', c.channel)}`),
      h('div', { class: 'actions' }, act('campaigns.preview', 'preview', 'preview-campaign'),
        open ? act('campaigns.send', 'send', 'send-campaign') : null,
        c.status !== 'cancelled' ? act('campaigns.cancel', 'cancel', 'cancel-campaign') : null),
      previewBox),
    resultsPanel(results),
    section('campaigns.deliveries', deliveries.length
      ? table(['campaigns.member', 'campaigns.status', 'campaigns.reasonHead', 'campaigns.at'], deliveries.map((d) => [
          h('code', null, d.memberId), label('campaigns.delivery', d.status),
          h('span', { 'data-testid': `reason-${d.memberId}` }, d.reason ? label('campaigns.reason', d.reason) : '—'),
          fmtTime(d.until ?? d.at)]), 'campaigns.deliveries')
      : empty('campaigns.noDeliveries')),
  );
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signedYuan = (fen: number) => `${fen >= 0 ? '+' : '−'}¥${yuan(Math.abs(fen))}`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${pct(Math.abs(x))}`;

/** Whether the campaign paid: the counts, the two groups side by side, and the uplift with its interval (or why not). */
function resultsPanel(r: Results): HTMLElement {
  const group = (g: Group) => [fmtNum(g.members), fmtNum(g.buyers), g.members ? pct(g.buyers / g.members) : '—',
    `¥${yuan(g.spend)}`, g.members ? `¥${yuan(g.spend / g.members)}` : '—'];
  const u = r.uplift;
  const verdict = u.verdict === 'not_enough_data'
    ? h('p', { class: 'lead', 'data-testid': 'uplift-verdict', 'data-verdict': u.verdict }, t('campaigns.results.notEnough', { min: u.minGroup }))
    : h('div', { 'data-testid': 'uplift-verdict', 'data-verdict': u.verdict },
        h('p', { class: 'lead' }, label('campaigns.results.verdict', u.verdict)),
        u.spendPerMember ? h('p', null, t('campaigns.results.spendUplift', { value: signedYuan(u.spendPerMember.value),
          low: signedYuan(u.spendPerMember.low), high: signedYuan(u.spendPerMember.high) })) : null,
        u.buyerShare ? h('p', null, t('campaigns.results.shareUplift', { value: signedPct(u.buyerShare.value),
          low: signedPct(u.buyerShare.low), high: signedPct(u.buyerShare.high) })) : null);
  return section('campaigns.results',
    h('ul', { class: 'stats', style: 'list-style: none; padding: 0', 'data-testid': 'results-counts' },
      h('li', null, `${t('campaigns.results.delivered')}: ${fmtNum(r.delivered)}`),
      h('li', null, `${t('campaigns.results.read')}: ${fmtNum(r.read)}`),
      h('li', null, `${t('campaigns.results.unsubscribed')}: ${fmtNum(r.unsubscribed)}`),
      h('li', null, `${t('campaigns.results.coupons')}: ${fmtNum(r.couponsRedeemed)} / ${fmtNum(r.couponsIssued)}`)),
    h('p', null, t('campaigns.results.window', { days: r.days }), ' ',
      r.complete ? t('campaigns.results.complete') : t('campaigns.results.open', { at: fmtTime(r.windowEndsAt) })),
    table(['campaigns.results.group', 'campaigns.results.members', 'campaigns.results.buyers', 'campaigns.results.buyerShare',
      'campaigns.results.spend', 'campaigns.results.perMember'], [
      [t('campaigns.results.treated'), ...group(r.treated)],
      [t('campaigns.results.holdout'), ...group(r.holdout)]], 'campaigns.results'),
    verdict);
}

