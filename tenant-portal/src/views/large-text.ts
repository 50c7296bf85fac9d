// Large-text mode for every customer-facing page (H5, the public credit and tracking pages, the receipt): one toggle,
// remembered on the device, that enlarges the page's text by a quarter. Its state is announced (aria-pressed).
import { h } from '../dom';
import { t } from '../i18n';

const LARGE = 'zhidian.h5.largeText';

export function largeTextOn(): boolean {
  return localStorage.getItem(LARGE) === '1';
}

export function applyLargeText(): void {
  document.documentElement.classList.toggle('large-text', largeTextOn());
}

export function largeTextToggle(): HTMLButtonElement {
  const btn = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-toggle',
      'aria-pressed': largeTextOn() ? 'true' : 'false',
      'data-testid': 'large-text',
      onclick: () => {
        const next = !largeTextOn();
        localStorage.setItem(LARGE, next ? '1' : '0');
        btn.setAttribute('aria-pressed', String(next));
        applyLargeText();
      },
    },
    h('span', { class: 'aa', 'aria-hidden': 'true' }, 'A', h('span', null, 'A')),
    ' ',
    t('h5.largeText'),
  );
  return btn;
}
