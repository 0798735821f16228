import type { Task } from '../chamelio/Task.ts';

/**
 * Whether two snapshots of a task hold the same data, compared in place instead of serialising
 * both (which costs more than parsing the answer did). The fields that change most come first, so
 * a real change is usually found at once; equal snapshots are walked to the end. Key order does not
 * matter, so a snapshot read back from disk equals the answer it was saved from.
 */
export function sameSnapshot(prev: Task, next: Task): boolean {
  return (
    prev.status === next.status &&
    prev.updated_at === next.updated_at &&
    prev.assignee_email === next.assignee_email &&
    prev.current_step_id === next.current_step_id &&
    sameJson(prev, next)
  );
}

/** Structural equality of JSON values (what the validator produces: no cycles, no undefined). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameJson(left[key], right[key])) return false;
  return true;
}
