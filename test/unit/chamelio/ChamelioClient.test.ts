import { describe, expect, it } from 'vitest';
import { ChamelioClient, MAX_RETRY_AFTER_MS, type ChamelioClientOptions } from '../../../src-main/core/chamelio/ChamelioClient.ts';
import type { Fetch } from '../../../src-main/core/app/ports.ts';
import type { ApiError, ApiResult } from '../../../src-main/core/chamelio/ApiError.ts';
import { seedOrgInfo, seedTaskBody } from './seedTask.ts';

const KEY = 'ca_unitTestKey_9f8e7d6c5b4a';
const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
type Call = { url: string; init: Parameters<Fetch>[1] };

function clientWith(respond: (call: Call) => Response | Promise<Response>, options: Partial<ChamelioClientOptions> = {}) {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, init });
    return respond({ url, init });
  };
  const client = new ChamelioClient({ fetch, baseUrl: 'https://api.example.com', getApiKey: () => KEY, now: () => NOW, ...options });
  return { client, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function errorOf<T>(result: ApiResult<T>): ApiError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('ChamelioClient requests', () => {
  it('GETs the task with the key and Accept headers, without following redirects', async () => {
    const { client, calls } = clientWith(() => json(seedTaskBody()), { baseUrl: 'https://api.example.com/' });
    const result = await client.getTask(12345);
    expect(result.ok && result.value.task_title).toBe('Vendor Contract Review - Acme Corporation');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.example.com/tasks/12345');
    expect(calls[0]!.init).toMatchObject({
      method: 'GET',
      headers: { 'X-API-Key': KEY, Accept: 'application/json' },
      redirect: 'manual',
    });
  });

  it('GETs /users/org-info', async () => {
    const { client, calls } = clientWith(() => json(seedOrgInfo()));
    expect(await client.getOrgInfo()).toEqual({ ok: true, value: seedOrgInfo() });
    expect(calls[0]!.url).toBe('https://api.example.com/users/org-info');
  });

  it('reads the key for every request', async () => {
    let key: string | null = 'ca_first_key_000';
    const { client, calls } = clientWith(() => json(seedOrgInfo()), { getApiKey: () => key });
    await client.getOrgInfo();
    key = 'ca_second_key_111';
    await client.getOrgInfo();
    expect(calls.map((c) => c.init.headers['X-API-Key'])).toEqual(['ca_first_key_000', 'ca_second_key_111']);
  });

  it.each([null, '', '   '])('sends nothing without a key (%j)', async (key) => {
    const { client, calls } = clientWith(() => json(seedOrgInfo()), { getApiKey: () => key });
    expect(errorOf(await client.getTask(12345))).toMatchObject({ kind: 'unauthorized', reason: 'key-required' });
    expect(calls).toHaveLength(0);
  });

  it('treats a key store that throws as no key', async () => {
    const { client, calls } = clientWith(() => json(seedOrgInfo()), {
      getApiKey: () => {
        throw new Error('keychain locked');
      },
    });
    expect(errorOf(await client.getOrgInfo())).toMatchObject({ kind: 'unauthorized', reason: 'key-required' });
    expect(calls).toHaveLength(0);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 60])('does not ask for an impossible task id %s', async (id) => {
    const { client, calls } = clientWith(() => json(seedTaskBody()));
    expect(errorOf(await client.getTask(id)).kind).toBe('not-found');
    expect(calls).toHaveLength(0);
  });

  it('refuses a task whose id is not the one asked for', async () => {
    const { client } = clientWith(() => json(seedTaskBody()));
    expect(errorOf(await client.getTask(999))).toEqual({ kind: 'bad-response', message: 'task.task_id: expected 999, got 12345' });
  });
});

describe('ChamelioClient error statuses', () => {
  it.each([
    ['API key required', 'key-required'],
    ['Invalid API key', 'invalid-key'],
    ['API key is inactive', 'key-inactive'],
    ['API key has been revoked', 'key-revoked'],
    ['API key has expired', 'key-expired'],
    ['Key quota exhausted', 'unknown'],
  ])('maps 401 %j to %s', async (detail, reason) => {
    const { client } = clientWith(() => json({ detail }, 401));
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'unauthorized', reason, detail });
  });

  it('cleans the detail: no control or bidi characters, capped length', async () => {
    const { client } = clientWith(() => json({ detail: `  Invalid\u0000 API\u202e key\r\n${'x'.repeat(500)}` }, 401));
    const error = errorOf(await client.getOrgInfo());
    if (error.kind !== 'unauthorized') throw new Error(error.kind);
    expect(error.reason).toBe('unknown');
    expect(error.detail.startsWith('Invalid API key xxx')).toBe(true);
    expect(Array.from(error.detail)).toHaveLength(200);
    expect(error.detail.endsWith('…')).toBe(true);
  });

  it('maps 404 to not-found with the detail', async () => {
    const { client } = clientWith(() => json({ detail: 'Task not found' }, 404));
    expect(errorOf(await client.getTask(7))).toEqual({ kind: 'not-found', detail: 'Task not found' });
  });

  it.each([
    ['30', 30_000],
    [' 2 ', 2_000],
    ['0', 0],
    [new Date(NOW + 90_000).toUTCString(), 90_000],
    [new Date(NOW - 5_000).toUTCString(), 0],
    ['86400', MAX_RETRY_AFTER_MS],
    [null, null],
    ['soon', null],
    ['-5', null],
    ['2026-12-01', null],
    ['Sun, 06 Nov 1994 08:49:37', null],
  ])('reads Retry-After %j as %j ms', async (header, expected) => {
    const headers: Record<string, string> = header === null ? {} : { 'retry-after': header };
    const { client } = clientWith(() => json({ detail: 'Rate limit exceeded' }, 429, headers));
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'rate-limited', retryAfterMs: expected });
  });

  it('maps 500 to server with the API detail', async () => {
    const { client } = clientWith(() => json({ detail: 'Failed to get task' }, 500));
    expect(errorOf(await client.getTask(1))).toEqual({ kind: 'server', status: 500, detail: 'Failed to get task' });
  });

  it('keeps an HTML error page out of the detail, except its title', async () => {
    const page = '<html><head><title>503 Service Temporarily Unavailable</title></head><body><script>x()</script></body></html>';
    const { client } = clientWith(() => new Response(page, { status: 503, headers: { 'content-type': 'text/html' } }));
    expect(errorOf(await client.getTask(1))).toEqual({ kind: 'server', status: 503, detail: '503 Service Temporarily Unavailable' });
    const bare = clientWith(() => new Response('<body>oops</body>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(errorOf(await bare.client.getTask(1))).toEqual({ kind: 'server', status: 502, detail: 'an HTML page' });
  });

  it('maps unexpected statuses, redirects included, to server', async () => {
    const teapot = clientWith(() => new Response('short and stout', { status: 418, headers: { 'content-type': 'text/plain' } }));
    expect(errorOf(await teapot.client.getTask(1))).toEqual({ kind: 'server', status: 418, detail: 'short and stout' });
    const redirect = clientWith(() => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }));
    expect(errorOf(await redirect.client.getTask(1))).toMatchObject({ kind: 'server', status: 302, detail: expect.stringMatching(/redirect/) });
    const created = clientWith(() => json(seedTaskBody(), 201));
    expect(errorOf(await created.client.getTask(12345))).toMatchObject({ kind: 'server', status: 201 });
  });

  it('reads a huge error body only as far as it needs', async () => {
    const { client } = clientWith(() => new Response('e'.repeat(3 * 1024 * 1024), { status: 500, headers: { 'content-type': 'text/plain' } }));
    const error = errorOf(await client.getTask(1));
    expect(error).toMatchObject({ kind: 'server', status: 500 });
    expect(error.kind === 'server' && error.detail.length).toBe(200);
  });
});

describe('ChamelioClient bad responses', () => {
  it.each([
    ['<html>hello</html>', 'text/html', /not valid JSON \(text\/html, 18 bytes\)/],
    ['{"task": {"task_id": 1,', 'application/json', /not valid JSON/],
    ['', 'application/json', /empty/],
  ])('refuses a 200 body %j', async (body, type, pattern) => {
    const { client } = clientWith(() => new Response(body, { status: 200, headers: { 'content-type': type } }));
    const error = errorOf(await client.getTask(1));
    expect(error).toMatchObject({ kind: 'bad-response', message: expect.stringMatching(pattern) });
  });

  it('refuses invalid UTF-8', async () => {
    const { client } = clientWith(() => new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { status: 200 }));
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'bad-response', message: 'the response body is not valid UTF-8' });
  });

  it('names the field of a schema mismatch', async () => {
    const body = seedTaskBody();
    body.task['status'] = 5;
    const { client } = clientWith(() => json(body));
    expect(errorOf(await client.getTask(12345))).toEqual({
      kind: 'bad-response',
      message: 'unexpected response shape: task.status: expected string, got number',
    });
  });

  it('refuses a body announced larger than the limit without reading it', async () => {
    let pulled = false;
    const stream = new ReadableStream<Uint8Array>({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    const { client } = clientWith(() => new Response(stream, { status: 200, headers: { 'content-length': '5000' } }), { maxResponseBytes: 1000 });
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'bad-response', message: 'the response body is larger than 1000 bytes' });
    expect(pulled).toBe(false);
  });

  it('stops reading a body that grows past the limit', async () => {
    let chunksSent = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunksSent++;
        controller.enqueue(new Uint8Array(400).fill(0x20));
      },
      cancel: () => void (cancelled = true),
    });
    const { client } = clientWith(() => new Response(stream, { status: 200 }), { maxResponseBytes: 1000 });
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'bad-response', message: 'the response body is larger than 1000 bytes' });
    expect(cancelled).toBe(true);
    expect(chunksSent).toBeLessThan(6);
  });

  it('reports a body that breaks off as cut off', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"org_name": "Ac'));
        controller.error(new TypeError('terminated'));
      },
    });
    const { client } = clientWith(() => new Response(stream, { status: 200 }));
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'bad-response', message: 'the response body was cut off before its end' });
  });
});

describe('ChamelioClient network failures and timeouts', () => {
  it('maps a fetch rejection to network, with the cause', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const { client } = clientWith(() => Promise.reject(new TypeError('fetch failed', { cause })));
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'network', message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9' });
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const second = clientWith(() => Promise.reject(new TypeError('fetch failed', { cause: reset })));
    expect(errorOf(await second.client.getOrgInfo())).toEqual({ kind: 'network', message: 'fetch failed: other side closed (UND_ERR_SOCKET)' });
  });

  it('times out when no answer comes, aborting the request', async () => {
    let signal: AbortSignal | undefined;
    const { client } = clientWith(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init.signal;
          init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      { timeoutMs: 30 },
    );
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'timeout', afterMs: 30 });
    expect(signal?.aborted).toBe(true);
  });

  it('times out even when the fetch ignores the abort', async () => {
    const { client } = clientWith(() => new Promise<Response>(() => undefined), { timeoutMs: 30 });
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'timeout', afterMs: 30 });
  });

  it('times out while the body is still arriving, and cancels reading', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"org_name":')),
      cancel: () => void (cancelled = true),
    });
    const { client } = clientWith(() => new Response(stream, { status: 200 }), { timeoutMs: 30 });
    expect(errorOf(await client.getOrgInfo())).toEqual({ kind: 'timeout', afterMs: 30 });
    expect(cancelled).toBe(true);
  });
});

describe('the API key stays out of errors', () => {
  const echoes: [string, () => Response | Promise<Response>][] = [
    ['a 401 that echoes it', () => json({ detail: `Invalid API key: ${KEY}` }, 401)],
    ['a 500 page that echoes it', () => new Response(`<title>Error for ${KEY}</title>`, { status: 500, headers: { 'content-type': 'text/html' } })],
    ['a 404 that echoes it', () => json({ detail: `No task for key ${KEY}` }, 404)],
    ['a network error that echoes it', () => Promise.reject(new TypeError(`fetch failed for ${KEY}`, { cause: new Error(`header ${KEY}`) }))],
  ];
  it.each(echoes)('%s', async (_name, respond) => {
    const { client } = clientWith(respond);
    const result = await client.getTask(1);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted]');
  });
});
