import type { ApiResult } from '../chamelio/ApiError.ts';
import type { OrgInfo, Task } from '../chamelio/Task.ts';
import { parseTaskRefs } from '../tasks/parseTaskRefs.ts';
import { TaskMonitor, type SystemChange } from '../tasks/TaskMonitor.ts';
import { ApiAccess } from './ApiAccess.ts';
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
import { connectionAfter } from './connectionAfter.ts';
import { emptyState, loadPersistedState } from './loadPersistedState.ts';
import type { PersistedState } from './PersistedState.ts';
import { PinList } from './PinList.ts';
import type { Clock, Fetch, Logger, Notifier, Persistence, SecretStore, TrayView } from './ports.ts';
import { CHAMELIO_APP_HOST, type Settings, type SettingsPatch } from './Settings.ts';
import { buildTrayState, describeApiError, lastChangeByTask, summarize, summarizeAll, taskLink } from './summarize.ts';
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

/** State changes are pushed to listeners at most this often. */
const EMIT_DELAY_MS = 50;
const API_KEY_FORMAT = /^ca_[A-Za-z0-9_\-=.]{4,500}$/;

/**
 * The one facade every UI command goes through, for both transports. It owns the pinned tasks,
 * feeds the TaskMonitor's results through diffing, history, notifications and persistence, and
 * derives the snapshot and tray state. The API key lives only in the SecretStore and in ApiAccess,
 * which puts it into the request header; it is never part of any state.
 */
export class AppService {
  private readonly deps: AppServiceDeps;
  private readonly random: () => number;
  private settings: Settings = emptyState().settings;
  private pins = new PinList();
  private notificationsPausedUntil: number | null = null;
  private connection: ConnectionState = { kind: 'no-key' };
  private readonly access: ApiAccess;
  private monitor: TaskMonitor;
  private readonly recorder: ChangeRecorder;
  private lastCheckedAt: number | null = null;
  /** While the demo runs, the real state waits here, untouched, and nothing is written. */
  private realState: PersistedState | null = null;
  private readonly listeners = new Set<(snapshot: AppSnapshot) => void>();
  private emitTimer: unknown = null;
  private started = false;

  constructor(deps: AppServiceDeps) {
    this.deps = deps;
    this.random = deps.random ?? Math.random;
    this.access = new ApiAccess(deps, () => this.settings.apiBaseUrl);
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
    const stored = await this.deps.secrets.get();
    this.started = true;
    if (!stored) {
      this.connection = { kind: 'no-key' };
      this.monitor.pause('no-key');
    }
    this.monitor.start();
    if (stored) {
      this.access.use(stored, this.deps.secrets.protection().protection);
      await this.checkStoredKey();
    }
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
        isSet: this.access.key !== null,
        protection: this.access.protection,
        advice: secretInfo.advice,
        canOptInToWeak: secretInfo.canOptInToWeak,
      },
      org: this.access.org,
      lastCheckedAt: this.lastCheckedAt,
      tasks: summarizeAll(this.pins.all(), this.settings.userEmail, this.recorder.activity),
      activity: this.recorder.activity,
      settings: this.settings,
      notificationsPausedUntil: this.notificationsPausedUntil,
      budgetPerMinute: this.access.key ? this.monitor.budgetPerMinute() : null,
      demo: this.realState !== null,
    };
  }

  getTaskDetail(taskId: number): TaskDetail | null {
    const pin = this.pins.find(taskId);
    if (!pin) return null;
    return { summary: summarize(pin, this.settings.userEmail, lastChangeByTask(this.recorder.activity)), task: pin.snapshot };
  }

  async pin(text: string): Promise<PinResult> {
    const parsed = parseTaskRefs(typeof text === 'string' ? text : '');
    const result: PinResult = { pinned: [], alreadyPinned: [], rejected: parsed.rejected };
    const now = this.deps.clock.now();
    for (const id of parsed.ids) {
      if (this.pins.has(id)) {
        result.alreadyPinned.push(id);
        continue;
      }
      this.pins.add(id, now);
      this.monitor.add(id);
      result.pinned.push(id);
    }
    if (result.pinned.length > 0) this.persistSoon();
    return result;
  }

  async unpin(taskId: number): Promise<void> {
    if (!this.pins.remove(taskId)) return;
    this.monitor.remove(taskId);
    this.recorder.forgetPending(taskId);
    this.persistSoon();
  }

  /** Puts the task back with its baseline, so a change made meanwhile is still reported once. */
  async undoUnpin(): Promise<void> {
    const pin = this.pins.restoreLastRemoved();
    if (!pin) return;
    this.monitor.add(pin.id, pin.unavailable ? 'unavailable' : 'active');
    this.persistSoon();
  }

  async markSeen(taskId: number): Promise<void> {
    const pin = this.pins.find(taskId);
    if (!pin || !pin.unseen) return;
    pin.unseen = false;
    this.persistSoon();
  }

  async refresh(): Promise<void> {
    if (this.connection.kind === 'key-problem' && this.access.key) {
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
    this.monitor.trySpend();
    const checked = await this.access.check(candidate);
    if (!checked.ok) {
      const error = checked.error;
      const reason = error.kind === 'unauthorized' ? error.reason : error.kind === 'network' || error.kind === 'timeout' ? 'network' : 'other';
      return { ok: false, reason, message: describeApiError(error) };
    }
    this.access.use(candidate, await this.deps.secrets.set(candidate, { allowWeak: allowWeak === true }));
    const org = this.acceptOrg(checked.value);
    this.monitor.resume('unauthorized');
    this.monitor.resume('no-key');
    this.monitor.refreshNow();
    this.changed();
    return { ok: true, org, protection: this.access.protection! };
  }

  async clearApiKey(): Promise<void> {
    await this.deps.secrets.clear();
    this.access.forget();
    this.monitor.pause('no-key');
    this.connection = { kind: 'no-key' };
    this.changed();
  }

  async updateSettings(patch: SettingsPatch): Promise<SettingsUpdateResult> {
    const checked = applySettingsPatch(this.settings, patch);
    if (!checked.ok) return checked;
    const before = this.settings;
    this.settings = checked.settings;
    if (before.apiBaseUrl !== this.settings.apiBaseUrl && this.access.key) void this.checkStoredKey();
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
    return parseTaskRefs(text).ids.filter((id) => !this.pins.has(id));
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
    this.access.use(demo.apiKey, 'session');
    await this.pin(demo.taskIds.join(' '));
    this.monitor.trySpend();
    const checked = await this.access.check();
    if (checked.ok) this.acceptOrg(checked.value);
    this.monitor.resume('no-key');
    this.monitor.resume('unauthorized');
    this.changed();
  }

  /** OS events: sleep and offline pause polling; waking, unlocking and coming online refresh at once. */
  setSystemState(change: SystemChange): void {
    this.monitor.applySystemChange(change);
    if (change.online === false) {
      this.connection = { kind: 'offline', message: 'This computer is offline.', since: this.deps.clock.now() };
    } else if (change.online === true && this.connection.kind === 'offline') {
      this.connection = { kind: 'checking' };
    }
    this.changed();
  }

  trayState(snapshot: AppSnapshot = this.getState()): TrayState {
    return buildTrayState({
      summaries: snapshot.tasks,
      connection: this.connection,
      hasKey: this.access.key !== null,
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
    const pin = this.pins.find(taskId);
    if (!pin) return;
    const now = this.deps.clock.now();
    pin.lastCheckedAt = now;
    this.lastCheckedAt = now;
    pin.lastError = result.ok ? null : result.error;
    if (result.ok) this.recorder.recordFetched(pin, result.value);
    else if (result.error.kind === 'not-found') this.recorder.recordUnavailable(pin);
    this.connection = connectionAfter(this.connection, pin.lastError, now, this.monitor.rateLimitedUntilTime());
    this.changed();
  }

  private async checkStoredKey(): Promise<void> {
    this.connection = { kind: 'checking' };
    this.changed();
    this.monitor.trySpend();
    const checked = await this.access.check();
    if (checked.ok) {
      this.acceptOrg(checked.value);
      this.monitor.resume('unauthorized');
      this.monitor.resume('no-key');
      this.monitor.refreshNow();
    } else {
      // A refused key stops polling; offline or a server error does not: poll what can be polled.
      if (checked.error.kind === 'unauthorized') this.monitor.pause('unauthorized');
      else this.monitor.resume('no-key');
      this.connection = connectionAfter(this.connection, checked.error, this.deps.clock.now(), this.monitor.rateLimitedUntilTime());
    }
    this.changed();
  }


  private acceptOrg(info: OrgInfo): OrgSummary {
    const org = this.access.accept(info);
    this.applyBudget();
    this.connection = { kind: 'ok' };
    return org;
  }

  private applyBudget(): void {
    this.monitor.setBudgetPerMinute(this.access.budgetPerMinute(this.settings.rateLimitShare));
  }

  private makeMonitor(): TaskMonitor {
    return new TaskMonitor({
      clock: this.deps.clock,
      random: this.random,
      fetchTask: (id) => this.access.client().getTask(id),
      onResult: (id, result) => this.onResult(id, result),
      intervalMs: this.settings.pollIntervalSeconds * 1000,
      budgetPerMinute: this.access.budgetPerMinute(this.settings.rateLimitShare),
    });
  }

  /** Takes a loaded state as the current one: pins, history, settings, a fresh monitor. */
  private adopt(state: PersistedState): void {
    this.monitor.stop();
    this.settings = state.settings;
    this.notificationsPausedUntil = state.notificationsPausedUntil;
    this.pins = new PinList(state.pinned);
    this.recorder.reset(state.activity);
    this.access.org = null;
    this.monitor = this.makeMonitor();
    for (const pin of this.pins.all()) this.monitor.add(pin.id, pin.unavailable ? 'unavailable' : 'active');
    if (this.started) this.monitor.start();
  }

  private leaveDemo(): void {
    const real = this.realState!;
    this.realState = null;
    this.access.forget();
    this.adopt(real);
  }

  private persistedState(): PersistedState {
    return {
      schemaVersion: 1,
      settings: this.settings,
      pinned: this.pins.persisted(),
      activity: this.recorder.activity,
      notificationsPausedUntil: this.notificationsPausedUntil,
    };
  }

  private persistSoon(): void {
    this.recorder.markDirty();
    this.changed();
  }

  /** Pushes the new snapshot to listeners and the tray, coalescing bursts of results. */
  private changed(): void {
    if (this.emitTimer !== null) return;
    this.emitTimer = this.deps.clock.setTimeout(() => {
      this.emitTimer = null;
      const snapshot = this.getState();
      for (const listener of this.listeners) listener(snapshot);
      this.deps.tray?.render(this.trayState(snapshot));
    }, EMIT_DELAY_MS);
  }
}

function defaultFormatTime(at: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at);
}
