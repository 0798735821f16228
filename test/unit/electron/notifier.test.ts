import { describe, expect, it, vi } from 'vitest';
import type { PlannedNotification } from '../../../src-main/core/notify/PlannedNotification.ts';
import { EventEmitter } from 'node:events';
import {
  type ActivationDetails,
  ElectronNotifier,
  escapeNotificationMarkup,
  MAX_LIVE_NOTIFICATIONS,
  notificationContent,
  type NotificationApi,
  type NotificationOptions,
  type ShownNotification,
} from '../../../src-main/electron/notifier.ts';

const single: PlannedNotification = {
  id: 'task-7-1000',
  kind: 'single',
  taskIds: [7],
  title: 'R&D <review> for "Acme"',
  body: 'In progress → Completed <b>now</b> & then',
  assignedToYou: false,
  actions: [],
};
const summary: PlannedNotification = {
  id: 'summary-1000',
  kind: 'summary',
  taskIds: [1, 2, 3],
  title: '3 tasks changed',
  body: 'NDA, Lease, Audit',
  assignedToYou: false,
};
const withActions: PlannedNotification = {
  ...single,
  actions: [
    { id: 'open', label: 'Open' },
    { id: 'snooze-day', label: 'Snooze for a day' },
  ],
};

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** Emits what Electron's Notification emits (electron.d.ts: click, action, close with a reason, failed). */
class FakeShown extends EventEmitter implements ShownNotification {
  shown = false;
  show(): void {
    this.shown = true;
  }
}

function fakeApi(supported = true): NotificationApi & {
  created: { options: NotificationOptions; n: FakeShown }[];
  activate: ((details: ActivationDetails) => void) | null;
} {
  const api = {
    created: [] as { options: NotificationOptions; n: FakeShown }[],
    activate: null as ((details: ActivationDetails) => void) | null,
    isSupported: () => supported,
    create: (options: NotificationOptions) => {
      const n = new FakeShown();
      api.created.push({ options, n });
      return n;
    },
    handleActivation: (callback: (details: ActivationDetails) => void) => {
      api.activate = callback;
    },
  };
  return api;
}

describe('escapeNotificationMarkup', () => {
  it('escapes the three characters body-markup servers interpret, ampersand first', () => {
    expect(escapeNotificationMarkup('a & b <i>x</i> &amp;')).toBe('a &amp; b &lt;i&gt;x&lt;/i&gt; &amp;amp;');
  });
});

describe('notificationContent', () => {
  it('uses the task title and the change, escaping the body on Linux only', () => {
    expect(notificationContent(single, 'linux')).toEqual({
      title: 'R&D <review> for "Acme"',
      body: 'In progress → Completed &lt;b&gt;now&lt;/b&gt; &amp; then',
      urgency: 'normal',
    });
    expect(notificationContent(single, 'darwin').body).toBe(single.body);
    expect(notificationContent(single, 'win32').body).toBe(single.body);
  });

  it('marks "assigned to you" urgent', () => {
    expect(notificationContent({ ...single, assignedToYou: true }, 'linux').urgency).toBe('critical');
  });

  it('caps long texts', () => {
    const c = notificationContent({ ...single, title: 't'.repeat(500), body: 'b'.repeat(5000) }, 'darwin');
    expect(c.title.length).toBe(120);
    expect(c.body.length).toBe(400);
  });
});

describe('ElectronNotifier', () => {
  it('shows the notification with its id, and a click reports it with its tasks', () => {
    const api = fakeApi();
    const onActivation = vi.fn();
    const notifier = new ElectronNotifier({ api, platform: 'linux', onActivation, logger });
    notifier.show(single);
    expect(api.created).toHaveLength(1);
    expect(api.created[0]!.options).toEqual({
      id: 'task-7-1000',
      title: single.title,
      body: 'In progress → Completed &lt;b&gt;now&lt;/b&gt; &amp; then',
      urgency: 'normal',
      silent: false,
    });
    expect(api.created[0]!.n.shown).toBe(true);
    api.created[0]!.n.emit('click', {});
    expect(onActivation).toHaveBeenCalledWith({ notificationId: 'task-7-1000', taskIds: [7], actionId: null });
  });

  it('offers no buttons on Linux (a click is all there is)', () => {
    const api = fakeApi();
    new ElectronNotifier({ api, platform: 'linux', onActivation: vi.fn(), logger }).show(withActions);
    expect(api.created[0]!.options.actions).toBeUndefined();
    expect(api.created[0]!.options.toastXml).toBeUndefined();
  });

  it('macOS: the actions become buttons, and a button reports its action id', () => {
    const api = fakeApi();
    const onActivation = vi.fn();
    new ElectronNotifier({ api, platform: 'darwin', onActivation, logger }).show(withActions);
    expect(api.created[0]!.options.actions).toEqual([
      { type: 'button', text: 'Open' },
      { type: 'button', text: 'Snooze for a day' },
    ]);
    api.created[0]!.n.emit('action', { actionIndex: 1 }, 1);
    api.created[0]!.n.emit('click', {});
    expect(onActivation.mock.calls).toEqual([
      [{ notificationId: 'task-7-1000', taskIds: [7], actionId: 'snooze-day' }],
      [{ notificationId: 'task-7-1000', taskIds: [7], actionId: null }],
    ]);
  });

  it('Windows: toast XML carries the text, the buttons and the arguments; activations come from handleActivation only', () => {
    const api = fakeApi();
    const onActivation = vi.fn();
    const notifier = new ElectronNotifier({ api, platform: 'win32', onActivation, logger });
    notifier.start();
    notifier.show(withActions);
    const xml = api.created[0]!.options.toastXml ?? '';
    expect(xml).toContain('<text>R&amp;D &lt;review&gt; for &quot;Acme&quot;</text>');
    expect(xml).toContain('content="Snooze for a day"');
    const launch = /<toast launch="([^"]*)"/.exec(xml)?.[1] ?? '';
    const snooze = /content="Snooze for a day" arguments="([^"]*)"/.exec(xml)?.[1] ?? '';
    // Instance events also fire on Windows: they must not report the click twice.
    api.created[0]!.n.emit('click', {});
    api.activate?.({ type: 'click', arguments: launch.replace(/&amp;/g, '&') });
    api.activate?.({ type: 'action', arguments: snooze.replace(/&amp;/g, '&') });
    api.activate?.({ type: 'click', arguments: 'something else' });
    expect(onActivation.mock.calls).toEqual([
      [{ notificationId: 'task-7-1000', taskIds: [7], actionId: null }],
      [{ notificationId: 'task-7-1000', taskIds: [7], actionId: 'snooze-day' }],
    ]);
  });

  it('a summary reports all its tasks', () => {
    const api = fakeApi();
    const onActivation = vi.fn();
    new ElectronNotifier({ api, platform: 'darwin', onActivation, logger }).show(summary);
    api.created[0]!.n.emit('click', {});
    expect(onActivation).toHaveBeenCalledWith({ notificationId: 'summary-1000', taskIds: [1, 2, 3], actionId: null });
  });

  it('shows nothing where notifications are unsupported, and says so once', () => {
    const api = fakeApi(false);
    const warn = vi.fn();
    const notifier = new ElectronNotifier({ api, platform: 'linux', onActivation: vi.fn(), logger: { ...logger, warn } });
    notifier.show(single);
    notifier.show(single);
    expect(api.created).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('keeps a notification that timed out (Action Center), lets go of closed and failed ones, with a bound', () => {
    const api = fakeApi();
    const warn = vi.fn();
    const notifier = new ElectronNotifier({ api, platform: 'win32', onActivation: vi.fn(), logger: { ...logger, warn } });
    notifier.show(single);
    notifier.show(single);
    notifier.show(single);
    api.created[0]!.n.emit('close', { reason: 'timedOut' });
    expect(notifier.liveCount()).toBe(3);
    api.created[1]!.n.emit('close', { reason: 'userCanceled' });
    api.created[2]!.n.emit('failed', {}, 'not signed');
    expect(notifier.liveCount()).toBe(1);
    expect(warn).toHaveBeenCalledWith('a notification could not be shown', { error: 'not signed' });
    for (let i = 0; i < MAX_LIVE_NOTIFICATIONS + 5; i++) notifier.show(single);
    expect(notifier.liveCount()).toBe(MAX_LIVE_NOTIFICATIONS);
  });
});
