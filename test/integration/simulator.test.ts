import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ChamelioSimulator, type SimulatorOptions } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { demoTasks } from '../../src-main/node/simulator/demoTasks.ts';
import { validateOrgInfo, validateTask } from '../../src-main/core/chamelio/validate.ts';
import type { Task } from '../../src-main/core/chamelio/Task.ts';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
let sim: ChamelioSimulator;
let time = T0;
afterEach(async () => {
  await sim?.close();
});

async function start(options: SimulatorOptions = {}): Promise<ChamelioSimulator> {
  time = T0;
  sim = await ChamelioSimulator.start({ now: () => time, ...options });
  return sim;
}

async function get(path: string, key: string | null = sim.apiKey, method = 'GET') {
  const response = await fetch(`${sim.url}${path}`, { method, headers: key === null ? {} : { 'X-API-Key': key } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/__control${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

function task(id: number, patch: Partial<Task> = {}): Task {
  return { ...demoTasks(T0)[0]!, task_id: id, ...patch };
}

describe('simulator routes', () => {
  it('serves GET /tasks/{id} as { task } and /users/org-info in the documented shapes', async () => {
    await start({ demo: true, orgName: 'Acme Legal', rateLimitPerMinute: 90 });
    const taskAnswer = await get('/tasks/12345');
    expect(taskAnswer.status).toBe(200);
    expect(taskAnswer.headers.get('content-type')).toBe('application/json');
    const checked = validateTask(taskAnswer.body);
    expect(checked.ok && checked.value.task_id).toBe(12345);
    const org = await get('/users/org-info');
    expect(validateOrgInfo(org.body)).toMatchObject({ ok: true, value: { org_name: 'Acme Legal', rate_limit_per_minute: 90, api_key_id: 42 } });
  });

  it('answers 404 for unknown and non-numeric task ids, unknown paths and 405 for other methods', async () => {
    await start();
    sim.setTask(task(5));
    expect(await get('/tasks/6')).toMatchObject({ status: 404, body: { detail: 'Task not found' } });
    expect(await get('/tasks/abc')).toMatchObject({ status: 404, body: { detail: 'Task not found' } });
    expect(await get('/tasks/5.0')).toMatchObject({ status: 404, body: { detail: 'Task not found' } });
    expect(await get('/tasks')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    expect((await get('/tasks/5', sim.apiKey, 'POST')).status).toBe(405);
    expect((await get('/tasks/5?x=1')).status).toBe(200);
  });

  it('refuses missing, unknown, inactive, revoked and expired keys with the documented details', async () => {
    await start();
    sim.setTask(task(5));
    expect(await get('/tasks/5', null)).toMatchObject({ status: 401, body: { detail: 'API key required' } });
    expect(await get('/tasks/5', 'ca_wrong')).toMatchObject({ status: 401, body: { detail: 'Invalid API key' } });
    for (const [state, detail] of [
      ['inactive', 'API key is inactive'],
      ['revoked', 'API key has been revoked'],
      ['expired', 'API key has expired'],
    ] as const) {
      sim.setKeyState(state);
      expect(await get('/users/org-info')).toMatchObject({ status: 401, body: { detail } });
    }
    sim.setKeyState('active');
    expect((await get('/tasks/5')).status).toBe(200);
  });

  it('rotates the key: the old one becomes unknown, the new one works, api_key_id changes', async () => {
    await start({ apiKey: 'ca_fixedKeyForTest' });
    expect(sim.apiKey).toBe('ca_fixedKeyForTest');
    const old = sim.apiKey;
    const next = sim.rotateKey();
    expect(next).toMatch(/^ca_[A-Za-z0-9_-]{20,}$/);
    expect(await get('/users/org-info', old)).toMatchObject({ status: 401, body: { detail: 'Invalid API key' } });
    expect(await get('/users/org-info', next)).toMatchObject({ status: 200, body: { api_key_id: 43 } });
  });

  it('answers only to 127.0.0.1 and localhost as Host (no DNS rebinding)', async () => {
    await start();
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${sim.url}/users/org-info`, { headers: { Host: host, 'X-API-Key': sim.apiKey } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject).end();
      });
    const port = new URL(sim.url).port;
    expect(await status(`evil.example:${port}`)).toBe(421);
    expect(await status(`localhost:${port}`)).toBe(200);
  });
});

describe('simulator rate limit', () => {
  it('allows rateLimitPerMinute per sliding minute, then 429 with Retry-After from the oldest request', async () => {
    await start({ rateLimitPerMinute: 5 });
    for (let i = 0; i < 3; i++) expect((await get('/users/org-info')).status).toBe(200);
    time = T0 + 40_000;
    for (let i = 0; i < 2; i++) expect((await get('/users/org-info')).status).toBe(200);
    const refused = await get('/users/org-info');
    expect(refused).toMatchObject({ status: 429, body: { detail: 'Rate limit exceeded' } });
    expect(refused.headers.get('retry-after')).toBe('20');
    time = T0 + 59_999;
    expect((await get('/users/org-info')).headers.get('retry-after')).toBe('1');
    // The three oldest have left the window; the two from t=40s still count (a fixed window would reset all).
    time = T0 + 60_000;
    for (let i = 0; i < 3; i++) expect((await get('/users/org-info')).status).toBe(200);
    expect((await get('/users/org-info')).status).toBe(429);
    expect(sim.stats().rateLimited).toBe(3);
    // Refused requests count too: from t=40s on the server saw 2 + 1 + 1 + 3 + 1.
    expect(sim.maxRequestsInAnyMinute()).toBe(8);
  });

  it('counts per key and can be switched off', async () => {
    await start({ rateLimitPerMinute: 1, enforceRateLimit: false });
    for (let i = 0; i < 5; i++) expect((await get('/users/org-info')).status).toBe(200);
    expect(sim.stats().rateLimited).toBe(0);
  });

  it('records every API request with the injected time, route and status', async () => {
    await start();
    await get('/users/org-info');
    time += 1_000;
    await get('/tasks/1');
    await get('/nope', null);
    expect(sim.stats().requests).toEqual([
      { at: T0, route: 'org-info', status: 200 },
      { at: T0 + 1_000, route: 'tasks', status: 404 },
      { at: T0 + 1_000, route: 'other', status: 404 },
    ]);
  });
});

describe('simulator task control in process', () => {
  it('updateTask applies the patch and bumps updated_at to now; getTask returns a copy', async () => {
    await start();
    sim.setTask(task(5, { updated_at: '2026-01-01T00:00:00Z' }));
    time = Date.UTC(2026, 10, 30, 10, 15, 0);
    const updated = sim.updateTask(5, { status: 'pending', assignee_email: 'counsel@example.com' });
    expect(updated).toMatchObject({ status: 'pending', assignee_email: 'counsel@example.com', updated_at: '2026-11-30T10:15:00Z' });
    expect(sim.updateTask(5, { updated_at: '2026-02-02T00:00:00Z' })?.updated_at).toBe('2026-02-02T00:00:00Z');
    expect(sim.updateTask(99, { status: 'pending' })).toBeUndefined();
    const copy = sim.getTask(5)!;
    copy.status = 'archived';
    expect(sim.getTask(5)?.status).toBe('pending');
    expect(sim.deleteTask(5)).toBe(true);
    expect((await get('/tasks/5')).status).toBe(404);
  });

  it('uses each fault `times` times, filtered by route and task, and until cleared for Infinity', async () => {
    await start();
    sim.setTask(task(5));
    sim.setTask(task(6));
    sim.injectFault({ kind: 'server-error' }, { times: 2, taskId: 5 });
    expect((await get('/tasks/6')).status).toBe(200);
    expect((await get('/users/org-info')).status).toBe(200);
    expect((await get('/tasks/5')).status).toBe(500);
    expect((await get('/tasks/5')).status).toBe(500);
    expect((await get('/tasks/5')).status).toBe(200);
    sim.injectFault({ kind: 'not-found' }, { times: Infinity, route: 'org-info' });
    for (let i = 0; i < 4; i++) expect(await get('/users/org-info')).toMatchObject({ status: 404, body: { detail: 'Organization not found' } });
    expect((await get('/tasks/5')).status).toBe(200);
    sim.clearFaults();
    expect((await get('/users/org-info')).status).toBe(200);
  });

  it('close() ends a hanging request', async () => {
    await start();
    sim.injectFault({ kind: 'hang' });
    const pending = fetch(`${sim.url}/users/org-info`, { headers: { 'X-API-Key': sim.apiKey } });
    await expect.poll(() => sim.stats().requests.length).toBe(1);
    await sim.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('simulator control over HTTP', () => {
  it('puts, reads, patches and deletes tasks', async () => {
    await start();
    expect(await control('PUT', '/tasks/77', { ...task(1), status: 'created' })).toMatchObject({ status: 200, body: { task_id: 1 } });
    expect((await get('/tasks/77')).body).toMatchObject({ task: { task_id: 1, status: 'created' } });
    expect((await control('PUT', '/tasks/78', { status: 'odd' })).body).toEqual({ task_id: 78, status: 'odd' });
    time += 5_000;
    expect(await control('PATCH', '/tasks/77', { status: 'pending' })).toMatchObject({ status: 200, body: { status: 'pending', updated_at: '2026-11-30T09:00:05Z' } });
    expect(await control('GET', '/tasks')).toEqual({ status: 200, body: { taskIds: [77, 78] } });
    expect((await control('DELETE', '/tasks/77')).status).toBe(204);
    expect((await control('DELETE', '/tasks/77')).status).toBe(404);
    expect((await control('PATCH', '/tasks/77', { status: 'x' })).status).toBe(404);
  });

  it('injects and clears faults, sets the key state, rotates the key, reports stats', async () => {
    await start();
    sim.setTask(task(5));
    expect((await control('POST', '/faults', { fault: { kind: 'rate-limited', retryAfterSeconds: 9 }, times: 'Infinity', route: 'tasks' })).status).toBe(204);
    for (let i = 0; i < 3; i++) expect((await get('/tasks/5')).headers.get('retry-after')).toBe('9');
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await get('/tasks/5')).status).toBe(200);
    expect(await control('POST', '/key', { state: 'revoked' })).toEqual({ status: 200, body: { state: 'revoked' } });
    expect((await get('/tasks/5')).body).toEqual({ detail: 'API key has been revoked' });
    const rotated = await control('POST', '/key/rotate');
    expect(rotated.body?.['apiKey']).toBe(sim.apiKey);
    const stats = await control('GET', '/stats');
    expect(stats.body).toMatchObject({ rateLimited: 3, maxRequestsInAnyMinute: 5 });
  });

  it('refuses bad fault requests and bodies that are not declared JSON', async () => {
    await start();
    expect(await control('POST', '/faults', { fault: { kind: 'explode' } })).toMatchObject({ status: 400, body: { detail: 'unknown fault kind: explode' } });
    expect((await control('POST', '/faults', { fault: { kind: 'unauthorized', reason: 'nope' } })).status).toBe(400);
    expect((await control('POST', '/faults', { fault: { kind: 'slow' } })).status).toBe(400);
    expect((await control('POST', '/key', { state: 'melted' })).status).toBe(400);
    const plain = await fetch(`${sim.url}/__control/key`, { method: 'POST', body: '{"state":"revoked"}', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect((await get('/users/org-info')).status).toBe(200);
  });

  it('moves demo tasks on by itself every evolveEveryMs', async () => {
    await start({ demo: true, evolveEveryMs: 10 });
    const snapshot = () => JSON.stringify(sim.taskIds().map((id) => sim.getTask(id)));
    const before = snapshot();
    await expect.poll(snapshot, { timeout: 2_000, interval: 10 }).not.toBe(before);
  });

  it('moves a demo task on when asked', async () => {
    await start({ demo: true, random: () => 0.5 });
    time += 60_000;
    const moved = await control('POST', '/evolve');
    const id = moved.body?.['taskId'] as number;
    expect(sim.getTask(id)?.updated_at).toBe('2026-11-30T09:01:00Z');
  });
});

describe('simulator CLI', () => {
  const cli = fileURLToPath(new URL('../../src-main/node/simulator/cli.ts', import.meta.url));

  it('prints one JSON line with url, key and demo task ids, serves them, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--rate-limit', '7'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve) => lines.once('line', resolve));
      const printed = JSON.parse(first) as { url: string; apiKey: string; taskIds: number[] };
      expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(printed.apiKey).toMatch(/^ca_/);
      expect(printed.taskIds).toEqual(demoTasks(T0).map((t) => t.task_id));
      const org = await fetch(`${printed.url}/users/org-info`, { headers: { 'X-API-Key': printed.apiKey } });
      expect(await org.json()).toMatchObject({ rate_limit_per_minute: 7 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses bad arguments with exit code 2', async () => {
    const child = spawn(process.execPath, [cli, '--port', 'eighty'], { stdio: 'ignore' });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
  });
});
