/**
 * Builds only the renderer, exactly as electron.vite.config.ts's `renderer` section does (root
 * src-renderer → out/renderer, relative base). For when the Electron entries cannot build yet:
 * `npx vite build --config test/e2e/support/renderer.vite.config.ts`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const repo = resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root: resolve(repo, 'src-renderer'),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: resolve(repo, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(repo, 'src-renderer/index.html') } },
  },
});
