// The members page without a search: every member, a page at a time, and enrolment at the counter (the
// customer says yes or no to each of the two optional purposes; both start unticked, as PIPL asks).
import { asPage, request } from '../api';
import { h, uuid } from '../dom';
import { busy, confirmDialog, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { go } from '../router';
import { empty, fmtCardNo, fmtTime, loading, section, table } from './common';
import type { Member } from './members';
import { fetchStores } from './stores';

export function memberList(): HTMLElement {
  const box = h('div', { 'data-testid': 'member-list' }, loading());
  const rows: Member[] = [];
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, t('common.more'));
  let cursor: string | null = null;
  const draw = () =>
    box.replaceChildren(
      rows.length
        ? table(
            ['enrol.name', 'members.phone', 'members.cardNo', 'member.joined'],
            rows.map((m) => [
              h('a', { href: `#/members/${encodeURIComponent(m.memberId)}` }, m.name || t('members.noName')),
              m.phone ?? '—',
              h('code', null, fmtCardNo(m.cardNo)),
              fmtTime(m.createdAt),
            ]),
            'list.caption',
          )
        : empty('list.empty'),
      more,
    );
  const load = async () => {
    try {
      const page = asPage<Member>(await request('/members', { query: { limit: 20, cursor } }));
      rows.push(...page.items);
      cursor = page.nextCursor;
      draw();
      more.hidden = !cursor;
    } catch (err) {
      box.replaceChildren(errorBox(err));
    }
  };
  more.addEventListener('click', () => void load());
  void load();
  return section('list.title', box);
}

export function enrolForm(): HTMLElement {
  let key = uuid();
  let keyBody = '';
  const storeSlot = h('div');
  const consent = (purpose: string) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: `consents.${purpose}`, 'data-field': `consents.${purpose}` }),
      h('span', null, h('strong', null, t(`purpose.${purpose}` as never)), h('br'), h('span', { class: 'muted small' }, t(`purpose.${purpose}.desc` as never))),
    );
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'enrol' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'phone', label: 'members.phone', type: 'tel', inputmode: 'tel', required: true, autocomplete: 'off' }),
      field({ name: 'name', label: 'enrol.name', autocomplete: 'off', attrs: { maxlength: 64 } }),
      field({ name: 'birthday', label: 'member.birthday', type: 'date' }),
      storeSlot,
    ),
    h('fieldset', { class: 'consent-choices' }, h('legend', null, t('enrol.consents')), h('p', { class: 'muted small' }, t('enrol.consentsHint')), consent('marketing_push'), consent('personalization')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('enrol.submit'))),
  );
  fetchStores().then(
    (stores) => storeSlot.replaceChildren(field({ name: 'storeId', label: 'cashier.store', required: true, options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })) })),
    (err) => storeSlot.replaceChildren(errorBox(err)),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const checked = (p: string) => form.querySelector<HTMLInputElement>(`input[name="consents.${p}"]`)!.checked;
    const body: Record<string, unknown> = {
      phone: v.phone.replace(/[\s-]/g, ''),
      storeId: v.storeId,
      consents: { marketing_push: checked('marketing_push'), personalization: checked('personalization') },
    };
    if (v.name) body.name = v.name;
    if (v.birthday) body.birthday = v.birthday;
    const json = JSON.stringify(body);
    if (keyBody && keyBody !== json) key = uuid();
    keyBody = json;
    void busy(form, async () => {
      try {
        const m = await request<Member>('/members', { body, idempotencyKey: key });
        go(`#/members/${encodeURIComponent(m.memberId)}`);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('enrol.title', form);
}

/** Edit name and birthday (owner and staff, PATCH), and erase (owner only, after a confirmation). */
export function memberEdit(m: Member, isOwner: boolean, reload: () => void): HTMLElement {
  const base = `/members/${encodeURIComponent(m.memberId)}`;
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'member-edit' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'name', label: 'enrol.name', value: m.name ?? '', autocomplete: 'off', attrs: { maxlength: 64 } }),
      // staff see no birthday (masked), so they are not offered to overwrite one they cannot see
      m.masked ? null : field({ name: 'birthday', label: 'member.birthday', type: 'date', value: m.birthday ?? '' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('edit.save'))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const body: Record<string, unknown> = {};
    // Only changed, non-empty values: clearing a name or birthday is not something PATCH offers.
    if (v.name && v.name !== (m.name ?? '')) body.name = v.name;
    if (!m.masked && v.birthday && v.birthday !== (m.birthday ?? '')) body.birthday = v.birthday;
    void busy(form, async () => {
      try {
        if (Object.keys(body).length) await request(base, { method: 'PATCH', body });
        reload();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  const erase = isOwner
    ? h(
        'div',
        { class: 'stack delete-me' },
        h('h3', null, t('erase.title')),
        h('p', { class: 'muted small' }, t('erase.what')),
        h(
          'div',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-danger-outline',
              'data-testid': 'erase-member',
              onclick: async (ev: Event) => {
                const btn = ev.currentTarget as HTMLButtonElement;
                if (!(await confirmDialog(t('erase.confirm', { name: m.name || m.phone || m.memberId }), 'erase.submit', true))) return;
                btn.disabled = true;
                try {
                  await request(base, { method: 'DELETE' });
                  go('#/members');
                } catch (err) {
                  btn.disabled = false;
                  btn.after(errorBox(err));
                }
              },
            },
            t('erase.submit'),
          ),
        ),
      )
    : null;
  return section('edit.title', form, erase);
}
