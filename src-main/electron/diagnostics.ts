/**
 * "Copy diagnostics" in the tray's Troubleshooting menu: what a maintainer needs to read a bug
 * report, and nothing a user would not paste into one. Never the key (only how it is kept), never a
 * task title, an email or an address: counts and states only.
 */
import type { AppSnapshot } from '../core/app/AppSnapshot.ts';

interface DiagnosticsInput {
  appVersion: string;
  electronVersion: string;
  os: { platform: NodeJS.Platform; release: string; arch: string };
  /** e.g. "x11", "wayland"; null where the OS has no such idea. */
  session: string | null;
  packaged: boolean;
  snapshot: Pick<AppSnapshot, 'connection' | 'tasks' | 'key' | 'lastCheckedAt'>;
  update: string;
}

export function diagnosticsText(input: DiagnosticsInput): string {
  const { snapshot } = input;
  const lines = [
    `Chamelio Tray ${input.appVersion}${input.packaged ? '' : ' (unpackaged)'}`,
    `Electron ${input.electronVersion}`,
    `OS: ${input.os.platform} ${input.os.release} (${input.os.arch})${input.session ? `, ${input.session} session` : ''}`,
    `Connection: ${snapshot.connection.kind}`,
    `Pinned tasks: ${snapshot.tasks.length}`,
    `API key: ${snapshot.key.isSet ? `set, kept ${snapshot.key.protection === 'os' ? 'in the OS keychain' : snapshot.key.protection}` : 'not set'}`,
    `Last check: ${snapshot.lastCheckedAt === null ? 'never' : new Date(snapshot.lastCheckedAt).toISOString()}`,
    `Updates: ${input.update}`,
  ];
  return lines.join('\n');
}
