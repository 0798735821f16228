import { describe, expect, it } from 'vitest';
import { truncate } from '../../../src-main/core/base/truncate.ts';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Vendor review', 13)).toBe('Vendor review');
  });

  it('cuts longer text to the limit, ending in an ellipsis', () => {
    expect(truncate('Vendor review', 8)).toBe('Vendor …');
    expect(truncate('Vendor review', 8)).toHaveLength(8);
  });

  it('never leaves half an emoji at the cut', () => {
    const cut = truncate(`${'a'.repeat(6)}😀😀`, 8);
    expect(cut).toBe('aaaaaa…');
    expect(cut.isWellFormed()).toBe(true);
  });
});
