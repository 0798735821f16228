/** Keyboard, clipboard, drop, filter, demo, layout and theme. */
import { expect, test } from './support/fixtures.ts';
import type { PageGlobals } from './support/pageGlobals.ts';
import { APP_URL, task } from './support/tasks.ts';

test.describe('with a key', () => {
  test.use({ keyFromEnv: true });

  test('keyboard: arrows move, Enter opens, Delete unpins with undo, Esc goes back, then hides', async ({ page, control, preview, popover }) => {
    for (const id of [31, 32, 33]) await control.putTask(task(id, { task_title: `Keyboard task ${id}` }));
    await popover.pin('31 32 33');
    const options = popover.taskList.getByRole('option');
    await expect(options).toHaveCount(3);
    await expect(options.first()).toContainText('Pending');
    const titles = (await options.allInnerTexts()).map((t) => /Keyboard task \d+/.exec(t)?.[0]);
    const selected = popover.taskList.locator('[aria-selected="true"]');

    // The keys are described to assistive tech; nothing is selected while the list has no focus.
    await expect(popover.taskList).toHaveAccessibleDescription('↑↓ PgUp PgDn move · Enter opens · Delete unpins · Esc hides');
    await popover.pinBox.focus();
    await expect(selected).toHaveCount(0);
    await popover.taskList.focus();
    await expect(popover.taskList).toBeFocused();
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(selected).toHaveCount(1);
    await popover.pinBox.focus();
    await expect(selected).toHaveCount(0);

    // Enter opens the selected row; Esc comes back to the list, focused, on the same row.
    await popover.taskList.focus();
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(titles[1]!);
    await page.keyboard.press('Escape');
    await expect(popover.taskList).toBeFocused();
    await expect(selected).toHaveText(new RegExp(titles[1]!));

    await page.keyboard.press('End');
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Delete');
    await expect(options).toHaveText([new RegExp(titles[0]!), new RegExp(titles[1]!)]);
    await expect(page.getByRole('status').filter({ hasText: 'Unpinned' })).toHaveText(new RegExp(`Unpinned “${titles[2]}”`));
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(options).toHaveCount(3);

    // Esc in the filter with text clears it (and hides nothing); Esc on the list hides the popover.
    const filter = page.getByLabel('Filter tasks');
    await filter.fill('32');
    await expect(options).toHaveCount(1);
    await filter.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(filter).toBeFocused();
    await expect(options).toHaveCount(3);
    expect(preview.events().filter((e) => e.event === 'hide-window')).toHaveLength(0);
    await popover.taskList.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.events().filter((e) => e.event === 'hide-window')).toHaveLength(1);
  });

  test('Delete unpins exactly the selected task, in the middle, first and last place; Undo names it', async ({ page, control, popover }) => {
    for (const id of [34, 35, 36, 37]) await control.putTask(task(id, { task_title: `Delete me ${id}` }));
    await popover.pin('34 35 36 37');
    const options = popover.taskList.getByRole('option');
    await expect(options).toHaveCount(4);
    const titles = async () => (await options.allInnerTexts()).map((t) => /Delete me \d+/.exec(t)?.[0]);
    const undoBar = page.getByRole('status').filter({ hasText: 'Unpinned' });

    const unpinAt = async (keys: string[], expectedRemoved: string): Promise<void> => {
      const before = await titles();
      await popover.taskList.focus();
      for (const key of keys) await page.keyboard.press(key);
      await expect(options.and(page.locator('[aria-selected="true"]'))).toHaveText(new RegExp(expectedRemoved));
      await page.keyboard.press('Delete');
      await expect(options).toHaveCount(before.length - 1);
      expect(await titles()).toEqual(before.filter((t) => t !== expectedRemoved));
      await expect(undoBar).toHaveText(new RegExp(`Unpinned “${expectedRemoved}”`));
    };

    const start = await titles();
    await unpinAt(['Home', 'ArrowDown'], start[1]!);
    const afterMiddle = await titles();
    await unpinAt(['Home'], afterMiddle[0]!);
    const afterFirst = await titles();
    await unpinAt(['End'], afterFirst.at(-1)!);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(options).toHaveCount(2);
    expect(await titles()).toContain(afterFirst.at(-1));
  });

  test('focus never drops to the page: back from details, unpin, undo, the last row, busy buttons, other views, shown again', async ({ page, control, popover }) => {
    for (const id of [81, 82, 83]) await control.putTask(task(id, { task_title: `Focus task ${id}` }));
    await popover.pin('81 82 83');
    const options = popover.taskList.getByRole('option');
    await expect(options).toHaveCount(3);
    const selected = popover.taskList.locator('[aria-selected="true"]');
    const filter = page.getByLabel('Filter tasks');
    const onBody = () => page.evaluate(() => {
      const d = (globalThis as unknown as PageGlobals).document;
      return d.activeElement === null || d.activeElement === d.body;
    });

    // Filter, pick the second row, open it: the heading has focus. Esc: the list has it again, with
    // the same row selected and the filter text kept.
    await filter.fill('focus');
    await filter.press('ArrowDown');
    await expect(popover.taskList).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const second = (await selected.innerText()).match(/Focus task \d+/)![0];
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: second })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(popover.taskList).toBeFocused();
    await expect(selected).toContainText(second);
    await expect(filter).toHaveValue('focus');

    // Unpin in the details (from the keyboard): back in the list, on a neighbouring row.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Unpin' }).press('Enter');
    await expect(popover.taskList).toBeFocused();
    await expect(options).toHaveCount(2);
    await expect(selected).toHaveCount(1);

    // Undo from the keyboard: the task is back, selected, and the list has focus.
    await page.getByRole('button', { name: 'Undo' }).press('Enter');
    await expect(options).toHaveCount(3);
    await expect(popover.taskList).toBeFocused();
    await expect(selected).toContainText(second);

    // Delete the only row the filter leaves: focus goes to the filter.
    await filter.fill(second);
    await expect(options).toHaveCount(1);
    await filter.press('ArrowDown');
    await page.keyboard.press('Delete');
    await expect(page.getByText('No pinned task matches')).toBeVisible();
    await expect(filter).toBeFocused();
    await page.getByRole('button', { name: 'Undo' }).press('Enter');
    await filter.fill('');

    // Refresh and Pin, pressed from the keyboard, keep focus while busy and after.
    const refresh = page.getByRole('button', { name: 'Refresh' });
    await refresh.press('Enter');
    await expect(refresh).toBeFocused();
    await popover.pinBox.fill('81');
    const pinButton = page.getByRole('button', { name: 'Pin', exact: true });
    await pinButton.press('Enter');
    await expect(page.getByText('Already pinned: 81.')).toBeVisible();
    await expect(pinButton).toBeFocused();

    // Activity and Settings: the heading takes focus, "All tasks" leads back to the list.
    for (const name of ['Activity', 'Settings']) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name })).toBeFocused();
      await page.getByRole('button', { name: 'All tasks' }).press('Enter');
      await expect(popover.taskList).toBeFocused();
    }

    // The popover is shown again with focus on nothing: the list takes it.
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.document.activeElement?.blur?.();
      w.dispatchEvent(new w.Event('focus'));
    });
    await expect(popover.taskList).toBeFocused();
    expect(await onBody()).toBe(false);
  });

  test('live regions stay in the page while empty; “Saved.” shows next to the changed field, then goes', async ({ page, control, popover }) => {
    // Every role=status is in the accessibility tree (a display:none region would not be announced).
    const hiddenRegions = async () => (await page.locator('[role="status"]').count()) - (await page.getByRole('status').count());
    await control.putTask(task(91, { task_title: 'Live regions' }));
    await popover.pin('91');
    await expect(popover.row(/Live regions/)).toBeVisible();
    expect(await hiddenRegions()).toBe(0);
    // The undo bar's region is there before anything is unpinned.
    await expect(page.locator('[role="status"]').filter({ hasText: /^$/ })).not.toHaveCount(0);
    await popover.row(/Live regions/).click();
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
    expect(await hiddenRegions()).toBe(0);

    await popover.openSettings();
    expect(await hiddenRegions()).toBe(0);
    // The preview's quiet build line: the project's version, and no update checks.
    await expect(page.getByText(/^Chamelio Tray \d+\.\d+\.\d+ · updates are not checked in this build$/)).toBeVisible();
    await popover.setField('Your email', 'me@example.com');
    const saved = page.getByRole('status').filter({ hasText: 'Saved.' });
    await expect(saved).toHaveCount(1);
    const note = (await saved.boundingBox())!;
    const label = (await page.getByText('Your email', { exact: true }).boundingBox())!;
    // On the label's line, not at the bottom of the page.
    expect(Math.abs(note.y + note.height / 2 - (label.y + label.height / 2))).toBeLessThan(label.height);
    await page.getByRole('checkbox', { name: 'Step changes' }).click();
    await expect(saved).toHaveCount(1);
    const stepBox = (await page.getByRole('checkbox', { name: 'Step changes' }).boundingBox())!;
    const note2 = (await saved.boundingBox())!;
    expect(Math.abs(note2.y + note2.height / 2 - (stepBox.y + stepBox.height / 2))).toBeLessThan(stepBox.height * 1.5);
    // Then it goes by itself.
    await expect(saved).toHaveCount(0, { timeout: 8_000 });
  });

  test('a task URL on the clipboard is offered when the popover opens; the offer can be dismissed', async ({ page, control, popover }) => {
    await control.putTask(task(41, { task_title: 'From the clipboard' }));
    await page.evaluate((url) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(`see ${url}`), APP_URL(41));
    await page.reload();
    const offer = page.getByRole('group', { name: 'Task on the clipboard' });
    await expect(offer).toContainText('Pin task 41 from the clipboard?');
    await offer.getByRole('button', { name: 'Dismiss clipboard suggestion' }).click();
    await expect(offer).toHaveCount(0);

    await page.reload();
    await offer.getByRole('button', { name: 'Pin from clipboard' }).click();
    await expect(popover.row(/From the clipboard/)).toBeVisible();
    await expect(offer).toHaveCount(0);
    await expect(popover.pinBox).toBeFocused();
  });

  test('the clipboard offer moves nothing in the list, and the clipboard is read once per showing', async ({ page, control, popover }) => {
    for (const id of [42, 43]) await control.putTask(task(id, { task_title: `Clipboard ${id}` }));
    await popover.pin('42');
    await expect(popover.row(/Clipboard 42/)).toBeVisible();
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/clipboardSuggestion')) reads.push(request.url());
    });
    await page.evaluate((url) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(url), APP_URL(43));
    await page.reload();
    const offer = page.getByRole('group', { name: 'Task on the clipboard' });
    await expect(offer).toContainText('Pin task 43 from the clipboard?');
    const top = async () => (await popover.row(/Clipboard 42/).boundingBox())!.y;
    const withOffer = await top();
    await offer.getByRole('button', { name: 'Dismiss clipboard suggestion' }).click();
    await expect(offer).toHaveCount(0);
    expect(await top()).toBe(withOffer);
    await expect(popover.pinBox).toBeFocused();
    expect(reads).toHaveLength(1);

    // Hidden, then shown again: visibilitychange and focus both fire, and the clipboard is read once.
    await page.evaluate(() => {
      type Doc = { dispatchEvent(e: unknown): boolean };
      const w = globalThis as unknown as PageGlobals & { __visibility: string; document: Doc };
      w.__visibility = 'hidden';
      Object.defineProperty(w.document, 'visibilityState', { configurable: true, get: () => w.__visibility });
      w.document.dispatchEvent(new w.Event('visibilitychange'));
      w.dispatchEvent(new w.Event('blur'));
      w.__visibility = 'visible';
      w.document.dispatchEvent(new w.Event('visibilitychange'));
      w.dispatchEvent(new w.Event('focus'));
    });
    await expect.poll(() => reads.length).toBe(2);
    // Any second read would have been sent before a Refresh pressed afterwards is answered.
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/refresh')), popover.refresh()]);
    expect(reads).toHaveLength(2);
  });

  test('a URL dropped on the popover is pinned; the uri-list’s comment lines are not', async ({ page, control, popover }) => {
    await control.putTask(task(51, { task_title: 'Dropped task' }));
    await control.putTask(task(52, { task_title: 'Only named in a comment' }));
    await expect(popover.pinBox).toBeVisible();
    // A uri-list's comment lines start with #; this one names another task, which must not be pinned.
    const dataTransfer = await page.evaluateHandle(
      ([url, other]) => {
        const dt = new (globalThis as unknown as PageGlobals).DataTransfer();
        dt.setData('text/uri-list', `# replaces ${other}\r\n${url}`);
        return dt;
      },
      [APP_URL(51), APP_URL(52)],
    );
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(popover.row(/Dropped task/)).toBeVisible();
    // The comment line was skipped, not offered to the engine as text to pin.
    await expect(page.getByText('Pinned 1 task.')).toBeVisible();
    await expect(popover.row(/Only named in a comment/)).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Not pinned' })).toHaveCount(0);
    await expect(popover.taskList.getByRole('option')).toHaveCount(1);
  });

  test('a dropped file is refused without the page navigating to it; no favicon is fetched', async ({ page, popover }) => {
    const favicons: string[] = [];
    page.on('request', (r) => {
      if (/favicon/.test(r.url())) favicons.push(r.url());
    });
    await page.reload();
    await expect(popover.pinBox).toBeVisible();
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', 'data:,');
    const prevented = await page.evaluate(() => {
      type DT = { items: { add(f: unknown): void } };
      type W = {
        DataTransfer: new () => DT;
        File: new (parts: string[], name: string, o: { type: string }) => unknown;
        DragEvent: new (type: string, init: { dataTransfer: DT; bubbles: boolean; cancelable: boolean }) => { defaultPrevented: boolean };
        document: { querySelector(s: string): { dispatchEvent(e: unknown): boolean } };
      };
      const w = globalThis as unknown as W;
      const dt = new w.DataTransfer();
      dt.items.add(new w.File(['%PDF'], 'contract.pdf', { type: 'application/pdf' }));
      const main = w.document.querySelector('main');
      return ['dragenter', 'dragover', 'drop'].map((type) => {
        const event = new w.DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true });
        main.dispatchEvent(event);
        return `${type}: ${event.defaultPrevented}`;
      });
    });
    expect(prevented).toEqual(['dragenter: false', 'dragover: true', 'drop: true']);
    await expect(page.getByRole('list', { name: 'Not pinned' })).toHaveCount(0);
    expect(favicons).toEqual([]);
  });

  test('the theme chosen in Settings is on the page before the first snapshot arrives', async ({ page, popover }) => {
    await popover.openSettings();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The engine holds its answer back: the page is still loading when it is painted.
    await page.route('**/api/events', () => {});
    await page.route('**/api/getState', () => {});
    await page.reload();
    await expect(page.getByText('Loading…')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(28, 28, 31)');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('the filter box narrows the list and keeps the engine’s order', async ({ page, control, popover }) => {
    await control.putTask(task(61, { task_title: 'NDA - Globex' }));
    await control.putTask(task(62, { task_title: 'Lease renewal', workflow_name: 'Real Estate' }));
    await control.putTask(task(63, { task_title: 'NDA - Initech' }));
    await popover.pin('61 62 63');
    await expect(popover.taskList.getByRole('option')).toHaveCount(3);
    await page.getByLabel('Filter tasks').fill('nda');
    await expect(popover.taskList.getByRole('option')).toHaveCount(2);
    await page.getByLabel('Filter tasks').fill('real estate');
    await expect(popover.taskList.getByRole('option')).toHaveText([/Lease renewal/]);
    await page.getByLabel('Filter tasks').fill('nothing like this');
    await expect(page.getByText('No pinned task matches')).toBeVisible();
  });

  test('settings: a refused value shows the engine’s reason; the theme applies at once', async ({ page, popover }) => {
    await popover.openSettings();
    const poll = page.getByLabel('Poll interval (seconds)');
    await poll.fill('0');
    await poll.press('Tab');
    await expect(page.getByRole('alert')).toHaveText(/whole number of seconds from 1 to 3600/);

    // The field says what is wrong with it, to assistive tech too.
    await expect(poll).toHaveAttribute('aria-invalid', 'true');
    await expect(poll).toHaveAccessibleDescription(/whole number of seconds from 1 to 3600/);
    await poll.fill('5');
    await poll.press('Tab');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(poll).not.toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(28, 28, 31)');
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });
});

test('text fields’ borders keep at least 3:1 against their background in both themes', async ({ page, popover }) => {
  const luminance = (rgb: string): number => {
    const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  await popover.openSettings();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('body')).toHaveCSS('background-color', scheme === 'dark' ? 'rgb(28, 28, 31)' : 'rgb(255, 255, 255)');
    const fields = await page.locator('input[type="email"], input[type="number"], input[type="password"], input[type="text"], input[type="time"]').evaluateAll((inputs) =>
      inputs.map((input) => {
        const style = (globalThis as unknown as { getComputedStyle(e: unknown): { borderTopColor: string; backgroundColor: string } }).getComputedStyle(input);
        return { border: style.borderTopColor, background: style.backgroundColor };
      }),
    );
    expect(fields.length).toBeGreaterThan(4);
    for (const field of fields) expect(contrast(field.border, field.background), `${scheme}: ${field.border} on ${field.background}`).toBeGreaterThanOrEqual(3);
  }
});

test('“Try with demo data” runs the demo against the built-in simulator', async ({ page, popover }) => {
  // The first run's heading has focus; the demo button is pressed from the keyboard and goes away.
  await expect(page.getByRole('heading', { level: 2, name: 'Watch your Chamelio tasks from the tray' })).toBeFocused();
  await page.getByRole('button', { name: 'Try with demo data' }).press('Enter');
  await expect(page.getByText('Demo data')).toBeVisible();
  await expect(popover.taskList.getByRole('option')).toHaveCount(12);
  await expect(page.locator('[role="listbox"]:focus, #pin-input:focus')).toHaveCount(1);
  // Taking focus did not scroll the (taller than the window) list's top up over the pin box.
  await page.reload();
  await expect(popover.taskList).toBeFocused();
  await expect(popover.pinBox).toBeInViewport();
  await page.getByLabel('Filter tasks').press('ArrowDown');
  await expect(popover.taskList).toBeFocused();
  await expect(popover.pinBox).toBeInViewport();
  await expect(popover.connection).toHaveText('Connected');
  await expect(popover.row(/Northwind Traders/)).toContainText('Assignee: you');
});

test('usable at 360×480 in the dark: nothing sticks out sideways, in any view', async ({ page, control, sim, popover }) => {
  await page.setViewportSize({ width: 360, height: 480 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(28, 28, 31)');
  await popover.setKey(sim.apiKey);
  const word = 'Unbreakable'.repeat(8);
  await control.putTask(
    task(71, {
      task_title: `A rather long title for a narrow popover window ${word}`,
      workflow_name: `Workflow ${word}`,
      current_step_name: `Step ${word}`,
      assignee_email: `${'someone.with.a.long.name'.repeat(3)}@example.com`,
      variables: [
        { variable_type: 'text', variable_id: 'note', value: word, step_id: 's' },
        { variable_type: 'multi_select', variable_id: 'flags', value: [word, 'short'], step_id: 's' },
      ],
    }),
  );
  await popover.pin('71');

  /**
   * main has overflow-x: hidden, so the document never scrolls sideways even when content is cut
   * off: measure main's own overflow and every element's box against the viewport instead. Boxes
   * inside a container that scrolls sideways on purpose (a wide table) are that container's business.
   */
  const sideways = () =>
    page.evaluate(() => {
      type Rect = { left: number; right: number; width: number; height: number };
      type El = {
        tagName: string;
        className: unknown;
        parentElement: El | null;
        getBoundingClientRect(): Rect;
        scrollWidth: number;
        clientWidth: number;
      };
      const w = globalThis as unknown as {
        innerWidth: number;
        document: { querySelector(s: string): El; querySelectorAll(s: string): El[] };
        getComputedStyle(e: El): { overflowX: string; position: string; clipPath: string };
      };
      const main = w.document.querySelector('main');
      const scrollsOnPurpose = (el: El): boolean => {
        for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
          if (['auto', 'scroll'].includes(w.getComputedStyle(a).overflowX)) return true;
        }
        return false;
      };
      const out = [...w.document.querySelectorAll('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || w.getComputedStyle(el).clipPath === 'inset(50%)') return false;
        return (r.right > w.innerWidth + 0.5 || r.left < -0.5) && !scrollsOnPurpose(el);
      });
      return {
        mainOverflow: main.scrollWidth - main.clientWidth,
        outside: out.map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`),
      };
    });
  const fits = { mainOverflow: 0, outside: [] };

  await expect(popover.row(/narrow popover/)).toBeVisible();
  expect(await sideways()).toEqual(fits);
  await popover.row(/narrow popover/).click();
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Variables' })).toContainText(word);
  expect(await sideways()).toEqual(fits);
  await popover.openActivity();
  expect(await sideways()).toEqual(fits);
  await popover.openSettings();
  expect(await sideways()).toEqual(fits);
});
