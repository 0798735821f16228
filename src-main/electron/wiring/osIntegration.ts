/**
 * What the app does in the OS on the engine's behalf: the theme, launch at login and the global
 * shortcut follow the settings (only what changed is applied again), and sleep, the lock screen and
 * connectivity reach the engine.
 */
import { homedir } from 'node:os';
import { app, nativeTheme, net, powerMonitor } from 'electron';
import type { AppService } from '../../core/app/AppService.ts';
import type { Logger } from '../../core/app/ports.ts';
import type { Settings } from '../../core/app/Settings.ts';
import { autostartExecPath, autostartFilePath, loginItemPlan, removeAutostartEntry, writeAutostartEntry } from '../autostart.ts';
import { inBackground } from '../background.ts';
import { realClock } from '../../core/app/realClock.ts';
import { settingsEffects, type AppliedSettings } from '../settingsEffects.ts';
import type { ShortcutBinding } from '../shortcut.ts';
import { OnlineWatcher, wirePowerMonitor } from '../systemState.ts';

async function applyLaunchAtLogin(enabled: boolean, platform: NodeJS.Platform, logger: Logger): Promise<void> {
  const plan = loginItemPlan({ platform, isPackaged: app.isPackaged, enabled });
  if (plan.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
  else if (plan.kind === 'xdg-autostart') {
    const file = autostartFilePath(process.env, homedir());
    if (plan.enabled) await writeAutostartEntry(file, autostartExecPath(process.execPath, process.env));
    else await removeAutostartEntry(file);
  } else if (enabled) logger.info('launch at login not applied', { reason: plan.reason });
}

/** Applies the settings that live in the OS; returns the function to call with every new settings value. */
export function settingsApplier(deps: {
  engine: AppService;
  shortcut: ShortcutBinding;
  platform: NodeJS.Platform;
  logger: Logger;
}): (settings: Settings) => void {
  const { engine, shortcut, logger } = deps;
  let applied: AppliedSettings | null = null;
  return (settings) => {
    const effects = settingsEffects(applied, settings);
    const firstTime = applied === null;
    applied = { theme: settings.theme, launchAtLogin: settings.launchAtLogin, shortcut: settings.shortcut };
    if (effects.theme !== undefined) nativeTheme.themeSource = effects.theme;
    if (effects.launchAtLogin !== undefined) {
      inBackground('changing launch at login', applyLaunchAtLogin(effects.launchAtLogin, deps.platform, logger), logger);
    }
    if (effects.shortcut === undefined) return;
    const result = shortcut.apply(effects.shortcut);
    if (result.ok) return;
    logger.warn('the global shortcut could not be registered', { shortcut: result.failed });
    // At startup keep the user's choice (another app may hold the keys just now); after a change
    // made elsewhere, put the setting back to what actually works.
    if (!firstTime) inBackground('reverting the shortcut setting', engine.updateSettings({ shortcut: result.active }), logger);
  };
}

/** Sleep and the lock screen from powerMonitor; connectivity from net.isOnline(), asked regularly. */
export function watchSystemState(engine: AppService): OnlineWatcher {
  const online = new OnlineWatcher({ isOnline: () => net.isOnline(), clock: realClock, sink: engine });
  wirePowerMonitor(powerMonitor, engine, () => online.check());
  return online;
}
