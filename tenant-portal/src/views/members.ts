import QRCode from 'qrcode';
import { ApiError, asPage, request } from '../api';
import { role } from '../auth';
import { h, uuid } from '../dom';
import { busy, clearErrors, errorBox, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';
import { empty, fmtCardNo, fmtNum, fmtTime, label, loading, pageHead, section, signed, table } from './common';
import { fetchStores, type Store } from './stores';
import { memberCouponsSection } from './coupons';
import { enrolForm, memberEdit, memberList } from './members-desk';

export interface Member {
  memberId: string;
  cardNo?: string;
  phone?: string;
  name?: string;
  birthday?: string;
  /** Staff see the phone masked and no birthday; POST /members/{id}/reveal (audited) shows them. */
  masked?: boolean;
  storeId?: string;
  status?: string;
  createdAt?: string;
  qrPayload?: string;
  consents?: { purpose?: string; granted?: boolean; at?: string; channel?: string }[] | Record<string, unknown>;
}
export interface Points {
  balance?: number;
  pending?: number;
  lifetimeEarned?: number;
  expiringSoon?: number | { points?: number; at?: string; before?: string };
  expiringSoonDays?: number;
  nextExpiryAt?: string;
}
export interface LedgerEntry {
  delta?: number;
  pendingDelta?: number;
  reason?: string;
  orderId?: string;
  storeId?: string;
  at?: string;
  kind?: string;
  type?: string;
  balanceAfter?: number;
}
interface ConsentEvent {
  purpose?: string;
  granted?: boolean;
  at?: string;
  channel?: string;
  textVersion?: string;
  version?: string;
}

function asMembers(body: unknown): Member[] {
  if (body && typeof body === 'object' && 'memberId' in (body as object)) return [body as Member];
  return asPage<Member>(body).items;
}

export async function membersView(main: HTMLElement, route: Route): Promise<void> {
  const phone = route.query.get('phone') ?? '';
  const results = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'search-row', novalidate: true, role: 'search' },
    formAlert(),
    field({ name: 'phone', label: 'members.phone', type: 'tel', inputmode: 'tel', value: phone, required: true, autocomplete: 'off', hint: 'members.phoneHint' }),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('members.search')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    go(`#/members?phone=${encodeURIComponent(v.phone)}`);
  });
  main.replaceChildren(pageHead('members.title'), h('section', { class: 'card' }, form, results));
  if (!phone) {
    main.append(enrolForm(), memberList());
    form.querySelector<HTMLInputElement>('input')?.focus();
    return;
  }
  results.replaceChildren(loading());
  try {
    const found = asMembers(await request('/members', { query: { phone } }));
    results.replaceChildren(
      found.length
        ? h(
            'ul',
            { class: 'result-list' },
            ...found.map((m) =>
              h(
                'li',
                null,
                h(
                  'a',
                  { href: `#/members/${encodeURIComponent(m.memberId)}`, class: 'result' },
                  h('strong', null, m.name || t('members.noName')),
                  h('span', null, m.phone ?? phone),
                  h('span', { class: 'muted' }, t('members.cardNo'), ' ', fmtCardNo(m.cardNo)),
                ),
              ),
            ),
          )
        : empty('members.none'),
    );
  } catch (err) {
    if ((err as { status?: number }).status === 404) results.replaceChildren(empty('members.none'));
    else {
      results.replaceChildren();
      showError(form, err);
    }
  }
}

export async function memberView(main: HTMLElement, memberId: string): Promise<void> {
  const base = `/members/${encodeURIComponent(memberId)}`;
  const isOwner = role('portal') === 'owner';
  main.replaceChildren(pageHead('member.title'), loading());

  const [mR, pR, lR, cR, sR] = await Promise.allSettled([
    request<Member>(base),
    request<Points>(`${base}/points`),
    request(`${base}/points/ledger`, { query: { limit: 50 } }),
    isOwner ? request(`${base}/consents/history`, { query: { limit: 50 } }) : Promise.resolve(null),
    fetchStores(),
  ]);
  if (mR.status === 'rejected') {
    main.replaceChildren(pageHead('member.title'), errorBox(mR.reason), h('p', null, h('a', { href: '#/members' }, t('member.back'))));
    return;
  }
  const m = mR.value;
  const stores: Store[] = sR.status === 'fulfilled' ? sR.value : [];
  const storeName = (id?: string) => (id ? stores.find((s) => s.storeId === id)?.name ?? id : '—');

  const pointsBox = h('div');
  const ledgerBox = h('div');
  const drawPoints = (p: PromiseSettledResult<Points>) => {
    pointsBox.replaceChildren(p.status === 'fulfilled' ? pointTiles(p.value) : errorBox(p.reason));
  };
  const drawLedger = (l: PromiseSettledResult<unknown>) => {
    ledgerBox.replaceChildren(l.status === 'fulfilled' ? ledgerTable(asPage<LedgerEntry>(l.value).items, storeName) : errorBox(l.reason));
  };
  drawPoints(pR);
  drawLedger(lR);

  const qr = h('div', { class: 'qr-small' });
  if (m.qrPayload) {
    QRCode.toDataURL(m.qrPayload, { margin: 1, width: 160 })
      .then((url) => qr.replaceChildren(h('img', { src: url, width: 160, height: 160, alt: t('card.qrAlt', { no: m.cardNo ?? '' }) })))
      .catch(() => {});
  }

  const profile = h(
    'section',
    { class: 'card member-card', 'aria-labelledby': 'mc-title' },
    h(
      'div',
      { class: 'member-card-main' },
      h('h2', { id: 'mc-title' }, m.name || t('members.noName')),
      h(
        'dl',
        { class: 'kv' },
        h('dt', null, t('members.cardNo')),
        h('dd', null, h('code', { 'data-testid': 'card-no' }, fmtCardNo(m.cardNo))),
        h('dt', null, t('members.phone')),
        h('dd', null, m.phone ?? '—', m.masked ? revealButton(m) : null),
        m.birthday ? [h('dt', null, t('member.birthday')), h('dd', null, m.birthday)] : null,
        h('dt', null, t('member.homeStore')),
        h('dd', null, storeName(m.storeId)),
        h('dt', null, t('member.joined')),
        h('dd', null, fmtTime(m.createdAt)),
        m.status ? [h('dt', null, t('tenants.status')), h('dd', null, label('status', m.status))] : null,
        Array.isArray(m.consents) && m.consents.length
          ? [
              h('dt', null, t('member.consentsNow')),
              h(
                'dd',
                { class: 'consent-badges' },
                ...m.consents.map((c) =>
                  h(
                    'span',
                    { class: c.granted ? 'badge badge-active' : 'badge badge-muted' },
                    label('purpose', String(c.purpose ?? '').toLowerCase()),
                    '：',
                    t(c.granted ? 'consent.granted' : 'consent.notGranted'),
                  ),
                ),
              ),
            ]
          : null,
      ),
    ),
    qr,
  );

  const sections: HTMLElement[] = [profile, section('member.points', pointsBox)];

  if (isOwner) {
    let key = uuid();
    let keyBody = '';
    const ok = h('p', { class: 'alert alert-success', role: 'status', hidden: true });
    // a large adjustment is asked about once more (the tenant's threshold): the same request, confirmed
    let confirmed = false;
    const confirmBtn = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'adjust-confirm' }, t('adjust.confirm'));
    const confirmText = h('p', { 'data-testid': 'adjust-confirm-text' });
    const confirmBox = h('div', { class: 'alert alert-warn stack', role: 'alertdialog', 'aria-label': t('adjust.confirm'), hidden: true }, confirmText, confirmBtn);
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      formAlert(),
      h(
        'div',
        { class: 'grid-2' },
        field({ name: 'delta', label: 'adjust.delta', type: 'number', required: true, hint: 'adjust.deltaHint', inputmode: 'numeric', attrs: { step: 1 } }),
        field({ name: 'reason', label: 'adjust.reason', required: true, hint: 'adjust.reasonHint', attrs: { maxlength: 200 } }),
      ),
      h('div', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('adjust.submit'))),
      confirmBox,
      ok,
    );
    confirmBtn.addEventListener('click', () => {
      confirmed = true;
      confirmBox.hidden = true;
      form.requestSubmit();
    });
    form.addEventListener('input', () => {
      confirmed = false;
      confirmBox.hidden = true;
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = values(form);
      ok.hidden = true;
      const delta = Number(v.delta);
      const bodyObj: Record<string, unknown> = { delta: v.delta === '' || !Number.isInteger(delta) ? v.delta : delta, reason: v.reason };
      if (confirmed) bodyObj.confirmed = true;
      const bodyJson = JSON.stringify(bodyObj);
      if (keyBody && keyBody !== bodyJson) key = uuid();
      keyBody = bodyJson;
      void busy(form, async () => {
        try {
          await request(`${base}/points/adjust`, { body: bodyObj, idempotencyKey: key });
          key = uuid(); // done: the next adjustment is a new one
          keyBody = '';
          form.reset();
          clearErrors(form);
          ok.textContent = t('adjust.done', { delta: signed(delta) });
          ok.hidden = false;
          confirmed = false;
          const [p2, l2] = await Promise.allSettled([request<Points>(`${base}/points`), request(`${base}/points/ledger`, { query: { limit: 50 } })]);
          drawPoints(p2);
          drawLedger(l2);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'points.adjust_unconfirmed') {
            clearErrors(form);
            confirmText.textContent = t('adjust.confirmText', { delta: signed(delta) });
            confirmBox.hidden = false;
            confirmBtn.focus();
            return;
          }
          showError(form, err);
        }
      });
    });
    sections.push(section('adjust.title', form));
  }

  sections.push(section('member.ledger', ledgerBox));
  sections.push(memberCouponsSection(memberId, storeName));
  if (isOwner && cR.status === 'fulfilled') {
    const events = asPage<ConsentEvent>(cR.value).items;
    sections.push(
      section(
        'member.consents',
        events.length
          ? table(
              ['consent.when', 'consent.purpose', 'consent.change', 'consent.channel', 'consent.version'],
              events.map((c) => [
                fmtTime(c.at),
                label('purpose', String(c.purpose ?? '').toLowerCase()),
                h('span', { class: c.granted ? 'badge badge-active' : 'badge badge-suspended' }, t(c.granted ? 'consent.granted' : 'consent.withdrawn')),
                label('channel', String(c.channel ?? '').toLowerCase()),
                c.textVersion ?? c.version ?? '—',
              ]),
              'member.consents',
            )
          : empty('consent.none'),
      ),
    );
  } else if (isOwner && cR.status === 'rejected') {
    sections.push(section('member.consents', errorBox(cR.reason)));
  }

  if (m.status !== 'erased') sections.push(memberEdit(m, isOwner, () => void memberView(main, memberId)));
  main.replaceChildren(pageHead('member.title', h('a', { class: 'btn btn-ghost', href: '#/members' }, '← ', t('member.back'))), ...sections);
}

export function pointTiles(p: Points): HTMLElement {
  const soon = typeof p.expiringSoon === 'number' ? p.expiringSoon : p.expiringSoon?.points;
  const tile = (k: Parameters<typeof t>[0], v: unknown, test: string, note?: string) =>
    h(
      'div',
      { class: 'tile' },
      h('div', { class: 'tile-label' }, t(k), note ? h('span', { class: 'tile-note' }, ` (${note})`) : null),
      h('div', { class: 'tile-value', 'data-testid': test }, fmtNum(v)),
    );
  return h(
    'div',
    { class: 'tiles' },
    tile('points.balance', p.balance, 'points-balance'),
    tile('points.pending', p.pending, 'points-pending'),
    tile('points.lifetime', p.lifetimeEarned, 'points-lifetime'),
    soon != null ? tile('points.expiring', soon, 'points-expiring', p.expiringSoonDays ? t('points.withinDays', { days: p.expiringSoonDays }) : undefined) : null,
  );
}

export function ledgerTable(items: LedgerEntry[], storeName: (id?: string) => string): HTMLElement {
  if (!items.length) return empty('ledger.empty');
  return table(
    ['ledger.at', 'ledger.delta', 'ledger.reason', 'ledger.store', 'ledger.order'],
    items.map((e) => [fmtTime(e.at), deltaCell(e), entryReason(e), storeName(e.storeId), e.orderId ? h('code', { class: 'small' }, e.orderId) : '—']),
    'member.ledger',
  );
}

/** The balance change; an entry that only moves pending points shows that, marked as pending. */
export function deltaCell(e: LedgerEntry): HTMLElement {
  const d = e.delta ?? 0;
  if (d === 0 && e.pendingDelta) {
    return h('span', { class: 'delta-pending' }, signed(e.pendingDelta), ' ', h('small', null, t('points.pending')));
  }
  return h('span', { class: d >= 0 ? 'delta-plus' : 'delta-minus' }, signed(d));
}

/** The kind of change in words ("人工调整"), then the reason typed by whoever made it, if any. */
export function entryReason(e: LedgerEntry): HTMLElement {
  const kind = e.kind ?? e.type;
  const kindText = kind ? label('reason', String(kind).toLowerCase()) : '';
  const reason = e.reason && e.reason !== kind ? label('reason', e.reason) : '';
  // a reason the system writes is a code in the reader's words; one a person wrote is shown as written, in its own language
  const written = reason && reason === e.reason ? h('span', { lang: '' }, reason) : reason;
  if (!kindText && !reason) return h('span', null, '—');
  return h('span', null, kindText, kindText && reason ? ' · ' : '', written || '');
}

/**
 * Staff see a member masked (PIPL's minimum necessary); this button asks for the whole phone and birthday, and the
 * server writes the look into the owner's audit trail, which the button's hint says.
 */
function revealButton(m: Member): HTMLElement {
  const btn = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'reveal', title: t('member.revealHint') }, t('member.reveal'));
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      const full = await request<Member>(`/members/${encodeURIComponent(m.memberId)}/reveal`, { method: 'POST' });
      const dd = btn.closest('dd')!;
      dd.replaceChildren(h('span', { 'data-testid': 'revealed-phone' }, full.phone ?? '—'));
      if (full.birthday) dd.after(h('dt', null, t('member.birthday')), h('dd', { 'data-testid': 'revealed-birthday' }, full.birthday));
    } catch (e) {
      btn.disabled = false;
      btn.closest('dd')!.append(errorBox(e));
    }
  });
  return h('span', null, ' ', btn, h('small', { class: 'muted' }, ' ', t('member.revealHint')));
}
