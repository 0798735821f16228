/** Builds the UI the preview serves, so `npx playwright test` always tests the current source. */
import { build } from 'vite';
import { join } from 'node:path';

export default async function globalSetup(): Promise<void> {
  await build({ configFile: join(import.meta.dirname, 'renderer.vite.config.ts'), logLevel: 'warn' });
}
