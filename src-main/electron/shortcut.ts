/**
 * Rebinding the global shortcut with rollback (Gitify's approach): another app may own the new
 * accelerator, or the text may not be a valid one. Then the old binding is restored and the caller
 * reverts the setting, so what the settings say is always what works.
 */
export interface ShortcutRegistrar {
  /** False when the accelerator is taken; may throw when it is not a valid accelerator. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type RebindResult = { ok: true; active: string } | { ok: false; active: string; failed: string };

function tryRegister(registrar: ShortcutRegistrar, accelerator: string, callback: () => void): boolean {
  try {
    return registrar.register(accelerator, callback);
  } catch {
    return false;
  }
}

/** `from`: the accelerator registered now ('' for none). `to`: the one wanted ('' turns it off). */
export function rebindShortcut(
  registrar: ShortcutRegistrar,
  from: string,
  to: string,
  callback: () => void,
): RebindResult {
  const wanted = to.trim();
  if (wanted === from) return { ok: true, active: from };
  if (from !== '') registrar.unregister(from);
  if (wanted === '') return { ok: true, active: '' };
  if (tryRegister(registrar, wanted, callback)) return { ok: true, active: wanted };
  const restored = from !== '' && tryRegister(registrar, from, callback);
  return { ok: false, active: restored ? from : '', failed: wanted };
}

/** The one global shortcut, remembering what is registered now. */
export class ShortcutBinding {
  private readonly registrar: ShortcutRegistrar;
  private readonly callback: () => void;
  private current = '';

  constructor(registrar: ShortcutRegistrar, callback: () => void) {
    this.registrar = registrar;
    this.callback = callback;
  }

  get active(): string {
    return this.current;
  }

  apply(wanted: string): RebindResult {
    const result = rebindShortcut(this.registrar, this.current, wanted, this.callback);
    this.current = result.active;
    return result;
  }
}

export function shortcutFailureMessage(accelerator: string): string {
  return `The shortcut ${accelerator} could not be set: another app may be using it, or it is not a valid shortcut.`;
}
