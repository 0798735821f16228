import type { ApiResult } from '../chamelio/ApiError.ts';
import type { Task } from '../chamelio/Task.ts';
import { TaskMonitor, type SystemChange } from '../tasks/TaskMonitor.ts';
import { ApiAccess, malformedKey } from './ApiAccess.ts';
import { applySettingsPatch } from './applySettingsPatch.ts';
import type { AppSnapshot, BuildInfo, KeyCheckResult, PinResult, SettingsUpdateResult, TaskDetail } from './AppSnapshot.ts';
import { buildTrayState } from './buildTrayState.ts';
import { ChangePipeline } from './ChangePipeline.ts';
import { DemoMode, type DemoSetup } from './DemoMode.ts';
import { KeySession } from './KeySession.ts';
import { emptyState } from './loadPersistedState.ts';
import { openState } from './openState.ts';
import type { PersistedState } from './PersistedState.ts';
import { Pinning } from './Pinning.ts';
import { PinList, pollClassOf } from './PinList.ts';
import type { AppServiceDeps } from './ports.ts';
import { CHECKED_REFRESH_MS, SnapshotFeed } from './SnapshotFeed.ts';
import { CHAMELIO_APP_HOST, type Settings, type SettingsPatch } from './Settings.ts';
import { lastChangeByTask, summarize, summarizeAll } from './summarize.ts';
import { taskDetail } from './taskDetail.ts';
import { taskLink } from './taskLink.ts';
import { TaskTriage } from './TaskTriage.ts';
import type { TrayState } from './TrayState.ts';
import { TaskActions } from './TaskActions.ts';

/**
 * The one facade every UI command goes through, for both transports. It owns the pinned tasks and
 * the settings, feeds the TaskMonitor's results through the ChangePipeline (recorded, written,
 * notified), and derives the snapshot and tray state. Taking and checking the key is KeySession's,
 * pinning and unpinning Pinning's; only the SecretStore and the request header (ApiAccess) ever hold the key.
 */
export class AppService {
  private readonly deps: AppServiceDeps;
  private settings: Settings = emptyState().settings;
  private readonly pins = new PinList();
  private notificationsPausedUntil: number | null = null;
  private readonly access: ApiAccess;
  private readonly keys: KeySession;
  private readonly pinning: Pinning;
  private readonly monitor: TaskMonitor;
  private readonly changes: ChangePipeline;
  private readonly demo = new DemoMode();
  readonly triage: TaskTriage; // snoozes, per-task levels, notification actions; transports call it
  private lastCheckedAt: number | null = null;
  private build: BuildInfo | null = null;
  private readonly feed: SnapshotFeed;
  readonly actions = new TaskActions(() => ({ access: this.access, monitor: this.monitor, own: this.changes.own, pins: this.pins, settings: this.settings, changed: this.changed }), (id, result) => this.onResult(id, result)); // approve, reject, cancel, documents: the transports call it

  constructor(deps: AppServiceDeps) {
    this.deps = deps;
    const random = deps.random ?? Math.random;
    this.access = new ApiAccess(deps, () => this.settings.apiBaseUrl);
    this.monitor = new TaskMonitor({
      clock: deps.clock,
      random,
      fetchTask: (id) => this.actions.reads.read(() => this.access.client().getTask(id)),
      onResult: (id, result) => void (this.actions.reads.isStale(id, result) || this.onResult(id, result)),
      intervalMs: this.settings.pollIntervalSeconds * 1000,
      budgetPerMinute: this.access.budgetPerMinute(this.settings.rateLimitShare),
    });
    this.pinning = new Pinning(this.pins, {
      clock: deps.clock,
      monitor: this.monitor,
      forget: (id) => { this.access.client().forgetTask(id); this.actions.approvers.forget(id); },
      changed: () => this.persistSoon(),
    });
    this.keys = new KeySession({
      ...deps,
      access: this.access,
      monitor: this.monitor,
      rateLimitShare: () => this.settings.rateLimitShare,
      onChange: () => this.changed(),
    });
    this.changes = new ChangePipeline({ ...deps, random }, this.pins, {
      state: () => (this.demo.isActive() ? null : this.persistedState()),
      notification: () => ({ settings: this.settings, now: deps.clock.now(), pausedUntil: this.notificationsPausedUntil, ...this.triage.policyContext(), approversNow: this.actions.approvers.approversNow }),
      absorbedBySnooze: (pin, changes) => this.triage.snoozes.absorb(pin, changes),
      problemChanged: () => this.changed(),
    });
    this.triage = new TaskTriage(deps, this.pins, { announce: (sets) => this.changes.announce(sets), changed: () => this.persistSoon(), settings: () => this.settings, unpinned: (ids) => this.pinning.unpinned(ids) });
    this.feed = new SnapshotFeed(deps.clock, () => this.getState(), (snapshot) => deps.tray?.render(this.trayState(snapshot)), deps.logger);
  }

  async start(): Promise<void> {
    this.adopt(this.changes.opened(await openState(this.deps.persistence, this.deps.logger)));
    this.monitor.start();
    await this.keys.takeStored();
    this.changed();
  }

  async stop(): Promise<void> {
    this.monitor.stop();
    this.triage.snoozes.stop();
    this.feed.stop();
    await this.changes.flush();
  }

  subscribe(listener: (snapshot: AppSnapshot) => void): () => void {
    return this.feed.subscribe(listener);
  }

  // --- bridge commands ---------------------------------------------------------------------------
  getState(): AppSnapshot {
    const { advice, canOptInToWeak } = this.deps.secrets.protection();
    return {
      connection: this.access.connection(),
      key: { isSet: this.access.hasKey(), protection: this.access.protection(), advice, canOptInToWeak },
      org: this.access.org(),
      lastCheckedAt: this.lastCheckedAt,
      tasks: summarizeAll(this.pins.all(), this.settings.userEmail, this.changes.activity, this.actions.approvers.approversNow),
      activity: this.changes.activity,
      settings: this.settings,
      notificationsPausedUntil: this.notificationsPausedUntil,
      budgetPerMinute: this.access.hasKey() ? this.monitor.budgetPerMinute() : null,
      demo: this.demo.isActive(),
      storageProblem: this.changes.storageProblem(),
      build: this.build,
    };
  }

  getTaskDetail(taskId: number): TaskDetail | null {
    const pin = this.pins.find(taskId);
    if (!pin) return null;
    const email = this.settings.userEmail;
    return taskDetail(pin, summarize(pin, email, lastChangeByTask(this.changes.activity), this.actions.approvers.approversNow), email);
  }

  // Pinning, unpinning, its undo and the unseen mark are Pinning's.
  async pin(text: string): Promise<PinResult> { return this.pinning.pin(text); }
  async unpin(taskId: number): Promise<void> { this.pinning.unpin(taskId); }
  async undoUnpin(): Promise<void> { this.pinning.undoUnpin(); }
  async markSeen(taskId: number): Promise<void> { this.pinning.markSeen(taskId); }

  async refresh(): Promise<void> {
    if (this.access.isRefused()) await this.keys.check();
    this.monitor.refreshNow();
    this.changed();
  }

  async setApiKey(key: string, allowWeak: boolean, keepUnlessRefused = false): Promise<KeyCheckResult> {
    const candidate = typeof key === 'string' ? key.trim() : '';
    const malformed = malformedKey(candidate);
    if (malformed) return malformed;
    // A key is checked against the user's own server, never the demo's.
    if (this.demo.isActive()) await this.leaveDemo();
    const result = await this.keys.set(candidate, allowWeak, keepUnlessRefused);
    this.changed();
    return result;
  }

  /** Forgets the key. In the demo it leaves the demo instead: the demo's key is not the user's. */
  async clearApiKey(): Promise<void> {
    if (this.demo.isActive()) await this.leaveDemo();
    else await this.keys.forget(true);
    this.changed();
  }

  async updateSettings(patch: SettingsPatch): Promise<SettingsUpdateResult> {
    const checked = applySettingsPatch(this.settings, patch);
    if (!checked.ok) return checked;
    const before = this.settings;
    this.settings = checked.settings;
    if (before.apiBaseUrl !== this.settings.apiBaseUrl) await this.serverChanged();
    this.monitor.setIntervalMs(this.settings.pollIntervalSeconds * 1000);
    this.keys.applyBudget();
    this.persistSoon();
    return { ok: true, settings: this.settings };
  }

  async pauseNotifications(until: number | null): Promise<void> {
    this.notificationsPausedUntil = typeof until === 'number' && until > this.deps.clock.now() ? until : null;
    this.persistSoon();
  }

  // --- for the transports ------------------------------------------------------------------------
  /** Task ids in the text (a clipboard's) that are not pinned yet. */
  suggestPins(text: string): number[] { return this.pinning.suggest(text); }
  linkFor(taskId: number): string { return taskLink(taskId); }
  chamelioHomeUrl(): string { return `https://${CHAMELIO_APP_HOST}/`; }

  /** The built-in simulator (DemoMode): the real state comes back untouched with a real key, a cleared
   * key or a restart; the demo key never reaches the SecretStore. */
  async useDemo(demo: DemoSetup): Promise<void> {
    await this.changes.flush(); // a real change seen just now is written and notified first
    this.adopt(this.demo.enter(this.persistedState(), demo));
    await this.pin(demo.taskIds.join(' '));
    await this.keys.take(demo.apiKey, 'session');
    this.changed();
  }

  setSystemState(change: SystemChange): void {
    this.monitor.applySystemChange(change);
    this.triage.snoozes.check(); // a snooze that ended while the machine slept ends now
    if (change.online !== undefined) this.access.offline(!change.online, this.deps.clock.now(), this.pins.all().length > 0);
    this.changed();
  }

  trayState(snapshot: AppSnapshot = this.getState()): TrayState {
    const pollingPaused = this.monitor.pausedBy().some((r) => r === 'suspended' || r === 'offline');
    return buildTrayState(snapshot, { pollingPaused, now: this.deps.clock.now(), hideTitles: this.settings.privateNotifications });
  }

  setBuild(build: BuildInfo): void { this.build = build; this.changed(); } // the shell's version and update checks
  /** For the benchmark and tests: requests sent in the last minute against the budget. */
  requestStats(): { inLastMinute: number; budgetPerMinute: number } { return { inLastMinute: this.monitor.requestsInLastMinute(), budgetPerMinute: this.monitor.budgetPerMinute() }; }

  private onResult(taskId: number, result: ApiResult<Task>): void {
    const pin = this.pins.find(taskId);
    if (!pin) return;
    // The client hands back the very value it gave last time when the answer's text is the same.
    const repeated = result.ok && result.value === pin.snapshot && pin.lastError === null && !pin.unavailable;
    const now = this.deps.clock.now();
    pin.lastCheckedAt = now;
    this.lastCheckedAt = now;
    pin.lastError = result.ok ? null : result.error;
    this.triage.snoozes.check();
    this.changes.received(pin, result, this.settings.userEmail);
    if (result.ok) this.actions.approvers.polled(pin.snapshot);
    // The monitor paused itself on a 401; the problem stays shown until another key or a good check.
    const moved = this.access.answered(pin.lastError, now, this.monitor.rateLimitedUntilTime());
    if (!repeated || moved) this.changed();
    // Nothing new: no timer of its own (an idle minute wakes the engine only to poll).
    else this.feed.refreshIfOlderThan(CHECKED_REFRESH_MS);
  }

  /**
   * Another server: its tasks are not the old one's, and the key was given for the old one, so it
   * is forgotten (never sent where the user did not give it); every pin takes a silent baseline.
   */
  private async serverChanged(): Promise<void> {
    this.pins.rebaseline();
    this.actions.approvers.clear(); // another server's approvers say nothing about this one's tasks
    await this.keys.forget(!this.demo.isActive() && this.access.hasKey());
  }

  /** Takes a state as the current one. The monitor carries over its pauses and its budget's window. */
  private adopt(state: PersistedState): void {
    this.settings = state.settings;
    this.notificationsPausedUntil = state.notificationsPausedUntil;
    this.pins.replace(state.pinned);
    this.actions.approvers.clear();
    this.changes.reset(state.activity);
    this.triage.snoozes.start(); // the new pins' snoozes
    this.access.forgetOrg();
    this.monitor.setIntervalMs(this.settings.pollIntervalSeconds * 1000);
    this.keys.applyBudget();
    this.monitor.replaceTasks(this.pins.all().map((pin) => ({ id: pin.id, pollClass: pollClassOf(pin) })));
  }

  private async leaveDemo(): Promise<void> {
    const real = this.demo.leave();
    if (real) this.adopt(real);
    await this.keys.takeStored();
  }

  private persistedState(): PersistedState {
    return {
      schemaVersion: 1,
      settings: this.settings,
      pinned: this.pins.persisted(),
      activity: this.changes.activity,
      notificationsPausedUntil: this.notificationsPausedUntil,
    };
  }

  private persistSoon(): void {
    this.changes.markDirty();
    this.changed();
  }

  private readonly changed = (): void => this.feed.changed(); // to listeners and the tray, bursts coalesced
}
