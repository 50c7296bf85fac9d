// The public credit pages (no sign-in), phone first: a counter's credit page from its QR with the complaint form, and
// a complaint's tracking page from the link the customer got when filing.
import { request } from '../api';
import { h } from '../dom';
import { busy, errorBox, field, formAlert, showError, values } from '../forms';
import { langSwitch, t } from '../i18n';
import { largeTextToggle } from './large-text';
import { fmtTime, label, loading } from './common';
import { gradeBadge, stepsList, trackLink, type Complaint, type Credit } from './merchants';

interface CreditPage { counterId: string; storeName?: string | null; floor: string; location: string; merchantName: string; licenceNo: string; category: string; credit: Credit }

/** A local time for <input type=datetime-local>, an hour ago. */
function anHourAgo(): string {
  const d = new Date(Date.now() - 3600_000 - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export async function creditView(main: HTMLElement, counterId: string, token: string | null): Promise<void> {
  main.replaceChildren(loading(6));
  let p: CreditPage;
  try {
    p = await request<CreditPage>(`/credit/${encodeURIComponent(counterId)}`, { scope: null, query: { t: token ?? '' } });
  } catch (e) {
    main.replaceChildren(h('div', { class: 'actions' }, largeTextToggle(), langSwitch(true)), errorBox(e));
    return;
  }
  const c = p.credit.complaints;
  const done = h('div', { role: 'status', 'data-testid': 'filed' });
  const form = h('form', { class: 'form-grid', 'data-testid': 'complaint-form', novalidate: true },
    formAlert(),
    h('div', { class: 'field' }, h('label', { for: 'c-what' }, t('credit.what'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('textarea', { id: 'c-what', name: 'what', 'data-field': 'what', rows: 4, required: true, 'aria-describedby': 'c-what-err' }),
      h('p', { class: 'field-error', id: 'c-what-err', 'data-error-for': 'what', role: 'alert', hidden: true })),
    field({ name: 'happenedAt', label: 'credit.when', type: 'datetime-local', value: anHourAgo(), required: true }),
    field({ name: 'reference', label: 'credit.reference' }),
    field({ name: 'phone', label: 'credit.phone', type: 'tel', inputmode: 'numeric', required: true, autocomplete: 'tel' }),
    h('p', { class: 'muted small' }, t('credit.noPhoto')),
    h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, t('credit.send')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = values(form);
    const body: Record<string, string> = { what: v.what, phone: v.phone };
    const at = new Date(v.happenedAt);
    body.happenedAt = isNaN(at.getTime()) ? v.happenedAt : at.toISOString();
    if (v.reference) body.reference = v.reference;
    void busy(form, async () => {
      try {
        const r = await request<{ complaintId: string; trackingToken: string }>(`/credit/${encodeURIComponent(counterId)}/complaints`,
          { method: 'POST', scope: null, query: { t: token ?? '' }, body });
        form.hidden = true;
        const link = trackLink(r.complaintId, r.trackingToken);
        done.replaceChildren(h('p', { class: 'alert alert-success' }, t('credit.filed')),
          h('a', { class: 'btn btn-primary btn-block', href: link, 'data-testid': 'track-link' }, t('credit.track')),
          h('p', { class: 'small' }, h('code', { class: 'break-all' }, link)));
      } catch (e) {
        showError(form, e);
      }
    });
  });
  main.replaceChildren(
    h('div', { class: 'actions' }, largeTextToggle(), langSwitch(true)),
    h('section', { class: 'card credit', 'data-testid': 'credit-page' },
      h('p', { class: 'muted' }, t('credit.title')),
      h('h1', { tabindex: '-1' }, p.merchantName),
      h('p', null, gradeBadge(p.credit)),
      h('dl', { class: 'facts' },
        h('dt', null, t('credit.licence')), h('dd', null, h('code', { 'data-testid': 'licence' }, p.licenceNo)),
        h('dt', null, t('merchants.category')), h('dd', null, p.category),
        h('dt', null, t('credit.where')), h('dd', null, [p.storeName, p.floor, p.location].filter(Boolean).join(' · '))),
      h('h2', null, t('credit.record')),
      h('dl', { class: 'facts', 'data-testid': 'record' },
        ...(['total', 'open', 'upheld', 'partly', 'rejected', 'withdrawn', 'lateAnswers'] as const).flatMap((k) => [h('dt', null, t(`credit.${k}`)), h('dd', null, String(c[k]))])),
      h('p', { class: 'muted small' }, t('credit.rule'))),
    h('section', { class: 'card' }, h('h2', null, t('credit.complain')), done, form),
  );
}

export async function trackView(main: HTMLElement, complaintId: string, token: string | null): Promise<void> {
  main.replaceChildren(loading(6));
  let c: Complaint;
  try {
    c = await request<Complaint>(`/credit/complaints/${encodeURIComponent(complaintId)}`, { scope: null, query: { t: token ?? '' } });
  } catch (e) {
    main.replaceChildren(h('div', { class: 'actions' }, largeTextToggle(), langSwitch(true)), errorBox(e));
    return;
  }
  main.replaceChildren(
    h('div', { class: 'actions' }, largeTextToggle(), langSwitch(true)),
    h('section', { class: 'card credit', 'data-testid': 'track-page' },
      h('p', { class: 'muted' }, t('track.title')),
      h('h1', { tabindex: '-1' }, c.merchantName ?? ''),
      h('p', null, h('strong', { 'data-testid': 'track-status' }, label('complaint.status', c.status)), c.outcome ? ` · ${label('complaint.outcome', c.outcome)}` : ''),
      c.status === 'received' ? h('p', { class: 'muted' }, t('track.answerBy', { at: fmtTime(c.answerBy) })) : null,
      h('p', { lang: '' }, c.what), // as the customer wrote it
      stepsList(c.steps)),
  );
}
