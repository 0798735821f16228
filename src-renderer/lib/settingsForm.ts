import type { SettingsPatch } from '../../src-main/contract/dto.ts';

/** Saves one change; resolves false (and the section shows `errors[field]`) when the engine refuses it. */
export type SaveSettings = (patch: SettingsPatch) => Promise<boolean>;
export type FieldErrors = Record<string, string>;

/** How long "Saved." stays next to a field. */
export const SAVED_MS = 4_000;

/** The one field a patch changes: "userEmail", or "notify.status" / "quietHours.start" for the nested ones. */
export function fieldOf(patch: SettingsPatch): string {
  const [key, value] = Object.entries(patch)[0] ?? ['', null];
  if (value && typeof value === 'object') return `${key}.${Object.keys(value)[0] ?? ''}`;
  return key;
}
