import { describe, expect, it } from 'vitest';
import { rebindShortcut, ShortcutBinding, shortcutFailureMessage, type ShortcutRegistrar } from '../../../src-main/electron/shortcut.ts';

/** Like globalShortcut: taken accelerators fail, invalid ones throw. */
function registrar(taken: string[] = []): ShortcutRegistrar & { active: Set<string> } {
  const active = new Set<string>();
  return {
    active,
    register(accelerator) {
      if (accelerator.includes('??')) throw new Error(`Failed to parse accelerator ${accelerator}`);
      if (taken.includes(accelerator)) return false;
      active.add(accelerator);
      return true;
    },
    unregister(accelerator) {
      active.delete(accelerator);
    },
  };
}
const noop = () => undefined;

describe('rebindShortcut', () => {
  it('moves from the old accelerator to the new one', () => {
    const r = registrar();
    r.active.add('Ctrl+A');
    expect(rebindShortcut(r, 'Ctrl+A', 'Ctrl+B', noop)).toEqual({ ok: true, active: 'Ctrl+B' });
    expect([...r.active]).toEqual(['Ctrl+B']);
  });

  it('restores the old one when the new one is taken or invalid', () => {
    for (const wanted of ['Ctrl+Taken', 'Ctrl+??']) {
      const r = registrar(['Ctrl+Taken']);
      r.active.add('Ctrl+A');
      expect(rebindShortcut(r, 'Ctrl+A', wanted, noop)).toEqual({ ok: false, active: 'Ctrl+A', failed: wanted });
      expect([...r.active]).toEqual(['Ctrl+A']);
    }
  });

  it('turns the shortcut off with an empty string, and does nothing for the same one', () => {
    const r = registrar();
    r.active.add('Ctrl+A');
    expect(rebindShortcut(r, 'Ctrl+A', '  ', noop)).toEqual({ ok: true, active: '' });
    expect(r.active.size).toBe(0);
    expect(rebindShortcut(r, '', '', noop)).toEqual({ ok: true, active: '' });
    r.active.add('Ctrl+A');
    expect(rebindShortcut(r, 'Ctrl+A', 'Ctrl+A', noop)).toEqual({ ok: true, active: 'Ctrl+A' });
  });

  it('reports nothing active when there was no old one to restore', () => {
    expect(rebindShortcut(registrar(['Ctrl+Taken']), '', 'Ctrl+Taken', noop)).toEqual({ ok: false, active: '', failed: 'Ctrl+Taken' });
  });
});

describe('ShortcutBinding', () => {
  it('remembers what is registered across changes and failures', () => {
    const r = registrar(['Ctrl+Taken']);
    const binding = new ShortcutBinding(r, noop);
    expect(binding.apply('Ctrl+K')).toEqual({ ok: true, active: 'Ctrl+K' });
    expect(binding.apply('Ctrl+Taken').ok).toBe(false);
    expect(binding.active).toBe('Ctrl+K');
    expect([...r.active]).toEqual(['Ctrl+K']);
  });

  it('explains a failure in words', () => {
    expect(shortcutFailureMessage('Ctrl+K')).toMatch(/Ctrl\+K could not be set/);
  });
});
