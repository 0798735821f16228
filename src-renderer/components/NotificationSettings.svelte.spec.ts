import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SettingsPatch } from '../../src-main/contract/dto.ts';
import { snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import NotificationSettings from './NotificationSettings.svelte';

function notifications(pausedUntil: number | null = null) {
  const save = vi.fn((_patch: SettingsPatch) => Promise.resolve(true));
  const state = snapshot({ notificationsPausedUntil: pausedUntil });
  const rendered = renderWithApp(NotificationSettings, {
    snapshot: state,
    props: { settings: state.settings, save, errors: {}, saved: null },
  });
  return { ...rendered, save };
}

describe('NotificationSettings', () => {
  it('one checkbox per kind of change, each saved on its own', async () => {
    const { save } = notifications();
    const step = screen.getByRole('checkbox', { name: 'Step changes' });
    expect((step as HTMLInputElement).checked).toBe(false);
    await fireEvent.click(step);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'No notifications during quiet hours' }));
    expect(save.mock.calls.map(([p]) => p)).toEqual([{ notify: { step: true } }, { quietHours: { enabled: true } }]);
  });

  it('"Pause for 1 hour" asks the engine to pause about an hour from now', async () => {
    const { bridge } = notifications();
    const before = Date.now();
    await fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    const [[until]] = bridge.callsOf('pauseNotifications') as [[number]];
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - before).toBeLessThan(3_660_000);
  });

  it('while paused, says until when, and the same button resumes', async () => {
    const { bridge } = notifications(Date.now() + 1_800_000);
    expect(screen.getAllByRole('status').some((s) => s.textContent?.startsWith('Paused until '))).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Resume notifications' }));
    expect(bridge.callsOf('pauseNotifications')).toEqual([[null]]);
  });
});
