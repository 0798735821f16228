/**
 * The ports the engine needs from the outside world. Electron and the Node preview each supply
 * adapters; tests supply fakes. Core code reaches time, network, disk, secrets and the OS only
 * through these.
 */
import type { SameBytes } from '../chamelio/AnswerMemo.ts';
import type { PersistedState } from './PersistedState.ts';
import type { PlannedNotification } from '../notify/PlannedNotification.ts';
import type { TrayState } from './TrayState.ts';

export type TimerHandle = unknown;

/** Time is injected: core never calls Date.now() or setTimeout itself. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The shape of WHATWG fetch: Electron's net.fetch in the app, Node's fetch in the preview and tests.
 * Adapters pass `redirect` through: the client asks for 'manual' so the X-API-Key header is never
 * carried to wherever a redirect points.
 */
export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal; redirect?: 'manual'; body?: string },
) => Promise<Response>;

export interface Persistence {
  /** The last saved state, or null on first run. Unknown or damaged content is the caller's to check. */
  load(): Promise<unknown>;
  save(state: PersistedState): Promise<void>;
  /** What load() found wrong and set aside, in plain words; null or absent when nothing was. */
  readonly problem?: string | null;
  /** Copies the file as it is beside it, before a state read only in part is written over it; the copy's name, or null. */
  keepAside?(label: string): Promise<string | null>;
}

/**
 * How well the stored key is protected:
 * os      encrypted by the OS keychain and persisted;
 * weak    persisted with a fixed, well-known password (Linux without a keyring, user opted in);
 * session kept in memory only, lost on quit (no keyring, no opt-in; also the preview);
 */
export type KeyProtection = 'os' | 'weak' | 'session';

export interface SecretStore {
  get(): Promise<string | null>;
  /** Stores the key; `allowWeak` is the user's opt-in to weak persistence where there is no keyring. */
  set(key: string, options: { allowWeak: boolean }): Promise<KeyProtection>;
  clear(): Promise<void>;
  /** How a key would be (or is) stored, and why, for the settings screen. */
  protection(): KeyProtectionInfo;
}

export interface KeyProtectionInfo {
  protection: KeyProtection;
  /** Shown to the user when protection is not 'os': what happened and what to do. */
  advice: string | null;
  /** True when the user may opt in to weak persistence (Linux without a keyring). */
  canOptInToWeak: boolean;
}

/**
 * Shows what the engine planned. The adapter reports what the user did with it (a click, a button:
 * a NotificationActivation) through the one callback it was made with; the engine decides what it
 * means in TaskTriage.notificationActivated.
 */
export interface Notifier {
  show(notification: PlannedNotification): void;
  /** False where the OS reports notifications unsupported; absent when the adapter cannot tell. */
  isSupported?(): boolean;
}

export interface TrayView {
  render(state: TrayState): void;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything the AppService facade is given: the ports above, and a few knobs for tests. */
export interface AppServiceDeps {
  clock: Clock;
  fetch: Fetch;
  persistence: Persistence;
  secrets: SecretStore;
  notifier: Notifier;
  tray?: TrayView;
  logger: Logger;
  random?: () => number;
  /** Request timeout; tests shorten it. */
  requestTimeoutMs?: number;
  /** A native compare of a repeated answer's bytes (Buffer's equals); a plain-JS one without (chamelio/AnswerMemo.ts). */
  sameBytes?: SameBytes;
  /** The user's IANA time zone, for "tomorrow 09:00" and quiet hours; the machine's by default. */
  timeZone?: string;
}
