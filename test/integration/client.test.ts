/**
 * The real ChamelioClient against the real simulator over HTTP on 127.0.0.1: every documented
 * error, and the undocumented ones a real server or proxy sends.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChamelioClient, type ChamelioClientOptions } from '../../src-main/core/chamelio/ChamelioClient.ts';
import type { ApiError, ApiResult } from '../../src-main/core/chamelio/ApiError.ts';
import type { Task } from '../../src-main/core/chamelio/Task.ts';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { demoTasks } from '../../src-main/node/simulator/demoTasks.ts';
import type { KeyRefusal, SimulatedFault } from '../../src-main/node/simulator/faults.ts';
import { untyped } from '../support/untyped.ts';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const ID = 12345;
let sim: ChamelioSimulator;

beforeAll(async () => {
  sim = await ChamelioSimulator.start({ demo: true, enforceRateLimit: false, now: () => T0 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.clearFaults();
  sim.setKeyState('active');
});

function client(options: Partial<ChamelioClientOptions> = {}): ChamelioClient {
  return new ChamelioClient({ fetch, baseUrl: sim.url, getApiKey: () => sim.apiKey, now: () => T0, timeoutMs: 2_000, ...options });
}

function errorOf<T>(result: ApiResult<T>): ApiError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('client and simulator: success', () => {
  it('reads every demo task and the org info', async () => {
    for (const expected of demoTasks(T0)) expect(await client().getTask(expected.task_id)).toEqual({ ok: true, value: expected });
    expect(await client().getOrgInfo()).toMatchObject({ ok: true, value: { org_name: 'Acme Corporation', rate_limit_per_minute: 120 } });
  });

  it('answers correctly after a slow response within the timeout', async () => {
    sim.injectFault({ kind: 'slow', delayMs: 100 });
    expect((await client().getTask(ID)).ok).toBe(true);
  });
});

describe('client and simulator: documented errors', () => {
  it('sends nothing without a key', async () => {
    const before = sim.stats().requests.length;
    expect(errorOf(await client({ getApiKey: () => null }).getTask(ID))).toMatchObject({ kind: 'unauthorized', reason: 'key-required' });
    expect(sim.stats().requests.length).toBe(before);
  });

  it('maps an unknown key to invalid-key', async () => {
    expect(errorOf(await client({ getApiKey: () => 'ca_notTheKey' }).getTask(ID))).toEqual({
      kind: 'unauthorized',
      reason: 'invalid-key',
      detail: 'Invalid API key',
    });
  });

  it.each([
    ['inactive', 'key-inactive', 'API key is inactive'],
    ['revoked', 'key-revoked', 'API key has been revoked'],
    ['expired', 'key-expired', 'API key has expired'],
  ] as const)('maps a %s key to %s', async (state, reason, detail) => {
    sim.setKeyState(state);
    expect(errorOf(await client().getOrgInfo())).toEqual({ kind: 'unauthorized', reason, detail });
  });

  it.each(['key-required', 'invalid-key', 'key-inactive', 'key-revoked', 'key-expired'] as const)(
    'maps the injected 401 %s',
    async (reason: KeyRefusal) => {
      sim.injectFault({ kind: 'unauthorized', reason });
      expect(errorOf(await client().getTask(ID))).toMatchObject({ kind: 'unauthorized', reason });
    },
  );

  it('maps an unknown task, a non-existent task and an injected 404 to not-found', async () => {
    expect(errorOf(await client().getTask(99_999))).toEqual({ kind: 'not-found', detail: 'Task not found' });
    sim.injectFault({ kind: 'not-found' }, { route: 'org-info' });
    expect(errorOf(await client().getOrgInfo())).toEqual({ kind: 'not-found', detail: 'Organization not found' });
  });

  it('maps the documented 500 to server', async () => {
    sim.injectFault({ kind: 'server-error' });
    expect(errorOf(await client().getTask(ID))).toEqual({ kind: 'server', status: 500, detail: 'Failed to get task' });
  });
});

describe('client and simulator: what real servers also do', () => {
  it('reads 429 with Retry-After, and without it', async () => {
    sim.injectFault({ kind: 'rate-limited', retryAfterSeconds: 17 });
    expect(errorOf(await client().getTask(ID))).toEqual({ kind: 'rate-limited', retryAfterMs: 17_000 });
    sim.injectFault({ kind: 'rate-limited' });
    expect(errorOf(await client().getTask(ID))).toEqual({ kind: 'rate-limited', retryAfterMs: null });
  });

  it('reads the Retry-After of the real sliding-window limit', async () => {
    let time = T0;
    const limited = await ChamelioSimulator.start({ rateLimitPerMinute: 2, now: () => time });
    try {
      const c = new ChamelioClient({ fetch, baseUrl: limited.url, getApiKey: () => limited.apiKey, now: () => time });
      expect((await c.getOrgInfo()).ok).toBe(true);
      time += 15_000;
      expect((await c.getOrgInfo()).ok).toBe(true);
      expect(errorOf(await c.getOrgInfo())).toEqual({ kind: 'rate-limited', retryAfterMs: 45_000 });
      time = T0 + 60_000;
      expect((await c.getOrgInfo()).ok).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('maps an HTML 502 page to server, keeping only its title', async () => {
    sim.injectFault({ kind: 'html-502' });
    expect(errorOf(await client().getTask(ID))).toEqual({ kind: 'server', status: 502, detail: '502 Bad Gateway' });
  });

  it('maps malformed JSON to bad-response', async () => {
    sim.injectFault({ kind: 'malformed-json' });
    expect(errorOf(await client().getTask(ID))).toEqual({
      kind: 'bad-response',
      message: expect.stringMatching(/^the response body is not valid JSON \(application\/json, \d+ bytes\)$/),
    });
  });

  it('maps a body cut off mid-way to bad-response', async () => {
    sim.injectFault({ kind: 'truncated' });
    expect(errorOf(await client().getTask(ID))).toEqual({ kind: 'bad-response', message: 'the response body was cut off before its end' });
    sim.injectFault({ kind: 'truncated' }, { route: 'org-info' });
    expect(errorOf(await client().getOrgInfo()).kind).toBe('bad-response');
  });

  it('maps a reset connection to network', async () => {
    sim.injectFault({ kind: 'reset' });
    expect(errorOf(await client().getTask(ID))).toMatchObject({ kind: 'network', message: expect.stringMatching(/^fetch failed/) });
  });

  it('maps a refused connection to network', async () => {
    const gone = await ChamelioSimulator.start();
    const url = gone.url;
    await gone.close();
    expect(errorOf(await client({ baseUrl: url }).getOrgInfo())).toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('times out on a server that never answers, and on one that answers too late', async () => {
    sim.injectFault({ kind: 'hang' });
    const started = performance.now();
    expect(errorOf(await client({ timeoutMs: 150 }).getTask(ID))).toEqual({ kind: 'timeout', afterMs: 150 });
    expect(performance.now() - started).toBeLessThan(1_500);
    sim.injectFault({ kind: 'slow', delayMs: 1_000 });
    expect(errorOf(await client({ timeoutMs: 150 }).getTask(ID))).toEqual({ kind: 'timeout', afterMs: 150 });
  });

  it('refuses a task whose id is not the one asked for', async () => {
    sim.setTask({ ...demoTasks(T0)[0]!, task_id: 5 }, 6);
    expect(errorOf(await client().getTask(6))).toEqual({ kind: 'bad-response', message: 'task.task_id: expected 6, got 5' });
  });

  it('refuses a task that does not match the documented shape, naming the field', async () => {
    sim.setTask(untyped<Task>({ ...demoTasks(T0)[0]!, task_id: 7, workflow_version: 'three' }));
    expect(errorOf(await client().getTask(7))).toEqual({
      kind: 'bad-response',
      message: 'unexpected response shape: task.workflow_version: expected integer, got string',
    });
  });

  it('refuses a body larger than maxResponseBytes', async () => {
    expect(errorOf(await client({ maxResponseBytes: 1_000 }).getTask(ID))).toEqual({
      kind: 'bad-response',
      message: 'the response body is larger than 1000 bytes',
    });
  });
});

describe('client and simulator: the key never shows', () => {
  const failing: SimulatedFault[] = [
    { kind: 'unauthorized', reason: 'invalid-key' },
    { kind: 'server-error' },
    { kind: 'html-502' },
    { kind: 'malformed-json' },
    { kind: 'truncated' },
    { kind: 'reset' },
    { kind: 'rate-limited', retryAfterSeconds: 3 },
    { kind: 'hang' },
  ];
  it.each(failing)('in the error for %j', async (fault) => {
    sim.injectFault(fault);
    const result = await client({ timeoutMs: 150 }).getTask(ID);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(sim.apiKey);
    expect(JSON.stringify(result)).not.toContain(sim.apiKey.slice(3));
  });
});
