import { CommandFailure, describeFailure } from '../failure.ts';

/**
 * The last failed command, in words, shown above the view. Running a command through here turns a
 * failure into that message instead of an unhandled rejection; the next success clears it.
 */
export class ProblemStore {
  message = $state<string | null>(null);
  /** The message is the transport's ("not answering"): it goes once the engine answers again. */
  #unreachable = false;

  async run<T>(command: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await command();
      this.#set(null, false);
      return result;
    } catch (error) {
      this.#set(describeFailure(error), error instanceof CommandFailure && error.kind === 'engine-unreachable');
      return undefined;
    }
  }

  /** Runs a command that returns nothing; resolves whether it worked (a failure is shown, as with run). */
  async attempt(command: () => Promise<unknown>): Promise<boolean> {
    let ok = false;
    await this.run(async () => {
      await command();
      ok = true;
    });
    return ok;
  }

  /** The engine answers again: a "not answering" message is out of date. */
  engineBack(): void {
    if (this.#unreachable) this.#set(null, false);
  }

  #set(message: string | null, unreachable: boolean): void {
    this.message = message;
    this.#unreachable = message !== null && unreachable;
  }
}
