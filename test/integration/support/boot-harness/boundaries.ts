/** The boundaries: IPC from our page and from strangers, malformed arguments, app:// and its folder, navigation, new windows, webviews and permissions. */
import type { BootContext } from './context.ts';

export async function checkBoundaries(c: BootContext): Promise<void> {
  const { s, report, win, handler, fromPage, outcome } = c;
  // ── IPC: our page, then strangers ─────────────────────────────────────────────────────────────────
  const senders: Record<string, unknown> = {
    page: fromPage(),
    foreignHttps: { senderFrame: { url: 'https://evil.example/', parent: null }, sender: win?.webContents },
    fileUrl: { senderFrame: { url: 'file:///home/user/index.html', parent: null }, sender: win?.webContents },
    otherAppHost: { senderFrame: { url: 'app://evil/index.html', parent: null }, sender: win?.webContents },
    nullFrame: { senderFrame: null, sender: win?.webContents },
    subFrame: { senderFrame: { url: 'app://tray/index.html', parent: { url: 'app://tray/index.html' } }, sender: win?.webContents },
    devServer: { senderFrame: { url: 'http://localhost:5173/', parent: null }, sender: win?.webContents },
    otherWebContents: { senderFrame: { url: 'app://tray/index.html', parent: null }, sender: {} },
  };
  const senderResults: Record<string, unknown> = {};
  for (const [name, event] of Object.entries(senders)) senderResults[name] = await outcome(() => handler('getState')(event));
  report['senders'] = senderResults;

  report['invalidArgs'] = {
    negativeTaskId: await outcome(() => handler('getTaskDetail')(fromPage(), -1)),
    fractionalTaskId: await outcome(() => handler('unpin')(fromPage(), 1.5)),
    pinNotText: await outcome(() => handler('pin')(fromPage(), { text: 'x' })),
    pinTooLong: await outcome(() => handler('pin')(fromPage(), 'x'.repeat(100_000))),
    settingsArray: await outcome(() => handler('updateSettings')(fromPage(), [])),
    settingsProto: await outcome(() => handler('updateSettings')(fromPage(), JSON.parse('{"__proto__":{"x":1}}'))),
    pauseText: await outcome(() => handler('pauseNotifications')(fromPage(), 'tomorrow')),
    extraArg: await outcome(() => handler('refresh')(fromPage(), 1)),
  };

  // ── app:// ────────────────────────────────────────────────────────────────────────────────────────
  const serve = s.protocolHandlers.get('app');
  async function fetchApp(url: string): Promise<unknown> {
    if (!serve) return null;
    const response = await serve(new Request(url));
    return { status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type') };
  }
  report['appProtocol'] = {
    index: await fetchApp('app://tray/index.html'),
    root: await fetchApp('app://tray/'),
    traversal: await fetchApp('app://tray/..%2f..%2fpackage.json'),
    dotSegments: await fetchApp('app://tray/%2e%2e/%2e%2e/package.json'),
    otherHost: await fetchApp('app://other/index.html'),
    missing: await fetchApp('app://tray/nope.js'),
  };

  // ── navigation, new windows, webviews, permissions ───────────────────────────────────────────────
  function fakeEvent(url = ''): { url: string; prevented: boolean; preventDefault(): void } {
    return {
      url,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
  }
  // Electron 45 passes the URL in the event (details.url); the positional argument is deprecated.
  const nav = fakeEvent('https://app.chamelio.ai/workflows/tasks/8');
  win?.webContents.emit('will-navigate', nav, 'https://app.chamelio.ai/workflows/tasks/8');
  const webview = fakeEvent();
  win?.webContents.emit('will-attach-webview', webview, {}, {});
  const openForeign = win?.webContents.windowOpenHandler?.({ url: 'https://evil.example/' });
  const openChamelio = win?.webContents.windowOpenHandler?.({ url: 'https://app.chamelio.ai/workflows/tasks/7' });
  await new Promise((r) => setImmediate(r));
  function requestPermission(permission: string, requestingUrl: string, isMainFrame = true): boolean | null {
    let granted: boolean | null = null;
    s.permissionHandlers.request?.({}, permission, (g) => {
      granted = g;
    }, { requestingUrl, isMainFrame });
    return granted;
  }
  report['guards'] = {
    willNavigatePrevented: nav.prevented,
    willAttachWebviewPrevented: webview.prevented,
    windowOpenForeign: openForeign ?? null,
    windowOpenChamelio: openChamelio ?? null,
    openedExternally: [...s.opened],
    permissions: {
      notifications: requestPermission('notifications', 'app://tray/index.html'),
      media: requestPermission('media', 'app://tray/index.html'),
      clipboardWriteFromPage: requestPermission('clipboard-sanitized-write', 'app://tray/index.html'),
      clipboardWriteFromSubFrame: requestPermission('clipboard-sanitized-write', 'app://tray/index.html', false),
      clipboardWriteFromStranger: requestPermission('clipboard-sanitized-write', 'https://evil.example/'),
      checkClipboardRead: s.permissionHandlers.check?.({}, 'clipboard-read', 'app://tray', { isMainFrame: true }) ?? null,
      checkClipboardWrite: s.permissionHandlers.check?.({}, 'clipboard-sanitized-write', 'app://tray', { isMainFrame: true }) ?? null,
      deviceHandler: s.permissionHandlers.device?.({}) ?? null,
    },
  };
}
