/**
 * Who the app is to the OS. One id everywhere: electron-builder.yml's `appId` (the Windows
 * AppUserModelID the Start-menu shortcut carries, or Windows shows no notifications) and, on Linux,
 * package.json's `desktopName` (the .desktop file name, Electron's Wayland app_id and the portal's
 * app id: GNOME refuses global shortcuts from an id that is not reverse-DNS with a .desktop file).
 * test/unit/electron-builder-config.test.ts checks that the three agree.
 */
export const APP_ID = 'com.chamelio.tray';

export const PRODUCT_NAME = 'Chamelio Tray';
