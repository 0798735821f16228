import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../../src-main/core/app/TrayState.ts';
import { MAX_TOOLTIP_LENGTH, traySummary } from '../../../src-main/electron/traySummary.ts';

const formatTime = () => '10:42';

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    kind: 'idle',
    pinned: 3,
    changed: 0,
    needsYou: 0,
    lastCheckedAt: 1000,
    connection: { kind: 'ok' },
    notificationsPausedUntil: null,
    hasKey: true,
    tasks: [],
    ...overrides,
  };
}

describe('traySummary: the tooltip and the menu line from the engine’s parts', () => {
  it('counts the tasks that need you, in words and as the title beside the icon', () => {
    expect(traySummary(state({ needsYou: 1 }), formatTime)).toMatchObject({ menuLine: 'Chamelio Tray · 3 pinned · 1 needs you', title: '1' });
    expect(traySummary(state({ needsYou: 4, changed: 2 }), formatTime).menuLine).toBe('Chamelio Tray · 3 pinned · 2 changed · 4 need you');
    expect(traySummary(state(), formatTime).title).toBe('');
  });

  it('names the app, the counts and the time of the last check, which only the tooltip has', () => {
    expect(traySummary(state({ changed: 1 }), formatTime)).toEqual({
      tooltip: 'Chamelio Tray · 3 pinned · 1 changed · checked 10:42',
      menuLine: 'Chamelio Tray · 3 pinned · 1 changed',
      title: '',
    });
    expect(traySummary(state({ pinned: 0, lastCheckedAt: null }), formatTime)).toEqual({
      tooltip: 'Chamelio Tray · 0 pinned',
      menuLine: 'Chamelio Tray · 0 pinned',
      title: '',
    });
  });

  it('says what is wrong with the connection, a missing key first', () => {
    const line = (over: Partial<TrayState>) => traySummary(state(over), formatTime).menuLine;
    expect(line({ hasKey: false, connection: { kind: 'no-key' } })).toBe('Chamelio Tray · 3 pinned · no API key');
    expect(line({ connection: { kind: 'offline', message: 'x', since: 0 } })).toBe('Chamelio Tray · 3 pinned · offline');
    expect(line({ connection: { kind: 'degraded', message: 'x', since: 0 } })).toBe('Chamelio Tray · 3 pinned · Chamelio has errors');
    expect(line({ connection: { kind: 'rate-limited', until: 5 } })).toBe('Chamelio Tray · 3 pinned · rate limited');
    expect(line({ notificationsPausedUntil: 9000 })).toBe('Chamelio Tray · 3 pinned · notifications paused');
  });

  it('keeps the API’s words for a key problem whole, even when they look like another part', () => {
    // Splitting a composed sentence on " · " would have cut this reason apart or dropped it.
    const detail = 'checked · key revoked by admin';
    const summary = traySummary(state({ kind: 'key-problem', connection: { kind: 'key-problem', reason: 'key-revoked', detail } }), formatTime);
    expect(summary.menuLine).toBe(`Chamelio Tray · 3 pinned · ${detail}`);
    expect(summary.tooltip).toBe(`Chamelio Tray · 3 pinned · ${detail} · checked 10:42`);
  });

  it('fits the Windows tooltip limit', () => {
    const detail = 'x'.repeat(500);
    const { tooltip } = traySummary(state({ connection: { kind: 'key-problem', reason: 'key-revoked', detail } }), formatTime);
    expect(tooltip).toHaveLength(MAX_TOOLTIP_LENGTH);
    expect(tooltip.endsWith('…')).toBe(true);
  });
});
