import { fireEvent, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import Header from './Header.svelte';

describe('Header', () => {
  it('names the organisation and says how the connection is, as a live region', () => {
    renderWithApp(Header, { snapshot: snapshot({ connection: { kind: 'key-problem', reason: 'key-revoked', detail: 'API key has been revoked' } }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Acme Corporation' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Key problem: API key has been revoked');
  });

  it('says the engine is not answering before anything the last snapshot said', () => {
    const { app } = renderWithApp(Header);
    expect(screen.getByRole('status').textContent).toBe('Connected');
    flushSync(() => (app.engine.reachable = false));
    expect(screen.getByRole('status').textContent).toBe('The app’s engine is not answering');
  });

  it('marks demo data and paused notifications in words', () => {
    renderWithApp(Header, { snapshot: snapshot({ demo: true, notificationsPausedUntil: Date.now() + 60_000 }) });
    expect(screen.getByText('Demo data')).toBeTruthy();
    expect(screen.getByText('Paused')).toBeTruthy();
  });

  it('Refresh asks the engine once', async () => {
    const { bridge } = renderWithApp(Header);
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(bridge.callsOf('refresh')).toEqual([[]]);
  });

  it('Refresh without a key is aria-disabled and sends nothing', async () => {
    const { bridge } = renderWithApp(Header, { snapshot: snapshot({ key: { isSet: false, protection: null, advice: null, canOptInToWeak: false } }) });
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    await fireEvent.click(refresh);
    expect(bridge.callsOf('refresh')).toEqual([]);
  });

  it('Activity and Settings are toggle buttons that open their view and come back', async () => {
    const { app } = renderWithApp(Header);
    const settings = screen.getByRole('button', { name: 'Settings' });
    expect(settings.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(settings);
    expect(app.view.current.kind).toBe('settings');
    expect(settings.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(screen.getByRole('button', { name: 'Activity' }));
    expect(app.view.current.kind).toBe('activity');
    expect(settings.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(screen.getByRole('button', { name: 'Activity' }));
    expect(app.view.current.kind).toBe('list');
  });
});
