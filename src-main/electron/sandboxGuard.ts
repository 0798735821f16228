/**
 * The installed app never runs without Chromium's sandbox. Nothing we ship passes `--no-sandbox`,
 * but electron-builder's AppImage launcher (AppRun) adds it by itself when it cannot create a user
 * namespace, which is the case on Ubuntu >= 24.04 (AppArmor restricts unprivileged user
 * namespaces; electron/electron#42510): the AppImage would then start unsandboxed, silently. A
 * packaged app started with `--no-sandbox` therefore refuses to run and says what to do instead.
 * Unpackaged runs (`npm start` in a container, say) are left alone.
 */
interface SandboxGuardInput {
  isPackaged: boolean;
  /** app.commandLine.hasSwitch('no-sandbox'). */
  noSandbox: boolean;
  /** process.env.APPIMAGE is set: started from an AppImage. */
  fromAppImage: boolean;
}

/** The message to show before quitting, or null when the app may start. */
export function unsandboxedStartRefusal(input: SandboxGuardInput): string | null {
  if (!input.isPackaged || !input.noSandbox) return null;
  const lines = ['Chamelio Tray does not run without the Chromium sandbox, and it was started with --no-sandbox.'];
  if (input.fromAppImage) {
    lines.push(
      'On Ubuntu 24.04 and later the AppImage cannot use the sandbox: AppArmor restricts the user namespaces it needs.',
      'Install the .deb package instead (it brings its own AppArmor profile), or allow user namespaces for the AppImage with an AppArmor profile (see the project documentation).',
    );
  } else {
    lines.push('Start it without --no-sandbox.');
  }
  return lines.join('\n\n');
}
