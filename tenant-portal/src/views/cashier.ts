// The cashier screen: one box takes a phone number, a card number or a scanned member QR payload (a scanner
// types it and presses Enter), then shows the member's points and redeems them in the cashier's store.
import { ApiError, asPage, request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { fmtCardNo, fmtNum, loading, pageHead, section } from './common';
import type { Member, Points } from './members';
import { fetchStores, type Store } from './stores';

/** What the cashier typed or scanned, as the lookup the API has for it. */
export function lookupOf(raw: string): { phone: string } | { cardNo: string } | { payload: string } {
  const digits = raw.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(digits)) return { phone: digits };
  if (/^\d{16}$/.test(digits)) return { cardNo: digits };
  return { payload: raw.trim() };
}

export async function findMember(raw: string): Promise<Member | null> {
  const q = lookupOf(raw);
  if ('payload' in q) return request<Member>('/member-cards/verify', { body: { payload: q.payload }, idempotencyKey: uuid() });
  try {
    return asPage<Member>(await request('/members', { query: q })).items[0] ?? null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export async function cashierView(main: HTMLElement): Promise<void> {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'search-row', novalidate: true, role: 'search', 'data-testid': 'cashier-find' },
    formAlert(),
    field({ name: 'query', label: 'cashier.query', required: true, autocomplete: 'off', hint: 'cashier.queryHint', attrs: { maxlength: 256 } }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('cashier.find')),
  );
  main.replaceChildren(pageHead('cashier.title'), h('p', { class: 'muted' }, t('cashier.intro')), h('section', { class: 'card' }, form), result);
  form.querySelector<HTMLInputElement>('input')?.focus();
  let stores: Store[] = [];
  fetchStores().then((s) => (stores = s), () => {});

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = values(form).query;
    result.replaceChildren();
    if (!q) {
      showError(form, new ApiError(400, t('err.invalid'), undefined, [{ field: 'query', message: t('err.required') }]));
      return;
    }
    void busy(form, async () => {
      try {
        clearErrors(form);
        result.replaceChildren(loading());
        const m = await findMember(q);
        if (!m) {
          result.replaceChildren(h('p', { class: 'alert alert-info', 'data-testid': 'cashier-none' }, t('cashier.notFound')));
          return;
        }
        await showMember(result, m, stores, () => {
          form.reset();
          result.replaceChildren();
          form.querySelector<HTMLInputElement>('input')?.focus();
        });
      } catch (err) {
        result.replaceChildren();
        if (err instanceof ApiError && err.status === 404) result.replaceChildren(h('p', { class: 'alert alert-info', 'data-testid': 'cashier-none' }, t('cashier.notFound')));
        else if (err instanceof ApiError && err.status === 422) result.replaceChildren(h('p', { class: 'alert alert-warn' }, t('cashier.expired')));
        else showError(form, err);
      }
    });
  });
}

async function showMember(box: HTMLElement, m: Member, stores: Store[], next: () => void): Promise<void> {
  const base = `/members/${encodeURIComponent(m.memberId)}`;
  const balance = h('p', { class: 'big-number', 'data-testid': 'cashier-balance' }, '…');
  const drawBalance = async () => {
    try {
      const p = await request<Points>(`${base}/points`);
      balance.replaceChildren(fmtNum(p.balance ?? 0), ' ', h('small', null, t('cashier.points')));
    } catch (err) {
      balance.replaceChildren(errorBox(err));
    }
  };
  await drawBalance();

  let key = uuid();
  let keyBody = '';
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'cashier-redeemed' });
  const storeOptions = stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId }));
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'cashier-redeem' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'points', label: 'cashier.redeemPoints', type: 'number', required: true, inputmode: 'numeric', attrs: { min: 1, step: 1 } }),
      storeOptions.length
        ? field({ name: 'storeId', label: 'cashier.store', required: true, options: storeOptions, value: m.storeId && storeOptions.some((o) => o.value === m.storeId) ? m.storeId : storeOptions[0].value })
        : null,
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('cashier.redeemSubmit'))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    const n = Number(v.points);
    const body = { points: v.points !== '' && Number.isInteger(n) ? n : v.points, storeId: v.storeId }; // no reason: the server words its own, in the reader's language
    const json = JSON.stringify(body);
    if (keyBody && keyBody !== json) key = uuid(); // another redemption, not a retry of the last one
    keyBody = json;
    void busy(form, async () => {
      try {
        await request(`${base}/points/redeem`, { body, idempotencyKey: key });
        key = uuid();
        keyBody = '';
        clearErrors(form);
        await drawBalance();
        ok.textContent = t('cashier.redeemed', { n: fmtNum(n), b: balance.firstChild?.textContent ?? '' });
        ok.hidden = false;
        (form.querySelector('input[name=points]') as HTMLInputElement).value = '';
      } catch (err) {
        showError(form, err);
      }
    });
  });

  box.replaceChildren(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'cm-title', 'data-testid': 'cashier-member' },
      h('h2', { id: 'cm-title' }, m.name || t('members.noName')),
      h('dl', { class: 'kv' }, h('dt', null, t('members.cardNo')), h('dd', null, h('code', null, fmtCardNo(m.cardNo))), h('dt', null, t('members.phone')), h('dd', null, m.phone ?? '—')),
      balance,
      h('div', { class: 'actions' }, h('a', { class: 'btn', href: `#/members/${encodeURIComponent(m.memberId)}` }, t('cashier.openMember')), h('button', { type: 'button', class: 'btn btn-ghost', onclick: next }, t('cashier.next'))),
    ),
    section('cashier.redeem', form),
  );
}
