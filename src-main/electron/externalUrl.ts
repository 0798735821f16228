/**
 * The only URLs main hands to the OS browser: https pages on the Chamelio web app. Parsed with URL and
 * compared exactly: `startsWith('https://app.chamelio.ai')` would let `app.chamelio.ai.evil.example` in.
 */
import { CHAMELIO_APP_HOST } from '../core/app/Settings.ts';

export function isAllowedExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.hostname === CHAMELIO_APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * A document's presigned link (S3 or the like): any https host, no credentials in the URL. Only for
 * links the engine got from a document endpoint in answer to the user's click (TaskActions.open);
 * links in task text, variables or task_url never get here.
 */
export function isDocumentUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 4096) return false;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}
