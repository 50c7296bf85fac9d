// The public credit pages (no sign-in), phone first: a counter's credit page from its QR with the complaint form, and
// a complaint's tracking page from the link the customer got when filing.
import { request } from '../api';
import { h } from '../dom';
import { busy, errorBox, field, formAlert, showError, values } from '../forms';
import { langSwitch, t } from '../i18n';
import { largeTextToggle } from './large-text';
import { fmtTime, label, loading } from './common';
import { complaintPhoto, gradeBadge, stepsList, trackLink, type Complaint, type Credit } from './merchants';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_MAX = 1024 * 1024;

/**
 * The complaint form's optional photo: a file picker (the phone offers its camera too), a preview, and the photo as
 * the API takes it ({contentType, data: a data: URL}); the server checks the bytes again.
 */
function photoPicker(): { el: HTMLElement; value: () => { contentType: string; data: string } | null } {
  let chosen: { contentType: string; data: string } | null = null;
  const err = h('p', { class: 'field-error', id: 'c-photo-err', 'data-error-for': 'photo', role: 'alert', hidden: true });
  const preview = h('div', { class: 'photo-preview', 'data-testid': 'photo-preview' });
  const input = h('input', { id: 'c-photo', type: 'file', accept: PHOTO_TYPES.join(','), 'data-testid': 'photo-input',
    'aria-describedby': 'c-photo-hint c-photo-err' }) as HTMLInputElement;
  const clear = () => { chosen = null; input.value = ''; preview.replaceChildren(); };
  const fail = (key: 'credit.photoTooLarge' | 'credit.photoType') => { clear(); err.textContent = t(key); err.hidden = false; };
  input.addEventListener('change', () => {
    err.hidden = true;
    const f = input.files?.[0];
    if (!f) return clear();
    if (!PHOTO_TYPES.includes(f.type)) return fail('credit.photoType');
    if (f.size > PHOTO_MAX) return fail('credit.photoTooLarge');
    const reader = new FileReader();
    reader.onload = () => {
      chosen = { contentType: f.type, data: String(reader.result) };
      const remove = h('button', { class: 'btn btn-sm', type: 'button', 'data-testid': 'photo-remove' }, t('credit.photoRemove'));
      remove.addEventListener('click', () => { clear(); input.focus(); });
      preview.replaceChildren(h('img', { src: chosen.data, alt: t('credit.photoAlt') }), remove);
    };
    reader.readAsDataURL(f);
  });
  const el = h('div', { class: 'field' }, h('label', { for: 'c-photo' }, t('credit.photo')), input,
    h('p', { class: 'muted small', id: 'c-photo-hint' }, t('credit.photoHint')), err, preview);
  return { el, value: () => chosen };
}

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
  const photo = photoPicker();
  const form = h('form', { class: 'form-grid', 'data-testid': 'complaint-form', novalidate: true },
    formAlert(),
    h('div', { class: 'field' }, h('label', { for: 'c-what' }, t('credit.what'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('textarea', { id: 'c-what', name: 'what', 'data-field': 'what', rows: 4, required: true, 'aria-describedby': 'c-what-err' }),
      h('p', { class: 'field-error', id: 'c-what-err', 'data-error-for': 'what', role: 'alert', hidden: true })),
    field({ name: 'happenedAt', label: 'credit.when', type: 'datetime-local', value: anHourAgo(), required: true }),
    field({ name: 'reference', label: 'credit.reference' }),
    field({ name: 'phone', label: 'credit.phone', type: 'tel', inputmode: 'numeric', required: true, autocomplete: 'tel' }),
    photo.el,
    h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, t('credit.send')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = values(form);
    const body: Record<string, unknown> = { what: v.what, phone: v.phone };
    const at = new Date(v.happenedAt);
    body.happenedAt = isNaN(at.getTime()) ? v.happenedAt : at.toISOString();
    if (v.reference) body.reference = v.reference;
    const chosen = photo.value();
    if (chosen) body.photo = chosen;
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
      complaintPhoto(c, `/credit/complaints/${encodeURIComponent(complaintId)}/photo`, { t: token ?? '' }),
      stepsList(c.steps)),
  );
}
