/**
 * The task as GET /tasks/{task_id} returns it (field names as the API spells them).
 * Nullability follows the documented field table; see ../shared/reference/chamelio-api.md.
 */

/** The seven statuses the API documents. A status outside this list is kept as text and treated as active. */
export const TASK_STATUSES = [
  'created',
  'pending',
  'in_progress',
  'completed',
  'cancelled',
  'failed',
  'archived',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A finished task rarely changes again, so the monitor polls it rarely. */
const TERMINAL_STATUSES: ReadonlySet<string> = new Set<TaskStatus>([
  'completed',
  'cancelled',
  'archived',
  'failed',
]);

export function isTerminalStatus(status: string): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** The fourteen variable types the API documents. */
export const VARIABLE_TYPES = [
  'text',
  'number',
  'boolean',
  'date',
  'email',
  'file',
  'select',
  'multi_select',
  'user_entity',
  'business',
  'dynamic_list',
  'dynamic_table',
  'number_with_currency',
  'conversation',
] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface TaskVariable {
  /** One of VARIABLE_TYPES, or a type the docs do not know yet (rendered as JSON). */
  variable_type: string;
  /** string, number, boolean, array, object or null, depending on the type. */
  value: unknown;
  step_id: string;
  variable_id: string;
}

export interface StepRun {
  step_run_id: string;
  step_id: string;
  step_name: string;
  step_type: string;
  /** initiated, pending, in_progress, completed, failed, rejected, cancelled (documented), or newer. */
  status: string;
  variables: TaskVariable[];
}

export interface Task {
  task_id: number;
  task_url: string | null;
  task_title: string | null;
  workflow_id: string;
  workflow_name: string | null;
  workflow_version: number;
  workflow_state_id: string;
  /** One of TASK_STATUSES, or a newer status the docs do not list. */
  status: string;
  current_step_id: string | null;
  current_step_name: string | null;
  current_step_type: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  owner_email: string | null;
  assignee_email: string | null;
  collaborator_emails: string[];
  step_runs: StepRun[];
  variables: TaskVariable[];
}

export interface LegalEntity {
  legal_entity_id: number;
  name: string;
  entity_type: string;
  jurisdiction: string;
}

/** GET /users/org-info */
export interface OrgInfo {
  org_name: string;
  rate_limit_per_minute: number;
  entities: LegalEntity[];
  api_key_id: number;
}
