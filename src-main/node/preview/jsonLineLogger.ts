import type { Logger } from '../../core/app/ports.ts';
import { redactLogFields } from '../../core/app/redactLogFields.ts';
import { maskApiKey } from '../../core/chamelio/apiKey.ts';

/** The preview's Logger: one JSON object a line (to stderr in the CLI), key-shaped text masked. */
export function jsonLineLogger(write: (line: string) => void): Logger {
  const log = (level: string, message: string, fields?: Record<string, unknown>): void => {
    // The line's own level and message come last: a field of the same name never replaces them.
    write(`${JSON.stringify({ ...redactLogFields(fields), level, message: maskApiKey(message) })}\n`);
  };
  return {
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}
