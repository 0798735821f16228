/** API text is data: shown as text whatever it holds, and variables are rendered by their type. */
import { expect, test } from './support/fixtures.ts';
import type { PageGlobals } from './support/pageGlobals.ts';
import { ALL_TYPES_VARIABLES, task } from './support/tasks.ts';

test.use({ keyFromEnv: true });

const MARKUP = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
const SCRIPT = '<script>window.__pwned = 2</script>';
const RTL = 'مراجعة العقد — חוזה';
const EMOJI = '📄✅ 👩🏽‍⚖️';
const LONG = `Contract${'x'.repeat(600)}`;

test('task text with markup, script, RTL, emoji and very long strings is shown as text', async ({ page, control, popover }) => {
  await control.putTask(
    task(21, {
      task_title: `${MARKUP} ${RTL} ${EMOJI}`,
      workflow_name: SCRIPT,
      current_step_name: LONG,
      assignee_email: '<u>someone</u>@example.com',
      variables: [
        { variable_type: 'text', variable_id: 'note', value: MARKUP, step_id: 's' },
        { variable_type: 'dynamic_table', variable_id: 'rows', value: [{ cell: SCRIPT }], step_id: 's' },
        { variable_type: 'text', variable_id: 'long', value: LONG, step_id: 's' },
      ],
    }),
  );
  await popover.pin('21');
  const row = popover.row(/bold/);
  await expect(row).toContainText(`${MARKUP} ${RTL} ${EMOJI}`);
  await expect(row).toContainText(SCRIPT);
  await expect(row).toContainText('<u>someone</u>@example.com');
  // Cut to one line in the list; the whole of each line is in its tooltip, as plain text.
  await expect(row.getByTitle(`${MARKUP} ${RTL} ${EMOJI}`, { exact: true })).toBeVisible();
  await expect(row.getByTitle(`${SCRIPT} · Step: ${LONG} (review)`, { exact: true })).toBeVisible();
  await expect(row.getByTitle(/Assignee: <u>someone<\/u>@example\.com$/)).toBeVisible();
  await row.click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`${MARKUP} ${RTL} ${EMOJI}`);
  await expect(page.getByRole('article')).toContainText(LONG);
  await expect(page.getByRole('cell', { name: SCRIPT })).toBeVisible();

  const injected = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const main = w.document.querySelector('main');
    return {
      elements: w.document.querySelectorAll('main img, main b, main u, main script').length,
      pwned: w.__pwned ?? null,
      overflow: main ? main.scrollWidth - main.clientWidth : -1,
    };
  });
  expect(injected).toEqual({ elements: 0, pwned: null, overflow: 0 });
});

test('a task with a blank title is "Task N" in the list and its details, as in its notification', async ({ page, control, popover }) => {
  await control.putTask(task(22, { task_title: '   ' }));
  await popover.pin('22');
  const row = popover.row(/Task 22/);
  await expect(row.getByTitle('Task 22', { exact: true })).toBeVisible();
  await row.click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Task 22');
});

test('variables of all fourteen types are rendered by type; an unknown shape as JSON text', async ({ page, control, popover }) => {
  await control.putTask(task(22, { task_title: 'All the types', variables: ALL_TYPES_VARIABLES }));
  await popover.pin('22');
  await popover.row(/All the types/).click();
  const vars = page.getByRole('region', { name: 'Variables' });
  const value = (type: string) => vars.locator(`[data-type="${type}"] dd`);

  await expect(value('text')).toHaveText('Acme Corporation');
  await expect(value('number')).toHaveText('24');
  await expect(value('boolean')).toHaveText('Yes');
  await expect(value('date')).toHaveText('Mar 1, 2026');
  await expect(value('email')).toHaveText('legal@example.com');
  await expect(value('file')).toContainText('Acme_MSA.pdf');
  await expect(value('file')).not.toContainText('document_1');
  await expect(value('select')).toHaveText('High');
  await expect(value('multi_select').locator('.chip')).toHaveText(['auto_renewal', 'uncapped_liability']);
  await expect(value('user_entity')).toHaveText('sam@example.com');
  await expect(value('business')).toHaveText('Acme Inc.');
  await expect(value('dynamic_list').getByRole('listitem')).toHaveText(['LEASE-2019-004', 'LEASE-2022-011']);
  const table = value('dynamic_table').getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Item', 'Quantity']);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['Laptop', '25']);
  await expect(value('number_with_currency')).toHaveText('$150,000.00');
  const messages = value('conversation').getByRole('listitem');
  await expect(messages).toHaveCount(2);
  await expect(messages.first()).toContainText('sam@example.com');
  await expect(messages.first()).toContainText('Goes live on the 15th.');
  const unknown = value('signature_block');
  await expect(unknown).toContainText('"signer": "Dana"');
  await expect(unknown).toContainText('<script>window.__pwned = 1</script>');
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned ?? null)).toBeNull();
});

test('a wide dynamic_table scrolls sideways in its own box; cells wrap between words and numbers stay whole', async ({ page, control, popover }) => {
  await page.setViewportSize({ width: 360, height: 600 });
  const rows = [
    { description: 'Supplementary', counterparty: 'Internationalisation', amount: 1234567.89, quantity: 25000, region: 'Asia Pacific' },
    { description: 'Maintenance', counterparty: 'Acme', amount: 99.5, quantity: 3, region: 'Europe' },
  ];
  await control.putTask(task(23, { task_title: 'Wide table', variables: [{ variable_type: 'dynamic_table', variable_id: 'lines', value: rows, step_id: 's' }] }));
  await popover.pin('23');
  await popover.row(/Wide table/).click();
  const table = page.getByRole('region', { name: 'Variables' }).getByRole('table');
  await expect(table.getByRole('cell', { name: '1,234,567.89' })).toBeVisible();

  const layout = await table.evaluate((t) => {
    type Box = { scrollWidth: number; clientWidth: number };
    type Cell = { textContent: string | null; firstChild: unknown };
    type Doc = {
      querySelector(s: string): Box;
      createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { length: number } };
    };
    const doc = (globalThis as unknown as { document: Doc }).document;
    const el = t as unknown as { parentElement: Box; querySelectorAll(s: string): Cell[] };
    // Lines a cell's text takes: one per line box of its text.
    const lines = (cell: Cell): number => {
      const range = doc.createRange();
      range.selectNodeContents(cell);
      return range.getClientRects().length;
    };
    const main = doc.querySelector('main');
    return {
      boxScrolls: el.parentElement.scrollWidth > el.parentElement.clientWidth,
      mainOverflow: main.scrollWidth - main.clientWidth,
      brokenWords: [...el.querySelectorAll('th, td')]
        .filter((cell) => !/\s/.test(cell.textContent ?? '') && lines(cell) > 1)
        .map((cell) => cell.textContent),
    };
  });
  expect(layout).toEqual({ boxScrolls: true, mainOverflow: 0, brokenWords: [] });
});
