import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { Persistence } from '../../core/app/ports.ts';
import type { PersistedState } from '../../core/app/PersistedState.ts';

/**
 * Persistence on one JSON file, for the browser preview, the tests and the benchmark (the Electron
 * app uses electron-store). Writes are atomic (a temporary file renamed over the old one, fsync'd),
 * so a crash mid-write leaves either the old state or the new one, never half of each.
 */
export class JsonFileStore implements Persistence {
  readonly filePath: string;
  /** Where a damaged file was moved on load, if one was. */
  setAside: string | null = null;
  /** Bytes written so far, for the benchmark. */
  bytesWritten = 0;
  writes = 0;

  constructor(filePath: string) {
    this.filePath = filePath;
  }

  async load(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A damaged file: kept aside for whoever wants to look, and the app starts afresh rather
      // than refusing to start or overwriting it with its first save.
      this.setAside = `${this.filePath}.damaged-${Date.now()}`;
      await rename(this.filePath, this.setAside);
      return null;
    }
  }

  async save(state: PersistedState): Promise<void> {
    const text = JSON.stringify(state);
    await writeFileAtomic(this.filePath, text, { mode: 0o600, fsync: true });
    this.bytesWritten += Buffer.byteLength(text);
    this.writes++;
  }
}
