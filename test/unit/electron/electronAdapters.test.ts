import { beforeEach, describe, expect, it, vi } from 'vitest';

// electronAdapters.ts only forwards to Electron; this stands in for the parts it imports.
const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => {
  const shell = { openExternal };
  const unused = {};
  return { shell, Notification: unused, globalShortcut: unused, safeStorage: unused, default: { shell } };
});

const { openInBrowser } = await import('../../../src-main/electron/electronAdapters.ts');
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(() => {
  openExternal.mockClear();
  logger.warn.mockClear();
});

describe('openInBrowser: the one place the URL allow-list is checked', () => {
  it('opens https pages on the Chamelio web app', async () => {
    await expect(openInBrowser('https://app.chamelio.ai/workflows/tasks/42', logger)).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://app.chamelio.ai/workflows/tasks/42');
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('refuses everything else, without opening it and without logging the URL', async () => {
    for (const url of ['https://app.chamelio.ai.evil.example/x', 'http://app.chamelio.ai/', 'file:///etc/passwd', 'javascript:alert(1)', '']) {
      await expect(openInBrowser(url, logger), url).resolves.toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(5);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('evil');
  });
});
