// The public page behind an SMS's one-tap unsubscribe link (no sign-in): the signed token withdraws marketing messages
// for the member it names, the page says what was withdrawn (in the language chosen here: zh-CN first, or English),
// and offers an undo for five minutes. Large text and the language switch as on the other public pages.
import { request } from '../api';
import { h } from '../dom';
import { errorBox } from '../forms';
import { langSwitch, t } from '../i18n';
import { fmtTime } from './common';
import { largeTextToggle } from './large-text';

interface Withdrawn { purpose: string; granted: boolean; withdrawnAt: string; undoUntil: string }

export async function unsubscribeView(main: HTMLElement, token: string | null): Promise<void> {
  const card = h('section', { class: 'card stack', 'data-testid': 'unsubscribe-card', 'aria-live': 'polite' },
    h('h1', { tabindex: '-1' }, t('unsub.title')), h('p', { class: 'muted' }, t('unsub.working')));
  main.replaceChildren(h('div', { class: 'actions' }, largeTextToggle(), langSwitch(true)), card);
  if (!token) {
    card.replaceChildren(h('h1', { tabindex: '-1' }, t('unsub.title')), h('p', { class: 'alert alert-error', role: 'alert' }, t('unsub.noToken')));
    return;
  }
  let w: Withdrawn;
  try {
    w = await request<Withdrawn>('/unsubscribe', { body: { token }, scope: null });
  } catch (err) {
    card.replaceChildren(h('h1', { tabindex: '-1' }, t('unsub.title')), errorBox(err));
    return;
  }
  const status = h('div', { 'aria-live': 'polite' });
  const undo = h('button', { type: 'button', class: 'btn btn-ghost btn-large', 'data-testid': 'unsubscribe-undo' }, t('unsub.undo'));
  undo.addEventListener('click', async () => {
    undo.setAttribute('disabled', '');
    try {
      await request('/unsubscribe/undo', { body: { token }, scope: null });
      undo.remove();
      status.replaceChildren(h('p', { class: 'alert alert-success', 'data-testid': 'unsubscribe-undone' }, t('unsub.undone')));
    } catch (err) {
      undo.removeAttribute('disabled');
      status.replaceChildren(errorBox(err));
    }
  });
  const canUndo = Date.parse(w.undoUntil) > Date.now();
  const parts: Node[] = [
    h('h1', { tabindex: '-1' }, t('unsub.title')),
    h('p', { class: 'alert alert-success', 'data-testid': 'unsubscribe-done' }, t('unsub.done')),
    h('p', null, t('unsub.what')),
    h('p', { class: 'muted' }, t('unsub.when', { at: fmtTime(w.withdrawnAt) })),
    h('p', { class: 'muted' }, t('unsub.history')),
  ];
  if (canUndo) parts.push(h('p', { class: 'muted' }, t('unsub.undoHint', { until: fmtTime(w.undoUntil) })), undo);
  parts.push(status);
  card.replaceChildren(...parts);
}
