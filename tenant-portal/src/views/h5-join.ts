// H5 self sign-up: a customer joins with a mobile number, a texted code and two optional consent choices, no counter
// needed. The store's QR poster names the merchant and the store. A number that is already a member's gets the same
// screens and, with its code, is simply signed in: the page never tells anyone who shops here.
import { ApiError, request } from '../api';
import { setToken } from '../auth';
import { h } from '../dom';
import { busy, clearErrors, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import { countdown, toolbar } from './h5';

const PURPOSES = ['marketing_push', 'personalization'] as const;

export function h5JoinView(main: HTMLElement, tenantId: string, storeId: string): void {
  if (!tenantId || !storeId) {
    // without the store's QR the page cannot know which shop: say where to find it, never ask for an id
    main.replaceChildren(
      toolbar(),
      h(
        'div',
        { class: 'h5-body' },
        h(
          'section',
          { class: 'card', 'data-testid': 'join-needs-qr' },
          h('h1', { tabindex: '-1' }, t('join.title')),
          h('p', null, t('join.needsQr')),
          h('p', null, h('a', { href: '#/h5' }, t('join.toLogin'))),
        ),
      ),
    );
    return;
  }
  let session: string | undefined;
  const sendBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'join-send-code' }, t('h5.sendCode'));
  const sent = h('p', { class: 'muted', role: 'status', 'data-testid': 'join-code-sent' });
  // not ticked: a choice the customer makes, never one made for them (and joining never depends on it)
  const choice = (p: (typeof PURPOSES)[number]) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: p, 'data-testid': `join-${p}` }),
      h('span', null, h('strong', null, t(`purpose.${p}`)), h('br'), h('span', { class: 'muted small' }, t(`purpose.${p}.desc`))),
    );
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'data-testid': 'join-form' },
    formAlert(),
    field({ name: 'phone', label: 'h5.phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel-national', required: true, attrs: { pattern: '1[0-9]{10}', maxlength: 11 } }),
    h(
      'div',
      { class: 'otp-row' },
      field({ name: 'code', label: 'h5.otp', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, hint: 'h5.otpHint', attrs: { pattern: '[0-9]{6}', maxlength: 6 } }),
      sendBtn,
    ),
    sent,
    h('fieldset', { class: 'consent-choices' }, h('legend', null, t('join.choices')), h('p', { class: 'muted small' }, t('join.choicesIntro')), ...PURPOSES.map(choice)),
    h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-large', 'data-testid': 'join-submit' }, t('join.submit')),
    h('p', { class: 'muted small' }, t('join.privacy')),
  );
  const checked = (need: readonly ('phone' | 'code')[]): Record<string, string> | null => {
    const v = values(form);
    v.phone = (v.phone ?? '').replace(/[\s-]/g, '');
    const errors = need.filter((k) => !v[k]).map((f) => ({ field: f, message: t('err.required') }));
    if (v.phone && !/^1[3-9][0-9]{9}$/.test(v.phone)) errors.push({ field: 'phone', message: t('err.phone') });
    if (need.includes('code') && v.code && !/^[0-9]{6}$/.test(v.code)) errors.push({ field: 'code', message: t('h5.otpHint') });
    if (!errors.length) return v;
    showError(form, new ApiError(400, t('err.invalid'), undefined, errors));
    return null;
  };
  sendBtn.addEventListener('click', async () => {
    const v = checked(['phone']);
    if (!v) return;
    sendBtn.disabled = true;
    try {
      // asking again sends the first answer's session back, so the new code still signs in at once
      const body: Record<string, string> = { tenantId, storeId, phone: v.phone };
      if (session) body.session = session;
      const r = await request<{ session?: string; resendAfterSeconds?: number }>('/local/auth/sign-up', { body, scope: null });
      clearErrors(form);
      session = r?.session;
      sent.textContent = t('h5.codeSent', { phone: `${v.phone.slice(0, 3)}****${v.phone.slice(7)}` });
      countdown(sendBtn, r?.resendAfterSeconds ?? 60);
      form.querySelector<HTMLInputElement>('input[name=code]')?.focus();
    } catch (err) {
      sendBtn.disabled = false;
      showError(form, err);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = checked(['phone', 'code']);
    if (!v) return;
    if (!session) {
      showError(form, new ApiError(400, t('err.invalid'), undefined, [{ field: 'code', message: t('join.sendFirst') }]));
      return;
    }
    const consents: Record<string, boolean> = {};
    for (const p of PURPOSES) consents[p] = form.querySelector<HTMLInputElement>(`input[name=${p}]`)?.checked === true;
    void busy(form, async () => {
      try {
        const res = await request<{ idToken?: string; joined?: boolean; session?: string; resendAfterSeconds?: number }>('/local/auth/join', {
          body: { tenantId, phone: v.phone, code: v.code, session, consents },
          scope: null,
        });
        localStorage.setItem('zhidian.h5.tenantId', tenantId);
        if (res?.idToken) {
          setToken('h5', res.idToken);
          location.hash = '#/h5';
          return;
        }
        // a member now, but this attempt's sign-in had lapsed: a sign-in code was texted, answered right here
        session = res?.session;
        const code = form.querySelector<HTMLInputElement>('input[name=code]');
        if (code) code.value = '';
        clearErrors(form);
        sent.textContent = t('join.joinedCodeSent', { phone: `${v.phone.slice(0, 3)}****${v.phone.slice(7)}` });
        countdown(sendBtn, res?.resendAfterSeconds ?? 60);
        code?.focus();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          // the same code's session stays: Cognito lets a few tries go before a new code is needed
          showError(form, new ApiError(401, t('join.refused'), undefined, []));
        } else showError(form, err);
      }
    });
  });
  main.replaceChildren(
    toolbar(),
    h(
      'div',
      { class: 'h5-body' },
      h(
        'section',
        { class: 'card' },
        h('h1', { tabindex: '-1' }, t('join.title')),
        h('p', { class: 'muted' }, t('join.intro')),
        form,
        h('p', null, h('a', { href: '#/h5', 'data-testid': 'join-to-login' }, t('join.toLogin'))),
      ),
    ),
  );
}
