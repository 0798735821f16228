/**
 * The hostile-input costs, measured (never asserted): parseTaskRefs on 1 MB of each shape that was
 * once quadratic or could be (target ≤ 50 ms each). The table-render figure is not here: bench may
 * not import the renderer (the layering table), so it belongs in bench/renderer.ts.
 *
 * `node bench/parser.ts` prints the numbers; bench/run.ts calls measureHostileInput().
 */
import { parseTaskRefs } from '../src-main/core/tasks/parseTaskRefs.ts';
import { fmtSpread, spread, type Spread } from './stats.ts';

const MB = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
/** Distinct task links (1, 2, 3…) joined by `sep`, about 1 MB. */
function taskLinks(sep: string): string {
  const links: string[] = [];
  for (let length = 0; length < MB; ) {
    const link = `https://app.chamelio.ai/workflows/tasks/${links.length + 1}`;
    links.push(link);
    length += link.length + sep.length;
  }
  return links.join(sep);
}

/** The shapes: the two quadratic ones of issue 13 first, then the ones the fuzzing tried hardest. */
const PARSER_SHAPES: Record<string, string> = {
  'a…a with 1 MB of dots': `a${'.'.repeat(MB)}a`,
  'a…a with 1 MB of ellipses': `a${'…'.repeat(MB)}a`,
  'commas in a query': `https://app.chamelio.ai/?${fill(',1')}`,
  'commas in a task link\'s query': `https://app.chamelio.ai/workflows/tasks/1?a=${','.repeat(MB)}`,
  'comma-separated task links': taskLinks(','),
  'glued foreign links': fill('https://evil.com/workflows/tasks/1,'),
  'host-like runs': fill('a.'),
  'scheme-like runs': fill('ab:'),
  'Markdown link openers': fill('[a]('),
  'unmatched brackets': `https://a.bc/${')'.repeat(MB)}`,
};

function time(run: () => void, runs = 7): Spread {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    ms.push(performance.now() - started);
  }
  return spread(ms);
}

interface HostileInputNumbers {
  parser: { shape: string; ms: Spread }[];
}

function measureHostileInput(): HostileInputNumbers {
  const parser = Object.entries(PARSER_SHAPES).map(([shape, text]) => ({ shape, ms: time(() => parseTaskRefs(text)) }));
  return { parser };
}

/** Prints the numbers beside their targets (bench/run.ts calls this after its own table). */
export function printHostileInput(): void {
  const numbers = measureHostileInput();
  console.log('\nHostile input (Node):');
  for (const { shape, ms } of numbers.parser) console.log(`  parseTaskRefs, 1 MB of ${shape}: ${fmtSpread(ms, 1)} ms, median (min–max) of ${ms.runs} (≤ 50 ms)`);
}

if (import.meta.main) printHostileInput();
