import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../src-main/contract/bridge.ts';
import {
  createCommandHandlers,
  MAX_CLIPBOARD_SCAN,
  type EngineFacade,
  type ShellActions,
} from '../../../src-main/electron/commandHandlers.ts';
import { ShortcutBinding } from '../../../src-main/electron/shortcut.ts';

function engine(overrides: Partial<EngineFacade> = {}): EngineFacade {
  const ok = vi.fn(async () => undefined);
  return {
    getState: vi.fn(() => ({}) as never),
    getTaskDetail: vi.fn(() => null),
    pin: vi.fn(async () => ({ pinned: [], alreadyPinned: [], rejected: [] })),
    unpin: ok,
    undoUnpin: ok,
    markSeen: ok,
    refresh: ok,
    setApiKey: vi.fn(async () => ({ ok: false as const, message: 'x', reason: 'other' as const })),
    clearApiKey: ok,
    updateSettings: vi.fn(async () => ({ ok: true as const, settings: {} as never })),
    pauseNotifications: ok,
    suggestPins: vi.fn(() => [5]),
    linkFor: (id: number) => `https://app.chamelio.ai/workflows/tasks/${id}`,
    chamelioHomeUrl: () => 'https://app.chamelio.ai/',
    actions: {
      getApproval: vi.fn(async () => ({ ok: false as const, kind: 'conflict' as const, message: 'x' })),
      decideApproval: vi.fn(async () => ({ ok: true as const, message: 'Approved.' })),
      cancelTask: vi.fn(async () => ({ ok: true as const, message: 'Cancelled.' })),
      getDocuments: vi.fn(async () => ({ signed: [], files: [], moreInChamelio: 0, step: null, problems: [] })),
      openDocumentWith: vi.fn(async (_id: number, _doc: unknown, open: (url: string) => unknown) => {
        await open('https://files.example/doc.pdf?X-Amz-Signature=1');
        return { ok: true as const, message: 'Opened doc.pdf.' };
      }),
    },
    triage: {} as never,
    ...overrides,
  };
}

function shell(overrides: Partial<ShellActions> = {}): ShellActions & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    openInBrowser: vi.fn(async (url: string) => void opened.push(url)),
    openDocumentInBrowser: vi.fn(async (url: string) => void opened.push(`document ${url}`)),
    readClipboardText: vi.fn(async () => 'see https://app.chamelio.ai/workflows/tasks/5'),
    startDemo: vi.fn(async () => undefined),
    hideWindow: vi.fn(),
    ...overrides,
  };
}

describe('createCommandHandlers', () => {
  it('has a handler for every command', () => {
    const handlers = createCommandHandlers(engine(), shell());
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('hands engine commands to the engine with their arguments', async () => {
    const e = engine();
    const handlers = createCommandHandlers(e, shell());
    await handlers.setApiKey('ca_abc', true);
    await handlers.pauseNotifications(123);
    await handlers.getTaskDetail(9);
    expect(e.setApiKey).toHaveBeenCalledWith('ca_abc', true);
    expect(e.pauseNotifications).toHaveBeenCalledWith(123);
    expect(e.getTaskDetail).toHaveBeenCalledWith(9);
  });

  it('opens tasks and the app home in the browser', async () => {
    const s = shell();
    const handlers = createCommandHandlers(engine(), s);
    await handlers.openTask(42);
    await handlers.openChamelio();
    expect(s.opened).toEqual(['https://app.chamelio.ai/workflows/tasks/42', 'https://app.chamelio.ai/']);
  });

  it('leaves the allow-list to the shell’s openInBrowser, its one home (electronAdapters.test.ts)', async () => {
    const s = shell();
    const handlers = createCommandHandlers(engine({ linkFor: () => 'https://app.chamelio.ai.evil.example/x' }), s);
    await handlers.openTask(1);
    expect(s.openInBrowser).toHaveBeenCalledWith('https://app.chamelio.ai.evil.example/x');
  });

  it('reads the clipboard in main, bounded, and returns only the suggested ids', async () => {
    const e = engine();
    const long = `https://app.chamelio.ai/workflows/tasks/5 ${'x'.repeat(MAX_CLIPBOARD_SCAN * 2)}`;
    const handlers = createCommandHandlers(e, shell({ readClipboardText: async () => long }));
    await expect(handlers.clipboardSuggestion()).resolves.toEqual([5]);
    expect((e.suggestPins as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toHaveLength(MAX_CLIPBOARD_SCAN);
  });

  it('passes demo and hide to the shell', async () => {
    const s = shell();
    const handlers = createCommandHandlers(engine(), s);
    await handlers.startDemo();
    await handlers.hideWindow();
    expect(s.startDemo).toHaveBeenCalledOnce();
    expect(s.hideWindow).toHaveBeenCalledOnce();
  });
});

describe('updateSettings with a new shortcut', () => {
  const registrar = (taken: string[]) => {
    const active = new Set<string>(['Ctrl+K']);
    return {
      active,
      register: (a: string) => (taken.includes(a) ? false : (active.add(a), true)),
      unregister: (a: string) => void active.delete(a),
    };
  };

  it('registers it first and saves it when that works', async () => {
    const r = registrar([]);
    const binding = new ShortcutBinding(r, () => undefined);
    binding.apply('Ctrl+K');
    const e = engine();
    const result = await createCommandHandlers(e, shell({ shortcut: binding })).updateSettings({ shortcut: 'Ctrl+J' });
    expect(result.ok).toBe(true);
    expect(e.updateSettings).toHaveBeenCalledWith({ shortcut: 'Ctrl+J' });
    expect(binding.active).toBe('Ctrl+J');
  });

  it('refuses a taken shortcut, keeps the old one, and does not save', async () => {
    const r = registrar(['Ctrl+Taken']);
    const binding = new ShortcutBinding(r, () => undefined);
    binding.apply('Ctrl+K');
    const e = engine();
    const result = await createCommandHandlers(e, shell({ shortcut: binding })).updateSettings({ shortcut: 'Ctrl+Taken' });
    expect(result).toMatchObject({ ok: false, field: 'shortcut' });
    expect(e.updateSettings).not.toHaveBeenCalled();
    expect(binding.active).toBe('Ctrl+K');
  });

  it('puts the old shortcut back when the engine refuses the patch', async () => {
    const binding = new ShortcutBinding(registrar([]), () => undefined);
    binding.apply('Ctrl+K');
    const e = engine({ updateSettings: vi.fn(async () => ({ ok: false as const, message: 'bad', field: 'pollIntervalSeconds' })) });
    await createCommandHandlers(e, shell({ shortcut: binding })).updateSettings({ shortcut: 'Ctrl+J', pollIntervalSeconds: -1 });
    expect(binding.active).toBe('Ctrl+K');
  });
});

describe('openDocument', () => {
  it('hands the engine’s fresh document link to the document rule, never to the Chamelio-only one', async () => {
    const s = shell();
    const handlers = createCommandHandlers(engine(), s);
    expect(await handlers.openDocument(5, { source: 'file', fileId: 'document_1' })).toEqual({ ok: true, message: 'Opened doc.pdf.' });
    expect(s.opened).toEqual(['document https://files.example/doc.pdf?X-Amz-Signature=1']);
    expect(s.openInBrowser).not.toHaveBeenCalled();
  });
});
