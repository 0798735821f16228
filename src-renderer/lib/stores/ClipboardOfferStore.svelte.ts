/**
 * "Pin task 41 from the clipboard?": the ids on the clipboard that are not pinned yet. Dismissed ids
 * are not offered again this session; when checks overlap, only the latest one's answer counts.
 */
export class ClipboardOfferStore {
  ids = $state<readonly number[]>([]);
  readonly #read: () => Promise<number[]>;
  // Not shown anywhere, so it needs no reactivity.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #dismissed = new Set<number>();
  #checks = 0;

  /** `read` asks the engine for the clipboard's unpinned ids; a failure means no offer. */
  constructor(read: () => Promise<number[]>) {
    this.#read = read;
  }

  async check(): Promise<void> {
    const check = ++this.#checks;
    const ids = await this.#read().catch((): number[] => []);
    if (check === this.#checks) this.ids = ids.filter((id) => !this.#dismissed.has(id));
  }

  dismiss(): void {
    for (const id of this.ids) this.#dismissed.add(id);
    this.ids = [];
  }

  /** These ids are pinned now (or were already): they are no longer offered. */
  drop(pinned: readonly number[]): void {
    this.ids = this.ids.filter((id) => !pinned.includes(id));
  }
}
