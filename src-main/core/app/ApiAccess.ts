import type { ApiError, ApiResult, UnauthorizedReason } from '../chamelio/ApiError.ts';
import { isApiKeyShape } from '../chamelio/apiKey.ts';
import { ChamelioClient } from '../chamelio/ChamelioClient.ts';
import type { OrgInfo } from '../chamelio/Task.ts';
import type { KeyCheckResult, OrgSummary } from './AppSnapshot.ts';
import type { Clock, Fetch, KeyProtection } from './ports.ts';
import { describeApiError } from './summarize.ts';

/** Until the key's own limit is known: half of the documented example (120 a minute). */
export const FALLBACK_RATE_LIMIT = 60;

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

export interface ApiAccessDeps {
  fetch: Fetch;
  clock: Clock;
  requestTimeoutMs?: number;
}

/**
 * The key in use, how it is kept, the organisation it opens, and the client that sends it. The key
 * is held here for the request header (besides the SecretStore, which is asynchronous) and is
 * never part of any state, snapshot or message.
 */
export class ApiAccess {
  key: string | null = null;
  protection: KeyProtection | null = null;
  org: OrgSummary | null = null;
  /** The API refused the key in use; polling waits for another key or a successful check. */
  keyProblem: { reason: UnauthorizedReason; detail: string } | null = null;
  private readonly deps: ApiAccessDeps;
  private verifying: { key: string; answer: Promise<ApiResult<OrgInfo>> } | null = null;
  private readonly baseUrl: () => string;
  private built: { baseUrl: string; client: ChamelioClient } | null = null;

  constructor(deps: ApiAccessDeps, baseUrl: () => string) {
    this.deps = deps;
    this.baseUrl = baseUrl;
  }

  /** The client for the current base URL, reading the current key for every request. */
  client(): ChamelioClient {
    const baseUrl = this.baseUrl();
    if (this.built?.baseUrl !== baseUrl) this.built = { baseUrl, client: this.clientWith(() => this.key) };
    return this.built.client;
  }

  /**
   * GET /users/org-info for a key: one check at a time per key, paid from the request budget
   * (`spend`); null when the budget has nothing left this minute.
   */
  verify(key: string, spend: () => boolean): Promise<ApiResult<OrgInfo>> | null {
    if (this.verifying?.key === key) return this.verifying.answer;
    if (!spend()) return null;
    const answer = this.clientWith(() => key)
      .getOrgInfo()
      .finally(() => {
        if (this.verifying?.answer === answer) this.verifying = null;
      });
    this.verifying = { key, answer };
    return answer;
  }

  use(key: string, protection: KeyProtection): void {
    if (key !== this.key) this.keyProblem = null;
    this.key = key;
    this.protection = protection;
  }

  forget(): void {
    this.key = null;
    this.protection = null;
    this.org = null;
    this.keyProblem = null;
  }

  accept(info: OrgInfo): OrgSummary {
    this.org = { name: info.org_name, rateLimitPerMinute: info.rate_limit_per_minute };
    return this.org;
  }

  /** Requests a minute this app may spend: its share of the key's limit, at least one. */
  budgetPerMinute(share: number): number {
    return Math.max(1, Math.floor((this.org?.rateLimitPerMinute ?? FALLBACK_RATE_LIMIT) * share));
  }

  private clientWith(getApiKey: () => string | null): ChamelioClient {
    const { fetch, clock, requestTimeoutMs } = this.deps;
    return new ChamelioClient({ fetch, baseUrl: this.baseUrl(), getApiKey, now: () => clock.now(), timeoutMs: requestTimeoutMs });
  }
}
