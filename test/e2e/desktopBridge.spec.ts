/** The UI over `window.chamelio` (the Electron preload's shape), in states only the desktop app has. */
import type { TaskSummary } from '../../src-main/contract/dto.ts';
import { detail, summary as row } from '../../src-renderer/testing/fixtures.ts';
import { expect, test } from './support/fixtures.ts';
import { installBridgeStub, serveRenderer, stubSnapshot, type StubGlobals, type StubInit } from './support/stubBridge.ts';
import { task } from './support/tasks.ts';

type Calls = { __calls: [string, unknown[]][]; __emit: (event: string, payload: unknown) => void };

/** A pending row updated just now; `detail(row, task)` (no email set) makes nobody "you". */
const summary = (id: number, title: string): TaskSummary =>
  row(id, { title, workflowName: 'NDA Request', status: 'pending', stepName: 'Review', stepType: 'review', assignee: null, updatedAt: new Date().toISOString() });

let server: Awaited<ReturnType<typeof serveRenderer>>;
test.beforeAll(async () => {
  server = await serveRenderer();
});
test.afterAll(async () => {
  await server.close();
});

async function open(page: import('@playwright/test').Page, init: StubInit & { answers?: Record<string, unknown> }): Promise<void> {
  await page.addInitScript(installBridgeStub, init);
  await page.goto(server.url);
}

const calls = (page: import('@playwright/test').Page) => page.evaluate(() => (globalThis as unknown as Calls).__calls);

test('no keychain: the advice is shown, and the opt-in to weak storage reaches setApiKey', async ({ page }) => {
  const advice = 'No keyring was found: the key is kept for this session only.';
  await open(page, {
    snapshot: stubSnapshot({ key: { isSet: false, protection: null, advice, canOptInToWeak: true }, org: null, connection: { kind: 'no-key' } }),
    details: {},
  });
  await expect(page.getByText(advice)).toBeVisible();
  await page.getByRole('checkbox', { name: /Remember the key with weak protection/ }).check();
  await page.getByLabel('API key', { exact: true }).fill('ca_abcdefghijklmnop');
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect.poll(() => calls(page)).toContainEqual(['setApiKey', ['ca_abcdefghijklmnop', true]]);
});

test('show: a notification click opens the task, the tray menu the list or settings', async ({ page }) => {
  const t = task(7, { task_title: 'Clicked in a notification' });
  await open(page, {
    snapshot: stubSnapshot({ tasks: [summary(7, 'Clicked in a notification'), summary(8, 'Another')] }),
    details: { 7: detail(summary(7, 'Clicked in a notification'), t) },
  });
  await expect(page.getByRole('option')).toHaveCount(2);
  await page.evaluate(() => (globalThis as unknown as Calls).__emit('show', { view: 'task', taskId: 7 }));
  await expect(page.getByRole('heading', { name: 'Clicked in a notification', level: 2 })).toBeVisible();
  await expect.poll(() => calls(page)).toContainEqual(['markSeen', [7]]);
  await page.evaluate(() => (globalThis as unknown as Calls).__emit('show', { view: 'list' }));
  await expect(page.getByRole('option')).toHaveCount(2);
  await page.evaluate(() => (globalThis as unknown as Calls).__emit('show', { view: 'settings' }));
  await expect(page.getByLabel('API key')).toBeVisible();
});

test('show at the approval ("Review" on a notification, a needs-you tray item): the approval takes focus, in view', async ({ page }) => {
  const atApproval = task(9, { task_title: 'Waiting on your approval', status: 'in_progress', current_step_id: 'legal_approval', current_step_name: 'Legal Approval', current_step_type: 'approval' });
  await open(page, {
    snapshot: stubSnapshot({ tasks: [summary(9, 'Waiting on your approval')] }),
    details: { 9: detail(summary(9, 'Waiting on your approval'), atApproval) },
    answers: {
      getApproval: { ok: true, approval: { taskId: 9, stepName: 'Legal Approval', approversNow: ['me@example.com'], approversNext: [], youCanApprove: true, values: [], files: [] } },
    },
  });
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.evaluate(() => (globalThis as unknown as Calls).__emit('show', { view: 'task', taskId: 9, focus: 'approval' }));
  const title = page.getByRole('heading', { name: 'Approval', level: 3 });
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible();
  // A plain show of the same task puts the user at its heading, as a click does.
  await page.evaluate(() => (globalThis as unknown as Calls).__emit('show', { view: 'task', taskId: 9 }));
  await expect(page.getByRole('heading', { name: 'Waiting on your approval', level: 2 })).toBeFocused();
});

test('the header names every connection state', async ({ page }) => {
  await open(page, { snapshot: stubSnapshot(), details: {} });
  const connection = page.getByTestId('connection');
  const emit = (snapshot: unknown) => page.evaluate((s) => (globalThis as unknown as Calls).__emit('state', s), snapshot);
  await expect(connection).toHaveText('Connected');
  await emit(stubSnapshot({ connection: { kind: 'rate-limited', until: Date.now() + 90_000 } }));
  await expect(connection).toHaveText(/^Rate limited until /);
  await emit(stubSnapshot({ connection: { kind: 'paused' } }));
  await expect(connection).toHaveText('Paused');
  await emit(stubSnapshot({ connection: { kind: 'checking' } }));
  await expect(connection).toHaveText('Checking…');
  await emit(stubSnapshot({ connection: { kind: 'key-problem', reason: 'key-expired', detail: 'API key has expired' } }));
  await expect(connection).toHaveText('Key problem: API key has expired');
  await emit(stubSnapshot({ notificationsPausedUntil: Date.now() + 3_600_000 }));
  await expect(page.getByTitle('Notifications are paused')).toBeVisible();
});

test('details: a failed read says so and keeps the last good details; they are re-read only when that task changed', async ({ page }) => {
  const first = summary(7, 'Read me again');
  const t = task(7, { task_title: 'Read me again' });
  const snapshotWith = (over: Partial<TaskSummary>, orgName = 'Acme Corporation') =>
    stubSnapshot({ org: { name: orgName, rateLimitPerMinute: 120 }, tasks: [{ ...first, ...over }, summary(8, 'Another')] });
  await open(page, { snapshot: snapshotWith({}), details: { 7: detail(first, t) } });
  const emit = (snapshot: unknown) => page.evaluate((s) => (globalThis as unknown as StubGlobals).__emit('state', s), snapshot);
  const detailReads = async () => (await calls(page)).filter(([name]) => name === 'getTaskDetail').length;

  await page.getByRole('option', { name: /Read me again/ }).click();
  const details = page.getByRole('article');
  await expect(details).toContainText('Vendor Contract Review · version 3');
  const reads = await detailReads();

  // Snapshots that do not change task 7 (a poll, another task, the org): no new read.
  await emit(snapshotWith({}, 'Acme Renamed'));
  await emit(stubSnapshot({ org: { name: 'Acme Renamed Again', rateLimitPerMinute: 120 }, tasks: [first, { ...summary(8, 'Another'), status: 'completed', statusLabel: 'Completed' }] }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Renamed Again');
  expect(await detailReads()).toBe(reads);

  // Task 7 changes while the engine cannot answer for its details.
  await page.evaluate(() => (globalThis as unknown as StubGlobals).__failing.push('getTaskDetail'));
  await emit(snapshotWith({ status: 'in_progress', statusLabel: 'In progress' }));
  await expect(details.getByRole('status').filter({ hasText: 'Couldn’t load the details; retrying.' })).toBeVisible();
  await expect(details).not.toContainText('not pinned any more');
  await expect(details.getByRole('button', { name: 'Pin it again' })).toHaveCount(0);
  await expect(details).toContainText('Vendor Contract Review · version 3');
  await expect(details).toContainText('In progress');

  // The retry succeeds once the engine answers again.
  await page.evaluate(() => {
    (globalThis as unknown as StubGlobals).__failing.length = 0;
  });
  await expect(details.getByText('Couldn’t load the details; retrying.')).toHaveCount(0, { timeout: 10_000 });
});

test('a failed unpin offers no Undo: the row stays and the failure is said in plain words', async ({ page }) => {
  const t = task(7, { task_title: 'Stays pinned' });
  await open(page, {
    snapshot: stubSnapshot({ tasks: [summary(7, 'Stays pinned'), summary(8, 'Another')] }),
    details: { 7: detail(summary(7, 'Stays pinned'), t) },
  });
  await page.evaluate(() => (globalThis as unknown as StubGlobals).__failing.push('unpin'));
  const row = page.getByRole('option', { name: /Stays pinned/ });
  await page.getByRole('listbox').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alert')).toHaveText('Could not unpin the task: the app’s engine ran into a problem.');
  await expect(row).toHaveAttribute('aria-selected', 'true');

  // The same from the details: it stays open.
  await row.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Stays pinned' })).toBeVisible();
  await page.getByRole('button', { name: 'Unpin' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect.poll(() => calls(page).then((c) => c.filter(([name]) => name === 'unpin').length)).toBe(2);
  await expect(page.getByRole('heading', { level: 2, name: 'Stays pinned' })).toBeVisible();
  // Both failures are in; an undo bar would last 10 s, so it would be here.
  await expect(page.getByText(/Unpinned/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  expect((await calls(page)).filter(([name]) => name === 'unpin')).toEqual([['unpin', [7]], ['unpin', [7]]]);
});

test('a change to the open task while the popover was hidden is marked seen when it is shown again', async ({ page }) => {
  const t = task(7, { task_title: 'Seen on return' });
  await open(page, {
    snapshot: stubSnapshot({ tasks: [summary(7, 'Seen on return')] }),
    details: { 7: detail(summary(7, 'Seen on return'), t) },
  });
  const markSeen = async () => (await calls(page)).filter(([name]) => name === 'markSeen').length;
  await page.getByRole('option', { name: /Seen on return/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Seen on return' })).toBeVisible();
  await expect.poll(markSeen).toBe(1);

  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      type W = { __visibility: string; document: { dispatchEvent(e: unknown): boolean }; dispatchEvent(e: unknown): boolean; Event: new (t: string) => unknown };
      const w = globalThis as unknown as W;
      w.__visibility = s;
      Object.defineProperty(w.document, 'visibilityState', { configurable: true, get: () => w.__visibility });
      w.document.dispatchEvent(new w.Event('visibilitychange'));
      w.dispatchEvent(new w.Event(s === 'hidden' ? 'blur' : 'focus'));
    }, state);
  await setVisibility('hidden');
  // The task changes while nobody can see it: it stays unseen.
  await page.evaluate(
    (s) => (globalThis as unknown as StubGlobals).__emit('state', s),
    stubSnapshot({ tasks: [{ ...summary(7, 'Seen on return'), status: 'in_progress', statusLabel: 'In progress', unseen: true, lastChange: 'Pending → In progress' }] }),
  );
  await expect(page.getByRole('article')).toContainText('In progress');
  expect(await markSeen()).toBe(1);
  await setVisibility('visible');
  await expect.poll(markSeen).toBe(2);
  expect((await calls(page)).filter(([name]) => name === 'markSeen').at(-1)).toEqual(['markSeen', [7]]);
});

test('the undo bar stands still while it is hovered or focused', async ({ page }) => {
  await page.clock.install();
  await open(page, { snapshot: stubSnapshot({ tasks: [summary(7, 'Held'), summary(8, 'Another')] }), details: {} });
  await page.getByRole('listbox').focus();
  await page.keyboard.press('Delete');
  const bar = page.getByRole('status').filter({ hasText: 'Unpinned “Held”.' });
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(bar).toBeVisible();

  await bar.hover();
  await page.clock.runFor(20_000);
  await expect(undo).toBeVisible();
  await page.mouse.move(5, 5);
  await undo.focus();
  await page.clock.runFor(20_000);
  await expect(undo).toBeVisible();
  // Neither pointer nor focus on it: the rest of its time runs out.
  await page.getByRole('listbox').focus();
  await page.clock.runFor(11_000);
  await expect(undo).toHaveCount(0);
  await expect(bar).toHaveCount(0);

  // Undo pressed from the keyboard takes its button (and focus) away: the next bar is not held by that.
  await page.keyboard.press('Delete');
  await undo.press('Enter');
  await expect(page.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(undo).toBeVisible();
  await page.getByRole('status').filter({ hasText: /^Unpinned/ }).hover();
  await page.mouse.move(5, 5);
  await page.clock.runFor(11_000);
  await expect(undo).toHaveCount(0);
});
