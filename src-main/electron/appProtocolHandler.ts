/** Registers `app://` (before ready) and serves the built renderer from it (after ready). */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, serveAppRequest } from './appProtocol.ts';

/** Must run before `app` is ready. standard: real origin and relative URLs; secure: a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererRoot, (file) => readFile(file)));
}
