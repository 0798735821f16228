/**
 * Response schemas for the two endpoints the app reads, written from the docs (see
 * ../shared/reference/chamelio-api.md and the GET /tasks/{task_id} field table in seeds/).
 *
 * Why hand-written: the answer is untrusted input that flows into notifications, the tray and
 * persisted state, so each documented field is checked and copied into a fresh object. Extra
 * fields are tolerated and dropped; a wrong type is rejected with the field's path. Unknown task
 * statuses and variable types are kept as text (the docs' lists are not promised to be complete).
 * The validators never throw, whatever they are given.
 */
import type { LegalEntity, OrgInfo, StepRun, Task, TaskVariable } from './Task.ts';
import { sameJson } from '../tasks/sameSnapshot.ts';
import { boundSnapshot, keptValue, MAX_FIELD_CHARS, MAX_VALUE_TEXT_CHARS, shortenText } from './taskLimits.ts';

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A variable's value is any JSON, kept as the API sent it. Deeper nesting than this is refused,
 * because later steps (persistence, IPC, rendering) walk values recursively.
 */
export const MAX_VALUE_DEPTH = 64;

/** Thrown inside this module only, and always caught by the exported functions. */
class SchemaError extends Error {
  /** The error of an array item read under ITEM, with the item's real path put in. */
  at(itemPath: string): SchemaError {
    return this.message.startsWith(ITEM) ? new SchemaError(itemPath + this.message.slice(ITEM.length)) : this;
  }
}

/**
 * The path an array item is read under: its real one ("task.step_runs[3]") is written only when
 * reading it fails, not for each of hundreds of variables that are fine.
 */
const ITEM = '\u0000item';

export type Json = Record<string, unknown>;

/** `sourceBytes`: the length of the answer's text, when it was read from one (taskLimits.ts, REWRITE_GROWTH). */
export function validateTask(json: unknown, sourceBytes?: number): Validation<Task> {
  return guarded(() => {
    const root = object(json, '(body)');
    const task = readTask(object(own(root, 'task'), 'task'), 'task');
    return boundSnapshot(task, () => [...task.variables, ...task.step_runs.flatMap((r) => r.variables)], sourceBytes);
  });
}

export function validateOrgInfo(json: unknown): Validation<OrgInfo> {
  return guarded(() => {
    const root = object(json, '(body)');
    return {
      org_name: string(root, 'org_name', ''),
      rate_limit_per_minute: integer(root, 'rate_limit_per_minute', '', 0),
      entities: array(root, 'entities', '', readEntity),
      api_key_id: integer(root, 'api_key_id', ''),
    };
  });
}

export function guarded<T>(read: () => T): Validation<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, message: error.message };
    // Not expected (the readers recurse only as deep as the documented shape), but never throw.
    return { ok: false, message: 'the response could not be checked' };
  }
}

/**
 * The API sends each variable twice, in its step run and in the task's own list. A task-level
 * variable whose documented fields equal the one read from its step run is that same object:
 * read once, kept once (the rest of its fields are dropped anyway).
 *
 * The task's list usually repeats the step runs' variables in their order, so the i-th one is
 * looked for first at the i-th place; only when that is another variable are they indexed by id.
 */
class SeenVariables {
  readonly #inOrder: TaskVariable[] = [];
  #byId: Map<string, TaskVariable> | null = null;

  add(variable: TaskVariable): void {
    this.#inOrder.push(variable);
  }

  /** The variable read from a step run, when the task list's `index`-th raw one would be read as the same. */
  before(raw: unknown, index: number): TaskVariable | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const v = raw as Json;
    const id = own(v, 'variable_id');
    if (typeof id !== 'string') return undefined;
    const known = this.#find(id, index);
    // Equal to what was kept (strings no longer than the limits, so shortening changes nothing).
    if (known === undefined || own(v, 'variable_type') !== known.variable_type || own(v, 'step_id') !== known.step_id) return undefined;
    return sameJson(own(v, 'value'), known.value) ? known : undefined;
  }

  #find(id: string, index: number): TaskVariable | undefined {
    const atPlace = this.#inOrder[index];
    if (atPlace?.variable_id === id) return atPlace;
    this.#byId ??= new Map(this.#inOrder.map((variable) => [variable.variable_id, variable]));
    return this.#byId.get(id);
  }
}

function readTask(t: Json, path: string): Task {
  const seen = new SeenVariables();
  return {
    task_id: integer(t, 'task_id', path),
    task_url: stringOrNull(t, 'task_url', path),
    task_title: stringOrNull(t, 'task_title', path),
    workflow_id: string(t, 'workflow_id', path),
    workflow_name: stringOrNull(t, 'workflow_name', path),
    workflow_version: integer(t, 'workflow_version', path),
    workflow_state_id: string(t, 'workflow_state_id', path),
    status: string(t, 'status', path),
    current_step_id: stringOrNull(t, 'current_step_id', path),
    current_step_name: stringOrNull(t, 'current_step_name', path),
    current_step_type: stringOrNull(t, 'current_step_type', path),
    created_at: string(t, 'created_at', path),
    updated_at: string(t, 'updated_at', path),
    completed_at: stringOrNull(t, 'completed_at', path),
    owner_email: stringOrNull(t, 'owner_email', path),
    assignee_email: stringOrNull(t, 'assignee_email', path),
    collaborator_emails: array(t, 'collaborator_emails', path, (item, itemPath) => {
      if (typeof item !== 'string') throw mismatch(itemPath, 'string', item);
      return shortenText(item, MAX_FIELD_CHARS);
    }),
    step_runs: array(t, 'step_runs', path, (item, itemPath) => readStepRun(item, itemPath, seen)),
    variables: array(t, 'variables', path, (item, itemPath, index) => seen.before(item, index) ?? readVariable(item, itemPath)),
  };
}

export function readStepRun(item: unknown, path: string, seen?: SeenVariables): StepRun {
  const r = object(item, path);
  return {
    step_run_id: string(r, 'step_run_id', path),
    step_id: string(r, 'step_id', path),
    step_name: string(r, 'step_name', path),
    step_type: string(r, 'step_type', path),
    status: string(r, 'status', path),
    variables: array(r, 'variables', path, (raw, itemPath) => {
      const variable = readVariable(raw, itemPath);
      seen?.add(variable);
      return variable;
    }),
  };
}

export function readVariable(item: unknown, path: string): TaskVariable {
  const v = object(item, path);
  // The docs type `value` as "any" and list null among its values, so an absent value reads as null.
  const value = Object.hasOwn(v, 'value') ? v['value'] : null;
  return {
    variable_type: string(v, 'variable_type', path),
    value: readValue(value, path),
    step_id: string(v, 'step_id', path),
    variable_id: string(v, 'variable_id', path),
  };
}

function readEntity(item: unknown, path: string): LegalEntity {
  const e = object(item, path);
  return {
    legal_entity_id: integer(e, 'legal_entity_id', path),
    name: string(e, 'name', path),
    entity_type: string(e, 'entity_type', path),
    jurisdiction: string(e, 'jurisdiction', path),
  };
}

// ── field readers (shared with validateActions.ts) ────────────────────────────────────────────────────────────────────────────

export function own(o: Json, key: string): unknown {
  // Own properties only: `toString` or `constructor` must not be found on the prototype.
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(path, 'object', value);
  return value as Json;
}

export function string(o: Json, key: string, path: string): string {
  const value = own(o, key);
  if (typeof value !== 'string') throw mismatch(join(path, key), 'string', value);
  return shortenText(value, MAX_FIELD_CHARS);
}

export function stringOrNull(o: Json, key: string, path: string): string | null {
  const value = own(o, key);
  if (value !== null && typeof value !== 'string') throw mismatch(join(path, key), 'string or null', value);
  return value === null ? null : shortenText(value, MAX_FIELD_CHARS);
}

export function integer(o: Json, key: string, path: string, min = Number.MIN_SAFE_INTEGER): number {
  const value = own(o, key);
  const expected = min === 0 ? 'non-negative integer' : 'integer';
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw mismatch(join(path, key), expected, value);
  }
  return value;
}

export function array<T>(o: Json, key: string, path: string, read: (item: unknown, itemPath: string, index: number) => T): T[] {
  const value = own(o, key);
  const arrayPath = join(path, key);
  if (!Array.isArray(value)) throw mismatch(arrayPath, 'array', value);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    try {
      out.push(read(value[i], ITEM, i));
    } catch (error) {
      throw error instanceof SchemaError ? error.at(`${arrayPath}[${i}]`) : error;
    }
  }
  return out;
}

/** Most values are one string or number, shortened here; the others are walked (taskLimits.ts). */
function readValue(value: unknown, path: string): unknown {
  if (typeof value === 'string') return shortenText(value, MAX_VALUE_TEXT_CHARS);
  if (typeof value !== 'object' || value === null) return value;
  const kept = keptValue(value, MAX_VALUE_DEPTH);
  if (!kept.ok) throw new SchemaError(`${join(path, 'value')}: nested deeper than ${MAX_VALUE_DEPTH} levels`);
  return kept.value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function mismatch(path: string, expected: string, value: unknown): SchemaError {
  if (value === undefined) return new SchemaError(`${path}: missing, expected ${expected}`);
  return new SchemaError(`${path}: expected ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'non-finite number';
    if (!Number.isInteger(value)) return 'non-integer number';
    if (!Number.isSafeInteger(value)) return 'number too large';
    return value < 0 ? 'negative number' : 'number';
  }
  return typeof value;
}
