import { describe, expect, it } from 'vitest';
import { CommandFailure } from '../failure.ts';
import { ProblemStore } from './ProblemStore.svelte.ts';

describe('the problem line', () => {
  it('a failed command becomes its words; the next success clears them', async () => {
    const problems = new ProblemStore();
    expect(await problems.run(() => Promise.reject(new CommandFailure('refresh', 'engine-error')))).toBeUndefined();
    expect(problems.message).toBe('Could not refresh: the app’s engine ran into a problem.');
    expect(await problems.run(() => Promise.resolve(5))).toBe(5);
    expect(problems.message).toBeNull();
  });

  it('"not answering" goes when the engine is back; any other problem stays', async () => {
    const problems = new ProblemStore();
    await problems.run(() => Promise.reject(new CommandFailure('pin', 'engine-unreachable')));
    problems.engineBack();
    expect(problems.message).toBeNull();
    await problems.run(() => Promise.reject(new CommandFailure('pin', 'engine-refused', 'bad text')));
    problems.engineBack();
    expect(problems.message).toBe('Could not pin: the app’s engine refused it (bad text).');
  });

  it('attempt says whether a command worked', async () => {
    const problems = new ProblemStore();
    expect(await problems.attempt(() => Promise.resolve())).toBe(true);
    expect(await problems.attempt(() => Promise.reject(new CommandFailure('unpin', 'engine-error')))).toBe(false);
  });
});
