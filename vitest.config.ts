import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Two projects: the engine, shell and adapters in Node; the renderer's stores and components in
// jsdom, compiled by the Svelte plugin for the browser (Svelte 5 resolves its client code only under
// the `browser` condition), with Testing Library's cleanup after each test.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Counts the attack suite's cases (test/attack) and prints the total.
    globalSetup: ['test/attack/support/globalSetup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/attack/**/*.attack.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // node_modules is a symlink here, which the plugin's own setup-file path does not survive.
        plugins: [svelte(), svelteTesting({ autoCleanup: false })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['src-renderer/**/*.spec.ts'],
          environment: 'jsdom',
          // One document per worker, emptied after each test (testing/setup.ts): starting jsdom per file
          // costs more than all the specs together.
          isolate: false,
          setupFiles: ['src-renderer/testing/setup.ts'],
        },
      },
    ],
  },
});
