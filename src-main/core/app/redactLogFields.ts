import { maskApiKey, REDACTED } from '../chamelio/apiKey.ts';

const SECRET_FIELD = /key|secret|token|password|authorization|cipher/i;

/**
 * A log entry's fields as a logger may write them: a field whose name suggests a secret is dropped,
 * every string is masked (including strings nested in arrays and objects), so the key never
 * reaches a log. Every Logger (Electron's, the preview's) writes through this.
 */
export function redactLogFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  return redactRecord(fields, 0);
}

const MAX_DEPTH = 5;

function redactRecord(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) out[name] = SECRET_FIELD.test(name) ? REDACTED : redactValue(value, depth + 1);
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskApiKey(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return maskApiKey(value.message);
  return redactRecord(value as Record<string, unknown>, depth);
}
