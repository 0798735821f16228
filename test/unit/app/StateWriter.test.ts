import { describe, expect, it } from 'vitest';
import { emptyState } from '../../../src-main/core/app/loadPersistedState.ts';
import { SAVE_ATTEMPTS, StateWriter } from '../../../src-main/core/app/StateWriter.ts';
import { FakeClock } from '../../support/FakeClock.ts';
import { RecordingLogger } from '../../support/harness.ts';

describe('StateWriter when every save fails', () => {
  it('backs off, stops retrying on its own after SAVE_ATTEMPTS, says why, and tries again at the next change', async () => {
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    let attempts = 0;
    const persistence = { load: async () => null, save: async () => { attempts++; throw new Error('disk full'); } };
    const writer = new StateWriter({ clock, persistence, logger }, () => emptyState());
    writer.markDirty();
    await clock.advance(60 * 60_000);
    expect(attempts).toBe(SAVE_ATTEMPTS);
    expect(writer.problem).toMatch(/could not be saved \(Error: disk full\)/);
    expect(logger.lines.filter((l) => l.includes('"level":"error"'))).toHaveLength(1);
    writer.markDirty();
    await clock.advance(1000);
    expect(attempts).toBe(SAVE_ATTEMPTS + 1);
  });
});
