/**
 * Work the shell starts and does not wait for (a tray click, an OS event, a settings effect) still
 * ends somewhere: a rejection is logged, never left unhandled.
 */
import type { Logger } from '../core/app/ports.ts';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function inBackground(what: string, work: Promise<unknown>, logger: Logger): void {
  work.catch((error: unknown) => logger.error(`${what} failed`, { error: errorText(error) }));
}
