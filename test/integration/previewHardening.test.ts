import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../src-main/contract/bridge.ts';
import type { Logger } from '../../src-main/core/app/ports.ts';
import { jsonLineLogger } from '../../src-main/node/preview/jsonLineLogger.ts';
import { MAX_UNREAD_STREAM_BYTES, PreviewHost } from '../../src-main/node/preview/PreviewHost.ts';
import { startPreview, type RunningPreview } from '../../src-main/node/preview/startPreview.ts';
import { ChamelioSimulator } from '../../src-main/node/simulator/ChamelioSimulator.ts';
import { snapshot } from '../../src-renderer/testing/fixtures.ts';

// The real preview (engine, host) on 127.0.0.1 against the simulator; the preview's own JSON-line logger.
let dir: string;
let lines: Record<string, unknown>[];
let logged: (() => void) | null;
const logger: Logger = jsonLineLogger((line) => {
  lines.push(JSON.parse(line) as Record<string, unknown>);
  logged?.();
});
/** Resolves when a line matching `test` has been logged (now or later). */
function loggedLine(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const look = () => {
      const found = lines.find(test);
      if (found) resolve(found);
    };
    logged = look;
    look();
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chamelio-preview-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  lines = [];
  logged = null;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('CHAMELIO_API_KEY at preview start', () => {
  let simulator: ChamelioSimulator;
  let preview: RunningPreview | null = null;
  beforeEach(async () => (simulator = await ChamelioSimulator.start({ port: 0 })));
  afterEach(async () => {
    await preview?.close();
    preview = null;
    await simulator.close();
  });
  const start = () => startPreview({ demo: false, apiBaseUrl: simulator.url, port: 0, dataDir: join(dir, 'data'), testClock: true }, { line: () => undefined, logger }, simulator.apiKey, dir);

  it.each([{ kind: 'server-error' as const }, { kind: 'html-502' as const }, { kind: 'reset' as const }])('is kept when the first check gets a transient $kind, and works once the server answers', async (fault) => {
    simulator.injectFault(fault, { route: 'org-info' });
    preview = await start();
    expect(preview.app.getState()).toMatchObject({ key: { isSet: true }, connection: { kind: 'ok' } });
    const warning = lines.find((l) => l.level === 'warn')!;
    expect(warning.message).toBe('CHAMELIO_API_KEY could not be checked yet; it is kept and checked again');
    expect(warning.detail).toEqual(expect.any(String));
  });

  it('is dropped on a 401, and the warning keeps its own words beside the reason', async () => {
    simulator.injectFault({ kind: 'unauthorized', reason: 'invalid-key' }, { route: 'org-info', times: Infinity });
    preview = await start();
    expect(preview.app.getState().key.isSet).toBe(false);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([expect.objectContaining({ message: 'CHAMELIO_API_KEY was refused', reason: 'invalid-key', detail: expect.any(String) })]);
  });
});

describe('the preview host', () => {
  let host: PreviewHost;
  beforeEach(async () => {
    // No command is called in these tests: the host only carries them.
    host = new PreviewHost({ port: 0, rendererDir: dir, handlers: {} as CommandHandlers, currentState: () => snapshot(), logger });
    await host.listen();
  });
  afterEach(() => host.close());

  const raw = (request: string): Socket => {
    const socket = connect(Number(new URL(host.url).port), '127.0.0.1');
    socket.write(request.replaceAll('\n', '\r\n').replace('HOST', new URL(host.url).host));
    return socket;
  };

  it('closes an event stream whose page reads nothing once its unread bytes pass the cap', async () => {
    const stalled = raw('GET /api/events HTTP/1.1\nHost: HOST\n\n');
    stalled.pause(); // never reads
    const closed = new Promise((resolve) => stalled.once('close', resolve));
    await new Promise((resolve) => stalled.once('connect', resolve));
    const big = snapshot({ storageProblem: 'x'.repeat(1024 * 1024) });
    const warned = loggedLine((l) => l.message === 'event stream closed: the page reads nothing');
    let sent = 0;
    // Bounded: the kernel's socket buffers take a few MiB, then the host's own buffer passes the cap.
    while (!lines.some((l) => l.level === 'warn') && sent < 200) {
      host.publish('state', big);
      sent++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const line = await warned;
    expect(line.level).toBe('warn');
    expect(line.unreadBytes as number).toBeLessThanOrEqual(MAX_UNREAD_STREAM_BYTES);
    stalled.resume(); // let the socket see the end
    await closed;
  });

  it('logs a request the page abandoned mid-body at info level, not as an error', async () => {
    const socket = raw('POST /api/refresh HTTP/1.1\nHost: HOST\nContent-Type: application/json\nContent-Length: 1000\n\n[');
    await new Promise((resolve) => socket.once('connect', resolve));
    const aborted = loggedLine((l) => l.message === 'preview request aborted by the page');
    socket.destroy();
    expect((await aborted).level).toBe('info');
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
