// The car park's public page (no sign-in), from the QR at the exit or on a pillar: what a plate owes and paying it
// (the barrier opens), and find my car (扫码找车). The QR carries the car park's signed token.
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, field, formAlert, showError, values } from '../forms';
import { langSwitch, t } from '../i18n';
import { fmtTime } from './common';
import { largeTextToggle } from './large-text';
import { fmtFen } from './money';

interface Quote {
  plate: string;
  enteredAt: string;
  status: string;
  fee: number;
  paid: number;
  due: number;
  freeMinutes: number;
}

export function parkView(main: HTMLElement, storeId: string, token: string | null): void {
  const base = `/parking/${encodeURIComponent(storeId)}`;
  const q = (plate: string) => `?plate=${encodeURIComponent(plate)}&t=${encodeURIComponent(token ?? '')}`;
  const result = h('div', { 'aria-live': 'polite', 'data-testid': 'park-result' });
  const payForm = h('form', { novalidate: true, class: 'stack', 'data-testid': 'park-form' }, formAlert(),
    field({ name: 'plate', label: 'h5p.plate', hint: 'h5p.plateHint', required: true }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('park.query')));
  payForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(payForm);
    result.replaceChildren();
    const plate = values(payForm as HTMLFormElement).plate ?? '';
    await busy(payForm as HTMLFormElement, async () => {
      try {
        const quote = await request<Quote>(`${base}/quote${q(plate)}`, { scope: null });
        result.replaceChildren(quoteCard(quote, plate));
      } catch (err) {
        showError(payForm, err);
      }
    });
  });
  const quoteCard = (quote: Quote, plate: string): HTMLElement => {
    const card = h('section', { class: 'card', 'data-testid': 'park-quote' },
      h('p', null, h('strong', { class: 'plate' }, quote.plate)),
      h('p', { class: 'muted small' }, quote.freeMinutes > 0 ? t('park.entered', { at: fmtTime(quote.enteredAt), minutes: quote.freeMinutes })
        : t('park.enteredAt', { at: fmtTime(quote.enteredAt) })),
      h('p', { class: 'big-amount', 'data-testid': 'park-due' }, t('park.due', { amount: fmtFen(quote.due) })));
    if (quote.due > 0) {
      const form = h('form', { novalidate: true, class: 'stack' }, formAlert(),
        field({ name: 'paymentMethod', label: 'h5p.pm', hint: 'h5p.pmHint', required: true, value: 'pm_card_visa' }),
        h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'park-pay' }, t('park.pay')));
      const key = uuid();
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        clearErrors(form);
        await busy(form as HTMLFormElement, async () => {
          try {
            const paid = await request<Quote>(`${base}/payments?t=${encodeURIComponent(token ?? '')}`, { method: 'POST', scope: null, idempotencyKey: key,
              body: { plate, paymentMethod: values(form as HTMLFormElement).paymentMethod } });
            card.replaceChildren(h('p', { class: 'alert alert-success', role: 'status', 'data-testid': 'park-paid' }, t('park.paid', { amount: fmtFen(paid.paid) })));
          } catch (err) {
            showError(form, err);
          }
        });
      });
      card.append(form);
    } else if (quote.paid > 0) {
      card.append(h('p', { class: 'alert alert-success', 'data-testid': 'park-paid' }, t('park.paid', { amount: fmtFen(quote.paid) })));
    }
    return card;
  };
  const found = h('div', { 'aria-live': 'polite', 'data-testid': 'find-result' });
  const findForm = h('form', { novalidate: true, class: 'stack', 'data-testid': 'find-form' }, formAlert(),
    field({ name: 'plate', label: 'h5p.plate', required: true }),
    h('button', { type: 'submit', class: 'btn' }, t('park.findSubmit')));
  findForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(findForm);
    found.replaceChildren();
    await busy(findForm as HTMLFormElement, async () => {
      try {
        const car = await request<{ zone: string | null; space: string | null }>(`${base}/car${q(values(findForm as HTMLFormElement).plate ?? '')}`, { scope: null });
        found.replaceChildren(h('p', { class: 'alert alert-info', 'data-testid': 'car-found' },
          car.space ? t('park.at', { zone: car.zone ?? '—', space: car.space }) : t('park.unknownSpace', { zone: car.zone ?? '—' })));
      } catch (err) {
        showError(findForm, err);
      }
    });
  });
  main.replaceChildren(
    h('div', { class: 'actions' }, largeTextToggle(), langSwitch(true)),
    h('section', { class: 'card stack', 'data-testid': 'park-pay-card' },
      h('h1', { tabindex: '-1' }, t('park.title')),
      h('p', { class: 'muted' }, t('park.intro')),
      payForm, result),
    h('section', { class: 'card stack', 'data-testid': 'park-find-card' },
      h('h2', null, t('park.find')),
      h('p', { class: 'muted' }, t('park.findIntro')),
      findForm, found),
  );
}
