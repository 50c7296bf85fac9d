import { request } from '../api';
import { homeFor, role, setToken } from '../auth';
import { h } from '../dom';
import { busy, clearErrors, field, formAlert, showError, values } from '../forms';
import { t } from '../i18n';
import type { Route } from '../router';
import { go } from '../router';

interface LoginAnswer {
  idToken?: string;
  challenge?: string;
  session?: string;
}

export function loginView(main: HTMLElement, route: Route): void {
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'aria-labelledby': 'login-title' },
    formAlert(),
    field({ name: 'username', label: 'login.username', type: 'email', autocomplete: 'username', required: true, attrs: { autofocus: true } }),
    field({ name: 'password', label: 'login.password', type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    clearErrors(form);
    void busy(form, async () => {
      try {
        const res = await request<LoginAnswer>('/local/auth/login', { body: { username: v.username, password: v.password }, scope: null });
        if (res.challenge === 'NEW_PASSWORD_REQUIRED' && res.session) newPassword(main, v.username, res.session);
        else if (res.idToken) done(res.idToken);
        else throw new Error(t('err.unexpected'));
      } catch (err) {
        showError(form, err);
      }
    });
  });
  main.replaceChildren(
    h(
      'div',
      { class: 'auth-wrap' },
      h(
        'section',
        { class: 'card auth-card' },
        h('h1', { id: 'login-title', tabindex: '-1' }, t('login.title')),
        h('p', { class: 'muted' }, t('login.intro')),
        route.query.get('expired') ? h('p', { class: 'alert alert-info', role: 'status' }, t('login.expired')) : null,
        form,
        h('p', { class: 'muted small' }, t('login.customer'), ' ', h('a', { href: '#/h5' }, t('login.toH5'))),
      ),
    ),
  );
}

function newPassword(main: HTMLElement, username: string, session: string): void {
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    formAlert(),
    h('input', { type: 'text', name: 'username', value: username, autocomplete: 'username', hidden: true, readonly: true }),
    field({ name: 'newPassword', label: 'newpw.password', type: 'password', autocomplete: 'new-password', required: true, hint: 'newpw.hint', attrs: { autofocus: true, minlength: 8 } }),
    field({ name: 'confirm', label: 'newpw.confirm', type: 'password', autocomplete: 'new-password', required: true }),
    h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('newpw.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    if (v.newPassword.length < 8) {
      showError(form, localError('newPassword', t('newpw.tooShort')));
      return;
    }
    if (v.newPassword !== v.confirm) {
      showError(form, localError('confirm', t('newpw.mismatch')));
      return;
    }
    void busy(form, async () => {
      try {
        const res = await request<LoginAnswer>('/local/auth/new-password', {
          body: { username, session, newPassword: v.newPassword },
          scope: null,
        });
        if (!res.idToken) throw new Error(t('err.unexpected'));
        done(res.idToken);
      } catch (err) {
        showError(form, err);
      }
    });
  });
  main.replaceChildren(
    h(
      'div',
      { class: 'auth-wrap' },
      h(
        'section',
        { class: 'card auth-card' },
        h('h1', { tabindex: '-1' }, t('newpw.title')),
        h('p', null, t('newpw.intro')),
        h('p', { class: 'muted' }, t('login.username'), ': ', h('strong', null, username)),
        form,
      ),
    ),
  );
  main.querySelector<HTMLInputElement>('input[name=newPassword]')?.focus();
}

import { ApiError } from '../api';
function localError(fieldName: string, message: string): ApiError {
  return new ApiError(400, t('err.invalid'), undefined, [{ field: fieldName, message }]);
}

function done(idToken: string): void {
  setToken('portal', idToken);
  go(homeFor(role('portal')));
}
