/** Shape checks for the triage commands (issue 11); the engine checks their meaning. */
import { SNOOZE_CHOICE_KINDS } from '../core/app/snooze.ts';
import { isNotificationLevel } from '../core/notify/taskNotificationLevel.ts';
import type { Commands } from './bridge.ts';
import { arity, InvalidArgumentsError, isPlainObject, taskId, type Validator } from './commandArgs.ts';

type TriageCommand = 'snooze' | 'unsnooze' | 'setNotificationLevel' | 'unpinFinished' | 'copyPinnedLinks' | 'sendTestNotification';

const SNOOZE_KINDS: readonly string[] = SNOOZE_CHOICE_KINDS;

function snoozeChoice(value: unknown): Commands['snooze']['args'][1] {
  if (!isPlainObject(value) || typeof value.kind !== 'string' || !SNOOZE_KINDS.includes(value.kind)) {
    throw new InvalidArgumentsError('snooze: the choice is hour, tomorrow, next-monday, until or until-change');
  }
  if (value.kind !== 'until') return { kind: value.kind } as Commands['snooze']['args'][1];
  if (typeof value.at !== 'number' || !Number.isSafeInteger(value.at)) throw new InvalidArgumentsError('snooze: until needs a time in ms');
  return { kind: 'until', at: value.at };
}

const none =
  <K extends TriageCommand>(command: K): Validator<K> =>
  (args) => {
    arity(args, 0, command);
    return [] as Commands[K]['args'];
  };

export const TRIAGE_ARG_VALIDATORS: { [K in TriageCommand]: Validator<K> } = {
  snooze: (args) => {
    arity(args, 2, 'snooze');
    return [taskId(args[0], 'snooze'), snoozeChoice(args[1])];
  },
  unsnooze: (args) => {
    arity(args, 1, 'unsnooze');
    return [taskId(args[0], 'unsnooze')];
  },
  setNotificationLevel: (args) => {
    arity(args, 2, 'setNotificationLevel');
    const level = args[1];
    if (!isNotificationLevel(level)) {
      throw new InvalidArgumentsError('setNotificationLevel: the level is global, every, finished or never');
    }
    return [taskId(args[0], 'setNotificationLevel'), level];
  },
  unpinFinished: none('unpinFinished'),
  copyPinnedLinks: none('copyPinnedLinks'),
  sendTestNotification: none('sendTestNotification'),
};
