/**
 * The bridge commands that only call the engine, written once: both transports (Electron IPC in
 * electron/commandHandlers.ts, the preview's HTTP host in node/preview/startPreview.ts) spread
 * these and add the commands only the shell can do (the browser, the clipboard, the window, the
 * demo's simulator, opening a document). A command added to the contract fails to compile until
 * it is in one or the other.
 */
import type { TaskTriage } from '../core/app/TaskTriage.ts';
import type { CommandHandlers } from './bridge.ts';
import { triageHandlers, type TriageHandlers } from './triageHandlers.ts';

/** Commands each transport answers itself. */
type ShellCommandName = 'openTask' | 'openChamelio' | 'clipboardSuggestion' | 'startDemo' | 'hideWindow' | 'openDocument';

/** Commands the engine answers through its task actions (core/app/TaskActions.ts). */
type ActionCommandName = 'getApproval' | 'decideApproval' | 'cancelTask' | 'getDocuments';

/** The engine methods the bridge calls (AppService has them all). */
export type EngineCommands = Omit<CommandHandlers, ShellCommandName | ActionCommandName | keyof TriageHandlers> & {
  actions: Pick<CommandHandlers, ActionCommandName>;
  /** Snooze, per-task levels, unpin finished, copy links, the test notification (core/app/TaskTriage.ts). */
  triage: TaskTriage;
};

export function engineCommandHandlers(engine: EngineCommands): Omit<CommandHandlers, ShellCommandName> {
  return {
    getState: () => engine.getState(),
    getTaskDetail: (taskId) => engine.getTaskDetail(taskId),
    pin: (text) => engine.pin(text),
    unpin: (taskId) => engine.unpin(taskId),
    undoUnpin: () => engine.undoUnpin(),
    markSeen: (taskId) => engine.markSeen(taskId),
    refresh: () => engine.refresh(),
    setApiKey: (key, allowWeak) => engine.setApiKey(key, allowWeak),
    clearApiKey: () => engine.clearApiKey(),
    updateSettings: (patch) => engine.updateSettings(patch),
    pauseNotifications: (until) => engine.pauseNotifications(until),
    getApproval: (taskId) => engine.actions.getApproval(taskId),
    decideApproval: (taskId, input) => engine.actions.decideApproval(taskId, input),
    cancelTask: (taskId) => engine.actions.cancelTask(taskId),
    getDocuments: (taskId) => engine.actions.getDocuments(taskId),
    ...triageHandlers(engine.triage),
  };
}
