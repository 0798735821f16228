/**
 * The workflows the simulated organisation runs: the order of their steps and who usually holds
 * each step. The demo tasks are built from them, and the evolver moves tasks along them.
 * Only `.example` addresses are used.
 */

import type { OrgInfo } from '../../core/chamelio/Task.ts';

export const DEMO_USER_EMAIL = 'you@acme-legal.example';

export const DEMO_PEOPLE = {
  you: DEMO_USER_EMAIL,
  maria: 'maria.lopez@acme-legal.example',
  dev: 'dev.patel@acme-legal.example',
  legalOps: 'legal-ops@acme-legal.example',
  finance: 'finance@acme-legal.example',
  hr: 'hr@acme-legal.example',
  procurement: 'procurement@acme-legal.example',
  sam: 'sam.okafor@acme-legal.example',
} as const;

/** Everyone a task may be reassigned to. */
export const DEMO_ASSIGNEES: readonly string[] = Object.values(DEMO_PEOPLE);

export interface DemoStep {
  step_id: string;
  step_name: string;
  step_type: string;
  /** Who usually holds this step; null for automated steps. */
  assignee: string | null;
  /** An approval several people may decide: who else may approve it (approval-details lists them too). */
  alsoApprovedBy?: readonly string[];
}

interface DemoWorkflow {
  workflow_id: string;
  workflow_name: string;
  workflow_version: number;
  steps: readonly DemoStep[];
}

const step = (step_id: string, step_name: string, step_type: string, assignee: string | null, alsoApprovedBy?: readonly string[]): DemoStep => ({
  step_id,
  step_name,
  step_type,
  assignee,
  ...(alsoApprovedBy ? { alsoApprovedBy } : {}),
});

const { you, maria, dev, legalOps, finance, hr, procurement, sam } = DEMO_PEOPLE;

export const DEMO_WORKFLOWS: Readonly<Record<string, DemoWorkflow>> = {
  vendor_contract_review: {
    workflow_id: 'vendor_contract_review',
    workflow_name: 'Vendor Contract Review',
    workflow_version: 3,
    steps: [
      step('intake_step', 'Document Intake', 'intake', procurement),
      step('review_step', 'AI Review', 'review', null),
      step('legal_review', 'Legal Review', 'review', you),
      step('finance_approval', 'Finance Approval', 'approval', finance),
      step('signature_step', 'Signature', 'signature', maria),
    ],
  },
  nda_request: {
    workflow_id: 'nda_request',
    workflow_name: 'NDA Request',
    workflow_version: 2,
    steps: [
      step('nda_intake', 'NDA Request Intake', 'intake', sam),
      step('nda_generate', 'Generate NDA', 'agent', null),
      step('nda_review', 'Counsel Review', 'review', maria),
      step('nda_signature', 'Countersignature', 'signature', you),
    ],
  },
  legal_intake: {
    workflow_id: 'legal_intake',
    workflow_name: 'Legal Intake',
    workflow_version: 5,
    steps: [
      step('request_step', 'Request Submitted', 'intake', legalOps),
      step('triage_step', 'Triage', 'review', legalOps),
      step('counsel_step', 'Counsel Assigned', 'review', dev),
      step('resolution_step', 'Resolution', 'approval', maria),
    ],
  },
  procurement_approval: {
    workflow_id: 'procurement_approval',
    workflow_name: 'Procurement Approval',
    workflow_version: 1,
    steps: [
      step('purchase_request', 'Purchase Request', 'intake', sam),
      step('budget_check', 'Budget Check', 'agent', null),
      step('manager_approval', 'Manager Approval', 'approval', you),
      step('procurement_signoff', 'Procurement Sign-off', 'approval', procurement),
    ],
  },
  employment_agreement: {
    workflow_id: 'employment_agreement',
    workflow_name: 'Employment Agreement',
    workflow_version: 4,
    steps: [
      step('offer_details', 'Offer Details', 'intake', hr),
      step('draft_agreement', 'Draft Agreement', 'agent', null),
      step('hr_review', 'HR Review', 'review', hr),
      step('counsel_approval', 'Counsel Approval', 'approval', dev),
      step('candidate_signature', 'Candidate Signature', 'signature', hr),
    ],
  },
  dpa_review: {
    workflow_id: 'dpa_review',
    workflow_name: 'Data Processing Agreement Review',
    workflow_version: 2,
    steps: [
      step('dpa_intake', 'DPA Intake', 'intake', procurement),
      step('privacy_review', 'Privacy Review', 'review', dev),
      step('dpo_approval', 'DPO Approval', 'approval', you),
    ],
  },
  /** Approvals held by one person that others may decide too: the assignee is not the only approver. */
  board_resolution: {
    workflow_id: 'board_resolution',
    workflow_name: 'Board Resolution',
    workflow_version: 1,
    steps: [
      step('resolution_draft', 'Resolution Draft', 'intake', legalOps),
      step('board_approval', 'Board Approval', 'approval', sam, [you, maria]),
      step('chair_approval', 'Chair Approval', 'approval', maria, [you]),
      step('minute_filing', 'Minute Filing', 'agent', null),
    ],
  },
};

/** GET /users/org-info of the simulated organisation. */
export function simulatedOrgInfo(orgName: string, rateLimitPerMinute: number, apiKeyId: number): OrgInfo {
  return {
    org_name: orgName,
    rate_limit_per_minute: rateLimitPerMinute,
    entities: [
      { legal_entity_id: 1, name: 'Acme Inc.', entity_type: 'corporation', jurisdiction: 'Delaware' },
      { legal_entity_id: 2, name: 'Acme Ltd.', entity_type: 'limited_company', jurisdiction: 'United Kingdom' },
    ],
    api_key_id: apiKeyId,
  };
}
