import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src-main/core/app/AppSnapshot.ts';
import { connectionAfter } from '../../../src-main/core/app/connectionAfter.ts';

const offline: ConnectionState = { kind: 'offline', message: 'gone', since: 5 };

describe('connectionAfter', () => {
  it('says connected after an answer, a 404 included', () => {
    expect(connectionAfter(offline, null, 10, null)).toEqual({ kind: 'ok' });
    expect(connectionAfter(offline, { kind: 'not-found', detail: 'Task not found' }, 10, null)).toEqual({ kind: 'ok' });
  });

  it('keeps a rate-limit pause that is still running, even after an answer', () => {
    const limited: ConnectionState = { kind: 'rate-limited', until: 100 };
    expect(connectionAfter(limited, null, 10, 100)).toBe(limited);
    expect(connectionAfter(limited, null, 110, null)).toEqual({ kind: 'ok' });
  });

  it('names each failure and keeps "since" while it lasts', () => {
    expect(connectionAfter(offline, { kind: 'timeout', afterMs: 15_000 }, 50, null)).toBe(offline);
    expect(connectionAfter({ kind: 'ok' }, { kind: 'network', message: 'ECONNRESET' }, 50, null)).toMatchObject({ kind: 'offline', since: 50 });
    expect(connectionAfter({ kind: 'ok' }, { kind: 'server', status: 502, detail: '' }, 50, null)).toMatchObject({
      kind: 'degraded',
      message: 'Chamelio answered with an error (HTTP 502).',
    });
    expect(connectionAfter({ kind: 'ok' }, { kind: 'bad-response', message: 'expected JSON' }, 50, null).kind).toBe('degraded');
    expect(connectionAfter({ kind: 'ok' }, { kind: 'rate-limited', retryAfterMs: 30_000 }, 50, 30_050)).toEqual({ kind: 'rate-limited', until: 30_050 });
    expect(connectionAfter({ kind: 'ok' }, { kind: 'unauthorized', reason: 'key-expired', detail: 'API key has expired' }, 50, null)).toEqual({
      kind: 'key-problem',
      reason: 'key-expired',
      detail: 'API key has expired',
    });
  });
});
