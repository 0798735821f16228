import { fireEvent, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS } from '../lib/stores/UndoStore.svelte.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import UndoBar from './UndoBar.svelte';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function offered() {
  const rendered = renderWithApp(UndoBar);
  flushSync(() => rendered.app.undo.offer({ taskId: 7, title: 'Vendor review' }));
  return rendered;
}

describe('UndoBar', () => {
  it('keeps an empty live region in the page while there is nothing to undo', () => {
    renderWithApp(UndoBar);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('announces the unpinned task and offers Undo, which puts it back', async () => {
    const { bridge } = offered();
    expect(screen.getByRole('status').textContent).toBe('Unpinned “Vendor review”.');
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(bridge.callsOf('undoUnpin')).toEqual([[]]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('goes by itself when its time is up', () => {
    offered();
    flushSync(() => vi.advanceTimersByTime(UNDO_MS));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('stays while the pointer is on it, and runs on once the pointer leaves', async () => {
    const { container } = offered();
    const bar = container.querySelector('.bar') as HTMLElement;
    await fireEvent.mouseEnter(bar);
    flushSync(() => vi.advanceTimersByTime(UNDO_MS * 3));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await fireEvent.mouseLeave(bar);
    flushSync(() => vi.advanceTimersByTime(UNDO_MS));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('stays while the Undo button has focus', async () => {
    offered();
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.focus();
    await fireEvent.focusIn(undo);
    flushSync(() => vi.advanceTimersByTime(UNDO_MS * 3));
    expect(screen.getByRole('button', { name: 'Undo' })).toBe(undo);
  });
});
