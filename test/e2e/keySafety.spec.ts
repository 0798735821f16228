/**
 * The key's safety over a whole session, as the issue asks: set the key, pin, polls, errors, the key
 * replaced; then every bridge message, every log line, every file the app wrote and the rendered DOM
 * are searched for either key. Only the one request that hands the typed key to the engine may hold
 * it. (The Electron store's copy, ciphertext only, is checked by test/integration/electron-boot.)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { APP_URL, task } from './support/tasks.ts';

/** Every file below a folder, as text. */
async function filesBelow(dir: string): Promise<{ path: string; text: string }[]> {
  const found: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, text: await readFile(path, 'utf8') });
  }
  return found;
}

/** Reads the preview's event stream from outside the page, as a second listener would. */
function recordEvents(url: string): { frames: string[]; stop: () => void } {
  const frames: string[] = [];
  const controller = new AbortController();
  void fetch(`${url}api/events`, { signal: controller.signal })
    .then(async (response) => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body!) frames.push(decoder.decode(chunk as Uint8Array));
    })
    .catch(() => {});
  return { frames, stop: () => controller.abort() };
}

/** The DOM as text, plus the value of every field (page.content() leaves typed values out). */
async function domText(page: Page): Promise<string> {
  const values = await page.locator('input, textarea').evaluateAll((fields) => fields.map((f) => (f as unknown as { value: string }).value));
  return `${await page.content()}\n${values.join('\n')}`;
}

test('a whole session leaves the key in no message, log line, file or DOM', async ({ page, sim, control, preview, popover }) => {
  const firstKey = sim.apiKey;
  const events = recordEvents(preview.url);
  const requests: { url: string; body: string }[] = [];
  const responses: string[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  page.on('response', (response) => {
    if (response.url().includes('/api/') && !response.url().endsWith('/api/events')) {
      void response.text().then((text) => responses.push(text), () => {});
    }
  });
  const doms: string[] = [];

  await popover.setKey(firstKey);
  await expect(popover.connection).toHaveText('Connected');
  doms.push(await domText(page));
  await control.putTask(task(31, { task_title: 'Key safety: MSA' }));
  await popover.pin(APP_URL(31));
  await expect(popover.row(/Key safety: MSA/)).toBeVisible();
  await popover.pollEverySecond();

  await control.fault({ fault: { kind: 'server-error' }, times: 2, route: 'tasks' });
  await popover.refresh();
  await control.fault({ fault: { kind: 'html-502' }, times: 1, route: 'tasks' });
  await popover.refresh();
  await control.patchTask(31, { status: 'in_progress' });
  await expect(popover.row(/Key safety: MSA/)).toContainText('In progress');
  doms.push(await domText(page));

  sim.setKeyState('revoked');
  await popover.refresh();
  await expect(popover.connection).toHaveText('Key problem: API key has been revoked');
  doms.push(await domText(page));

  const secondKey = sim.rotateKey();
  await popover.openSettings();
  await popover.setKey(secondKey);
  await expect(page.getByTestId('key-org')).toBeVisible();
  doms.push(await domText(page));
  await popover.backToList();
  await expect(popover.connection).toHaveText('Connected');
  doms.push(await domText(page));
  events.stop();
  await expect.poll(() => preview.notifications().length).toBeGreaterThan(0);

  const files = await filesBelow(preview.dataDir);
  expect(files.length).toBeGreaterThan(0);
  for (const key of [firstKey, secondKey]) {
    const handedOver = requests.filter((r) => r.body.includes(key));
    expect(handedOver.map((r) => new URL(r.url).pathname)).toEqual(['/api/setApiKey']);
    expect(responses.filter((text) => text.includes(key))).toEqual([]);
    expect(events.frames.join('').includes(key), 'event stream').toBe(false);
    expect([...preview.lines, ...preview.stderr].filter((line) => line.includes(key)), 'log lines').toEqual([]);
    expect(files.filter((f) => f.text.includes(key)).map((f) => f.path), 'files').toEqual([]);
    expect(doms.filter((dom) => dom.includes(key)), 'DOM').toEqual([]);
  }
  expect(events.frames.join('')).toContain('Key safety: MSA'); // the recorder did hear the session
});

test.describe('with a key', () => {
  test.use({ keyFromEnv: true });

  test('a task_url from the API that points to another host is never opened', async ({ page, control, preview, popover }) => {
    const hostile = 'https://app.chamelio.ai.evil.example/workflows/tasks/41';
    await control.putTask(task(41, { task_title: 'Phishing link inside', task_url: hostile }));
    await popover.pin('#41');
    await popover.row(/Phishing link inside/).click();
    await page.getByRole('button', { name: 'Open in Chamelio' }).click();
    await expect.poll(() => preview.events().filter((e) => e.event === 'open-external')).toEqual([{ event: 'open-external', url: APP_URL(41) }]);
    expect(await page.content()).not.toContain('evil.example');
  });
});
