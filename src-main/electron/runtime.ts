/** The Logger for the Electron main process. */
import type { Logger } from '../core/app/ports.ts';
import { redactLogFields } from '../core/app/redactLogFields.ts';
import { maskApiKey } from '../core/chamelio/apiKey.ts';

export function consoleLogger(sink: Pick<Console, 'info' | 'warn' | 'error'> = console): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void => {
    const safe = redactLogFields(fields);
    const line = `[chamelio-tray] ${maskApiKey(message)}`;
    if (safe) sink[level](line, safe);
    else sink[level](line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
