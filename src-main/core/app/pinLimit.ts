import type { RejectedRef } from '../tasks/TaskRef.ts';
import { MAX_PINS } from './PinList.ts';

const count = new Intl.NumberFormat('en');

/**
 * A paste that would take the list past MAX_PINS is refused whole, with the reason: nothing is
 * half-pinned, and the ids stay in the box (as the fragment) for the user to trim.
 */
export function refusedPastPinLimit(newIds: readonly number[], room: number): RejectedRef | null {
  if (newIds.length <= room) return null;
  const total = MAX_PINS - room + newIds.length;
  return {
    fragment: newIds.join(' '),
    reason: 'too-many-pins',
    message:
      `Not pinned: ${count.format(newIds.length)} new tasks would make ${count.format(total)} pinned, and the limit is ` +
      `${count.format(MAX_PINS)}. Unpin some first, or pin at most ${count.format(room)}.`,
  };
}
