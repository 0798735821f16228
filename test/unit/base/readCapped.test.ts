import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunksOf, readCapped } from '../../../src-main/core/base/readCapped.ts';

const bytes = (...sizes: number[]): Uint8Array[] => sizes.map((size, i) => new Uint8Array(size).fill(65 + i));
const web = (chunks: Uint8Array[]) => new Response(new ReadableStream({ start(c) { for (const chunk of chunks) c.enqueue(chunk); c.close(); } })).body!.getReader();

describe('readCapped', () => {
  it('reads a body within the limit whole, from a web stream or a Node stream', async () => {
    expect(await readCapped(web(bytes(3, 4)), 7)).toEqual({ ok: true, bytes: new Uint8Array([65, 65, 65, 66, 66, 66, 66]) });
    const node = await readCapped(chunksOf(Readable.from(bytes(3, 4))), 7);
    expect(node.ok && node.bytes.byteLength).toBe(7);
  });

  it('refuses a body over the limit, or keeps its first bytes when asked', async () => {
    expect(await readCapped(web(bytes(5, 5)), 8)).toEqual({ ok: false, problem: 'too-large' });
    const kept = await readCapped(chunksOf(Readable.from(bytes(5, 5))), 8, { keepPrefix: true });
    expect(kept.ok && Array.from(kept.bytes)).toEqual([65, 65, 65, 65, 65, 66, 66, 66]);
  });

  it('refuses a declared length over the limit without reading, and leaves a Node stream open', async () => {
    const stream = Readable.from(bytes(2));
    expect(await readCapped(chunksOf(stream), 1, { declaredLength: 10 })).toEqual({ ok: false, problem: 'too-large' });
    expect(stream.destroyed).toBe(false);
  });

  it('says the body was cut off when the stream fails part-way', async () => {
    const failing = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(new Uint8Array(2)); c.error(new Error('reset')); } }).getReader();
    expect(await readCapped(failing, 10)).toEqual({ ok: false, problem: 'cut-off' });
  });

  it('stops reading when the signal aborts', async () => {
    const controller = new AbortController();
    const hanging = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(new Uint8Array(1)); } }).getReader();
    const reading = readCapped(hanging, 10, { signal: controller.signal });
    controller.abort();
    expect(await reading).toEqual({ ok: true, bytes: new Uint8Array(1) });
  });
});
