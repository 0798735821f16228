/**
 * The browser preview's bridge: each command is `POST /api/<command>` with a JSON array of its
 * arguments, and the events arrive as server-sent events on `/api/events`. It mirrors the preload's
 * `window.chamelio`, so the UI cannot tell the two transports apart — except that this one can lose
 * the engine: `link` tells whether the preview host answers, and the stream reconnects by itself.
 */
import type { Bridge, CommandName, Commands, EventName, Events } from '../../src-main/contract/bridge.ts';
import { CommandFailure } from './failure.ts';

type Listener<E extends EventName> = (payload: Events[E]) => void;

/** Whether the engine answers. Electron's IPC cannot lose it, so only the HTTP bridge has one. */
export interface EngineLink {
  readonly reachable: boolean;
  /** Called on every change; returns the unsubscribe. */
  onChange(listener: (reachable: boolean) => void): () => void;
}

interface HttpBridge extends Bridge {
  readonly link: EngineLink;
  /** Closes the event stream and stops reconnecting. */
  close(): void;
}

/** What the bridge needs from the browser; tests pass stand-ins. */
export interface HttpBridgeEnv {
  EventSource: new (url: string) => EventSourceLike;
  fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<ResponseLike>;
  readClipboard: () => Promise<string>;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

export interface ResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<unknown>;
}

const CLOSED = 2;
/** Reconnect delays after the stream closed for good: 1 s, 2 s, 4 s … at most 30 s. */
const RECONNECT_MS = { first: 1_000, max: 30_000 } as const;

function browserEnv(): HttpBridgeEnv {
  const nav = (globalThis as { navigator?: { clipboard?: { readText(): Promise<string> } } }).navigator;
  return {
    EventSource: globalThis.EventSource,
    fetch: (url, init) => globalThis.fetch(url, init),
    readClipboard: () => (nav?.clipboard ? nav.clipboard.readText() : Promise.reject(new Error('no clipboard'))),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
}

/** Whether the host answers: set by the stream and by every command; listeners hear each change. */
class Reachability implements EngineLink {
  #reachable = true;
  readonly #listeners = new Set<(reachable: boolean) => void>();

  get reachable(): boolean {
    return this.#reachable;
  }

  set(value: boolean): void {
    if (this.#reachable === value) return;
    this.#reachable = value;
    for (const listener of this.#listeners) listener(value);
  }

  onChange(listener: (reachable: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

type Call = <K extends CommandName>(name: K, args: unknown[]) => Promise<Commands[K]['result']>;

/** One command: POST /api/<name>; a failure becomes a CommandFailure with its kind. */
async function post<K extends CommandName>(env: HttpBridgeEnv, base: string, link: Reachability, name: K, args: unknown[]): Promise<Commands[K]['result']> {
  let response: ResponseLike;
  try {
    response = await env.fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
  } catch (error) {
    link.set(false);
    throw new CommandFailure(name, 'engine-unreachable', undefined, { cause: error });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const said = body && typeof body === 'object' && 'error' in body ? String(body.error) : response.statusText;
    // A 4xx names what was wrong with the request; a 5xx says nothing the user can act on.
    if (response.status >= 500 || !said) throw new CommandFailure(name, 'engine-error');
    throw new CommandFailure(name, 'engine-refused', said);
  }
  return body as Commands[K]['result'];
}

/**
 * The event stream: open while anyone listens, reconnecting with backoff when the browser gives up,
 * and reading the whole state once after a loss, in case the stream's first frame went missing.
 */
class EventStream {
  readonly #listeners: { [E in EventName]: Set<Listener<E>> } = { state: new Set(), show: new Set() };
  #source: EventSourceLike | null = null;
  #retryTimer: unknown = null;
  #retryMs: number = RECONNECT_MS.first;
  #closed = false;
  /** Counts state frames, so a getState answer older than a frame is dropped. */
  #frames = 0;

  private readonly env: HttpBridgeEnv;
  private readonly base: string;
  private readonly link: Reachability;
  private readonly call: Call;

  constructor(env: HttpBridgeEnv, base: string, link: Reachability, call: Call) {
    this.env = env;
    this.base = base;
    this.link = link;
    this.call = call;
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    this.#closed = false;
    this.#listeners[event].add(listener as never);
    this.#connect();
    return () => {
      this.#listeners[event].delete(listener as never);
      // The last listener gone: nobody reads the stream, so it is closed.
      if (!this.#hasListeners()) this.#disconnect();
    };
  }

  close(): void {
    this.#closed = true;
    this.#disconnect();
  }

  #dispatch<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.#listeners[name]) (listener as Listener<E>)(payload);
  }

  #hasListeners(): boolean {
    return this.#listeners.state.size + this.#listeners.show.size > 0;
  }

  #connect(): void {
    if (this.#source || this.#closed) return;
    const opened = this.env.EventSource ? new this.env.EventSource(`${this.base}/api/events`) : null;
    if (!opened) return;
    this.#source = opened;
    let wasDown = !this.link.reachable;
    opened.addEventListener('state', (event) => {
      let payload: Events['state'];
      try {
        payload = JSON.parse(String(event.data)) as Events['state'];
      } catch {
        return; // A broken frame is skipped; the next one carries the whole snapshot again.
      }
      this.#frames++;
      this.#retryMs = RECONNECT_MS.first;
      this.link.set(true);
      this.#dispatch('state', payload);
    });
    opened.addEventListener('show', (event) => {
      try {
        this.#dispatch('show', JSON.parse(String(event.data)) as Events['show']);
      } catch {
        // Not a view request we can read: nothing to show.
      }
    });
    opened.addEventListener('open', () => {
      if (!wasDown) return;
      wasDown = false;
      this.#readStateOnce();
    });
    opened.addEventListener('error', () => {
      wasDown = true;
      this.link.set(false);
      // CONNECTING: the browser retries by itself. CLOSED: it gave up, so we retry, backing off.
      if (opened.readyState === CLOSED && this.#source === opened) {
        opened.close();
        this.#source = null;
        this.#scheduleReconnect();
      }
    });
  }

  /** Back after a loss: the whole state, unless a frame has arrived meanwhile. */
  #readStateOnce(): void {
    const before = this.#frames;
    this.call('getState', []).then(
      (snapshot) => {
        if (this.#frames !== before) return;
        this.link.set(true);
        this.#dispatch('state', snapshot);
      },
      () => {},
    );
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer !== null) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, RECONNECT_MS.max);
    this.#retryTimer = this.env.setTimeout(() => {
      this.#retryTimer = null;
      if (this.#hasListeners()) this.#connect();
    }, delay);
  }

  #disconnect(): void {
    this.#source?.close();
    this.#source = null;
    if (this.#retryTimer !== null) this.env.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }
}

export function createHttpBridge(base: string = '', env: HttpBridgeEnv = browserEnv()): HttpBridge {
  const link = new Reachability();
  const call: Call = (name, args) => post(env, base, link, name, args);
  const stream = new EventStream(env, base, link, call);

  /** In the preview the page reads the clipboard (the host has none) and the engine finds the ids. */
  async function clipboardSuggestion(): Promise<number[]> {
    let text: string;
    try {
      text = await env.readClipboard();
    } catch {
      return [];
    }
    if (!text.trim()) return [];
    return call('clipboardSuggestion', [text.slice(0, 10_000)]);
  }

  return {
    link,
    getState: () => call('getState', []),
    getTaskDetail: (taskId) => call('getTaskDetail', [taskId]),
    pin: (text) => call('pin', [text]),
    unpin: (taskId) => call('unpin', [taskId]),
    undoUnpin: () => call('undoUnpin', []),
    markSeen: (taskId) => call('markSeen', [taskId]),
    refresh: () => call('refresh', []),
    setApiKey: (key, allowWeak) => call('setApiKey', [key, allowWeak]),
    clearApiKey: () => call('clearApiKey', []),
    updateSettings: (patch) => call('updateSettings', [patch]),
    pauseNotifications: (until) => call('pauseNotifications', [until]),
    openTask: (taskId) => call('openTask', [taskId]),
    openChamelio: () => call('openChamelio', []),
    clipboardSuggestion,
    startDemo: () => call('startDemo', []),
    hideWindow: () => call('hideWindow', []),
    getApproval: (taskId) => call('getApproval', [taskId]),
    decideApproval: (taskId, input) => call('decideApproval', [taskId, input]),
    cancelTask: (taskId) => call('cancelTask', [taskId]),
    getDocuments: (taskId) => call('getDocuments', [taskId]),
    openDocument: (taskId, document) => call('openDocument', [taskId, document]),
    snooze: (taskId, choice) => call('snooze', [taskId, choice]),
    unsnooze: (taskId) => call('unsnooze', [taskId]),
    setNotificationLevel: (taskId, level) => call('setNotificationLevel', [taskId, level]),
    unpinFinished: () => call('unpinFinished', []),
    copyPinnedLinks: () => call('copyPinnedLinks', []),
    sendTestNotification: () => call('sendTestNotification', []),
    on: (event, listener) => stream.on(event, listener),
    close: () => stream.close(),
  };
}
