/**
 * Updates through electron-updater, quietly: checked at launch and once a day in packaged builds,
 * downloaded in the background, and offered as "Restart to update" in the tray menu. Never a dialog
 * that takes focus. Where the package cannot update itself it is not tried: the deb is updated by the
 * system's package manager (installing it needs root), and an unpackaged run has no feed.
 */
import type { BuildInfo } from '../core/app/AppSnapshot.ts';
import type { Clock, Logger, TimerHandle } from '../core/app/ports.ts';
import { errorText } from './background.ts';

export const UPDATE_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

/** electron-updater's AppUpdater, as far as we use it. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void } | null;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

type UpdatePlan = { kind: 'on' } | { kind: 'off'; reason: 'unpackaged' | 'deb' };

export function updatePlan(input: { isPackaged: boolean; platform: NodeJS.Platform; fromAppImage: boolean }): UpdatePlan {
  if (!input.isPackaged) return { kind: 'off', reason: 'unpackaged' };
  if (input.platform === 'linux' && !input.fromAppImage) return { kind: 'off', reason: 'deb' };
  return { kind: 'on' };
}

interface UpdateStatus {
  plan: UpdatePlan;
  lastCheckAt: number | null;
  /** The version downloaded and waiting for a restart. */
  ready: string | null;
  /** What went wrong with the last check or download, in plain words; null once a check succeeds. */
  problem: string | null;
}

/** electron-updater's error codes (builder-util-runtime's newError, HttpError's HTTP_ERROR_<status>), in words. */
export function updateProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  if (/^ERR_UPDATER_(CHANNEL_FILE|LATEST_VERSION|RELEASE)_NOT_FOUND$|^ERR_UPDATER_NO_PUBLISHED_VERSIONS$|^HTTP_ERROR_404$/.test(code)) {
    return 'the update server has no release for this app';
  }
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return 'the downloaded update is not signed by us, so it was not installed';
  if (code.startsWith('HTTP_ERROR_')) return 'the update server answered with an error';
  return 'the update server could not be reached';
}

/** The status as Settings shows it (the version comes from the shell, app.getVersion()). */
export function buildInfo(version: string, status: UpdateStatus): BuildInfo {
  if (status.plan.kind === 'off') return { version, updates: { kind: 'off' } };
  if (status.lastCheckAt === null) return { version, updates: { kind: 'not-yet' } };
  if (status.problem !== null) return { version, updates: { kind: 'failed', at: status.lastCheckAt, problem: status.problem } };
  return { version, updates: { kind: 'checked', at: status.lastCheckAt } };
}

export function updateStatusText(status: UpdateStatus): string {
  if (status.plan.kind === 'off') return status.plan.reason === 'deb' ? 'by the system package manager' : 'off (unpackaged)';
  const checked = status.lastCheckAt === null ? 'not checked yet' : `last checked ${new Date(status.lastCheckAt).toISOString()}`;
  const withProblem = status.problem === null ? checked : `${checked} (${status.problem})`;
  return status.ready === null ? withProblem : `${status.ready} ready, ${withProblem}`;
}

export class UpdateWatcher {
  private readonly deps: { load: () => Promise<UpdaterLike>; plan: UpdatePlan; clock: Clock; logger: Logger; onChange: () => void };
  private updater: UpdaterLike | null = null;
  private timer: TimerHandle | null = null;
  private lastCheckAt: number | null = null;
  private ready: string | null = null;
  private problem: string | null = null;

  constructor(deps: UpdateWatcher['deps']) {
    this.deps = deps;
  }

  async start(): Promise<void> {
    if (this.deps.plan.kind === 'off') return;
    const updater = await this.deps.load();
    const { logger } = this.deps;
    updater.logger = { info: (m) => logger.info(`updater: ${String(m)}`), warn: (m) => logger.warn(`updater: ${String(m)}`), error: (m) => logger.error(`updater: ${String(m)}`) };
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('update-downloaded', (info) => {
      this.ready = info.version;
      logger.info('an update is ready', { version: info.version });
      this.deps.onChange();
    });
    updater.on('error', (error) => {
      logger.warn('the update check failed', { error: errorText(error) });
      this.problem = updateProblem(error);
      this.deps.onChange();
    });
    this.updater = updater;
    await this.check();
  }

  stop(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  status(): UpdateStatus {
    return { plan: this.deps.plan, lastCheckAt: this.lastCheckAt, ready: this.ready, problem: this.problem };
  }

  restartToUpdate(): void {
    if (this.ready !== null) this.updater?.quitAndInstall();
  }

  private async check(): Promise<void> {
    const updater = this.updater;
    if (!updater) return;
    this.timer = this.deps.clock.setTimeout(() => void this.check(), UPDATE_CHECK_EVERY_MS);
    this.lastCheckAt = this.deps.clock.now();
    try {
      await updater.checkForUpdates();
      this.problem = null;
    } catch (error) {
      this.deps.logger.warn('the update check failed', { error: errorText(error) });
      this.problem = updateProblem(error);
    }
    this.deps.onChange();
  }
}
