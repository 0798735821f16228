import { afterEach, describe, expect, it } from 'vitest';
import { ChamelioClient } from '../../src-main/core/chamelio/ChamelioClient.ts';
import { MAX_RATE_LIMIT_PAUSE_MS } from '../../src-main/core/tasks/rateLimitPause.ts';
import { TaskMonitor } from '../../src-main/core/tasks/TaskMonitor.ts';
import { FakeClock } from '../support/FakeClock.ts';
import { IoTracker } from '../support/harness.ts';
import { KEY_ECHOES } from '../support/keyEchoForms.ts';
import { countCases } from './support/cases.ts';
import { sendJson, startHostileServer, type HostileServer } from './support/hostileServer.ts';

const KEY = 'ca_Hx7Lq2Zp9Wm4Tr8Kb3Nc6Vd5';
let server: HostileServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('a hostile server echoing the key', () => {
  it.each(KEY_ECHOES)('in an error detail, %s: the error carries no trace of it', async (_name, encode) => {
    server = await startHostileServer((_req, res) => sendJson(res, 401, { detail: `Invalid API key ${encode(KEY)}` }));
    for (const status of [401, 404, 500, 502]) {
      server.respond = (_req, res) => sendJson(res, status, { detail: `bad key: ${encode(KEY)} (${status})` });
      const client = new ChamelioClient({ fetch, baseUrl: server.url, getApiKey: () => KEY, now: () => 0 });
      const result = await client.getTask(1);
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result).toLowerCase();
      expect(text).not.toContain(KEY.slice(3).toLowerCase());
      expect(text).not.toContain(encode(KEY).toLowerCase());
    }
    countCases('hostile server', 4);
  });
});

const RETRY_AFTERS = ['0', '0.001', '0.5', '-1', '1e3', 'abc', '', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 30 Nov 2026 08:59:00 GMT', '99999999999', String(2 ** 53)];

describe('a 429 storm', () => {
  it.each(RETRY_AFTERS)('Retry-After %j: a handful of requests a minute, never a pause past the ceiling', async (retryAfter) => {
    const clock = new FakeClock();
    const io = new IoTracker();
    server = await startHostileServer((_req, res) => sendJson(res, 429, { detail: 'slow down' }, { 'retry-after': retryAfter }));
    const client = new ChamelioClient({ fetch: io.fetch, baseUrl: server.url, getApiKey: () => KEY, now: () => clock.now() });
    const monitor = new TaskMonitor({ clock, random: () => 0.5, fetchTask: (id) => client.getTask(id), onResult: () => {}, intervalMs: 30_000, budgetPerMinute: 60 });
    monitor.start();
    monitor.add(1);
    for (let t = 0; t < 60_000; t += 250) {
      await clock.advance(250);
      await io.idle();
    }
    expect(server.requests).toBeGreaterThanOrEqual(1);
    expect(server.requests).toBeLessThanOrEqual(8);
    expect(monitor.trySpend()).toBe(true); // a key check still fits the budget
    const until = monitor.rateLimitedUntilTime();
    expect(until === null || until - clock.now() <= MAX_RATE_LIMIT_PAUSE_MS).toBe(true);
    monitor.stop();
    countCases('hostile server', 1);
  });
});
