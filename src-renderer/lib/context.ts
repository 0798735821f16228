/**
 * How components reach the app's stores: through Svelte context, set once at the root (main.ts
 * mounts with `appContext(store)`; specs render with it too), never as a prop passed down.
 */
import { getContext } from 'svelte';
import type { AppStore } from './app.svelte.ts';

const KEY = Symbol('chamelio-app');

/** The context map to mount a component tree with. */
export function appContext(app: AppStore): Map<unknown, unknown> {
  return new Map([[KEY, app]]);
}

/** The app's stores; call during component initialisation. */
export function useApp(): AppStore {
  const app = getContext<AppStore | undefined>(KEY);
  if (!app) throw new Error('useApp: mount the component with appContext(store)');
  return app;
}
