// Lint, including the one rule between the rooms of the code (docs/ARCHITECTURE.md): ROOMS below is
// the table of who may import whom, for every room; a wrong import fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Every room: its files, how an import path into it looks, which rooms it may import
 * (`typesFrom`: only `import type`), and the packages it may not import.
 */
const nodeIo = ['fs', 'http', 'https', 'net', 'child_process', 'worker_threads', 'dgram', 'tls', 'os', 'path'];
const noNodeIo = nodeIo.flatMap((m) => [m, `node:${m}`, `node:${m}/promises`, `${m}/promises`]);
const electronOnly = ['electron', 'electron-store', 'conf'];
const ROOMS = {
  core: {
    files: ['src-main/core/**'],
    path: '**/core/**',
    may: ['core'],
    packages: { banned: [...electronOnly, 'write-file-atomic', ...noNodeIo], why: 'core is pure: reach Electron, files and the network through a port (core/app/ports.ts).' },
  },
  contract: {
    files: ['src-main/contract/**'],
    path: '**/contract/**',
    may: ['contract', 'core'],
    packages: { banned: [...electronOnly, 'write-file-atomic', ...noNodeIo], why: 'contract is shared by both transports and the renderer.' },
  },
  node: {
    files: ['src-main/node/**'],
    path: '**/node/**',
    may: ['node', 'core', 'contract'],
    packages: { banned: electronOnly, why: 'node/ is plain Node: it runs where Electron does not (preview, simulator, tests).' },
  },
  electron: {
    files: ['src-main/electron/**'],
    path: '**/electron/**',
    may: ['electron', 'core', 'contract'],
    // Demo mode starts the simulator; it loads it with import(), so a normal run never does.
    exceptions: [{ files: ['src-main/electron/demo.ts'], may: ['node'] }],
  },
  renderer: {
    files: ['src-renderer/**'],
    // The specs' helpers in src-renderer/testing/ are a room of their own (rendererTests).
    path: ['**/src-renderer/**', '!**/src-renderer/testing', '!**/src-renderer/testing/**'],
    may: ['renderer'],
    typesFrom: ['contract'],
    packages: { banned: [...electronOnly, ...noNodeIo], why: 'The renderer talks only to the bridge.' },
  },
  // The renderer's specs and their helpers: tests beside the components, never imported by the shipped
  // renderer. They may import values from contract (the engine's defaults and display rules are in
  // contract/engineRules.ts), never core itself.
  rendererTests: {
    files: ['src-renderer/**/*.spec.ts', 'src-renderer/testing/**'],
    // Also as the renderer itself names it (../testing/...).
    path: ['**/src-renderer/testing/**', '**/testing/**'],
    may: ['rendererTests', 'renderer', 'contract', 'tests'],
    packages: { banned: electronOnly, why: 'The renderer talks only to the bridge.' },
  },
  // The renderer bench builds its snapshot with the renderer specs' fixtures (src-renderer/testing/).
  bench: { files: ['bench/**'], path: '**/bench/**', may: ['bench', 'core', 'contract', 'node', 'tests', 'rendererTests'] },
  scripts: { files: ['scripts/**', '*.config.{js,ts}'], path: '**/scripts/**', may: ['scripts', 'core', 'contract'] },
  tests: { files: ['test/**'], path: '**/test/**', may: ['tests', 'core', 'contract', 'node', 'electron', 'renderer', 'rendererTests', 'bench', 'scripts'] },
};

function importRule(name, may, typesFrom = []) {
  const room = ROOMS[name];
  const closed = Object.keys(ROOMS).filter((other) => !may.includes(other) && !typesFrom.includes(other));
  const patterns = [
    ...closed.map((other) => ({ group: [ROOMS[other].path].flat(), message: `${name} may import only ${[...may, ...typesFrom].join(', ')} (eslint.config.js ROOMS).` })),
    ...typesFrom.map((other) => ({ group: [ROOMS[other].path].flat(), allowTypeImports: true, message: `${name} imports only types from ${other}.` })),
  ];
  const paths = (room.packages?.banned ?? []).map((pkg) => ({ name: pkg, message: room.packages.why }));
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

const layering = Object.entries(ROOMS).flatMap(([name, room]) => [
  { files: room.files, rules: importRule(name, room.may, room.typesFrom) },
  ...(room.exceptions ?? []).map((exception) => ({ files: exception.files, rules: importRule(name, [...room.may, ...exception.may], room.typesFrom) })),
]);

/** `x as unknown as T` claims a type the checker could not see; say why in a stand-in, or fix the types. */
const doubleCast = (allowedOn = '') => ({
  selector: `TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type=/^TS(Unknown|Any)Keyword$/]${allowedOn}`,
  message: 'No double cast (as unknown as): fix the types, or use test/support/untyped.ts in a test.',
});

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
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte', 'src-renderer/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  ...layering,
  {
    // A function past 60 lines holds more than one idea: split it along them. Data tables say so where
    // they are (eslint-disable-next-line with the reason); tests are exempt: a describe block is a list.
    files: ['src-main/**', 'src-renderer/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    ignores: ['src-renderer/**/*.spec.ts', 'src-renderer/testing/**'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  { rules: { 'no-restricted-syntax': ['error', doubleCast()] } },
  {
    // Code that runs in a page (page.evaluate, addInitScript) is typed against Node's globalThis, which
    // has no DOM: `globalThis as unknown as PageGlobals` names the page's globals, and the cast is erased.
    files: ['test/e2e/**', 'bench/renderer*.ts', 'bench/renderWarm.ts'],
    rules: { 'no-restricted-syntax': ['error', doubleCast(":not([expression.expression.name='globalThis'])")] },
  },
  {
    // Also in a page: elements handed to evaluate callbacks, typed as Node sees them, read as the page has them.
    files: ['test/e2e/keySafety.spec.ts', 'test/e2e/rendering.spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The electron-store instance is cast to the KeyValueStore port here until the main.ts split
    // (issue 8 item 4, the shell's part) gives the store its own typed file.
    files: ['src-main/electron/main.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
