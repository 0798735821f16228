/**
 * The one contract between UI and engine, for both transports (Electron IPC and the preview's
 * HTTP + server-sent events). Each command is an `AppService` method of the same name; a command
 * missing from COMMAND_NAMES or from a transport fails to compile.
 */
import type {
  ActionOutcome,
  ApprovalInput,
  ApprovalResult,
  DocumentRef,
  DocumentsView,
  AppSnapshot,
  KeyCheckResult,
  PinResult,
  SettingsPatch,
  SettingsUpdateResult,
  TaskDetail,
} from './dto.ts';
import type { NotificationLevel, SnoozeChoice, SnoozeResult, TestNotificationResult } from './dto.ts';

export interface Commands {
  getState: { args: []; result: AppSnapshot };
  getTaskDetail: { args: [taskId: number]; result: TaskDetail | null };
  /** Pasted or dropped text: one or many task URLs or ids. */
  pin: { args: [text: string]; result: PinResult };
  unpin: { args: [taskId: number]; result: void };
  /** Puts back the last unpinned task, with its baseline, so undo notifies nothing. */
  undoUnpin: { args: []; result: void };
  markSeen: { args: [taskId: number]; result: void };
  refresh: { args: []; result: void };
  /** Checks the key with GET /users/org-info, then stores it. `allowWeak` opts in to weak storage. */
  setApiKey: { args: [key: string, allowWeak: boolean]; result: KeyCheckResult };
  clearApiKey: { args: []; result: void };
  updateSettings: { args: [patch: SettingsPatch]; result: SettingsUpdateResult };
  /** Pause notifications until a time (ms since epoch); null resumes. */
  pauseNotifications: { args: [until: number | null]; result: void };
  /** Opens the task's page in the browser (main checks the URL). */
  openTask: { args: [taskId: number]; result: void };
  openChamelio: { args: []; result: void };
  /**
   * Task ids on the clipboard that are not pinned yet. The desktop app reads the clipboard in main
   * and ignores the argument; the browser preview has no clipboard of its own, so its page passes
   * what it read.
   */
  clipboardSuggestion: { args: [clipboardText?: string]; result: number[] };
  /** Runs against the built-in simulator with demo tasks. */
  startDemo: { args: []; result: void };
  hideWindow: { args: []; result: void };
  /** The approval waiting at the task's step: the values, files, who approves now and next. */
  getApproval: { args: [taskId: number]; result: ApprovalResult };
  /** Approve, or reject with a reason: sent once however often asked while it is out; the task re-read after. */
  decideApproval: { args: [taskId: number, input: ApprovalInput]; result: ActionOutcome };
  /** Cancels a pending or in-progress task (cannot be undone). */
  cancelTask: { args: [taskId: number]; result: ActionOutcome };
  getDocuments: { args: [taskId: number]; result: DocumentsView };
  /** Asks the API for a fresh link at this moment and opens it in the browser (https only). */
  openDocument: { args: [taskId: number, document: DocumentRef]; result: ActionOutcome };
  /** Snoozes one task; the engine computes the time (in the user's zone) or says why not. */
  snooze: { args: [taskId: number, choice: SnoozeChoice]; result: SnoozeResult };
  unsnooze: { args: [taskId: number]; result: void };
  setNotificationLevel: { args: [taskId: number, level: NotificationLevel]; result: void };
  /** Unpins every finished task; undoUnpin puts them all back. Resolves how many went. */
  unpinFinished: { args: []; result: number };
  /** The pinned tasks' links, one a line, for the page to put on the clipboard. */
  copyPinnedLinks: { args: []; result: string };
  sendTestNotification: { args: []; result: TestNotificationResult };
}

export type CommandName = keyof Commands;

export interface Events {
  /** The whole snapshot, after every change. */
  state: AppSnapshot;
  /** What the popover should show: a notification, the tray menu or a second launch asked for it. */
  show: PopoverView;
}

export type EventName = keyof Events;

/** Where in a task's details to put the user: its approval, for "Review" and a needs-you tray item. */
export type PopoverFocus = 'approval';

export type PopoverView = { view: 'list' } | { view: 'task'; taskId: number; focus?: PopoverFocus } | { view: 'settings' };

export type Bridge = {
  [K in CommandName]: (...args: Commands[K]['args']) => Promise<Commands[K]['result']>;
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** The handlers a transport needs: one per command. */
export type CommandHandlers = {
  [K in CommandName]: (...args: Commands[K]['args']) => Promise<Commands[K]['result']> | Commands[K]['result'];
};

export const COMMAND_NAMES = [
  'getState',
  'getTaskDetail',
  'pin',
  'unpin',
  'undoUnpin',
  'markSeen',
  'refresh',
  'setApiKey',
  'clearApiKey',
  'updateSettings',
  'pauseNotifications',
  'openTask',
  'openChamelio',
  'clipboardSuggestion',
  'startDemo',
  'hideWindow',
  'getApproval',
  'decideApproval',
  'cancelTask',
  'getDocuments',
  'openDocument',
  'snooze',
  'unsnooze',
  'setNotificationLevel',
  'unpinFinished',
  'copyPinnedLinks',
  'sendTestNotification',
] as const satisfies readonly CommandName[];

/** Fails to compile when a command is missing from COMMAND_NAMES. */
type MissingCommands = Exclude<CommandName, (typeof COMMAND_NAMES)[number]>;
const allCommandsListed: MissingCommands extends never ? true : false = true;
void allCommandsListed;

export const EVENT_NAMES = ['state', 'show'] as const satisfies readonly EventName[];

/** IPC channel of a command or event. */
export const channelOf = (name: CommandName | EventName): string => `chamelio:${name}`;
