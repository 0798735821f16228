/**
 * Failures the simulator can be told to produce: the documented errors, and the undocumented
 * ones a real server or proxy sends (429, an HTML 502 page, broken or cut-off JSON, a reset
 * connection, no answer at all, a slow answer).
 */
import type { UnauthorizedReason } from '../../core/chamelio/ApiError.ts';
import { ACTION_ROUTES, CONFLICT_DETAILS, SERVER_ERROR_DETAILS, type ActionRoute } from './actionRoutes.ts';

/** The five documented ways a key is refused. */
export type KeyRefusal = Exclude<UnauthorizedReason, 'unknown'>;

/** The documented 401 `detail` for each refusal. */
export const UNAUTHORIZED_DETAILS: Readonly<Record<KeyRefusal, string>> = {
  'key-required': 'API key required',
  'invalid-key': 'Invalid API key',
  'key-inactive': 'API key is inactive',
  'key-revoked': 'API key has been revoked',
  'key-expired': 'API key has expired',
};

/** How the simulator refuses a key that is not active. */
export const KEY_STATE_REFUSAL: Readonly<Record<'inactive' | 'revoked' | 'expired', KeyRefusal>> = {
  inactive: 'key-inactive',
  revoked: 'key-revoked',
  expired: 'key-expired',
};

/** What an nginx proxy in front of a dead upstream answers (kind 'html-502'). */
export const PROXY_502_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export type SimulatedFault =
  | { kind: 'unauthorized'; reason: KeyRefusal }
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'server-error' }
  /** 409: on approve, someone else decided first; on cancel, the task cannot be cancelled. */
  | { kind: 'conflict' }
  | { kind: 'html-502' }
  | { kind: 'malformed-json' }
  | { kind: 'truncated' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number };

type FaultKind = SimulatedFault['kind'];

/** Faults that are a JSON error with the route's own `detail`. */
export const FAULT_STATUS = { 'not-found': 404, 'server-error': 500, conflict: 409 } as const;

export function faultDetail(kind: keyof typeof FAULT_STATUS, route: ApiRoute): string {
  if (route === 'tasks' || route === 'org-info') {
    if (kind === 'not-found') return route === 'tasks' ? 'Task not found' : 'Organization not found';
    return kind === 'server-error' ? (route === 'tasks' ? 'Failed to get task' : 'Failed to get organization info') : 'Conflict';
  }
  if (kind === 'server-error') return SERVER_ERROR_DETAILS[route];
  if (kind === 'conflict') return CONFLICT_DETAILS[route] ?? 'Conflict';
  return route === 'file' ? 'File not found' : route === 'step-document' ? 'Document not found for step' : 'Task not found';
}
export type ApiRoute = 'tasks' | 'org-info' | ActionRoute;
type FaultRoute = ApiRoute | 'any';

export interface FaultOptions {
  /** How many matching requests get the fault: default 1; Infinity = until cleared. */
  times?: number;
  /** Default 'any' ('tasks' when taskId is given). */
  route?: FaultRoute;
  /** Only requests for this task. */
  taskId?: number;
}

interface QueuedFault {
  fault: SimulatedFault;
  remaining: number;
  route: FaultRoute;
  taskId: number | null;
}

/** Faults are matched in the order they were injected; the first that fits is used. */
export class FaultQueue {
  #queued: QueuedFault[] = [];

  add(fault: SimulatedFault, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    if (!(times > 0)) throw new RangeError('times must be a positive number or Infinity');
    const taskId = options.taskId ?? null;
    const route = options.route ?? (taskId === null ? 'any' : 'tasks');
    this.#queued.push({ fault: { ...fault }, remaining: times, route, taskId });
  }

  clear(): void {
    this.#queued = [];
  }

  get size(): number {
    return this.#queued.length;
  }

  /** The fault for this request, if any, counting it against its `times`. */
  take(route: ApiRoute, taskId: number | null): SimulatedFault | null {
    const index = this.#queued.findIndex(
      (q) => (q.route === 'any' || q.route === route) && (q.taskId === null || q.taskId === taskId),
    );
    const found = this.#queued[index];
    if (!found) return null;
    found.remaining -= 1;
    if (found.remaining <= 0) this.#queued.splice(index, 1);
    return found.fault;
  }
}

const KINDS: ReadonlySet<string> = new Set<FaultKind>([
  'unauthorized', 'not-found', 'rate-limited', 'server-error', 'conflict', 'html-502',
  'malformed-json', 'truncated', 'hang', 'reset', 'slow',
]);

const ROUTES: ReadonlySet<string> = new Set<FaultRoute>(['tasks', 'org-info', 'any', ...ACTION_ROUTES]);

/**
 * The body of POST /__control/faults:
 * `{ "fault": { "kind": "slow", "delayMs": 500 }, "times": 2, "route": "tasks", "taskId": 12345 }`.
 * JSON has no Infinity, so `"times": "Infinity"` or `"times": null` means until cleared.
 */
export function parseFaultRequest(
  json: unknown,
): { ok: true; fault: SimulatedFault; options: FaultOptions } | { ok: false; message: string } {
  if (!isObject(json) || !isObject(json['fault'])) return { ok: false, message: 'expected { "fault": { "kind": … } }' };
  const raw = json['fault'];
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) return { ok: false, message: `unknown fault kind: ${String(kind)}` };
  let fault: SimulatedFault;
  if (kind === 'unauthorized') {
    const reason = raw['reason'];
    if (typeof reason !== 'string' || !Object.hasOwn(UNAUTHORIZED_DETAILS, reason)) {
      return { ok: false, message: `reason must be one of ${Object.keys(UNAUTHORIZED_DETAILS).join(', ')}` };
    }
    fault = { kind, reason: reason as KeyRefusal };
  } else if (kind === 'slow') {
    const delayMs = raw['delayMs'];
    if (typeof delayMs !== 'number' || !(delayMs >= 0)) return { ok: false, message: 'slow needs delayMs ≥ 0' };
    fault = { kind, delayMs };
  } else if (kind === 'rate-limited') {
    const seconds = raw['retryAfterSeconds'];
    if (seconds !== undefined && (typeof seconds !== 'number' || !(seconds >= 0))) {
      return { ok: false, message: 'retryAfterSeconds must be a number ≥ 0' };
    }
    fault = seconds === undefined ? { kind } : { kind, retryAfterSeconds: seconds };
  } else {
    fault = { kind } as SimulatedFault;
  }
  const options: FaultOptions = {};
  const times = json['times'];
  if (times === null || times === 'Infinity') options.times = Infinity;
  else if (typeof times === 'number' && times > 0) options.times = times;
  else if (times !== undefined) return { ok: false, message: 'times must be a positive number, "Infinity" or null' };
  const route = json['route'];
  if (typeof route === 'string' && ROUTES.has(route)) options.route = route as FaultRoute;
  else if (route !== undefined) return { ok: false, message: `route must be one of ${[...ROUTES].join(', ')}` };
  const taskId = json['taskId'];
  if (typeof taskId === 'number' && Number.isSafeInteger(taskId)) options.taskId = taskId;
  else if (taskId !== undefined) return { ok: false, message: 'taskId must be an integer' };
  return { ok: true, fault, options };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
