import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Icon from './Icon.svelte';

describe('Icon', () => {
  it('is decoration only: hidden from assistive tech and never a tab stop', () => {
    for (const name of ['refresh', 'settings', 'activity', 'back', 'close', 'file'] as const) {
      const { container, unmount } = render(Icon, { props: { name } });
      const svg = container.querySelector('svg');
      expect(svg?.getAttribute('aria-hidden')).toBe('true');
      expect(svg?.getAttribute('focusable')).toBe('false');
      expect(svg?.children.length).toBeGreaterThan(0);
      unmount();
    }
  });
});
