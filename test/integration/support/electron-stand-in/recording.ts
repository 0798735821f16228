/**
 * Part of the recording stand-in for `electron` (../electron-stand-in.ts), which stands in for the
 * Electron runtime that cannot run here. Its shared state: the recording of every call (with whether
 * `ready` had fired), the readiness itself, and the settings the harness sets before main loads.
 */
import { EventEmitter } from 'node:events';

export interface RecordedCall {
  seq: number;
  api: string;
  afterReady: boolean;
  args: unknown[];
}

let seq = 0;
let ready = false;
let readyResolve: (() => void) | null = null;
/** What app.whenReady() returns: settled by fireReady(). */
export const readyPromise = new Promise<void>((resolve) => {
  readyResolve = resolve;
});

export function isReadyNow(): boolean {
  return ready;
}

/** `ready` has fired: recorded as '(ready)'; the caller emits the event, then settles readyPromise. */
export function markReady(): void {
  ready = true;
  record('(ready)');
}

export function settleReady(): void {
  readyResolve?.();
}

/** JSON-safe copy of call arguments: functions become "[function]", buffers their length. */
export function summarize(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (value instanceof Uint8Array) return `[bytes:${value.length}]`;
  if (Array.isArray(value)) return value.map((v) => summarize(v, depth + 1));
  if (value instanceof EventEmitter) return '[emitter]';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = summarize(v, depth + 1);
  return out;
}

export const recording: { calls: RecordedCall[] } = { calls: [] };

export function record(api: string, ...args: unknown[]): void {
  recording.calls.push({ seq: seq++, api, afterReady: isReadyNow(), args: args.map((a) => summarize(a)) });
}

/** An Electron event object whose default can be prevented. */
export function cancellable(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export function requireReady(api: string): void {
  if (!isReadyNow()) throw new Error(`${api} cannot be used before the app is ready`);
}

/**
 * What the harness can set before main loads. `platform` shapes what the stand-in reports (tray
 * bounds, the Dock, the work area); main itself reads `process.platform`, which the harness sets too.
 */
export const settings = {
  platform: process.platform as NodeJS.Platform,
  isPackaged: true,
  userData: '',
  singleInstanceLock: true,
  /** A keyring that answers (macOS, Windows, Linux with a keyring); Linux's `basic_text` ignores it. */
  encryptionAvailable: true,
  /** Linux: 'basic_text' is no keyring at all (an unrecognised desktop, a headless box). */
  storageBackend: 'gnome_libsecret' as string,
  /** packaged: `<resources>/app.asar`, as electron-builder lays it out; unpackaged: the project. */
  appPath: process.cwd(),
  clipboardText: '',
  notificationsSupported: true,
  /** When set, every notification's show() ends in 'failed' with this text. */
  notificationError: null as string | null,
  online: true,
  /** Chromium command-line switches, as app.commandLine reports them (name → value, '' for none). */
  switches: {} as Record<string, string>,
  /**
   * Answers for net.fetch, by URL path. A `redirectTo` answer is a 3xx: like Electron's net.fetch,
   * the stand-in rejects with Error('Redirect was cancelled') when the request asked for
   * `redirect: 'manual'`; otherwise it answers 404 (the stand-in follows no redirect).
   */
  fetchAnswers: new Map<string, { status: number; body: unknown } | { redirectTo: string }>(),
  /** When set, the preload throws this on every page load ('preload-error'); the page still loads. */
  preloadError: null as string | null,
  /** When set, every loadURL fails with this net error ('did-fail-load', then the promise rejects). */
  loadFailure: null as { errorCode: number; errorDescription: string } | null,
  /** Accelerators another app holds: globalShortcut.register returns false for them. */
  takenShortcuts: [] as string[],
};
