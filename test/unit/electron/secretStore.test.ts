import { describe, expect, it, vi } from 'vitest';
import type { LinuxStorageBackend } from '../../../src-main/electron/keyProtection.ts';
import { SafeStorageSecretStore, type KeyCipher, type StoredKeyRecord } from '../../../src-main/electron/secretStore.ts';

const KEY = 'ca_secretKey1234567890';

/** Models safeStorage: basic_text is "available" only after the plain-text opt-in. */
function cipher(opts: { platform?: NodeJS.Platform; available?: boolean; backend?: LinuxStorageBackend; salt?: number } = {}) {
  const state = { plainText: false, salt: opts.salt ?? 7, encryptFails: false };
  const c: KeyCipher & { state: typeof state } = {
    state,
    platform: opts.platform ?? 'linux',
    isEncryptionAvailable: () => (opts.available ?? true) || (opts.backend === 'basic_text' && state.plainText),
    backend: () => opts.backend ?? 'gnome_libsecret',
    encrypt: (plain) => {
      if (state.encryptFails) throw new Error('encryption failed');
      return Uint8Array.from(Buffer.from(plain, 'utf8'), (b) => b ^ state.salt);
    },
    decrypt: (bytes) => {
      const out = Buffer.from(Uint8Array.from(bytes, (b) => b ^ state.salt)).toString('utf8');
      if (!out.startsWith('ca_')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return out;
    },
    allowPlainText: vi.fn(() => {
      state.plainText = true;
    }),
  };
  return c;
}

function records(initial: unknown = null) {
  const box = { value: initial as unknown };
  return {
    box,
    read: () => box.value,
    write: (r: StoredKeyRecord) => {
      box.value = structuredClone(r);
    },
    remove: () => {
      box.value = null;
    },
  };
}
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('SafeStorageSecretStore with a keyring', () => {
  it('stores ciphertext as base64 (never the key) and reads it back on the next run', async () => {
    const c = cipher();
    const r = records();
    const store = new SafeStorageSecretStore({ cipher: c, records: r, logger });
    expect(await store.set(KEY, { allowWeak: false })).toBe('os');
    const record = r.box.value as StoredKeyRecord;
    expect(record).toMatchObject({ v: 1, protection: 'os' });
    expect(record.cipher).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.stringify(record)).not.toContain(KEY);

    const nextRun = new SafeStorageSecretStore({ cipher: cipher(), records: r, logger });
    expect(await nextRun.get()).toBe(KEY);
    expect(nextRun.protection()).toEqual({ protection: 'os', advice: null, canOptInToWeak: false });
  });

  it('decrypts once per run', async () => {
    const c = cipher();
    const r = records();
    await new SafeStorageSecretStore({ cipher: c, records: r, logger }).set(KEY, { allowWeak: false });
    const decrypt = vi.spyOn(c, 'decrypt');
    const store = new SafeStorageSecretStore({ cipher: c, records: r, logger });
    await store.get();
    await store.get();
    expect(decrypt).toHaveBeenCalledOnce();
  });

  it('forgets a record it cannot decrypt (keyring reset, another machine) and asks again', async () => {
    const r = records();
    await new SafeStorageSecretStore({ cipher: cipher({ salt: 7 }), records: r, logger }).set(KEY, { allowWeak: false });
    const store = new SafeStorageSecretStore({ cipher: cipher({ salt: 99 }), records: r, logger });
    expect(await store.get()).toBeNull();
    expect(r.box.value).toBeNull();
  });

  it('forgets a damaged record', async () => {
    const r = records({ v: 1, cipher: 'not base64!', protection: 'os' });
    expect(await new SafeStorageSecretStore({ cipher: cipher(), records: r, logger }).get()).toBeNull();
    expect(r.box.value).toBeNull();
  });

  it('keeps the record when the keyring is merely unavailable right now', async () => {
    const r = records();
    await new SafeStorageSecretStore({ cipher: cipher(), records: r, logger }).set(KEY, { allowWeak: false });
    const locked = new SafeStorageSecretStore({ cipher: cipher({ available: false }), records: r, logger });
    expect(await locked.get()).toBeNull();
    expect(r.box.value).not.toBeNull();
  });

  it('clear forgets both the memory copy and the record', async () => {
    const r = records();
    const store = new SafeStorageSecretStore({ cipher: cipher(), records: r, logger });
    await store.set(KEY, { allowWeak: false });
    await store.clear();
    expect(await store.get()).toBeNull();
    expect(r.box.value).toBeNull();
  });

  it('falls back to the session when encryption fails, and says so', async () => {
    const c = cipher();
    c.state.encryptFails = true;
    const r = records();
    const store = new SafeStorageSecretStore({ cipher: c, records: r, logger });
    expect(await store.set(KEY, { allowWeak: false })).toBe('session');
    expect(r.box.value).toBeNull();
    expect(await store.get()).toBe(KEY);
    expect(store.protection()).toMatchObject({ protection: 'session' });
    expect(store.protection().advice).toMatch(/memory/);
  });
});

describe('SafeStorageSecretStore without a keyring (Linux basic_text)', () => {
  it('keeps the key in memory only, and removes an older stored key', async () => {
    const c = cipher({ available: false, backend: 'basic_text' });
    const r = records({ v: 1, cipher: 'AAAA', protection: 'os' });
    const store = new SafeStorageSecretStore({ cipher: c, records: r, logger });
    expect(await store.set(KEY, { allowWeak: false })).toBe('session');
    expect(r.box.value).toBeNull();
    expect(c.allowPlainText).not.toHaveBeenCalled();
    expect(await store.get()).toBe(KEY);
    expect(store.protection()).toMatchObject({ protection: 'session', canOptInToWeak: true });
  });

  it('stores with weak protection after the opt-in, and reads it back next run', async () => {
    const c = cipher({ available: false, backend: 'basic_text' });
    const r = records();
    const store = new SafeStorageSecretStore({ cipher: c, records: r, logger });
    expect(await store.set(KEY, { allowWeak: true })).toBe('weak');
    expect(c.allowPlainText).toHaveBeenCalled();
    expect(r.box.value).toMatchObject({ v: 1, protection: 'weak' });
    expect(store.protection()).toMatchObject({ protection: 'weak', canOptInToWeak: true });

    const c2 = cipher({ available: false, backend: 'basic_text' });
    const nextRun = new SafeStorageSecretStore({ cipher: c2, records: r, logger });
    expect(await nextRun.get()).toBe(KEY);
    expect(c2.allowPlainText).toHaveBeenCalled();
    expect(nextRun.protection().protection).toBe('weak');
  });

  it('stays in the session if the opt-in cannot make encryption available', async () => {
    const c = cipher({ available: false, backend: 'unknown' });
    const r = records();
    const store = new SafeStorageSecretStore({ cipher: c, records: r, logger });
    expect(await store.set(KEY, { allowWeak: true })).toBe('session');
    expect(r.box.value).toBeNull();
  });
});

describe('SafeStorageSecretStore on macOS and Windows', () => {
  it('uses the OS store and never offers weak storage', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const store = new SafeStorageSecretStore({ cipher: cipher({ platform }), records: records(), logger });
      expect(await store.set(KEY, { allowWeak: true })).toBe('os');
      const unavailable = new SafeStorageSecretStore({ cipher: cipher({ platform, available: false }), records: records(), logger });
      expect(await unavailable.set(KEY, { allowWeak: true })).toBe('session');
      expect(unavailable.protection().canOptInToWeak).toBe(false);
    }
  });
});

describe('asking safeStorage only when there is something to keep', () => {
  it('an app started with no key record never asks safeStorage (no keyring prompt at every login)', async () => {
    const c = cipher({ backend: 'kwallet6' });
    const asked = vi.spyOn(c, 'isEncryptionAvailable');
    const encrypt = vi.spyOn(c, 'encrypt');
    const store = new SafeStorageSecretStore({ cipher: c, records: records(), logger });
    expect(await store.get()).toBeNull();
    expect(store.protection()).toEqual({ protection: 'os', advice: null, canOptInToWeak: false });
    expect(asked).not.toHaveBeenCalled();
    expect(encrypt).not.toHaveBeenCalled();
    // Setting a key asks, as it must.
    await store.set(KEY, { allowWeak: false });
    expect(asked).toHaveBeenCalled();
  });

  it('still says at once that a Linux box without a keyring keeps the key for the session only', () => {
    const c = cipher({ backend: 'basic_text', available: false });
    const asked = vi.spyOn(c, 'isEncryptionAvailable');
    const store = new SafeStorageSecretStore({ cipher: c, records: records(), logger });
    expect(store.protection()).toMatchObject({ protection: 'session', canOptInToWeak: true });
    expect(asked).not.toHaveBeenCalled();
  });

  it('a stored record is read, which asks safeStorage', async () => {
    const c = cipher();
    const box = records();
    await new SafeStorageSecretStore({ cipher: c, records: box, logger }).set(KEY, { allowWeak: false });
    const asked = vi.spyOn(c, 'isEncryptionAvailable');
    expect(await new SafeStorageSecretStore({ cipher: c, records: box, logger }).get()).toBe(KEY);
    expect(asked).toHaveBeenCalled();
  });
});
