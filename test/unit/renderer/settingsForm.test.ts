import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../../src-renderer/lib/settingsForm.ts';

describe('fieldOf: where "Saved." goes', () => {
  it('names the top-level field, or the nested one for notify and quiet hours', () => {
    expect(fieldOf({ userEmail: 'me@example.com' })).toBe('userEmail');
    expect(fieldOf({ theme: 'dark' })).toBe('theme');
    expect(fieldOf({ launchAtLogin: false })).toBe('launchAtLogin');
    expect(fieldOf({ notify: { step: true } })).toBe('notify.step');
    expect(fieldOf({ quietHours: { start: '22:00' } })).toBe('quietHours.start');
  });
});
