import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A hostile Chamelio API on 127.0.0.1: whatever `respond` says, for every request. The real client
 * talks to it over real HTTP; nothing leaves this machine.
 */
export interface HostileServer {
  url: string;
  requests: number;
  respond: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

export async function startHostileServer(respond: HostileServer['respond']): Promise<HostileServer> {
  const server = createServer((req, res) => {
    hostile.requests++;
    hostile.respond(req, res);
  });
  const hostile: HostileServer = {
    url: '',
    requests: 0,
    respond,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostile.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return hostile;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
