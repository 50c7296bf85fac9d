// "Delete my account" in the H5 (DELETE /me, PIPL Art. 47): the consequences in plain words before the
// customer confirms, because the erasure cannot be undone.
import { request } from '../api';
import { h } from '../dom';
import { confirmDialog, errorBox } from '../forms';
import { t } from '../i18n';

export function deleteAccount(onDone: () => void): HTMLElement {
  const msg = h('div', { 'aria-live': 'polite' });
  const btn = h('button', { type: 'button', class: 'btn btn-danger-outline', 'data-testid': 'delete-me' }, t('h5.delete'));
  btn.addEventListener('click', async () => {
    if (!(await confirmDialog(t('h5.deleteConfirm'), 'h5.deleteSubmit', true))) return;
    btn.disabled = true;
    try {
      await request('/me', { method: 'DELETE', scope: 'h5' });
      onDone();
    } catch (e) {
      btn.disabled = false;
      msg.replaceChildren(errorBox(e));
    }
  });
  return h(
    'div',
    { class: 'stack delete-me' },
    h('h3', null, t('h5.delete')),
    h('ul', { class: 'small' }, h('li', null, t('h5.deleteGone')), h('li', null, t('h5.deletePoints')), h('li', null, t('h5.deleteKept'))),
    h('div', null, btn),
    msg,
  );
}
