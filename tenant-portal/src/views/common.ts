import { h, type Child } from '../dom';
import { getLang, t, type Key } from '../i18n';

export function pageHead(title: Key | string, ...actions: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page-head' },
    h('h1', { tabindex: '-1' }, title.includes('.') && !title.includes(' ') ? t(title as Key) : title),
    actions.length ? h('div', { class: 'actions' }, ...actions) : null,
  );
}

export function section(title: Key, ...children: Child[]): HTMLElement {
  const id = `s-${title.replace(/\W/g, '-')}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, t(title)), ...children);
}

/** The page's shape while its data comes: grey lines where the text will be (the words are for screen readers). */
export function loading(lines = 3): HTMLElement {
  const widths = [92, 74, 84, 58];
  return h(
    'div',
    { class: 'skeleton', role: 'status', 'aria-busy': 'true' },
    h('span', { class: 'sr-only' }, t('common.loading')),
    ...Array.from({ length: lines }, (_, i) => h('span', { class: 'skeleton-line', 'aria-hidden': 'true', style: `width: ${widths[i % widths.length]}%` })),
  );
}

export function empty(key: Key): HTMLElement {
  return h('p', { class: 'empty' }, t(key));
}

export function fmtTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '—';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return d.toLocaleString(getLang() === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function fmtNum(n: unknown): string {
  return typeof n === 'number' ? n.toLocaleString(getLang() === 'en' ? 'en-US' : 'zh-CN') : n == null ? '—' : String(n);
}

/** "8045769527673248" → "8045 7695 2767 3248", easier to read out at a counter. */
export function fmtCardNo(no: unknown): string {
  if (typeof no !== 'string' || !no) return '—';
  return /^\d{8,}$/.test(no) ? no.replace(/(\d{4})(?=\d)/g, '$1 ') : no;
}

export function signed(n: unknown): string {
  return typeof n === 'number' ? (n > 0 ? `+${fmtNum(n)}` : fmtNum(n)) : String(n ?? '—');
}

/** Translate an enum value if the dictionary knows it ("plan.basic"), else show it as sent. */
export function label(prefix: string, value: unknown): string {
  if (value == null || value === '') return '—';
  const key = `${prefix}.${String(value)}` as Key;
  const s = t(key);
  return s === key ? String(value) : s;
}

export function table(headers: Key[], rows: Child[][], caption?: Key): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0' },
    h(
      'table',
      null,
      caption ? h('caption', { class: 'sr-only' }, t(caption)) : null,
      h('thead', null, h('tr', null, ...headers.map((k) => h('th', { scope: 'col' }, t(k))))),
      // data-label: on a phone each row becomes a card and every cell names its column (style.css).
      h('tbody', null, ...rows.map((r) => h('tr', null, ...r.map((c, i) => h('td', { 'data-label': headers[i] ? t(headers[i]) : undefined }, c))))),
    ),
  );
}

/** A one-time secret (temporary password) shown large, with copy, and a warning that it is not kept. */
export function secretPanel(titleKey: Key, username: string, secret: string, onDone: () => void): HTMLElement {
  const code = h('code', { class: 'secret', 'data-testid': 'temporary-password' }, secret);
  const copied = h('span', { class: 'muted', role: 'status' });
  return h(
    'section',
    { class: 'card secret-card', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title', tabindex: '-1' }, t(titleKey)),
    h('p', null, t('secret.intro')),
    h('dl', { class: 'kv' }, h('dt', null, t('secret.username')), h('dd', null, h('code', null, username)), h('dt', null, t('secret.password')), h('dd', null, code)),
    h('p', { class: 'alert alert-warn' }, t('secret.once')),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          onclick: async () => {
            try {
              await navigator.clipboard.writeText(secret);
              copied.textContent = t('secret.copied');
            } catch {
              const r = document.createRange();
              r.selectNodeContents(code);
              getSelection()?.removeAllRanges();
              getSelection()?.addRange(r);
              copied.textContent = t('secret.selected');
            }
          },
        },
        t('secret.copy'),
      ),
      h('button', { type: 'button', class: 'btn btn-primary', onclick: onDone }, t('secret.done')),
      copied,
    ),
  );
}
