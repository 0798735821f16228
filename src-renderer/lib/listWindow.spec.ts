import { describe, expect, it } from 'vitest';
import { summary } from '../testing/fixtures.ts';
import { HEADER_PX, layoutList, OVERSCAN_PX, ROW_PX, visibleRange } from './listWindow.ts';

const tasks = [
  summary(1, { group: 'needs-you' }),
  summary(2, { group: 'unseen' }),
  summary(3, { group: 'unseen' }),
  summary(4, { group: 'finished' }),
];

describe('the list’s lines', () => {
  it('a header per non-empty group, in the engine’s order, with its count', () => {
    const { lines } = layoutList(tasks);
    expect(lines.map((l) => (l.kind === 'header' ? `${l.label} ${l.count}` : l.task.id))).toEqual([
      'Needs you 1', 1, 'Changed 2', 2, 3, 'Finished 1', 4,
    ]);
  });

  it('rows keep their place among the options; offsets add fixed heights', () => {
    const layout = layoutList(tasks);
    expect(layout.lineOfTask).toEqual([1, 3, 4, 6]);
    expect(layout.offsets.at(-1)).toBe(3 * HEADER_PX + 4 * ROW_PX);
    expect(layout.lines[4]).toMatchObject({ kind: 'row', index: 2 });
  });

  it('nothing pinned, nothing to draw', () => {
    expect(visibleRange(layoutList([]), 0, 600)).toEqual({ start: 0, end: 0 });
  });
});

describe('the window', () => {
  const many = Array.from({ length: 5_000 }, (_, i) => summary(i + 1, { group: i < 10 ? 'needs-you' : 'active' }));
  const layout = layoutList(many);

  it('draws about a screenful plus the overscan, wherever the viewport is', () => {
    const most = Math.ceil((600 + 2 * OVERSCAN_PX) / ROW_PX) + 3;
    for (const top of [0, 50_000, layout.offsets.at(-1)! - 600]) {
      const { start, end } = visibleRange(layout, top, 600);
      expect(end - start).toBeLessThanOrEqual(most);
      expect(layout.offsets[start]).toBeLessThanOrEqual(Math.max(0, top - OVERSCAN_PX));
      expect(layout.offsets[end]).toBeGreaterThanOrEqual(Math.min(layout.offsets.at(-1)!, top + 600 + OVERSCAN_PX));
    }
  });

  it('the last line is drawn when the viewport reaches the end', () => {
    const { end } = visibleRange(layout, layout.offsets.at(-1)! - 600, 600);
    expect(end).toBe(layout.lines.length);
  });
});
