// Owner and staff pages of the merchants context: the department stores' merchants and counters (with the credit QR
// to print), and the complaints inbox with the workflow's steps (the merchant's answer, mediation, the outcome).
import QRCode from 'qrcode';
import { asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtTime, label, loading, pageHead, section, table } from './common';
import { fetchStores } from './stores';

export interface Credit {
  score: number;
  grade: string;
  complaints: Record<'total' | 'open' | 'upheld' | 'partly' | 'rejected' | 'withdrawn' | 'lateAnswers', number>;
}
interface Merchant { merchantId: string; name: string; licenceNo: string; category: string; contactName: string; contactPhone: string; credit: Credit }
interface Counter { counterId: string; storeId: string; merchantId: string; floor: string; location: string; creditToken: string }
interface Step { action: string; by: string; at: string; note?: string | null; outcome?: string | null }
export interface Complaint {
  complaintId: string; storeId?: string; what: string; happenedAt: string; reference?: string | null; phone?: string; status: string;
  outcome?: string | null; answerBy: string; late: boolean; steps: Step[]; trackingToken?: string; merchantName?: string;
  photo?: { contentType: string; size: number } | null;
}

/**
 * The complaint's photo, fetched from {@code path} once the figure is on the page (the list does not wait for it); the
 * customer's on the tracking page, the store's in the inbox. Nothing without a photo.
 */
export function complaintPhoto(c: Complaint, path: string, query?: Record<string, string>): HTMLElement | null {
  if (!c.photo) return null;
  const fig = h('figure', { class: 'complaint-photo', 'data-testid': 'complaint-photo' }, h('span', { class: 'muted small' }, '…'));
  void request<{ contentType: string; data: string }>(path, { scope: query ? null : undefined, query })
    .then((p) => fig.replaceChildren(h('img', { src: `data:${p.contentType};base64,${p.data}`, alt: t('complaint.photoAlt'), loading: 'lazy' })))
    .catch(() => fig.replaceChildren(h('span', { class: 'muted small' }, t('complaint.photoGone'))));
  return fig;
}

/** The public links a QR or a message carries (the portal's own address, hash routes). */
export const creditLink = (c: { counterId: string; creditToken: string }) =>
  `${location.origin}${location.pathname}#/credit/${encodeURIComponent(c.counterId)}?t=${encodeURIComponent(c.creditToken)}`;
export const trackLink = (id: string, token: string) =>
  `${location.origin}${location.pathname}#/track/${encodeURIComponent(id)}?t=${encodeURIComponent(token)}`;

export const gradeBadge = (c: Credit) => h('span', { class: `badge grade grade-${c.grade}`, 'data-testid': 'grade' }, t('merchants.scoreLine', { score: c.score, grade: c.grade }));

async function allMerchants(): Promise<Merchant[]> {
  const out: Merchant[] = [];
  let cursor: string | null | undefined;
  do {
    const p = asPage<Merchant>(await request('/merchants', { query: { limit: 200, cursor } }));
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return out;
}

export async function merchantsView(main: HTMLElement): Promise<void> {
  main.replaceChildren(loading());
  const owner = role('portal') === 'owner';
  let merchants: Merchant[];
  let stores;
  try {
    [merchants, stores] = await Promise.all([allMerchants(), fetchStores()]);
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  const status = h('div', { role: 'status' });
  const depts = stores.filter((s) => s.format === 'department');
  const nameOf = (id: string) => merchants.find((m) => m.merchantId === id)?.name ?? id;
  const list = merchants.length
    ? table(['merchants.name', 'merchants.licenceNo', 'merchants.category', 'merchants.contactName', 'merchants.credit', 'merchants.complaints'],
        merchants.map((m) => [m.name, h('code', null, m.licenceNo), m.category, `${m.contactName} ${m.contactPhone}`, gradeBadge(m.credit), String(m.credit.complaints.total)]))
    : empty('merchants.none');

  const addForm = owner ? merchantForm(status, () => void merchantsView(main)) : null;
  const countersBox = h('div', { 'data-testid': 'counters' });
  const storeSel = h('select', { id: 'counter-store', 'data-testid': 'counter-store' }, ...depts.map((s) => h('option', { value: s.storeId }, s.name)));
  const showCounters = async () => {
    const storeId = storeSel.value;
    if (!storeId) return;
    countersBox.replaceChildren(loading(2));
    try {
      const cs = asPage<Counter>(await request(`/stores/${encodeURIComponent(storeId)}/counters`)).items;
      const cards = await Promise.all(cs.map(async (c) => {
        const img = h('img', { width: 140, height: 140, alt: t('merchants.qrAlt', { name: nameOf(c.merchantId) }) });
        img.src = await QRCode.toDataURL(creditLink(c), { margin: 1, width: 280, errorCorrectionLevel: 'M' });
        return h('li', { class: 'card counter-card', 'data-testid': `counter-${c.counterId}` },
          h('h3', null, nameOf(c.merchantId)), h('p', null, `${c.floor} · ${c.location}`), img,
          h('p', { class: 'small' }, h('a', { href: creditLink(c), 'data-testid': 'credit-link' }, t('merchants.qr'))));
      }));
      countersBox.replaceChildren(cs.length ? h('ul', { class: 'counter-grid' }, ...cards) : empty('merchants.noCounters'));
    } catch (e) {
      countersBox.replaceChildren(errorBox(e));
    }
  };
  storeSel.addEventListener('change', () => void showCounters());
  const counterForm = owner && depts.length && merchants.length ? (() => {
    const form = h('form', { class: 'form-grid', 'data-testid': 'counter-form', novalidate: true },
      formAlert(),
      field({ name: 'merchantId', label: 'merchants.merchant', required: true, options: merchants.map((m) => ({ value: m.merchantId, label: m.name })) }),
      field({ name: 'floor', label: 'merchants.floor', required: true }),
      field({ name: 'location', label: 'merchants.location', required: true }),
      h('button', { class: 'btn btn-primary', type: 'submit' }, t('merchants.addCounter')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void busy(form, async () => {
        try {
          await request(`/stores/${encodeURIComponent(storeSel.value)}/counters`, { method: 'POST', body: values(form), idempotencyKey: uuid() });
          form.reset();
          status.replaceChildren(h('p', { class: 'alert alert-success' }, t('merchants.counterAdded')));
          await showCounters();
        } catch (e) {
          showError(form, e);
        }
      });
    });
    return form;
  })() : null;

  main.replaceChildren(
    pageHead('merchants.title', h('button', { type: 'button', class: 'btn no-print', onclick: () => window.print() }, t('merchants.print'))),
    h('p', { class: 'muted' }, t('merchants.intro')),
    status,
    section('merchants.list', list),
    addForm ? section('merchants.add', addForm) : '',
    section('merchants.counters',
      depts.length ? h('div', { class: 'field' }, h('label', { for: 'counter-store' }, t('merchants.store')), storeSel) : h('p', { class: 'alert alert-warn' }, t('merchants.noDepartment')),
      counterForm, countersBox),
  );
  await showCounters();
}

function merchantForm(status: HTMLElement, done: () => void): HTMLFormElement {
  const form = h('form', { class: 'form-grid', 'data-testid': 'merchant-form', novalidate: true },
    formAlert(),
    field({ name: 'name', label: 'merchants.name', required: true }),
    field({ name: 'licenceNo', label: 'merchants.licenceNo', required: true, hint: 'merchants.licenceHint', attrs: { maxlength: 18, autocapitalize: 'characters' } }),
    field({ name: 'category', label: 'merchants.category', required: true }),
    field({ name: 'contactName', label: 'merchants.contactName', required: true }),
    field({ name: 'contactPhone', label: 'merchants.contactPhone', required: true, type: 'tel', inputmode: 'numeric' }),
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('merchants.add')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(form, async () => {
      const body = values(form);
      body.licenceNo = body.licenceNo.toUpperCase();
      try {
        await request('/merchants', { method: 'POST', body, idempotencyKey: uuid() });
        status.replaceChildren(h('p', { class: 'alert alert-success' }, t('merchants.added')));
        done();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}

export function stepsList(steps: Step[]): HTMLElement {
  return h('ol', { class: 'steps', 'data-testid': 'steps' }, ...steps.map((s) => h('li', null,
    h('strong', null, label('complaint.step', s.action)), s.outcome ? ` · ${label('complaint.outcome', s.outcome)}` : '',
    h('br'), h('span', { class: 'muted small' }, `${fmtTime(s.at)} · ${label('complaint.by', s.by)}`),
    s.note ? h('p', { lang: '' }, s.note) : null)));
}

export async function complaintsView(main: HTMLElement, status?: string): Promise<void> {
  main.replaceChildren(loading());
  let items: Complaint[];
  try {
    items = asPage<Complaint>(await request('/complaints', { query: { limit: 50, status: status || undefined } })).items;
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  const filter = h('select', { id: 'complaint-filter', 'data-testid': 'complaint-filter' },
    h('option', { value: '' }, t('complaints.all')),
    ...['received', 'answered', 'mediating', 'closed'].map((s) => h('option', { value: s, selected: s === status }, label('complaint.status', s))));
  filter.addEventListener('change', () => void complaintsView(main, filter.value));
  const note = h('div', { role: 'status' });
  main.replaceChildren(
    pageHead('complaints.title'),
    h('p', { class: 'muted' }, t('complaints.intro')),
    h('div', { class: 'field' }, h('label', { for: 'complaint-filter' }, t('complaints.filter')), filter),
    note,
    items.length ? h('ul', { class: 'complaint-list' }, ...items.map((c) => complaintCard(c, note, () => void complaintsView(main, filter.value)))) : empty('complaints.none'),
  );
}

function complaintCard(c: Complaint, note: HTMLElement, refresh: () => void): HTMLElement {
  const next: [string, Key][] = c.status === 'received' ? [['answer', 'complaints.answer']] : c.status === 'answered' ? [['mediate', 'complaints.mediate']] : [];
  const open = c.status !== 'closed';
  const outcomes = c.status === 'mediating' ? ['upheld', 'partly', 'rejected', 'withdrawn'] : ['withdrawn'];
  const form = open ? h('form', { class: 'form-grid', 'data-testid': `step-form-${c.complaintId}`, novalidate: true },
    formAlert(),
    field({ name: 'note', label: 'complaints.note' }),
    field({ name: 'outcome', label: 'complaints.outcome', options: outcomes.map((o) => ({ value: o, label: label('complaint.outcome', o) })) }),
    h('div', { class: 'actions' },
      ...next.map(([a, k]) => h('button', { class: 'btn btn-primary', type: 'submit', value: a, 'data-testid': `step-${a}` }, t(k))),
      h('button', { class: 'btn', type: 'submit', value: 'close', 'data-testid': 'step-close' }, t('complaints.close')))) : null;
  form?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const action = ((ev as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'close';
    const v = values(form);
    const body: Record<string, string> = { action };
    if (v.note) body.note = v.note;
    if (action === 'close') body.outcome = v.outcome;
    void busy(form, async () => {
      try {
        await request(`/complaints/${encodeURIComponent(c.complaintId)}/steps`, { method: 'POST', body, idempotencyKey: uuid() });
        note.replaceChildren(h('p', { class: 'alert alert-success' }, t('complaints.done')));
        refresh();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return h('li', { class: `card complaint status-${c.status}`, 'data-testid': `complaint-${c.complaintId}` },
    h('h3', null, label('complaint.status', c.status), c.outcome ? ` · ${label('complaint.outcome', c.outcome)}` : '', c.late ? h('span', { class: 'badge badge-warn' }, ` ${t('complaints.late')}`) : null),
    h('p', { lang: '' }, c.what), // as the customer wrote it, in whatever language
    h('p', { class: 'small muted' }, `${t('complaints.when')}: ${fmtTime(c.happenedAt)} · ${t('complaints.answerBy')}: ${fmtTime(c.answerBy)}`,
      c.reference ? ` · ${t('complaints.reference')}: ${c.reference}` : '', c.phone ? ` · ${t('complaints.phone')}: ${c.phone}` : ''),
    complaintPhoto(c, `/complaints/${encodeURIComponent(c.complaintId)}/photo`),
    stepsList(c.steps),
    c.trackingToken ? h('p', { class: 'small' }, h('a', { href: trackLink(c.complaintId, c.trackingToken) }, t('complaints.trackLink'))) : null,
    form);
}
