/**
 * Where keyboard focus goes when what held it disappears (a view closes, a button is replaced, the
 * last row is unpinned): never to <body>, where a keyboard or screen-reader user would be lost.
 */
import { tick } from 'svelte';

const TARGETS = {
  list: '[role="listbox"]',
  filter: '#task-filter',
  pin: '#pin-input',
  /** Each view's h2 has tabindex=-1. */
  heading: 'main h2[tabindex="-1"]',
} as const;

type FocusTarget = keyof typeof TARGETS;

/** The list view: the list (its selected row), else the filter, else the pin box, else the first-run heading. */
export const LIST_FOCUS: readonly FocusTarget[] = ['list', 'filter', 'pin', 'heading'];

/**
 * Focuses without the browser's own scrolling: focusing a tall list would scroll its top to the top
 * of the view, hiding the pin box and filter above it. Only what matters is brought into view — for
 * a list, its active row.
 */
export function focusInView(element: HTMLElement): void {
  element.focus({ preventScroll: true });
  const active = element.getAttribute('aria-activedescendant');
  (active ? document.getElementById(active) : element)?.scrollIntoView({ block: 'nearest' });
}

/** True when focus rests on nothing (the page itself). */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * After the next render, focuses the first target that exists. With `waitMs`, waits that long for
 * the first target to appear (a row that comes back with the next snapshot) before falling back.
 * Gives up if the user has meanwhile put focus somewhere else themselves.
 */
export async function focusSoon(targets: readonly FocusTarget[], waitMs = 0): Promise<void> {
  const from = document.activeElement;
  const userMoved = (): boolean => !focusIsLost() && document.activeElement !== from;
  await tick();
  const first = targets[0];
  const deadline = Date.now() + waitMs;
  while (first && !document.querySelector(TARGETS[first]) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (userMoved()) return;
  }
  if (userMoved()) return;
  for (const target of targets) {
    const element = document.querySelector<HTMLElement>(TARGETS[target]);
    if (element) {
      // Focusing a tall list would scroll its top to the top of the view, hiding the pin box above
      // it: bring only what matters into view — the selected row, or the element itself.
      focusInView(element);
      return;
    }
  }
}
