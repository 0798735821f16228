import type { ApiError } from '../chamelio/ApiError.ts';
import type { OrgInfo } from '../chamelio/Task.ts';
import type { TaskMonitor } from '../tasks/TaskMonitor.ts';
import { keyRefused, type ApiAccess } from './ApiAccess.ts';
import type { KeyCheckResult, OrgSummary } from './AppSnapshot.ts';
import type { Clock, KeyProtection, SecretStore } from './ports.ts';

interface KeySessionDeps {
  access: ApiAccess;
  monitor: TaskMonitor;
  secrets: SecretStore;
  clock: Clock;
  /** The share of the key's rate limit the settings allow. */
  rateLimitShare: () => number;
  /** Something the snapshot shows moved (checking, accepted, refused). */
  onChange: () => void;
}

/**
 * Taking, checking and replacing the API key, and what that does to polling: no key or a refused
 * key pauses the monitor; an accepted key sets the budget from its organisation's limit.
 */
export class KeySession {
  private readonly deps: KeySessionDeps;

  constructor(deps: KeySessionDeps) {
    this.deps = deps;
  }

  /**
   * A well-formed key the user typed (see malformedKey): checked first (counted in the budget,
   * never refused by it), then stored and put in use. With `keepUnlessRefused` (a key given at
   * start, which nobody is there to type again) a check that did not answer yes or no (offline, a
   * 5xx) still stores the key and puts it in use, checked again like a stored one; only a 401 or a
   * 403 drops it. The result still says the check failed.
   */
  async set(candidate: string, allowWeak: boolean, keepUnlessRefused = false): Promise<KeyCheckResult> {
    const { access, monitor, secrets } = this.deps;
    const checked = await access.verify(candidate, () => monitor.spend());
    if (!checked.ok && keepUnlessRefused && !refusesKey(checked.error)) {
      await this.take(candidate, await secrets.set(candidate, { allowWeak: allowWeak === true }));
    }
    if (!checked.ok) return keyRefused(checked.error);
    const protection = await secrets.set(candidate, { allowWeak: allowWeak === true });
    if (!access.isInUse(candidate)) monitor.invalidateInFlight();
    access.use(candidate, protection);
    const org = this.accepted(checked.value);
    return { ok: true, org, protection };
  }

  /** Puts a key (or none) in use, drops answers meant for the one before, and checks it. */
  async take(key: string | null, protection: KeyProtection): Promise<void> {
    const { access, monitor } = this.deps;
    monitor.invalidateInFlight();
    if (!key) {
      access.forget();
      monitor.pause('no-key');
      return;
    }
    access.use(key, protection);
    monitor.resume('no-key');
    await this.check();
  }

  /** The key the SecretStore holds (or none), put in use. */
  async takeStored(): Promise<void> {
    const { secrets } = this.deps;
    await this.take(await secrets.get(), secrets.protection().protection);
  }

  /** No key in use any more; with `clearStored` the stored one is deleted too. */
  async forget(clearStored: boolean): Promise<void> {
    if (clearStored) await this.deps.secrets.clear();
    await this.take(null, 'session');
  }

  /** GET /users/org-info for the key in use; a refusal stops polling until another key or check. */
  async check(): Promise<void> {
    const { access, monitor, clock } = this.deps;
    const pending = access.verifyInUse(() => monitor.trySpend());
    if (!pending) return; // no key, or no budget left this minute: the next refresh tries again
    access.checking();
    this.deps.onChange();
    const checked = await pending.answer;
    if (!access.isInUse(pending.key)) return; // replaced while we waited
    if (checked.ok) this.accepted(checked.value);
    else {
      // Refused: stop until another key. Offline or a server error: poll with the fallback budget.
      access.answered(checked.error, clock.now(), monitor.rateLimitedUntilTime());
      if (checked.error.kind === 'unauthorized') monitor.pause('unauthorized');
    }
    this.deps.onChange();
  }

  applyBudget(): void {
    this.deps.monitor.setBudgetPerMinute(this.deps.access.budgetPerMinute(this.deps.rateLimitShare()));
  }

  private accepted(info: OrgInfo): OrgSummary {
    const { access, monitor } = this.deps;
    const org = access.accept(info);
    this.applyBudget();
    monitor.resume('unauthorized');
    monitor.resume('no-key');
    monitor.refreshNow();
    return org;
  }
}

/** The server said no to the key itself, not "not now". */
function refusesKey(error: ApiError): boolean {
  return error.kind === 'unauthorized' || (error.kind === 'server' && error.status === 403);
}
