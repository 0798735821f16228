import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_FRAGMENT, parseTaskRefs, quoteFragment } from '../../../src-main/core/tasks/parseTaskRefs.ts';
import { untyped } from '../../support/untyped.ts';

const URL_1 = 'https://app.chamelio.ai/workflows/tasks/12345';

function ids(text: string): number[] {
  return parseTaskRefs(text).ids;
}

function onlyRejection(text: string) {
  const result = parseTaskRefs(text);
  expect(result.ids).toEqual([]);
  expect(result.rejected).toHaveLength(1);
  return result.rejected[0]!;
}

describe('parseTaskRefs: accepted references', () => {
  it.each([
    [URL_1, [12345]],
    ['http://app.chamelio.ai/workflows/tasks/12345', [12345]],
    ['app.chamelio.ai/workflows/tasks/12345', [12345]],
    ['//app.chamelio.ai/workflows/tasks/12345', [12345]],
    [`${URL_1}/`, [12345]],
    [`${URL_1}?tab=details&x=1`, [12345]],
    [`${URL_1}#comments`, [12345]],
    [`${URL_1}/?tab=a#b`, [12345]],
    ['HTTPS://APP.Chamelio.AI/workflows/tasks/12345', [12345]],
    ['https://app.chamelio.ai./workflows/tasks/12345', [12345]],
    ['https://app.chamelio.ai:443/workflows/tasks/12345', [12345]],
    ['12345', [12345]],
    ['#12345', [12345]],
    ['007', [7]],
    [String(Number.MAX_SAFE_INTEGER), [Number.MAX_SAFE_INTEGER]],
  ])('%s', (text, expected) => {
    expect(parseTaskRefs(text)).toEqual({ ids: expected, rejected: [] });
  });

  it('finds references among words and separators, in order of first appearance', () => {
    const text = `please pin ${URL_1} and #77, 88; 99\n100\tthanks!`;
    expect(parseTaskRefs(text)).toEqual({ ids: [12345, 77, 88, 99, 100], rejected: [] });
  });

  it('splits links glued together by commas or semicolons', () => {
    expect(ids(`${URL_1},https://app.chamelio.ai/workflows/tasks/2;#3,4`)).toEqual([12345, 2, 3, 4]);
  });

  it.each([
    [`<${URL_1}>`],
    [`(${URL_1})`],
    [`[${URL_1}]`],
    [`"${URL_1}"`],
    [`'${URL_1}'`],
    [`\u201C${URL_1}\u201D`],
    [`\`${URL_1}\``],
    [`[Task 999](${URL_1})`],
    [`**${URL_1}**`],
    [`(see ${URL_1}).`],
    [`${URL_1}.`],
    [`${URL_1}!?`],
    [`${URL_1}:`],
    [`<a href="${URL_1}">open</a>`],
  ])('unwraps %s', (text) => {
    expect(parseTaskRefs(text)).toEqual({ ids: [12345], rejected: [] });
  });

  it('strips sentence punctuation and wrappers around ids', () => {
    expect(ids('(#1), [2]. "3"! 4? <5> _6_ *7*')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps a bracketed part of a link that opened inside it', () => {
    const result = parseTaskRefs('https://en.wikipedia.org/wiki/Task_(project)');
    expect(result.rejected.map((r) => r.fragment)).toEqual(['https://en.wikipedia.org/wiki/Task_(project)']);
  });

  it('folds duplicates, keeping the first position', () => {
    expect(ids(`5 ${URL_1} #5 12345 app.chamelio.ai/workflows/tasks/5/ 6`)).toEqual([5, 12345, 6]);
  });

  it('ignores ordinary words, ordinals, emails and a Markdown link label', () => {
    expect(parseTaskRefs('please pin the task, and the 2nd one: legal@example.com e.g. [id 77](https://app.chamelio.ai/workflows/tasks/8)')).toEqual({
      ids: [8],
      rejected: [],
    });
  });

  it('refuses what is glued by commas to a refused link with it, instead of pinning it alone', () => {
    expect(parseTaskRefs('https://evil.com/workflows/tasks/1,4242424242')).toEqual({
      ids: [],
      rejected: [{ fragment: 'https://evil.com/workflows/tasks/1,4242424242', reason: 'foreign-host', message: 'evil.com is not app.chamelio.ai' }],
    });
    expect(parseTaskRefs('https://app.chamelio.ai/workflows/tasks/0;5').ids).toEqual([]);
    // Up to the next link only, and a space still separates.
    expect(ids('evil.com/tasks/1,2;https://app.chamelio.ai/workflows/tasks/3,4 5')).toEqual([3, 4, 5]);
  });

  it('treats a comma inside a query as part of the link, not as a separator', () => {
    expect(ids(`${URL_1}?ids=4,5 6`)).toEqual([12345, 6]);
  });

  it('accepts a different app host when one is passed', () => {
    const text = 'https://app.staging.chamelio.ai/workflows/tasks/3 https://app.chamelio.ai/workflows/tasks/4';
    expect(ids(text)).toEqual([4]);
    const staging = parseTaskRefs(text, 'APP.staging.chamelio.ai');
    expect(staging.ids).toEqual([3]);
    expect(staging.rejected.map((r) => r.message)).toEqual(['app.chamelio.ai is not app.staging.chamelio.ai']);
  });
});

describe('parseTaskRefs: invalid ids', () => {
  it.each([
    ['0', '0 is not a task ID'],
    ['#0', '0 is not a task ID'],
    ['-5', '-5 is not a task ID'],
    ['#-5', '#-5 is not a task ID'],
    ['\u22125', '\u22125 is not a task ID'],
    ['+5', '+5 is not a task ID'],
    ['12a', '12a is not a task ID'],
    ['1.5', '1.5 is not a task ID'],
    ['.5', '.5 is not a task ID'],
    ['1e5', '1e5 is not a task ID'],
    ['0x1F', '0x1F is not a task ID'],
    [String(Number.MAX_SAFE_INTEGER + 1), `${Number.MAX_SAFE_INTEGER + 1} is not a task ID`],
    ['99999999999999999999', '99999999999999999999 is not a task ID'],
  ])('%s', (text, message) => {
    expect(onlyRejection(text)).toEqual({ fragment: text, reason: 'invalid-id', message });
  });

  it.each([
    ['https://app.chamelio.ai/workflows/tasks/0', '0 is not a task ID'],
    ['https://app.chamelio.ai/workflows/tasks/-1', '-1 is not a task ID'],
    ['https://app.chamelio.ai/workflows/tasks/abc', 'abc is not a task ID'],
    ['https://app.chamelio.ai/workflows/tasks/9007199254740992', '9007199254740992 is not a task ID'],
  ])('in a task link: %s', (text, message) => {
    expect(onlyRejection(text)).toEqual({ fragment: text, reason: 'invalid-id', message });
  });
});

describe('parseTaskRefs: links that are not Chamelio task pages', () => {
  it.each([
    ['https://app.chamelio.ai.evil.com/workflows/tasks/1', 'app.chamelio.ai.evil.com is not app.chamelio.ai'],
    ['https://evil.com/app.chamelio.ai/workflows/tasks/1', 'evil.com is not app.chamelio.ai'],
    ['evil.com/app.chamelio.ai/workflows/tasks/1', 'evil.com is not app.chamelio.ai'],
    ['https://app-chamelio.ai/workflows/tasks/1', 'app-chamelio.ai is not app.chamelio.ai'],
    ['https://app.chamelio.ai@evil.com/workflows/tasks/1', 'evil.com is not app.chamelio.ai'],
    ['app.chamelio.ai@evil.com/workflows/tasks/1', 'evil.com is not app.chamelio.ai'],
    ['https://platform.chamelio.ai/workflows/tasks/1', 'platform.chamelio.ai is not app.chamelio.ai'],
    ['https://evil.app.chamelio.ai/workflows/tasks/1', 'evil.app.chamelio.ai is not app.chamelio.ai'],
    ['https://app.chamelio.ai../workflows/tasks/1', 'app.chamelio.ai.. is not app.chamelio.ai'],
    ['https://\u0430pp.chamelio.ai/workflows/tasks/1', 'xn--pp-6kc.chamelio.ai is not app.chamelio.ai'],
    ['https://xn--pp-6kc.chamelio.ai/workflows/tasks/1', 'xn--pp-6kc.chamelio.ai is not app.chamelio.ai'],
    ['https://app.chame1io.ai/workflows/tasks/1', 'app.chame1io.ai is not app.chamelio.ai'],
    ['https://evil.com/?next=https://app.chamelio.ai/workflows/tasks/1', 'evil.com is not app.chamelio.ai'],
    ['evil.com/?next=https://app.chamelio.ai/workflows/tasks/1', 'evil.com is not app.chamelio.ai'],
    ['https://1.2.3.4/workflows/tasks/1', '1.2.3.4 is not app.chamelio.ai'],
    ['javascript:alert(1)', 'A javascript: link is not on app.chamelio.ai'],
    ['javascript://app.chamelio.ai/workflows/tasks/1', 'Not a task page on app.chamelio.ai (javascript: link)'],
    ['file:///workflows/tasks/1', 'A file: link is not on app.chamelio.ai'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'A data: link is not on app.chamelio.ai'],
    ['javascript:alert(1);alert(2),alert(3)', 'A javascript: link is not on app.chamelio.ai'],
    ['mailto:legal@example.com?subject=a,b', 'A mailto: link is not on app.chamelio.ai'],
  ])('%s is foreign or not a task page', (text, message) => {
    const rejection = onlyRejection(text);
    expect(rejection.message).toBe(message);
    expect(rejection.fragment).toBe(text);
    expect(rejection.reason).toBe(message.startsWith('Not a task page') ? 'not-a-task-url' : 'foreign-host');
  });

  it.each([
    ['https://app.chamelio.ai/', ''],
    ['https://app.chamelio.ai/workflows/1', ''],
    ['https://app.chamelio.ai/workflows/tasks/', ''],
    ['https://app.chamelio.ai/workflows/tasks/1/steps', ''],
    ['https://app.chamelio.ai/Workflows/Tasks/1', ''],
    ['https://app.chamelio.ai:8080/workflows/tasks/1', ' (port 8080)'],
    ['ftp://app.chamelio.ai/workflows/tasks/1', ' (ftp: link)'],
    ['https://me@app.chamelio.ai/workflows/tasks/1', ' (has a user name)'],
  ])('%s is on the right host but not a task page', (text, detail) => {
    expect(onlyRejection(text)).toEqual({
      fragment: text,
      reason: 'not-a-task-url',
      message: `Not a task page on app.chamelio.ai${detail}`,
    });
  });

  it('reports links it cannot parse', () => {
    expect(onlyRejection('https://app.chamelio.ai%00.evil.com/workflows/tasks/1').reason).toBe('not-a-task-url');
  });

  it('keeps valid references next to rejected ones, and reports each rejected fragment once', () => {
    const text = `https://evil.com/workflows/tasks/1 ${URL_1} 0 https://evil.com/workflows/tasks/1 #0 7`;
    const result = parseTaskRefs(text);
    expect(result.ids).toEqual([12345, 7]);
    expect(result.rejected.map((r) => [r.reason, r.fragment])).toEqual([
      ['foreign-host', 'https://evil.com/workflows/tasks/1'],
      ['invalid-id', '0'],
      ['invalid-id', '#0'],
    ]);
  });
});

describe('parseTaskRefs: robustness', () => {
  it('shortens fragments quoted in messages', () => {
    const host = `${'a'.repeat(500)}.com`;
    const result = parseTaskRefs(`https://${host}/workflows/tasks/1 ${'1'.repeat(500)}x`);
    expect(result.rejected).toHaveLength(2);
    for (const rejection of result.rejected) {
      expect(rejection.message.length).toBeLessThanOrEqual(MAX_QUOTED_FRAGMENT + ' is not app.chamelio.ai'.length);
      expect(rejection.message).toContain('…');
    }
  });

  it('never cuts a surrogate pair in half and neutralises bidi overrides', () => {
    const quoted = quoteFragment(`${'a'.repeat(78)}😀😀`);
    expect(quoted.length).toBeLessThanOrEqual(MAX_QUOTED_FRAGMENT);
    expect(quoted.isWellFormed()).toBe(true);
    expect(quoteFragment('moc.live\u202E')).toBe('moc.live\uFFFD');
  });

  it('returns nothing for empty or non-string input instead of throwing', () => {
    expect(parseTaskRefs('')).toEqual({ ids: [], rejected: [] });
    expect(parseTaskRefs(untyped<string>(null))).toEqual({ ids: [], rejected: [] });
  });

  it('never accepts a link when the app host is unusable', () => {
    expect(parseTaskRefs(URL_1, '').ids).toEqual([]);
    expect(parseTaskRefs('javascript:alert(1)', '').ids).toEqual([]);
  });
});
