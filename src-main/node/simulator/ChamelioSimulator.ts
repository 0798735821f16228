/**
 * A simulated Chamelio API on 127.0.0.1 for development, the browser preview and tests. It serves
 * the documented routes the app uses (GET /tasks/{id}, GET /users/org-info, and the approval, cancel
 * and document routes of actionRoutes.ts) with the documented bodies and errors, enforces a per-key rate limit, and can be told to fail in the ways real
 * servers and proxies fail. Control is in-process (methods below) or over HTTP (controlApi.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Task } from '../../core/chamelio/Task.ts';
import { answerAction, matchActionRoute, SERVER_ERROR_DETAILS, type ActionMatch } from './actionRoutes.ts';
import type { Decision } from './approvals.ts';
import { handleControl } from './controlApi.ts';
import { sendJson } from './sendJson.ts';
import { demoTasks } from './demoTasks.ts';
import { simulatedOrgInfo } from './demoWorkflows.ts';
import type { Evolution } from './evolveTask.ts';
import { FAULT_STATUS, faultDetail, FaultQueue, KEY_STATE_REFUSAL, PROXY_502_PAGE, UNAUTHORIZED_DETAILS, type ApiRoute, type FaultOptions, type KeyRefusal, type SimulatedFault } from './faults.ts';
import { RequestLog } from './RequestLog.ts';
import { SimulatedTasks } from './SimulatedTasks.ts';
import { SlidingWindowLimiter } from './SlidingWindowLimiter.ts';
import type { KeyState, RequestRoute, SimulatorOptions, SimulatorStats } from './SimulatorOptions.ts';

export type { KeyState, SimulatorOptions } from './SimulatorOptions.ts';

const WINDOW_MS = 60_000;

function randomApiKey(): string {
  return `ca_${randomBytes(24).toString('base64url')}`;
}

export class ChamelioSimulator {
  readonly #server: Server;
  readonly #now: () => number;
  readonly #orgName: string;
  readonly #rateLimit: number;
  readonly #limiter: SlidingWindowLimiter | null;
  readonly #tasks: SimulatedTasks;
  readonly #faults = new FaultQueue();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #evolveTimer: ReturnType<typeof setInterval> | undefined;
  #apiKey: string;
  #apiKeyId = 42;
  #keyState: KeyState = 'active';
  readonly #log: RequestLog;
  #port = 0;
  #closed = false;

  private constructor(options: SimulatorOptions) {
    this.#now = options.now ?? Date.now;
    this.#tasks = new SimulatedTasks(this.#now, options.random ?? Math.random);
    this.#apiKey = options.apiKey ?? randomApiKey();
    this.#orgName = options.orgName ?? 'Acme Corporation';
    this.#rateLimit = options.rateLimitPerMinute ?? 120;
    const enforce = options.enforceRateLimit ?? true;
    this.#log = new RequestLog(this.#now);
    this.#limiter = enforce ? new SlidingWindowLimiter(this.#rateLimit, WINDOW_MS, this.#now) : null;
    if (options.demo) for (const task of demoTasks(this.#now())) this.#tasks.set(task.task_id, task);
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  static async start(options: SimulatorOptions = {}): Promise<ChamelioSimulator> {
    const simulator = new ChamelioSimulator(options);
    await new Promise<void>((resolve, reject) => {
      simulator.#server.once('error', reject);
      simulator.#server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    simulator.#port = (simulator.#server.address() as AddressInfo).port;
    const every = options.evolveEveryMs ?? 0;
    if (every > 0) {
      simulator.#evolveTimer = setInterval(() => simulator.evolveOnce(), every);
      simulator.#evolveTimer.unref();
    }
    return simulator;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get apiKey(): string {
    return this.#apiKey;
  }

  /** Ends hanging and slow requests too. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#evolveTimer);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  // ── tasks ──────────────────────────────────────────────────────────────────────────────────

  // The tasks themselves are SimulatedTasks'; these are the names tests and the control API use.
  /** Stores a copy; `id` defaults to task.task_id (a different id simulates a mismatching answer). */
  setTask(task: Task, id: number = task.task_id): void { this.#tasks.put(task, id); }
  /** Applies the patch and bumps updated_at (unless the patch sets it). Undefined if there is no such task. */
  updateTask(id: number, patch: Partial<Task>): Task | undefined { return this.#tasks.update(id, patch); }
  deleteTask(id: number): boolean { return this.#tasks.delete(id); }
  getTask(id: number): Task | undefined { return this.#tasks.copyOf(id); }
  taskIds(): number[] { return this.#tasks.ids(); }
  /** One random active task moves on (what the demo timer does); null when none is active. */
  evolveOnce(): { taskId: number; evolution: Evolution } | null { return this.#tasks.evolveOnce(); }
  /** Someone (by default the step's approver) decides the approval outside the app: the web app, say. */
  decideApproval(id: number, decision: Decision): { status: number; body: unknown } { return this.#tasks.decideApproval(id, decision); }

  // ── key, faults, stats ─────────────────────────────────────────────────────────────────────

  setKeyState(state: KeyState): void {
    this.#keyState = state;
  }

  /** A new active key; the old one becomes unknown (401 Invalid API key). */
  rotateKey(): string {
    this.#limiter?.forget(this.#apiKey);
    this.#apiKey = randomApiKey();
    this.#apiKeyId += 1;
    this.#keyState = 'active';
    return this.#apiKey;
  }

  injectFault(fault: SimulatedFault, options?: FaultOptions): void {
    this.#faults.add(fault, options);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  stats(): SimulatorStats {
    return this.#log.stats();
  }

  /** The most API requests (refused ones included) seen in any 60-s window, by the injected clock. */
  maxRequestsInAnyMinute(): number {
    return this.#log.maxInAnyMinute();
  }

  // ── HTTP ───────────────────────────────────────────────────────────────────────────────────

  #handle(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.#route(req, res);
    } catch {
      // A bug here must not take the simulator (or the test run) down.
      sendJson(res, 500, { detail: 'Internal Server Error' });
    }
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    // Only this machine's names: a web page that rebinds its DNS to 127.0.0.1 gets nothing.
    const host = req.headers.host;
    if (host !== `127.0.0.1:${this.#port}` && host !== `localhost:${this.#port}`) {
      return void sendJson(res, 421, { detail: 'Misdirected Request' });
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/__control/')) return void handleControl(this, req, res, path);
    const action = matchActionRoute(path);
    const taskMatch = /^\/tasks\/([^/]+)$/.exec(path);
    const route: RequestRoute = action?.route ?? (taskMatch ? 'tasks' : path === '/users/org-info' ? 'org-info' : 'other');
    if (route === 'other') return this.#send(res, route, 404, { detail: 'Not Found' });
    const method = action?.method ?? 'GET';
    if (req.method !== method) return this.#send(res, route, 405, { detail: 'Method Not Allowed' }, { Allow: method });
    const idText = taskMatch?.[1] ?? '';
    const taskId = action ? action.taskId : /^\d{1,15}$/.test(idText) ? Number(idText) : null;
    const fault = this.#faults.take(route, taskId);
    if (fault) return this.#fail(fault, req, res, route, taskId, action);
    this.#answer(req, res, route, taskId, action);
  }

  #answer(req: IncomingMessage, res: ServerResponse, route: ApiRoute, taskId: number | null, action: ActionMatch | null = null): void {
    const presented = req.headers['x-api-key'];
    const key = Array.isArray(presented) ? presented.join(', ') : (presented ?? '');
    if (key === '') return this.#refuse(res, route, 'key-required');
    if (key !== this.#apiKey) return this.#refuse(res, route, 'invalid-key');
    if (this.#keyState !== 'active') return this.#refuse(res, route, KEY_STATE_REFUSAL[this.#keyState]);
    const decision = this.#limiter?.take(key) ?? { ok: true };
    if (!decision.ok) return this.#tooManyRequests(res, route, decision.retryAfterSeconds);
    if (action) {
      return void answerAction(this.#tasks, action, req).then(
        (answer) => this.#send(res, route, answer.status, answer.body),
        () => this.#send(res, route, 500, { detail: SERVER_ERROR_DETAILS[action.route] }),
      );
    }
    if (route === 'org-info') return this.#send(res, route, 200, simulatedOrgInfo(this.#orgName, this.#rateLimit, this.#apiKeyId));
    const task = taskId === null ? undefined : this.#tasks.get(taskId);
    if (!task) return this.#send(res, route, 404, { detail: 'Task not found' });
    this.#send(res, route, 200, { task });
  }

  #fail(fault: SimulatedFault, req: IncomingMessage, res: ServerResponse, route: ApiRoute, taskId: number | null, action: ActionMatch | null): void {
    switch (fault.kind) {
      case 'unauthorized':
        return this.#refuse(res, route, fault.reason);
      case 'not-found':
      case 'server-error':
      case 'conflict':
        return this.#send(res, route, FAULT_STATUS[fault.kind], { detail: faultDetail(fault.kind, route) });
      case 'rate-limited':
        return this.#tooManyRequests(res, route, fault.retryAfterSeconds);
      case 'html-502':
        this.#record(route, 502);
        res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(PROXY_502_PAGE) });
        return void res.end(PROXY_502_PAGE);
      case 'malformed-json':
        return this.#sendText(res, route, 200, '{"task": {"task_id": 12345, "status": "in_progress",, }');
      case 'truncated': {
        const task = taskId === null ? undefined : this.#tasks.get(taskId);
        const full = JSON.stringify(route === 'tasks' ? { task: task ?? { task_id: taskId } } : simulatedOrgInfo(this.#orgName, this.#rateLimit, this.#apiKeyId));
        this.#record(route, 200);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(full) + 64 });
        // Half the body, then the connection goes: the client sees fewer bytes than announced.
        return void res.write(full.slice(0, Math.ceil(full.length / 2)), () => res.destroy());
      }
      case 'hang':
        // No answer until close() ends the connection.
        return this.#record(route, 0);
      case 'reset':
        this.#record(route, 0);
        return void req.socket.resetAndDestroy();
      case 'slow': {
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#answer(req, res, route, taskId, action);
        }, fault.delayMs);
        this.#timers.add(timer);
        return;
      }
    }
  }

  #refuse(res: ServerResponse, route: ApiRoute, reason: KeyRefusal): void {
    this.#send(res, route, 401, { detail: UNAUTHORIZED_DETAILS[reason] });
  }

  #tooManyRequests(res: ServerResponse, route: ApiRoute, retryAfterSeconds: number | undefined): void {
    this.#log.countRateLimited();
    const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
    this.#send(res, route, 429, { detail: 'Rate limit exceeded' }, headers);
  }

  #send(res: ServerResponse, route: RequestRoute, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.#record(route, status);
    sendJson(res, status, body, headers);
  }

  #sendText(res: ServerResponse, route: RequestRoute, status: number, text: string): void {
    this.#record(route, status);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  #record(route: RequestRoute, status: number): void {
    this.#log.record(route, status);
  }
}
