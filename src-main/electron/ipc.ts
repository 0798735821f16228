/**
 * The Electron transport of the bridge: one `ipcMain.handle` per contract command. Every call is
 * checked before the engine sees it: the sending frame must be our own page (senderCheck.ts) and
 * the arguments must have the contract's shape (commandArgs.ts).
 */
import { COMMAND_NAMES, channelOf, type CommandHandlers, type CommandName } from '../contract/bridge.ts';
import type { Logger } from '../core/app/ports.ts';
import { InvalidArgumentsError, validateCommandArgs } from '../contract/commandArgs.ts';
import { isTrustedSender } from './senderCheck.ts';

/** The parts of WebFrameMain the check reads. */
interface FrameLike {
  url: string;
  parent: unknown;
}

export interface InvokeEventLike {
  senderFrame: FrameLike | null;
  sender?: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

/** For logs: where a refused call came from, without paths or queries. */
function describeFrame(frame: FrameLike | null): string {
  if (!frame) return 'no frame';
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'unparsable url';
  }
}

function frameInfo(frame: FrameLike | null): { url: string; isSubFrame: boolean } | null {
  if (!frame) return null;
  return { url: frame.url, isSubFrame: frame.parent !== null && frame.parent !== undefined };
}

export function registerCommandHandlers(input: {
  ipc: IpcMainLike;
  handlers: CommandHandlers;
  logger: Logger;
  /** Optional: the sender must also be our popover's webContents. */
  isOwnSender?: (sender: unknown) => boolean;
}): CommandName[] {
  const { ipc, handlers, logger, isOwnSender } = input;
  for (const name of COMMAND_NAMES) {
    ipc.handle(channelOf(name), async (event, ...args) => {
      // senderFrame may be null once the frame navigated or was destroyed: treat that as untrusted.
      const frame = event.senderFrame;
      if (!isTrustedSender(frameInfo(frame)) || (isOwnSender && !isOwnSender(event.sender))) {
        logger.warn('refused a bridge call from an untrusted sender', { command: name, from: describeFrame(frame) });
        throw new UntrustedSenderError(`${name}: refused`);
      }
      let valid: readonly unknown[];
      try {
        valid = validateCommandArgs(name, args);
      } catch (error) {
        logger.warn('refused a bridge call with invalid arguments', { command: name });
        throw error instanceof InvalidArgumentsError ? error : new InvalidArgumentsError(`${name}: invalid arguments`);
      }
      const handler = handlers[name] as (...a: readonly unknown[]) => unknown;
      return handler(...valid);
    });
  }
  return [...COMMAND_NAMES];
}
