import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import ClipboardOffer from './ClipboardOffer.svelte';

function offering(ids: number[]) {
  const rendered = renderWithApp(ClipboardOffer, {
    answers: { clipboardSuggestion: () => ids, pin: () => ({ pinned: ids, alreadyPinned: [], rejected: [] }) },
  });
  return rendered;
}

describe('ClipboardOffer', () => {
  it('shows nothing until the clipboard holds a task that is not pinned', () => {
    renderWithApp(ClipboardOffer);
    expect(screen.queryByRole('group', { name: 'Task on the clipboard' })).toBeNull();
  });

  it('offers one task by its number, and pins it when asked', async () => {
    const { app, bridge } = offering([41]);
    await app.clipboard.check();
    flushSync();
    const offer = screen.getByRole('group', { name: 'Task on the clipboard' });
    expect(offer.querySelector('p')?.textContent).toBe('Pin task 41 from the clipboard?');
    await fireEvent.click(screen.getByRole('button', { name: 'Pin from clipboard' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Task on the clipboard' })).toBeNull());
    expect(bridge.callsOf('pin')).toEqual([['41']]);
  });

  it('counts several tasks; dismissed ones are not offered again', async () => {
    const { app } = offering([41, 42]);
    await app.clipboard.check();
    flushSync();
    expect(screen.getByText('Pin 2 tasks from the clipboard?')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss clipboard suggestion' }));
    expect(screen.queryByRole('group', { name: 'Task on the clipboard' })).toBeNull();
    await app.clipboard.check();
    flushSync();
    expect(screen.queryByRole('group', { name: 'Task on the clipboard' })).toBeNull();
  });
});
