// Shelf labels (电子价签) of a store, on the devices screen: per label its product, the price it shows and the one
// it should show, and sync (synced / pending / failed); the owner pushes a label again; staff make the labels of a
// list of products flash for picking or restocking (补货和拣货提醒) and see when a label was acknowledged.
import { request } from '../api';
import { h } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { empty, fmtTime, label, section, table } from './common';
import { fmtFen, intOrText } from './money';

export interface LabelDevice {
  deviceId: string;
  kind: string;
  name: string;
  gtin?: string | null;
  sync?: 'synced' | 'pending' | 'failed' | string;
  shownPrice?: number | null;
  wantedPrice?: number | null;
  unitPrice?: { price: number; per: string } | null;
  firmware?: string;
  battery?: number;
  flash?: { requestId: string; until: string; acknowledgedAt?: string } | null;
}

const SYNC_BADGE: Record<string, string> = { synced: 'badge-active', pending: 'badge-muted', failed: 'badge-suspended' };

/** The section, and how to redraw it from the store's device list (the devices screen fetches it once for both). */
export function labelsSection(storeId: string, isOwner: boolean, refresh: () => Promise<void>): { el: HTMLElement; update: (items: LabelDevice[]) => void } {
  const list = h('div', { 'aria-live': 'polite', 'data-testid': 'label-list' });
  const notice = h('div', { role: 'status' });
  const store = `/stores/${encodeURIComponent(storeId)}`;

  const repush = (d: LabelDevice) => {
    const b = h('button', { type: 'button', class: 'btn', 'data-testid': `repush-${d.deviceId}` }, t('labels.repush'));
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await request(`${store}/devices/${encodeURIComponent(d.deviceId)}/push`, { method: 'POST' });
        notice.replaceChildren(h('p', { class: 'alert alert-success' }, t('labels.repushed', { name: d.name })));
      } catch (err) {
        notice.replaceChildren(errorBox(err));
      }
      b.disabled = false;
      await refresh();
    });
    return b;
  };

  const update = (items: LabelDevice[]) => {
    const labels = items.filter((d) => d.kind === 'esl' && d.gtin);
    list.replaceChildren(
      labels.length
        ? table(
            ['labels.label', 'labels.product', 'labels.shown', 'labels.wanted', 'labels.unitPrice', 'labels.sync', 'labels.flashState', ...(isOwner ? (['common.actions'] as const) : [])],
            labels.map((d) => [
              h('span', null, h('span', { 'data-testid': `label-name-${d.deviceId}` }, d.name),
                d.firmware || d.battery != null
                  ? h('span', { class: 'muted small', 'data-testid': `label-health-${d.deviceId}` }, ' ' + t('labels.health', { firmware: d.firmware ?? '—', battery: d.battery != null ? String(d.battery) : '—' }))
                  : ''),
              h('code', null, shortGtin(d.gtin ?? '')),
              h('span', { 'data-testid': `label-shown-${d.deviceId}` }, fmtFen(d.shownPrice)),
              h('span', { 'data-testid': `label-wanted-${d.deviceId}` }, fmtFen(d.wantedPrice)),
              h('span', { 'data-testid': `label-unit-${d.deviceId}` }, d.unitPrice ? t('labels.unitPer', { price: fmtFen(d.unitPrice.price), per: d.unitPrice.per }) : '—'),
              h('span', null, h('span', { class: `badge ${SYNC_BADGE[d.sync ?? ''] ?? 'badge-muted'}`, 'data-testid': `label-sync-${d.deviceId}`, 'data-sync': d.sync ?? '' }, label('labels.sync', d.sync))),
              d.flash
                ? h('span', { 'data-testid': `label-flash-${d.deviceId}` }, d.flash.acknowledgedAt ? t('labels.acknowledged', { time: fmtTime(d.flash.acknowledgedAt) }) : t('labels.flashing'))
                : '—',
              ...(isOwner ? [repush(d)] : []),
            ]),
            'labels.list',
          )
        : empty('labels.empty'),
    );
  };

  const flashNotice = h('div', { role: 'status' });
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'flash-form' },
    formAlert(),
    h('div', { class: 'grid-2' },
      field({ name: 'gtins', label: 'labels.flashGtins', required: true, inputmode: 'numeric', hint: 'labels.flashHint' }),
      field({ name: 'minutes', label: 'labels.flashMinutes', value: '15', inputmode: 'numeric', attrs: { maxlength: 3 } })),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('labels.flashSubmit')),
    flashNotice,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(form, async () => {
      clearErrors(form);
      flashNotice.replaceChildren();
      const v = values(form);
      const gtins = (v.gtins ?? '').split(/[\s,，、]+/).filter(Boolean);
      try {
        const r = await request<{ deviceIds: string[]; until: string; unmatched: string[] }>(`${store}/labels/flash`, {
          body: { gtins, minutes: intOrText(v.minutes) ?? 15 },
        });
        flashNotice.replaceChildren(
          h('p', { class: 'alert alert-success' }, t('labels.flashed', { count: String(r.deviceIds.length), until: fmtTime(r.until) })),
          ...(r.unmatched.length ? [h('p', { class: 'alert alert-warn' }, t('labels.unmatched', { gtins: r.unmatched.join(', ') }))] : []),
        );
        await refresh();
      } catch (err) {
        showError(form, err);
      }
    });
  });

  const el = h('div', { class: 'stack' },
    section('labels.title', h('p', { class: 'muted small' }, t('labels.intro')), notice, list),
    section('labels.flash', form));
  return { el, update };
}

/** The API keeps GTIN-14; a label printed on a Chinese product reads 13 digits, so drop the padding zero. */
function shortGtin(g: string): string {
  return /^0\d{13}$/.test(g) ? g.slice(1) : g;
}
