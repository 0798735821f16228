import { describe, expect, it } from 'vitest';
import { CURSOR_GAP, popoverPlacement, popoverPosition } from '../../../src-main/electron/popoverPosition.ts';
import {
  BLUR_GRACE_MS,
  CLICK_AFTER_BLUR_MS,
  CRASH_RELOAD_WINDOW_MS,
  crashReloadDecision,
  MAX_CRASH_RELOADS,
  shouldHideOnBlur,
  toggleAction,
} from '../../../src-main/electron/popoverBehaviour.ts';

const size = { width: 380, height: 560 };
const cursor = { x: 0, y: 0 };

describe('popoverPosition', () => {
  it('macOS: centred under the menu-bar icon', () => {
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const trayBounds = { x: 1200, y: 0, width: 24, height: 24 };
    expect(popoverPosition({ trayBounds, windowSize: size, workArea, cursor, platform: 'darwin' })).toEqual({ x: 1022, y: 25 });
  });

  it('macOS: kept inside the screen when the icon is near the right edge', () => {
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const trayBounds = { x: 1410, y: 0, width: 24, height: 24 };
    expect(popoverPosition({ trayBounds, windowSize: size, workArea, cursor, platform: 'darwin' })).toEqual({ x: 1060, y: 25 });
  });

  it('Windows: above a bottom taskbar, clamped at the right edge', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const trayBounds = { x: 1800, y: 1044, width: 32, height: 32 };
    expect(popoverPosition({ trayBounds, windowSize: size, workArea, cursor, platform: 'win32' })).toEqual({ x: 1540, y: 480 });
  });

  it('Windows: beside a taskbar on the left, and on a second display with negative coordinates', () => {
    const workArea = { x: -1920 + 48, y: 0, width: 1920 - 48, height: 1080 };
    const trayBounds = { x: -1920 + 8, y: 900, width: 32, height: 32 };
    expect(popoverPosition({ trayBounds, windowSize: size, workArea, cursor, platform: 'win32' })).toEqual({ x: -1872, y: 520 });
  });

  it('Windows: beside a taskbar on the right', () => {
    const workArea = { x: 0, y: 0, width: 1872, height: 1080 };
    const trayBounds = { x: 1880, y: 100, width: 32, height: 32 };
    expect(popoverPosition({ trayBounds, windowSize: size, workArea, cursor, platform: 'win32' })).toEqual({ x: 1492, y: 0 });
  });

  it('Linux with a top panel: under the icon', () => {
    const workArea = { x: 0, y: 32, width: 2560, height: 1408 };
    const trayBounds = { x: 2400, y: 4, width: 24, height: 24 };
    expect(popoverPosition({ trayBounds, windowSize: size, workArea, cursor, platform: 'linux' })).toEqual({ x: 2180, y: 32 });
  });

  it('no tray bounds (Linux SNI, Wayland): near the pointer, below it in the upper half', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 };
    const at = popoverPosition({ trayBounds: { x: 0, y: 0, width: 0, height: 0 }, windowSize: size, workArea, cursor: { x: 900, y: 40 }, platform: 'linux' });
    expect(at).toEqual({ x: 710, y: 40 + CURSOR_GAP });
  });

  it('no tray bounds and the pointer in the lower half: above it, inside the work area', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ trayBounds: null, windowSize: size, workArea, cursor: { x: 1910, y: 1070 }, platform: 'linux' })).toEqual({
      x: 1540,
      y: 480,
    });
  });

  it('a window larger than the work area keeps its top-left corner visible', () => {
    const workArea = { x: 10, y: 20, width: 300, height: 400 };
    expect(popoverPosition({ trayBounds: null, windowSize: size, workArea, cursor: { x: 500, y: 500 }, platform: 'linux' })).toEqual({ x: 10, y: 20 });
  });

  it('always lands inside the work area (property over many trays and pointers)', () => {
    const workArea = { x: 100, y: 50, width: 1600, height: 900 };
    for (let i = 0; i < 500; i++) {
      const rnd = (n: number) => Math.floor(((i * 7919 + n * 104729) % 10007) / 10007 * 2200) - 200;
      const trayBounds = i % 3 === 0 ? null : { x: rnd(1), y: rnd(2), width: 24, height: 24 };
      const p = popoverPosition({ trayBounds, windowSize: size, workArea, cursor: { x: rnd(3), y: rnd(4) }, platform: (['darwin', 'win32', 'linux'] as const)[i % 3]! });
      expect(p.x).toBeGreaterThanOrEqual(100);
      expect(p.y).toBeGreaterThanOrEqual(50);
      expect(p.x + size.width).toBeLessThanOrEqual(1700);
      expect(p.y + size.height).toBeLessThanOrEqual(950);
      expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
    }
  });
});

describe('popoverPlacement', () => {
  const noSwitches = () => '';
  const switches = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('centres a native Wayland window (no pointer position, setPosition ignored)', () => {
    expect(popoverPlacement({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, switchValue: noSwitches })).toBe('centre');
  });

  it('places it near the tray on X11, on Linux without a session type, and on macOS and Windows', () => {
    expect(popoverPlacement({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' }, switchValue: noSwitches })).toBe('near-tray');
    expect(popoverPlacement({ platform: 'linux', env: {}, switchValue: noSwitches })).toBe('near-tray');
    expect(popoverPlacement({ platform: 'linux', env: { XDG_SESSION_TYPE: 'tty' }, switchValue: noSwitches })).toBe('near-tray');
    expect(popoverPlacement({ platform: 'darwin', env: { XDG_SESSION_TYPE: 'wayland' }, switchValue: noSwitches })).toBe('near-tray');
    expect(popoverPlacement({ platform: 'win32', env: { XDG_SESSION_TYPE: 'wayland' }, switchValue: noSwitches })).toBe('near-tray');
  });

  it('on Wayland started with --ozone-platform=x11 (XWayland): near the tray again', () => {
    const env = { XDG_SESSION_TYPE: 'wayland' };
    expect(popoverPlacement({ platform: 'linux', env, switchValue: switches({ 'ozone-platform': 'x11' }) })).toBe('near-tray');
    expect(popoverPlacement({ platform: 'linux', env, switchValue: switches({ 'ozone-platform-hint': 'x11' }) })).toBe('near-tray');
    expect(popoverPlacement({ platform: 'linux', env, switchValue: switches({ 'ozone-platform': 'wayland' }) })).toBe('centre');
    expect(popoverPlacement({ platform: 'linux', env, switchValue: switches({ 'ozone-platform-hint': 'auto' }) })).toBe('centre');
  });
});

describe('crashReloadDecision', () => {
  it('reloads a crashed page up to three times a minute, then stops', () => {
    let recent: number[] = [];
    const answers: boolean[] = [];
    for (const at of [0, 1_000, 2_000, 3_000, 4_000]) {
      const decision = crashReloadDecision(recent, at);
      recent = decision.recent;
      answers.push(decision.reload);
    }
    expect(MAX_CRASH_RELOADS).toBe(3);
    expect(answers).toEqual([true, true, true, false, false]);
  });

  it('reloads again once the oldest reload is a minute old', () => {
    const recent = [0, 10_000, 20_000];
    expect(crashReloadDecision(recent, CRASH_RELOAD_WINDOW_MS - 1).reload).toBe(false);
    const later = crashReloadDecision(recent, CRASH_RELOAD_WINDOW_MS);
    expect(later).toEqual({ reload: true, recent: [10_000, 20_000, CRASH_RELOAD_WINDOW_MS] });
  });

  it('does not grow without bound while refusing', () => {
    let recent = [0, 1, 2];
    for (let at = 3; at < 1_000; at++) recent = crashReloadDecision(recent, at).recent;
    expect(recent).toEqual([0, 1, 2]);
  });
});

describe('popover behaviour', () => {
  it('ignores a blur right after showing (Windows sends one), then hides', () => {
    expect(shouldHideOnBlur({ now: 1000 + BLUR_GRACE_MS - 1, shownAt: 1000, keepOpen: false })).toBe(false);
    expect(shouldHideOnBlur({ now: 1000 + BLUR_GRACE_MS, shownAt: 1000, keepOpen: false })).toBe(true);
    expect(shouldHideOnBlur({ now: 5000, shownAt: null, keepOpen: false })).toBe(true);
  });

  it('never hides on blur with "keep open"', () => {
    expect(shouldHideOnBlur({ now: 99_999, shownAt: 0, keepOpen: true })).toBe(false);
  });

  it('toggles, but a tray click right after a blur-hide is the same gesture and stays hidden', () => {
    expect(toggleAction({ visible: true, now: 10, hiddenByBlurAt: null })).toBe('hide');
    expect(toggleAction({ visible: false, now: 10, hiddenByBlurAt: null })).toBe('show');
    expect(toggleAction({ visible: false, now: 1000 + CLICK_AFTER_BLUR_MS - 1, hiddenByBlurAt: 1000 })).toBe('none');
    expect(toggleAction({ visible: false, now: 1000 + CLICK_AFTER_BLUR_MS, hiddenByBlurAt: 1000 })).toBe('show');
  });
});
