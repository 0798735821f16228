import type { ApiResult } from '../chamelio/ApiError.ts';
import { isTerminalStatus, type OrgInfo, type Task } from '../chamelio/Task.ts';
import { parseTaskRefs } from '../tasks/parseTaskRefs.ts';
import { TaskMonitor, type SystemChange } from '../tasks/TaskMonitor.ts';
import { ApiAccess, keyRefused, malformedKey } from './ApiAccess.ts';
import { applySettingsPatch } from './applySettingsPatch.ts';
import type { AppSnapshot, ConnectionState, KeyCheckResult, OrgSummary, PinResult, SettingsUpdateResult, TaskDetail } from './AppSnapshot.ts';
import { ChangeRecorder } from './ChangeRecorder.ts';
import { connectionAfter } from './connectionAfter.ts';
import { emptyState, loadPersistedState } from './loadPersistedState.ts';
import type { PersistedState } from './PersistedState.ts';
import { PinList } from './PinList.ts';
import type { AppServiceDeps, KeyProtection } from './ports.ts';
import { CHAMELIO_APP_HOST, type Settings, type SettingsPatch } from './Settings.ts';
import { buildTrayState, lastChangeByTask, summarize, summarizeAll, taskLink } from './summarize.ts';
import type { TrayState } from './TrayState.ts';

export interface DemoSetup {
  apiBaseUrl: string;
  apiKey: string;
  userEmail: string;
  taskIds: number[];
}

/** State changes are pushed to listeners at most this often. */
const EMIT_DELAY_MS = 50;
/** A poll that found nothing new moves only "checked …": that is pushed at most this often. */
export const CHECKED_REFRESH_MS = 30_000;

/**
 * The one facade every UI command goes through, for both transports. It owns the pinned tasks,
 * feeds the TaskMonitor's results through diffing, history, notifications and persistence, and
 * derives the snapshot and tray state. The API key lives only in the SecretStore and in ApiAccess,
 * which puts it into the request header; it is never part of any state.
 */
export class AppService {
  private readonly deps: AppServiceDeps;
  private settings: Settings = emptyState().settings;
  private pins = new PinList();
  private notificationsPausedUntil: number | null = null;
  /** The network's side of the header; a missing or refused key is ApiAccess's and wins over it. */
  private net: ConnectionState = { kind: 'checking' };
  private readonly access: ApiAccess;
  private readonly monitor: TaskMonitor;
  private readonly recorder: ChangeRecorder;
  private lastCheckedAt: number | null = null;
  /** While the demo runs, the real state waits here, untouched, and nothing is written. */
  private realState: PersistedState | null = null;
  private readonly listeners = new Set<(snapshot: AppSnapshot) => void>();
  private emitTimer: unknown = null;
  private emittedAt = -Infinity;

  constructor(deps: AppServiceDeps) {
    this.deps = deps;
    const random = deps.random ?? Math.random;
    this.access = new ApiAccess(deps, () => this.settings.apiBaseUrl);
    this.monitor = new TaskMonitor({
      clock: deps.clock,
      random,
      fetchTask: (id) => this.access.client().getTask(id),
      onResult: (id, result) => this.onResult(id, result),
      intervalMs: this.settings.pollIntervalSeconds * 1000,
      budgetPerMinute: this.access.budgetPerMinute(this.settings.rateLimitShare),
    });
    this.recorder = new ChangeRecorder({
      ...deps,
      random,
      isPinned: (taskId) => this.pins.has(taskId),
      isUnseen: (taskId) => this.pins.find(taskId)?.unseen === true,
      persistedState: () => this.persistedState(),
      canPersist: () => this.realState === null,
      notificationContext: () => ({ settings: this.settings, now: deps.clock.now(), pausedUntil: this.notificationsPausedUntil }),
    });
  }

  async start(): Promise<void> {
    this.adopt(loadPersistedState(await this.deps.persistence.load()));
    this.monitor.start();
    await this.takeKey(await this.deps.secrets.get(), this.deps.secrets.protection().protection);
    this.changed();
  }

  async stop(): Promise<void> {
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
      connection: this.connection(),
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
    for (const id of parsed.ids) {
      if (this.pins.has(id)) {
        result.alreadyPinned.push(id);
        continue;
      }
      this.pins.add(id, this.deps.clock.now());
      this.monitor.add(id);
      result.pinned.push(id);
    }
    if (result.pinned.length > 0) this.persistSoon();
    return result;
  }

  async unpin(taskId: number): Promise<void> {
    if (!this.pins.remove(taskId)) return;
    this.monitor.remove(taskId);
    this.access.client().forgetTask(taskId);
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
    if (this.access.keyProblem) await this.checkKey();
    this.monitor.refreshNow();
    this.changed();
  }

  async setApiKey(key: string, allowWeak: boolean): Promise<KeyCheckResult> {
    const candidate = typeof key === 'string' ? key.trim() : '';
    const malformed = malformedKey(candidate);
    if (malformed) return malformed;
    // A key is checked against the user's own server, never the demo's.
    if (this.realState !== null) await this.leaveDemo();
    // The user asked for this one: it is counted in the budget but never refused by it.
    const checked = await this.access.verify(candidate, () => this.monitor.spend())!;
    if (!checked.ok) return keyRefused(checked.error);
    const protection = await this.deps.secrets.set(candidate, { allowWeak: allowWeak === true });
    if (candidate !== this.access.key) this.monitor.invalidateInFlight();
    this.access.use(candidate, protection);
    const org = this.keyAccepted(checked.value);
    this.changed();
    return { ok: true, org, protection };
  }

  /** Forgets the key. In the demo it leaves the demo instead: the demo's key is not the user's. */
  async clearApiKey(): Promise<void> {
    if (this.realState !== null) await this.leaveDemo();
    else {
      await this.deps.secrets.clear();
      await this.takeKey(null, 'session');
    }
    this.changed();
  }

  async updateSettings(patch: SettingsPatch): Promise<SettingsUpdateResult> {
    const checked = applySettingsPatch(this.settings, patch);
    if (!checked.ok) return checked;
    const before = this.settings;
    this.settings = checked.settings;
    if (before.apiBaseUrl !== this.settings.apiBaseUrl) await this.serverChanged();
    this.monitor.setIntervalMs(this.settings.pollIntervalSeconds * 1000);
    this.applyBudget();
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
   * comes back untouched when a real key is set, the key is cleared or the app restarts; the demo
   * key never reaches the SecretStore.
   */
  async useDemo(demo: DemoSetup): Promise<void> {
    await this.recorder.flush(); // a real change seen just now is written and notified first
    this.realState ??= this.persistedState();
    const real = this.realState.settings;
    this.adopt({ ...emptyState(), settings: { ...real, apiBaseUrl: demo.apiBaseUrl, userEmail: real.userEmail || demo.userEmail } });
    await this.pin(demo.taskIds.join(' '));
    await this.takeKey(demo.apiKey, 'session');
    this.changed();
  }

  setSystemState(change: SystemChange): void {
    this.monitor.applySystemChange(change);
    if (change.online === false) {
      this.net = { kind: 'offline', message: 'This computer is offline.', since: this.deps.clock.now() };
    } else if (change.online === true && this.net.kind === 'offline') {
      this.net = this.pins.all().length > 0 ? { kind: 'checking' } : { kind: 'ok' };
    }
    this.changed();
  }

  trayState(snapshot: AppSnapshot = this.getState()): TrayState {
    return buildTrayState({
      summaries: snapshot.tasks,
      connection: snapshot.connection,
      hasKey: this.access.key !== null,
      notificationsPausedUntil: this.notificationsPausedUntil,
      pollingPaused: this.monitor.pausedBy().some((r) => r === 'suspended' || r === 'offline'),
      lastCheckedAt: this.lastCheckedAt,
      now: this.deps.clock.now(),
      formatTime: this.deps.formatTime,
    });
  }

  /** For the benchmark and tests: requests sent in the last minute against the budget. */
  requestStats(): { inLastMinute: number; budgetPerMinute: number } {
    return { inLastMinute: this.monitor.requestsInLastMinute(), budgetPerMinute: this.monitor.budgetPerMinute() };
  }

  // --- internals ---------------------------------------------------------------------------------

  private connection(): ConnectionState {
    if (!this.access.key) return { kind: 'no-key' };
    const problem = this.access.keyProblem;
    return problem ? { kind: 'key-problem', ...problem } : this.net;
  }

  private onResult(taskId: number, result: ApiResult<Task>): void {
    const pin = this.pins.find(taskId);
    if (!pin) return;
    // The client hands back the very value it gave last time when the answer's text is the same.
    const repeated = result.ok && result.value === pin.snapshot && pin.lastError === null && !pin.unavailable;
    const net = this.net;
    const now = this.deps.clock.now();
    pin.lastCheckedAt = now;
    this.lastCheckedAt = now;
    pin.lastError = result.ok ? null : result.error;
    if (result.ok) this.recorder.recordFetched(pin, result.value);
    else if (result.error.kind === 'not-found') this.recorder.recordUnavailable(pin);
    const error = pin.lastError;
    // The monitor paused itself on a 401; the problem stays shown until another key or a good check.
    if (error?.kind === 'unauthorized') this.access.keyProblem = { reason: error.reason, detail: error.detail };
    else this.net = connectionAfter(this.net, error, now, this.monitor.rateLimitedUntilTime());
    if (!repeated || this.net !== net) this.changed();
    // Nothing new: no timer of its own (an idle minute wakes the engine only to poll).
    else if (this.emitTimer === null && now - this.emittedAt >= CHECKED_REFRESH_MS) this.emit();
  }

  /** Puts a key (or none) in use, drops answers meant for the one before, and checks it. */
  private async takeKey(key: string | null, protection: KeyProtection): Promise<void> {
    this.monitor.invalidateInFlight();
    if (!key) {
      this.access.forget();
      this.monitor.pause('no-key');
      return;
    }
    this.access.use(key, protection);
    this.monitor.resume('no-key');
    await this.checkKey();
  }

  /** GET /users/org-info for the key in use; a refusal stops polling until another key or check. */
  private async checkKey(): Promise<void> {
    const key = this.access.key;
    const answer = key ? this.access.verify(key, () => this.monitor.trySpend()) : null;
    if (!answer) return; // no key, or no budget left this minute: the next refresh tries again
    this.net = { kind: 'checking' };
    this.changed();
    const checked = await answer;
    if (this.access.key !== key) return; // replaced while we waited
    if (checked.ok) this.keyAccepted(checked.value);
    else if (checked.error.kind === 'unauthorized') {
      this.access.keyProblem = { reason: checked.error.reason, detail: checked.error.detail };
      this.monitor.pause('unauthorized');
    } else {
      // Offline or a server error: poll what can be polled, with the fallback budget.
      this.net = connectionAfter(this.net, checked.error, this.deps.clock.now(), this.monitor.rateLimitedUntilTime());
    }
    this.changed();
  }

  private keyAccepted(info: OrgInfo): OrgSummary {
    const org = this.access.accept(info);
    this.access.keyProblem = null;
    this.net = { kind: 'ok' };
    this.applyBudget();
    this.monitor.resume('unauthorized');
    this.monitor.resume('no-key');
    this.monitor.refreshNow();
    return org;
  }

  /**
   * Another server: its tasks are not the old server's, and the key was given for the old one, so
   * the key is forgotten (never sent where the user did not give it) and every pin takes a new,
   * silent baseline.
   */
  private async serverChanged(): Promise<void> {
    this.pins.rebaseline();
    if (this.realState === null && this.access.key) await this.deps.secrets.clear();
    await this.takeKey(null, 'session');
  }

  private applyBudget(): void {
    this.monitor.setBudgetPerMinute(this.access.budgetPerMinute(this.settings.rateLimitShare));
  }

  /** Takes a state as the current one. The monitor carries over its pauses and its budget's window. */
  private adopt(state: PersistedState): void {
    this.settings = state.settings;
    this.notificationsPausedUntil = state.notificationsPausedUntil;
    this.pins = new PinList(state.pinned);
    this.recorder.reset(state.activity);
    this.access.org = null;
    this.monitor.setIntervalMs(this.settings.pollIntervalSeconds * 1000);
    this.applyBudget();
    this.monitor.replaceTasks(
      this.pins.all().map((pin) => ({
        id: pin.id,
        pollClass: pin.unavailable ? 'unavailable' : pin.snapshot && isTerminalStatus(pin.snapshot.status) ? 'terminal' : 'active',
      })),
    );
  }

  private async leaveDemo(): Promise<void> {
    const real = this.realState!;
    this.realState = null;
    this.adopt(real);
    await this.takeKey(await this.deps.secrets.get(), this.deps.secrets.protection().protection);
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
      this.emit();
    }, EMIT_DELAY_MS);
  }

  private emit(): void {
    this.emittedAt = this.deps.clock.now();
    const snapshot = this.getState();
    for (const listener of this.listeners) listener(snapshot);
    this.deps.tray?.render(this.trayState(snapshot));
  }
}
