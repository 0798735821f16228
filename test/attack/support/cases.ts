import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Counts the attack suite's cases across vitest's workers: each file appends "area count" lines to
 * a file the global setup created, and the global teardown prints the total (one line).
 */
export function countCases(area: string, cases: number): void {
  const dir = process.env.CHAMELIO_ATTACK_COUNTS;
  if (dir) appendFileSync(join(dir, 'counts.txt'), `${area}\t${cases}\n`);
}

/** fast-check's fixed seed for the whole suite: a failure is replayed exactly. */
export const ATTACK_SEED = 20_261_201;
