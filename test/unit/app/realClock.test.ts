import { describe, expect, it } from 'vitest';
import { realClock } from '../../../src-main/core/app/realClock.ts';

describe('realClock', () => {
  it('fires and clears real timers', async () => {
    const fired = await new Promise<boolean>((resolve) => {
      realClock.setTimeout(() => resolve(true), 1);
    });
    expect(fired).toBe(true);
    const handle = realClock.setTimeout(() => {
      throw new Error('should have been cleared');
    }, 5);
    realClock.clearTimeout(handle);
    expect(Math.abs(realClock.now() - Date.now())).toBeLessThan(1000);
  });
});
