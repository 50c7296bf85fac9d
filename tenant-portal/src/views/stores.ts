import { asPage, request } from '../api';
import { role } from '../auth';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtTime, label, loading, pageHead, secretPanel, section, table } from './common';

export interface Store {
  storeId: string;
  name?: string;
  format?: string;
  address?: string;
  createdAt?: string;
}
interface User {
  userId?: string;
  email?: string;
  name?: string;
  role?: string;
  storeIds?: string[] | string;
  createdAt?: string;
}

export async function fetchStores(): Promise<Store[]> {
  const first = asPage<Store>(await request('/stores', { query: { limit: 200 } }));
  const all = [...first.items];
  let cursor = first.nextCursor;
  while (cursor) {
    const p = asPage<Store>(await request('/stores', { query: { limit: 200, cursor } }));
    all.push(...p.items);
    cursor = p.nextCursor;
  }
  return all;
}

const formatOpts = () => ['convenience', 'supermarket', 'department'].map((f) => ({ value: f, label: t(`format.${f}` as Key) }));

export async function storesView(main: HTMLElement): Promise<void> {
  const isOwner = role('portal') === 'owner';
  const list = h('div', null, loading());
  main.replaceChildren(pageHead('stores.title'), h('section', { class: 'card', 'aria-label': t('stores.title') }, list));
  const load = async () => {
    try {
      const stores = await fetchStores();
      list.replaceChildren(
        stores.length
          ? table(
              ['stores.name', 'stores.format', 'stores.address', 'stores.id', 'tenants.created'],
              stores.map((s) => [h('strong', null, s.name ?? '—'), label('format', s.format), s.address ?? '—', h('code', { class: 'small' }, s.storeId), fmtTime(s.createdAt)]),
              'stores.title',
            )
          : empty('stores.empty'),
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  if (isOwner) {
    const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      formAlert(),
      h(
        'div',
        { class: 'grid-3' },
        field({ name: 'name', label: 'stores.name', required: true }),
        field({ name: 'format', label: 'stores.format', options: formatOpts(), value: 'convenience' }),
        field({ name: 'address', label: 'stores.address', required: true }),
      ),
      h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('stores.add'))),
      ok,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = values(form);
      ok.hidden = true;
      void busy(form, async () => {
        try {
          const s = await request<Store>('/stores', { body: { name: v.name, format: v.format, address: v.address } });
          form.reset();
          ok.textContent = t('stores.added', { name: s?.name ?? v.name });
          ok.hidden = false;
          clearErrors(form);
          await load();
        } catch (err) {
          showError(form, err);
        }
      });
    });
    main.append(section('stores.add', form));
  }
  await load();
}


export async function staffView(main: HTMLElement): Promise<void> {
  const list = h('div', null, loading());
  const formBox = h('div');
  main.replaceChildren(pageHead('staff.title'), h('section', { class: 'card', 'aria-label': t('staff.title') }, list), formBox);
  let stores: Store[] = [];
  try {
    stores = await fetchStores();
  } catch (err) {
    formBox.append(errorBox(err));
  }
  const storeName = (id: string) => stores.find((s) => s.storeId === id)?.name ?? id;
  const load = async () => {
    try {
      const users = asPage<User>(await request('/users', { query: { limit: 200 } })).items;
      list.replaceChildren(
        users.length
          ? table(
              ['staff.name', 'staff.email', 'staff.role', 'staff.stores', 'tenants.created'],
              users.map((u) => {
                const ids = Array.isArray(u.storeIds) ? u.storeIds : typeof u.storeIds === 'string' && u.storeIds ? u.storeIds.split(',') : [];
                return [
                  h('strong', null, u.name ?? '—'),
                  u.email ?? '—',
                  label('role', u.role),
                  u.role === 'owner' && ids.length === 0 ? t('staff.allStores') : ids.map(storeName).join('，') || '—',
                  fmtTime(u.createdAt),
                ];
              }),
              'staff.title',
            )
          : empty('staff.empty'),
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };

  const storeBoxes = h(
    'fieldset',
    { class: 'checks', 'aria-describedby': 'storeIds-hint' },
    h('legend', null, t('staff.stores')),
    h('p', { class: 'hint', id: 'storeIds-hint' }, t('staff.storesHint')),
    ...stores.map((s) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'storeIds', value: s.storeId, 'data-field': 'storeIds' }), ' ', s.name ?? s.storeId),
    ),
    h('p', { class: 'field-error', 'data-error-for': 'storeIds', role: 'alert', hidden: true }),
  );
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    formAlert(),
    h(
      'div',
      { class: 'grid-3' },
      field({ name: 'name', label: 'staff.name', required: true, autocomplete: 'off' }),
      field({ name: 'email', label: 'staff.email', type: 'email', required: true, autocomplete: 'off' }),
      field({ name: 'role', label: 'staff.role', options: [{ value: 'staff', label: t('role.staff') }, { value: 'owner', label: t('role.owner') }], value: 'staff' }),
    ),
    storeBoxes,
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('staff.add'))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const storeIds = Array.from(form.querySelectorAll<HTMLInputElement>('input[name=storeIds]:checked')).map((i) => i.value);
    void busy(form, async () => {
      try {
        const res = await request<{ userId?: string; email?: string; temporaryPassword?: string }>('/users', {
          // an owner sees every store: the API refuses storeIds for one
          body: v.role === 'owner' ? { email: v.email, name: v.name, role: v.role } : { email: v.email, name: v.name, role: v.role, storeIds },
        });
        formBox.replaceChildren(
          secretPanel('staff.created', res?.email ?? v.email, res?.temporaryPassword ?? '', () => void staffView(main)),
        );
        formBox.querySelector<HTMLElement>('#secret-title')?.focus();
        await load();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  formBox.append(section('staff.add', form));
  await load();
}
