/**
 * What a Chamelio API key looks like, and the one mask every log and error uses. A key is `ca_`
 * followed by 4 to 500 characters of base64url (with `=` and `.`); the mask matches any run that
 * could be one, however short or long, so a key that slipped into a message never reaches a log.
 */

import { KEY_ECHO_NOTICE, keyEchoes, revealsKey } from './keyEchoes.ts';

/** Anything that could be a key, anywhere in a text. The one copy of the key's shape. */
const KEY_IN_TEXT = /ca_[A-Za-z0-9_\-=.]{4,}/g;
const WHOLE_KEY = new RegExp(`^(?:${KEY_IN_TEXT.source})$`);
const MAX_KEY_LENGTH = 'ca_'.length + 500;

/** What stands where a key (or a field that holds a secret) was. */
export const REDACTED = '[redacted]';

/** True when the text is one whole key of the right shape (nothing is sent otherwise). */
export function isApiKeyShape(candidate: string): boolean {
  return candidate.length <= MAX_KEY_LENGTH && WHOLE_KEY.test(candidate);
}

/** Every key-shaped run in the text replaced by the mask. */
export function maskApiKey(text: string): string {
  return text.replace(KEY_IN_TEXT, REDACTED);
}

/** The key in use taken out by value (whatever its shape), then any other key-shaped run. */
export function redactKey(text: string, key: string | null): string {
  if (!key) return maskApiKey(text);
  let withoutKey = text;
  // Every form a server could echo it in (base64, percent, HTML, no prefix…): see keyEchoes.ts.
  for (const form of keyEchoes(key)) withoutKey = withoutKey.split(form).join(REDACTED);
  return revealsKey(withoutKey, key) ? KEY_ECHO_NOTICE : maskApiKey(withoutKey);
}
