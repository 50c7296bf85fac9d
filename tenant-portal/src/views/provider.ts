import { asPage, request } from '../api';
import { h, uuid } from '../dom';
import { busy, confirmDialog, errorBox, field, formAlert, normField, showError } from '../forms';
import { t, type Key } from '../i18n';
import { go, type Route } from '../router';
import { billingBadge, type Billing } from './provider-tenant';
import { empty, fmtTime, label, loading, pageHead, secretPanel, table } from './common';

interface Tenant {
  tenantId: string;
  name?: string;
  plan?: string;
  status?: string;
  timeZone?: string;
  createdAt?: string;
  billing?: Billing;
}

export async function tenantsView(main: HTMLElement, route?: Route): Promise<void> {
  const q0 = route?.query.get('q') ?? '';
  const failed0 = route?.query.get('paymentFailed') === 'true';
  const list = h('div', null, loading());
  const more = h('div', { class: 'actions' });
  const search = h(
    'form',
    { class: 'search-bar', role: 'search', 'data-testid': 'tenant-search' },
    field({ name: 'q', label: 'tenants.search', value: q0, hint: 'tenants.searchHint', attrs: { maxlength: 100, type: 'search' } }),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'paymentFailed', checked: failed0, 'data-testid': 'only-failed' }),
      ' ',
      t('tenants.onlyFailed'),
    ),
    h('button', { type: 'submit', class: 'btn' }, t('tenants.searchButton')),
  );
  search.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = (search.querySelector<HTMLInputElement>('input[name=q]')!.value ?? '').trim();
    const f = search.querySelector<HTMLInputElement>('input[name=paymentFailed]')!.checked;
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (f) params.set('paymentFailed', 'true');
    go(`#/admin/tenants${params.size ? `?${params}` : ''}`);
  });
  main.replaceChildren(
    pageHead('tenants.title', h('a', { class: 'btn btn-primary', href: '#/admin/onboard' }, t('tenants.new'))),
    h('section', { class: 'card' }, search),
    h('section', { class: 'card' }, list, more),
  );
  const rows: Tenant[] = [];
  const draw = () => {
    list.replaceChildren(
      rows.length
        ? table(
            ['tenants.name', 'tenants.id', 'tenants.plan', 'tenants.status', 'tenants.billing', 'tenants.created', 'common.actions'],
            rows.map((tn) => [
              h('a', { href: `#/admin/tenants/${encodeURIComponent(tn.tenantId)}`, class: 'strong-link' }, tn.name ?? '—'),
              h('code', { class: 'small' }, tn.tenantId),
              label('plan', tn.plan),
              h('span', { class: `badge badge-${tn.status ?? 'unknown'}` }, label('status', tn.status)),
              billingBadge(tn.billing),
              fmtTime(tn.createdAt),
              statusButton(tn, draw),
            ]),
            'tenants.title',
          )
        : empty(q0 || failed0 ? 'tenants.noMatch' : 'tenants.empty'),
    );
  };
  const load = async (cursor?: string) => {
    try {
      const page = asPage<Tenant>(
        await request('/admin/tenants', { query: { cursor, limit: 50, q: q0 || undefined, paymentFailed: failed0 ? 'true' : undefined } }),
      );
      rows.push(...page.items);
      draw();
      more.replaceChildren(
        page.nextCursor
          ? h('button', { type: 'button', class: 'btn', onclick: () => void load(page.nextCursor!) }, t('common.more'))
          : '',
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  await load();
}

function statusButton(tn: Tenant, redraw: () => void): HTMLElement {
  const suspended = tn.status === 'suspended';
  const target = suspended ? 'active' : 'suspended';
  const wrap = h('div', { class: 'cell-actions' });
  const btn = h(
    'button',
    {
      type: 'button',
      class: suspended ? 'btn btn-small' : 'btn btn-small btn-danger-outline',
      'aria-label': `${t(suspended ? 'tenants.resume' : 'tenants.suspend')} ${tn.name ?? tn.tenantId}`,
      onclick: async () => {
        const ok = await confirmDialog(
          t(suspended ? 'tenants.confirmResume' : 'tenants.confirmSuspend', { name: tn.name ?? tn.tenantId }),
          suspended ? 'tenants.resume' : 'tenants.suspend',
          !suspended,
        );
        if (!ok) return;
        btn.disabled = true;
        try {
          const updated = await request<Tenant>(`/admin/tenants/${encodeURIComponent(tn.tenantId)}`, {
            method: 'PATCH',
            body: { status: target },
          });
          tn.status = updated?.status ?? target;
          redraw();
        } catch (err) {
          wrap.append(errorBox(err));
          btn.disabled = false;
        }
      },
    },
    t(suspended ? 'tenants.resume' : 'tenants.suspend'),
  );
  wrap.append(btn);
  return wrap;
}

// ---- Onboarding wizard -------------------------------------------------------------------------

interface StoreDraft {
  name: string;
  format: string;
  address: string;
  orderPrefix?: string;
}
interface Draft {
  step: number;
  key: string; // Idempotency-Key: kept while the body stays the same, so a retry cannot onboard twice
  keyBody: string;
  name: string;
  plan: string;
  timeZone: string;
  owner: { name: string; email: string; phone: string };
  stores: StoreDraft[];
}

const DRAFT = 'zhidian.onboard.draft';
const STEPS: Key[] = ['wizard.step.tenant', 'wizard.step.owner', 'wizard.step.stores', 'wizard.step.review'];
const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

function newDraft(): Draft {
  return {
    step: 0,
    key: uuid(),
    keyBody: '',
    name: '',
    plan: 'standard',
    timeZone: 'Asia/Shanghai',
    owner: { name: '', email: '', phone: '' },
    stores: [{ name: '', format: 'convenience', address: '' }],
  };
}

function loadDraft(): Draft {
  try {
    const d = JSON.parse(sessionStorage.getItem(DRAFT) ?? 'null') as Draft | null;
    if (d && Array.isArray(d.stores)) return d;
  } catch {
    /* start over */
  }
  return newDraft();
}

function body(d: Draft) {
  return {
    name: d.name.trim(),
    plan: d.plan,
    timeZone: d.timeZone || undefined,
    owner: { name: d.owner.name.trim(), email: d.owner.email.trim(), phone: d.owner.phone.trim() },
    stores: d.stores.map((s) => ({ name: s.name.trim(), format: s.format, address: s.address.trim(), orderPrefix: s.orderPrefix?.trim() || undefined })),
  };
}

interface Onboarded {
  tenantId: string;
  stores?: { storeId: string; name?: string }[];
  owner: { userId?: string; email: string; temporaryPassword: string };
}

export async function onboardView(main: HTMLElement): Promise<void> {
  const d = loadDraft();
  const save = () => sessionStorage.setItem(DRAFT, JSON.stringify(d));

  const bind = (el: HTMLElement, set: (v: string) => void) => {
    const input = el.querySelector<HTMLInputElement | HTMLSelectElement>('input,select')!;
    input.addEventListener('input', () => {
      set(input.value);
      save();
    });
    input.addEventListener('change', () => {
      set(input.value);
      save();
    });
    return el;
  };

  const planOpts = ['basic', 'standard', 'premium'].map((p) => ({ value: p, label: t(`plan.${p}` as Key) }));
  const formatOpts = ['convenience', 'supermarket', 'department'].map((f) => ({ value: f, label: t(`format.${f}` as Key) }));

  const stepTenant = h(
    'fieldset',
    { class: 'stack', 'data-step': '0' },
    h('legend', null, t('wizard.step.tenant')),
    bind(field({ name: 'name', label: 'wizard.tenantName', required: true, value: d.name, attrs: { maxlength: 100 } }), (v) => (d.name = v)),
    bind(field({ name: 'plan', label: 'wizard.plan', options: planOpts, value: d.plan, hint: 'wizard.planHint' }), (v) => (d.plan = v)),
    bind(
      field({
        name: 'timeZone',
        label: 'wizard.timeZone',
        options: TIME_ZONES.map((z) => ({ value: z, label: z })),
        value: d.timeZone,
        hint: 'wizard.timeZoneHint',
      }),
      (v) => (d.timeZone = v),
    ),
  );
  const stepOwner = h(
    'fieldset',
    { class: 'stack', 'data-step': '1' },
    h('legend', null, t('wizard.step.owner')),
    bind(field({ name: 'owner.name', label: 'wizard.ownerName', required: true, value: d.owner.name, autocomplete: 'off' }), (v) => (d.owner.name = v)),
    bind(
      field({ name: 'owner.email', label: 'wizard.ownerEmail', type: 'email', required: true, value: d.owner.email, autocomplete: 'off', hint: 'wizard.ownerEmailHint' }),
      (v) => (d.owner.email = v),
    ),
    bind(
      field({ name: 'owner.phone', label: 'wizard.ownerPhone', type: 'tel', required: true, value: d.owner.phone, inputmode: 'tel', autocomplete: 'off', attrs: { pattern: '1[0-9]{10}' } }),
      (v) => (d.owner.phone = v),
    ),
  );
  const storesBox = h('div', { class: 'stack' });
  const drawStores = () => {
    storesBox.replaceChildren(
      ...d.stores.map((s, i) =>
        h(
          'fieldset',
          { class: 'store-block', 'data-store-index': String(i) },
          h('legend', null, t('wizard.storeN', { n: i + 1 })),
          h(
            'div',
            { class: 'grid-3' },
            bind(field({ name: `stores.${i}.name`, label: 'stores.name', required: true, value: s.name }), (v) => (s.name = v)),
            bind(field({ name: `stores.${i}.format`, label: 'stores.format', options: formatOpts, value: s.format }), (v) => (s.format = v)),
            bind(field({ name: `stores.${i}.address`, label: 'stores.address', required: true, value: s.address }), (v) => (s.address = v)),
            bind(
              field({ name: `stores.${i}.orderPrefix`, label: 'stores.code', hint: 'stores.codeHint', value: s.orderPrefix, attrs: { maxlength: 6, autocapitalize: 'characters' } }),
              (v) => (s.orderPrefix = v),
            ),
          ),
          d.stores.length > 1
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-small btn-ghost',
                  onclick: () => {
                    d.stores.splice(i, 1);
                    save();
                    drawStores();
                  },
                },
                t('wizard.removeStore', { n: i + 1 }),
              )
            : null,
        ),
      ),
      h(
        'div',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            onclick: () => {
              d.stores.push({ name: '', format: 'convenience', address: '' });
              save();
              drawStores();
              storesBox.querySelector<HTMLInputElement>(`[data-field="stores.${d.stores.length - 1}.name"]`)?.focus();
            },
          },
          '+ ',
          t('wizard.addStore'),
        ),
      ),
    );
  };
  drawStores();
  const stepStores = h('fieldset', { class: 'stack', 'data-step': '2' }, h('legend', null, t('wizard.step.stores')), storesBox);
  const review = h('div', { class: 'review' });
  const stepReview = h('div', { class: 'stack', 'data-step': '3' }, h('h2', { class: 'h-legend' }, t('wizard.step.review')), review);
  const steps = [stepTenant, stepOwner, stepStores, stepReview];

  const stepper = h('ol', { class: 'stepper' });
  const back = h('button', { type: 'button', class: 'btn' }, t('wizard.back'));
  const next = h('button', { type: 'submit', class: 'btn btn-primary' });
  const form = h(
    'form',
    { class: 'wizard', novalidate: true, 'aria-labelledby': 'wizard-title' },
    formAlert(),
    ...steps,
    h('div', { class: 'actions wizard-actions' }, back, next),
  );

  const show = (i: number) => {
    d.step = Math.max(0, Math.min(STEPS.length - 1, i));
    save();
    steps.forEach((s, k) => (s.hidden = k !== d.step));
    stepper.replaceChildren(
      ...STEPS.map((k, n) =>
        h(
          'li',
          { class: n < d.step ? 'done' : n === d.step ? 'current' : '', 'aria-current': n === d.step ? 'step' : undefined },
          h('span', { class: 'num', 'aria-hidden': 'true' }, String(n + 1)),
          t(k),
        ),
      ),
    );
    back.hidden = d.step === 0;
    next.textContent = d.step === STEPS.length - 1 ? t('wizard.submit') : t('wizard.next');
    if (d.step === 3) drawReview();
  };

  const drawReview = () => {
    const b = body(d);
    review.replaceChildren(
      h(
        'dl',
        { class: 'kv' },
        h('dt', null, t('wizard.tenantName')),
        h('dd', null, b.name),
        h('dt', null, t('wizard.plan')),
        h('dd', null, label('plan', b.plan)),
        h('dt', null, t('wizard.timeZone')),
        h('dd', null, b.timeZone ?? '—'),
        h('dt', null, t('wizard.owner')),
        h('dd', null, `${b.owner.name} · ${b.owner.email} · ${b.owner.phone}`),
      ),
      table(
        ['stores.name', 'stores.code', 'stores.format', 'stores.address'],
        b.stores.map((s) => [s.name, s.orderPrefix?.toUpperCase() ?? '—', label('format', s.format), s.address]),
      ),
    );
  };

  // Checks the visible step in the browser first (required, email, phone), for quick feedback.
  const stepValid = (): boolean => {
    const inputs = Array.from(steps[d.step].querySelectorAll<HTMLInputElement | HTMLSelectElement>('input,select'));
    const bad = inputs.find((i) => !i.checkValidity());
    if (!bad) return true;
    const name = bad.getAttribute('data-field') ?? bad.name;
    const message = bad.validity.valueMissing
      ? t('err.required')
      : bad.validity.patternMismatch && name.endsWith('phone')
        ? t('err.phone')
        : bad.validity.typeMismatch
          ? t('err.email')
          : bad.validationMessage;
    showError(form, localProblem(name, message));
    return false;
  };

  back.addEventListener('click', () => show(d.step - 1));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (d.step < STEPS.length - 1) {
      if (!stepValid()) return;
      clearAlert(form);
      show(d.step + 1);
      steps[d.step].querySelector<HTMLElement>('input,select,h2')?.focus();
      return;
    }
    const b = body(d);
    const bodyJson = JSON.stringify(b);
    if (d.keyBody && d.keyBody !== bodyJson) d.key = uuid(); // a changed body is a new request, not a retry
    d.keyBody = bodyJson;
    save();
    void busy(form, async () => {
      try {
        const res = await request<Onboarded>('/admin/tenants', { body: b, idempotencyKey: d.key });
        sessionStorage.removeItem(DRAFT);
        showResult(main, b.name, res);
      } catch (err) {
        showError(form, err);
        // Take the user to the step holding the first field the API refused.
        const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
        const stepEl = first?.closest<HTMLElement>('[data-step]');
        if (stepEl && first) {
          show(Number(stepEl.dataset.step));
          first.focus();
        }
      }
    });
  });

  main.replaceChildren(
    pageHead(
      'wizard.title',
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-ghost',
          onclick: () => {
            sessionStorage.removeItem(DRAFT);
            void onboardView(main);
          },
        },
        t('wizard.startOver'),
      ),
    ),
    h('p', { class: 'muted' }, t('wizard.intro')),
    h('section', { class: 'card', id: 'wizard-title', 'aria-label': t('wizard.title') }, stepper, form),
  );
  show(d.step);
}

function showResult(main: HTMLElement, name: string, res: Onboarded): void {
  main.replaceChildren(
    pageHead('wizard.doneTitle'),
    h(
      'section',
      { class: 'card' },
      h('p', { class: 'alert alert-success', role: 'status' }, t('wizard.doneIntro', { name })),
      h(
        'dl',
        { class: 'kv' },
        h('dt', null, t('tenants.id')),
        h('dd', null, h('code', { 'data-testid': 'tenant-id' }, res.tenantId)),
        h('dt', null, t('nav.stores')),
        h('dd', null, (res.stores ?? []).map((s) => `${s.name ?? ''} (${s.storeId})`).join('，') || '—'),
      ),
    ),
    secretPanel('wizard.ownerLogin', res.owner?.email ?? '', res.owner?.temporaryPassword ?? '', () => go('#/admin/tenants')),
  );
  main.querySelector<HTMLElement>('#secret-title')?.focus();
}

import { ApiError } from '../api';
function localProblem(fieldName: string, message: string): ApiError {
  return new ApiError(400, t('err.invalid'), undefined, [{ field: normField(fieldName), message }]);
}
function clearAlert(form: HTMLElement) {
  form.querySelectorAll<HTMLElement>('[data-form-alert],[data-error-for]').forEach((e) => (e.hidden = true));
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}
