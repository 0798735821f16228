/**
 * Part of the recording stand-in for `electron` (../electron-stand-in.ts), which stands in for the
 * Electron runtime that cannot run here. System services: shortcuts, safeStorage, net.fetch, power
 * and theme, the shell, dialogs, the clipboard.
 */
import { EventEmitter } from 'node:events';
import { isReadyNow, record, requireReady, settings } from './recording.ts';

// ── system services ───────────────────────────────────────────────────────────────────────────────
export const registeredShortcuts = new Map<string, () => void>();
export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    record('globalShortcut.register', accelerator);
    requireReady('globalShortcut');
    // electron.d.ts: "When the accelerator is already taken by other applications, this call will
    // silently fail" — it returns false and throws nothing.
    if (settings.takenShortcuts.includes(accelerator)) return false;
    registeredShortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    registeredShortcuts.delete(accelerator);
  },
  unregisterAll(): void {
    record('globalShortcut.unregisterAll');
    registeredShortcuts.clear();
  },
};

let plainTextOptIn = false;
function encryptionAvailableNow(): boolean {
  if (!isReadyNow()) return false;
  // electron-practices.md: on `basic_text` isEncryptionAvailable() is
  // `OSCrypt::IsEncryptionAvailable() || (use_password_v10_ && backend == "basic_text")`, i.e. false
  // until setUsePlainTextEncryption(true) ("force the module to use an in memory password").
  if (settings.platform === 'linux' && settings.storageBackend === 'basic_text') return plainTextOptIn;
  return settings.encryptionAvailable;
}
/** Reversible and obviously fake: the point is that main stores what safeStorage returns. */
export const safeStorage = {
  isEncryptionAvailable(): boolean {
    record('safeStorage.isEncryptionAvailable');
    requireReady('safeStorage');
    return encryptionAvailableNow();
  },
  /** electron.d.ts: "User friendly name of the password manager selected on Linux"; 'unknown' before ready. */
  getSelectedStorageBackend(): string {
    return isReadyNow() ? settings.storageBackend : 'unknown';
  },
  /** electron.d.ts: "This function will throw an error if encryption fails" (as it does when unavailable). */
  encryptString(plain: string): Buffer {
    record('safeStorage.encryptString');
    requireReady('safeStorage');
    if (!encryptionAvailableNow()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a));
  },
  decryptString(cipher: Buffer): string {
    record('safeStorage.decryptString');
    if (!encryptionAvailableNow()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    return Buffer.from(cipher.map((b) => b ^ 0x5a)).toString('utf8');
  },
  /** electron.d.ts: Linux only, "a no-op on Windows and MacOS". */
  setUsePlainTextEncryption(on: boolean): void {
    record('safeStorage.setUsePlainTextEncryption', on);
    if (settings.platform === 'linux') plainTextOptIn = on;
  },
};

export const fetches: {
  url: string;
  method: string;
  headerNames: string[];
  redirect: string;
  cache: string;
  credentials: string;
  hasSignal: boolean;
  afterReady: boolean;
}[] = [];
const notFound = (): Response =>
  new Response(JSON.stringify({ detail: 'Not found' }), { status: 404, headers: { 'content-type': 'application/json' } });
export const net = {
  /**
   * electron.d.ts, net.fetch: "Sends a request, similarly to how `fetch()` works in the renderer" and
   * "will issue requests from the default session": the RequestInit options apply as in fetch(),
   * so `cache`, `credentials` and `signal` are recorded as passed (unset: the session's defaults,
   * HTTP cache and cookie jar included), and an aborted signal rejects with an AbortError as fetch() does.
   */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    requireReady('net.fetch');
    fetches.push({
      url,
      method: init?.method ?? 'GET',
      headerNames: Object.keys((init?.headers as Record<string, string> | undefined) ?? {}).map((h) => h.toLowerCase()),
      redirect: init?.redirect ?? 'follow',
      cache: init?.cache ?? '(session default)',
      credentials: init?.credentials ?? '(session default)',
      hasSignal: init?.signal instanceof AbortSignal,
      afterReady: isReadyNow(),
    });
    init?.signal?.throwIfAborted();
    const answer = settings.fetchAnswers.get(new URL(url).pathname);
    if (!answer) return notFound();
    if ('redirectTo' in answer) {
      // lib/browser/api/net-client-request.ts: a 'manual' redirect nobody follows dies with this.
      if (init?.redirect === 'manual') throw new Error('Redirect was cancelled');
      return notFound();
    }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  },
  isOnline(): boolean {
    return settings.online;
  },
};

export const powerMonitor = new (class extends EventEmitter {
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('powerMonitor.on', String(event));
    return super.on(event, listener);
  }
})();

export const nativeTheme = {
  sources: [] as string[],
  set themeSource(value: string) {
    this.sources.push(value);
  },
  get themeSource(): string {
    return this.sources.at(-1) ?? 'system';
  },
};

export const opened: string[] = [];
export const shell = {
  async openExternal(url: string): Promise<void> {
    record('shell.openExternal', url);
    opened.push(url);
  },
  /** electron.d.ts: "Resolves with a string containing the error message corresponding to the failure if a failure occurred, otherwise ''." */
  async openPath(path: string): Promise<string> {
    record('shell.openPath', path);
    return '';
  },
};

export const dialog = {
  /**
   * electron.d.ts, dialog.showErrorBox: "If called before the app `ready` event on Linux, the message
   * will be emitted to stderr, and no GUI dialog will appear." Recorded under another name then, so
   * a test looking for the dialog does not find one.
   */
  showErrorBox(title: string, content: string): void {
    const shown = isReadyNow() || settings.platform !== 'linux';
    record(shown ? 'dialog.showErrorBox' : 'dialog.showErrorBox (stderr only, no dialog)', title, content);
  },
};

export const clipboard = {
  written: [] as string[],
  async readText(): Promise<string> {
    return settings.clipboardText;
  },
  writeText(text: string): void {
    record('clipboard.writeText');
    clipboard.written.push(text);
  },
};

// Preload-side names, so a stray import would at least resolve (main must not use them).
export const contextBridge = {
  exposeInMainWorld(): void {
    record('contextBridge.exposeInMainWorld (in main!)');
  },
};
export const ipcRenderer = undefined;
