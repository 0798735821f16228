import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keptValue, MAX_FIELD_CHARS, MAX_VALUE_TEXT_CHARS, SHORTENED_MARK } from '../../../src-main/core/chamelio/taskLimits.ts';

type Json = Record<string, unknown>;

function kept(value: unknown): unknown {
  const result = keptValue(value, 64);
  if (!result.ok) throw new Error('not too deep');
  return result.value;
}

/** What the validator keeps of a variable value: itself where nothing changes, a copy only on the way to what is shortened. */
describe('keptValue', () => {
  it('keeps a parsed value with nothing to shorten as the value itself', () => {
    const value = JSON.parse('{"amount":150000,"currency":"EUR","rows":[[1,"a",null],{"b":true}]}') as unknown;
    expect(kept(value)).toBe(value);
    const list = JSON.parse('["gdpr","ccpa"]') as unknown;
    expect(kept(list)).toBe(list);
  });

  it('copies only the objects and arrays on the way to a shortened string, and leaves the answer as it was', () => {
    const long = 'x'.repeat(MAX_VALUE_TEXT_CHARS + 5);
    const value = JSON.parse(JSON.stringify({ a: [1, { b: 'short' }], c: { d: long, e: 2 }, f: ['keep'] })) as Json;
    const before = structuredClone(value);
    const result = kept(value) as Json;
    expect(result).not.toBe(value);
    expect(result['a']).toBe(value['a']);
    expect(result['f']).toBe(value['f']);
    expect(result['c']).not.toBe(value['c']);
    const text = (result['c'] as Json)['d'] as string;
    expect(text).toHaveLength(MAX_VALUE_TEXT_CHARS);
    expect(text.endsWith(SHORTENED_MARK)).toBe(true);
    expect(Object.keys(result)).toEqual(['a', 'c', 'f']);
    expect(Object.keys(result['c'] as Json)).toEqual(['d', 'e']);
    expect(value).toEqual(before);
  });

  it('shortens a long key in a copy, keeping the order of the keys', () => {
    const key = 'k'.repeat(MAX_FIELD_CHARS + 1);
    const value = JSON.parse(`{"first":1,"${key}":2,"last":3}`) as Json;
    const result = kept(value) as Json;
    const keys = Object.keys(result);
    expect(keys[0]).toBe('first');
    expect(keys[1]).toHaveLength(MAX_FIELD_CHARS);
    expect(keys[2]).toBe('last');
    expect(Object.values(result)).toEqual([1, 2, 3]);
    expect(Object.keys(value)[1]).toBe(key);
  });

  it('copies what is not a plain object or array, so only the kinds JSON makes are kept', () => {
    class Money {
      amount = 1;
      currency = 'EUR';
    }
    class Rows extends Array<number> {}
    const inherited = Object.assign(Object.create({ hidden: 'inherited' }) as Json, { shown: 1 });
    for (const [value, plain] of [
      [new Money(), { amount: 1, currency: 'EUR' }],
      [Rows.from([1, 2]), [1, 2]],
      [inherited, { shown: 1 }],
    ] as const) {
      const result = kept(value);
      expect(result).not.toBe(value);
      expect(Object.getPrototypeOf(result)).toBe(Array.isArray(plain) ? Array.prototype : Object.prototype);
      expect(result).toStrictEqual(plain);
    }
  });

  it('never changes the value it is given, and keeps any JSON within the limits whole and as itself', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        const value = JSON.parse(JSON.stringify(json)) as unknown; // as an answer would have it
        const before = structuredClone(value);
        expect(kept(value)).toBe(value);
        expect(value).toStrictEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
