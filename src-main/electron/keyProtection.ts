/**
 * How the API key can be kept on this machine, decided from what safeStorage reports. Linux without a
 * real keyring encrypts with Chromium's hard-coded "peanuts" password (backend `basic_text`): that is
 * obfuscation, so by default the key stays in memory for the session (as VS Code does) and the user
 * may opt in to weak storage knowingly.
 */
import type { KeyProtectionInfo } from '../core/app/ports.ts';

export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

interface KeyProtectionInput {
  platform: NodeJS.Platform;
  /** safeStorage.isEncryptionAvailable(), asked after `ready`. */
  encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  backend: LinuxStorageBackend | null;
  userOptedInToWeak: boolean;
}

const NO_KEYRING_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

const LINUX_FIX =
  'To keep it in your keyring, install and unlock one (GNOME Keyring or KWallet) and start the app with ' +
  '--password-store=gnome-libsecret (or --password-store=kwallet6 on KDE).';

export function decideKeyProtection(input: KeyProtectionInput): KeyProtectionInfo {
  const { platform, encryptionAvailable, backend, userOptedInToWeak } = input;

  if (platform !== 'linux') {
    if (encryptionAvailable) return { protection: 'os', advice: null, canOptInToWeak: false };
    const store = platform === 'darwin' ? 'the macOS Keychain' : 'Windows data protection';
    return {
      protection: 'session',
      advice: `${store} is not available, so your API key is kept in memory only and you will be asked again after a restart.`,
      canOptInToWeak: false,
    };
  }

  const noKeyring = backend === null || NO_KEYRING_BACKENDS.has(backend);
  if (encryptionAvailable && !noKeyring) return { protection: 'os', advice: null, canOptInToWeak: false };

  if (!noKeyring) {
    // A keyring was found (gnome_libsecret, kwallet*) but did not answer: locked, or its daemon is not running.
    // Plain-text mode would not help here: Electron only falls back to it for `basic_text`.
    return {
      protection: 'session',
      advice:
        `Your keyring (${backend}) did not answer, so your API key is kept in memory only until you quit. ` +
        'Unlock the keyring or start its service, then restart the app.',
      canOptInToWeak: false,
    };
  }

  if (userOptedInToWeak) {
    return {
      protection: 'weak',
      advice:
        'No system keyring was found; as you chose, your API key is saved with weak protection ' +
        '(a password that is the same on every computer). ' +
        LINUX_FIX,
      canOptInToWeak: true,
    };
  }
  return {
    protection: 'session',
    advice: 'No system keyring was found, so your API key is kept in memory only until you quit. ' + LINUX_FIX,
    canOptInToWeak: true,
  };
}
