import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SettingsPatch } from '../../src-main/contract/dto.ts';
import { snapshot } from '../testing/fixtures.ts';
import GeneralSettings from './GeneralSettings.svelte';

function general(props: { errors?: Record<string, string>; saved?: string | null; budget?: number | null } = {}) {
  const save = vi.fn((_patch: SettingsPatch) => Promise.resolve(true));
  render(GeneralSettings, {
    props: { settings: snapshot().settings, budget: props.budget === undefined ? 60 : props.budget, save, errors: props.errors ?? {}, saved: props.saved ?? null },
  });
  return save;
}

const describedText = (field: HTMLElement): string =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.trim())
    .join(' | ');

describe('GeneralSettings', () => {
  it('describes each field by its help, and names the request budget', () => {
    general();
    expect(describedText(screen.getByRole('textbox', { name: 'Your email' }))).toBe(
      'Your email in Chamelio, to tell you when a task is assigned to you.',
    );
    expect(describedText(screen.getByRole('spinbutton', { name: 'Share of the rate limit to use (%)' }))).toBe(
      'Up to 60 requests per minute.',
    );
  });

  it('without a key there is no budget yet, and it says when there will be', () => {
    general({ budget: null });
    expect(screen.getByText('Applies once a key is set.')).toBeTruthy();
  });

  it('saves each change as its own patch, in the engine’s units', async () => {
    const save = general();
    const share = screen.getByRole('spinbutton', { name: 'Share of the rate limit to use (%)' });
    await fireEvent.input(share, { target: { value: '80' } });
    await fireEvent.change(share);
    await fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Launch at login' }));
    const shortcut = screen.getByRole('textbox', { name: 'Shortcut to open the popover' });
    await fireEvent.input(shortcut, { target: { value: '  Alt+K ' } });
    await fireEvent.change(shortcut);
    expect(save.mock.calls.map(([patch]) => patch)).toEqual([
      { rateLimitShare: 0.8 },
      { theme: 'dark' },
      { launchAtLogin: true },
      { shortcut: 'Alt+K' },
    ]);
  });

  it('an error marks its field invalid and is read after the help', () => {
    general({ errors: { userEmail: 'That is not an email address.' } });
    const email = screen.getByRole('textbox', { name: 'Your email' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(email)).toBe('Your email in Chamelio, to tell you when a task is assigned to you. | That is not an email address.');
  });

  it('"Saved." shows only beside the field just saved', () => {
    general({ saved: 'keepOpen' });
    expect(screen.getAllByRole('status').filter((s) => s.textContent === 'Saved.')).toHaveLength(1);
    const row = screen.getByRole('checkbox', { name: 'Keep the popover open when it loses focus' }).closest('.field');
    expect(row?.textContent).toContain('Saved.');
  });
});
