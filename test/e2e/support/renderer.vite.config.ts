/**
 * Builds only the renderer, the way `electron-vite build` does: the `renderer` section of
 * electron.vite.config.ts on top of electron-vite's own renderer defaults (relative base, no
 * minification unless the config asks, no module-preload polyfill), into out/renderer. The e2e run
 * and the bench use it so they test what the app ships, even while the Electron entries cannot build:
 * `npx vite build --config test/e2e/support/renderer.vite.config.ts`.
 */
import { resolve } from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';
import electronViteConfig from '../../../electron.vite.config.ts';

const repo = resolve(import.meta.dirname, '../../..');
const renderer = ((electronViteConfig as { renderer?: UserConfig }).renderer ?? {}) as UserConfig;

const electronViteDefaults: UserConfig = {
  base: './',
  build: { minify: false, modulePreload: { polyfill: false }, reportCompressedSize: false },
};

export default mergeConfig(mergeConfig(electronViteDefaults, renderer), {
  root: resolve(repo, renderer.root ?? 'src-renderer'),
  build: {
    outDir: resolve(repo, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(repo, 'src-renderer/index.html') } },
  },
} satisfies UserConfig);
