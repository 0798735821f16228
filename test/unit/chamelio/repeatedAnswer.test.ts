import { beforeEach, describe, expect, it, vi } from 'vitest';
import { digestOf } from '../../../src-main/core/chamelio/AnswerMemo.ts';
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
