import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SavedNote from './SavedNote.svelte';

describe('SavedNote', () => {
  it('is a live region in the page even while silent, so "Saved." is announced when it comes', async () => {
    const { rerender } = render(SavedNote, { props: { on: false } });
    expect(screen.getByRole('status').textContent).toBe('');
    await rerender({ on: true });
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });
});
