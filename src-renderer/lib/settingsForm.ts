import type { SettingsPatch } from '../../src-main/contract/dto.ts';

/** Saves one change; resolves false (and the section shows `errors[field]`) when the engine refuses it. */
export type SaveSettings = (patch: SettingsPatch) => Promise<boolean>;
export type FieldErrors = Record<string, string>;
