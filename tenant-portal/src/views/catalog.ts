import { asPage, request } from '../api';
import { role } from '../auth';
import { h, type Child } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtTime, label, loading, pageHead, section, table } from './common';
import { fmtFen, intOrText, localToIso, yuanToFen } from './money';
import { fetchStores, type Store } from './stores';

export interface Product {
  gtin: string;
  gtinShort?: string;
  name?: string;
  brand?: string | null;
  categoryId?: string | null;
  unit?: string;
  spec?: string | null;
  shelfLifeDays?: number | null;
  status?: string;
  plu?: string | null;
  soldBy?: 'piece' | 'weight';
}
interface Category {
  categoryId: string;
  name: string;
  parentId?: string | null;
}
export interface Price {
  price: number;
  regularPrice: number;
  promo: boolean;
  promoTo?: string | null;
  source: string;
  next?: { price: number; effectiveAt: string } | null;
}
interface Change {
  at?: string;
  by?: string;
  storeId?: string | null;
  oldPrice?: number | null;
  newPrice?: number;
  promoPrice?: number | null;
  effectiveAt?: string;
  belowCost?: boolean;
}

export async function fetchCategories(): Promise<Category[]> {
  return asPage<Category>(await request('/categories')).items;
}

/** Top-level categories, each followed by its sub-categories (indented). */
export function categoryOptions(cats: Category[], firstLabel?: string): { value: string; label: string }[] {
  const out = firstLabel !== undefined ? [{ value: '', label: firstLabel }] : [];
  for (const top of cats.filter((c) => !c.parentId)) {
    out.push({ value: top.categoryId, label: top.name });
    for (const sub of cats.filter((c) => c.parentId === top.categoryId)) out.push({ value: sub.categoryId, label: `　└ ${sub.name}` });
  }
  return out;
}

export function priceCell(p: Price | null | undefined): Child {
  if (!p) return h('span', { class: 'muted' }, t('prices.none'));
  return h(
    'span',
    null,
    h('strong', { 'data-testid': 'price-now' }, fmtFen(p.price)),
    p.promo ? h('span', { class: 'badge badge-active' }, ' ', t('prices.promo', { to: fmtTime(p.promoTo) })) : null,
    p.promo ? h('s', { class: 'muted' }, ' ', fmtFen(p.regularPrice)) : null,
    p.next ? h('div', { class: 'hint' }, `${t('prices.next')}: ${fmtFen(p.next.price)} @ ${fmtTime(p.next.effectiveAt)}`) : null,
  );
}

export async function productsView(main: HTMLElement, route: Route): Promise<void> {
  const isOwner = role('portal') === 'owner';
  const q = route.query;
  let cats: Category[] = [];
  try {
    cats = await fetchCategories();
  } catch (err) {
    main.replaceChildren(pageHead('products.title'), errorBox(err));
    return;
  }
  const catName = (id?: string | null) => cats.find((c) => c.categoryId === id)?.name ?? '—';
  const search = h(
    'form',
    { class: 'search-row', role: 'search', novalidate: true },
    field({ name: 'q', label: 'products.q', value: q.get('q') ?? '' }),
    field({ name: 'gtin', label: 'products.gtinPrefix', value: q.get('gtin') ?? '', inputmode: 'numeric' }),
    field({ name: 'categoryId', label: 'products.category', options: categoryOptions(cats, t('products.allCategories')), value: q.get('categoryId') ?? '' }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('products.search')),
  );
  search.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(search);
    const p = new URLSearchParams();
    for (const k of ['q', 'gtin', 'categoryId']) if (v[k]) p.set(k, v[k]);
    go(`#/products?${p.toString()}`);
  });
  const tree = h(
    'ul',
    { class: 'tree', 'data-testid': 'category-tree' },
    ...cats.filter((c) => !c.parentId).map((top) =>
      h(
        'li',
        null,
        h('a', { href: `#/products?categoryId=${top.categoryId}` }, top.name),
        h('ul', null, ...cats.filter((c) => c.parentId === top.categoryId).map((s) => h('li', null, h('a', { href: `#/products?categoryId=${s.categoryId}` }, s.name)))),
      ),
    ),
  );
  const list = h('div', { 'aria-live': 'polite' }, loading());
  main.replaceChildren(
    pageHead('products.title'),
    h('section', { class: 'card' }, search),
    h('div', { class: 'split' }, h('aside', { class: 'card', 'aria-label': t('products.tree') }, h('h2', null, t('products.tree')), cats.length ? tree : empty('products.noCategories')), h('section', { class: 'card', 'aria-label': t('products.title') }, list)),
  );
  let cursor: string | null = null;
  const rows: Child[][] = [];
  const load = async () => {
    try {
      const page = asPage<Product>(await request('/products', { query: { q: q.get('q'), gtin: q.get('gtin'), categoryId: q.get('categoryId'), limit: 50, cursor } }));
      for (const p of page.items) {
        rows.push([
          h('a', { href: `#/products/${p.gtin}` }, h('strong', null, p.name ?? '—')),
          h('code', { class: 'small' }, p.gtinShort ?? p.gtin),
          catName(p.categoryId),
          [p.spec, p.unit, p.soldBy === 'weight' ? t('products.byWeight') : null].filter(Boolean).join(' / '),
          h('span', { class: p.status === 'active' ? 'badge badge-active' : 'badge badge-muted' }, label('status', p.status)),
        ]);
      }
      cursor = page.nextCursor;
      list.replaceChildren(
        rows.length ? table(['products.name', 'products.gtin', 'products.category', 'products.spec', 'products.status'], rows, 'products.title') : empty('products.empty'),
      );
      if (cursor) list.append(h('button', { type: 'button', class: 'btn', onclick: () => void load() }, t('common.more')));
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  if (isOwner) main.append(productForm(cats), categoryForm(cats), ...(cats.length ? [categoryRenameForm(cats)] : []));
  await load();
}

function productForm(cats: Category[]): HTMLElement {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'product-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-3' },
      field({ name: 'gtin', label: 'products.gtin', required: true, inputmode: 'numeric', hint: 'products.gtinHint', autocomplete: 'off' }),
      field({ name: 'name', label: 'products.name', required: true }),
      field({ name: 'categoryId', label: 'products.category', options: categoryOptions(cats, ''), required: true }),
      field({ name: 'brand', label: 'products.brand' }),
      field({ name: 'unit', label: 'products.unit', required: true, value: '件' }),
      field({ name: 'spec', label: 'products.spec' }),
      field({ name: 'shelfLifeDays', label: 'products.shelfLife', inputmode: 'numeric' }),
      field({ name: 'plu', label: 'products.plu', inputmode: 'numeric', hint: 'products.pluHint' }),
      field({ name: 'soldBy', label: 'products.soldBy', hint: 'products.soldByHint', value: 'piece',
        options: ['piece', 'weight'].map((v) => ({ value: v, label: t(v === 'weight' ? 'products.byWeight' : 'products.byPiece') })) }),
    ),
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('products.add'))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    void busy(form, async () => {
      try {
        const body: Record<string, unknown> = { gtin: v.gtin, name: v.name, categoryId: v.categoryId || undefined, unit: v.unit };
        for (const k of ['brand', 'spec', 'plu']) if (v[k]) body[k] = v[k];
        if (v.soldBy === 'weight') body.soldBy = 'weight'; // price per kg, stock in grams, a 5-digit PLU
        if (v.shelfLifeDays) body.shelfLifeDays = intOrText(v.shelfLifeDays);
        const p = await request<Product>('/products', { body });
        form.reset();
        clearErrors(form);
        ok.textContent = t('products.added', { name: p.name ?? v.name });
        ok.hidden = false;
        go(`#/products/${p.gtin}`);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('products.add', form);
}

function categoryForm(cats: Category[]): HTMLElement {
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'category-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'name', label: 'categories.name', required: true }),
      field({ name: 'parentId', label: 'categories.parent', options: [{ value: '', label: t('categories.top') }, ...cats.filter((c) => !c.parentId).map((c) => ({ value: c.categoryId, label: c.name }))] }),
    ),
    h('div', null, h('button', { type: 'submit', class: 'btn' }, t('categories.add'))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    void busy(form, async () => {
      try {
        await request('/categories', { body: { name: v.name, parentId: v.parentId || undefined } });
        go('#/products');
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('categories.add', form);
}

/** PATCH /categories/{categoryId}: the products keep their category, only its name changes. */
function categoryRenameForm(cats: Category[]): HTMLElement {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'category-rename-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'categoryId', label: 'products.category', options: categoryOptions(cats), required: true }),
      field({ name: 'name', label: 'categories.name', required: true }),
    ),
    h('div', null, h('button', { type: 'submit', class: 'btn' }, t('categories.rename'))),
    ok,
  );
  const select = form.querySelector<HTMLSelectElement>('select[name=categoryId]')!;
  const name = form.querySelector<HTMLInputElement>('input[name=name]')!;
  const fill = () => (name.value = cats.find((c) => c.categoryId === select.value)?.name ?? '');
  select.addEventListener('change', fill);
  fill();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    void busy(form, async () => {
      try {
        const c = await request<Category>(`/categories/${encodeURIComponent(v.categoryId)}`, { method: 'PATCH', body: { name: v.name } });
        clearErrors(form);
        ok.textContent = t('categories.renamed', { name: c.name });
        ok.hidden = false;
        const tree = document.querySelector(`[data-testid=category-tree] a[href$="categoryId=${c.categoryId}"]`);
        if (tree) tree.textContent = c.name;
        const opt = select.querySelector<HTMLOptionElement>(`option[value="${c.categoryId}"]`);
        if (opt) opt.textContent = c.parentId ? `　└ ${c.name}` : c.name;
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('categories.renameTitle', form);
}

export async function productView(main: HTMLElement, gtin: string): Promise<void> {
  const isOwner = role('portal') === 'owner';
  let p: Product;
  let cats: Category[];
  let stores: Store[];
  try {
    [p, cats, stores] = await Promise.all([request<Product>(`/products/${encodeURIComponent(gtin)}`), fetchCategories(), fetchStores()]);
  } catch (err) {
    main.replaceChildren(pageHead('products.edit'), errorBox(err), h('a', { href: '#/products' }, t('products.back')));
    return;
  }
  main.replaceChildren(
    pageHead(p.name ?? p.gtin, h('a', { class: 'btn btn-ghost', href: '#/products' }, t('products.back'))),
    h('p', { class: 'muted' }, h('code', null, p.gtinShort ?? p.gtin), ' · ', label('status', p.status)),
  );
  const prices = h('div', null, loading());
  main.append(section('prices.title', prices));
  const loadPrices = async () => {
    try {
      const rows = await Promise.all(
        stores.map(async (s) => {
          let pr: Price | null = null;
          try {
            pr = await request<Price>(`/stores/${s.storeId}/prices/${p.gtin}`);
          } catch {
            pr = null; // 404: no price yet in this store
          }
          return [s.name ?? s.storeId, priceCell(pr), pr ? t(`prices.source.${pr.source}` as 'prices.source.store') : '—'] as Child[];
        }),
      );
      prices.replaceChildren(table(['prices.store', 'prices.inForce', 'prices.source'], rows, 'prices.title'));
    } catch (err) {
      prices.replaceChildren(errorBox(err));
    }
  };
  await loadPrices();
  if (!isOwner) return;
  main.append(priceForm(p, stores, loadPrices));
  const hist = h('div', null, loading());
  main.append(section('prices.history', hist));
  const storeName = (id?: string | null) => (id ? stores.find((s) => s.storeId === id)?.name ?? id : t('prices.allStores'));
  const loadHistory = async () => {
    const items = asPage<Change>(await request(`/prices/${p.gtin}/history`, { query: { limit: 50 } })).items;
    hist.replaceChildren(
      items.length
        ? table(
            ['prices.when', 'prices.scope', 'prices.old', 'prices.new', 'prices.effectiveAt', 'prices.who', 'prices.flag'],
            items.map((c) => [fmtTime(c.at), storeName(c.storeId), fmtFen(c.oldPrice), fmtFen(c.newPrice), fmtTime(c.effectiveAt), c.by ?? '—', c.belowCost ? h('span', { class: 'badge badge-warn' }, t('prices.flag')) : '']),
            'prices.history',
          )
        : empty('prices.historyEmpty'),
    );
  };
  await loadHistory();
  main.append(editForm(p, cats));
  main.querySelector('form[data-testid=price-form]')?.addEventListener('zhidian:saved', () => void loadHistory());
}

function priceForm(p: Product, stores: Store[], reload: () => Promise<void>): HTMLElement {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'price-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-3' },
      field({ name: 'scope', label: 'prices.scope', options: [{ value: '', label: t('prices.allStores') }, ...stores.map((s) => ({ value: s.storeId, label: s.name ?? s.storeId }))] }),
      field({ name: 'price', label: 'prices.price', required: true, inputmode: 'decimal' }),
      field({ name: 'effectiveAt', label: 'prices.effectiveAt', type: 'datetime-local', hint: 'prices.effectiveHint' }),
      field({ name: 'promoPrice', label: 'prices.promoPrice', inputmode: 'decimal' }),
      field({ name: 'promoFrom', label: 'prices.promoFrom', type: 'datetime-local' }),
      field({ name: 'promoTo', label: 'prices.promoTo', type: 'datetime-local' }),
    ),
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('prices.set'))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    void busy(form, async () => {
      try {
        const body: Record<string, unknown> = { price: yuanToFen(v.price) };
        if (v.promoPrice) body.promoPrice = yuanToFen(v.promoPrice);
        for (const k of ['promoFrom', 'promoTo', 'effectiveAt']) if (v[k]) body[k] = localToIso(v[k]);
        const path = v.scope ? `/stores/${v.scope}/prices/${p.gtin}` : `/prices/${p.gtin}`;
        const res = await request<{ belowCost?: boolean; lastCost?: number }>(path, { method: 'PUT', body });
        clearErrors(form);
        ok.textContent = res?.belowCost ? `${t('prices.saved')} ${t('prices.belowCost', { cost: fmtFen(res.lastCost) })}` : t('prices.saved');
        ok.className = res?.belowCost ? 'alert alert-warn' : 'alert alert-success';
        ok.hidden = false;
        form.dispatchEvent(new Event('zhidian:saved'));
        await reload();
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('prices.set', form);
}

function editForm(p: Product, cats: Category[]): HTMLElement {
  const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'edit-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-3' },
      field({ name: 'name', label: 'products.name', value: p.name ?? '', required: true }),
      field({ name: 'categoryId', label: 'products.category', options: categoryOptions(cats, ''), value: p.categoryId ?? '' }),
      field({ name: 'brand', label: 'products.brand', value: p.brand ?? '' }),
      field({ name: 'unit', label: 'products.unit', value: p.unit ?? '', required: true }),
      field({ name: 'spec', label: 'products.spec', value: p.spec ?? '' }),
      field({ name: 'shelfLifeDays', label: 'products.shelfLife', value: p.shelfLifeDays == null ? '' : String(p.shelfLifeDays) }),
      field({ name: 'status', label: 'products.status', options: ['active', 'delisted'].map((s) => ({ value: s, label: label('status', s) })), value: p.status }),
    ),
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('products.save'))),
    ok,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    ok.hidden = true;
    void busy(form, async () => {
      try {
        const body: Record<string, unknown> = { name: v.name, unit: v.unit, status: v.status };
        for (const k of ['brand', 'spec', 'categoryId']) if (v[k]) body[k] = v[k];
        if (v.shelfLifeDays) body.shelfLifeDays = intOrText(v.shelfLifeDays);
        await request(`/products/${p.gtin}`, { method: 'PATCH', body });
        clearErrors(form);
        ok.textContent = t('products.saved');
        ok.hidden = false;
      } catch (err) {
        showError(form, err);
      }
    });
  });
  return section('products.edit', form);
}
