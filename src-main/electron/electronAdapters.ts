/**
 * Thin adapters from Electron's APIs to the small interfaces the tested code uses. Nothing here
 * decides anything; each function only forwards.
 */
import { globalShortcut, safeStorage, shell } from 'electron';
import type { Logger } from '../core/app/ports.ts';
import { isAllowedExternalUrl } from './externalUrl.ts';
import type { LinuxStorageBackend } from './keyProtection.ts';
import type { KeyCipher } from './secretStore.ts';
import type { ShortcutRegistrar } from './shortcut.ts';

/**
 * safeStorage after `ready`. The synchronous API is used on purpose: its availability on Linux
 * without a keyring (`basic_text`, plain-text opt-in) is documented and is what keyProtection.ts
 * reasons about; the newer async API reports availability differently there.
 */
export function safeStorageCipher(platform: NodeJS.Platform): KeyCipher {
  return {
    platform,
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => (platform === 'linux' ? (safeStorage.getSelectedStorageBackend() as LinuxStorageBackend) : null),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
    allowPlainText: () => safeStorage.setUsePlainTextEncryption(true),
  };
}

export const globalShortcutRegistrar: ShortcutRegistrar = {
  register: (accelerator, callback) => globalShortcut.register(accelerator, callback),
  unregister: (accelerator) => globalShortcut.unregister(accelerator),
};

/**
 * The app's only call to shell.openExternal (checklist item 15) and the only place the allow-list is
 * checked: https pages on the Chamelio web app, nothing else, whoever asks (a bridge command, a link
 * the page tried to open or navigate to, the tray menu). Callers pass any URL and rely on this.
 */
export async function openInBrowser(url: string, logger: Logger, allow: (url: string) => boolean = isAllowedExternalUrl): Promise<boolean> {
  // `allow` is isDocumentUrl only for a document link the engine just got from the API for that click.
  if (!allow(url)) {
    logger.warn('refused to open a link outside the Chamelio app');
    return false;
  }
  await shell.openExternal(url);
  return true;
}
