// The back-office pages: the staff member's task list (what the other contexts ask of them, each linking to the screen
// where it is done) and announcements (the owner posts and sees who read; staff read and mark read), and the unread
// badge on the announcements link of the menu.
import { asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { empty, fmtTime, loading, pageHead, section } from './common';
import { fetchStores, type Store } from './stores';

interface Task { taskId: string; kind: string; storeId: string; subject: string | null; count: number; since: string | null; link: string }
interface Announcement { announcementId: string; title: string; body: string; storeIds: string[]; roles: string[]; postedBy: string; postedAt: string; read: boolean }
interface AnnouncementList { items: Announcement[]; unread: number }
interface Receipts { readCount: number; unreadCount: number; readers: { userId: string; name: string; role: string; readAt: string | null }[] }

/** Puts the unread count beside the menu's announcements link (every page, so staff see it from their home). */
export async function markUnread(): Promise<void> {
  const r = role('portal');
  if (r !== 'staff' && r !== 'owner') return;
  const link = document.querySelector<HTMLAnchorElement>('nav a[href="#/announcements"]');
  if (!link) return;
  try {
    const list = await request<AnnouncementList>('/announcements');
    const menu = document.querySelector<HTMLElement>('[data-testid=menu]');
    link.querySelector('.nav-badge')?.remove();
    menu?.querySelector('.nav-badge')?.remove();
    if (list.unread > 0) {
      link.append(' ', h('span', { class: 'badge nav-badge', 'data-testid': 'unread-badge' }, t('office.unreadBadge', { n: list.unread })));
      // on a phone the menu folds the links away: its button carries the count too
      menu?.append(h('span', { class: 'badge nav-badge', 'aria-label': t('office.unreadBadge', { n: list.unread }) }, String(list.unread)));
    }
  } catch {
    // the badge is a convenience: the page itself shows the error
  }
}

export async function tasksView(main: HTMLElement): Promise<void> {
  main.replaceChildren(loading());
  let tasks: Task[];
  let anns: AnnouncementList;
  let stores: Store[];
  try {
    [tasks, anns, stores] = await Promise.all([request('/tasks').then((b) => asPage<Task>(b).items), request<AnnouncementList>('/announcements'), fetchStores()]);
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  const storeName = (id: string) => stores.find((s) => s.storeId === id)?.name ?? id;
  main.replaceChildren(
    pageHead('tasks.title'),
    h('p', { class: 'muted' }, t('tasks.intro')),
    anns.unread > 0
      ? h('p', { class: 'alert alert-info', 'data-testid': 'unread-announcements' }, t('tasks.unread', { n: anns.unread }), ' ', h('a', { href: '#/announcements' }, t('tasks.readNow')))
      : '',
    tasks.length
      ? h('ul', { class: 'task-list', 'data-testid': 'tasks' }, ...tasks.map((x) => h('li', { class: `card task task-${x.kind}`, 'data-testid': `task-${x.kind}` },
          h('p', { class: 'task-what' }, t(`tasks.kind.${x.kind}` as Key, { count: x.count, subject: subject(x) })),
          h('p', { class: 'small muted' }, `${t('tasks.store')}: ${storeName(x.storeId)}`, x.since ? ` · ${t('tasks.since')} ${fmtTime(x.since)}` : ''),
          h('a', { class: 'btn btn-primary', href: x.link }, t('tasks.open')))))
      : empty('tasks.none'),
  );
}

/** A device alert's rule reads in the sensors page's words when the portal has them. */
function subject(x: Task): string {
  if (x.kind === 'alert' && x.subject) {
    const k = `sensors.rule.${x.subject}` as Key;
    const s = t(k);
    return s === k ? x.subject : s;
  }
  return x.subject ?? '';
}

export async function announcementsView(main: HTMLElement): Promise<void> {
  main.replaceChildren(loading());
  const owner = role('portal') === 'owner';
  let list: AnnouncementList;
  let stores: Store[];
  try {
    [list, stores] = await Promise.all([request<AnnouncementList>('/announcements'), fetchStores()]);
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  const status = h('div', { role: 'status' });
  const reload = () => announcementsView(main).then(() => markUnread());
  const items = list.items.map((a) => {
    const receipts = h('div', { 'data-testid': 'receipts' });
    const li = h('li', { class: `card announcement ${a.read ? 'is-read' : 'is-unread'}`, 'data-testid': `announcement-${a.announcementId}` },
      h('h3', null, a.title, ' ', h('span', { class: `badge ${a.read ? 'badge-muted' : 'badge-active'}` }, t(a.read ? 'ann.read' : 'ann.unread'))),
      h('p', { class: 'small muted' }, t('ann.postedBy', { by: a.postedBy, at: fmtTime(a.postedAt) }), ' · ',
        a.storeIds.length ? a.storeIds.map((id) => stores.find((s) => s.storeId === id)?.name ?? id).join('、') : t('ann.allStores')),
      h('p', { class: 'announcement-body', lang: '' }, a.body),
      h('div', { class: 'actions' },
        a.read ? '' : h('button', { type: 'button', class: 'btn', 'data-testid': 'mark-read', onclick: async () => {
          try {
            await request(`/announcements/${encodeURIComponent(a.announcementId)}/read`, { method: 'POST', idempotencyKey: uuid() });
            await reload();
          } catch (e) {
            status.replaceChildren(errorBox(e));
          }
        } }, t('ann.markRead')),
        owner ? h('button', { type: 'button', class: 'btn', 'data-testid': 'show-receipts', 'aria-expanded': 'false', onclick: async (ev: Event) => {
          const btn = ev.currentTarget as HTMLButtonElement;
          try {
            const r = await request<Receipts>(`/announcements/${encodeURIComponent(a.announcementId)}/receipts`);
            btn.setAttribute('aria-expanded', 'true');
            receipts.replaceChildren(h('p', null, t('ann.readCount', { read: r.readCount, unread: r.unreadCount })),
              h('ul', { class: 'plain-list' }, ...r.readers.map((x) => h('li', { 'data-testid': `reader-${x.userId}` }, `${x.name} · `,
                h('span', { class: x.readAt ? 'delta-plus' : 'muted' }, x.readAt ? t('ann.readAt', { at: fmtTime(x.readAt) }) : t('ann.notRead'))))));
          } catch (e) {
            receipts.replaceChildren(errorBox(e));
          }
        } }, t('ann.receipts')) : ''),
      receipts);
    return li;
  });
  main.replaceChildren(
    pageHead('ann.title'),
    h('p', { class: 'muted' }, t('ann.intro')),
    status,
    owner ? section('ann.post', postForm(stores, status, reload)) : '',
    items.length ? h('ul', { class: 'announcement-list', 'data-testid': 'announcements' }, ...items) : empty('ann.none'),
  );
}

function postForm(stores: Store[], status: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const check = (name: string, value: string, text: string, on = false) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value, checked: on, 'data-testid': `${name}-${value}` }), ' ', text);
  const form = h('form', { class: 'form-grid', 'data-testid': 'announcement-form', novalidate: true }, formAlert(),
    field({ name: 'title', label: 'ann.formTitle', required: true }),
    h('div', { class: 'field' }, h('label', { for: 'ann-body' }, t('ann.body'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('textarea', { id: 'ann-body', name: 'body', rows: 4, required: true, 'data-field': 'body', 'aria-describedby': 'ann-body-err' }),
      h('p', { class: 'field-error', id: 'ann-body-err', 'data-error-for': 'body', role: 'alert', hidden: true })),
    h('fieldset', { class: 'checks', 'data-field': 'storeIds' }, h('legend', null, t('ann.stores')), ...stores.map((s) => check('store', s.storeId, s.name ?? s.storeId))),
    h('fieldset', { class: 'checks', 'data-field': 'roles' }, h('legend', null, t('ann.roles')), check('role', 'staff', t('ann.role.staff'), true), check('role', 'owner', t('ann.role.owner'))),
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('ann.post')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(form, async () => {
      const v = values(form);
      const picked = (n: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name=${n}]:checked`)].map((i) => i.value);
      const body = { title: v.title, body: (form.querySelector('textarea') as HTMLTextAreaElement).value, storeIds: picked('store'), roles: picked('role') };
      try {
        await request('/announcements', { method: 'POST', body, idempotencyKey: uuid() });
        status.replaceChildren(h('p', { class: 'alert alert-success' }, t('ann.posted')));
        await reload();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}
