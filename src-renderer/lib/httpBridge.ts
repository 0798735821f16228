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

export interface HttpBridge extends Bridge {
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
export const RECONNECT_MS = { first: 1_000, max: 30_000 } as const;

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

export function createHttpBridge(base: string = '', env: HttpBridgeEnv = browserEnv()): HttpBridge {
  const listeners: { [E in EventName]: Set<Listener<E>> } = { state: new Set(), show: new Set() };
  const linkListeners = new Set<(reachable: boolean) => void>();
  let source: EventSourceLike | null = null;
  let reachable = true;
  let retryTimer: unknown = null;
  let retryMs: number = RECONNECT_MS.first;
  let closed = false;
  /** Counts state frames, so a getState answer older than a frame is dropped. */
  let frames = 0;

  function setReachable(value: boolean): void {
    if (reachable === value) return;
    reachable = value;
    for (const listener of linkListeners) listener(value);
  }

  function dispatch<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of listeners[name]) listener(payload);
  }

  function connect(): void {
    if (source || closed) return;
    const opened = env.EventSource ? new env.EventSource(`${base}/api/events`) : null;
    if (!opened) return;
    source = opened;
    let wasDown = !reachable;
    opened.addEventListener('state', (event) => {
      let payload: Events['state'];
      try {
        payload = JSON.parse(String(event.data)) as Events['state'];
      } catch {
        return; // A broken frame is skipped; the next one carries the whole snapshot again.
      }
      frames++;
      retryMs = RECONNECT_MS.first;
      setReachable(true);
      dispatch('state', payload);
    });
    opened.addEventListener('show', (event) => {
      try {
        dispatch('show', JSON.parse(String(event.data)) as Events['show']);
      } catch {
        // Not a view request we can read: nothing to show.
      }
    });
    opened.addEventListener('open', () => {
      if (!wasDown) return;
      wasDown = false;
      // Back after a loss: read the whole state once, in case the stream's first frame went missing.
      const before = frames;
      call('getState', []).then(
        (snapshot) => {
          if (frames === before) {
            setReachable(true);
            dispatch('state', snapshot);
          }
        },
        () => {},
      );
    });
    opened.addEventListener('error', () => {
      wasDown = true;
      setReachable(false);
      // CONNECTING: the browser retries by itself. CLOSED: it gave up, so we retry, backing off.
      if (opened.readyState === CLOSED && source === opened) {
        opened.close();
        source = null;
        scheduleReconnect();
      }
    });
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer !== null) return;
    const delay = retryMs;
    retryMs = Math.min(retryMs * 2, RECONNECT_MS.max);
    retryTimer = env.setTimeout(() => {
      retryTimer = null;
      if (hasListeners()) connect();
    }, delay);
  }

  const hasListeners = (): boolean => listeners.state.size + listeners.show.size > 0;

  function disconnect(): void {
    source?.close();
    source = null;
    if (retryTimer !== null) env.clearTimeout(retryTimer);
    retryTimer = null;
  }

  async function call<K extends CommandName>(name: K, args: unknown[]): Promise<Commands[K]['result']> {
    let response: ResponseLike;
    try {
      response = await env.fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
    } catch (error) {
      setReachable(false);
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

  const link: EngineLink = {
    get reachable() {
      return reachable;
    },
    onChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };

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
    on(event, listener) {
      closed = false;
      listeners[event].add(listener as never);
      connect();
      return () => {
        listeners[event].delete(listener as never);
        // The last listener gone: nobody reads the stream, so it is closed.
        if (!hasListeners()) disconnect();
      };
    },
    close() {
      closed = true;
      disconnect();
    },
  };
}
