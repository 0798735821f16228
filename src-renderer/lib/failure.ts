/**
 * A failed command, as a value with a kind. Transports fail in their own jargon ("Failed to fetch",
 * "Error invoking remote method 'chamelio:pin'", "pin: internal error"); each bridge turns that into a
 * `CommandFailure` at its edge — knowing which command it ran, never reading the jargon — and the
 * user reads what could not be done and whether the app's engine is answering at all.
 */
import type { Bridge, CommandName } from '../../src-main/contract/bridge.ts';

/**
 * - `engine-unreachable`: nothing answered (the preview's host is gone);
 * - `engine-refused`: the engine answered that the request was wrong (`detail` says how);
 * - `engine-error`: the engine answered with a failure of its own (Electron's IPC rejects this way).
 */
type FailureKind = 'engine-unreachable' | 'engine-refused' | 'engine-error';

const ENGINE_NOT_ANSWERING = 'the app’s engine is not answering';
/** The header's words while the engine does not answer. */
export const ENGINE_DOWN = 'The app’s engine is not answering';

const ACTIONS: Record<CommandName, string> = {
  getState: 'load the tasks',
  getTaskDetail: 'load the task’s details',
  pin: 'pin',
  unpin: 'unpin the task',
  undoUnpin: 'put the task back',
  markSeen: 'mark the task as seen',
  refresh: 'refresh',
  setApiKey: 'save the key',
  clearApiKey: 'clear the key',
  updateSettings: 'save the setting',
  pauseNotifications: 'change the notification pause',
  openTask: 'open the task',
  openChamelio: 'open Chamelio',
  clipboardSuggestion: 'read the clipboard',
  startDemo: 'start the demo',
  hideWindow: 'hide the popover',
  getApproval: 'load the approval',
  decideApproval: 'send the decision',
  cancelTask: 'cancel the task',
  getDocuments: 'load the documents',
  openDocument: 'open the document',
  snooze: 'snooze the task',
  unsnooze: 'unsnooze the task',
  setNotificationLevel: 'change the task’s notifications',
  unpinFinished: 'unpin the finished tasks',
  copyPinnedLinks: 'copy the links',
  sendTestNotification: 'send a test notification',
};

function reason(kind: FailureKind, detail: string | undefined): string {
  if (kind === 'engine-unreachable') return ENGINE_NOT_ANSWERING;
  if (kind === 'engine-refused' && detail) return `the app’s engine refused it (${detail})`;
  return 'the app’s engine ran into a problem';
}

/** A command that failed; its message is fit to show ("Could not unpin the task: …"). */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';

  readonly command: CommandName;
  readonly kind: FailureKind;
  /** What the engine said was wrong with a refused request. */
  readonly detail: string | undefined;

  constructor(command: CommandName, kind: FailureKind, detail?: string, options?: { cause?: unknown }) {
    const action = Object.hasOwn(ACTIONS, command) ? ACTIONS[command] : 'do that';
    super(`Could not ${action}: ${reason(kind, detail)}.`, options);
    this.command = command;
    this.kind = kind;
    this.detail = detail;
  }
}

/** Words for anything a command can throw; a failure that is not a CommandFailure is a bug, said plainly. */
export function describeFailure(error: unknown): string {
  return error instanceof CommandFailure ? error.message : 'Something went wrong.';
}

/**
 * The desktop bridge with failures as values: a rejected IPC call means the engine's handler threw,
 * so it becomes an `engine-error` of the command that was called. Electron's own error text is kept
 * only as the cause. A proxy over an empty object, so any bridge shape (the preload's frozen object,
 * a test's stand-in) is forwarded without touching it.
 */
export function withFailureKinds<B extends Partial<Bridge>>(bridge: B): B {
  return new Proxy({} as B, {
    get(_target, name: string) {
      const value: unknown = Reflect.get(bridge, name);
      if (typeof value !== 'function') return value;
      if (name === 'on') return value.bind(bridge);
      return (...args: unknown[]) =>
        Promise.resolve(Reflect.apply(value, bridge, args)).catch((error: unknown) => {
          throw error instanceof CommandFailure ? error : new CommandFailure(name as CommandName, 'engine-error', undefined, { cause: error });
        });
    },
  });
}
