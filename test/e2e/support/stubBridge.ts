/**
 * The UI against a stand-in for Electron's preload (`window.chamelio`), for states only the desktop
 * app produces (keychain advice, weak-storage opt-in, `show` from a notification click). The
 * built UI is served with the Electron app's CSP — `connect-src 'none'` — so a UI that reached for
 * the network instead of the bridge would be caught.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AppSnapshot, TaskDetail } from '../../../src-main/contract/dto.ts';
import { SECURITY_HEADERS } from '../../../src-main/node/preview/PreviewHost.ts';
import { serveStatic } from '../../../src-main/node/preview/serveStatic.ts';
import { contentSecurityPolicy } from '../../../src-main/core/base/contentSecurityPolicy.ts';
import { snapshot } from '../../../src-renderer/testing/fixtures.ts';
import { REPO } from './PreviewProcess.ts';

export async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy("'none'") };
  const server = createServer((req, res) => {
    void serveStatic(join(REPO, 'out/renderer'), new URL(req.url ?? '/', 'http://127.0.0.1').pathname, false, res, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The renderer specs' snapshot (src-renderer/testing/fixtures.ts), checked just now. */
export function stubSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return snapshot({ lastCheckedAt: Date.now(), build: null, ...overrides });
}

export interface StubInit {
  snapshot: AppSnapshot;
  details: Record<number, TaskDetail>;
}

/** What a test reaches in the page through `globalThis` once installBridgeStub ran. */
export interface StubGlobals {
  __calls: [string, unknown[]][];
  __emit: (event: string, payload: unknown) => void;
  /** Commands named here reject (as a failed IPC call would) until taken out. */
  __failing: string[];
  /** Fixed answers that replace the stub's defaults, by command. */
  __answers: Record<string, unknown>;
}

/**
 * Runs in the page (via addInitScript): the bridge answers from `init` and records every call.
 * `init.answers` replaces the answer of a command (a value, since functions do not cross into the page).
 */
export function installBridgeStub(init: StubInit & { answers?: Record<string, unknown> }): void {
  type Listener = (payload: unknown) => void;
  const w = globalThis as unknown as {
    chamelio?: unknown;
    __calls: [string, unknown[]][];
    __emit: (event: string, payload: unknown) => void;
    __failing: string[];
    __answers: Record<string, unknown>;
  };
  const listeners: Record<string, Listener[]> = { state: [], show: [] };
  w.__calls = [];
  w.__failing = [];
  w.__answers = { ...init.answers };
  w.__emit = (event, payload) => {
    for (const listener of listeners[event] ?? []) listener(payload);
  };
  const answers: Record<string, (...args: unknown[]) => unknown> = {
    getState: () => init.snapshot,
    getTaskDetail: (id) => init.details[id as number] ?? null,
    clipboardSuggestion: () => [],
    setApiKey: () => ({ ok: true, org: init.snapshot.org, protection: 'weak' }),
    pin: () => ({ pinned: [], alreadyPinned: [], rejected: [] }),
  };
  w.chamelio = new Proxy(
    {},
    {
      get(_target, name: string) {
        if (name === 'on') {
          return (event: string, listener: Listener) => {
            listeners[event]?.push(listener);
            return () => {};
          };
        }
        return (...args: unknown[]) => {
          w.__calls.push([name, args]);
          if (w.__failing.includes(name)) return Promise.reject(new Error(`Error invoking remote method 'chamelio:${name}': Error: boom`));
          if (name in w.__answers) return Promise.resolve(w.__answers[name]);
          return Promise.resolve(answers[name]?.(...args) ?? null);
        };
      },
    },
  );
}
