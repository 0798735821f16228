/**
 * Demo tasks for acting from the tray: a two-level approval waiting for you (with more files than
 * the API lists), and a completed NDA with a signed document. Built like the others in demoTasks.ts.
 */
import type { DemoSpec } from './demoTasks.ts';
import { DEMO_PEOPLE } from './demoWorkflows.ts';

const { you, sam, finance, maria } = DEMO_PEOPLE;

/** Twelve attachments: the files endpoint returns ten, the rest are only in Chamelio. */
const AGENCY_ATTACHMENTS = [
  'Brightline_Proposal.pdf',
  'Brightline_SOW_2027.docx',
  'Rate_Card.xlsx',
  ...Array.from({ length: 9 }, (_, i) => `Portfolio_Sample_${String(i + 1).padStart(2, '0')}.pdf`),
].map((name, i): [string, string, unknown] => ['file', `attachment_${i + 1}`, { file_id: `attachment_${7701 + i}`, file_name: name }]);

export function actionDemoSpecs(): DemoSpec[] {
  return [
    {
      id: 12355, title: 'Procurement - Brightline design agency retainer', workflow: 'procurement_approval',
      status: 'pending', at: 2, owner: sam, assignee: you, collaborators: [finance],
      createdHoursAgo: 26, updatedHoursAgo: 1,
      vars: {
        purchase_request: [
          ['text', 'description', 'Design agency retainer for the 2027 brand refresh'],
          ['business', 'supplier', 'Brightline Studio BV'],
          ['number_with_currency', 'amount', { amount: 84000, currency: 'EUR' }],
          ['date', 'start_date', '2027-02-01'],
          ...AGENCY_ATTACHMENTS,
        ],
        budget_check: [['boolean', 'within_budget', true]],
      },
    },
    {
      id: 12356, title: 'NDA - Stark Industries (mutual)', workflow: 'nda_request',
      status: 'completed', at: 0, owner: maria, assignee: null, collaborators: [sam],
      createdHoursAgo: 75, updatedHoursAgo: 6,
      vars: {
        nda_intake: [
          ['business', 'counterparty', 'Stark Industries'],
          ['select', 'nda_type', 'Mutual'],
          ['date', 'effective_date', '2026-11-20'],
        ],
        nda_generate: [['file', 'nda_draft', { file_id: 'document_90555', file_name: 'Stark_Mutual_NDA.docx' }]],
        nda_signature: [['user_entity', 'signed_by', you]],
      },
    },
  ];
}
