/**
 * A first launch shows the popover by itself. Otherwise nothing would appear: Windows 11 puts a new
 * tray icon in the hidden overflow, GNOME without the AppIndicator extension shows no tray at all, and
 * an installer's "run after finish" would look dead. "First" is read from the state, not from a flag:
 * no key and no pins means there is nothing to watch yet, and the popover is where to begin.
 */
import type { AppSnapshot } from '../../contract/dto.ts';
import type { PopoverWindow } from '../popoverWindow.ts';

function isFirstLaunch(snapshot: Pick<AppSnapshot, 'key' | 'tasks'>): boolean {
  return !snapshot.key.isSet && snapshot.tasks.length === 0;
}

export function showOnFirstLaunch(snapshot: AppSnapshot, popover: Pick<PopoverWindow, 'show'>): void {
  // No view: the page opens on its own first-run steps.
  if (isFirstLaunch(snapshot)) popover.show();
}
