/**
 * The user's wall clock, for rules that speak in local time ("tomorrow 09:00", quiet hours on
 * weekdays). The time zone is injected (an IANA name such as "Europe/Berlin"), so the rules give
 * the same answer on every machine and the tests are deterministic.
 */

interface LocalMoment {
  year: number;
  /** 1 – 12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The machine's own zone: the default when none is injected. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** An unknown zone name falls back to UTC rather than throwing in the middle of a rule. */
function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What the wall clock in `timeZone` shows at `at` (ms since epoch). */
export function localMoment(at: number, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  for (const part of formatter(zone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** Minutes east of UTC that `timeZone` is at `at`. */
function offsetMinutes(at: number, timeZone: string): number {
  const m = localMoment(at, timeZone);
  const seconds = Math.floor((((at / 1000) % 60) + 60) % 60);
  const asUtc = Date.UTC(m.year, m.month - 1, m.day, m.hour, m.minute, seconds);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The instant the wall clock in `timeZone` shows the given date and time. Day overflow is allowed
 * (day 32 is the next month's first). In a spring-forward gap the later side is taken.
 */
export function atLocalTime(date: { year: number; month: number; day: number }, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  const second = guess - offsetMinutes(first, timeZone) * 60_000;
  return Math.max(first, second);
}
