// Stock counts (盘点单, functions/catalog): open a count over the store, a category or some GTINs; count it line by line
// with a scanner or the GTIN field and a large number field (usable on a phone); finish with the variance summary.
// Staff count blind: the API leaves out what the books expect until the count is finished.
import { asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid, type Child } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtNum, fmtTime, loading, pageHead, section, signed, table } from './common';
import { categoryOptions, fetchCategories } from './catalog';
import { fmtFen, intOrText } from './money';
import { fetchStores, type Store } from './stores';

interface Line {
  gtin: string;
  gtinShort?: string;
  name?: string | null;
  unit?: string | null;
  soldBy: 'piece' | 'weight';
  counted: number | null;
  onHandAtCount?: number | null;
  variance?: number | null;
  varianceFen?: number | null;
}
interface Totals { lines: number; counted: number; uncounted: number; overLines: number; shortLines: number; overFen: number; shortFen: number; varianceFen: number }
interface Count {
  countId: string;
  storeId: string;
  status: string;
  scope: string;
  categoryId?: string | null;
  assigneeId?: string | null;
  dueOn?: string | null;
  lineCount: number;
  countedLines: number;
  linesLeft: number;
  openedBy: string;
  openedAt: string;
  closedAt?: string | null;
  blind?: boolean;
  lines?: Line[];
  totals?: Totals;
}

const status = (s: string) => t(`counts.status.${s}` as Key);
/** The scope in words, the category by its name when the list of categories is at hand. */
let categoryNames = new Map<string, string>();
const scopeText = (c: Count) => t(`counts.scope.${c.scope}` as Key) + (c.categoryId ? ` · ${categoryNames.get(c.categoryId) ?? c.categoryId}` : '');
async function loadCategoryNames(): Promise<void> {
  categoryNames = new Map((await fetchCategories().catch(() => [])).map((c) => [c.categoryId, c.name]));
}

/** The store's counts and the form that opens one. */
export async function stockCountsView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(pageHead('counts.title'), loading());
  let stores: Store[];
  try {
    stores = await fetchStores();
  } catch (err) {
    main.replaceChildren(pageHead('counts.title'), errorBox(err));
    return;
  }
  const store = stores.find((s) => s.storeId === route.query.get('store')) ?? stores[0];
  if (!store) {
    main.replaceChildren(pageHead('counts.title'), empty('stores.empty'));
    return;
  }
  const sid = store.storeId;
  const picker = field({ name: 'store', label: 'stock.store', options: stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId })), value: sid });
  picker.querySelector('select')?.addEventListener('change', (e) => go(`#/stock-counts?store=${(e.target as HTMLSelectElement).value}`));
  const list = h('div', { 'aria-live': 'polite', 'data-testid': 'count-list' }, loading());
  await loadCategoryNames();
  main.replaceChildren(pageHead('counts.title'), h('p', { class: 'muted' }, t('counts.intro')), h('section', { class: 'card' }, picker), await openForm(sid),
    section('counts.list', list));
  try {
    const counts = asPage<Count>(await request(`/stores/${sid}/stock-counts`, { query: { limit: 50 } })).items;
    list.replaceChildren(counts.length
      ? table(['counts.opened', 'counts.scope', 'counts.status', 'counts.progress', 'counts.due', 'common.actions'], counts.map((c) => [
          fmtTime(c.openedAt),
          scopeText(c),
          h('span', { class: `badge badge-${c.status}` }, status(c.status)),
          t('counts.progressOf', { done: c.countedLines, all: c.lineCount }),
          c.dueOn ?? '—',
          h('a', { class: 'btn', href: `#/stock-counts/${sid}/${c.countId}`, 'data-testid': `count-${c.countId}` }, t(c.status === 'open' ? 'counts.continue' : 'counts.view')),
        ]), 'counts.list')
      : empty('counts.none'));
  } catch (err) {
    list.replaceChildren(errorBox(err));
  }
}

async function openForm(sid: string): Promise<HTMLElement> {
  const owner = role('portal') === 'owner';
  const [cats, users] = await Promise.all([
    fetchCategories().catch(() => []),
    owner ? request('/users', { query: { limit: 200 } }).then((b) => asPage<{ userId: string; name?: string; email?: string; storeIds?: string[]; role?: string }>(b).items).catch(() => []) : Promise.resolve([]),
  ]);
  const here = users.filter((u) => u.role === 'owner' || (u.storeIds ?? []).includes(sid));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'open-count-form' },
    formAlert(),
    h('div', { class: 'grid-3' },
      field({ name: 'scope', label: 'counts.scope', options: ['store', 'category', 'gtins'].map((s) => ({ value: s, label: t(`counts.scope.${s}` as Key) })) }),
      field({ name: 'categoryId', label: 'counts.category', options: categoryOptions(cats, t('counts.chooseCategory')) }),
      field({ name: 'gtins', label: 'counts.gtins', hint: 'counts.gtinsHint', inputmode: 'numeric', autocomplete: 'off' }),
      owner ? field({ name: 'assigneeId', label: 'counts.assignee', options: [{ value: '', label: t('counts.assigneeStore') }, ...here.map((u) => ({ value: u.userId, label: u.name ?? u.email ?? u.userId }))] }) : null,
      field({ name: 'dueOn', label: 'counts.due', type: 'date' })),
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('counts.open'))));
  const sync = () => {
    const scope = (form.querySelector('[name=scope]') as HTMLSelectElement).value;
    (form.querySelector('[name=categoryId]')!.closest('.field') as HTMLElement).hidden = scope !== 'category';
    (form.querySelector('[name=gtins]')!.closest('.field') as HTMLElement).hidden = scope !== 'gtins';
  };
  form.querySelector('[name=scope]')!.addEventListener('change', sync);
  sync();
  const key = uuid();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form);
    const body: Record<string, unknown> = { scope: v.scope, dueOn: v.dueOn || undefined, assigneeId: v.assigneeId || undefined };
    if (v.scope === 'category') body.categoryId = v.categoryId || undefined;
    if (v.scope === 'gtins') body.gtins = v.gtins.split(/[\s,，]+/).filter(Boolean);
    void busy(form, async () => {
      try {
        const c = await request<Count>(`/stores/${sid}/stock-counts`, { body, idempotencyKey: `${key}-${JSON.stringify(body)}` });
        go(`#/stock-counts/${sid}/${c.countId}`);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('counts.new', form);
}

/** One count: scan or type a GTIN, type the number, record; the lines; finish (with the summary) or cancel. */
export async function stockCountView(main: HTMLElement, sid: string, countId: string): Promise<void> {
  main.replaceChildren(pageHead('counts.one'), loading());
  let c: Count;
  try {
    [c] = await Promise.all([request<Count>(`/stores/${sid}/stock-counts/${countId}`), categoryNames.size ? Promise.resolve() : loadCategoryNames()]);
  } catch (err) {
    main.replaceChildren(pageHead('counts.one'), errorBox(err));
    return;
  }
  const reload = () => stockCountView(main, sid, countId);
  const lines = c.lines ?? [];
  const head = h('section', { class: 'card count-head' },
    h('p', null, h('span', { class: `badge badge-${c.status}`, 'data-testid': 'count-status' }, status(c.status)), ' ', scopeText(c)),
    h('p', { class: 'count-progress', 'data-testid': 'count-progress' }, t('counts.progressOf', { done: c.countedLines, all: c.lineCount })),
    h('progress', { max: c.lineCount, value: c.countedLines, 'aria-label': t('counts.progress') }),
    c.blind ? h('p', { class: 'small muted' }, t('counts.blind')) : null,
    h('p', { class: 'small muted' }, `${t('counts.opened')}: ${fmtTime(c.openedAt)} · ${c.openedBy}`, c.dueOn ? ` · ${t('counts.due')}: ${c.dueOn}` : ''));
  const parts: HTMLElement[] = [pageHead('counts.one', h('a', { class: 'btn', href: `#/stock-counts?store=${sid}` }, t('counts.back'))), head];
  if (c.status === 'open') parts.push(countForm(sid, c, lines, reload), finishCard(sid, c, reload));
  if (c.totals) parts.push(summary(c.totals));
  parts.push(section('counts.lines', lineTable(lines, !c.blind)));
  main.replaceChildren(...parts);
  main.querySelector<HTMLInputElement>('[name=gtin]')?.focus();
}

function countForm(sid: string, c: Count, lines: Line[], reload: () => Promise<void>): HTMLElement {
  const which = h('p', { class: 'count-which', 'aria-live': 'polite', 'data-testid': 'count-which' });
  const done = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'count-done' });
  const form = h('form', { class: 'count-form', novalidate: true, 'data-testid': 'count-form' },
    formAlert(),
    field({ name: 'gtin', label: 'counts.scan', required: true, inputmode: 'numeric', autocomplete: 'off', attrs: { enterkeyhint: 'next' } }),
    which,
    field({ name: 'counted', label: 'counts.counted', required: true, inputmode: 'numeric', autocomplete: 'off', attrs: { class: 'big-number', enterkeyhint: 'done' } }),
    h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, t('counts.record')), done);
  const gtinInput = form.querySelector<HTMLInputElement>('[name=gtin]')!;
  const find = (code: string) => lines.find((l) => l.gtin === code || l.gtinShort === code || l.gtin.endsWith(code) && code.length >= 8);
  const show = () => {
    const l = find(gtinInput.value.trim());
    which.textContent = l ? `${l.name ?? l.gtin}${l.soldBy === 'weight' ? ` · ${t('counts.grams')}` : ''}` : '';
  };
  gtinInput.addEventListener('input', show);
  // a scanner types the code and Enter: move on to the number instead of sending the form
  gtinInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      form.querySelector<HTMLInputElement>('[name=counted]')?.focus();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form);
    const l = find(v.gtin);
    void busy(form, async () => {
      try {
        await request(`/stores/${sid}/stock-counts/${c.countId}/lines/${encodeURIComponent(l?.gtin ?? v.gtin)}`, { method: 'PUT', body: { counted: intOrText(v.counted) } });
        await reload();
        const note = document.querySelector<HTMLElement>('[data-testid=count-done]');
        if (note) {
          note.textContent = t('counts.recorded', { name: l?.name ?? v.gtin, n: fmtNum(intOrText(v.counted)) });
          note.hidden = false;
        }
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('counts.countLine', form);
}

function finishCard(sid: string, c: Count, reload: () => Promise<void>): HTMLElement {
  const form = h('form', { novalidate: true, 'data-testid': 'finish-form', class: 'inline' }, formAlert(),
    h('p', { class: 'small muted' }, c.linesLeft > 0 ? t('counts.uncountedKept', { n: c.linesLeft }) : t('counts.allCounted')),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-action': 'finish' }, t('counts.finish')),
    ' ',
    h('button', { type: 'button', class: 'btn btn-danger', 'data-action': 'cancel' }, t('counts.cancel')));
  const key = uuid();
  const act = (what: 'finish' | 'cancel') => void busy(form, async () => {
    clearErrors(form);
    try {
      await request(`/stores/${sid}/stock-counts/${c.countId}/${what}`, { body: {}, idempotencyKey: `${key}-${what}` });
      await reload();
    } catch (err) {
      showError(form, err);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act('finish');
  });
  form.querySelector('[data-action=cancel]')!.addEventListener('click', () => act('cancel'));
  return section('counts.finishTitle', form);
}

function summary(tot: Totals): HTMLElement {
  return h('section', { class: 'card', 'data-testid': 'count-summary', 'aria-label': t('counts.summary') },
    h('h2', null, t('counts.summary')),
    h('dl', { class: 'facts' },
      h('dt', null, t('counts.countedLines')), h('dd', null, `${fmtNum(tot.counted)} / ${fmtNum(tot.lines)}`),
      h('dt', null, t('counts.uncounted')), h('dd', null, fmtNum(tot.uncounted)),
      h('dt', null, t('counts.short')), h('dd', { 'data-testid': 'short-lines' }, `${fmtNum(tot.shortLines)} · ${fmtFen(tot.shortFen)}`),
      h('dt', null, t('counts.over')), h('dd', null, `${fmtNum(tot.overLines)} · ${fmtFen(tot.overFen)}`),
      h('dt', null, t('counts.net')), h('dd', { 'data-testid': 'net-fen' }, h('strong', null, fmtFen(tot.varianceFen)))));
}

function lineTable(lines: Line[], seeing: boolean): HTMLElement {
  if (!lines.length) return empty('counts.none');
  const headers: Key[] = seeing ? ['stock.product', 'products.gtin', 'counts.counted', 'counts.expected', 'counts.variance', 'counts.varianceFen']
    : ['stock.product', 'products.gtin', 'counts.counted'];
  return table(headers, lines.map((l) => {
    const row: Child[] = [
      h('strong', null, l.name ?? '—', l.soldBy === 'weight' ? h('span', { class: 'small muted' }, ` (${t('counts.grams')})`) : null),
      h('code', { class: 'small' }, l.gtinShort ?? l.gtin),
      h('span', { 'data-testid': `counted-${l.gtin}` }, l.counted == null ? t('counts.notYet') : fmtNum(l.counted)),
    ];
    if (seeing) row.push(fmtNum(l.onHandAtCount ?? null), h('span', { 'data-testid': `variance-${l.gtin}`, class: (l.variance ?? 0) < 0 ? 'neg' : '' }, l.variance == null ? '—' : signed(l.variance)),
      l.varianceFen == null ? '—' : fmtFen(l.varianceFen));
    return row;
  }), 'counts.lines');
}
