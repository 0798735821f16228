import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_FRAGMENT, parseTaskRefs } from '../../../src-main/core/tasks/parseTaskRefs.ts';

const APP_HOST = 'app.chamelio.ai';
// The longest message template around one quoted fragment is well under this.
const MAX_MESSAGE = MAX_QUOTED_FRAGMENT * 2;

const taskId = fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));

const trickyToken = fc.constantFrom(
  'https://', 'http://', '//', 'app.chamelio.ai', '.evil.com', 'evil.com', '@', ':', ':8080', '/workflows/tasks/',
  '/', '?', '&', '=', '#', '-', '+', '0', '007', '12345', '9007199254740993', '1.5', '12a', '(', ')', '[', ']', '](',
  '<', '>', '"', "'", '`', ',', ';', ' ', '\n', '\t', '.', '…', '*', '_', '~', '%2e', '%00', 'xn--pp-6kc',
  '\u0430', '\uFF0E', '\u00AD', '\u200B', '\u202E', '😀', '\uD800', 'javascript:', 'data:', 'file:///', 'please', 'and',
);
const tokenSoup = fc.array(fc.oneof(trickyToken, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((t) => t.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), tokenSoup);

function checkInvariants(text: string): void {
  const { ids, rejected } = parseTaskRefs(text);
  for (const id of ids) {
    expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    // An id is only ever read from the text, never made up.
    expect(text).toContain(String(id));
  }
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of rejected) {
    expect(['foreign-host', 'not-a-task-url', 'invalid-id']).toContain(r.reason);
    expect(r.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(text).toContain(r.fragment);
  }
}

/** The invariants cheap enough for 1 MB: unique positive safe ids, known reasons, short messages. */
function checkShape({ ids, rejected }: ReturnType<typeof parseTaskRefs>): void {
  expect(ids.every((id) => Number.isSafeInteger(id) && id > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(rejected.every((r) => ['foreign-host', 'not-a-task-url', 'invalid-id'].includes(r.reason) && r.message.length <= MAX_MESSAGE)).toBe(true);
}

/** What the WHATWG parser says a link points at: the id only if it is a task page on the app host. */
function oracle(href: string): number[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return [];
  }
  const host = url.hostname.replace(/\.$/, '');
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  if (host !== APP_HOST || !web || url.port !== '' || url.username !== '' || url.password !== '') return [];
  const id = Number(/^\/workflows\/tasks\/(\d+)\/?$/.exec(url.pathname)?.[1] ?? Number.NaN);
  return Number.isSafeInteger(id) && id > 0 ? [id] : [];
}

// Host text built to fool string matching: the app host glued to other hosts, userinfo, ports,
// lookalike letters, fullwidth dots, percent-encoding. No whitespace, commas or brackets: those
// split a paste into several references by design, which is not what this property is about.
const hostPiece = fc.constantFrom(
  APP_HOST, 'app', 'chamelio', 'ai', '.', '-', '@', ':', '443', '8080', 'evil.com', 'com', 'xn--', '%2E', '%40',
  '\u0430', '\u043E', '\u0131', '\uFF0E', '\u3002', '\u00AD', 'A', 'I', '/', '?', '#', '\\', '!', '$', '&', '*', '+',
  '=', '~', '_', '(', ')', 'www', 'platform', '1', 'x',
);
const gluedHost = fc.oneof(
  fc.array(hostPiece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
  fc.domain(),
  fc.domain().map((d) => `${APP_HOST}.${d}`),
  fc.domain().map((d) => `${d}.${APP_HOST}`),
  fc.domain().map((d) => `${APP_HOST}@${d}`),
  fc.domain().map((d) => `${d}@${APP_HOST}`),
  fc.domain().map((d) => `${d}/${APP_HOST}`),
  fc.constantFrom(APP_HOST, `${APP_HOST}.`, 'APP.CHAMELIO.AI', `${APP_HOST}:443`, 'app\uFF0Echamelio\uFF0Eai'),
);

describe('parseTaskRefs properties', () => {
  it('never throws, and every result is well-formed, on arbitrary and adversarial text', () => {
    fc.assert(fc.property(anyText, (text) => checkInvariants(text)), { numRuns: 2000 });
  });

  it('accepts a link exactly when the URL parser puts it on the app host as a task page', () => {
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(gluedHost, taskId, fc.constantFrom('https://', 'http://'), (host, id, scheme) => {
        const href = `${scheme}${host}/workflows/tasks/${id}`;
        const { ids } = parseTaskRefs(href);
        expect(ids).toEqual(oracle(href));
        seen[ids.length > 0 ? 'accepted' : 'rejected'] += 1;
      }),
      { numRuns: 3000 },
    );
    // Both outcomes must really have been exercised, or the property proves nothing.
    expect(seen.accepted).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(50);
  });

  it('never takes an id from a scheme-less link the URL parser would not put on the app host', () => {
    // Brackets would split the text into words, and a bare number among them is an id by design.
    const unbracketed = gluedHost.filter((h) => !/[()]/.test(h));
    fc.assert(
      fc.property(fc.constantFrom('a', 'x', APP_HOST), unbracketed, taskId, (first, host, id) => {
        const text = `${first}${host}/workflows/tasks/${id}`;
        const { ids } = parseTaskRefs(text);
        if (ids.length > 0) expect(ids).toEqual(oracle(`https://${text}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every id however it is written and separated, in order, without duplicates', () => {
    const plain = (id: number) => fc.constantFrom(`${id}`, `#${id}`, `(#${id})`, `"${id}"`, `${id}.`, `[${id}]`);
    const link = (id: number) =>
      fc
        .tuple(
          fc.constantFrom('https://', 'http://', '', 'HTTPS://'),
          fc.constantFrom(APP_HOST, 'APP.Chamelio.ai', `${APP_HOST}.`),
          fc.constantFrom('', '/', '?tab=details', '#comments', '/?a=1&b=2#x'),
          fc.constantFrom(['', ''], ['<', '>'], ['(', ')'], ['"', '"'], ['[task](', ')'], ['', '.'], ['**', '**']),
        )
        .map(([scheme, host, tail, [open, close]]) => ({
          text: `${open}${scheme}${host}/workflows/tasks/${id}${tail}${close}`,
          // A comma glued to a query belongs to that query, so such a link needs whitespace after it.
          needsSpaceAfter: tail.includes('?') || tail.includes('#'),
        }));
    const item = taskId.chain((id) =>
      fc.tuple(fc.constant(id), fc.oneof(plain(id).map((text) => ({ text, needsSpaceAfter: false })), link(id))),
    );
    const separator = fc.constantFrom(' ', '\n', '\r\n', '\t', ', ', '; ', ',', ';', ' and ', ' , ', '  ');
    fc.assert(
      fc.property(fc.array(fc.tuple(item, separator), { minLength: 1, maxLength: 25 }), fc.boolean(), (items, dup) => {
        const all = dup ? [...items, ...items.slice(0, 3)] : items;
        const text = all
          .map(([[, { text, needsSpaceAfter }], sep], i) => {
            if (i === all.length - 1) return text;
            return text + (needsSpaceAfter && !/\s/.test(sep) ? ` ${sep}` : sep);
          })
          .join('');
        const expected = [...new Set(all.map(([[id]]) => id))];
        expect(parseTaskRefs(text)).toEqual({ ids: expected, rejected: [] });
      }),
      { numRuns: 1000 },
    );
  });

  // How fast is the benchmark's (bench/parser.ts): a test only shows that 1 MB finishes, correctly.
  it('finishes on about 1 MB of adversarial text, with a well-formed result', () => {
    fc.assert(
      fc.property(tokenSoup.filter((s) => s.length > 0), (chunk) => {
        checkShape(parseTaskRefs(chunk.repeat(Math.ceil(1_000_000 / chunk.length))));
      }),
      { numRuns: 15 },
    );
  });

  it.each([
    ['a', 1], ['[', 1], ['a.', 2], ['a@', 2], ['a:', 2], ['(', 1], [')', 1], ['9', 1], ['#', 1], [',a.bc', 5],
    ['https://a.bc/?x,', 16], ['[a](', 4], ['-1 ', 3], ['evil.com/', 9], ['\u0430.', 2], ['aa.bb.', 6],
  ])('finishes on 1 MB of %j, as it reads its first 200 KB', (unit, length) => {
    const text = unit.repeat(Math.ceil(1_000_000 / length));
    checkInvariants(text.slice(0, 200_000));
    checkShape(parseTaskRefs(text));
  });

  it.each([['.'], ['…'], [','], ['!?'], ['*_~']])('finishes on a 1 MB run of %j between words, finding nothing', (run) => {
    const text = `a${run.repeat(Math.ceil(1_000_000 / run.length))}a`;
    expect(parseTaskRefs(text)).toEqual({ ids: [], rejected: [] });
  });
});
