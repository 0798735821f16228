/** Clock and Logger for the Electron main process. */
import type { Clock, Logger } from '../core/app/ports.ts';

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const SECRET_FIELD = /key|secret|token|password|authorization|cipher/i;
/** Chamelio keys look like `ca_<base64url>`; one that slipped into a message is masked too. */
const KEY_PATTERN = /\bca_[A-Za-z0-9_-]{8,}/g;

export function redactText(text: string): string {
  return text.replace(KEY_PATTERN, 'ca_[redacted]');
}

/** Fields whose name suggests a secret are dropped; strings are masked. The key never reaches a log. */
export function redactFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(name)) out[name] = '[redacted]';
    else if (typeof value === 'string') out[name] = redactText(value);
    else out[name] = value;
  }
  return out;
}

export function consoleLogger(sink: Pick<Console, 'info' | 'warn' | 'error'> = console): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void => {
    const safe = redactFields(fields);
    const line = `[chamelio-tray] ${redactText(message)}`;
    if (safe) sink[level](line, safe);
    else sink[level](line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
