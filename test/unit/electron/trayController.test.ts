import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayState } from '../../../src-main/core/app/TrayState.ts';
import type { TrayMenuActions } from '../../../src-main/electron/trayMenu.ts';
import { traySummary } from '../../../src-main/electron/traySummary.ts';

// What TrayController asks of Electron, counted.
const calls = { setImage: 0, setToolTip: 0, setContextMenu: 0, popUpContextMenu: 0, buildFromTemplate: 0 };
const trays: FakeTray[] = [];
const missingFiles = new Set<string>();
class FakeTray extends EventEmitter {
  contextMenu: unknown = null;
  poppedUp: unknown = null;
  tooltip = '';
  titles: string[] = [];
  image: { path?: string };
  constructor(image: { path?: string }) {
    super();
    this.image = image;
    trays.push(this);
  }
  setImage(image: { path?: string }): void {
    calls.setImage++;
    this.image = image;
  }
  setToolTip(text: string): void {
    calls.setToolTip++;
    this.tooltip = text;
  }
  setTitle(title: string): void {
    this.titles.push(title);
  }
  setContextMenu(menu: unknown): void {
    calls.setContextMenu++;
    this.contextMenu = menu;
  }
  popUpContextMenu(menu: unknown): void {
    calls.popUpContextMenu++;
    this.poppedUp = menu;
  }
  setIgnoreDoubleClickEvents(): void {}
  getBounds() {
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  destroy(): void {}
}
vi.mock('electron', () => {
  const Menu = {
    buildFromTemplate: (template: unknown[]) => {
      calls.buildFromTemplate++;
      return { template };
    },
  };
  // Like Electron: an empty image (never a throw) for a file that is not there.
  const nativeImage = { createFromPath: (p: string) => ({ path: p, isEmpty: () => missingFiles.has(p), setTemplateImage: () => undefined }) };
  return { Menu, Tray: FakeTray, nativeImage, default: { Menu, Tray: FakeTray, nativeImage } };
});

const { TrayController } = await import('../../../src-main/electron/trayController.ts');

const actions: TrayMenuActions = {
  focusTask: vi.fn(),
  pinFromClipboard: vi.fn(),
  refresh: vi.fn(),
  pauseNotifications: vi.fn(),
  openChamelio: vi.fn(),
  openSettings: vi.fn(),
  openLogFolder: vi.fn(),
  copyDiagnostics: vi.fn(),
  restartToUpdate: vi.fn(),
  quit: vi.fn(),
};

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    kind: 'idle',
    pinned: 1,
    changed: 0,
    needsYou: 0,
    lastCheckedAt: Date.UTC(2026, 10, 30, 9, 42),
    connection: { kind: 'ok' },
    tasks: [{ id: 7, label: 'NDA for Acme', statusLabel: 'In progress', unseen: false, needsYou: false, approvalWaiting: false }],
    notificationsPausedUntil: null,
    hasKey: true,
    ...overrides,
  };
}

function controller(platform: NodeJS.Platform) {
  const tray = new TrayController({ iconDir: '/icons', platform, actions, now: () => new Date(2026, 10, 30, 10, 42).getTime(), onClick: vi.fn() });
  tray.create(state());
  return tray;
}

beforeEach(() => {
  for (const key of Object.keys(calls) as (keyof typeof calls)[]) calls[key] = 0;
  trays.length = 0;
  missingFiles.clear();
});

describe('TrayController.render', () => {
  it('shows the needs-you count beside the icon on macOS, set only when it changes; elsewhere only in the tooltip', () => {
    const mac = controller('darwin');
    mac.render(state({ needsYou: 2 }));
    mac.render(state({ needsYou: 2 }));
    mac.render(state({ needsYou: 0 }));
    expect(trays.at(-1)?.titles).toEqual(['', '2', '']);
    const linux = controller('linux');
    linux.render(state({ needsYou: 2 }));
    expect(trays.at(-1)?.titles).toEqual([]);
    expect(trays.at(-1)?.tooltip).toMatch(/^Chamelio Tray · 1 pinned · 2 need you · checked /);
  });

  it('sets icon, tooltip and menu once at creation', () => {
    controller('linux');
    expect(calls).toMatchObject({ setToolTip: 1, setContextMenu: 1, buildFromTemplate: 1, setImage: 0 });
  });

  it('leaves the menu alone on a poll that changed nothing the menu shows', () => {
    const tray = controller('linux');
    tray.render(state());
    tray.render(state());
    expect(calls).toMatchObject({ setToolTip: 1, setContextMenu: 1, buildFromTemplate: 1, setImage: 0 });
  });

  it('updates only the tooltip when only the time of the last check changed', () => {
    const tray = controller('linux');
    const later = Date.UTC(2026, 10, 30, 9, 43);
    tray.render(state({ lastCheckedAt: later }));
    expect(calls).toMatchObject({ setToolTip: 2, setContextMenu: 1, buildFromTemplate: 1 });
    expect(trays.at(-1)?.tooltip).toBe(traySummary(state({ lastCheckedAt: later })).tooltip);
    expect(trays.at(-1)?.tooltip).toMatch(/^Chamelio Tray · 1 pinned · checked \S/);
  });

  it('sets a new menu when a label or an enabled flag changes, and a new icon when the kind does', () => {
    const tray = controller('linux');
    tray.render(state({ tasks: [{ id: 7, label: 'NDA for Acme', statusLabel: 'Done', unseen: true, needsYou: false, approvalWaiting: false }] }));
    expect(calls.setContextMenu).toBe(2);
    tray.render(state({ hasKey: false, tasks: [{ id: 7, label: 'NDA for Acme', statusLabel: 'Done', unseen: true, needsYou: false, approvalWaiting: false }] }));
    expect(calls.setContextMenu).toBe(3);
    tray.render(state({ kind: 'offline', hasKey: false, tasks: [{ id: 7, label: 'NDA for Acme', statusLabel: 'Done', unseen: true, needsYou: false, approvalWaiting: false }] }));
    expect(calls).toMatchObject({ setImage: 1, setContextMenu: 3 });
  });

  it('macOS: never sets a context menu; right-click pops up the current one', () => {
    const tray = controller('darwin');
    tray.render(state({ tasks: [] }));
    expect(calls.setContextMenu).toBe(0);
    trays.at(-1)?.emit('right-click');
    expect(calls.popUpContextMenu).toBe(1);
    const ids = ((trays.at(-1)?.poppedUp as { template: { id?: string }[] }).template ?? []).map((i) => i.id);
    expect(ids).toContain('no-tasks');
  });

  it('falls back to the idle icon when a state icon is missing, and logs each missing file once', () => {
    missingFiles.add('/icons/tray-offline.png');
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const tray = new TrayController({ iconDir: '/icons', platform: 'linux', actions, now: () => 0, onClick: vi.fn(), logger });
    tray.create(state({ kind: 'offline' }));
    expect(trays.at(-1)?.image.path).toBe('/icons/tray-idle.png');
    tray.render(state({ kind: 'idle' }));
    tray.render(state({ kind: 'offline' }));
    expect(trays.at(-1)?.image.path).toBe('/icons/tray-idle.png');
    expect(logger.error.mock.calls).toEqual([['a tray icon file is missing or unreadable', { file: '/icons/tray-offline.png', state: 'offline' }]]);
  });
});
