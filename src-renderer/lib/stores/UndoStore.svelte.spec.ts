import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MIN_LEFT_MS, UNDO_MS, UndoStore } from './UndoStore.svelte.ts';

// Fake timers: the store reads the browser's clock at each call, so time moves only when the test says.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const offer = { taskId: 7, title: 'Vendor review' };

describe('the undo offer', () => {
  it('stays for its whole time, then goes by itself', () => {
    const undo = new UndoStore();
    undo.offer(offer);
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(undo.current).toEqual(offer);
    vi.advanceTimersByTime(1);
    expect(undo.current).toBeNull();
  });

  it('stands still while held, and runs on with what was left when released', () => {
    const undo = new UndoStore();
    undo.offer(offer);
    vi.advanceTimersByTime(6_000);
    undo.hold();
    vi.advanceTimersByTime(60_000);
    expect(undo.current).toEqual(offer);
    undo.release();
    vi.advanceTimersByTime(UNDO_MS - 6_000 - 1);
    expect(undo.current).toEqual(offer);
    vi.advanceTimersByTime(1);
    expect(undo.current).toBeNull();
  });

  it('after a hold near the end, stays at least a few seconds', () => {
    const undo = new UndoStore();
    undo.offer(offer);
    vi.advanceTimersByTime(UNDO_MS - 500);
    undo.hold();
    undo.release();
    vi.advanceTimersByTime(UNDO_MIN_LEFT_MS - 1);
    expect(undo.current).toEqual(offer);
    vi.advanceTimersByTime(1);
    expect(undo.current).toBeNull();
  });

  it('holding twice, or releasing without a hold, changes nothing', () => {
    const undo = new UndoStore();
    undo.offer(offer);
    undo.release();
    vi.advanceTimersByTime(4_000);
    undo.hold();
    vi.advanceTimersByTime(1_000);
    undo.hold();
    undo.release();
    vi.advanceTimersByTime(UNDO_MS - 4_000 - 1);
    expect(undo.current).toEqual(offer);
    vi.advanceTimersByTime(1);
    expect(undo.current).toBeNull();
  });

  it('a new unpin starts a fresh offer with the full time', () => {
    const undo = new UndoStore();
    undo.offer(offer);
    vi.advanceTimersByTime(8_000);
    undo.offer({ taskId: 8, title: 'Second' });
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(undo.current?.taskId).toBe(8);
  });

  it('is taken once: Undo pressed returns it, and then there is nothing left to take or to expire', () => {
    const undo = new UndoStore();
    undo.offer(offer);
    expect(undo.take()).toEqual(offer);
    expect(undo.current).toBeNull();
    expect(undo.take()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
