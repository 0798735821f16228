import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering table in eslint.config.js, checked through ESLint's own API on probe files that
 * exist only as text (lintText with a filePath), so nothing is left in the tree.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('who may import whom', () => {
  it.each([
    ['node/ importing electron', 'src-main/node/preview/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n"],
    ['node/ importing electron-store', 'src-main/node/store/probe.ts', "import Store from 'electron-store';\nexport const probe = Store;\n"],
    ['node/ importing the Electron shell', 'src-main/node/preview/probe.ts', "import { consoleLogger } from '../../electron/runtime.ts';\nexport const probe = consoleLogger;\n"],
    ['core importing a Node I/O module', 'src-main/core/app/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const probe = readFile;\n"],
    ['core importing the contract', 'src-main/core/app/probe.ts', "import type { Bridge } from '../../contract/bridge.ts';\nexport type Probe = Bridge;\n"],
    ['electron/ importing node/ outside demo mode', 'src-main/electron/probe.ts', "import { JsonFileStore } from '../node/store/JsonFileStore.ts';\nexport const probe = JsonFileStore;\n"],
    ['the renderer importing a value from the contract', 'src-renderer/lib/probe.ts', "import { COMMAND_NAMES } from '../../src-main/contract/bridge.ts';\nexport const probe = COMMAND_NAMES;\n"],
    ['the renderer importing core', 'src-renderer/lib/probe.ts', "import type { Task } from '../../src-main/core/chamelio/Task.ts';\nexport type Probe = Task;\n"],
    ['a bench importing the shipped renderer', 'bench/probe.ts', "import { taskLabel } from '../src-renderer/lib/app.svelte.ts';\nexport const probe = taskLabel;\n"],
    ['the shipped renderer importing the specs’ fixtures', 'src-renderer/lib/probe.ts', "import { snapshot } from '../testing/fixtures.ts';\nexport const probe = snapshot;\n"],
    ['a renderer spec importing core', 'src-renderer/components/Probe.svelte.spec.ts', "import { DEFAULT_SETTINGS } from '../../src-main/core/app/Settings.ts';\nexport const probe = DEFAULT_SETTINGS;\n"],
    ['the renderer importing the engine’s rules', 'src-renderer/lib/probe.ts', "import { statusLabel } from '../../src-main/contract/engineRules.ts';\nexport const probe = statusLabel;\n"],
  ])('%s fails lint', async (_name, filePath, code) => {
    const found = await problems(filePath, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^@typescript-eslint\/no-restricted-imports: /);
  });

  it.each([
    ['node/ importing core', 'src-main/node/preview/probe.ts', "import { realClock } from '../../core/app/realClock.ts';\nexport const probe = realClock;\n"],
    ['the renderer importing contract types', 'src-renderer/lib/probe.ts', "import type { Bridge } from '../../src-main/contract/bridge.ts';\nexport type Probe = Bridge;\n"],
    ['a renderer spec importing the engine’s defaults from contract', 'src-renderer/components/Probe.svelte.spec.ts', "import { DEFAULT_SETTINGS } from '../../src-main/contract/engineRules.ts';\nexport const probe = DEFAULT_SETTINGS;\n"],
    ['a bench importing the renderer specs’ fixtures', 'bench/probe.ts', "import { snapshot } from '../src-renderer/testing/fixtures.ts';\nexport const probe = snapshot;\n"],
    ['the Electron shell importing electron', 'src-main/electron/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n"],
  ])('%s passes', async (_name, filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});

describe('what else lint refuses', () => {
  it('a double cast, in any room', async () => {
    expect(await problems('src-main/core/app/probe.ts', 'export const probe = 1 as unknown as string;\n')).toEqual([
      expect.stringMatching(/^no-restricted-syntax: No double cast/),
    ]);
  });

  it('a function over 60 lines in source, but not in a test', async () => {
    const body = Array.from({ length: 61 }, (_, i) => `  total += ${i};`).join('\n');
    const code = `export function probe(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`;
    expect(await problems('src-main/core/app/probe.ts', code)).toEqual([expect.stringMatching(/^max-lines-per-function: /)]);
    expect(await problems('src-renderer/components/Probe.svelte.spec.ts', code)).toEqual([]);
    expect(await problems('test/unit/app/probe.test.ts', code)).toEqual([]);
  });

  it('{@html} in a Svelte component', async () => {
    const found = await problems('src-renderer/components/Probe.svelte', '<script lang="ts">\n  let { text }: { text: string } = $props();\n</script>\n\n<p>{@html text}</p>\n');
    expect(found).toEqual([expect.stringMatching(/^svelte\/no-at-html-tags: /)]);
  });
});
