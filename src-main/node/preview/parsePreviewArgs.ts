/**
 * The preview's command line: `[--demo | --api-base-url URL] [--port N] [--data-dir DIR]`.
 * The API key is never a flag (it would show in `ps` and shell history): it comes from the
 * CHAMELIO_API_KEY environment variable or the UI.
 */
import { parseArgs } from 'node:util';
import { parseApiBaseUrl } from '../../core/chamelio/parseApiBaseUrl.ts';

export interface PreviewOptions {
  demo: boolean;
  apiBaseUrl: string | null;
  port: number;
  dataDir: string | null;
  /** Test affordance: a clock tests can move forward (see testClock.ts). */
  testClock: boolean;
}

type ParsedPreviewArgs = { ok: true; options: PreviewOptions } | { ok: false; message: string };

const DEFAULT_PREVIEW_PORT = 5178;

export const PREVIEW_USAGE =
  'usage: npm run preview -- [--demo | --api-base-url URL] [--port N] [--data-dir DIR]\n' +
  '  The API key comes from the CHAMELIO_API_KEY environment variable or from the UI, never from a flag.';

export function parsePreviewArgs(argv: readonly string[]): ParsedPreviewArgs {
  let values: { demo?: boolean; 'api-base-url'?: string; port?: string; 'data-dir'?: string; 'test-clock'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        demo: { type: 'boolean' },
        'api-base-url': { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'test-clock': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const demo = values.demo === true;
  if (demo && values['api-base-url'] !== undefined) {
    return { ok: false, message: '--demo and --api-base-url exclude each other: the demo runs its own simulated API.' };
  }
  let apiBaseUrl: string | null = null;
  if (values['api-base-url'] !== undefined) {
    // The engine's own rule: https, or http only to this machine.
    const parsed = parseApiBaseUrl(values['api-base-url']);
    if (!parsed.ok) return { ok: false, message: `--api-base-url: ${parsed.message}` };
    apiBaseUrl = parsed.url;
  }
  let port = DEFAULT_PREVIEW_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) {
      return { ok: false, message: '--port is a number from 0 to 65535 (0 picks a free port).' };
    }
    port = Number(values.port);
  }
  const dataDir = values['data-dir'] === undefined ? null : values['data-dir'];
  if (dataDir === '') return { ok: false, message: '--data-dir needs a directory.' };
  return { ok: true, options: { demo, apiBaseUrl, port, dataDir, testClock: values['test-clock'] === true } };
}
