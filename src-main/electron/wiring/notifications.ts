/** Native notifications: shown by ElectronNotifier, a click (or an action) shows the popover. */
import type { Logger } from '../../core/app/ports.ts';
import { electronNotificationApi } from '../electronAdapters.ts';
import { ElectronNotifier } from '../notifier.ts';

export function createNotifier(deps: { platform: NodeJS.Platform; focus: (taskId: number | null) => void; logger: Logger }): ElectronNotifier {
  return new ElectronNotifier({ api: electronNotificationApi(), platform: deps.platform, onActivate: deps.focus, logger: deps.logger });
}
