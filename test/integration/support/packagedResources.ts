/**
 * `process.resourcesPath` of a packaged app, laid out as electron-builder lays it out from
 * electron-builder.yml: each `extraResources` entry's `from` folder copied to `<resources>/<to>`,
 * beside the `app.asar` the app itself is packed into. The boot test points a packaged boot at it,
 * so a wrong mapping (or code that reads the repository's assets/) fails there, not on a user's desktop.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// js-yaml ships with electron-builder (app-builder-lib depends on it); no new dependency.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface ExtraResource {
  from: string;
  to: string;
  filter?: string[];
}

/** Returns the resources folder made under `target`. */
export function layOutPackagedResources(root: string, target: string): string {
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { extraResources?: ExtraResource[] };
  const resources = path.join(target, 'resources');
  mkdirSync(resources, { recursive: true });
  for (const entry of config.extraResources ?? []) {
    // Only what electron-builder.yml uses today: a new filter must be modelled here before it is trusted.
    if (entry.filter && entry.filter.join() !== '**/*') throw new Error(`extraResources filter not modelled: ${entry.filter.join()}`);
    cpSync(path.join(root, entry.from), path.join(resources, entry.to), { recursive: true });
  }
  // Not a real archive: nothing may read assets from inside it (electron-builder.yml `files` has none).
  writeFileSync(path.join(resources, 'app.asar'), '');
  return resources;
}
