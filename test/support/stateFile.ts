import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A directory of its own for each test, removed after it, with the path of a state.json in it
 * (not written): `take` gets both before each test.
 */
export function useTempStateFile(prefix: string, take: (dir: string, file: string) => void): void {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    take(dir, join(dir, 'state.json'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Starts the writer fixture (test/fixtures/storeWriter.ts), which saves `file` over and over, and
 * once it has saved at least once kills it with SIGKILL after `delayMs`: mid-write, most times.
 */
export function killMidWrite(file: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../fixtures/storeWriter.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${signal}`))));
  });
}
