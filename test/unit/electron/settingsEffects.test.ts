import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-main/core/app/Settings.ts';
import { settingsEffects } from '../../../src-main/electron/settingsEffects.ts';

describe('settingsEffects', () => {
  it('applies everything the first time', () => {
    expect(settingsEffects(null, DEFAULT_SETTINGS)).toEqual({
      theme: 'system',
      launchAtLogin: false,
      shortcut: 'CommandOrControl+Shift+K',
    });
  });

  it('applies only what changed, and nothing for settings the OS does not hold', () => {
    const applied = { theme: 'system' as const, launchAtLogin: false, shortcut: 'CommandOrControl+Shift+K' };
    expect(settingsEffects(applied, { ...DEFAULT_SETTINGS, pollIntervalSeconds: 60, keepOpen: true })).toEqual({});
    expect(settingsEffects(applied, { ...DEFAULT_SETTINGS, theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(settingsEffects(applied, { ...DEFAULT_SETTINGS, launchAtLogin: true })).toEqual({ launchAtLogin: true });
    expect(settingsEffects(applied, { ...DEFAULT_SETTINGS, shortcut: '' })).toEqual({ shortcut: '' });
  });
});
