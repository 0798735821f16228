import { CHAMELIO_APP_HOST } from './Settings.ts';

/** The task's page in the Chamelio app, always built from the id (never the API's own link). */
export function taskLink(taskId: number): string {
  return `https://${CHAMELIO_APP_HOST}/workflows/tasks/${taskId}`;
}
