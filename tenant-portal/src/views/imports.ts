import { request } from '../api';
import { h, uuid, type Child } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { getLang, t, type Key } from '../i18n';
import { go } from '../router';
import { empty, fmtNum, fmtTime, label, loading, pageHead, section, table } from './common';

interface Words {
  en: string;
  'zh-CN': string;
}
interface RowIssue {
  row: number;
  column: string | null;
  code: string;
  value: string | null;
  facts?: Record<string, string>;
  words?: Words;
}
interface Import {
  importId: string;
  kind: 'products' | 'prices';
  fileName: string;
  size: number;
  state: 'awaiting_upload' | 'running' | 'done' | 'failed';
  encoding?: string | null;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  failure?: { code: string; facts?: Record<string, string>; words?: Words } | null;
  createdAt?: string;
  finishedAt?: string | null;
  upload?: { url: string; method: string; expiresAt: string };
  report?: { items: RowIssue[]; nextCursor: string | null };
}

const TEMPLATES: Record<string, string> = {
  products: '条码,品名,品牌,分类,单位,规格,保质期,状态\r\n',
  prices: '条码,门店,售价,促销价,促销开始,促销结束\r\n',
};

/** The portal's words for a row code (with its facts), else the server's words in the reader's language. */
function reason(i: { code: string; facts?: Record<string, string>; words?: Words }, prefix: 'importRow' | 'problem'): string {
  const key = `${prefix}.${i.code}` as Key;
  const mine = t(key, i.facts ?? {});
  if (mine !== key) return mine;
  return i.words?.[getLang()] ?? i.code;
}

/** PUTs the file to the presigned URL, reporting progress; resolves with the storage's status. */
function upload(url: string, file: File, onProgress: (pct: number) => void): Promise<number> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => resolve(0);
    xhr.send(file);
  });
}

export async function importsView(main: HTMLElement, importId?: string): Promise<void> {
  if (importId) return importView(main, importId);
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', hidden: true });
  const bar = h('progress', { max: 100, value: 0, hidden: true, 'data-testid': 'upload-progress' });
  const columns = h('p', { class: 'hint', 'data-testid': 'import-columns' }, t('imports.columns.products'));
  const templateLink = h('a', { href: '#', class: 'small' }, t('imports.template'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'import-form' },
    formAlert(),
    h(
      'div',
      { class: 'grid-2' },
      field({
        name: 'kind',
        label: 'imports.kind',
        required: true,
        options: [
          { value: 'products', label: t('imports.kind.products') },
          { value: 'prices', label: t('imports.kind.prices') },
        ],
        value: 'products',
      }),
      field({ name: 'file', label: 'imports.file', type: 'file', required: true, hint: 'imports.fileHint', attrs: { accept: '.csv,text/csv' } }),
    ),
    columns,
    h('p', null, templateLink),
    h('p', { class: 'hint' }, t('imports.same')),
    h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('imports.start'))),
    bar,
    status,
  );
  const kindSelect = form.querySelector<HTMLSelectElement>('select[name=kind]')!;
  kindSelect.addEventListener('change', () => (columns.textContent = t(`imports.columns.${kindSelect.value}` as Key)));
  templateLink.addEventListener('click', (e) => {
    e.preventDefault();
    // with a BOM, so that Excel opens the Chinese header as UTF-8
    const blob = new Blob(['\ufeff' + TEMPLATES[kindSelect.value]], { type: 'text/csv;charset=utf-8' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `${kindSelect.value}-template.csv` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    const file = form.querySelector<HTMLInputElement>('input[name=file]')!.files?.[0];
    clearErrors(form);
    if (!file) {
      const err = form.querySelector<HTMLElement>('[data-error-for=file]')!;
      err.textContent = t('imports.noFile');
      err.hidden = false;
      return;
    }
    void busy(form, async () => {
      try {
        const imp = await request<Import>('/catalog/imports', { body: { kind: v.kind, fileName: file.name, size: file.size }, idempotencyKey: uuid() });
        bar.hidden = false;
        status.hidden = false;
        const code = await upload(imp.upload!.url, file, (pct) => {
          bar.value = pct;
          status.textContent = t('imports.uploading', { pct });
        });
        if (code < 200 || code > 299) {
          status.textContent = t('imports.uploadFailed', { status: code });
          return;
        }
        go(`#/imports/${imp.importId}`);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  main.replaceChildren(pageHead('imports.title'), section('imports.new', form));
}

async function importView(main: HTMLElement, importId: string): Promise<void> {
  const head = pageHead('imports.title', h('a', { class: 'btn btn-ghost', href: '#/imports' }, t('imports.another')));
  const summary = h('div', { 'aria-live': 'polite' }, loading());
  const report = h('div', null);
  main.replaceChildren(head, h('section', { class: 'card', 'data-testid': 'import-summary' }, summary), section('imports.report', report));
  const rows: Child[][] = [];
  let cursor: string | null = null;
  let imp: Import;
  // follows the run until it ends; the page may be left meanwhile (the loop stops when its element is gone)
  for (;;) {
    try {
      imp = await request<Import>(`/catalog/imports/${encodeURIComponent(importId)}`, { query: { limit: 100 } });
    } catch (err) {
      summary.replaceChildren(errorBox(err));
      return;
    }
    summary.replaceChildren(summaryOf(imp));
    if (imp.state === 'done' || imp.state === 'failed' || !summary.isConnected) break;
    await new Promise((r) => setTimeout(r, 700));
  }
  if (!summary.isConnected) return;
  const show = (page: { items: RowIssue[]; nextCursor: string | null }) => {
    for (const i of page.items) {
      rows.push([
        h('strong', { 'data-testid': 'report-row' }, String(i.row)),
        i.column ? h('code', null, i.column) : '—',
        i.value ? h('code', { class: 'small' }, i.value) : '—',
        h('span', { 'data-code': i.code }, reason(i, 'importRow')),
      ]);
    }
    cursor = page.nextCursor;
    report.replaceChildren(rows.length ? table(['imports.row', 'imports.column', 'imports.value', 'imports.reason'], rows, 'imports.report') : empty('imports.noRefused'));
    if (cursor) {
      report.append(
        h('button', {
          type: 'button',
          class: 'btn',
          onclick: async () => {
            try {
              const next = await request<Import>(`/catalog/imports/${encodeURIComponent(importId)}`, { query: { limit: 100, cursor } });
              show(next.report ?? { items: [], nextCursor: null });
            } catch (err) {
              report.append(errorBox(err));
            }
          },
        }, t('common.more')),
      );
    }
  };
  show(imp.report ?? { items: [], nextCursor: null });
}

function summaryOf(imp: Import): HTMLElement {
  const pct = imp.total ? Math.round((imp.processed / imp.total) * 100) : imp.state === 'done' ? 100 : 0;
  const stateClass = imp.state === 'done' ? 'badge badge-active' : imp.state === 'failed' ? 'badge badge-suspended' : 'badge badge-warn';
  const count = (k: Key, n: number, id: string) => h('div', { class: 'stat' }, h('span', { class: 'muted' }, t(k)), ' ', h('strong', { 'data-testid': id }, fmtNum(n)));
  return h(
    'div',
    { class: 'stack' },
    h('h2', null, imp.fileName, ' ', h('span', { class: stateClass, 'data-testid': 'import-state', 'data-state': imp.state }, label('imports.state', imp.state))),
    h('p', { class: 'muted' }, label('imports.kind', imp.kind), ' · ', fmtTime(imp.createdAt), imp.encoding ? ` · ${t('imports.encoding')} ${imp.encoding}` : ''),
    h('progress', { max: 100, value: pct, 'data-testid': 'import-progress', 'aria-label': t('imports.progress', { processed: imp.processed, total: imp.total }) }),
    h('p', null, t('imports.progress', { processed: fmtNum(imp.processed), total: fmtNum(imp.total) })),
    h(
      'div',
      { class: 'stats' },
      count('imports.created', imp.created, 'count-created'),
      count('imports.updated', imp.updated, 'count-updated'),
      count('imports.unchanged', imp.unchanged, 'count-unchanged'),
      count('imports.refused', imp.refused, 'count-refused'),
    ),
    imp.failure ? h('p', { class: 'alert alert-error', role: 'alert', 'data-testid': 'import-failure' }, t('imports.failed'), reason(imp.failure, 'problem')) : null,
  );
}
