import { ApiError } from './api';
import { append, h, type Child } from './dom';
import { getLang, t, type Key } from './i18n';
import { FIELD_CODES, FIELD_FORMATS, numbersIn, PROBLEM_CODES } from './problems';

let seq = 0;

/** Field paths from the API come as "owner.email", "stores[0].name" or "/stores/0/name": one spelling here. */
export function normField(f: string): string {
  return f
    .replace(/^\/+/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

interface FieldOpts {
  name: string; // API field path, e.g. "owner.email"
  label: Key;
  type?: string;
  value?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  hint?: Key;
  options?: { value: string; label: string }[];
  attrs?: Record<string, unknown>;
}

/** A labelled input with its hint and an error slot the API's errors[] can fill. */
export function field(o: FieldOpts): HTMLElement {
  const id = `f${++seq}-${o.name.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const errId = `${id}-err`;
  const hintId = o.hint ? `${id}-hint` : undefined;
  // a date input draws in the browser's format (mm/dd/yyyy in an English browser): echo it in the page's language
  const dateId = o.type === 'date' ? `${id}-date` : undefined;
  const common = {
    id,
    name: o.name,
    'data-field': normField(o.name),
    required: o.required,
    'aria-describedby': [hintId, dateId, errId].filter(Boolean).join(' '),
    ...o.attrs,
  };
  const control = o.options
    ? h('select', common, ...o.options.map((op) => h('option', { value: op.value, selected: op.value === o.value }, op.label)))
    : h('input', {
        ...common,
        type: o.type ?? 'text',
        value: o.value ?? '',
        autocomplete: o.autocomplete,
        inputmode: o.inputmode,
      });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(o.label), o.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    o.hint ? h('p', { class: 'hint', id: hintId }, t(o.hint)) : null,
    dateId ? dateEcho(control as HTMLInputElement, dateId) : null,
    h('p', { class: 'field-error', id: errId, 'data-error-for': normField(o.name), role: 'alert', hidden: true }),
  );
}

/** The chosen date written out in the page's language ("2026年12月4日", "4 December 2026"), or the order to type it in. */
function dateEcho(input: HTMLInputElement, id: string): HTMLElement {
  const out = h('p', { class: 'hint date-echo', id, 'data-testid': 'date-echo' });
  const draw = () => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
    out.textContent = m
      ? t('date.chosen', { date: new Intl.DateTimeFormat(getLang(), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(+m[1], +m[2] - 1, +m[3])) })
      : t('date.pattern');
  };
  input.addEventListener('input', draw);
  input.addEventListener('change', draw);
  draw();
  return out;
}

export function formAlert(): HTMLElement {
  return h('div', { class: 'alert alert-error', role: 'alert', hidden: true, 'data-form-alert': '' });
}

export function clearErrors(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-error-for]').forEach((e) => {
    e.hidden = true;
    e.textContent = '';
  });
  root.querySelectorAll<HTMLElement>('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  root.querySelectorAll<HTMLElement>('[data-form-alert]').forEach((e) => {
    e.hidden = true;
    e.textContent = '';
  });
}

/** Puts each errors[] entry next to its field; the rest (title, detail, unknown fields) in the form's alert. */
export function showError(root: ParentNode, err: unknown): void {
  clearErrors(root);
  const alert = root.querySelector<HTMLElement>('[data-form-alert]');
  const unplaced: string[] = [];
  let firstInvalid: HTMLElement | null = null;
  if (err instanceof ApiError) {
    for (const fe of err.errors) {
      const name = normField(fe.field);
      const slot = fe.field ? root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`) : null;
      if (slot) {
        slot.textContent = fieldMessage(fe);
        slot.hidden = false;
        const input = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          firstInvalid ??= input;
        }
      } else {
        unplaced.push(fe.field ? `${fe.field}: ${fieldMessage(fe)}` : fieldMessage(fe));
      }
    }
  }
  if (alert) {
    const { title, detail } = describe(err);
    const placedAll = err instanceof ApiError && err.errors.length > 0 && unplaced.length === 0;
    alert.replaceChildren();
    append(alert, [
      h('strong', null, title),
      detail ? h('span', null, ' ', detail) : null,
      unplaced.length ? h('ul', null, ...unplaced.map((u) => h('li', null, u))) : null,
      placedAll ? h('span', { class: 'sr-only' }, ' ', t('err.seeFields')) : null,
      approvalLink(err),
    ]);
    alert.hidden = false;
  }
  watchFixes(root, alert);
  firstInvalid?.focus();
}

const watched = new WeakSet<ParentNode>();

/**
 * Once the user edits a field that was flagged, its message goes; when no flagged field is left, the form's
 * summary goes too (it said "check the fields", which is then done). A summary of a refusal that named no field
 * stays until the next try.
 */
function watchFixes(root: ParentNode, alert: HTMLElement | null): void {
  if (watched.has(root) || !(root instanceof Node)) return;
  watched.add(root);
  root.addEventListener('input', (e) => {
    const input = (e.target as HTMLElement | null)?.closest<HTMLElement>('[aria-invalid]');
    if (!input) return;
    input.removeAttribute('aria-invalid');
    const name = input.getAttribute('data-field');
    const slot = name ? root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`) : null;
    if (slot) {
      slot.hidden = true;
      slot.textContent = '';
    }
    const box = alert ?? root.querySelector<HTMLElement>('[data-form-alert]');
    if (box && !box.hidden && !root.querySelector('[aria-invalid]') && !box.querySelector('li')) {
      box.hidden = true;
      box.textContent = '';
    }
  });
}

/** The portal's words for a field error it knows the code of, else the server's message. */
export function fieldMessage(fe: { field?: string; message: string; code?: string }): string {
  const last = normField(fe.field ?? '').split('.').pop() ?? '';
  if (fe.code && fe.code !== 'required' && fe.code !== 'blank' && FIELD_FORMATS[last]) return t(FIELD_FORMATS[last]);
  if (fe.code && (FIELD_CODES as readonly string[]).includes(fe.code)) return t(`field.${fe.code}` as Key, numbersIn(fe.message));
  return fe.message;
}

/** Whether the server's words are in the reader's language (core's generic details are English only). */
function inReadersLanguage(text: string): boolean {
  return getLang() === 'en' || /[\u4e00-\u9fff]/.test(text);
}

export function describe(err: unknown): { title: string; detail?: string } {
  if (err instanceof ApiError) {
    if (err.status === 0) return { title: t('err.network'), detail: err.detail };
    // approvals: the portal says what happens next itself (approvalLink below), the server's instructions are for API clients
    if (err.code === 'approval.required') return { title: t('problem.approval.required') };
    if (err.code && (PROBLEM_CODES as readonly string[]).includes(err.code)) {
      // Known code: our words; the server's detail too when it carries facts in the reader's language.
      const detail = err.detail && inReadersLanguage(err.detail) ? err.detail : undefined;
      return { title: t(`problem.${err.code}` as Key), detail };
    }
    const fallback: Record<number, Key> = {
      401: 'err.401',
      403: 'err.403',
      404: 'err.404',
      409: 'err.409',
      413: 'err.413',
      422: 'err.422',
      429: 'err.429',
    };
    const title = err.title && !/^HTTP \d+$/.test(err.title) ? err.title : fallback[err.status] ? t(fallback[err.status]) : t('err.generic');
    return { title, detail: err.detail };
  }
  return { title: t('err.generic'), detail: err instanceof Error ? err.message : String(err) };
}

/** A 403 because the whole tenant is suspended (core answers it before any route runs). */
export function isSuspended(err: unknown): boolean {
  return err instanceof ApiError && err.status === 403 && (err.code === 'tenant.suspended' || /suspended|暂停/i.test(err.detail ?? ''));
}

/**
 * Says why nothing can be changed while the tenant is suspended, and disables the page's forms (the class on
 * <html> also greys out forms drawn later; main.ts clears it on every page change).
 */
export function suspendedNotice(): HTMLElement {
  document.documentElement.classList.add('tenant-suspended');
  document.querySelectorAll<HTMLElement>('#main form input, #main form select, #main form button').forEach((c) => c.setAttribute('disabled', ''));
  return h('div', { class: 'alert alert-warn', role: 'alert', 'data-testid': 'suspended' }, h('strong', null, t('suspended.title')), ' ', t('suspended.body'));
}

/** An inline error box for a failed load (not a form). */
export function errorBox(err: unknown): HTMLElement {
  if (isSuspended(err)) return suspendedNotice();
  const { title, detail } = describe(err);
  return h('div', { class: 'alert alert-error', role: 'alert' }, h('strong', null, title), detail ? ` ${detail}` : '', approvalLink(err));
}

/**
 * approvals: a staff action over the owner's rule was sent for approval (403 approval.required): say so and link to
 * "My requests", where the approved request is completed with one click. The form's alert turns from an error into a notice.
 */
function approvalLink(err: unknown): HTMLElement | null {
  if (!(err instanceof ApiError) || err.code !== 'approval.required' || typeof err.extra.approvalId !== 'string') return null;
  queueMicrotask(() => document.querySelectorAll('.alert-error').forEach((a) => {
    if (a.querySelector('[data-testid=sent-for-approval]')) a.classList.replace('alert-error', 'alert-warn');
  }));
  return h('p', { 'data-testid': 'sent-for-approval', 'data-approval': err.extra.approvalId },
    t(err.extra.approvalStatus === 'approved' ? 'approvals.alreadyApproved' : 'approvals.sentHint', { id: err.extra.approvalId }), ' ',
    h('a', { href: '#/approvals' }, t('approvals.mine')));
}

export function values(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => (out[k] = String(v).trim()));
  return out;
}

/** Disables the submit button while a request runs, so a double click cannot send twice. */
export async function busy<T>(form: HTMLFormElement, fn: () => Promise<T>): Promise<T> {
  const buttons = Array.from(form.querySelectorAll<HTMLButtonElement>('button'));
  buttons.forEach((b) => (b.disabled = true));
  form.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    form.removeAttribute('aria-busy');
  }
}

export function button(label: Key, attrs: Record<string, unknown> = {}, ...extra: Child[]): HTMLButtonElement {
  return h('button', { type: 'button', class: 'btn', ...attrs }, t(label), ...extra);
}

/** A modal confirmation on the native <dialog> (focus is trapped and Escape cancels). */
export function confirmDialog(message: string, confirmLabel: Key, danger = false): Promise<boolean> {
  return new Promise((resolve) => {
    const dlg = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'dlg-msg' },
      h('p', { id: 'dlg-msg' }, message),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'btn', value: 'cancel', onclick: () => dlg.close('cancel') }, t('common.cancel')),
        h(
          'button',
          { type: 'button', class: danger ? 'btn btn-danger' : 'btn btn-primary', value: 'ok', onclick: () => dlg.close('ok') },
          t(confirmLabel),
        ),
      ),
    );
    dlg.addEventListener('close', () => {
      resolve(dlg.returnValue === 'ok');
      dlg.remove();
    });
    document.body.appendChild(dlg);
    dlg.showModal();
  });
}
