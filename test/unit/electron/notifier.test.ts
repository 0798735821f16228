import { describe, expect, it, vi } from 'vitest';
import type { PlannedNotification } from '../../../src-main/core/notify/PlannedNotification.ts';
import {
  ElectronNotifier,
  escapeNotificationMarkup,
  MAX_LIVE_NOTIFICATIONS,
  notificationContent,
  type NotificationApi,
  type ShownNotification,
} from '../../../src-main/electron/notifier.ts';

const single: PlannedNotification = {
  kind: 'single',
  taskIds: [7],
  title: 'R&D <review> for "Acme"',
  body: 'In progress → Completed <b>now</b> & then',
  assignedToYou: false,
  actions: [],
};
const summary: PlannedNotification = { kind: 'summary', taskIds: [1, 2, 3], title: '3 tasks changed', body: 'NDA, Lease, Audit', assignedToYou: false, actions: [] };

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

class FakeShown implements ShownNotification {
  readonly listeners = new Map<string, () => void>();
  shown = false;
  on(event: 'click' | 'close' | 'failed', listener: () => void): void {
    this.listeners.set(event, listener);
  }
  show(): void {
    this.shown = true;
  }
}

function fakeApi(supported = true): NotificationApi & { created: { options: unknown; n: FakeShown }[] } {
  const created: { options: unknown; n: FakeShown }[] = [];
  return {
    created,
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeShown();
      created.push({ options, n });
      return n;
    },
  };
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
      focusTaskId: 7,
      urgency: 'normal',
    });
    expect(notificationContent(single, 'darwin').body).toBe(single.body);
    expect(notificationContent(single, 'win32').body).toBe(single.body);
  });

  it('opens the list for a summary, and marks "assigned to you" urgent', () => {
    expect(notificationContent(summary, 'linux').focusTaskId).toBeNull();
    expect(notificationContent({ ...single, assignedToYou: true }, 'linux').urgency).toBe('critical');
  });

  it('caps long texts', () => {
    const c = notificationContent({ ...single, title: 't'.repeat(500), body: 'b'.repeat(5000) }, 'darwin');
    expect(c.title.length).toBe(120);
    expect(c.body.length).toBe(400);
  });
});

describe('ElectronNotifier', () => {
  it('shows the notification, and a click focuses its task', () => {
    const api = fakeApi();
    const onActivate = vi.fn();
    const notifier = new ElectronNotifier({ api, platform: 'linux', onActivate, logger });
    notifier.show(single);
    expect(api.created).toHaveLength(1);
    expect(api.created[0]!.options).toEqual({
      title: single.title,
      body: 'In progress → Completed &lt;b&gt;now&lt;/b&gt; &amp; then',
      urgency: 'normal',
      silent: false,
    });
    expect(api.created[0]!.n.shown).toBe(true);
    api.created[0]!.n.listeners.get('click')!();
    expect(onActivate).toHaveBeenCalledWith(7);
  });

  it('a summary click opens the list', () => {
    const api = fakeApi();
    const onActivate = vi.fn();
    new ElectronNotifier({ api, platform: 'darwin', onActivate, logger }).show(summary);
    api.created[0]!.n.listeners.get('click')!();
    expect(onActivate).toHaveBeenCalledWith(null);
  });

  it('shows nothing where notifications are unsupported, and says so once', () => {
    const api = fakeApi(false);
    const warn = vi.fn();
    const notifier = new ElectronNotifier({ api, platform: 'linux', onActivate: vi.fn(), logger: { ...logger, warn } });
    notifier.show(single);
    notifier.show(single);
    expect(api.created).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('keeps notifications referenced until they close, with a bound', () => {
    const api = fakeApi();
    const notifier = new ElectronNotifier({ api, platform: 'linux', onActivate: vi.fn(), logger });
    notifier.show(single);
    notifier.show(single);
    expect(notifier.liveCount()).toBe(2);
    api.created[0]!.n.listeners.get('close')!();
    api.created[1]!.n.listeners.get('failed')!();
    expect(notifier.liveCount()).toBe(0);
    for (let i = 0; i < MAX_LIVE_NOTIFICATIONS + 5; i++) notifier.show(single);
    expect(notifier.liveCount()).toBe(MAX_LIVE_NOTIFICATIONS);
  });
});
