import type { ServerResponse } from 'node:http';

/** A JSON answer with an exact Content-Length; does nothing if the response is already gone. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(text ? { 'Content-Type': 'application/json' } : {}), 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
