/**
 * The bridge commands, composed from the engine and the shell. Typed as CommandHandlers, so a command
 * added to the contract without a handler here fails to compile. Everything a command decides about
 * tasks is the engine's; what is left here is what only the shell can do: the browser, the
 * clipboard, the window, the demo's simulator.
 */
import type { CommandHandlers } from '../contract/bridge.ts';
import type { ActionOutcome, DocumentRef } from '../contract/dto.ts';
import { engineCommandHandlers, type EngineCommands } from '../contract/engineCommands.ts';
import { shortcutFailureMessage, type RebindResult } from './shortcut.ts';

export interface EngineFacade extends EngineCommands {
  suggestPins(text: string): number[];
  linkFor(taskId: number): string;
  chamelioHomeUrl(): string;
  /** Approve, reject, cancel and documents (core/app/TaskActions.ts). */
  actions: EngineCommands['actions'] & {
    openDocumentWith(taskId: number, document: DocumentRef, open: (url: string) => unknown): Promise<ActionOutcome>;
  };
}

/** The global shortcut as registered now (ShortcutBinding). */
interface ShortcutControl {
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
    ...engineCommandHandlers(engine),
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
    openTask: async (taskId) => {
      await shell.openInBrowser(engine.linkFor(taskId));
    },
    openChamelio: async () => {
      await shell.openInBrowser(engine.chamelioHomeUrl());
    },
    clipboardSuggestion: async () => engine.suggestPins((await shell.readClipboardText()).slice(0, MAX_CLIPBOARD_SCAN)),
    startDemo: () => shell.startDemo(),
    hideWindow: () => shell.hideWindow(),
    openDocument: (taskId, document) => engine.actions.openDocumentWith(taskId, document, (url) => shell.openDocumentInBrowser(url)),
  };
}
