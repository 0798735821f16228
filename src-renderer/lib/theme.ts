import type { Theme } from '../../src-main/contract/dto.ts';

/** Read by public/theme.js before the first paint. */
const THEME_KEY = 'chamelio-tray.theme';

/** Applies the settings' theme, and keeps it for the next start so that one does not flash. */
export function rememberTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // No storage: the next start shows the OS's scheme until its first snapshot.
  }
}
