/**
 * What the approval, cancel and document commands answer over the bridge. Built by TaskActions from
 * the API's answers; the messages are the API's own words where it gave some.
 */
import type { ActionError } from '../chamelio/ActionError.ts';
import type { TaskVariable } from '../chamelio/Task.ts';

export type ActionFailure = { ok: false; kind: ActionError['kind']; message: string };

/** A decision, a cancellation or an opened document: what happened, in words to show. */
export type ActionOutcome = { ok: true; message: string } | ActionFailure;

interface ApprovalView {
  taskId: number;
  stepName: string;
  /** Who can approve right now, and who comes next (emails). */
  approversNow: string[];
  approversNext: string[];
  /** True when the user is among those who can approve now (or the app does not know who the user is). */
  youCanApprove: boolean;
  values: TaskVariable[];
  files: { fileId: string; fileName: string }[];
}

export type ApprovalResult = { ok: true; approval: ApprovalView } | ActionFailure;

export interface ApprovalInput {
  approved: boolean;
  /** The comment, or for a rejection the reason (required then). */
  comment: string;
}

/** Which document to open: each is asked for a fresh link at the moment it is opened. */
export type DocumentRef = { source: 'file'; fileId: string } | { source: 'signed'; fileId: string } | { source: 'step'; stepId: string };

export interface DocumentsView {
  signed: { fileId: string; fileName: string; stepName: string }[];
  files: { fileId: string; fileName: string }[];
  /** Files the API did not list (it lists at most ten): they are only in Chamelio. */
  moreInChamelio: number;
  /** The current step's document: 'not-produced' after a 501. Null when the task is at no step. */
  step: { stepId: string; stepName: string; state: 'available' | 'not-produced' } | null;
  /** A part that could not be read, in words (the rest is still shown). */
  problems: string[];
}
