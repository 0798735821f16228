/** Notifications on each platform: a click, the Action Center, the buttons. */
import { describe, expect, it } from 'vitest';
import { callsTo, mac, primary, windows } from '../support/boots.ts';

export function describeNotifications(): void {
  describe('notifications', () => {
    it('Linux: a click on a change shows that task; no buttons, no toast XML', () => {
      const n = primary['notification'] as { options: Record<string, unknown>; showsAfterClick: unknown[]; visibleAfterClick: boolean };
      expect(n.options).toMatchObject({ title: expect.stringContaining('Task 42'), urgency: 'normal', id: expect.stringMatching(/^task-42-/) });
      expect(n.options['toastXml']).toBeUndefined();
      expect(n.showsAfterClick).toEqual([{ view: 'task', taskId: 42 }]);
      expect(n.visibleAfterClick).toBe(true);
    });

    it('Windows: a toast clicked in the Action Center after a timedOut close still shows its task', () => {
      const n = windows['notification'] as { options: Record<string, unknown>; showsAfterClick: unknown[] };
      expect(String(n.options['toastXml'])).toMatch(/^<toast launch="chamelio-tray:/);
      expect(n.showsAfterClick).toEqual([{ view: 'task', taskId: 42 }]);
      expect(callsTo(windows, 'Notification.handleActivation')).toHaveLength(1);
      expect(callsTo(primary, 'Notification.handleActivation')).toEqual([]);
    });

    it('macOS: "Review" on an approval waiting on you opens the popover at the approval', () => {
      expect(mac['review']).toEqual({ buttons: ['Review', 'Open', 'Snooze 1 day'], shows: [{ view: 'task', taskId: 42, focus: 'approval' }] });
    });

    it('macOS and Windows: "Open signed document" on a finished task opens the link fresh from the API, or shows the task when it has none', () => {
      for (const report of [mac, windows]) {
        expect(report['openSignedDocument']).toEqual({
          buttons: ['Open signed document', 'Open'],
          opened: ['https://files.example.com/NDA_signed.pdf?X-Amz-Expires=900'],
          shows: [{ view: 'task', taskId: 42 }],
        });
      }
      expect(primary['openSignedDocument']).toBeUndefined();
    });

    it('macOS: a click shows the task', () => {
      expect((mac['notification'] as { showsAfterClick: unknown[] }).showsAfterClick).toEqual([{ view: 'task', taskId: 42 }]);
    });
  });
}
