/**
 * parseTaskRefs on 1 MB of the shapes that were slow (commas inside a link's query, lists of
 * comma-separated links): the work is counted, never timed (the time is bench/parser.ts's). Each
 * link costs at most one run of the WHATWG URL parser, a link exactly as the app writes it none,
 * and a link repeated is parsed once; the result is whole and in order.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTaskRefs } from '../../../src-main/core/tasks/parseTaskRefs.ts';

const MB = 1_000_000;
const APP = 'https://app.chamelio.ai/workflows/tasks/';

/** Counts the URL parser's runs (the parser's own, and the one for the app host). */
function countingUrlParses(): { count: () => number } {
  let n = 0;
  const Real = globalThis.URL;
  vi.stubGlobal('URL', new Proxy(Real, { construct: (target, args: ConstructorParameters<typeof URL>) => (n++, new target(...args)) }));
  return { count: () => n };
}

afterEach(() => vi.unstubAllGlobals());

/** `unit(i)` joined by `sep` until the text is about 1 MB long. */
function list(unit: (i: number) => string, sep: string): { text: string; n: number } {
  const parts: string[] = [];
  let length = 0;
  while (length < MB) {
    const part = unit(parts.length + 1);
    parts.push(part);
    length += part.length + sep.length;
  }
  return { text: parts.join(sep), n: parts.length };
}

describe('parseTaskRefs on 1 MB', () => {
  it('a task link with 1 MB of commas in its query: the link, parsed once, the commas part of it', () => {
    const urls = countingUrlParses();
    const result = parseTaskRefs(`${APP}1?a=${','.repeat(MB)}`);
    expect(result).toEqual({ ids: [1], rejected: [] });
    expect(urls.count()).toBeLessThanOrEqual(2);
  });

  it.each([',', ';', ', '])('1 MB of distinct task links separated by %j: every id in order, no link parsed', (sep) => {
    const { text, n } = list((i) => `${APP}${i}`, sep);
    const urls = countingUrlParses();
    const result = parseTaskRefs(text);
    expect(result.rejected).toEqual([]);
    expect(result.ids).toHaveLength(n);
    expect(result.ids.every((id, i) => id === i + 1)).toBe(true);
    expect(urls.count()).toBe(1); // the app host's, once
  });

  it('1 MB of task links with commas in their queries: each link whole, each parsed at most once', () => {
    const { text, n } = list((i) => `${APP}${i}?a=,,`, ',');
    const urls = countingUrlParses();
    const result = parseTaskRefs(text);
    expect(result).toEqual({ ids: Array.from({ length: n }, (_, i) => i + 1), rejected: [] });
    expect(urls.count()).toBeLessThanOrEqual(n + 1);
  });

  it('1 MB of one foreign link repeated, glued by commas: refused once, parsed once', () => {
    const { text } = list(() => 'https://evil.com/workflows/tasks/1', ',');
    const urls = countingUrlParses();
    const result = parseTaskRefs(text);
    expect(result.ids).toEqual([]);
    expect(result.rejected).toEqual([{ fragment: 'https://evil.com/workflows/tasks/1', reason: 'foreign-host', message: 'evil.com is not app.chamelio.ai' }]);
    expect(urls.count()).toBe(2);
  });

  it('1 MB of distinct foreign links: each refused with its own fragment, none glued to the next, each parsed once', () => {
    const { text, n } = list((i) => `https://evil.com/workflows/tasks/${i}`, ',');
    const urls = countingUrlParses();
    const result = parseTaskRefs(text);
    expect(result.ids).toEqual([]);
    expect(result.rejected).toHaveLength(n);
    expect(result.rejected.at(-1)?.fragment).toBe(`https://evil.com/workflows/tasks/${n}`);
    expect(urls.count()).toBe(n + 1);
  });

  it('1 MB of commas, and of one id repeated between commas: nothing, then the id once', () => {
    expect(parseTaskRefs(','.repeat(MB))).toEqual({ ids: [], rejected: [] });
    expect(parseTaskRefs('7,'.repeat(MB / 2))).toEqual({ ids: [7], rejected: [] });
  });
});
