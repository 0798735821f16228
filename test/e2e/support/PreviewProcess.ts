/**
 * The browser preview as a child process, the way a user runs it: its first stdout line is the
 * URL, every later line one JSON event (notification, open-external, hide-window).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = resolve(import.meta.dirname, '../../..');
const CLI = join(REPO, 'src-main/node/preview/cli.ts');

export interface PreviewEvent {
  event: string;
  [field: string]: unknown;
}

export interface NotificationLine extends PreviewEvent {
  event: 'notification';
  taskIds: number[];
  title: string;
  body: string;
}

export class PreviewProcess {
  readonly url: string;
  readonly dataDir: string;
  /** Every stdout line after the URL, as printed. */
  readonly lines: string[];
  readonly stderr: string[];
  readonly #child: ChildProcess;
  readonly #ownsDataDir: boolean;

  private constructor(child: ChildProcess, url: string, lines: string[], stderr: string[], dataDir: string, owns: boolean) {
    this.#child = child;
    this.url = url;
    this.lines = lines;
    this.stderr = stderr;
    this.dataDir = dataDir;
    this.#ownsDataDir = owns;
  }

  /**
   * Starts `node src-main/node/preview/cli.ts … --port 0 --data-dir <tmp>` and waits for its URL.
   * A given `dataDir` is the caller's (kept on stop); a given `port` lets a restart keep the page's URL.
   */
  static async start(
    args: string[],
    options: { env?: Record<string, string>; dataDir?: string; port?: number } = {},
  ): Promise<PreviewProcess> {
    const owns = options.dataDir === undefined;
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'chamelio-e2e-')));
    const env = { ...process.env, ...options.env };
    if (!options.env?.CHAMELIO_API_KEY) delete env.CHAMELIO_API_KEY;
    const child = spawn(process.execPath, [CLI, ...args, '--port', String(options.port ?? 0), '--data-dir', dataDir], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    const url = await new Promise<string>((resolveUrl, reject) => {
      let first = true;
      const timer = setTimeout(() => reject(new Error(`the preview printed no URL in 30 s\n${stderr.join('\n')}`)), 30_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the preview exited with ${code} before printing its URL\n${stderr.join('\n')}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (first) {
          first = false;
          clearTimeout(timer);
          resolveUrl(line);
        } else {
          lines.push(line);
        }
      });
    });
    return new PreviewProcess(child, url, lines, stderr, dataDir, owns);
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** The JSON lines, parsed; a line that is not JSON fails here, since the protocol promises JSON. */
  events(): PreviewEvent[] {
    return this.lines.map((line) => JSON.parse(line) as PreviewEvent);
  }

  notifications(): NotificationLine[] {
    return this.events().filter((e): e is NotificationLine => e.event === 'notification');
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      const exited = new Promise((r) => this.#child.once('exit', r));
      this.#child.kill('SIGTERM');
      await exited;
    }
    if (this.#ownsDataDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}
