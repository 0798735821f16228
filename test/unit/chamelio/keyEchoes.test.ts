import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactKey } from '../../../src-main/core/chamelio/apiKey.ts';
import { KEY_ECHO_NOTICE } from '../../../src-main/core/chamelio/keyEchoes.ts';
import { KEY_ECHOES } from '../../support/keyEchoForms.ts';

const KEY = 'ca_Zx9Qp2Lm7Rt4Vb8Nk3Hs6Wd1';
describe('redactKey takes out the key however a server echoes it', () => {
  it.each(KEY_ECHOES)('%s', (_name, encode) => {
    const echoed = `Invalid API key: ${encode(KEY)} (request 42)`;
    const out = redactKey(echoed, KEY);
    expect(out).not.toContain(encode(KEY));
    expect(out.toLowerCase()).not.toContain(KEY.slice(3).toLowerCase());
    expect(out === KEY_ECHO_NOTICE || out.includes('[redacted]')).toBe(true);
  });

  it('leaves a message without the key alone', () => {
    expect(redactKey('API key has been revoked', KEY)).toBe('API key has been revoked');
    expect(redactKey('see https://example.com/docs?id=123', KEY)).toBe('see https://example.com/docs?id=123');
  });

  it('finds random keys echoed in any of these forms, inside random text', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/).map((body) => `ca_${body}`);
    fc.assert(
      fc.property(key, fc.constantFrom(...KEY_ECHOES), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (k, [, encode], before, after) => {
        const out = redactKey(`${before} ${encode(k)} ${after}`, k);
        expect(out.toLowerCase()).not.toContain(k.slice(3).toLowerCase());
        expect(out).not.toContain(encode(k));
      }),
      { numRuns: 500, seed: 20_261_201 },
    );
  });
});
