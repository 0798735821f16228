import { isTerminalStatus } from '../chamelio/Task.ts';
import type { TaskGroup } from './AppSnapshot.ts';
import type { LivePin } from './LivePin.ts';

/** Display order of the groups: needs you, unseen, running, snoozed, finished. */
export const GROUP_ORDER: Record<TaskGroup, number> = { 'needs-you': 0, unseen: 1, active: 2, snoozed: 3, finished: 4 };

/** Where a task sits in the list: needing you (see EligibleApprovers' needsYou) and not finished first, finished last. */
export function taskGroup(pin: LivePin, needsYou: boolean): TaskGroup {
  const finished = pin.snapshot !== null && isTerminalStatus(pin.snapshot.status);
  if (pin.snooze) return 'snoozed'; // the user asked it to wait, wherever it would be
  if (needsYou && !finished) return 'needs-you';
  if (pin.unseen) return 'unseen';
  return finished ? 'finished' : 'active';
}
