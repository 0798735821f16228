/**
 * The bridge commands, composed from the engine and the shell. Typed as CommandHandlers, so a command
 * added to the contract without a handler here fails to compile. Everything a command decides about
 * tasks is the engine's; what is left here is what only the shell can do: the browser, the
 * clipboard, the window, the demo's simulator.
 */
import type { CommandHandlers } from '../contract/bridge.ts';
import type { ActionOutcome, DocumentRef } from '../contract/dto.ts';
import { triageHandlers, type TriageHandlers } from '../contract/triageHandlers.ts';
import type { TaskTriage } from '../core/app/TaskTriage.ts';
import { shortcutFailureMessage, type RebindResult } from './shortcut.ts';

/** The engine methods the bridge calls (AppService has them all). */
export type EngineCommands = Omit<
  CommandHandlers,
  'openTask' | 'openChamelio' | 'clipboardSuggestion' | 'startDemo' | 'hideWindow' | ActionCommand | keyof TriageHandlers
>;
type ActionCommand = 'getApproval' | 'decideApproval' | 'cancelTask' | 'getDocuments' | 'openDocument';

export interface EngineFacade extends EngineCommands {
  triage: TaskTriage;
  suggestPins(text: string): number[];
  linkFor(taskId: number): string;
  chamelioHomeUrl(): string;
  /** Approve, reject, cancel and documents (core/app/TaskActions.ts). */
  actions: Pick<CommandHandlers, Exclude<ActionCommand, 'openDocument'>> & {
    openDocumentWith(taskId: number, document: DocumentRef, open: (url: string) => unknown): Promise<ActionOutcome>;
  };
}

/** The global shortcut as registered now (ShortcutBinding). */
export interface ShortcutControl {
  readonly active: string;
  apply(wanted: string): RebindResult;
}

export interface ShellActions {
  /**
   * Opens the URL in the OS browser if it is allow-listed and refuses (and logs) any other:
   * electronAdapters.openInBrowser, the one place the allow-list is checked.
   */
  openInBrowser(url: string): Promise<unknown>;
  /** A document's presigned https link, fresh from the API (electronAdapters.openInBrowser with the document rule). */
  openDocumentInBrowser(url: string): Promise<unknown>;
  /** Electron 45's clipboard.readText() is asynchronous. */
  readClipboardText(): Promise<string>;
  /** Starts the built-in simulator and points the engine at it. */
  startDemo(): Promise<void>;
  hideWindow(): void;
  /** When present, a new shortcut is registered before the setting is saved, and refused if it fails. */
  shortcut?: ShortcutControl;
}

/** The clipboard may hold anything; only this much of it is looked at for task links. */
export const MAX_CLIPBOARD_SCAN = 20_000;

export function createCommandHandlers(engine: EngineFacade, shell: ShellActions): CommandHandlers {
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
    updateSettings: async (patch) => {
      const wanted = patch.shortcut;
      const shortcut = shell.shortcut;
      if (typeof wanted !== 'string' || !shortcut) return engine.updateSettings(patch);
      // Register first: the user hears at once that the keys are taken, and the old binding stays.
      const before = shortcut.active;
      const bound = shortcut.apply(wanted);
      if (!bound.ok) return { ok: false, field: 'shortcut', message: shortcutFailureMessage(wanted) };
      const result = await engine.updateSettings(patch);
      if (!result.ok) shortcut.apply(before);
      return result;
    },
    pauseNotifications: (until) => engine.pauseNotifications(until),
    openTask: async (taskId) => {
      await shell.openInBrowser(engine.linkFor(taskId));
    },
    openChamelio: async () => {
      await shell.openInBrowser(engine.chamelioHomeUrl());
    },
    clipboardSuggestion: async () => engine.suggestPins((await shell.readClipboardText()).slice(0, MAX_CLIPBOARD_SCAN)),
    startDemo: () => shell.startDemo(),
    hideWindow: () => shell.hideWindow(),
    getApproval: (taskId) => engine.actions.getApproval(taskId),
    decideApproval: (taskId, input) => engine.actions.decideApproval(taskId, input),
    cancelTask: (taskId) => engine.actions.cancelTask(taskId),
    getDocuments: (taskId) => engine.actions.getDocuments(taskId),
    openDocument: (taskId, document) => engine.actions.openDocumentWith(taskId, document, (url) => shell.openDocumentInBrowser(url)),
    ...triageHandlers(engine.triage),
  };
}
