/** Notifications: a click shows the task (Windows: from the Action Center); "Open signed document" and "Review". */
import { makeTask } from '../../../support/makeTask.ts';
import type { BootContext } from './context.ts';

export async function checkNotifications(c: BootContext): Promise<void> {
  const { s, platform, report, waitFor, win, handler, fromPage } = c;
  // ── a change is notified; a click on it (Windows: from the Action Center after it timed out) shows the task
  {
    const before = s.Notification.all.length;
    s.settings.fetchAnswers.set('/tasks/42', { status: 200, body: { task: makeTask({ task_id: 42, status: 'completed', completed_at: '2026-11-20T11:00:00Z' }) } });
    await handler('refresh')(fromPage());
    await waitFor('a notification for the change', () => s.Notification.all.length > before);
    const shown = s.Notification.all.at(-1);
    const showsBefore = (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').length;
    win?.hide();
    if (platform === 'win32') {
      // The toast leaves the screen for the Action Center; the click arrives later, through handleActivation.
      shown?.emit('close', { reason: 'timedOut' });
      const launch = /<toast launch="([^"]*)"/.exec(String(shown?.options['toastXml'] ?? ''))?.[1]?.replace(/&amp;/g, '&') ?? '';
      s.Notification.activationHandler?.({ type: 'click', arguments: launch });
    } else {
      shown?.emit('click', {});
    }
    report['notification'] = {
      options: s.summarize(shown?.options ?? null),
      showsAfterClick: (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').slice(showsBefore).map((m) => m.payload),
      visibleAfterClick: win?.isVisible() ?? null,
    };
    win?.hide();
  }

  // ── macOS and Windows: "Open signed document" on the finished task opens the link asked for on the
  // click; with no signed document it shows the task instead
  if (platform === 'darwin' || platform === 'win32') {
    const finished = s.Notification.all.at(-1);
    // macOS: the `actions` option, pressed by index; Windows: the toast XML's <action> buttons, whose arguments come back.
    const xml = String(finished?.options['toastXml'] ?? '');
    const toastButtons = [...xml.matchAll(/<action content="([^"]*)" arguments="([^"]*)"/g)].map((m) => ({ text: m[1]!, arguments: m[2]!.replace(/&amp;/g, '&') }));
    const buttons = (platform === 'darwin' ? ((finished?.options['actions'] ?? []) as { text: string }[]) : toastButtons).map((a) => a.text);
    const press = (label: string): void => {
      if (platform === 'darwin') finished?.emit('action', { actionIndex: buttons.indexOf(label) });
      else s.Notification.activationHandler?.({ type: 'action', arguments: toastButtons.find((b) => b.text === label)?.arguments ?? '' });
    };
    const opened = (): unknown[] => s.recording.calls.filter((c) => c.api === 'shell.openExternal').map((c) => c.args[0]);
    const shows = (): unknown[] => (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').map((m) => m.payload);
    const signed = (documents: unknown[]) => ({ status: 200, body: { task_id: 42, workflow_status: 'completed', total: documents.length, documents } });
    const nda = { file_id: 'document_42', file_name: 'NDA_signed.pdf', step_id: 'signature', step_name: 'Signature', download_url: 'https://files.example.com/NDA_signed.pdf?X-Amz-Expires=900', expires_at: '2026-11-20T12:00:00Z' };
    s.settings.fetchAnswers.set('/tasks/42/signed-documents', signed([nda]));
    const [openedBefore, showsBefore] = [opened().length, shows().length];
    press('Open signed document');
    await waitFor('the signed document opened', () => opened().length > openedBefore);
    s.settings.fetchAnswers.set('/tasks/42/signed-documents', signed([]));
    press('Open signed document');
    await waitFor('the task shown for a task with no signed document', () => shows().length > showsBefore);
    report['openSignedDocument'] = { buttons, opened: opened().slice(openedBefore), shows: shows().slice(showsBefore) };
    win?.hide();
  }

  // ── macOS: "Review" on an approval waiting on you opens the popover at that approval
  if (platform === 'darwin') {
    await handler('updateSettings')(fromPage(), { userEmail: 'me@example.com' });
    const before = s.Notification.all.length;
    const atApproval = { current_step_id: 'legal_approval', current_step_name: 'Legal Approval', current_step_type: 'approval', assignee_email: 'me@example.com' };
    s.settings.fetchAnswers.set('/tasks/42', { status: 200, body: { task: makeTask({ task_id: 42, status: 'in_progress', completed_at: null, ...atApproval }) } });
    await handler('refresh')(fromPage());
    await waitFor('a notification for the approval', () => s.Notification.all.length > before);
    const shown = s.Notification.all.at(-1);
    const buttons = ((shown?.options['actions'] ?? []) as { text: string }[]).map((a) => a.text);
    const showsBefore = (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').length;
    shown?.emit('action', { actionIndex: buttons.indexOf('Review') });
    report['review'] = { buttons, shows: (win?.webContents.sent ?? []).filter((m) => m.channel === 'chamelio:show').slice(showsBefore).map((m) => m.payload) };
    win?.hide();
  }
}
