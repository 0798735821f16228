import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { exactTime } from '../lib/format.ts';
import { NOW } from '../testing/fixtures.ts';
import RelativeTime from './RelativeTime.svelte';

describe('RelativeTime', () => {
  it('reads relative, with the exact time in datetime and the tooltip', () => {
    const at = NOW - 5 * 60_000;
    const { container } = render(RelativeTime, { props: { at, now: NOW } });
    const time = container.querySelector('time');
    expect(time?.textContent).toBe('5 minutes ago');
    expect(time?.getAttribute('datetime')).toBe(new Date(at).toISOString());
    expect(time?.getAttribute('title')).toBe(exactTime(at));
  });

  it('no time is a dash, not "Invalid date"', () => {
    render(RelativeTime, { props: { at: null, now: NOW } });
    expect(screen.getByText('—')).toBeTruthy();
  });
});
