import { asPage, request } from '../api';
import { claims, role } from '../auth';
import { h } from '../dom';
import { type Child } from '../dom';
import { busy, clearErrors, confirmDialog, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtTime, label, loading, pageHead, secretPanel, section, table } from './common';

export interface Store {
  storeId: string;
  name?: string;
  orderPrefix?: string;
  format?: string;
  address?: string;
  timeZone?: string;
  createdAt?: string;
  status?: string;
}
interface User {
  userId?: string;
  email?: string;
  name?: string;
  role?: string;
  storeIds?: string[] | string;
  createdAt?: string;
  status?: string;
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
  const editBox = h('div');
  main.replaceChildren(pageHead('stores.title'), h('section', { class: 'card', 'aria-label': t('stores.title') }, list), editBox);
  const load = async () => {
    try {
      const stores = await fetchStores();
      const headers: Key[] = ['stores.name', 'stores.code', 'stores.format', 'stores.address', 'stores.status', 'stores.id', 'tenants.created'];
      if (isOwner) headers.push('common.actions');
      list.replaceChildren(
        stores.length
          ? table(
              headers,
              stores.map((s) => {
                const cells: Child[] = [
                  h('strong', null, s.name ?? '—'),
                  h('code', { 'data-testid': 'store-code' }, s.orderPrefix ?? '—'),
                  label('format', s.format),
                  s.address ?? '—',
                  h('span', { class: `badge ${s.status === 'closed' ? 'badge-muted' : 'badge-active'}`, 'data-testid': 'store-status' }, label('stores.status', s.status ?? 'open')),
                  h('code', { class: 'small' }, s.storeId),
                  fmtTime(s.createdAt),
                ];
                if (isOwner) cells.push(storeActions(s, editBox, load));
                return cells;
              }),
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
        field({ name: 'orderPrefix', label: 'stores.code', hint: 'stores.codeHint', attrs: { maxlength: 6, autocapitalize: 'characters' } }),
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
          const body: Record<string, string> = { name: v.name, format: v.format, address: v.address };
          if (v.orderPrefix.trim()) body.orderPrefix = v.orderPrefix.trim();
          const s = await request<Store>('/stores', { body });
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


/** Edit and close / reopen, for the owner. */
function storeActions(s: Store, editBox: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const closed = s.status === 'closed';
  const wrap = h('div', { class: 'cell-actions' });
  const edit = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'aria-label': `${t('stores.edit')} ${s.name ?? s.storeId}`, 'data-testid': 'store-edit', onclick: () => editStore(s, editBox, reload) },
    t('stores.edit'),
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: closed ? 'btn btn-small' : 'btn btn-small btn-danger-outline',
      'aria-label': `${t(closed ? 'stores.reopen' : 'stores.close')} ${s.name ?? s.storeId}`,
      'data-testid': 'store-toggle',
      onclick: async () => {
        const ok = await confirmDialog(t(closed ? 'stores.confirmReopen' : 'stores.confirmClose', { name: s.name ?? s.storeId }), closed ? 'stores.reopen' : 'stores.close', !closed);
        if (!ok) return;
        toggle.disabled = true;
        try {
          await request(`/stores/${encodeURIComponent(s.storeId)}`, { method: 'PATCH', body: { status: closed ? 'open' : 'closed' } });
          await reload();
        } catch (err) {
          wrap.append(errorBox(err));
          toggle.disabled = false;
        }
      },
    },
    t(closed ? 'stores.reopen' : 'stores.close'),
  );
  const poster = h('a', { class: 'btn btn-small', href: `#/stores/${encodeURIComponent(s.storeId)}/poster`, 'aria-label': `${t('poster.open')} ${s.name ?? s.storeId}`, 'data-testid': 'store-poster' }, t('poster.open'));
  wrap.append(edit, toggle, poster);
  return wrap;
}

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

function editStore(s: Store, box: HTMLElement, reload: () => Promise<void>): void {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'store-saved' });
  const zones = ZONES.includes(s.timeZone ?? '') || !s.timeZone ? ZONES : [s.timeZone, ...ZONES];
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'store-edit-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'name', label: 'stores.name', required: true, value: s.name, attrs: { maxlength: 100 } }),
      field({ name: 'orderPrefix', label: 'stores.code', hint: 'stores.codeHint', value: s.orderPrefix, attrs: { maxlength: 6, autocapitalize: 'characters' } }),
      field({ name: 'format', label: 'stores.format', options: formatOpts(), value: s.format }),
      field({ name: 'address', label: 'stores.address', required: true, value: s.address, attrs: { maxlength: 200 } }),
      field({ name: 'timeZone', label: 'stores.timeZone', options: zones.map((z) => ({ value: z, label: z })), value: s.timeZone ?? 'Asia/Shanghai' }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('stores.save')),
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => box.replaceChildren() }, t('common.cancel')),
    ),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const body: Record<string, string> = {};
    if (v.name.trim() !== (s.name ?? '')) body.name = v.name.trim();
    if (v.orderPrefix.trim().toUpperCase() !== (s.orderPrefix ?? '')) body.orderPrefix = v.orderPrefix.trim();
    if (v.format !== s.format) body.format = v.format;
    if (v.address.trim() !== (s.address ?? '')) body.address = v.address.trim();
    if (v.timeZone !== s.timeZone) body.timeZone = v.timeZone;
    if (!v.name.trim()) body.name = '';
    if (!v.address.trim()) body.address = '';
    if (Object.keys(body).length === 0) {
      box.replaceChildren();
      return;
    }
    void busy(form, async () => {
      try {
        const saved = await request<Store>(`/stores/${encodeURIComponent(s.storeId)}`, { method: 'PATCH', body });
        Object.assign(s, saved);
        clearErrors(form);
        ok.textContent = t('stores.saved', { name: saved?.name ?? s.name ?? '' });
        ok.hidden = false;
        await reload();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  box.replaceChildren(section('stores.edit', h('h3', null, t('stores.editTitle', { name: s.name ?? s.storeId })), form));
  box.querySelector<HTMLInputElement>('input[name=name]')?.focus();
}

/** Disable / enable, reset password, change stores: the owner's actions on another login. */
function userActions(u: User, ids: string[], stores: Store[], box: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const wrap = h('div', { class: 'cell-actions' });
  const who = u.email ?? u.userId ?? '';
  const path = `/users/${encodeURIComponent(u.userId ?? '')}`;
  const disabled = u.status === 'disabled';
  const fail = (err: unknown) => wrap.append(errorBox(err));
  const toggle = h(
    'button',
    {
      type: 'button',
      class: disabled ? 'btn btn-small' : 'btn btn-small btn-danger-outline',
      'aria-label': `${t(disabled ? 'staff.enable' : 'staff.disable')} ${who}`,
      'data-testid': 'user-toggle',
      onclick: async () => {
        if (!(await confirmDialog(t(disabled ? 'staff.confirmEnable' : 'staff.confirmDisable', { email: who }), disabled ? 'staff.enable' : 'staff.disable', !disabled))) return;
        try {
          await request(path, { method: 'PATCH', body: { status: disabled ? 'enabled' : 'disabled' } });
          await reload();
        } catch (err) {
          fail(err);
        }
      },
    },
    t(disabled ? 'staff.enable' : 'staff.disable'),
  );
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      'aria-label': `${t('staff.reset')} ${who}`,
      'data-testid': 'user-reset',
      onclick: async () => {
        if (!(await confirmDialog(t('staff.confirmReset', { email: who }), 'staff.reset', true))) return;
        try {
          const r = await request<{ email?: string; temporaryPassword?: string }>(`${path}/password-reset`, { method: 'POST', body: {} });
          box.replaceChildren(secretPanel('staff.reset', r?.email ?? who, r?.temporaryPassword ?? '', () => box.replaceChildren()));
          box.querySelector<HTMLElement>('#secret-title')?.focus();
        } catch (err) {
          fail(err);
        }
      },
    },
    t('staff.reset'),
  );
  wrap.append(toggle, reset);
  if (u.role !== 'owner') {
    wrap.append(
      h(
        'button',
        { type: 'button', class: 'btn btn-small', 'aria-label': `${t('staff.changeStores')} ${who}`, 'data-testid': 'user-stores', onclick: () => changeStores(u, ids, stores, box, reload) },
        t('staff.changeStores'),
      ),
    );
  }
  return wrap;
}

function changeStores(u: User, ids: string[], stores: Store[], box: HTMLElement, reload: () => Promise<void>): void {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'stores-saved' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'user-stores-form' },
    formAlert(),
    h(
      'fieldset',
      { class: 'checks' },
      h('legend', null, t('staff.stores')),
      ...stores.map((s) =>
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'storeIds', value: s.storeId, checked: ids.includes(s.storeId), 'data-field': 'storeIds' }), ' ', s.name ?? s.storeId),
      ),
      h('p', { class: 'field-error', 'data-error-for': 'storeIds', role: 'alert', hidden: true }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('stores.save')),
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => box.replaceChildren() }, t('common.cancel')),
    ),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const storeIds = Array.from(form.querySelectorAll<HTMLInputElement>('input[name=storeIds]:checked')).map((i) => i.value);
    void busy(form, async () => {
      try {
        await request(`/users/${encodeURIComponent(u.userId ?? '')}`, { method: 'PATCH', body: { storeIds } });
        clearErrors(form);
        ok.textContent = t('staff.storesSaved', { name: u.name ?? u.email ?? '' });
        ok.hidden = false;
        await reload();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  box.replaceChildren(section('staff.changeStores', h('h3', null, t('staff.changeStoresTitle', { name: u.name ?? u.email ?? '' })), form));
}

export async function staffView(main: HTMLElement): Promise<void> {
  const list = h('div', null, loading());
  const formBox = h('div');
  const actionBox = h('div', { 'data-testid': 'staff-action' });
  main.replaceChildren(pageHead('staff.title'), h('section', { class: 'card', 'aria-label': t('staff.title') }, list), actionBox, formBox);
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
              ['staff.name', 'staff.email', 'staff.role', 'staff.stores', 'staff.status', 'tenants.created', 'common.actions'],
              users.map((u) => {
                const ids = Array.isArray(u.storeIds) ? u.storeIds : typeof u.storeIds === 'string' && u.storeIds ? u.storeIds.split(',') : [];
                const me = u.userId === claims('portal')?.sub;
                return [
                  h('strong', null, u.name ?? '—', me ? ` ${t('staff.you')}` : ''),
                  u.email ?? '—',
                  label('role', u.role),
                  u.role === 'owner' && ids.length === 0 ? t('staff.allStores') : ids.map(storeName).join('，') || '—',
                  h('span', { class: `badge ${u.status === 'disabled' ? 'badge-suspended' : 'badge-active'}`, 'data-testid': 'user-status' }, label('status', u.status ?? 'enabled')),
                  fmtTime(u.createdAt),
                  me ? '—' : userActions(u, ids, stores, actionBox, load),
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
