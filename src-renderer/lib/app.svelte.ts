/**
 * The UI's state: the engine's latest snapshot (never edited here), which view is shown, and the
 * short-lived feedback of the user's own actions. Every decision about tasks stays in the engine.
 */
import type { Bridge } from '../../src-main/contract/bridge.ts';
import type { AppSnapshot, PinResult, TaskSummary } from '../../src-main/contract/dto.ts';
import { CommandFailure, describeFailure } from './failure.ts';
import { filterTasks } from './filterTasks.ts';
import { focusIsLost, focusSoon, LIST_FOCUS } from './focus.ts';
import type { EngineLink } from './httpBridge.ts';

export type View =
  | { kind: 'list' }
  | { kind: 'details'; taskId: number }
  | { kind: 'activity' }
  | { kind: 'settings' };

export interface Undo {
  taskId: number;
  title: string;
}

const UNDO_MS = 10_000;
/** After a pause, the undo bar stays at least this long. */
const UNDO_MIN_LEFT_MS = 3_000;
const TICK_MS = 30_000;

export function taskLabel(task: Pick<TaskSummary, 'id' | 'title'>): string {
  return task.title ?? `Task ${task.id}`;
}

export class AppStore {
  snapshot = $state<AppSnapshot | null>(null);
  view = $state<View>({ kind: 'list' });
  /** Re-read every half minute so relative times stay true. */
  now = $state(Date.now());
  pinResult = $state<PinResult | null>(null);
  undo = $state<Undo | null>(null);
  suggestion = $state<number[]>([]);
  /** The list's filter text and selected row: kept here, so coming back from details restores them. */
  listQuery = $state('');
  selectedId = $state<number | null>(null);
  /** A failed command, in words. */
  problem = $state<string | null>(null);
  /** False while the engine does not answer at all (the preview's host stopped). */
  engineReachable = $state(true);
  readonly bridge: Bridge;
  readonly #link: EngineLink | null;
  /** The problem shown is the transport's ("not answering"), cleared once the engine is back. */
  #problemIsTransport = false;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  #undoHeld = false;
  #undoLeft = 0;
  #undoSince = 0;
  // Not shown anywhere, so it needs no reactivity.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #dismissed = new Set<string>();
  #clipboardChecks = 0;

  constructor(bridge: Bridge, link: EngineLink | null = null) {
    this.bridge = bridge;
    this.#link = link;
  }

  /** Subscribes to the engine; returns the teardown. */
  start(): () => void {
    const offState = this.bridge.on('state', (s) => {
      this.snapshot = s;
    });
    const offLink = this.#link?.onChange((reachable) => {
      this.engineReachable = reachable;
      if (reachable && this.#problemIsTransport) this.#setProblem(null);
    });
    // The tray, a notification or a second launch asks for a view: show it, with focus in it.
    const offShow = this.bridge.on('show', (request) => {
      if (request.view === 'task') void this.open(request.taskId);
      else this.show({ kind: request.view }, true);
    });
    void this.run(async () => {
      const s = await this.bridge.getState();
      this.snapshot ??= s;
    });
    const tick = setInterval(() => (this.now = Date.now()), TICK_MS);
    // Showing the popover fires both visibilitychange and focus: whatever is done once per showing
    // (reading the clipboard) waits until the popover was away (hidden or blurred) in between.
    let away = document.visibilityState === 'hidden';
    const onAway = (): void => {
      away = true;
    };
    const onShown = (): void => {
      if (document.visibilityState !== 'visible') return onAway();
      this.now = Date.now();
      // If focus rests on nothing, put it where the view starts.
      if (focusIsLost()) this.focusView();
      if (!away) return;
      away = false;
      void this.checkClipboard();
      // A change that arrived while the open task was out of sight is seen now.
      if (this.view.kind === 'details' && this.task(this.view.taskId)?.unseen) {
        const id = this.view.taskId;
        void this.run(() => this.bridge.markSeen(id));
      }
    };
    document.addEventListener('visibilitychange', onShown);
    window.addEventListener('focus', onShown);
    window.addEventListener('blur', onAway);
    if (!away) void this.checkClipboard();
    return () => {
      offState();
      offShow();
      offLink?.();
      clearInterval(tick);
      clearTimeout(this.#undoTimer);
      document.removeEventListener('visibilitychange', onShown);
      window.removeEventListener('focus', onShown);
      window.removeEventListener('blur', onAway);
    };
  }

  /** Runs a command; a failure becomes a visible message instead of an unhandled rejection. */
  async run<T>(command: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await command();
      this.#setProblem(null);
      return result;
    } catch (error) {
      this.#setProblem(describeFailure(error), error instanceof CommandFailure && error.unreachable);
      return undefined;
    }
  }

  /** Runs a command that returns nothing; resolves whether it worked (a failure is shown, as with run). */
  async attempt(command: () => Promise<unknown>): Promise<boolean> {
    let ok = false;
    await this.run(async () => {
      await command();
      ok = true;
    });
    return ok;
  }

  #setProblem(problem: string | null, transport = false): void {
    this.problem = problem;
    this.#problemIsTransport = problem !== null && transport;
  }

  task(id: number): TaskSummary | undefined {
    return this.snapshot?.tasks.find((t) => t.id === id);
  }

  async pin(text: string): Promise<PinResult | undefined> {
    if (!text.trim()) return undefined;
    const result = await this.run(() => this.bridge.pin(text));
    if (result) {
      this.pinResult = result;
      this.suggestion = this.suggestion.filter((id) => !result.pinned.includes(id) && !result.alreadyPinned.includes(id));
    }
    return result;
  }

  async checkClipboard(): Promise<void> {
    const check = ++this.#clipboardChecks;
    const ids = await this.bridge.clipboardSuggestion().catch(() => []);
    // Only the latest check counts.
    if (check === this.#clipboardChecks) this.suggestion = ids.filter((id) => !this.#dismissed.has(String(id)));
  }

  dismissSuggestion(): void {
    for (const id of this.suggestion) this.#dismissed.add(String(id));
    this.suggestion = [];
    void focusSoon(['pin']);
  }

  async pinSuggestion(): Promise<void> {
    await this.pin(this.suggestion.join(' '));
    void focusSoon(['pin']);
  }

  async open(taskId: number): Promise<void> {
    // Coming back to the list selects the task that was open.
    this.selectedId = taskId;
    this.pinResult = null;
    this.view = { kind: 'details', taskId };
    await this.run(() => this.bridge.markSeen(taskId));
  }

  /** Unpins; only when that worked is there something to undo. Resolves whether it worked. */
  async unpin(taskId: number): Promise<boolean> {
    const task = this.task(taskId);
    const fromDetails = this.view.kind === 'details' && this.view.taskId === taskId;
    // The selection moves to the neighbour before the row goes, so it never jumps to the top meanwhile.
    const wasSelected = this.selectedId === taskId;
    if (wasSelected) this.selectedId = this.#neighbour(taskId);
    const ok = await this.attempt(() => this.bridge.unpin(taskId));
    if (!ok) {
      if (wasSelected) this.selectedId = taskId;
      return false;
    }
    if (fromDetails && this.view.kind === 'details' && this.view.taskId === taskId) this.show({ kind: 'list' });
    this.undo = { taskId, title: task ? taskLabel(task) : `Task ${taskId}` };
    this.#undoHeld = false;
    this.#startUndoTimer(UNDO_MS);
    return true;
  }

  #startUndoTimer(ms: number): void {
    clearTimeout(this.#undoTimer);
    this.#undoLeft = ms;
    this.#undoSince = Date.now();
    this.#undoTimer = setTimeout(() => (this.undo = null), ms);
  }

  /** The pointer or focus is on the undo bar: its time stands still, so it cannot vanish under the hand. */
  holdUndo(): void {
    if (!this.undo || this.#undoHeld) return;
    this.#undoHeld = true;
    clearTimeout(this.#undoTimer);
    this.#undoLeft = Math.max(0, this.#undoLeft - (Date.now() - this.#undoSince));
  }

  /** Pointer and focus have left the undo bar: the rest of its time runs (at least a few seconds). */
  releaseUndo(): void {
    if (!this.undo || !this.#undoHeld) return;
    this.#undoHeld = false;
    this.#startUndoTimer(Math.max(this.#undoLeft, UNDO_MIN_LEFT_MS));
  }

  /** The row after this one in the filtered list, else the one before: where the selection goes when it is unpinned. */
  #neighbour(taskId: number): number | null {
    const rows = filterTasks(this.snapshot?.tasks ?? [], this.listQuery);
    const index = rows.findIndex((t) => t.id === taskId);
    if (index < 0) return null;
    return (rows[index + 1] ?? rows[index - 1])?.id ?? null;
  }

  async undoUnpin(): Promise<void> {
    const undo = this.undo;
    clearTimeout(this.#undoTimer);
    this.undo = null;
    if (!undo) return;
    this.selectedId = undo.taskId;
    // The Undo button is gone: focus the list, where the task comes back with the next snapshot.
    void focusSoon(LIST_FOCUS, 1500);
    await this.run(() => this.bridge.undoUnpin());
  }

  /** Shows a view; back in the list, focus returns to the list (its selected row), else the filter or pin box. */
  show(view: View, focus = this.view.kind !== view.kind): void {
    // The pin feedback is about what was just done in the list; another view leaves it behind.
    if (this.view.kind !== view.kind) this.pinResult = null;
    this.view = view;
    if (focus && view.kind === 'list') void focusSoon(LIST_FOCUS);
  }

  /** Focus where the current view starts: the list view's list, another view's heading. */
  focusView(): void {
    void focusSoon(this.view.kind === 'list' ? LIST_FOCUS : ['heading']);
  }

  /** Esc: back to the list from any other view; from the list, hide the popover. */
  back(): void {
    if (this.view.kind !== 'list') this.show({ kind: 'list' });
    else void this.run(() => this.bridge.hideWindow());
  }
}
