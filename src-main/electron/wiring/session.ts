/** What every window will rely on, set up once after `ready`: no Dock icon, the app menu, permissions, app://. */
import path from 'node:path';
import { app, Menu, session } from 'electron';
import { applicationMenuTemplate } from '../appMenu.ts';
import { handleAppProtocol } from '../appProtocolHandler.ts';
import { restrictPermissions } from '../securityGuards.ts';

export function setUpSession(platform: NodeJS.Platform, bundleDir: string): void {
  // LSUIElement hides the Dock icon in the packaged app; this covers unpackaged runs.
  app.dock?.hide();
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(platform)));
  restrictPermissions(session.defaultSession);
  handleAppProtocol(path.join(bundleDir, '../renderer'));
}
