import { describe, expect, it, vi } from 'vitest';
import { isApiKeyShape, maskApiKey, redactKey } from '../../../src-main/core/chamelio/apiKey.ts';
import { redactLogFields } from '../../../src-main/core/app/redactLogFields.ts';
import { ChamelioClient } from '../../../src-main/core/chamelio/ChamelioClient.ts';
import type { Logger } from '../../../src-main/core/app/ports.ts';
import { consoleLogger } from '../../../src-main/electron/runtime.ts';
import { jsonLineLogger } from '../../../src-main/node/preview/jsonLineLogger.ts';

/** The shortest key the engine accepts: `ca_` and four characters. */
const SHORT_KEY = 'ca_abcd';
const KEYS = [SHORT_KEY, 'ca_abcdefg', 'ca_x-y_z=.', `ca_${'k'.repeat(500)}`];

describe('the one key shape', () => {
  it('accepts the shortest and the longest key and nothing outside them', () => {
    for (const key of KEYS) expect(isApiKeyShape(key)).toBe(true);
    for (const bad of ['ca_abc', `ca_${'k'.repeat(501)}`, 'ca_abc def', 'xa_abcdefg', ' ca_abcdefg', 'ca_abcd\n']) {
      expect(isApiKeyShape(bad), bad).toBe(false);
    }
  });

  it('masks every key the engine would accept, wherever it stands in a text', () => {
    for (const key of KEYS) {
      for (const text of [key, `sent ${key} to the API`, `key=${key}&x=1`, `"${key}"`, `token_${key}`]) {
        expect(maskApiKey(text), text).not.toContain(key);
        expect(maskApiKey(text)).toContain('[redacted]');
      }
    }
    expect(maskApiKey('plain words, a ca_ prefix alone, task 12345')).toBe('plain words, a ca_ prefix alone, task 12345');
  });

  it('takes the key in use out by value even when it is not key-shaped', () => {
    expect(redactKey('echo: weird key!', 'weird key!')).toBe('echo: [redacted]');
    expect(redactKey(`other ${SHORT_KEY}`, null)).toBe('other [redacted]');
  });
});

/** Every Logger the app writes with, each capturing what it would write. */
function loggers(): { name: string; logger: Logger; written: () => string }[] {
  const sink = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const lines: string[] = [];
  return [
    { name: 'Electron console logger', logger: consoleLogger(sink), written: () => JSON.stringify([sink.info.mock.calls, sink.warn.mock.calls, sink.error.mock.calls]) },
    { name: 'preview CLI logger', logger: jsonLineLogger((line) => lines.push(line)), written: () => lines.join('') },
  ];
}

describe('a short valid key is masked in every log', () => {
  it.each(loggers().map((l) => [l.name, l] as const))('%s', (_name, { logger, written }) => {
    logger.info(`using ${SHORT_KEY}`);
    logger.warn('refused', { reason: `key ${SHORT_KEY} refused`, apiKey: SHORT_KEY, nested: { detail: [SHORT_KEY] } });
    logger.error('failed', { error: new Error(`header ${SHORT_KEY}`), taskId: 7 });
    const text = written();
    expect(text).not.toContain(SHORT_KEY);
    expect(text).toContain('[redacted]');
    expect(text).toContain('refused');
    expect(text).toContain('7');
  });

  it('in fields, a secret-named field is dropped and other strings masked', () => {
    expect(redactLogFields({ apiKey: 'anything', token: 'x', taskId: 5, note: `key ${SHORT_KEY}` })).toEqual({
      apiKey: '[redacted]',
      token: '[redacted]',
      taskId: 5,
      note: 'key [redacted]',
    });
  });

  it('in API errors, where a server echoes a key other than the one sent', async () => {
    const client = new ChamelioClient({
      fetch: async () => new Response(JSON.stringify({ detail: `Key ${SHORT_KEY} was revoked` }), { status: 401, headers: { 'content-type': 'application/json' } }),
      baseUrl: 'https://api.example.com',
      getApiKey: () => 'ca_theKeyActuallySent',
      now: () => 0,
    });
    const result = await client.getTask(1);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SHORT_KEY);
    expect(JSON.stringify(result)).toContain('Key [redacted] was revoked');
  });
});
