// The member's parking in the H5: bound plates, the card for pay-after-exit (先离场后付费), stays, debts to pay,
// and where a car inside is parked.
import { request } from '../api';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t, type Key } from '../i18n';
import { fmtTime } from './common';
import { fmtFen } from './money';

interface Stay {
  sessionId: string;
  plate: string | null;
  status: string;
  enteredAt: string;
  exitedAt: string | null;
  zone: string | null;
  space: string | null;
  fee: number;
  paid: number;
}
interface Mine {
  plates: string[];
  maxPlates: number;
  card: { label: string } | null;
  debt: number;
  stays: Stay[];
}

export async function h5ParkingView(main: HTMLElement, bar: HTMLElement): Promise<void> {
  const body = h('div', { class: 'stack', 'data-testid': 'h5-parking' });
  main.replaceChildren(bar, h('div', { class: 'h5-body' },
    h('p', null, h('a', { href: '#/h5' }, '‹ ', t('h5c.back'))),
    h('h1', { tabindex: '-1', class: 'greeting' }, t('h5p.title')), body));
  const draw = async () => {
    let m: Mine;
    try {
      m = await request<Mine>('/me/parking', { scope: 'h5' });
    } catch (err) {
      body.replaceChildren(errorBox(err));
      return;
    }
    const inside = m.stays.filter((s) => s.status === 'parked' || s.status === 'exiting');
    const debts = m.stays.filter((s) => s.status === 'debt');
    const plateForm = h('form', { novalidate: true, class: 'stack', 'data-testid': 'plate-form' }, formAlert(),
      field({ name: 'plate', label: 'h5p.plate', hint: 'h5p.plateHint', required: true }),
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('h5p.bind')));
    plateForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(plateForm);
      await busy(plateForm as HTMLFormElement, async () => {
        try {
          await request('/me/parking/plates', { method: 'POST', scope: 'h5', body: { plate: values(plateForm as HTMLFormElement).plate }, idempotencyKey: uuid() });
          await draw();
        } catch (err) {
          showError(plateForm, err);
        }
      });
    });
    const cardForm = h('form', { novalidate: true, class: 'stack', 'data-testid': 'card-form' }, formAlert(),
      field({ name: 'paymentMethod', label: 'h5p.pm', hint: 'h5p.pmHint', required: true, value: 'pm_card_visa' }),
      h('button', { type: 'submit', class: 'btn' }, t(m.card ? 'h5p.changeCard' : 'h5p.saveCard')));
    cardForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(cardForm);
      await busy(cardForm as HTMLFormElement, async () => {
        try {
          await request('/me/parking/card', { method: 'PUT', scope: 'h5', body: { paymentMethod: values(cardForm as HTMLFormElement).paymentMethod } });
          await draw();
        } catch (err) {
          showError(cardForm, err);
        }
      });
    });
    body.replaceChildren(
      ...inside.map((s) => h('p', { class: 'alert alert-info', 'data-testid': 'car-inside' }, s.space
        ? t('h5p.inside', { plate: s.plate ?? '', zone: s.zone ?? '—', space: s.space })
        : t('h5p.insideZone', { plate: s.plate ?? '', zone: s.zone ?? '—' }))),
      ...debts.map((s) => {
        const notice = h('div', { role: 'status' });
        const pay = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'pay-debt' }, t('h5p.payDebt'));
        pay.addEventListener('click', async () => {
          pay.disabled = true;
          try {
            await request(`/me/parking/debts/${encodeURIComponent(s.sessionId)}/payment`, { method: 'POST', scope: 'h5', idempotencyKey: uuid() });
            await draw();
          } catch (err) {
            notice.replaceChildren(errorBox(err));
            pay.disabled = false;
          }
        });
        return h('section', { class: 'card', 'data-testid': 'debt' }, h('p', { class: 'alert alert-warn' }, `${s.plate ?? ''} · ${t('h5p.debt', { amount: fmtFen(s.fee - s.paid) })}`), notice, pay);
      }),
      h('section', { class: 'card', 'data-testid': 'my-plates' }, h('h2', null, t('h5p.plates')),
        m.plates.length ? h('ul', { class: 'parking-list' }, ...m.plates.map((p) => {
          const un = h('button', { type: 'button', class: 'btn btn-small' }, t('h5p.unbind'));
          un.addEventListener('click', async () => {
            un.disabled = true;
            await request(`/me/parking/plates?plate=${encodeURIComponent(p)}`, { method: 'DELETE', scope: 'h5' }).catch(() => undefined);
            await draw();
          });
          return h('li', { class: 'parking-row' }, h('strong', { class: 'plate' }, p), un);
        })) : h('p', { class: 'muted' }, t('h5p.noPlates')),
        m.plates.length < m.maxPlates ? plateForm : null),
      h('section', { class: 'card', 'data-testid': 'my-card' }, h('h2', null, t('h5p.card')),
        h('p', { class: m.card ? 'alert alert-success' : 'muted' }, m.card ? t('h5p.cardSaved', { label: m.card.label }) : t('h5p.noCard')), cardForm),
      h('section', { class: 'card' }, h('h2', null, t('h5p.stays')),
        m.stays.length
          ? h('ul', { class: 'parking-list', 'data-testid': 'my-stays' }, ...m.stays.map((s) => h('li', { class: 'parking-row' },
            h('span', null, h('strong', { class: 'plate' }, s.plate ?? '—'), h('br'),
              h('span', { class: 'muted small' }, `${fmtTime(s.enteredAt)}${s.exitedAt ? ` – ${fmtTime(s.exitedAt)}` : ''}`)),
            h('span', { class: 'right' }, t(`parking.status.${s.status}` as Key), h('br'),
              h('strong', null, s.status === 'parked' ? '' : fmtFen(s.status === 'debt' ? s.fee - s.paid : s.paid))))))
          : h('p', { class: 'empty', 'data-testid': 'my-stays' }, t('h5p.noStays'))),
    );
  };
  await draw();
}
