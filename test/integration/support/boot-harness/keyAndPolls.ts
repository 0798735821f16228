/** The key set through the bridge and looked for where it must not be; polls that change nothing the menu shows. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeTask } from '../../../support/makeTask.ts';
import { type BootContext, STATE_CHANNEL, TEST_KEY } from './context.ts';

const ORG_INFO = { status: 200, body: { org_name: 'Boot Test Org', rate_limit_per_minute: 120, entities: [], api_key_id: 7 } };

export async function checkKeyAndPolls(c: BootContext): Promise<void> {
  const { s, userData, report, waitFor, win, tray, handler, fromPage, outcome, trayMenuNow, lastState } = c;
  // ── the key: set through the bridge, then look for it where it must not be ───────────────────────
  // A redirect is a server problem ("check the API address"), not "offline".
  report['setApiKeyBehindRedirect'] = await outcome(() => handler('setApiKey')(fromPage(), TEST_KEY, false));
  s.settings.fetchAnswers.set('/users/org-info', ORG_INFO);
  report['setApiKey'] = await outcome(() => handler('setApiKey')(fromPage(), TEST_KEY, false));
  await waitFor('the state after the key', () => (win?.webContents.sent.filter((m) => m.channel === STATE_CHANNEL).length ?? 0) > 1);
  report['fetchesAfterKey'] = [...s.fetches];
  const configFile = path.join(userData, 'config.json');
  const configText = readFileSync(configFile, 'utf8');
  const config = JSON.parse(configText) as Record<string, unknown>;
  report['store'] = {
    mode: (statSync(configFile).mode & 0o777).toString(8),
    containsPlainKey: configText.includes(TEST_KEY),
    apiKeyRecord: config['apiKey'] ? { ...(config['apiKey'] as object), cipher: '[present]' } : null,
    storeVersion: config['storeVersion'],
  };
  report['keyState'] = lastState()?.key ?? null;
  if (s.settings.storageBackend === 'basic_text') {
    // No keyring: the user opts in to weak storage knowingly (Settings' "Remember anyway").
    report['setApiKeyWeak'] = await outcome(() => handler('setApiKey')(fromPage(), TEST_KEY, true));
    const stored = readFileSync(configFile, 'utf8');
    const record = (JSON.parse(stored) as Record<string, unknown>)['apiKey'];
    report['storeAfterOptIn'] = { containsPlainKey: stored.includes(TEST_KEY), apiKeyRecord: record ? { ...(record as object), cipher: '[present]' } : null };
  }
  report['keyInRendererMessages'] = JSON.stringify(win?.webContents.sent ?? []).includes(TEST_KEY);
  report['keyInRecordedCalls'] = JSON.stringify(s.recording.calls).includes(TEST_KEY);

  // ── polls that change nothing the menu shows leave the tray menu alone ───────────────────────────
  const statesSent = (): number => win?.webContents.sent.filter((m) => m.channel === STATE_CHANNEL).length ?? 0;
  s.settings.fetchAnswers.set('/tasks/42', { status: 200, body: { task: makeTask({ task_id: 42 }) } });
  report['pin'] = await outcome(() => handler('pin')(fromPage(), 'https://app.chamelio.ai/workflows/tasks/42'));
  await waitFor('the first check of the pinned task', () => /checked/.test(tray?.tooltip ?? ''));
  await new Promise((r) => setTimeout(r, 150)); // the pin's own snapshots settle first
  const trayBefore = { menuSets: tray?.contextMenuSets ?? 0, menusBuilt: s.menus.built.length };
  for (let poll = 0; poll < 3; poll++) {
    const sent = statesSent();
    await handler('refresh')(fromPage());
    await waitFor('the snapshot after a refresh', () => statesSent() > sent);
  }
  report['trayAcrossPolls'] = {
    menuSetsAdded: (tray?.contextMenuSets ?? 0) - trayBefore.menuSets,
    menusBuilt: s.menus.built.length - trayBefore.menusBuilt,
  };
  report['trayAfterPolls'] = { tooltip: tray?.tooltip ?? null, summary: trayMenuNow().find((i) => i.id === 'summary')?.label ?? null };
}
