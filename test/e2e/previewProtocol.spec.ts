/** The preview host's own promises, over plain HTTP: the bridge protocol, its guards, its output. */
import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { REPO } from './support/PreviewProcess.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** node:http, because fetch may not set Host or Origin. */
function raw(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    // The path goes out exactly as written (no URL normalising), so traversal attempts reach the server.
    const req = httpRequest({ hostname, port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (url: string, command: string, body: string, headers: Record<string, string> = {}) =>
  raw(url, { method: 'POST', path: `/api/${command}`, headers: { 'content-type': 'application/json', ...headers }, body });

test('the UI is served with the strict CSP, and nothing outside out/renderer', async ({ preview }) => {
  const index = await raw(preview.url, { path: '/' });
  expect(index.status).toBe(200);
  expect(index.headers['content-security-policy']).toBe(CSP);
  expect(index.headers['x-content-type-options']).toBe('nosniff');
  expect(index.body).toContain('<div id="app">');
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json', '/%2e%2e%2f%2e%2e%2fpackage.json']) {
    expect((await raw(preview.url, { path })).status, path).toBe(404);
  }
});

test('commands: a JSON array of arguments in, the JSON result out; everything else refused', async ({ preview }) => {
  const state = await post(preview.url, 'getState', '[]');
  expect(state.status).toBe(200);
  expect(JSON.parse(state.body)).toMatchObject({ connection: { kind: 'no-key' }, tasks: [] });
  expect(JSON.parse((await post(preview.url, 'pin', '["https://evil.example/workflows/tasks/1"]')).body)).toMatchObject({
    pinned: [],
    rejected: [{ reason: 'foreign-host' }],
  });
  expect((await post(preview.url, 'refresh', '[]')).body).toBe('null');

  expect((await post(preview.url, 'deleteEverything', '[]')).status).toBe(404);
  expect((await post(preview.url, 'unpin', '["12"]')).status).toBe(400);
  expect((await post(preview.url, 'unpin', '[]')).status).toBe(400);
  expect((await post(preview.url, 'setApiKey', '["ca_x"]')).status).toBe(400);
  expect((await post(preview.url, 'updateSettings', '[{"__proto__":{"a":1}}]')).status).toBe(400);
  expect((await post(preview.url, 'pin', '{"text":"1"}')).status).toBe(400);
  expect((await post(preview.url, 'pin', 'not json')).status).toBe(400);
  expect((await post(preview.url, 'pin', JSON.stringify(['1'.repeat(70_000)]))).status).toBe(413);
  expect((await post(preview.url, 'getState', '[]', { 'content-type': 'text/plain' })).status).toBe(415);
  expect((await raw(preview.url, { path: '/api/getState' })).status).toBe(405);
  // Another site's page, and a name that rebinds to 127.0.0.1, get nothing.
  expect((await post(preview.url, 'getState', '[]', { origin: 'https://evil.example' })).status).toBe(403);
  expect((await post(preview.url, 'getState', '[]', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  expect((await post(preview.url, 'getState', '[]', { host: 'evil.example' })).status).toBe(421);
});

test('events: the stream starts with the current state', async ({ preview }) => {
  const controller = new AbortController();
  const response = await fetch(new URL('/api/events', preview.url), { signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  expect(text).toMatch(/^event: state\ndata: \{.*"connection":\{"kind":"no-key"\}/);
});

test('what a desktop would do is printed as JSON lines', async ({ preview }) => {
  await post(preview.url, 'openTask', '[12345]');
  await post(preview.url, 'openChamelio', '[]');
  await post(preview.url, 'hideWindow', '[]');
  expect(JSON.parse((await post(preview.url, 'clipboardSuggestion', '["see https://app.chamelio.ai/workflows/tasks/77"]')).body)).toEqual([77]);
  await expect.poll(() => preview.events()).toEqual([
    { event: 'open-external', url: 'https://app.chamelio.ai/workflows/tasks/12345' },
    { event: 'open-external', url: 'https://app.chamelio.ai/' },
    { event: 'hide-window' },
  ]);
});

test('the command line refuses plain http off this machine, and a key as a flag', () => {
  const cli = join(REPO, 'src-main/node/preview/cli.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });
  const http = run('--api-base-url', 'http://example.com');
  expect(http.status).toBe(2);
  expect(http.stderr).toContain('http is allowed only for 127.0.0.1');
  const flag = run('--api-key', 'ca_secret');
  expect(flag.status).toBe(2);
  expect(flag.stdout).toBe('');
  expect(run('--demo', '--api-base-url', 'https://platform.chamelio.ai').status).toBe(2);
});
