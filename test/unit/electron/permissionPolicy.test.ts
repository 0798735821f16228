import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../../src-main/electron/permissionPolicy.ts';

const ask = (permission: string, requestingUrl: string | undefined, isMainFrame = true) =>
  isPermissionGranted({ permission, requestingUrl, isMainFrame });

describe('isPermissionGranted', () => {
  it('lets our page write a link to the clipboard', () => {
    expect(ask('clipboard-sanitized-write', 'app://tray/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'app://tray')).toBe(true);
  });

  it('refuses everything else, even to our page', () => {
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'hid', 'unknown', 'fullscreen']) {
      expect(ask(permission, 'app://tray/index.html'), permission).toBe(false);
    }
  });

  it('refuses the clipboard to strangers, sub-frames and requests without a URL', () => {
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'file:///tmp/x.html')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://tray/index.html', false)).toBe(false);
    expect(ask('clipboard-sanitized-write', undefined)).toBe(false);
    expect(ask('clipboard-sanitized-write', '')).toBe(false);
  });
});
