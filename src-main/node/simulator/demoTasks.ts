/**
 * Demo tasks for the simulated organisation: realistic legal and business work across several
 * workflows, covering all seven task statuses and all fourteen variable types. Times are relative
 * to `now`, so the demo always looks recent. Only `.example` addresses are used; task URLs point at
 * the Chamelio web app like real ones, so the "open in Chamelio" check applies to them.
 */
import type { StepRun, Task, TaskStatus, TaskVariable } from '../../core/chamelio/Task.ts';
import { CHAMELIO_APP_HOST } from '../../core/app/Settings.ts';
import { DEMO_PEOPLE, DEMO_WORKFLOWS } from './demoWorkflows.ts';
import { actionDemoSpecs } from './demoActionSpecs.ts';

export { DEMO_USER_EMAIL } from './demoWorkflows.ts';

const HOUR = 60 * 60 * 1000;

/** [variable_type, variable_id, value] */
type VariableSpec = [string, string, unknown];

export interface DemoSpec {
  id: number;
  title: string | null;
  workflow: string;
  status: TaskStatus;
  /** Index of the current step (ignored for completed and archived tasks: every step ran). */
  at: number;
  owner: string;
  assignee: string | null;
  collaborators: string[];
  createdHoursAgo: number;
  updatedHoursAgo: number;
  /** Variables collected, by step id. */
  vars: Record<string, VariableSpec[]>;
}

/** The status of the step run a task is sitting on, by task status. */
const CURRENT_RUN_STATUS: Record<TaskStatus, string> = {
  created: 'initiated',
  pending: 'pending',
  in_progress: 'in_progress',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'failed',
  archived: 'completed',
};

export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function taskUrl(taskId: number): string {
  return `https://${CHAMELIO_APP_HOST}/workflows/tasks/${taskId}`;
}

/** Fresh objects on every call: callers may change them freely. */
export function demoTasks(now: number): Task[] {
  return [...demoSpecs(now), ...actionDemoSpecs()].map((spec) => buildTask(spec, now));
}

function buildTask(spec: DemoSpec, now: number): Task {
  const workflow = DEMO_WORKFLOWS[spec.workflow];
  if (!workflow) throw new Error(`demo workflow ${spec.workflow} is not defined`);
  const finished = spec.status === 'completed' || spec.status === 'archived';
  const last = finished ? workflow.steps.length - 1 : spec.at;
  const stepRuns: StepRun[] = workflow.steps.slice(0, last + 1).map((step, index) => ({
    step_run_id: `sr_${spec.id}_${index + 1}`,
    step_id: step.step_id,
    step_name: step.step_name,
    step_type: step.step_type,
    status: index < last ? 'completed' : CURRENT_RUN_STATUS[spec.status],
    variables: (spec.vars[step.step_id] ?? []).map(
      ([variable_type, variable_id, value]): TaskVariable => ({
        variable_type,
        value: structuredClone(value),
        step_id: step.step_id,
        variable_id,
      }),
    ),
  }));
  const current = finished || spec.status === 'cancelled' ? null : (workflow.steps[spec.at] ?? null);
  const updatedAt = isoAt(now - spec.updatedHoursAgo * HOUR);
  return {
    task_id: spec.id,
    task_url: taskUrl(spec.id),
    task_title: spec.title,
    workflow_id: workflow.workflow_id,
    workflow_name: workflow.workflow_name,
    workflow_version: workflow.workflow_version,
    workflow_state_id: `ws_${spec.id.toString(36)}${workflow.workflow_version}`,
    status: spec.status,
    current_step_id: current?.step_id ?? null,
    current_step_name: current?.step_name ?? null,
    current_step_type: current?.step_type ?? null,
    created_at: isoAt(now - spec.createdHoursAgo * HOUR),
    updated_at: updatedAt,
    completed_at: finished ? updatedAt : null,
    owner_email: spec.owner,
    assignee_email: spec.assignee,
    collaborator_emails: [...spec.collaborators],
    step_runs: stepRuns,
    variables: stepRuns.flatMap((run) => run.variables.map((variable) => structuredClone(variable))),
  };
}

// A data table: one entry per demo task, each read on its own; splitting it would only scatter the demo.
// eslint-disable-next-line max-lines-per-function
function demoSpecs(now: number): DemoSpec[] {
  const { you, maria, dev, legalOps, finance, hr, procurement, sam } = DEMO_PEOPLE;
  const ago = (hours: number): string => isoAt(now - hours * HOUR);
  return [
    {
      id: 12345, title: 'Vendor Contract Review - Northwind Traders', workflow: 'vendor_contract_review',
      status: 'in_progress', at: 2, owner: maria, assignee: you,
      collaborators: [procurement, 'contracts@northwind.example'], createdHoursAgo: 74, updatedHoursAgo: 2,
      vars: {
        intake_step: [
          ['text', 'vendor_name', 'Northwind Traders'],
          ['business', 'counterparty', 'Northwind Traders Inc.'],
          ['file', 'contract_file', { file_id: 'document_88213', file_name: 'Northwind_MSA_v3.pdf' }],
          ['number_with_currency', 'contract_value', { amount: 150000, currency: 'USD' }],
          ['email', 'vendor_contact', 'contracts@northwind.example'],
        ],
        review_step: [
          ['multi_select', 'risk_flags', ['auto_renewal', 'uncapped_liability', 'unilateral_termination']],
          ['text', 'ai_summary', 'Three-year MSA with 60-day auto-renewal; liability cap missing in §9.2.'],
        ],
      },
    },
    {
      id: 12346, title: 'NDA - Globex Ltd (mutual)', workflow: 'nda_request',
      status: 'pending', at: 3, owner: sam, assignee: you, collaborators: [maria],
      createdHoursAgo: 30, updatedHoursAgo: 5,
      vars: {
        nda_intake: [
          ['business', 'counterparty', 'Globex Ltd'],
          ['select', 'nda_type', 'Mutual'],
          ['date', 'effective_date', '2026-12-01'],
          ['number', 'term_months', 24],
          ['boolean', 'includes_non_solicit', false],
        ],
        nda_generate: [['file', 'nda_draft', { file_id: 'document_90117', file_name: 'Globex_Mutual_NDA.docx' }]],
        nda_review: [['boolean', 'approved_as_drafted', true]],
      },
    },
    {
      id: 12347, title: 'Legal intake - Marketing claims in the spring campaign', workflow: 'legal_intake',
      status: 'created', at: 0, owner: sam, assignee: legalOps, collaborators: [],
      createdHoursAgo: 1, updatedHoursAgo: 1,
      vars: {
        request_step: [
          ['text', 'question', 'Can we say "fastest onboarding in the industry" in the spring campaign?'],
          ['user_entity', 'requester', sam],
          ['select', 'urgency', 'Normal'],
          ['conversation', 'intake_thread', [
            { author: sam, message: 'Campaign goes live on the 15th, copy attached in the brief.', sent_at: ago(1.2) },
            { author: legalOps, message: 'Thanks, we will triage today. Do we have benchmark data?', sent_at: ago(1.1) },
            { author: sam, message: 'Yes, the Q3 onboarding study. Will upload it.', sent_at: ago(1) },
          ]],
        ],
      },
    },
    {
      id: 12348, title: 'Procurement - Laptop refresh FY27 Q1', workflow: 'procurement_approval',
      status: 'completed', at: 0, owner: sam, assignee: null, collaborators: [finance],
      createdHoursAgo: 220, updatedHoursAgo: 50,
      vars: {
        purchase_request: [
          ['dynamic_table', 'line_items', [
            { item: '14" laptop, 32 GB', quantity: 25, unit_price: 1850 },
            { item: 'USB-C dock', quantity: 25, unit_price: 210 },
          ]],
          ['select', 'cost_center', 'IT-200 Workplace'],
          ['number_with_currency', 'total', { amount: 51500, currency: 'USD' }],
        ],
        budget_check: [['boolean', 'within_budget', true]],
        manager_approval: [['text', 'approver_comment', 'Approved: replaces the 2021 fleet.']],
        procurement_signoff: [['user_entity', 'approved_by', procurement]],
      },
    },
    {
      id: 12349, title: 'Employment Agreement - Senior Counsel (J. Rivera)', workflow: 'employment_agreement',
      status: 'in_progress', at: 2, owner: hr, assignee: hr, collaborators: [dev],
      createdHoursAgo: 52, updatedHoursAgo: 20,
      vars: {
        offer_details: [
          ['text', 'candidate_name', 'Jamie Rivera'],
          ['date', 'start_date', '2027-01-11'],
          ['number_with_currency', 'base_salary', { amount: 165000, currency: 'EUR' }],
          ['multi_select', 'benefits', ['health', 'pension', 'remote_stipend']],
          ['user_entity', 'hiring_manager', dev],
          ['select', 'location', 'Amsterdam'],
        ],
        draft_agreement: [
          ['file', 'agreement_draft', { file_id: 'document_90342', file_name: 'Rivera_Employment_Agreement_draft.docx' }],
        ],
      },
    },
    {
      id: 12350, title: 'Vendor Contract Review - Initech SaaS renewal', workflow: 'vendor_contract_review',
      status: 'failed', at: 1, owner: procurement, assignee: procurement, collaborators: [],
      createdHoursAgo: 28, updatedHoursAgo: 27,
      vars: {
        intake_step: [
          ['text', 'vendor_name', 'Initech'],
          ['file', 'contract_file', { file_id: 'document_87001', file_name: 'Initech_Renewal_scan.pdf' }],
          ['number_with_currency', 'contract_value', { amount: 42000, currency: 'GBP' }],
        ],
      },
    },
    {
      id: 12351, title: 'NDA - Umbrella Research', workflow: 'nda_request',
      status: 'cancelled', at: 1, owner: maria, assignee: null, collaborators: [],
      createdHoursAgo: 140, updatedHoursAgo: 120,
      vars: {
        nda_intake: [
          ['business', 'counterparty', 'Umbrella Research GmbH'],
          ['select', 'nda_type', 'One-way (we disclose)'],
          ['date', 'effective_date', '2026-11-15'],
        ],
      },
    },
    {
      id: 12352, title: 'Legal intake - Office lease renewal, Berlin', workflow: 'legal_intake',
      status: 'archived', at: 0, owner: legalOps, assignee: null, collaborators: [dev, finance],
      createdHoursAgo: 900, updatedHoursAgo: 700,
      vars: {
        request_step: [
          ['text', 'question', 'Review the renewal terms of the Berlin office lease before the notice date.'],
          ['user_entity', 'requester', finance],
        ],
        triage_step: [['dynamic_list', 'related_matters', ['LEASE-2019-004', 'LEASE-2022-011']]],
        resolution_step: [['text', 'outcome', 'Renewed for five years with a break option after year three.']],
      },
    },
    {
      id: 12353, title: 'DPA - Hooli Cloud Storage', workflow: 'dpa_review',
      status: 'pending', at: 2, owner: procurement, assignee: you, collaborators: [dev],
      createdHoursAgo: 46, updatedHoursAgo: 3,
      vars: {
        dpa_intake: [
          ['business', 'processor', 'Hooli Cloud Ltd'],
          ['file', 'dpa_document', { file_id: 'attachment_5521', file_name: 'Hooli_DPA_2026.pdf' }],
          ['dynamic_list', 'subprocessors', ['Hooli Storage EU', 'Pied Piper Compression', 'Raviga Analytics']],
        ],
        privacy_review: [
          ['select', 'transfer_mechanism', 'Standard Contractual Clauses'],
          ['dynamic_table', 'data_categories', [
            { category: 'Customer contact details', sensitivity: 'Personal', retention_days: 365 },
            { category: 'Support transcripts', sensitivity: 'Personal', retention_days: 90 },
          ]],
          ['conversation', 'review_notes', [
            { author: dev, message: 'Subprocessor list matches their trust page. SCCs module 2.', sent_at: ago(4) },
            { author: dev, message: 'Ready for DPO sign-off.', sent_at: ago(3) },
          ]],
        ],
      },
    },
    {
      id: 12354, title: null, workflow: 'procurement_approval',
      status: 'in_progress', at: 3, owner: you, assignee: procurement, collaborators: [],
      createdHoursAgo: 96, updatedHoursAgo: 8,
      vars: {
        purchase_request: [
          ['text', 'description', 'Outside counsel retainer: EU employment matters'],
          ['number_with_currency', 'amount', { amount: 60000, currency: 'EUR' }],
          ['business', 'supplier', 'Hamlin, Hamlin & McGill LLP'],
          ['email', 'billing_contact', 'billing@hhm-law.example'],
        ],
        budget_check: [
          ['boolean', 'within_budget', false],
          ['number', 'overage_percent', 12.5],
        ],
        manager_approval: [['text', 'approver_comment', 'Approved with a quarterly cap.']],
      },
    },
  ];
}
