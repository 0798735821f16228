import { beforeEach, describe, expect, it, vi } from 'vitest';
import { digestOf, KeptBytes } from '../../../src-main/core/chamelio/AnswerMemo.ts';
import { ChamelioClient } from '../../../src-main/core/chamelio/ChamelioClient.ts';
import { seedTaskBody } from './seedTask.ts';

/** The client's memory of the last answer per task: a repeated answer is not parsed or validated. */
let body = '';
let client: ChamelioClient;
const parse = vi.spyOn(JSON, 'parse');
beforeEach(() => {
  client = new ChamelioClient({
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
    baseUrl: 'https://api.example.com',
    getApiKey: () => 'ca_unitTestKey_9f8e7d6c5b4a',
    now: () => 0,
  });
  parse.mockClear();
});

/** JSON.parse calls on an answer (the test runner parses things of its own). */
const parsedAnswers = () => parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('"task"')).length;

async function get(id = 12345) {
  const result = await client.getTask(id);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}

describe('an answer that repeats the last one', () => {
  it('is the same value again, without JSON.parse', async () => {
    body = JSON.stringify(seedTaskBody());
    const first = await get();
    expect(parsedAnswers()).toBe(1);
    expect(await get()).toBe(first);
    expect(await get()).toBe(first);
    expect(parsedAnswers()).toBe(1);
  });

  it('is read again once a single byte differs, and that one is remembered in turn', async () => {
    body = JSON.stringify(seedTaskBody());
    const first = await get();
    body = body.replace('"in_progress"', '"completed"');
    const changed = await get();
    expect(changed).not.toBe(first);
    expect(changed.status).toBe('completed');
    expect(await get()).toBe(changed);
    expect(parsedAnswers()).toBe(2);
  });

  it('of a running task is compared by the compare the shell injects, byte for byte', async () => {
    const compared: number[] = [];
    client = new ChamelioClient({
      fetch: async () => new Response(body, { status: 200 }),
      baseUrl: 'https://api.example.com',
      getApiKey: () => 'ca_unitTestKey_9f8e7d6c5b4a',
      now: () => 0,
      sameBytes: (a, b) => (compared.push(a.byteLength), a.byteLength === b.byteLength && a.every((x, i) => x === b[i])),
    });
    body = JSON.stringify(seedTaskBody());
    const first = await get();
    expect(await get()).toBe(first);
    expect(compared).toEqual([new TextEncoder().encode(body).byteLength]);
    // A finished task is known again by its digest: the compare is not asked.
    body = body.replace('"in_progress"', '"completed"');
    const finished = await get();
    expect(await get()).toBe(finished);
    expect(compared).toHaveLength(1);
    expect(parsedAnswers()).toBe(2);
  });

  it('is read again after the task was forgotten (unpinned)', async () => {
    body = JSON.stringify(seedTaskBody());
    const first = await get();
    client.forgetTask(12345);
    const again = await get();
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('about another task is not remembered as that task', async () => {
    body = JSON.stringify(seedTaskBody());
    await get(12345);
    for (let i = 0; i < 2; i++) {
      const result = await client.getTask(999);
      expect(result).toEqual({ ok: false, error: { kind: 'bad-response', message: 'task.task_id: expected 999, got 12345' } });
    }
  });

  it('is a failure again when it was one (an invalid answer is never remembered)', async () => {
    body = JSON.stringify({ task: { ...seedTaskBody().task, status: 7 } });
    for (let i = 0; i < 2; i++) expect((await client.getTask(12345)).ok).toBe(false);
    expect(parsedAnswers()).toBe(2);
  });
});

describe('the digest of an answer', () => {
  const bytes = new TextEncoder().encode(JSON.stringify(seedTaskBody()));

  it('is the same for the same bytes wherever they sit in memory', () => {
    const unaligned = new Uint8Array(bytes.byteLength + 3);
    unaligned.set(bytes, 3);
    expect(digestOf(unaligned.subarray(3))).toEqual(digestOf(bytes));
  });

  it('differs when any one byte differs, in the words or in the tail', () => {
    const seen = new Set([digestOf(bytes).join()]);
    for (const at of [0, 1, 2, 3, Math.floor(bytes.byteLength / 2), bytes.byteLength - 1]) {
      const other = bytes.slice();
      other[at] = other[at]! ^ 1;
      seen.add(digestOf(other).join());
    }
    expect(seen.size).toBe(7);
  });
});

describe('the kept bytes of a running task', () => {
  const bytes = new TextEncoder().encode(JSON.stringify(seedTaskBody()));

  it('equal the same bytes wherever they sit in memory, and not a shorter or longer answer', () => {
    const kept = new KeptBytes(bytes);
    const unaligned = new Uint8Array(bytes.byteLength + 3);
    unaligned.set(bytes, 3);
    expect(kept.equals(unaligned.subarray(3))).toBe(true);
    expect(kept.equals(bytes.subarray(0, -1))).toBe(false);
    expect(kept.equals(new Uint8Array([...bytes, 32]))).toBe(false);
  });

  it('differ when any one byte differs, in the words or in the tail', () => {
    const kept = new KeptBytes(bytes);
    for (const at of [0, 7, 8, Math.floor(bytes.byteLength / 2), bytes.byteLength - 1]) {
      const other = bytes.slice();
      other[at] = other[at]! ^ 1;
      expect(kept.equals(other), `byte ${at}`).toBe(false);
    }
  });

  it('are a copy: the buffer they were read from may be reused', () => {
    const buffer = bytes.slice();
    const kept = new KeptBytes(buffer);
    buffer[0] = 0;
    expect(kept.equals(bytes)).toBe(true);
  });

  it('tell +0 from -0 and NaN words apart as bytes (equal doubles, different bits)', () => {
    const zero = new Uint8Array(16);
    const minusZero = new Uint8Array(16);
    minusZero[7] = 0x80;
    expect(new KeptBytes(zero).equals(minusZero)).toBe(false);
    expect(new KeptBytes(minusZero).equals(zero)).toBe(false);
    expect(new KeptBytes(zero).equals(new Uint8Array(16))).toBe(true);
    const nan = new Uint8Array(new Float64Array([NaN, 1]).buffer);
    expect(new KeptBytes(nan).equals(nan.slice())).toBe(false); // read again: safe, and never valid UTF-8
  });
});
