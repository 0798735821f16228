import type { KeyProtection, KeyProtectionInfo, SecretStore } from '../../core/app/ports.ts';

/**
 * Stand-in for the OS keychain, which does not exist outside Electron: the key lives in this
 * process's memory for the session and is never written anywhere. Used by the browser preview,
 * the tests and the benchmark; the Electron app uses safeStorage.
 */
export class MemorySecretStore implements SecretStore {
  private key: string | null;

  constructor(initialKey: string | null = null) {
    this.key = initialKey;
  }

  async get(): Promise<string | null> {
    return this.key;
  }

  async set(key: string): Promise<KeyProtection> {
    this.key = key;
    return 'session';
  }

  async clear(): Promise<void> {
    this.key = null;
  }

  protection(): KeyProtectionInfo {
    return {
      protection: 'session',
      advice: 'In the browser preview the key is kept in memory only and is gone when the preview stops.',
      canOptInToWeak: false,
    };
  }
}
