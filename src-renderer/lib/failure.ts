/**
 * A failed command in plain words. Transports fail in their own jargon ("Failed to fetch",
 * "Error invoking remote method 'chamelio:pin'", "pin: internal error"); the user reads what could not
 * be done and whether the app's engine is answering at all.
 */
import type { CommandName } from '../../src-main/contract/bridge.ts';

export const ENGINE_NOT_ANSWERING = 'the app’s engine is not answering';
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
};

/** A command failure whose message is already fit to show. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
  /** True when nothing answered at all (the engine is gone), not when it answered with an error. */
  readonly unreachable: boolean;

  constructor(message: string, unreachable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.unreachable = unreachable;
  }
}

const isCommand = (name: string): name is CommandName => Object.hasOwn(ACTIONS, name);

/** "Could not unpin the task: the app's engine ran into a problem." */
export function commandFailed(name: string, detail = 'the app’s engine ran into a problem'): string {
  return `Could not ${isCommand(name) ? ACTIONS[name] : 'do that'}: ${detail}.`;
}

/** Words for any failure a command can throw, whichever transport it came through. */
export function describeFailure(error: unknown): string {
  if (error instanceof CommandFailure) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  // Electron: "Error invoking remote method 'chamelio:pin': Error: …"
  const remote = /Error invoking remote method '(?:chamelio:)?([\w]+)'/.exec(message);
  if (remote) return commandFailed(remote[1] ?? '');
  if (error instanceof TypeError && /fetch|network/i.test(message)) return `${ENGINE_DOWN}.`;
  return message || 'Something went wrong.';
}
