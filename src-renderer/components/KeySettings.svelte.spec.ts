import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { KeyCheckResult } from '../../src-main/contract/dto.ts';
import { snapshot } from '../testing/fixtures.ts';
import { renderWithApp } from '../testing/renderWithApp.ts';
import KeySettings from './KeySettings.svelte';

const noKey = snapshot({ key: { isSet: false, protection: null, advice: null, canOptInToWeak: true }, org: null });
const field = (): HTMLInputElement => screen.getByLabelText('API key');

async function submit(key: string): Promise<void> {
  await fireEvent.input(field(), { target: { value: key } });
  await fireEvent.submit(field().form as HTMLFormElement);
}

describe('KeySettings', () => {
  it('the key field is described by the key’s state, and never shows the stored key', () => {
    renderWithApp(KeySettings);
    expect(field().value).toBe('');
    expect(field().type).toBe('password');
    const state = document.getElementById(field().getAttribute('aria-describedby') ?? '');
    expect(state?.getAttribute('role')).toBe('status');
    expect(state?.textContent).toContain('A key is set, kept encrypted by your system keychain.');
  });

  it('saves a key (with the weak-storage opt-in when ticked) and empties the field', async () => {
    const { bridge } = renderWithApp(KeySettings, { snapshot: noKey });
    await fireEvent.click(screen.getByRole('checkbox', { name: /Remember the key with weak protection/ }));
    await submit('  ca_live_abc123  ');
    expect(bridge.callsOf('setApiKey')).toEqual([['ca_live_abc123', true]]);
    await waitFor(() => expect(field().value).toBe(''));
  });

  const refusals: [KeyCheckResult & { ok: false }, string][] = [
    [{ ok: false, reason: 'key-revoked', message: 'API key has been revoked' }, 'The key was refused: API key has been revoked'],
    [{ ok: false, reason: 'network', message: 'connection refused' }, 'Couldn’t reach Chamelio to check the key: connection refused'],
    [{ ok: false, reason: 'invalid-format', message: 'it should start with ca_' }, 'That is not a Chamelio API key: it should start with ca_'],
  ];
  for (const [result, words] of refusals) {
    it(`a refusal (${result.reason}) says whose doing it was, and the key stays to be corrected`, async () => {
      renderWithApp(KeySettings, { snapshot: noKey, answers: { setApiKey: () => result } });
      await submit('ca_wrong');
      expect((await screen.findByTestId('key-error')).textContent).toBe(words);
      expect(field().value).toBe('ca_wrong');
    });
  }

  it('"Clear key" asks the engine and puts focus in the empty field', async () => {
    const { bridge } = renderWithApp(KeySettings);
    await fireEvent.click(screen.getByRole('button', { name: 'Clear key' }));
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(bridge.callsOf('clearApiKey')).toEqual([[]]);
  });

  it('an empty field sends nothing', async () => {
    const { bridge } = renderWithApp(KeySettings, { snapshot: noKey });
    const save = screen.getByRole('button', { name: 'Save key' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    await submit('   ');
    expect(bridge.callsOf('setApiKey')).toEqual([]);
  });
});
