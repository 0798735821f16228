import { ChamelioClient } from '../chamelio/ChamelioClient.ts';
import type { ApiError, ApiResult } from '../chamelio/ApiError.ts';
import type { Task } from '../chamelio/Task.ts';
import { parseTaskRefs } from '../tasks/parseTaskRefs.ts';
import { TaskMonitor } from '../tasks/TaskMonitor.ts';
import { applySettingsPatch } from './applySettingsPatch.ts';
import type {
  AppSnapshot,
  ConnectionState,
  KeyCheckResult,
  OrgSummary,
  PinResult,
  SettingsUpdateResult,
  TaskDetail,
} from './AppSnapshot.ts';
import { ChangeRecorder } from './ChangeRecorder.ts';
import { emptyState, loadPersistedState } from './loadPersistedState.ts';
import type { PersistedState } from './PersistedState.ts';
import type { Clock, Fetch, KeyProtection, Logger, Notifier, Persistence, SecretStore, TrayView } from './ports.ts';
import { CHAMELIO_APP_HOST, type Settings, type SettingsPatch } from './Settings.ts';
import { buildTrayState, describeApiError, summarize, summarizeAll, taskLink, type LivePin } from './summarize.ts';
import type { TrayState } from './TrayState.ts';

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
  /** Formats "checked 10:42" in the tray tooltip; defaults to Intl in the runtime's locale. */
  formatTime?: (at: number) => string;
}

export interface DemoSetup {
  apiBaseUrl: string;
  apiKey: string;
  userEmail: string;
  taskIds: number[];
}

/** Until the key's own limit is known: half of the documented example (120 a minute). */
const FALLBACK_RATE_LIMIT = 60;
/** State changes are pushed to listeners at most this often. */
const EMIT_DELAY_MS = 50;
const API_KEY_FORMAT = /^ca_[A-Za-z0-9_\-=.]{4,500}$/;

/**
 * The one facade every UI command goes through, for both transports. It owns the pinned tasks,
 * feeds the TaskMonitor's results through diffing, history, notifications and persistence, and
 * derives the snapshot and tray state. The API key lives only in the SecretStore and in the
 * closure that puts it into the request header; it is never part of any state.
 */
export class AppService {
  private readonly deps: AppServiceDeps;
  private readonly random: () => number;
  private settings: Settings = emptyState().settings;
  private pins: LivePin[] = [];
  private notificationsPausedUntil: number | null = null;
  private org: OrgSummary | null = null;
  private connection: ConnectionState = { kind: 'no-key' };
  private keyProtection: KeyProtection | null = null;
  private apiKey: string | null = null;
  private client: ChamelioClient;
  private monitor: TaskMonitor;
  private readonly recorder: ChangeRecorder;
  private lastUnpinned: { pin: LivePin; index: number } | null = null;
  private lastCheckedAt: number | null = null;
  /** While the demo runs, the real state waits here, untouched, and nothing is written. */
  private realState: PersistedState | null = null;
  private readonly listeners = new Set<(snapshot: AppSnapshot) => void>();
  private emitTimer: unknown = null;
  private started = false;

  constructor(deps: AppServiceDeps) {
    this.deps = deps;
    this.random = deps.random ?? Math.random;
    this.client = this.makeClient();
    this.monitor = this.makeMonitor();
    this.recorder = new ChangeRecorder({
      clock: deps.clock,
      notifier: deps.notifier,
      logger: deps.logger,
      persistence: deps.persistence,
      random: this.random,
      persistedState: () => this.persistedState(),
      canPersist: () => this.realState === null,
      notificationContext: () => ({
        settings: this.settings,
        now: deps.clock.now(),
        pausedUntil: this.notificationsPausedUntil,
      }),
    });
  }

  async start(): Promise<void> {
    const state = loadPersistedState(await this.deps.persistence.load());
    this.adopt(state);
    this.apiKey = await this.deps.secrets.get();
    this.keyProtection = this.apiKey ? this.deps.secrets.protection().protection : null;
    this.started = true;
    this.monitor.start();
    if (this.apiKey) await this.checkStoredKey();
    else this.setConnection({ kind: 'no-key' });
    this.changed();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.monitor.stop();
    if (this.emitTimer !== null) this.deps.clock.clearTimeout(this.emitTimer);
    this.emitTimer = null;
    await this.recorder.flush();
  }

  subscribe(listener: (snapshot: AppSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // --- bridge commands ---------------------------------------------------------------------------

  getState(): AppSnapshot {
    const secretInfo = this.deps.secrets.protection();
    return {
      connection: this.connection,
      key: {
        isSet: this.apiKey !== null,
        protection: this.apiKey ? this.keyProtection : null,
        advice: secretInfo.advice,
        canOptInToWeak: secretInfo.canOptInToWeak,
      },
      org: this.org,
      lastCheckedAt: this.lastCheckedAt,
      tasks: summarizeAll(this.pins, this.settings.userEmail, this.recorder.activity),
      activity: this.recorder.activity,
      settings: this.settings,
      notificationsPausedUntil: this.notificationsPausedUntil,
      budgetPerMinute: this.apiKey ? this.monitor.budgetPerMinute() : null,
      demo: this.realState !== null,
    };
  }

  getTaskDetail(taskId: number): TaskDetail | null {
    const pin = this.pins.find((p) => p.id === taskId);
    if (!pin) return null;
    return { summary: summarize(pin, this.settings.userEmail, this.lastChangeTexts()), task: pin.snapshot };
  }

  async pin(text: string): Promise<PinResult> {
    const parsed = parseTaskRefs(typeof text === 'string' ? text : '');
    const result: PinResult = { pinned: [], alreadyPinned: [], rejected: parsed.rejected };
    const now = this.deps.clock.now();
    for (const id of parsed.ids) {
      if (this.pins.some((p) => p.id === id)) {
        result.alreadyPinned.push(id);
        continue;
      }
      // Newest first; the first fetch is a silent baseline.
      this.pins.unshift({ id, pinnedAt: now, snapshot: null, unseen: false, unavailable: false, lastCheckedAt: null, lastError: null });
      this.monitor.add(id);
      result.pinned.push(id);
    }
    if (result.pinned.length > 0) this.persistSoon();
    return result;
  }

  async unpin(taskId: number): Promise<void> {
    const index = this.pins.findIndex((p) => p.id === taskId);
    if (index < 0) return;
    const [pin] = this.pins.splice(index, 1);
    this.lastUnpinned = { pin: pin!, index };
    this.monitor.remove(taskId);
    this.recorder.forgetPending(taskId);
    this.persistSoon();
  }

  /** Puts the task back with its baseline, so a change made meanwhile is still reported once. */
  async undoUnpin(): Promise<void> {
    const last = this.lastUnpinned;
    this.lastUnpinned = null;
    if (!last || this.pins.some((p) => p.id === last.pin.id)) return;
    this.pins.splice(Math.min(last.index, this.pins.length), 0, last.pin);
    this.monitor.add(last.pin.id, last.pin.unavailable ? 'unavailable' : 'active');
    this.persistSoon();
  }

  async markSeen(taskId: number): Promise<void> {
    const pin = this.pins.find((p) => p.id === taskId);
    if (!pin || !pin.unseen) return;
    pin.unseen = false;
    this.persistSoon();
  }

  async refresh(): Promise<void> {
    if (this.connection.kind === 'key-problem' && this.apiKey) {
      await this.checkStoredKey();
    }
    this.monitor.refreshNow();
    this.changed();
  }

  async setApiKey(key: string, allowWeak: boolean): Promise<KeyCheckResult> {
    const candidate = typeof key === 'string' ? key.trim() : '';
    if (!API_KEY_FORMAT.test(candidate)) {
      return { ok: false, reason: 'invalid-format', message: 'A Chamelio API key starts with ca_ and has no spaces.' };
    }
    if (this.realState !== null) this.leaveDemo();
    const checked = await this.checkKey(() => candidate);
    if (!checked.ok) {
      const error = checked.error;
      const reason = error.kind === 'unauthorized' ? error.reason : error.kind === 'network' || error.kind === 'timeout' ? 'network' : 'other';
      return { ok: false, reason, message: describeApiError(error) };
    }
    this.keyProtection = await this.deps.secrets.set(candidate, { allowWeak: allowWeak === true });
    this.apiKey = candidate;
    this.acceptOrg(checked.value);
    this.monitor.resume('unauthorized');
    this.monitor.resume('no-key');
    this.monitor.refreshNow();
    this.changed();
    return { ok: true, org: this.org!, protection: this.keyProtection };
  }

  async clearApiKey(): Promise<void> {
    await this.deps.secrets.clear();
    this.apiKey = null;
    this.keyProtection = null;
    this.org = null;
    this.monitor.pause('no-key');
    this.setConnection({ kind: 'no-key' });
    this.changed();
  }

  async updateSettings(patch: SettingsPatch): Promise<SettingsUpdateResult> {
    const checked = applySettingsPatch(this.settings, patch);
    if (!checked.ok) return checked;
    const before = this.settings;
    this.settings = checked.settings;
    if (before.apiBaseUrl !== this.settings.apiBaseUrl) {
      this.rebuildClient();
      if (this.apiKey) void this.checkStoredKey();
    }
    if (before.pollIntervalSeconds !== this.settings.pollIntervalSeconds) {
      this.monitor.setIntervalMs(this.settings.pollIntervalSeconds * 1000);
    }
    if (before.rateLimitShare !== this.settings.rateLimitShare) this.applyBudget();
    this.persistSoon();
    return { ok: true, settings: this.settings };
  }

  async pauseNotifications(until: number | null): Promise<void> {
    this.notificationsPausedUntil = typeof until === 'number' && until > this.deps.clock.now() ? until : null;
    this.persistSoon();
  }

  // --- for the transports ------------------------------------------------------------------------

  /** Task ids in the text (a clipboard's) that are not pinned yet. */
  suggestPins(text: string): number[] {
    return parseTaskRefs(text).ids.filter((id) => !this.pins.some((p) => p.id === id));
  }

  linkFor(taskId: number): string {
    return taskLink(taskId);
  }

  chamelioHomeUrl(): string {
    return `https://${CHAMELIO_APP_HOST}/`;
  }

  /**
   * Runs against the built-in simulator. The real state (pins, history, settings) is set aside and
   * comes back untouched when a real key is set or the app restarts; the demo key never reaches
   * the SecretStore.
   */
  async useDemo(demo: DemoSetup): Promise<void> {
    if (this.realState === null) this.realState = this.persistedState();
    this.adopt({
      ...emptyState(),
      settings: { ...this.realState.settings, apiBaseUrl: demo.apiBaseUrl, userEmail: this.realState.settings.userEmail || demo.userEmail },
    });
    this.apiKey = demo.apiKey;
    this.keyProtection = 'session';
    await this.pin(demo.taskIds.join(' '));
    const checked = await this.checkKey(() => demo.apiKey);
    if (checked.ok) this.acceptOrg(checked.value);
    this.monitor.resume('no-key');
    this.monitor.resume('unauthorized');
    this.changed();
  }

  /** OS events: sleep and offline pause polling; waking, unlocking and coming online refresh at once. */
  setSystemState(change: { online?: boolean; suspended?: boolean; locked?: boolean }): void {
    if (change.suspended === true) this.monitor.pause('suspended');
    if (change.suspended === false) {
      this.monitor.resume('suspended');
      this.monitor.refreshNow();
    }
    if (change.online === false) {
      this.monitor.pause('offline');
      this.setConnection({ kind: 'offline', message: 'This computer is offline.', since: this.deps.clock.now() });
    }
    if (change.online === true) {
      this.monitor.resume('offline');
      if (this.connection.kind === 'offline') this.setConnection({ kind: 'checking' });
      this.monitor.refreshNow();
    }
    if (change.locked === false) this.monitor.refreshNow();
    this.changed();
  }

  trayState(): TrayState {
    const snapshot = this.getState();
    return buildTrayState({
      summaries: snapshot.tasks,
      connection: this.connection,
      hasKey: this.apiKey !== null,
      notificationsPausedUntil: this.notificationsPausedUntil,
      pollingPaused: this.monitor.pausedBy().some((r) => r === 'suspended' || r === 'offline'),
      lastCheckedAt: this.lastCheckedAt,
      now: this.deps.clock.now(),
      formatTime: this.deps.formatTime ?? defaultFormatTime,
    });
  }

  /** For the benchmark and tests: requests sent in the last minute against the budget. */
  requestStats(): { inLastMinute: number; budgetPerMinute: number } {
    return { inLastMinute: this.monitor.requestsInLastMinute(), budgetPerMinute: this.monitor.budgetPerMinute() };
  }

  // --- internals ---------------------------------------------------------------------------------

  private onResult(taskId: number, result: ApiResult<Task>): void {
    const pin = this.pins.find((p) => p.id === taskId);
    if (!pin) return;
    const now = this.deps.clock.now();
    pin.lastCheckedAt = now;
    this.lastCheckedAt = now;
    if (result.ok) {
      pin.lastError = null;
      this.recorder.recordFetched(pin, result.value);
      if (this.connection.kind !== 'ok' && this.connection.kind !== 'rate-limited') this.setConnection({ kind: 'ok' });
      else if (this.connection.kind === 'rate-limited' && !this.monitor.rateLimitedUntilTime()) this.setConnection({ kind: 'ok' });
    } else {
      pin.lastError = result.error;
      this.onError(pin, result.error);
    }
    this.changed();
  }

  private onError(pin: LivePin, error: ApiError): void {
    const now = this.deps.clock.now();
    switch (error.kind) {
      case 'not-found':
        this.recorder.recordUnavailable(pin);
        if (this.connection.kind !== 'ok') this.setConnection({ kind: 'ok' });
        return;
      case 'unauthorized':
        this.setConnection({ kind: 'key-problem', reason: error.reason, detail: error.detail });
        return;
      case 'rate-limited':
        this.setConnection({ kind: 'rate-limited', until: this.monitor.rateLimitedUntilTime() ?? now });
        return;
      case 'network':
      case 'timeout':
        if (this.connection.kind !== 'offline') this.setConnection({ kind: 'offline', message: describeApiError(error), since: now });
        return;
      case 'server':
      case 'bad-response':
        if (this.connection.kind !== 'degraded') this.setConnection({ kind: 'degraded', message: describeApiError(error), since: now });
        return;
    }
  }

  private async checkStoredKey(): Promise<void> {
    this.setConnection({ kind: 'checking' });
    this.changed();
    const checked = await this.checkKey(() => this.apiKey);
    if (checked.ok) {
      this.acceptOrg(checked.value);
      this.monitor.resume('unauthorized');
      this.monitor.resume('no-key');
      this.monitor.refreshNow();
    } else if (checked.error.kind === 'unauthorized') {
      this.monitor.pause('unauthorized');
      this.setConnection({ kind: 'key-problem', reason: checked.error.reason, detail: checked.error.detail });
    } else {
      // Offline or a server error: keep polling what can be polled, with the fallback budget.
      this.onError({ lastError: checked.error } as LivePin, checked.error);
      this.monitor.resume('no-key');
    }
    this.changed();
  }

  /** GET /users/org-info with the given key, paid from the same request budget. */
  private async checkKey(getKey: () => string | null) {
    this.monitor.trySpend();
    const client = new ChamelioClient({
      fetch: this.deps.fetch,
      baseUrl: this.settings.apiBaseUrl,
      getApiKey: getKey,
      now: () => this.deps.clock.now(),
      timeoutMs: this.deps.requestTimeoutMs,
    });
    return client.getOrgInfo();
  }

  private acceptOrg(info: { org_name: string; rate_limit_per_minute: number }): void {
    this.org = { name: info.org_name, rateLimitPerMinute: info.rate_limit_per_minute };
    this.applyBudget();
    this.setConnection({ kind: 'ok' });
  }

  private applyBudget(): void {
    const limit = this.org?.rateLimitPerMinute ?? FALLBACK_RATE_LIMIT;
    this.monitor.setBudgetPerMinute(Math.max(1, Math.floor(limit * this.settings.rateLimitShare)));
  }

  private makeClient(): ChamelioClient {
    return new ChamelioClient({
      fetch: this.deps.fetch,
      baseUrl: this.settings.apiBaseUrl,
      getApiKey: () => this.apiKey,
      now: () => this.deps.clock.now(),
      timeoutMs: this.deps.requestTimeoutMs,
    });
  }

  private rebuildClient(): void {
    this.client = this.makeClient();
  }

  private makeMonitor(): TaskMonitor {
    return new TaskMonitor({
      clock: this.deps.clock,
      random: this.random,
      fetchTask: (id) => this.client.getTask(id),
      onResult: (id, result) => this.onResult(id, result),
      intervalMs: this.settings.pollIntervalSeconds * 1000,
      budgetPerMinute: Math.floor(FALLBACK_RATE_LIMIT * this.settings.rateLimitShare),
    });
  }

  /** Takes a loaded state as the current one: pins, history, settings, a fresh monitor. */
  private adopt(state: PersistedState): void {
    this.monitor.stop();
    this.settings = state.settings;
    this.notificationsPausedUntil = state.notificationsPausedUntil;
    this.pins = state.pinned.map((p) => ({ ...p, lastCheckedAt: null, lastError: null }));
    this.recorder.reset(state.activity);
    this.lastUnpinned = null;
    this.org = null;
    this.rebuildClient();
    this.monitor = this.makeMonitor();
    for (const pin of this.pins) this.monitor.add(pin.id, pin.unavailable ? 'unavailable' : 'active');
    if (this.started) this.monitor.start();
  }

  private leaveDemo(): void {
    const real = this.realState!;
    this.realState = null;
    this.apiKey = null;
    this.adopt(real);
  }

  private persistedState(): PersistedState {
    return {
      schemaVersion: 1,
      settings: this.settings,
      pinned: this.pins.map(({ id, pinnedAt, snapshot, unseen, unavailable }) => ({ id, pinnedAt, snapshot, unseen, unavailable })),
      activity: this.recorder.activity,
      notificationsPausedUntil: this.notificationsPausedUntil,
    };
  }

  private lastChangeTexts(): Map<number, string> {
    const map = new Map<number, string>();
    for (const entry of this.recorder.activity) if (!map.has(entry.taskId)) map.set(entry.taskId, entry.text);
    return map;
  }

  private persistSoon(): void {
    this.recorder.markDirty();
    this.changed();
  }

  private setConnection(connection: ConnectionState): void {
    this.connection = connection;
  }

  /** Pushes the new snapshot to listeners and the tray, coalescing bursts of results. */
  private changed(): void {
    if (this.emitTimer !== null) return;
    this.emitTimer = this.deps.clock.setTimeout(() => {
      this.emitTimer = null;
      const snapshot = this.getState();
      for (const listener of this.listeners) listener(snapshot);
      this.deps.tray?.render(this.trayState());
    }, EMIT_DELAY_MS);
  }
}

function defaultFormatTime(at: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at);
}
