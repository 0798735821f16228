import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/renderWithApp.ts';
import SettingsView from './SettingsView.svelte';

describe('SettingsView', () => {
  it('puts focus on its heading and holds the key, general and notification sections', () => {
    renderWithApp(SettingsView);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Settings' }));
    for (const name of ['Chamelio API key', 'You', 'Checking', 'Theme', 'Window', 'Notify me about', 'Quiet hours']) {
      expect(screen.getByRole('group', { name })).toBeTruthy();
    }
  });

  it('saves a changed field on its own and says "Saved." beside it', async () => {
    const { bridge } = renderWithApp(SettingsView);
    const email = screen.getByRole('textbox', { name: 'Your email' });
    await fireEvent.input(email, { target: { value: ' me@example.com ' } });
    await fireEvent.change(email);
    expect(bridge.callsOf('updateSettings')).toEqual([[{ userEmail: 'me@example.com' }]]);
    const you = screen.getByRole('group', { name: 'You' });
    await waitFor(() => expect(you.querySelector('[role="status"]')?.textContent).toBe('Saved.'));
  });

  it('a refused value marks its field invalid and joins the reason to its description', async () => {
    renderWithApp(SettingsView, {
      answers: { updateSettings: () => ({ ok: false, field: 'pollIntervalSeconds', message: 'At least 5 seconds.' }) },
    });
    const poll = screen.getByRole('spinbutton', { name: 'Poll interval (seconds)' });
    await fireEvent.input(poll, { target: { value: '1' } });
    await fireEvent.change(poll);
    await waitFor(() => expect(poll.getAttribute('aria-invalid')).toBe('true'));
    const reason = document.getElementById(poll.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('At least 5 seconds.');
    expect(reason?.getAttribute('role')).toBe('alert');
  });

  it('a refused quiet-hours time marks both times invalid, described by the reason', async () => {
    renderWithApp(SettingsView, {
      answers: { updateSettings: () => ({ ok: false, field: 'quietHours.start', message: 'Use HH:MM.' }) },
    });
    const from = screen.getByLabelText('From');
    await fireEvent.change(from, { target: { value: '25:00' } });
    await waitFor(() => expect(from.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(from.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Use HH:MM.');
  });

  it('"All tasks" goes back to the list', async () => {
    const { app } = renderWithApp(SettingsView);
    app.view.show({ kind: 'settings' });
    await fireEvent.click(screen.getByRole('button', { name: 'All tasks' }));
    expect(app.view.current.kind).toBe('list');
  });
});
