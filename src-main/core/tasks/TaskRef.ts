/** Why a fragment of pasted text was not taken as a task. */
export type RejectReason =
  /** A URL on another host than the Chamelio app (lookalikes included). */
  | 'foreign-host'
  /** A URL on the Chamelio host, but not a task's page. */
  | 'not-a-task-url'
  /** Not a positive safe integer: zero, negative, decimal, too large, letters. */
  | 'invalid-id'
  /** Taking these would pass MAX_PINS: the whole paste is refused, nothing half-pinned. */
  | 'too-many-pins';

export interface RejectedRef {
  fragment: string;
  reason: RejectReason;
  /** A sentence for the user, e.g. "evil.com is not app.chamelio.ai". */
  message: string;
}

export interface ParsedTaskRefs {
  /** Task ids in the order they first appear, duplicates folded. */
  ids: number[];
  rejected: RejectedRef[];
}
