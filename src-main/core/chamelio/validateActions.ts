/**
 * Response schemas for the approval, cancel and document endpoints, written from the docs
 * (../shared/reference/chamelio-api.md, sections 9–15), with the same rules as validate.ts: every
 * documented field is checked and copied, extra fields are dropped, a wrong type is refused with
 * the field's path. Fields the docs show only in an example (or whose row was cut off) may be
 * absent and then read as empty; when present, their type is still checked.
 */
import type {
  ApprovalDetails,
  ApprovalFile,
  ApproveResult,
  CancelResult,
  DownloadLink,
  SignedDocument,
  SignedDocuments,
  TaskFile,
  TaskFiles,
} from './TaskActionTypes.ts';
import {
  array,
  guarded,
  integer,
  mismatch,
  object,
  own,
  readStepRun,
  readVariable,
  string,
  stringOrNull,
  type Json,
  type Validation,
} from './validate.ts';

export function validateApprovalDetails(json: unknown): Validation<ApprovalDetails> {
  return guarded(() => {
    const root = object(json, '(body)');
    return {
      task_id: integer(root, 'task_id', ''),
      step_run: readStepRun(own(root, 'step_run'), 'step_run'),
      eligible_approvers_active: array(root, 'eligible_approvers_active', '', readEmail),
      next_eligible_approvers: optionalArray(root, 'next_eligible_approvers', readEmail),
      variables_to_approve: optionalArray(root, 'variables_to_approve', readVariable),
      files: optionalArray(root, 'files', readApprovalFile),
    };
  });
}

export function validateApproveResult(json: unknown): Validation<ApproveResult> {
  return guarded(() => {
    const root = object(json, '(body)');
    return {
      task_id: integer(root, 'task_id', ''),
      status: string(root, 'status', ''),
      approved: boolean(root, 'approved', ''),
      message: string(root, 'message', ''),
    };
  });
}

export function validateCancelResult(json: unknown): Validation<CancelResult> {
  return guarded(() => {
    const root = object(json, '(body)');
    return { task_id: integer(root, 'task_id', ''), status: string(root, 'status', ''), message: string(root, 'message', '') };
  });
}

export function validateTaskFiles(json: unknown): Validation<TaskFiles> {
  return guarded(() => {
    const root = object(json, '(body)');
    return {
      task_id: integer(root, 'task_id', ''),
      files: array(root, 'files', '', readTaskFile),
      total_files: integer(root, 'total_files', '', 0),
    };
  });
}

export function validateSignedDocuments(json: unknown): Validation<SignedDocuments> {
  return guarded(() => {
    const root = object(json, '(body)');
    return {
      task_id: integer(root, 'task_id', ''),
      workflow_status: string(root, 'workflow_status', ''),
      total: integer(root, 'total', '', 0),
      documents: array(root, 'documents', '', readSignedDocument),
    };
  });
}

/** A step document's link; the file endpoint's answer adds file_id and content_type. */
export function validateDownloadLink(json: unknown): Validation<DownloadLink> {
  return guarded(() => {
    const root = object(json, '(body)');
    const link: DownloadLink = {
      download_url: string(root, 'download_url', ''),
      file_name: string(root, 'file_name', ''),
      expires_at: string(root, 'expires_at', ''),
    };
    if (own(root, 'file_id') !== undefined) link.file_id = string(root, 'file_id', '');
    if (own(root, 'content_type') !== undefined) link.content_type = string(root, 'content_type', '');
    return link;
  });
}

function readApprovalFile(item: unknown, path: string): ApprovalFile {
  const f = object(item, path);
  return {
    file_id: string(f, 'file_id', path),
    file_name: string(f, 'file_name', path),
    content_type: own(f, 'content_type') === undefined ? null : stringOrNull(f, 'content_type', path),
    download_url: string(f, 'download_url', path),
    expires_at: string(f, 'expires_at', path),
    variable_id: own(f, 'variable_id') === undefined ? null : stringOrNull(f, 'variable_id', path),
  };
}

function readTaskFile(item: unknown, path: string): TaskFile {
  const f = object(item, path);
  return {
    file_id: string(f, 'file_id', path),
    file_name: string(f, 'file_name', path),
    variable_id: stringOrNull(f, 'variable_id', path),
    created_at: string(f, 'created_at', path),
    step_id: string(f, 'step_id', path),
  };
}

function readSignedDocument(item: unknown, path: string): SignedDocument {
  const d = object(item, path);
  return {
    file_id: string(d, 'file_id', path),
    file_name: string(d, 'file_name', path),
    step_id: string(d, 'step_id', path),
    step_name: string(d, 'step_name', path),
    download_url: string(d, 'download_url', path),
    expires_at: string(d, 'expires_at', path),
  };
}

function readEmail(item: unknown, path: string): string {
  if (typeof item !== 'string') throw mismatch(path, 'string', item);
  return item;
}

function boolean(o: Json, key: string, path: string): boolean {
  const value = own(o, key);
  if (typeof value !== 'boolean') throw mismatch(path === '' ? key : `${path}.${key}`, 'boolean', value);
  return value;
}

/** A field known only from an example: absent reads as empty, present must be an array of the shape. */
function optionalArray<T>(o: Json, key: string, read: (item: unknown, itemPath: string) => T): T[] {
  return own(o, key) === undefined ? [] : array(o, key, '', read);
}
