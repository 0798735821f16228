import { describe, expect, it, vi } from 'vitest';
import { consoleLogger, realClock, redactFields, redactText } from '../../../src-main/electron/runtime.ts';

describe('logging never shows the key', () => {
  it('masks Chamelio keys in messages and drops secret-looking fields', () => {
    expect(redactText('sent ca_abcdefghijklmnop to the API')).toBe('sent ca_[redacted] to the API');
    expect(redactFields({ apiKey: 'ca_whatever123', token: 'x', taskId: 5, note: 'key ca_abcdefghij1' })).toEqual({
      apiKey: '[redacted]',
      token: '[redacted]',
      taskId: 5,
      note: 'key ca_[redacted]',
    });
  });

  it('writes redacted lines to the console', () => {
    const sink = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const logger = consoleLogger(sink);
    logger.warn('refused ca_abcdefghijklmnop', { key: 'ca_abcdefghijklmnop' });
    logger.info('plain');
    expect(JSON.stringify(sink.warn.mock.calls)).not.toContain('ca_abcdefghijklmnop');
    expect(sink.info).toHaveBeenCalledWith('[chamelio-tray] plain');
  });
});

describe('realClock', () => {
  it('uses real timers', async () => {
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
