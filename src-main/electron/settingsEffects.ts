/**
 * Settings that main applies to the OS (theme, launch at login, global shortcut). Compared with what
 * was applied last, so a snapshot that changed something else (a task, the clock) does no OS work.
 */
import type { Settings, Theme } from '../core/app/Settings.ts';

export interface AppliedSettings {
  theme: Theme;
  launchAtLogin: boolean;
  shortcut: string;
}

interface SettingsEffects {
  theme?: Theme;
  launchAtLogin?: boolean;
  shortcut?: string;
}

export function settingsEffects(applied: AppliedSettings | null, next: Settings): SettingsEffects {
  const effects: SettingsEffects = {};
  if (applied === null || applied.theme !== next.theme) effects.theme = next.theme;
  if (applied === null || applied.launchAtLogin !== next.launchAtLogin) effects.launchAtLogin = next.launchAtLogin;
  if (applied === null || applied.shortcut !== next.shortcut) effects.shortcut = next.shortcut;
  return effects;
}
