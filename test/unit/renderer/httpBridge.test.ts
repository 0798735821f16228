import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppSnapshot } from '../../../src-main/contract/dto.ts';
import type { Bridge } from '../../../src-main/contract/bridge.ts';
import { CommandFailure, describeFailure, withFailureKinds } from '../../../src-renderer/lib/failure.ts';
import { createHttpBridge, type EventSourceLike, type HttpBridgeEnv, type ResponseLike } from '../../../src-renderer/lib/httpBridge.ts';
import { untyped } from '../../support/untyped.ts';

type Handler = (event: { data?: unknown }) => void;

/** An EventSource the test drives: frames, errors and the browser giving up (CLOSED). */
class FakeSource implements EventSourceLike {
  static all: FakeSource[] = [];
  readyState = 0;
  closed = false;
  readonly handlers = new Map<string, Handler[]>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSource.all.push(this);
  }
  addEventListener(type: string, listener: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) handler({ data });
  }
  open(): void {
    this.readyState = 1;
    this.emit('open');
  }
  fail(giveUp: boolean): void {
    this.readyState = giveUp ? 2 : 0;
    this.emit('error');
  }
}

const snapshot = (name: string) => untyped<AppSnapshot>({ org: { name } });
const answer = (status: number, body: unknown): ResponseLike => ({
  ok: status < 400,
  status,
  statusText: 'x',
  json: () => Promise.resolve(body),
});

let fetchImpl: HttpBridgeEnv['fetch'];
function env(): HttpBridgeEnv {
  return {
    EventSource: FakeSource,
    fetch: (url, init) => fetchImpl(url, init),
    readClipboard: () => Promise.resolve(''),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  };
}

beforeEach(() => {
  FakeSource.all = [];
  vi.useFakeTimers();
  fetchImpl = () => Promise.resolve(answer(200, null));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the preview bridge’s event stream', () => {
  it('an error marks the engine unreachable; the next state frame brings it back', () => {
    const bridge = createHttpBridge('', env());
    const seen: string[] = [];
    const link: boolean[] = [];
    bridge.link.onChange((up) => link.push(up));
    bridge.on('state', (s) => seen.push(s.org?.name ?? ''));
    const source = FakeSource.all[0]!;
    source.emit('state', JSON.stringify(snapshot('A')));
    source.fail(false);
    expect(bridge.link.reachable).toBe(false);
    source.emit('state', JSON.stringify(snapshot('B')));
    expect(bridge.link.reachable).toBe(true);
    expect(link).toEqual([false, true]);
    expect(seen).toEqual(['A', 'B']);
  });

  it('a frame that is not JSON is skipped, without throwing out of the listener', () => {
    const bridge = createHttpBridge('', env());
    const seen: string[] = [];
    bridge.on('state', (s) => seen.push(s.org?.name ?? ''));
    const source = FakeSource.all[0]!;
    expect(() => source.emit('state', '{not json')).not.toThrow();
    expect(() => source.emit('show', 'nope')).not.toThrow();
    source.emit('state', JSON.stringify(snapshot('C')));
    expect(seen).toEqual(['C']);
  });

  it('a CLOSED stream is reopened with a growing delay, then getState is read once', async () => {
    const calls: string[] = [];
    fetchImpl = (url) => {
      calls.push(url);
      return Promise.resolve(answer(200, snapshot('fresh')));
    };
    const bridge = createHttpBridge('', env());
    const seen: string[] = [];
    bridge.on('state', (s) => seen.push(s.org?.name ?? ''));
    FakeSource.all[0]!.fail(true);
    expect(FakeSource.all[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSource.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSource.all).toHaveLength(2);
    // Gives up again: the next try waits twice as long.
    FakeSource.all[1]!.fail(true);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(FakeSource.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSource.all).toHaveLength(3);
    FakeSource.all[2]!.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['/api/getState']);
    expect(seen).toEqual(['fresh']);
    expect(bridge.link.reachable).toBe(true);
  });

  it('closing, or the last listener leaving, closes the stream and stops reconnecting', async () => {
    const bridge = createHttpBridge('', env());
    const off = bridge.on('state', () => {});
    off();
    expect(FakeSource.all[0]!.closed).toBe(true);
    bridge.on('state', () => {});
    FakeSource.all[1]!.fail(true);
    bridge.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSource.all).toHaveLength(2);
  });
});

describe('the preview bridge’s commands fail in plain words', () => {
  it('no answer at all: the engine is not answering, and the link says so', async () => {
    fetchImpl = () => Promise.reject(new TypeError('Failed to fetch'));
    const bridge = createHttpBridge('', env());
    const error = await bridge.unpin(3).catch((e: unknown) => e);
    expect(describeFailure(error)).toBe('Could not unpin the task: the app’s engine is not answering.');
    expect(bridge.link.reachable).toBe(false);
  });

  it('a 500 names what could not be done, not "internal error"', async () => {
    fetchImpl = () => Promise.resolve(answer(500, { error: 'pin failed' }));
    const error = await createHttpBridge('', env()).pin('12').catch((e: unknown) => e);
    expect(describeFailure(error)).toBe('Could not pin: the app’s engine ran into a problem.');
  });

  it('a 400 says what the engine refused, as an engine-refused failure', async () => {
    fetchImpl = () => Promise.resolve(answer(400, { error: 'taskId must be a number' }));
    const error = await createHttpBridge('', env()).unpin(3).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'engine-refused', command: 'unpin' });
    expect(describeFailure(error)).toBe('Could not unpin the task: the app’s engine refused it (taskId must be a number).');
  });
});

describe('the desktop bridge’s failures carry a kind, whatever Electron’s text says', () => {
  const rejecting = (error: unknown): Pick<Bridge, 'unpin'> => ({ unpin: () => Promise.reject(error) });

  it('a rejected IPC call is an engine-error of the command that was called', async () => {
    const error = await withFailureKinds(rejecting(new Error('anything at all'))).unpin(3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailure);
    expect(error).toMatchObject({ kind: 'engine-error', command: 'unpin' });
    expect(describeFailure(error)).toBe('Could not unpin the task: the app’s engine ran into a problem.');
  });

  it('answers and events pass through unchanged', async () => {
    const off = (): void => {};
    const bridge = withFailureKinds<Pick<Bridge, 'refresh' | 'on'>>({ refresh: () => Promise.resolve(), on: () => off });
    await expect(bridge.refresh()).resolves.toBeUndefined();
    expect(bridge.on('state', () => {})).toBe(off);
  });

  it('anything that is not a command failure reads as a plain "Something went wrong."', () => {
    expect(describeFailure(new TypeError('Failed to fetch'))).toBe('Something went wrong.');
  });
});
