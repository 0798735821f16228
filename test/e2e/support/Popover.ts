/** What a person does in the popover, in the words the UI shows them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Popover {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get connection(): Locator {
    return this.page.getByTestId('connection');
  }

  get taskList(): Locator {
    return this.page.getByRole('listbox', { name: 'Pinned tasks' });
  }

  row(name: string | RegExp): Locator {
    return this.taskList.getByRole('option', { name });
  }

  get pinBox(): Locator {
    return this.page.getByLabel('Task URL or ID');
  }

  async setKey(key: string): Promise<void> {
    await this.page.getByLabel('API key', { exact: true }).fill(key);
    await this.page.getByRole('button', { name: /^(Save|Replace) key$/ }).click();
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings' }).click();
    await expect(this.page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  }

  async openActivity(): Promise<void> {
    await this.page.getByRole('button', { name: 'Activity' }).click();
    await expect(this.page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  }

  /** Saves one settings field: fill, then leave it (settings are saved on change). */
  async setField(label: string, value: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Tab');
    await expect(this.page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  }

  /** Checks every second: the engine allows 1 s against a simulator on this machine. */
  async pollEverySecond(): Promise<void> {
    await this.openSettings();
    await this.setField('Poll interval (seconds)', '1');
    await this.backToList();
  }

  async backToList(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.pinBox).toBeVisible();
  }

  async pin(text: string): Promise<void> {
    await this.pinBox.fill(text);
    await this.pinBox.press('Enter');
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
  }

  /** Opens a task's details from its row in the list. */
  async openTask(name: string | RegExp): Promise<void> {
    await this.row(name).click();
    await expect(this.page.getByRole('heading', { level: 2, name })).toBeVisible();
  }

  get approval(): Locator {
    return this.page.getByRole('region', { name: 'Approval' });
  }

  get documents(): Locator {
    return this.page.getByRole('region', { name: 'Documents' });
  }

  /** Approve (or reject with a reason), confirmed in place. */
  async decide(decision: 'Approve' | 'Reject', comment = ''): Promise<void> {
    if (comment) await this.approval.getByRole('textbox', { name: /Comment/ }).fill(comment);
    await this.approval.getByRole('button', { name: decision, exact: true }).click();
    await this.approval.getByRole('button', { name: `Yes, ${decision.toLowerCase()}` }).click();
  }
}
