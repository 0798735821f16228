import { describe, expect, it } from 'vitest';
import { decideKeyProtection } from '../../../src-main/electron/keyProtection.ts';

describe('decideKeyProtection', () => {
  it('uses the OS keychain on macOS and Windows when it is available', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(decideKeyProtection({ platform, encryptionAvailable: true, backend: null, userOptedInToWeak: false })).toEqual({
        protection: 'os',
        advice: null,
        canOptInToWeak: false,
      });
    }
  });

  it('keeps the key for the session on macOS/Windows without encryption, with no weak option', () => {
    const info = decideKeyProtection({ platform: 'darwin', encryptionAvailable: false, backend: null, userOptedInToWeak: true });
    expect(info.protection).toBe('session');
    expect(info.canOptInToWeak).toBe(false);
    expect(info.advice).toMatch(/Keychain/);
  });

  it('uses a real Linux keyring', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
      expect(decideKeyProtection({ platform: 'linux', encryptionAvailable: true, backend, userOptedInToWeak: false }).protection).toBe('os');
    }
  });

  it('treats basic_text and unknown as no keyring, even when encryption says available', () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      for (const encryptionAvailable of [true, false]) {
        const info = decideKeyProtection({ platform: 'linux', encryptionAvailable, backend, userOptedInToWeak: false });
        expect(info.protection, `${backend}/${encryptionAvailable}`).toBe('session');
        expect(info.canOptInToWeak).toBe(true);
        expect(info.advice).toMatch(/--password-store=gnome-libsecret/);
        expect(info.advice).toMatch(/kwallet6/);
      }
    }
  });

  it('stores with weak protection only after the user opted in, and says so', () => {
    const info = decideKeyProtection({ platform: 'linux', encryptionAvailable: true, backend: 'basic_text', userOptedInToWeak: true });
    expect(info.protection).toBe('weak');
    expect(info.canOptInToWeak).toBe(true);
    expect(info.advice).toMatch(/weak protection/);
  });

  it('does not offer weak storage when a keyring exists but is locked', () => {
    const info = decideKeyProtection({ platform: 'linux', encryptionAvailable: false, backend: 'gnome_libsecret', userOptedInToWeak: true });
    expect(info.protection).toBe('session');
    expect(info.canOptInToWeak).toBe(false);
    expect(info.advice).toMatch(/gnome_libsecret/);
  });
});
