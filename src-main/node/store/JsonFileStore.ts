import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, lstat, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Persistence } from '../../core/app/ports.ts';
import type { PersistedState } from '../../core/app/PersistedState.ts';

/** The largest state file read or written (1,000 pins of bounded snapshots fit well inside). */
const MAX_STATE_FILE_BYTES = 128 * 1024 * 1024;
// Ours, and write-file-atomic's (`state.json.<digits>`), which wrote this file before.
const TEMP_SUFFIX = /^\.(?:tmp-[0-9a-f]{12}|\d{5,})$/;

/**
 * Persistence on one JSON file, for the browser preview, the tests and the benchmark (the Electron
 * app uses electron-store). Writes are atomic (a temporary file beside it, fsync'd, renamed over
 * the old one), so a crash mid-write leaves either the old state or the new one. The rename
 * replaces a symbolic link instead of writing through it; temporary files left by killed writes
 * are removed at start; a damaged file, or anything that is not a regular file (a FIFO would hang
 * the read), is moved aside and said so in `problem`.
 */
export class JsonFileStore implements Persistence {
  readonly filePath: string;
  /** Where a damaged file was moved on load, if one was. */
  setAside: string | null = null;
  /** What load() found wrong with the file, in plain words, or null. */
  problem: string | null = null;
  /** Bytes written so far, for the benchmark. */
  bytesWritten = 0;
  writes = 0;
  private readonly now: () => number;

  constructor(filePath: string, now: () => number = Date.now) {
    this.filePath = filePath;
    this.now = now;
  }

  async load(): Promise<unknown> {
    await this.removeLeftoverTemps();
    let info;
    try {
      info = await stat(this.filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (!info.isFile()) return this.moveAside('is not a regular file', 'not-a-file');
    if (info.size > MAX_STATE_FILE_BYTES) return this.moveAside(`is larger than ${MAX_STATE_FILE_BYTES} bytes`, 'too-large');
    const text = await readNonBlocking(this.filePath);
    let parsed: unknown;
    try {
      // A BOM is what some editors put first: the state is still the state.
      parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      return this.moveAside('could not be read (not JSON)', 'damaged');
    }
    // null, an array, a number or a string: JSON, but no state; kept, never overwritten unseen.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return this.moveAside(`holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`} instead of the app's state`, 'not-an-object');
    }
    return parsed;
  }

  /** A copy of the file as it is (same mode), for a state the engine read only in part; its name, or null. */
  async keepAside(label: string): Promise<string | null> {
    const aside = this.asidePath(label);
    try {
      await copyFile(this.filePath, aside, constants.COPYFILE_EXCL);
      return basename(aside);
    } catch {
      return null;
    }
  }

  async save(state: PersistedState): Promise<void> {
    const text = JSON.stringify(state);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_STATE_FILE_BYTES) throw new Error(`the state is larger than ${MAX_STATE_FILE_BYTES} bytes`);
    const temp = `${this.filePath}.tmp-${randomBytes(6).toString('hex')}`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // rename() replaces a link itself, never the file it points to.
      await rename(temp, this.filePath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    this.bytesWritten += bytes;
    this.writes++;
  }

  private async moveAside(what: string, label: string): Promise<null> {
    this.setAside = this.asidePath(label);
    await rename(this.filePath, this.setAside);
    this.problem = `The saved state ${what}; it was kept as ${basename(this.setAside)} and the app started afresh.`;
    return null;
  }

  private asidePath(label: string): string {
    return `${this.filePath}.${label}-${this.now()}`;
  }

  /** Temporary files of writes killed before their rename: never the state, only litter. */
  private async removeLeftoverTemps(): Promise<void> {
    const dir = dirname(this.filePath);
    const prefix = basename(this.filePath);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || !TEMP_SUFFIX.test(name.slice(prefix.length))) continue;
      const path = join(dir, name);
      if ((await lstat(path).catch(() => null))?.isFile()) await unlink(path).catch(() => undefined);
    }
  }
}

/** Opened non-blocking, so a file swapped for a FIFO after the check cannot hang the read. */
async function readNonBlocking(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
