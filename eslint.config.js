// Lint, including the one rule between the rooms of the code (../shared/ARCHITECTURE.md):
// core imports neither Electron nor Node I/O nor another room; the renderer imports contract types only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeIo = ['fs', 'http', 'https', 'net', 'child_process', 'worker_threads', 'dgram', 'tls', 'os', 'path'];
const coreForbidden = [
  { name: 'electron', message: 'core is pure: reach Electron through a port in core/app/ports.ts.' },
  { name: 'electron-store', message: 'core is pure: persistence is a port.' },
  { name: 'conf', message: 'core is pure: persistence is a port.' },
  { name: 'write-file-atomic', message: 'core is pure: persistence is a port.' },
  ...nodeIo.flatMap((m) => [
    { name: m, message: 'core does no I/O: use a port.' },
    { name: `node:${m}`, message: 'core does no I/O: use a port.' },
  ]),
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', '.tmp/', 'node_modules/', 'tools/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: coreForbidden,
          patterns: [
            { group: ['**/electron/**', '**/node/**', '**/contract/**', '**/src-renderer/**'], message: 'core imports no other room.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: coreForbidden, patterns: [{ group: ['**/electron/**', '**/node/**'], message: 'contract is shared by both transports.' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte', 'src-renderer/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to the bridge.' }],
          patterns: [
            {
              group: ['**/src-main/core/**', '**/src-main/electron/**', '**/src-main/node/**'],
              message: 'The renderer imports only types from src-main/contract.',
            },
            {
              group: ['**/src-main/contract/**'],
              allowTypeImports: true,
              message: 'The renderer imports only types from src-main/contract.',
            },
          ],
        },
      ],
    },
  },
);
