/*
 * Runs before the first paint (a plain script in <head>, so it blocks): the theme the settings last
 * named, kept by App.svelte, so a light or dark choice does not flash the OS's scheme while the
 * engine's first snapshot is on its way. Only the theme's word is stored.
 */
/* global document */
try {
  const theme = localStorage.getItem('chamelio-tray.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // No storage here: the OS's scheme until the first snapshot.
}
