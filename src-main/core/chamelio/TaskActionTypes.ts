/**
 * What the approval, cancel and document endpoints return (field names as the API spells them).
 * Written from ../shared/reference/chamelio-api.md, sections 9–15; where the docs were cut off,
 * the shape follows their examples and says so.
 */
import type { StepRun, TaskVariable } from './Task.ts';

/** A presigned link that stops working at `expires_at`. Present only with include_files=true. */
export interface ApprovalFile {
  file_id: string;
  file_name: string;
  content_type: string | null;
  download_url: string;
  expires_at: string;
  variable_id: string | null;
}

/** GET /tasks/{id}/approval-details */
export interface ApprovalDetails {
  task_id: number;
  step_run: StepRun;
  /** Who can approve right now. */
  eligible_approvers_active: string[];
  /** Who approves at the next level (the row is cut off in the docs: inferred from the example). */
  next_eligible_approvers: string[];
  variables_to_approve: TaskVariable[];
  files: ApprovalFile[];
}

/** The body of POST /tasks/{id}/approve. */
export interface ApprovalDecision {
  approved: boolean;
  comment?: string;
  user_email?: string;
}

/** POST /tasks/{id}/approve */
export interface ApproveResult {
  task_id: number;
  status: string;
  approved: boolean;
  message: string;
}

/** POST /tasks/{id}/cancel */
export interface CancelResult {
  task_id: number;
  status: string;
  message: string;
}

/** One of GET /tasks/{id}/files (at most 10 come back). */
export interface TaskFile {
  file_id: string;
  file_name: string;
  /** null when a step generated the file. */
  variable_id: string | null;
  created_at: string;
  step_id: string;
}

export interface TaskFiles {
  task_id: number;
  files: TaskFile[];
  /** All files of the task; larger than files.length when some were not returned. */
  total_files: number;
}

export interface SignedDocument {
  file_id: string;
  file_name: string;
  step_id: string;
  step_name: string;
  download_url: string;
  expires_at: string;
}

/** GET /tasks/{id}/signed-documents */
export interface SignedDocuments {
  task_id: number;
  workflow_status: string;
  total: number;
  documents: SignedDocument[];
}

/** GET /tasks/{id}/steps/{step_id}/document and GET /files/{file_id}: a fresh presigned URL. */
export interface DownloadLink {
  download_url: string;
  file_name: string;
  expires_at: string;
  /** GET /files/{file_id} only. */
  file_id?: string;
  content_type?: string;
}
