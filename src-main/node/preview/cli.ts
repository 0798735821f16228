/**
 * `npm run preview -- [--demo | --api-base-url URL] [--port N] [--data-dir DIR]`
 *
 * The first line on stdout is the preview's URL; every later stdout line is one JSON event
 * (notification, open-external, hide-window). Logs go to stderr.
 */
import { parsePreviewArgs, PREVIEW_USAGE } from './parsePreviewArgs.ts';
import { startPreview } from './startPreview.ts';
import type { Logger } from '../../core/app/ports.ts';

/** A Chamelio key that slipped into a log message is masked. */
const mask = (text: string): string => text.replace(/\bca_[A-Za-z0-9_\-=.]{4,}/g, 'ca_[redacted]');

const logger: Logger = {
  info: (message, fields) => log('info', message, fields),
  warn: (message, fields) => log('warn', message, fields),
  error: (message, fields) => log('error', message, fields),
};

function log(level: string, message: string, fields?: Record<string, unknown>): void {
  process.stderr.write(`${mask(JSON.stringify({ level, message, ...fields }))}\n`);
}

// Lines wait until the URL has been printed, so it is always the first.
let urlPrinted = false;
const waiting: string[] = [];
const line = (text: string): void => {
  if (urlPrinted) process.stdout.write(`${text}\n`);
  else waiting.push(text);
};

const parsed = parsePreviewArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n${PREVIEW_USAGE}\n`);
  process.exit(2);
}

const apiKey = process.env.CHAMELIO_API_KEY?.trim() || null;
delete process.env.CHAMELIO_API_KEY;

try {
  const preview = await startPreview(parsed.options, { line, logger }, apiKey);
  process.stdout.write(`${preview.url}\n`);
  urlPrinted = true;
  for (const text of waiting.splice(0)) process.stdout.write(`${text}\n`);
  logger.info('preview running', { url: preview.url, dataDir: preview.dataDir });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
