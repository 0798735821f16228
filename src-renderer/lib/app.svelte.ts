/**
 * The UI's state, split by concern into small stores (what the engine said, the view, undo, the
 * clipboard offer, the last problem, the time), and the user's actions that cross them. Every
 * decision about tasks stays in the engine. Components reach this through `useApp()` (context.ts).
 */
import type { Bridge, PopoverFocus } from '../../src-main/contract/bridge.ts';
import type { PinResult, TaskSummary } from '../../src-main/contract/dto.ts';
import { browserClock, type Clock } from './clock.ts';
import { focusIsLost, focusSoon, LIST_FOCUS } from './focus.ts';
import type { EngineLink } from './httpBridge.ts';
import { watchShowing } from './popoverShowing.ts';
import { ClipboardOfferStore } from './stores/ClipboardOfferStore.svelte.ts';
import { EngineState } from './stores/EngineState.svelte.ts';
import { NowStore } from './stores/NowStore.svelte.ts';
import { ProblemStore } from './stores/ProblemStore.svelte.ts';
import { UndoStore } from './stores/UndoStore.svelte.ts';
import { ViewStore, type View } from './stores/ViewStore.svelte.ts';

export function taskLabel(task: Pick<TaskSummary, 'displayTitle'>): string {
  return task.displayTitle;
}

export class AppStore {
  readonly bridge: Bridge;
  readonly engine = new EngineState();
  readonly view = new ViewStore();
  readonly problems = new ProblemStore();
  readonly undo: UndoStore;
  readonly clipboard: ClipboardOfferStore;
  readonly now: NowStore;
  readonly #link: EngineLink | null;

  constructor(bridge: Bridge, link: EngineLink | null = null, clock: Clock = browserClock) {
    this.bridge = bridge;
    this.#link = link;
    this.undo = new UndoStore(clock);
    this.now = new NowStore(clock);
    this.clipboard = new ClipboardOfferStore(() => bridge.clipboardSuggestion());
  }

  /** Subscribes to the engine and the window; returns the teardown. */
  start(): () => void {
    const offState = this.bridge.on('state', (s) => (this.engine.snapshot = s));
    const offLink = this.#link?.onChange((reachable) => {
      this.engine.reachable = reachable;
      if (reachable) this.problems.engineBack();
    });
    // The tray, a notification or a second launch asks for a view: show it, with focus in it.
    const offShow = this.bridge.on('show', (request) => {
      if (request.view === 'task') void this.open(request.taskId, request.focus);
      else this.show({ kind: request.view }, true);
    });
    void this.run(async () => {
      const s = await this.bridge.getState();
      this.engine.snapshot ??= s;
    });
    const stopTicking = this.now.start();
    const stopWatching = watchShowing(
      () => {
        this.now.refresh();
        // If focus rests on nothing, put it where the view starts.
        if (focusIsLost()) this.focusView();
      },
      () => this.#onShowing(),
    );
    return () => {
      offState();
      offShow();
      offLink?.();
      stopTicking();
      stopWatching();
      this.undo.dispose();
    };
  }

  /** Once per showing of the popover: the clipboard is read, and a change to the open task is seen. */
  #onShowing(): void {
    void this.clipboard.check();
    const view = this.view.current;
    if (view.kind === 'details' && this.engine.task(view.taskId)?.unseen) {
      void this.run(() => this.bridge.markSeen(view.taskId));
    }
  }

  /** Runs a command; a failure becomes the visible problem instead of an unhandled rejection. */
  run<T>(command: () => Promise<T>): Promise<T | undefined> {
    return this.problems.run(command);
  }

  task(id: number): TaskSummary | undefined {
    return this.engine.task(id);
  }

  async pin(text: string): Promise<PinResult | undefined> {
    if (!text.trim()) return undefined;
    const result = await this.run(() => this.bridge.pin(text));
    if (result) {
      this.view.pinFeedback = result;
      this.clipboard.drop([...result.pinned, ...result.alreadyPinned]);
    }
    return result;
  }

  dismissSuggestion(): void {
    this.clipboard.dismiss();
    void focusSoon(['pin']);
  }

  async pinSuggestion(): Promise<void> {
    await this.pin(this.clipboard.ids.join(' '));
    void focusSoon(['pin']);
  }

  /** Opens a task's details; with a focus ("Review"), at that part of them. */
  async open(taskId: number, focus?: PopoverFocus): Promise<void> {
    // Coming back to the list selects the task that was open.
    this.view.selectedId = taskId;
    this.view.pinFeedback = null;
    this.view.show(focus ? { kind: 'details', taskId, focus } : { kind: 'details', taskId });
    await this.run(() => this.bridge.markSeen(taskId));
  }

  /** Unpins; only when that worked is there something to undo. Resolves whether it worked. */
  async unpin(taskId: number): Promise<boolean> {
    const task = this.task(taskId);
    const fromDetails = this.view.showsTask(taskId);
    // The selection moves to the neighbour before the row goes, so it never jumps to the top meanwhile.
    const wasSelected = this.view.selectedId === taskId;
    if (wasSelected) this.view.selectedId = this.view.neighbourOf(taskId, this.engine.tasks);
    const ok = await this.problems.attempt(() => this.bridge.unpin(taskId));
    if (!ok) {
      if (wasSelected) this.view.selectedId = taskId;
      return false;
    }
    if (fromDetails && this.view.showsTask(taskId)) this.show({ kind: 'list' });
    this.undo.offer({ taskId, title: task ? taskLabel(task) : `Task ${taskId}` });
    return true;
  }

  /** "Unpin finished": one step, undone by the same Undo. Resolves how many went. */
  async unpinFinished(): Promise<number> {
    const count = (await this.run(() => this.bridge.unpinFinished())) ?? 0;
    if (count > 0) this.undo.offer({ taskId: this.view.selectedId ?? 0, title: count === 1 ? '1 finished task' : `${count} finished tasks` });
    return count;
  }

  async undoUnpin(): Promise<void> {
    const undo = this.undo.take();
    if (!undo) return;
    this.view.selectedId = undo.taskId;
    // The Undo button is gone: focus the list, where the task comes back with the next snapshot.
    void focusSoon(LIST_FOCUS, 1500);
    await this.run(() => this.bridge.undoUnpin());
  }

  /** Shows a view; back in the list, focus returns to the list (its selected row), else the filter or pin box. */
  show(view: View, focus = this.view.current.kind !== view.kind): void {
    this.view.show(view);
    if (focus && view.kind === 'list') void focusSoon(LIST_FOCUS);
  }

  /** Focus where the current view starts: the list view's list, another view's heading. */
  focusView(): void {
    void focusSoon(this.view.current.kind === 'list' ? LIST_FOCUS : ['heading']);
  }

  /** Esc: back to the list from any other view; from the list, hide the popover. */
  back(): void {
    if (this.view.current.kind !== 'list') this.show({ kind: 'list' });
    else void this.run(() => this.bridge.hideWindow());
  }
}
