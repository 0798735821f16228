/**
 * Boots the built main bundle with a recording stand-in for the `electron` module. The stand-in
 * stands in for the Electron runtime, which cannot be downloaded or run on these machines; it lets
 * the real bundle (AppService, electron-store, the IPC layer, the guards) run in a child Node process
 * and records what it asked of Electron. See test/integration/support/boot-harness.ts.
 *
 * The bundle is built here (main and preload with the project's own electron.vite.config.ts), because
 * `npm test` runs the unit and integration tests before `npm run build`.
 */
import { describeHostileLaunches } from './electron-boot/hostileLaunches.ts';
import { describeLaunch } from './electron-boot/launch.ts';
import { describeNotifications } from './electron-boot/notifications.ts';
import { describePlatforms } from './electron-boot/platforms.ts';
import { describeShell } from './electron-boot/shell.ts';
import { bootEveryScenario } from './support/boots.ts';

bootEveryScenario();
describeLaunch();
describeShell();
describeNotifications();
describePlatforms();
describeHostileLaunches();
