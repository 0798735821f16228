/**
 * Showing the popover fires both `visibilitychange` and `focus`. `onShown` runs on each of them;
 * `onShowing` once per showing — only when the popover was away (hidden or blurred) in between, and
 * once at the start if it is visible then. Returns the teardown.
 */
export function watchShowing(onShown: () => void, onShowing: () => void): () => void {
  let away = document.visibilityState === 'hidden';
  const onAway = (): void => {
    away = true;
  };
  const shown = (): void => {
    if (document.visibilityState !== 'visible') return onAway();
    onShown();
    if (!away) return;
    away = false;
    onShowing();
  };
  document.addEventListener('visibilitychange', shown);
  window.addEventListener('focus', shown);
  window.addEventListener('blur', onAway);
  if (!away) onShowing();
  return () => {
    document.removeEventListener('visibilitychange', shown);
    window.removeEventListener('focus', shown);
    window.removeEventListener('blur', onAway);
  };
}
