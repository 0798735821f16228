/** The triage commands pass straight through to the engine's TaskTriage, the same in both transports. */
import type { TaskTriage } from '../core/app/TaskTriage.ts';
import type { CommandHandlers } from './bridge.ts';

export type TriageHandlers = Pick<CommandHandlers, 'snooze' | 'unsnooze' | 'setNotificationLevel' | 'unpinFinished' | 'copyPinnedLinks' | 'sendTestNotification'>;

export function triageHandlers(triage: TaskTriage): TriageHandlers {
  return {
    snooze: (taskId, choice) => triage.snooze(taskId, choice),
    unsnooze: (taskId) => triage.unsnooze(taskId),
    setNotificationLevel: (taskId, level) => triage.setNotificationLevel(taskId, level),
    unpinFinished: () => triage.unpinFinished(),
    copyPinnedLinks: () => triage.copyPinnedLinks(),
    sendTestNotification: () => triage.sendTestNotification(),
  };
}
