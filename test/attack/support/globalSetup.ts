import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Vitest global setup: a place for the attack files to count their cases, and the total at the end. */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'chamelio-attack-'));
  process.env.CHAMELIO_ATTACK_COUNTS = dir;
  return () => {
    let text = '';
    try {
      text = readFileSync(join(dir, 'counts.txt'), 'utf8');
    } catch {
      // No attack file ran (a filtered run).
    }
    rmSync(dir, { recursive: true, force: true });
    const byArea = new Map<string, number>();
    for (const line of text.split('\n').filter(Boolean)) {
      const [area = '', n = '0'] = line.split('\t');
      byArea.set(area, (byArea.get(area) ?? 0) + Number(n));
    }
    if (byArea.size === 0) return;
    const total = [...byArea.values()].reduce((a, b) => a + b, 0);
    const parts = [...byArea].map(([area, n]) => `${area} ${n}`).join(', ');
    console.log(`attack suite: ${total} cases (${parts})`);
  };
}
