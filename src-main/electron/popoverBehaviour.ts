/**
 * When the popover hides and shows. Windows sends a spurious `blur` right after `show()`, so blur is
 * ignored for a short grace period (electron-menubar's fix for Gitify #3064). Clicking the tray icon
 * while the popover is open first blurs it (hiding it) and then delivers the click, which must not
 * show it again at once.
 */
export const BLUR_GRACE_MS = 400;
/** A tray click this soon after a blur-hide is the same gesture: leave the popover hidden. */
export const CLICK_AFTER_BLUR_MS = 300;

export function shouldHideOnBlur(input: { now: number; shownAt: number | null; keepOpen: boolean }): boolean {
  if (input.keepOpen) return false;
  if (input.shownAt !== null && input.now - input.shownAt < BLUR_GRACE_MS) return false;
  return true;
}

/** A crashed page is reloaded at most this often per CRASH_RELOAD_WINDOW_MS; then it is left alone. */
export const MAX_CRASH_RELOADS = 3;
export const CRASH_RELOAD_WINDOW_MS = 60_000;

/**
 * After `render-process-gone`: reload, unless the page already crashed and was reloaded
 * MAX_CRASH_RELOADS times in the last minute (a page that crashes on load would otherwise reload
 * forever, burning CPU and filling the log). `recent` holds the times of earlier reloads; the answer
 * carries the list to keep.
 */
export function crashReloadDecision(recent: readonly number[], now: number): { reload: boolean; recent: number[] } {
  const inWindow = recent.filter((at) => now - at < CRASH_RELOAD_WINDOW_MS);
  if (inWindow.length >= MAX_CRASH_RELOADS) return { reload: false, recent: inWindow };
  return { reload: true, recent: [...inWindow, now] };
}

type ToggleAction = 'show' | 'hide' | 'none';

export function toggleAction(input: { visible: boolean; now: number; hiddenByBlurAt: number | null }): ToggleAction {
  if (input.visible) return 'hide';
  if (input.hiddenByBlurAt !== null && input.now - input.hiddenByBlurAt < CLICK_AFTER_BLUR_MS) return 'none';
  return 'show';
}
