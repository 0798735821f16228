import type { ApiError, ApiResult, UnauthorizedReason } from '../chamelio/ApiError.ts';
import { isApiKeyShape } from '../chamelio/apiKey.ts';
import { ChamelioClient } from '../chamelio/ChamelioClient.ts';
import type { SameBytes } from '../chamelio/AnswerMemo.ts';
import type { OrgInfo } from '../chamelio/Task.ts';
import type { ConnectionState, KeyCheckResult, OrgSummary } from './AppSnapshot.ts';
import { connectionAfter } from './connectionAfter.ts';
import { describeApiError } from './describeApiError.ts';
import type { Clock, Fetch, KeyProtection } from './ports.ts';

/** Until the key's own limit is known: half of the documented example (120 a minute). */
const FALLBACK_RATE_LIMIT = 60;

/** A typed key whose shape is wrong is refused before anything is sent. */
export function malformedKey(candidate: string): Extract<KeyCheckResult, { ok: false }> | null {
  if (isApiKeyShape(candidate)) return null;
  return { ok: false, reason: 'invalid-format', message: 'A Chamelio API key starts with ca_ and has no spaces.' };
}

/** Why a typed key was not taken, in the API's own words where it gave some. */
export function keyRefused(error: ApiError): Extract<KeyCheckResult, { ok: false }> {
  const reason = error.kind === 'unauthorized' ? error.reason : error.kind === 'network' || error.kind === 'timeout' ? 'network' : 'other';
  return { ok: false, reason, message: describeApiError(error) };
}

interface ApiAccessDeps {
  fetch: Fetch;
  clock: Clock;
  requestTimeoutMs?: number;
  sameBytes?: SameBytes;
}

type OrgCheck = Promise<ApiResult<OrgInfo>>;

/**
 * The key in use, how it is kept, the organisation it opens, the connection it gives, and the
 * client that sends it. The key is held here for the request header (besides the SecretStore,
 * which is asynchronous) and is never part of any state, snapshot or message.
 */
export class ApiAccess {
  private key: string | null = null;
  private keptAs: KeyProtection | null = null;
  private orgInfo: OrgSummary | null = null;
  /** The API refused the key in use; polling waits for another key or a successful check. */
  private problem: { reason: UnauthorizedReason; detail: string } | null = null;
  /** The network's side of the connection; a missing or refused key wins over it. */
  private net: ConnectionState = { kind: 'checking' };
  private verifying: { key: string; answer: OrgCheck } | null = null;
  private built: { baseUrl: string; client: ChamelioClient } | null = null;
  private readonly deps: ApiAccessDeps;
  private readonly baseUrl: () => string;

  constructor(deps: ApiAccessDeps, baseUrl: () => string) {
    this.deps = deps;
    this.baseUrl = baseUrl;
  }

  hasKey(): boolean {
    return this.key !== null;
  }

  isInUse(key: string): boolean {
    return key === this.key;
  }

  protection(): KeyProtection | null {
    return this.keptAs;
  }

  org(): OrgSummary | null {
    return this.orgInfo;
  }

  isRefused(): boolean {
    return this.problem !== null;
  }

  connection(): ConnectionState {
    if (!this.key) return { kind: 'no-key' };
    return this.problem ? { kind: 'key-problem', ...this.problem } : this.net;
  }

  /** The client for the current base URL, reading the current key for every request. */
  client(): ChamelioClient {
    const baseUrl = this.baseUrl();
    if (this.built?.baseUrl !== baseUrl) this.built = { baseUrl, client: this.clientWith(() => this.key) };
    return this.built.client;
  }

  /** GET /users/org-info for a key the user typed: always sent (and `record`ed), one at a time per key. */
  verify(key: string, record: () => void): OrgCheck {
    if (this.verifying?.key === key) return this.verifying.answer;
    record();
    return this.send(key);
  }

  /** The same for the key in use, paid from the request budget: null without a key or budget. */
  verifyInUse(trySpend: () => boolean): { key: string; answer: OrgCheck } | null {
    const key = this.key;
    if (key === null) return null;
    if (this.verifying?.key === key) return this.verifying;
    return trySpend() ? { key, answer: this.send(key) } : null;
  }

  use(key: string, protection: KeyProtection): void {
    if (key !== this.key) this.problem = null;
    this.key = key;
    this.keptAs = protection;
  }

  forget(): void {
    this.key = null;
    this.keptAs = null;
    this.orgInfo = null;
    this.problem = null;
  }

  /** Another state was taken: the organisation is asked again. */
  forgetOrg(): void {
    this.orgInfo = null;
  }

  accept(info: OrgInfo): OrgSummary {
    this.orgInfo = { name: info.org_name, rateLimitPerMinute: info.rate_limit_per_minute };
    this.problem = null;
    this.net = { kind: 'ok' };
    return this.orgInfo;
  }

  checking(): void {
    this.net = { kind: 'checking' };
  }

  /**
   * After any request: a refusal marks the key; anything else moves the network's side. True when
   * the connection the header shows may have changed.
   */
  answered(error: ApiError | null, now: number, rateLimitedUntil: number | null): boolean {
    if (error?.kind === 'unauthorized') {
      this.problem = { reason: error.reason, detail: error.detail };
      return true;
    }
    const before = this.net;
    this.net = connectionAfter(this.net, error, now, rateLimitedUntil);
    return this.net !== before;
  }

  /** The OS says this computer went offline (true) or came back (false). */
  offline(isOffline: boolean, now: number, hasTasks: boolean): void {
    if (isOffline) this.net = { kind: 'offline', message: 'This computer is offline.', since: now };
    else if (this.net.kind === 'offline') this.net = hasTasks ? { kind: 'checking' } : { kind: 'ok' };
  }

  /** Requests a minute this app may spend: its share of the key's limit, at least one. */
  budgetPerMinute(share: number): number {
    return Math.max(1, Math.floor((this.orgInfo?.rateLimitPerMinute ?? FALLBACK_RATE_LIMIT) * share));
  }

  private send(key: string): OrgCheck {
    const answer = this.clientWith(() => key)
      .getOrgInfo()
      .finally(() => {
        if (this.verifying?.answer === answer) this.verifying = null;
      });
    this.verifying = { key, answer };
    return answer;
  }

  private clientWith(getApiKey: () => string | null): ChamelioClient {
    const { fetch, clock, requestTimeoutMs, sameBytes } = this.deps;
    return new ChamelioClient({ fetch, baseUrl: this.baseUrl(), getApiKey, now: () => clock.now(), timeoutMs: requestTimeoutMs, sameBytes });
  }
}
