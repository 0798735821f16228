import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-main/contract/engineRules.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import TriageSettings from './TriageSettings.svelte';

describe('TriageSettings', () => {
  it('saves quiet days, privacy and the click target as patches', async () => {
    const save = vi.fn(async () => true);
    renderWithApp(TriageSettings, { props: { settings: DEFAULT_SETTINGS, save, saved: null } });
    await fireEvent.click(screen.getByLabelText('Sun'));
    await fireEvent.click(screen.getByLabelText('Hide task titles and people in notifications and the tray'));
    await fireEvent.change(screen.getByLabelText('Clicking a notification opens'), { target: { value: 'chamelio' } });
    expect(save.mock.calls).toEqual([
      [{ quietHours: { days: [1, 2, 3, 4, 5, 6] } }],
      [{ privateNotifications: true }],
      [{ notificationClick: 'chamelio' }],
    ]);
  });

  it('says in plain words why a test notification could not be shown', async () => {
    const message = 'This system does not show notifications from this app. Check its notification settings.';
    renderWithApp(TriageSettings, {
      props: { settings: DEFAULT_SETTINGS, save: async () => true, saved: null },
      answers: { sendTestNotification: () => ({ ok: false, reason: 'unsupported', message }) },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Send a test notification' }));
    expect((await screen.findByText(message)).getAttribute('role')).toBe('status');
  });
});
