/**
 * The simulated organisation's documents: a task's files (its file-type variables and what its
 * automated and review steps generated), the signed documents of its signature steps, and
 * presigned-looking links that expire. The links point at a reserved `.example` host: they look
 * like the real thing and can never reach anyone.
 */
import type { Task } from '../../core/chamelio/Task.ts';
import type { DownloadLink, SignedDocuments, TaskFile, TaskFiles } from '../../core/chamelio/TaskActionTypes.ts';
import { DEMO_WORKFLOWS } from './demoWorkflows.ts';
import { isoAt } from './demoTasks.ts';

/** The API lists at most this many of a task's files. */
const FILES_LISTED = 10;
/** How long a presigned link works. */
const LINK_TTL_MS = 15 * 60_000;
export const FILE_HOST = 'files.chamelio-sim.example';
const FILE_ID = /^(document|attachment)_\d{1,18}$/;

type Outcome<T> = { status: 200; body: T } | { status: number; body: { detail: string } };

export function presign(fileId: string, fileName: string, now: number): { download_url: string; expires_at: string } {
  let signature = 0x811c9dc5;
  for (const char of `${fileId}:${now}`) signature = Math.imul(signature ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const query = `X-Amz-Expires=${LINK_TTL_MS / 1000}&X-Amz-Date=${isoAt(now).replace(/[-:]/g, '')}&X-Amz-Signature=${signature.toString(16).padStart(8, '0')}`;
  return { download_url: `https://${FILE_HOST}/${fileId}/${encodeURIComponent(fileName)}?${query}`, expires_at: isoAt(now + LINK_TTL_MS) };
}

/** The files the task's variables hold, in the order they were collected. */
export function fileVariables(task: Task): { file_id: string; file_name: string; variable_id: string; step_id: string }[] {
  return task.variables.flatMap((v) => {
    const value = v.value as { file_id?: unknown; file_name?: unknown } | null;
    if (v.variable_type !== 'file' || typeof value?.file_id !== 'string') return [];
    return [{ file_id: value.file_id, file_name: String(value.file_name ?? value.file_id), variable_id: v.variable_id, step_id: v.step_id }];
  });
}

/** Steps that generate a document (agent steps, reviews) and the one they generated, once they ran. */
function generatedDocuments(task: Task): { file_id: string; file_name: string; step_id: string; step_name: string }[] {
  const steps = DEMO_WORKFLOWS[task.workflow_id]?.steps ?? [];
  return steps.flatMap((step, index) => {
    const ran = task.step_runs.some((r) => r.step_id === step.step_id && r.status !== 'initiated');
    const generates = step.step_type === 'agent' || step.step_type === 'review' || step.step_type === 'signature';
    const done = step.step_type !== 'signature' || task.step_runs.some((r) => r.step_id === step.step_id && r.status === 'completed');
    if (!ran || !generates || !done) return [];
    const suffix = step.step_type === 'signature' ? 'signed' : step.step_id;
    return [{ file_id: `document_${task.task_id}${index}`, file_name: `${slug(task.task_title ?? `Task ${task.task_id}`)}_${suffix}.pdf`, step_id: step.step_id, step_name: step.step_name }];
  });
}

function allFiles(task: Task): TaskFile[] {
  const created = task.created_at;
  return [
    ...fileVariables(task).map((f) => ({ ...f, created_at: created })),
    ...generatedDocuments(task).map(({ file_id, file_name, step_id }) => ({ file_id, file_name, variable_id: null, created_at: task.updated_at, step_id })),
  ];
}

export function listFiles(task: Task): TaskFiles {
  const files = allFiles(task);
  return { task_id: task.task_id, files: files.slice(0, FILES_LISTED), total_files: files.length };
}

export function signedDocumentsOf(task: Task, now: number): SignedDocuments {
  const signatureSteps = new Set((DEMO_WORKFLOWS[task.workflow_id]?.steps ?? []).filter((s) => s.step_type === 'signature').map((s) => s.step_id));
  const documents = generatedDocuments(task)
    .filter((d) => signatureSteps.has(d.step_id))
    .map((d) => ({ ...d, ...presign(d.file_id, d.file_name, now) }));
  return { task_id: task.task_id, workflow_status: task.status, total: documents.length, documents };
}

export function stepDocumentOf(task: Task, stepId: string, now: number): Outcome<DownloadLink> {
  const known = (DEMO_WORKFLOWS[task.workflow_id]?.steps ?? []).some((s) => s.step_id === stepId);
  if (!known) return { status: 404, body: { detail: 'Document not found for step' } };
  const document = generatedDocuments(task).find((d) => d.step_id === stepId);
  if (!document) return { status: 501, body: { detail: 'Document not available for this step' } };
  return { status: 200, body: { file_name: document.file_name, ...presign(document.file_id, document.file_name, now) } };
}

export function fileLinkOf(tasks: Iterable<Task>, fileId: string, now: number): Outcome<DownloadLink> {
  if (!FILE_ID.test(fileId)) return { status: 400, body: { detail: `Invalid file ID format: ${fileId}` } };
  for (const task of tasks) {
    const file = allFiles(task).find((f) => f.file_id === fileId);
    if (file) return { status: 200, body: { file_id: fileId, file_name: file.file_name, content_type: contentType(file.file_name), ...presign(fileId, file.file_name, now) } };
  }
  return { status: 404, body: { detail: 'File not found' } };
}

export function contentType(fileName: string): string {
  if (/\.pdf$/i.test(fileName)) return 'application/pdf';
  if (/\.docx$/i.test(fileName)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (/\.xlsx$/i.test(fileName)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}

function slug(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60) || 'document';
}
