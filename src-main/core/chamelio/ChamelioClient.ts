/**
 * The Chamelio API client: the two GET endpoints the monitor polls, and the request machinery the
 * action and document endpoints (TaskActionsClient.ts) share; every failure an ApiError value.
 * Core code: no Electron, no node:* I/O; fetch is injected (net.fetch in the app, Node's fetch
 * in the preview and tests).
 */
import type { Fetch } from '../app/ports.ts';
import type { ApiError, ApiResult, UnauthorizedReason } from './ApiError.ts';
import { AnswerMemo, type AnswerSlot, type SameBytes } from './AnswerMemo.ts';
import { isTerminalStatus, type OrgInfo, type Task } from './Task.ts';
import { validateOrgInfo, validateTask, type Validation } from './validate.ts';
import { cleanText, describeNetworkError, errorDetail } from './errorDetail.ts';
import { discard, readBody } from './readResponseBody.ts';
import { redactKey } from './apiKey.ts';


export interface ChamelioClientOptions {
  fetch: Fetch;
  /** Already checked by parseApiBaseUrl. */
  baseUrl: string;
  /** Read for every request, so a new or cleared key takes effect at once. */
  getApiKey: () => string | null;
  /** Only for Retry-After HTTP dates. */
  now: () => number;
  /** Whole request, body included. Default 15 s. */
  timeoutMs?: number;
  /** Larger bodies are a bad-response and reading stops. Default 2 MiB. */
  maxResponseBytes?: number;
  /** Compares a repeated answer's bytes with the last one's: a native compare where the shell has one. */
  sameBytes?: SameBytes;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** A Retry-After further away than this is taken as this (a server asking for a day is not obeyed). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;
/** An error body is read only for its detail; a huge proxy page needs no more than this. */
const ERROR_BODY_BYTES = 64 * 1024;

const UNAUTHORIZED_REASONS: ReadonlyMap<string, UnauthorizedReason> = new Map([
  ['api key required', 'key-required'],
  ['invalid api key', 'invalid-key'],
  ['api key is inactive', 'key-inactive'],
  ['api key has been revoked', 'key-revoked'],
  ['api key has expired', 'key-expired'],
]);

/** Checks a parsed answer; `sourceBytes` is the length of the text it was parsed from. */
type Validator<T> = (json: unknown, sourceBytes: number) => Validation<T>;

/** How a request goes out: GET, or POST with an optional JSON body. */
export interface SendInit {
  method: 'GET' | 'POST';
  body?: unknown;
}
const GET: SendInit = { method: 'GET' };

export class ChamelioClient {
  readonly #fetch: Fetch;
  readonly #baseUrl: string;
  readonly #getApiKey: () => string | null;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  /** An answer that repeats the last one for its task is not read again: see AnswerMemo. */
  readonly #answers: AnswerMemo<Task>;

  constructor(options: ChamelioClientOptions) {
    this.#fetch = options.fetch;
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#getApiKey = options.getApiKey;
    this.#now = options.now;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    // A running task is asked for every interval, a finished one 60 times less often (TaskMonitor).
    this.#answers = new AnswerMemo<Task>((task) => !isTerminalStatus(task.status), options.sameBytes);
  }

  async getTask(taskId: number): Promise<ApiResult<Task>> {
    if (!Number.isSafeInteger(taskId) || taskId <= 0) {
      return failure({ kind: 'not-found', detail: 'Task ids are positive whole numbers.' });
    }
    const result = await this.#get(`/tasks/${taskId}`, validateTask, this.#answers.slot(taskId));
    if (result.ok && result.value.task_id !== taskId) {
      this.#answers.forget(taskId);
      return failure({ kind: 'bad-response', message: `task.task_id: expected ${taskId}, got ${result.value.task_id}` });
    }
    return result;
  }

  /** The task is no longer watched: its last answer need not be kept. */
  forgetTask(taskId: number): void {
    this.#answers.forget(taskId);
  }

  getOrgInfo(): Promise<ApiResult<OrgInfo>> {
    return this.#get('/users/org-info', validateOrgInfo);
  }

  /** For the endpoint modules beside this one (TaskActionsClient): the same machinery, any method. */
  send<T>(path: string, validate: Validator<T>, init: SendInit): Promise<ApiResult<T>> {
    return this.#get(path, validate, undefined, init);
  }

  async #get<T>(path: string, validate: Validator<T>, memo?: AnswerSlot<T>, init: SendInit = GET): Promise<ApiResult<T>> {
    let key: string | null;
    try {
      key = this.#getApiKey();
    } catch {
      key = null;
    }
    if (key === null || key.trim() === '') {
      return failure({ kind: 'unauthorized', reason: 'key-required', detail: 'No API key is set.' });
    }
    const controller = new AbortController();
    // Network timeouts are real time, not the injected clock: the socket waits in real time too.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout');
        controller.abort();
      }, this.#timeoutMs);
    });
    try {
      const outcome = await Promise.race([this.#exchange(path, key, controller.signal, validate, memo, init), timedOut]);
      if (outcome === 'timeout') return failure({ kind: 'timeout', afterMs: this.#timeoutMs });
      return outcome.ok ? outcome : failure(redact(outcome.error, key));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Never rejects: whatever happens becomes an ApiResult. */
  async #exchange<T>(
    path: string,
    key: string,
    signal: AbortSignal,
    validate: Validator<T>,
    memo: AnswerSlot<T> | undefined,
    init: SendInit,
  ): Promise<ApiResult<T>> {
    let response: Response;
    const json = init.body === undefined ? {} : { body: JSON.stringify(init.body) };
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method: init.method,
        headers: { 'X-API-Key': key, Accept: 'application/json', ...(json.body ? { 'Content-Type': 'application/json' } : {}) },
        ...json,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      if (signal.aborted) return failure({ kind: 'timeout', afterMs: this.#timeoutMs });
      return failure({ kind: 'network', message: describeNetworkError(error) });
    }
    try {
      return await this.#interpret(response, key, signal, validate, memo);
    } catch {
      // Defensive: a misbehaving injected Response must not turn into a rejection.
      return failure({ kind: 'bad-response', message: 'the response could not be read' });
    }
  }

  async #interpret<T>(
    response: Response,
    key: string,
    signal: AbortSignal,
    validate: Validator<T>,
    memo: AnswerSlot<T> | undefined,
  ): Promise<ApiResult<T>> {
    const status = response.status;
    const contentType = response.headers.get('content-type') ?? '';
    if (status === 200) {
      const body = await readBody(response, this.#maxResponseBytes, signal, false);
      if (!body.ok) return failure({ kind: 'bad-response', message: body.problem });
      return parseSuccess(body.bytes, contentType, validate, memo);
    }
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      await discard(response);
      return failure({ kind: 'server', status, detail: 'The server answered with a redirect; check the API address.' });
    }
    const body = await readBody(response, ERROR_BODY_BYTES, signal, true);
    // The key is taken out before errorDetail shortens the text, so no cut can leave part of it.
    const detail = body.ok ? errorDetail(redactKey(new TextDecoder().decode(body.bytes), key), contentType) : '';
    switch (status) {
      case 401:
        return failure({ kind: 'unauthorized', reason: UNAUTHORIZED_REASONS.get(detail.toLowerCase()) ?? 'unknown', detail });
      case 404:
        return failure({ kind: 'not-found', detail });
      case 429:
        return failure({ kind: 'rate-limited', retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.#now()) });
      default:
        return failure({ kind: 'server', status, detail: detail || cleanText(response.statusText) });
    }
  }
}

/** Shared: a decode without `stream` keeps no state, and making a decoder costs as much as using it. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function parseSuccess<T>(
  bytes: Uint8Array,
  contentType: string,
  validate: Validator<T>,
  memo: AnswerSlot<T> | undefined,
): ApiResult<T> {
  const known = memo?.recall(bytes);
  if (known !== undefined) return { ok: true, value: known };
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return failure({ kind: 'bad-response', message: 'the response body is not valid UTF-8' });
  }
  if (text.trim() === '') return failure({ kind: 'bad-response', message: 'the response body is empty' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // V8's parse message quotes the body, so it is not passed on.
    const type = cleanText(contentType.split(';')[0] ?? '') || 'no content type';
    return failure({ kind: 'bad-response', message: `the response body is not valid JSON (${type}, ${bytes.byteLength} bytes)` });
  }
  const checked = validate(json, bytes.byteLength);
  if (!checked.ok) return failure({ kind: 'bad-response', message: `unexpected response shape: ${checked.message}` });
  memo?.remember(bytes, checked.value);
  return { ok: true, value: checked.value };
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unusable; capped. */
function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * 1000;
  } else if (/^[A-Za-z]{3,9},? /.test(value) && / (GMT|UTC)$/.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    ms = Math.max(0, at - now);
  } else {
    return null;
  }
  return Math.min(Math.ceil(ms), MAX_RETRY_AFTER_MS);
}

/** The key must never reach an error, even if a server or a network library echoes it. */
function redact(error: ApiError, key: string): ApiError {
  const scrub = (text: string): string => redactKey(text, key);
  switch (error.kind) {
    case 'unauthorized':
    case 'not-found':
    case 'server':
      return { ...error, detail: scrub(error.detail) };
    case 'network':
    case 'bad-response':
      return { ...error, message: scrub(error.message) };
    default:
      return error;
  }
}

function failure(error: ApiError): { ok: false; error: ApiError } {
  return { ok: false, error };
}
