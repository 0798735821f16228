import type { IncomingMessage } from 'node:http';
import { chunksOf, readCapped } from '../../core/base/readCapped.ts';

const MAX_BODY_BYTES = 1024 * 1024;

/** A request's JSON object body ({} when empty); throws when it is too large or not an object. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readCapped(chunksOf(req), MAX_BODY_BYTES);
  if (!body.ok) throw new Error(body.problem === 'too-large' ? 'body too large' : 'the body was cut off');
  const text = new TextDecoder().decode(body.bytes);
  if (text.trim() === '') return {};
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the body must be a JSON object');
  return json as Record<string, unknown>;
}
