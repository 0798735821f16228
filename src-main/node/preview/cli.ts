/**
 * `npm run preview -- [--demo | --api-base-url URL] [--port N] [--data-dir DIR]`
 *
 * The first line on stdout is the preview's URL; every later stdout line is one JSON event
 * (notification, open-external, hide-window). Logs go to stderr.
 */
import { parsePreviewArgs, PREVIEW_USAGE } from './parsePreviewArgs.ts';
import { startPreview } from './startPreview.ts';
import { jsonLineLogger } from './jsonLineLogger.ts';

const logger = jsonLineLogger((text) => process.stderr.write(text));

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
