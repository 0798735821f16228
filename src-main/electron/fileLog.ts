/**
 * The log file a user can send: electron-log's file transport (electron-log/node, the same library
 * without its renderer IPC, which this app has no use for and which would open a channel to every
 * page), in the platform's log folder (`app.getPath('logs')`: ~/Library/Logs/Chamelio Tray on
 * macOS, <userData>/logs on Windows and Linux), one file rotated at 1 MiB (the previous one is kept
 * as main.old.log). Every line goes through the core's one key mask: our Logger masks the message
 * and redacts the fields (runtime.ts), and a hook masks whatever else reaches electron-log.
 */
import path from 'node:path';
import log from 'electron-log/node';
import type { Logger } from '../core/app/ports.ts';
import { redactLogFields } from '../core/app/redactLogFields.ts';
import { maskApiKey } from '../core/chamelio/apiKey.ts';
import { consoleLogger } from './runtime.ts';

const LOG_FILE_NAME = 'main.log';
const MAX_LOG_BYTES = 1024 * 1024;

function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskApiKey(value);
  if (value instanceof Error) return maskApiKey(value.message);
  if (typeof value === 'object' && value !== null) return redactLogFields(value as Record<string, unknown>);
  return value;
}

interface FileLog {
  logger: Logger;
  file: string;
  folder: string;
}

/** `level`: 'info' writes info, warnings and errors; the console gets warnings and errors only. */
export function openFileLog(folder: string, level: 'info' | 'warn' = 'info'): FileLog {
  const file = path.join(folder, LOG_FILE_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.file.level = level;
  log.transports.console.level = 'warn';
  log.hooks.push((message) => ({ ...message, data: message.data.map(masked) }));
  return { logger: consoleLogger(log), file, folder };
}
