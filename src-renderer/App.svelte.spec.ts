import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { AppStore } from './lib/app.svelte.ts';
import { appContext } from './lib/context.ts';
import { fakeBridge, type Answers } from './testing/fakeBridge.ts';
import { detail, snapshot, summary, task } from './testing/fixtures.ts';
import type { AppSnapshot } from '../src-main/contract/dto.ts';

const withTask = snapshot({ tasks: [summary(7, { title: 'Vendor contract' })] });

/** The whole app as main.ts mounts it: nothing received yet; App starts the store, which asks for the state. */
function app(state: AppSnapshot = withTask, answers: Answers = {}) {
  const bridge = fakeBridge({ getTaskDetail: () => detail(summary(7, { title: 'Vendor contract' }), task(7)), ...answers }, state);
  const store = new AppStore(bridge);
  const result = render(App, { context: appContext(store) });
  return { ...result, bridge, store };
}

/** A drop as the browser delivers it: the data by type, and the types it carries. */
function dropEvent(data: Record<string, string>) {
  return { dataTransfer: { types: Object.keys(data), getData: (type: string) => data[type] ?? '', dropEffect: 'none' } };
}

describe('App', () => {
  it('says it is loading until the first state, then shows the list with focus in it', async () => {
    let answer: (s: AppSnapshot) => void = () => {};
    app(withTask, { getState: () => new Promise<AppSnapshot>((resolve) => (answer = resolve)) });
    expect(screen.getByText('Loading…').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('listbox')).toBeNull();
    answer(withTask);
    const list = await screen.findByRole('listbox');
    expect(screen.queryByText('Loading…')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(list));
  });

  it('with no key, no demo and no pins, shows the first run instead of the list', async () => {
    app(snapshot({ key: { isSet: false, protection: null, advice: null, canOptInToWeak: false } }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Watch your Chamelio tasks from the tray' })).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('a show request from the shell opens what it names; Escape goes back, and from the list hides the popover', async () => {
    const { bridge } = app();
    await screen.findByRole('listbox');
    bridge.emit('show', { view: 'task', taskId: 7 });
    expect(await screen.findByRole('heading', { level: 2, name: 'Vendor contract' })).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    await screen.findByRole('listbox');
    expect(bridge.callsOf('hideWindow')).toHaveLength(0);
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(bridge.callsOf('hideWindow')).toHaveLength(1);
    bridge.emit('show', { view: 'settings' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Settings' })).toBeTruthy();
  });

  it('pins what is dropped anywhere: the uri-list without its comment lines, else the text; a file is not taken', async () => {
    const { bridge, container } = app();
    await screen.findByRole('listbox');
    const root = container.querySelector('.app')!;
    await fireEvent.drop(window, dropEvent({ 'text/uri-list': '# from the browser\r\nhttps://app.chamelio.ai/workflows/tasks/12\r\nhttps://app.chamelio.ai/workflows/tasks/13' }));
    await fireEvent.drop(window, dropEvent({ 'text/plain': 'Task 14' }));
    await fireEvent.drop(window, dropEvent({ Files: '' }));
    expect(bridge.callsOf('pin')).toEqual([['https://app.chamelio.ai/workflows/tasks/12\nhttps://app.chamelio.ai/workflows/tasks/13'], ['Task 14']]);
    const over = dropEvent({ 'text/plain': 'x' });
    await fireEvent.dragOver(window, over);
    expect(over.dataTransfer.dropEffect).toBe('copy');
    expect(root.classList.contains('dragging')).toBe(true);
  });
});
