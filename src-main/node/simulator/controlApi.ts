/**
 * The simulator's control API over HTTP, so another process (the browser preview, e2e tests) can
 * drive it the way in-process tests call its methods:
 *
 *   GET    /__control/tasks             → { taskIds }
 *   GET    /__control/tasks/:id         → the task, or 404
 *   PUT    /__control/tasks/:id         body: a task object (stored as sent, under :id) → the task
 *   PATCH  /__control/tasks/:id         body: fields to change (updated_at bumped) → the task, or 404
 *   DELETE /__control/tasks/:id         → 204, or 404
 *   POST   /__control/tasks/:id/decide  body: { approved, comment?, by? }: someone else decides the
 *                                       approval (as POST /tasks/:id/approve would) → its answer
 *   POST   /__control/faults            body: { fault, times?, route?, taskId? } (see faults.ts) → 204
 *   DELETE /__control/faults            → 204
 *   POST   /__control/key               body: { state: active|inactive|revoked|expired } → { state }
 *   POST   /__control/key/rotate        → { apiKey }
 *   POST   /__control/evolve            → { taskId, evolution } or { taskId: null }
 *   GET    /__control/stats             → { requests, rateLimited, maxRequestsInAnyMinute }
 *
 * No API key is needed: the server listens on 127.0.0.1 only and answers only to Host
 * 127.0.0.1/localhost (no DNS rebinding). POST/PUT/PATCH must carry Content-Type: application/json
 * (even with no body) and DELETE is not a simple method, so a web page cannot send any of them
 * cross-origin without a CORS preflight, which the simulator never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Task } from '../../core/chamelio/Task.ts';
import type { ChamelioSimulator, KeyState } from './ChamelioSimulator.ts';
import { readJsonObject } from './readJsonObject.ts';
import { sendJson } from './sendJson.ts';
import { parseFaultRequest } from './faults.ts';

const KEY_STATES: ReadonlySet<string> = new Set<KeyState>(['active', 'inactive', 'revoked', 'expired']);

type Reply = { status: number; body?: unknown };

export async function handleControl(
  simulator: ChamelioSimulator,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  let reply: Reply;
  try {
    reply = await route(simulator, req, path);
  } catch (error) {
    reply = { status: 400, body: { detail: error instanceof Error ? error.message : 'bad request' } };
  }
  sendJson(res, reply.status, reply.body ?? {});
}

async function route(simulator: ChamelioSimulator, req: IncomingMessage, path: string): Promise<Reply> {
  const method = req.method ?? 'GET';
  // Even an empty POST must say JSON: a cross-origin page can send text/plain without a preflight.
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && !isJson(req)) {
    return { status: 415, body: { detail: 'Send Content-Type: application/json' } };
  }
  const decideMatch = /^\/__control\/tasks\/(\d{1,15})\/decide$/.exec(path);
  if (decideMatch && method === 'POST') return decide(simulator, req, Number(decideMatch[1]));
  const taskMatch = /^\/__control\/tasks\/(\d{1,15})$/.exec(path);
  if (taskMatch) return routeTask(simulator, req, method, Number(taskMatch[1]));
  return routeSimulator(simulator, req, `${method} ${path}`);
}

/** Someone else decides the approval, as POST /tasks/:id/approve would. */
async function decide(simulator: ChamelioSimulator, req: IncomingMessage, id: number): Promise<Reply> {
  const { approved, comment, by } = await readJsonObject(req);
  if (typeof approved !== 'boolean') return { status: 400, body: { detail: 'approved must be true or false' } };
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return simulator.decideApproval(id, { approved, comment: text(comment), by: text(by) });
}

/** /__control/tasks/:id: one simulated task, read, replaced, changed or removed. */
async function routeTask(simulator: ChamelioSimulator, req: IncomingMessage, method: string, id: number): Promise<Reply> {
  switch (method) {
    case 'GET': {
      const task = simulator.getTask(id);
      return task ? { status: 200, body: task } : notFound('Task not found');
    }
    case 'PUT': {
      const body = await readJsonObject(req);
      simulator.setTask({ task_id: id, ...body } as Task, id);
      return { status: 200, body: simulator.getTask(id) };
    }
    case 'PATCH': {
      const task = simulator.updateTask(id, (await readJsonObject(req)) as Partial<Task>);
      return task ? { status: 200, body: task } : notFound('Task not found');
    }
    case 'DELETE':
      return simulator.deleteTask(id) ? { status: 204 } : notFound('Task not found');
    default:
      return methodNotAllowed();
  }
}

/** The rest: the task list, faults, the key's state, evolution and request statistics. */
async function routeSimulator(simulator: ChamelioSimulator, req: IncomingMessage, methodAndPath: string): Promise<Reply> {
  switch (methodAndPath) {
    case 'GET /__control/tasks':
      return { status: 200, body: { taskIds: simulator.taskIds() } };
    case 'POST /__control/faults': {
      const parsed = parseFaultRequest(await readJsonObject(req));
      if (!parsed.ok) return { status: 400, body: { detail: parsed.message } };
      simulator.injectFault(parsed.fault, parsed.options);
      return { status: 204 };
    }
    case 'DELETE /__control/faults':
      simulator.clearFaults();
      return { status: 204 };
    case 'POST /__control/key': {
      const state = (await readJsonObject(req))['state'];
      if (typeof state !== 'string' || !KEY_STATES.has(state)) {
        return { status: 400, body: { detail: 'state must be active, inactive, revoked or expired' } };
      }
      simulator.setKeyState(state as KeyState);
      return { status: 200, body: { state } };
    }
    case 'POST /__control/key/rotate':
      return { status: 200, body: { apiKey: simulator.rotateKey() } };
    case 'POST /__control/evolve':
      return { status: 200, body: simulator.evolveOnce() ?? { taskId: null } };
    case 'GET /__control/stats':
      return {
        status: 200,
        body: { ...simulator.stats(), maxRequestsInAnyMinute: simulator.maxRequestsInAnyMinute() },
      };
    default:
      return notFound('Not Found');
  }
}

function isJson(req: IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

function notFound(detail: string): Reply {
  return { status: 404, body: { detail } };
}

function methodNotAllowed(): Reply {
  return { status: 405, body: { detail: 'Method Not Allowed' } };
}
