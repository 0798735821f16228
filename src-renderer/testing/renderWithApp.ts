/**
 * Renders a component the way the app does: inside the app's context, over a bridge (a stand-in for
 * the engine, see fakeBridge.ts) and with a snapshot already received.
 */
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { AppSnapshot } from '../../src-main/contract/dto.ts';
import { AppStore } from '../lib/app.svelte.ts';
import { appContext } from '../lib/context.ts';
import { fakeBridge, type Answers, type FakeBridge } from './fakeBridge.ts';
import { snapshot as makeSnapshot } from './fixtures.ts';

interface AppOptions<P> {
  props?: P;
  snapshot?: AppSnapshot;
  answers?: Answers;
}

// Props are checked by the component itself at run time; any component of the renderer fits here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderWithApp(component: Component<any>, options: AppOptions<Record<string, unknown>> = {}) {
  const snapshot = options.snapshot ?? makeSnapshot();
  const bridge: FakeBridge = fakeBridge(options.answers, snapshot);
  const app = new AppStore(bridge);
  app.engine.snapshot = snapshot;
  const result = render(component, { props: options.props ?? {}, context: appContext(app) });
  return { ...result, app, bridge };
}
