/**
 * The API key, encrypted with safeStorage (OS keychain, DPAPI, or the Linux keyring) and stored as
 * base64 ciphertext in electron-store. It is decrypted only here, in main, and cached in memory so
 * macOS asks for Keychain access at most once per run. Where there is no real keyring the key stays
 * in memory for the session unless the user opted in to weak storage (keyProtection.ts).
 */
import type { KeyProtection, KeyProtectionInfo, Logger, SecretStore } from '../core/app/ports.ts';
import { decideKeyProtection, type LinuxStorageBackend } from './keyProtection.ts';

/** safeStorage, reduced to what the store needs; the Electron adapter is in electronAdapters.ts. */
export interface KeyCipher {
  readonly platform: NodeJS.Platform;
  isEncryptionAvailable(): boolean;
  /** Linux only; null elsewhere. */
  backend(): LinuxStorageBackend | null;
  encrypt(plain: string): Uint8Array;
  decrypt(cipher: Uint8Array): string;
  /** setUsePlainTextEncryption(true): the user's opt-in to the fixed-password fallback. */
  allowPlainText(): void;
}

export interface StoredKeyRecord {
  v: 1;
  /** base64 of safeStorage.encryptString(key) */
  cipher: string;
  protection: 'os' | 'weak';
}

export interface KeyRecordStore {
  read(): unknown;
  write(record: StoredKeyRecord): void;
  remove(): void;
}

function isStoredKeyRecord(value: unknown): value is StoredKeyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r['v'] === 1 &&
    typeof r['cipher'] === 'string' &&
    r['cipher'].length > 0 &&
    /^[A-Za-z0-9+/]+=*$/.test(r['cipher']) &&
    (r['protection'] === 'os' || r['protection'] === 'weak')
  );
}

export class SafeStorageSecretStore implements SecretStore {
  private readonly cipher: KeyCipher;
  private readonly records: KeyRecordStore;
  private readonly logger: Logger;
  private cached: string | null = null;
  /** How the key in `cached` is kept right now; null when there is none. */
  private current: KeyProtection | null = null;
  private optedInToWeak = false;
  private loaded = false;
  /**
   * Whether safeStorage has been asked anything yet. Asking is what makes KWallet or a locked GNOME
   * keyring prompt, so it waits until there is a key record to read or a key to keep; otherwise an
   * app started at login with no key would prompt at every login for nothing.
   */
  private askedCipher = false;

  constructor(deps: { cipher: KeyCipher; records: KeyRecordStore; logger: Logger }) {
    this.cipher = deps.cipher;
    this.records = deps.records;
    this.logger = deps.logger;
  }

  async get(): Promise<string | null> {
    if (this.cached !== null) return this.cached;
    if (this.loaded) return null;
    this.loaded = true;
    const record = this.records.read();
    if (record === undefined || record === null) return null;
    if (!isStoredKeyRecord(record)) {
      this.logger.warn('the stored API key record is damaged; forgetting it');
      this.records.remove();
      return null;
    }
    if (record.protection === 'weak') {
      // The user opted in on an earlier run; the fixed-password fallback must be on to read it back.
      this.optedInToWeak = true;
      this.cipher.allowPlainText();
    }
    this.askedCipher = true;
    if (!this.cipher.isEncryptionAvailable()) {
      // A keyring that is locked or not started yet: keep the record, the next run may read it.
      this.logger.warn('encryption is not available now; the stored API key cannot be read this session');
      return null;
    }
    try {
      this.cached = this.cipher.decrypt(Buffer.from(record.cipher, 'base64'));
      this.current = record.protection;
      return this.cached;
    } catch {
      // Keyring reset, profile copied from another user or machine: the record is useless. Ask again.
      this.logger.warn('the stored API key could not be decrypted; forgetting it');
      this.records.remove();
      return null;
    }
  }

  async set(key: string, options: { allowWeak: boolean }): Promise<KeyProtection> {
    if (options.allowWeak) this.optedInToWeak = true;
    this.askedCipher = true;
    const decision = this.decide();
    let protection: KeyProtection = decision.protection;
    if (protection === 'weak') {
      this.cipher.allowPlainText();
      if (!this.cipher.isEncryptionAvailable()) protection = 'session';
    }
    if (protection === 'os' || protection === 'weak') {
      try {
        const cipherText = Buffer.from(this.cipher.encrypt(key)).toString('base64');
        this.records.write({ v: 1, cipher: cipherText, protection });
      } catch {
        this.logger.warn('encrypting the API key failed; keeping it for this session only');
        protection = 'session';
      }
    }
    // A session-only key must not leave an older key behind on disk to come back after a restart.
    if (protection === 'session') this.records.remove();
    this.cached = key;
    this.current = protection;
    this.loaded = true;
    return protection;
  }

  async clear(): Promise<void> {
    this.records.remove();
    this.cached = null;
    this.current = null;
    this.loaded = true;
  }

  protection(): KeyProtectionInfo {
    const info = this.decide();
    if (this.current === null || this.current === info.protection) return info;
    // The key is kept less well than this machine could (encryption failed, keyring went away).
    return {
      ...info,
      protection: this.current,
      advice: info.advice ?? 'Your API key could not be encrypted, so it is kept in memory only until you quit.',
    };
  }

  private decide(): KeyProtectionInfo {
    return decideKeyProtection({
      platform: this.cipher.platform,
      // Before safeStorage has been asked (no record, no key yet): what this machine most likely
      // offers, judged from the Linux backend's name alone (getSelectedStorageBackend reads no keyring).
      encryptionAvailable: this.askedCipher ? this.cipher.isEncryptionAvailable() : this.likelyAvailable(),
      backend: this.cipher.platform === 'linux' ? this.cipher.backend() : null,
      userOptedInToWeak: this.optedInToWeak,
    });
  }

  private likelyAvailable(): boolean {
    if (this.cipher.platform !== 'linux') return true;
    const backend = this.cipher.backend();
    return backend !== null && backend !== 'basic_text' && backend !== 'unknown';
  }
}
