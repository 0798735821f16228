/**
 * The browser preview's HTTP host on 127.0.0.1: the built UI with a strict CSP, and the bridge —
 * `POST /api/<command>` (a JSON array of arguments → the JSON result) and `GET /api/events`
 * (server-sent `state` and `show`). It only carries calls; the engine decides everything.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommandHandlers, CommandName, Commands, EventName, Events } from '../../contract/bridge.ts';
import type { Logger } from '../../core/app/ports.ts';
import { InvalidArgumentsError, isCommandName, validateCommandArgs } from '../../contract/commandArgs.ts';
import { serveStatic } from './serveStatic.ts';
import { contentSecurityPolicy } from '../../core/base/contentSecurityPolicy.ts';
import { chunksOf, readCapped } from '../../core/base/readCapped.ts';

/** As in the Electron app, except that the page talks to this host (connect-src 'self'). */
const PREVIEW_CSP = contentSecurityPolicy("'self'");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PREVIEW_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export const MAX_BODY_BYTES = 64 * 1024;
/** Bytes an event stream may hold unread (a page that stopped reading) before it is closed. */
export const MAX_UNREAD_STREAM_BYTES = 8 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;


interface PreviewHostOptions {
  port: number;
  rendererDir: string;
  handlers: CommandHandlers;
  /** The state a new event stream starts with. */
  currentState: () => Events['state'];
  logger: Logger;
  /** Only with --test-clock: POST /__test/advance-clock {"ms": N} moves the engine's clock on. */
  advanceClock?: (ms: unknown) => boolean;
}

export class PreviewHost {
  readonly #options: PreviewHostOptions;
  readonly #server: Server;
  readonly #streams = new Set<ServerResponse>();
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #port = 0;

  constructor(options: PreviewHostOptions) {
    this.#options = options;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        // A page that went away mid-request (closed, reloaded) is no fault of the host.
        if (req.readableAborted || res.destroyed) return options.logger.info('preview request aborted by the page', { error: String(error) });
        options.logger.error('preview request failed', { error: String(error) });
        send(res, 500, { error: 'internal error' });
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    this.#heartbeat = setInterval(() => {
      this.#writeAll(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/`;
  }

  /** Sends an event to every open page. */
  publish<E extends EventName>(event: E, payload: Events[E]): void {
    this.#writeAll(eventFrame(event, payload));
  }

  /** A stream whose page stopped reading is closed once its unread bytes pass the cap, never buffered for ever. */
  #writeAll(text: string): void {
    const bytes = Buffer.byteLength(text);
    for (const stream of this.#streams) {
      if (stream.writableLength + bytes <= MAX_UNREAD_STREAM_BYTES) {
        stream.write(text);
        continue;
      }
      this.#options.logger.warn('event stream closed: the page reads nothing', { unreadBytes: stream.writableLength });
      this.#streams.delete(stream);
      stream.destroy();
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const stream of this.#streams) stream.end();
    this.#streams.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine's names: a page whose DNS rebinds to 127.0.0.1 gets nothing.
    const host = req.headers.host;
    if (host !== `127.0.0.1:${this.#port}` && host !== `localhost:${this.#port}`) {
      return send(res, 421, { error: 'misdirected request' });
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/api/events') return this.#events(req, res);
    if (path === '/__test/advance-clock' && this.#options.advanceClock && req.method === 'POST') return this.#advanceClock(req, res);
    if (path.startsWith('/api/')) return this.#command(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
    return serveStatic(this.#options.rendererDir, path, req.method === 'HEAD', res, SECURITY_HEADERS);
  }

  #events(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
    if (!sameOrigin(req)) return send(res, 403, { error: 'cross-origin request' });
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(eventFrame('state', this.#options.currentState()));
    this.#streams.add(res);
    req.on('close', () => this.#streams.delete(res));
  }

  async #advanceClock(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameOrigin(req)) return send(res, 403, { error: 'cross-origin request' });
    let ms: unknown;
    try {
      ms = (JSON.parse((await readBody(req)) ?? '') as { ms?: unknown }).ms;
    } catch {
      return send(res, 400, { error: 'send {"ms": N}' });
    }
    return this.#options.advanceClock!(ms) ? send(res, 200, { ok: true }) : send(res, 400, { error: 'ms is a positive whole number' });
  }

  async #command(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!isCommandName(name)) return send(res, 404, { error: `unknown command ${name.slice(0, 64)}` });
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
    // JSON only: a cross-origin page cannot send it without a CORS preflight, which is never granted.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, { error: 'send Content-Type: application/json' });
    }
    if (!sameOrigin(req)) return send(res, 403, { error: 'cross-origin request' });
    const body = await readBody(req);
    if (body === null) return send(res, 413, { error: `the body is larger than ${MAX_BODY_BYTES} bytes` });
    let args: unknown;
    try {
      args = JSON.parse(body || '[]');
    } catch {
      return send(res, 400, { error: 'the body is not JSON' });
    }
    if (!Array.isArray(args)) return send(res, 400, { error: 'the body is a JSON array of arguments' });
    let result: unknown;
    try {
      result = await this.#run(name, args);
    } catch (error) {
      if (error instanceof InvalidArgumentsError) return send(res, 400, { error: error.message });
      this.#options.logger.error('command failed', { command: name, error: String(error) });
      return send(res, 500, { error: `${name} failed` });
    }
    send(res, 200, result ?? null);
  }

  #run<K extends CommandName>(name: K, args: unknown[]): Promise<Commands[K]['result']> | Commands[K]['result'] {
    const checked = validateCommandArgs(name, args);
    const handler = this.#options.handlers[name] as (...a: Commands[K]['args']) => Commands[K]['result'];
    return handler(...checked);
  }
}

function eventFrame(event: EventName, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Browsers say where a request comes from; anything but this page itself is refused. */
function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

/** The body as text, or null when it exceeds MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  const body = await readCapped(chunksOf(req), MAX_BODY_BYTES, { declaredLength });
  if (!body.ok && body.problem === 'cut-off') throw new Error('the request body was cut off');
  return body.ok ? new TextDecoder().decode(body.bytes) : null;
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
