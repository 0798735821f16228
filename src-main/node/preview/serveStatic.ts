/** The built UI's files, read from one directory; nothing outside it is ever served. */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../../core/base/contentTypes.ts';

export async function serveStatic(
  root: string,
  urlPath: string,
  headOnly: boolean,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return plain(res, 400, 'bad path', headers);
  }
  const base = normalize(root);
  const file = normalize(join(base, relative));
  const type = contentTypeOf(file);
  if (!file.startsWith(base + sep) || relative.includes('\0') || !type) return plain(res, 404, 'not found', headers);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(res, 404, 'not found', headers);
  }
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.byteLength });
  res.end(headOnly ? undefined : body);
}

function plain(res: ServerResponse, status: number, text: string, headers: Readonly<Record<string, string>>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
