import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { TrayState } from '../../../src-main/core/app/TrayState.ts';
import {
  buildTrayMenuTemplate,
  MAX_MENU_TASKS,
  menuLabel,
  menuSignature,
  nextLocalMorning,
  ONE_HOUR_MS,
  trayMenuStrategy,
  type TrayMenuActions,
} from '../../../src-main/electron/trayMenu.ts';
import { untyped } from '../../support/untyped.ts';

const now = new Date(2026, 10, 30, 10, 42, 0).getTime();
const formatTime = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    kind: 'changes-unseen',
    pinned: 2,
    changed: 1,
    needsYou: 1,
    lastCheckedAt: Date.UTC(2026, 10, 30, 9, 42),
    connection: { kind: 'ok' },
    tasks: [
      { id: 101, label: 'NDA for Acme', statusLabel: 'In progress', unseen: true, needsYou: false, approvalWaiting: false },
      { id: 102, label: 'Vendor review', statusLabel: 'Pending', unseen: false, needsYou: true, approvalWaiting: false },
    ],
    notificationsPausedUntil: null,
    hasKey: true,
    ...overrides,
  };
}

function actions() {
  return {
    focusTask: vi.fn<TrayMenuActions['focusTask']>(),
    pinFromClipboard: vi.fn<TrayMenuActions['pinFromClipboard']>(),
    refresh: vi.fn<TrayMenuActions['refresh']>(),
    pauseNotifications: vi.fn<TrayMenuActions['pauseNotifications']>(),
    openChamelio: vi.fn<TrayMenuActions['openChamelio']>(),
    openSettings: vi.fn<TrayMenuActions['openSettings']>(),
    openLogFolder: vi.fn<TrayMenuActions['openLogFolder']>(),
    copyDiagnostics: vi.fn<TrayMenuActions['copyDiagnostics']>(),
    restartToUpdate: vi.fn<TrayMenuActions['restartToUpdate']>(),
    quit: vi.fn<TrayMenuActions['quit']>(),
  } satisfies TrayMenuActions;
}

const byId = (items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions => {
  for (const item of items) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = item.submenu.find((i) => i.id === id);
      if (found) return found;
    }
  }
  throw new Error(`no item ${id}`);
};
const click = (item: MenuItemConstructorOptions) => untyped<() => void>(item.click)();

describe('buildTrayMenuTemplate', () => {
  it('has a Troubleshooting submenu: open the log folder, copy diagnostics', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(state(), a, { now: () => Date.UTC(2026, 10, 20, 12) });
    const trouble = byId(items, 'troubleshooting');
    expect((trouble.submenu as MenuItemConstructorOptions[]).map((i) => i.label)).toEqual(['Open log folder', 'Copy diagnostics']);
    click(byId(items, 'open-log-folder'));
    click(byId(items, 'copy-diagnostics'));
    expect(a.openLogFolder).toHaveBeenCalledOnce();
    expect(a.copyDiagnostics).toHaveBeenCalledOnce();
  });

  it('offers "Restart to update" only once an update is downloaded', () => {
    const a = actions();
    expect(buildTrayMenuTemplate(state(), a, { now: () => Date.UTC(2026, 10, 20, 12) }).some((i) => i.id === 'restart-to-update')).toBe(false);
    const ready = buildTrayMenuTemplate(state(), a, { now: () => Date.UTC(2026, 10, 20, 12), updateReady: () => true });
    click(byId(ready, 'restart-to-update'));
    expect(a.restartToUpdate).toHaveBeenCalledOnce();
  });

  it('lists every action the popover offers, in order', () => {
    const items = buildTrayMenuTemplate(state(), actions(), { now: () => now, formatTime });
    expect(items.filter((i) => i.id).map((i) => i.id)).toEqual([
      'summary',
      'task-101',
      'task-102',
      'pin-clipboard',
      'refresh',
      'pause',
      'open-chamelio',
      'settings',
      'troubleshooting',
      'quit',
    ]);
    // "checked 10:42" stays in the tooltip: it changes with every poll.
    expect(byId(items, 'summary')).toMatchObject({ label: 'Chamelio Tray · 2 pinned · 1 changed · 1 needs you', enabled: false });
  });

  it('shows each pinned task with its status and marks, and a click focuses it', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(state(), a, { now: () => now, formatTime });
    expect(byId(items, 'task-101').label).toBe('● NDA for Acme — In progress');
    expect(byId(items, 'task-102').label).toBe('★ Vendor review — Pending');
    click(byId(items, 'task-102'));
    expect(a.focusTask).toHaveBeenCalledWith(102);
  });

  it('a task waiting on your approval opens at the approval; the item changes id when that changes, so the menu is rebuilt', () => {
    const a = actions();
    const plain = state();
    const waiting = { ...plain, tasks: plain.tasks.map((t) => (t.id === 102 ? { ...t, approvalWaiting: true } : t)) };
    const items = buildTrayMenuTemplate(waiting, a, { now: () => now, formatTime });
    click(byId(items, 'task-102-approval'));
    expect(a.focusTask).toHaveBeenCalledWith(102, 'approval');
    click(byId(items, 'task-101'));
    expect(a.focusTask).toHaveBeenLastCalledWith(101);
    expect(menuSignature(items)).not.toBe(menuSignature(buildTrayMenuTemplate(plain, a, { now: () => now, formatTime })));
  });

  it('wires every plain action', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(state(), a, { now: () => now, formatTime });
    click(byId(items, 'pin-clipboard'));
    click(byId(items, 'refresh'));
    click(byId(items, 'open-chamelio'));
    click(byId(items, 'settings'));
    click(byId(items, 'quit'));
    expect(a.pinFromClipboard).toHaveBeenCalledOnce();
    expect(a.refresh).toHaveBeenCalledOnce();
    expect(a.openChamelio).toHaveBeenCalledOnce();
    expect(a.openSettings).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('pauses for an hour, until the next 08:00, and resumes', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(state(), a, { now: () => now, formatTime });
    click(byId(items, 'pause-hour'));
    click(byId(items, 'pause-tomorrow'));
    expect(a.pauseNotifications).toHaveBeenNthCalledWith(1, now + ONE_HOUR_MS);
    expect(a.pauseNotifications).toHaveBeenNthCalledWith(2, new Date(2026, 11, 1, 8, 0, 0).getTime());
    expect(byId(items, 'pause-tomorrow').label).toBe('Until tomorrow, 08:00');
    expect(byId(items, 'pause-resume').enabled).toBe(false);
  });

  it('works out the end of a pause when the item is clicked, not when the menu was built', () => {
    const a = actions();
    let clock = new Date(2026, 10, 30, 7, 55, 0).getTime();
    const items = buildTrayMenuTemplate(state(), a, { now: () => clock, formatTime });
    expect(byId(items, 'pause-tomorrow').label).toBe('Until 08:00');
    clock = new Date(2026, 10, 30, 8, 5, 0).getTime();
    click(byId(items, 'pause-hour'));
    click(byId(items, 'pause-tomorrow'));
    expect(a.pauseNotifications).toHaveBeenNthCalledWith(1, clock + ONE_HOUR_MS);
    // 08:00 today has passed by the click: the next morning is tomorrow's.
    expect(a.pauseNotifications).toHaveBeenNthCalledWith(2, new Date(2026, 11, 1, 8, 0, 0).getTime());
  });

  it('says until when paused and lets the user resume', () => {
    const a = actions();
    const until = now + 30 * 60 * 1000;
    const items = buildTrayMenuTemplate(state({ notificationsPausedUntil: until }), a, { now: () => now, formatTime });
    expect(byId(items, 'pause').label).toBe('Notifications paused');
    expect(byId(items, 'paused-until')).toMatchObject({ label: 'Paused until 11:12', enabled: false });
    const resume = byId(items, 'pause-resume');
    expect(resume.enabled).toBe(true);
    click(resume);
    expect(a.pauseNotifications).toHaveBeenCalledWith(null);
  });

  it('treats a pause that has run out as not paused', () => {
    const items = buildTrayMenuTemplate(state({ notificationsPausedUntil: now - 1 }), actions(), { now: () => now, formatTime });
    expect(byId(items, 'pause').label).toBe('Pause notifications');
  });

  it('without a key: offers to set one and disables refresh', () => {
    const a = actions();
    const items = buildTrayMenuTemplate(state({ hasKey: false, kind: 'key-problem', tasks: [] }), a, { now: () => now, formatTime });
    expect(byId(items, 'refresh').enabled).toBe(false);
    expect(byId(items, 'no-tasks')).toMatchObject({ label: 'No pinned tasks', enabled: false });
    click(byId(items, 'set-key'));
    expect(a.openSettings).toHaveBeenCalledOnce();
  });

  it('lists at most a dozen tasks and a "more" item that opens the list', () => {
    const a = actions();
    const tasks = Array.from({ length: MAX_MENU_TASKS + 3 }, (_, i) => ({ id: i + 1, label: `T${i + 1}`, statusLabel: 'Pending', unseen: false, needsYou: false, approvalWaiting: false }));
    const items = buildTrayMenuTemplate(state({ tasks }), a, { now: () => now, formatTime });
    expect(items.filter((i) => i.id?.startsWith('task-'))).toHaveLength(MAX_MENU_TASKS);
    click(byId(items, 'more-tasks'));
    expect(byId(items, 'more-tasks').label).toBe('3 more…');
    expect(a.focusTask).toHaveBeenCalledWith(null);
  });
});

describe('menuSignature', () => {
  const build = (overrides: Partial<TrayState> = {}, a = actions()) => buildTrayMenuTemplate(state(overrides), a, { now: () => now, formatTime });

  it('is the same for two polls that differ only in "checked" and in the click handlers', () => {
    const first = build({ lastCheckedAt: now - 60_000 });
    const second = build({ lastCheckedAt: now }, actions());
    expect(menuSignature(second)).toBe(menuSignature(first));
  });

  it('changes with any label, enabled or checked flag, item or submenu item', () => {
    const base = menuSignature(build());
    expect(menuSignature(build({ changed: 2 }))).not.toBe(base);
    expect(menuSignature(build({ hasKey: false }))).not.toBe(base);
    expect(menuSignature(build({ notificationsPausedUntil: now + 60_000 }))).not.toBe(base);
    const tasks = state().tasks.map((t) => (t.id === 102 ? { ...t, statusLabel: 'Done' } : t));
    expect(menuSignature(build({ tasks }))).not.toBe(base);
    const swapped = state().tasks.map((t) => ({ ...t, id: t.id + 100 }));
    expect(menuSignature(build({ tasks: swapped }))).not.toBe(base);
    const template = build();
    expect(menuSignature([...template, { id: 'x', label: 'x', type: 'checkbox', checked: true }])).not.toBe(
      menuSignature([...template, { id: 'x', label: 'x', type: 'checkbox', checked: false }]),
    );
  });
});

describe('menuLabel', () => {
  it('doubles & so menus show it instead of reading a mnemonic', () => {
    expect(menuLabel('R&D review')).toBe('R&&D review');
    expect(menuLabel('A && B')).toBe('A &&&& B');
  });

  it('escapes API text in the task items', () => {
    const tasks = [{ id: 1, label: 'Q&A', statusLabel: 'In progress', unseen: false, needsYou: false, approvalWaiting: false }];
    const items = buildTrayMenuTemplate(state({ tasks }), actions(), { now: () => now, formatTime });
    expect(byId(items, 'task-1').label).toBe('Q&&A — In progress');
  });

  it('keeps labels on one short line', () => {
    expect(menuLabel('a\nb\tc')).toBe('a b c');
    const long = menuLabel('x'.repeat(200));
    expect(long.length).toBe(60);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('nextLocalMorning', () => {
  it('is today at 08:00 before eight, tomorrow after', () => {
    expect(nextLocalMorning(new Date(2026, 10, 30, 2, 0).getTime())).toBe(new Date(2026, 10, 30, 8, 0).getTime());
    expect(nextLocalMorning(new Date(2026, 10, 30, 8, 0).getTime())).toBe(new Date(2026, 11, 1, 8, 0).getTime());
    expect(nextLocalMorning(new Date(2026, 11, 31, 23, 59).getTime())).toBe(new Date(2027, 0, 1, 8, 0).getTime());
  });

  it('labels a same-day morning without "tomorrow"', () => {
    const early = new Date(2026, 10, 30, 2, 0).getTime();
    const items = buildTrayMenuTemplate(state(), actions(), { now: () => early, formatTime });
    expect(byId(items, 'pause-tomorrow').label).toBe('Until 08:00');
  });
});

describe('trayMenuStrategy', () => {
  it('sets the menu on Linux and Windows, pops it up on right-click on macOS', () => {
    expect(trayMenuStrategy('linux')).toBe('set-context-menu');
    expect(trayMenuStrategy('win32')).toBe('set-context-menu');
    expect(trayMenuStrategy('darwin')).toBe('popup-on-right-click');
  });
});
