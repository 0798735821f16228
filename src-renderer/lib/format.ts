/** Text for times, statuses and people. Locale-aware through Intl; no markup is ever produced. */
import type { BuildInfo, ConnectionState, TaskProblem } from '../../src-main/contract/dto.ts';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday", "now". */
export function relativeTime(at: number, now: number): string {
  const delta = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms) return relative.format(Math.round(delta / ms), unit);
  }
  return relative.format(0, 'second');
}

export function exactTime(at: number): string {
  return exact.format(at);
}

export function clockTime(at: number): string {
  return clock.format(at);
}

/** Settings' quiet line: "Chamelio Tray 0.1.0 · checked for updates 10:42". */
export function buildLine(build: BuildInfo): string {
  const updates = build.updates;
  const about =
    updates.kind === 'off' ? 'updates are not checked in this build'
    : updates.kind === 'not-yet' ? 'not checked for updates yet'
    : updates.kind === 'checked' ? `checked for updates ${clockTime(updates.at)}`
    : `the update check at ${clockTime(updates.at)} failed: ${updates.problem}`;
  return `Chamelio Tray ${build.version} · ${about}`;
}

/** ms since epoch, or null for a missing or unreadable timestamp. */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

export type Tone = 'neutral' | 'active' | 'waiting' | 'success' | 'danger' | 'muted';

const TONES: Record<string, Tone> = {
  created: 'neutral',
  initiated: 'neutral',
  pending: 'waiting',
  in_progress: 'active',
  completed: 'success',
  cancelled: 'muted',
  archived: 'muted',
  failed: 'danger',
  rejected: 'danger',
};

export function statusTone(status: string): Tone {
  return TONES[status] ?? 'neutral';
}

/**
 * The badge of a task: its status in the engine's words (`label`), unless the engine cannot read the
 * task any more — then the last status it saw is stale, and the badge says what is wrong instead.
 */
export function taskBadge(status: string | null, label: string | null, problem: TaskProblem | null): { text: string; tone: Tone } {
  if (problem) return { text: problem.kind === 'unavailable' ? 'Unavailable' : 'Error', tone: 'danger' };
  return status && label ? { text: label, tone: statusTone(status) } : { text: 'Loading…', tone: 'neutral' };
}

/** The header's words for the connection, with the API's own reason for a key problem. */
export function connectionText(connection: ConnectionState, now: number): string {
  switch (connection.kind) {
    case 'no-key':
      return 'No API key';
    case 'checking':
      return 'Checking…';
    case 'ok':
      return 'Connected';
    case 'offline':
      return `Offline: ${connection.message}`;
    case 'degraded':
      return `Server trouble: ${connection.message}`;
    case 'rate-limited':
      return connection.until > now ? `Rate limited until ${clockTime(connection.until)}` : 'Rate limited';
    case 'key-problem':
      return `Key problem: ${connection.detail}`;
    case 'paused':
      return 'Paused';
    default:
      return unknownState(connection);
  }
}

/** Fails to compile when the contract grows a connection state this file does not name. */
function unknownState(connection: never): string {
  return String((connection as { kind?: unknown }).kind ?? 'Unknown');
}
