// The owner's order setting on the settings page: minutes an unpaid order waits before it is cancelled (5 to 120).
import { request } from '../api';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';

interface OrderSettings { payMinutes: number; minPayMinutes: number; maxPayMinutes: number }

export function orderSettingsCard(): HTMLElement {
  const card = h('section', { class: 'card', 'aria-labelledby': 's-ordset', 'data-testid': 'order-settings' }, h('h2', { id: 's-ordset' }, t('ordset.title')));
  void (async () => {
    let s: OrderSettings;
    try {
      s = await request<OrderSettings>('/orders-settings');
    } catch (err) {
      card.append(errorBox(err));
      return;
    }
    const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true, 'data-testid': 'order-settings-saved' }, t('ordset.saved'));
    const form = h('form', { class: 'stack', novalidate: true }, formAlert(),
      field({ name: 'payMinutes', label: 'ordset.payMinutes', type: 'number', inputmode: 'numeric', required: true, value: String(s.payMinutes),
        hint: 'ordset.hint', attrs: { min: s.minPayMinutes, max: s.maxPayMinutes, step: 1 } }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('ordset.save'))), ok);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      ok.hidden = true;
      const v = values(form);
      void busy(form, async () => {
        try {
          await request('/orders-settings', { method: 'PUT', body: { payMinutes: /^\d+$/.test(v.payMinutes) ? Number(v.payMinutes) : v.payMinutes } });
          clearErrors(form);
          ok.hidden = false;
        } catch (err) {
          showError(form, err);
        }
      });
    });
    card.append(form);
  })();
  return card;
}
