/**
 * `npm run test:security`: Electronegativity (doyensec's Electron security linter) over src-main,
 * failing on any finding that tools/electronegativity/exclusions.json does not accept with a reason.
 *
 * Electronegativity always exits 0, even with HIGH findings, so this script reads its SARIF report.
 * It lives in its own package (tools/electronegativity: it brings eslint 7 and TypeScript 4.2) and is
 * installed from its lockfile on first use. It runs offline (tools/electronegativity/offline.cjs),
 * without the network-only AvailableSecurityFixesGlobalCheck, and first proves on a deliberately
 * insecure sample that it still finds things, so a broken install cannot pass silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = path.join(root, 'tools', 'electronegativity');
const cli = path.join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const offlineShim = path.join(toolDir, 'offline.cjs');
const exclusionsFile = path.join(toolDir, 'exclusions.json');
const SCANNED = 'src-main';

export interface Finding {
  check: string;
  /** Repository-relative, or null for global checks that name no file. */
  file: string | null;
  line: number | null;
  level: string;
  message: string;
}

interface Exclusion {
  check: string;
  file?: string;
  reason: string;
}

function fail(message: string): never {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

function ensureInstalled(): void {
  if (existsSync(cli)) return;
  console.log('electronegativity: installing tools/electronegativity from its lockfile…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', toolDir, '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !existsSync(cli)) fail('npm ci --prefix tools/electronegativity failed');
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the scanner on `input` and returns its findings. `prefix` makes the paths repository-relative. */
function scan(input: string, prefix: string, workDir: string): Finding[] {
  const sarifFile = path.join(workDir, `${path.basename(input)}.sarif`);
  const result = spawnSync(
    process.execPath,
    ['--require', offlineShim, cli, '-i', input, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', sarifFile, '-e', electronVersion()],
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (result.status !== 0 || !existsSync(sarifFile)) {
    fail(`the scan of ${input} did not complete (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
  return parseSarif(readFileSync(sarifFile, 'utf8'), prefix);
}

interface SarifLog {
  runs: {
    tool: { driver: { rules?: unknown[] } };
    results: {
      ruleId: string;
      level?: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

export function parseSarif(text: string, prefix: string): Finding[] {
  const log = JSON.parse(text) as SarifLog;
  const findings: Finding[] = [];
  for (const run of log.runs) {
    for (const result of run.results) {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation.uri ?? '';
      const named = uri !== '' && !uri.startsWith('file:') && uri !== 'N/A';
      findings.push({
        check: result.ruleId,
        file: named ? path.posix.join(prefix, uri.replace(/\\/g, '/')) : null,
        line: location?.region?.startLine ?? null,
        level: result.level ?? 'warning',
        message: result.message.text,
      });
    }
  }
  return findings;
}

export function loadExclusions(text: string): Exclusion[] {
  const parsed = JSON.parse(text) as { exclusions?: unknown };
  if (!Array.isArray(parsed.exclusions)) throw new Error('exclusions.json needs an "exclusions" array');
  return parsed.exclusions.map((entry: unknown, index) => {
    const e = entry as Partial<Exclusion>;
    if (typeof e.check !== 'string' || e.check === '') throw new Error(`exclusion ${index}: "check" is required`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 40) {
      throw new Error(`exclusion ${index} (${e.check}): give a written reason of at least a sentence`);
    }
    if (e.file !== undefined && typeof e.file !== 'string') throw new Error(`exclusion ${index}: "file" must be a path`);
    return { check: e.check, reason: e.reason, ...(e.file !== undefined ? { file: e.file } : {}) };
  });
}

export function matches(exclusion: Exclusion, finding: Finding): boolean {
  return exclusion.check === finding.check && (exclusion.file === undefined || exclusion.file === finding.file);
}

export function judge(findings: Finding[], exclusions: Exclusion[]): { open: Finding[]; unused: Exclusion[] } {
  return {
    open: findings.filter((f) => !exclusions.some((e) => matches(e, f))),
    unused: exclusions.filter((e) => !findings.some((f) => matches(e, f))),
  };
}

const INSECURE_SAMPLE = `import { BrowserWindow, shell } from 'electron';
export function open(url: string) {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  shell.openExternal(url);
  return win;
}
`;

function main(): void {
  ensureInstalled();
  const exclusions = loadExclusions(readFileSync(exclusionsFile, 'utf8'));
  const workDir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  try {
    // 1. The scanner must still see an obviously insecure window, or a pass below would mean nothing.
    const canaryDir = path.join(workDir, 'canary');
    mkdirSync(canaryDir);
    writeFileSync(path.join(canaryDir, 'insecure.ts'), INSECURE_SAMPLE);
    const canary = new Set(scan(canaryDir, 'canary', workDir).map((f) => f.check));
    // The global checks prove their worth too: src-main passes them only because of our guards.
    for (const expected of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      if (!canary.has(expected)) fail(`self-check failed: ${expected} was not reported for an insecure sample`);
    }

    // 2. The real scan.
    const findings = scan(path.join(root, SCANNED), SCANNED, workDir);
    const { open, unused } = judge(findings, exclusions);
    console.log(`electronegativity: ${findings.length} finding(s) in ${SCANNED}, ${findings.length - open.length} accepted in tools/electronegativity/exclusions.json`);
    for (const f of findings) {
      const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '(global)';
      console.log(`  ${open.includes(f) ? 'FAIL    ' : 'accepted'}  ${f.check}  ${where}  ${f.message}`);
    }
    if (unused.length > 0) {
      for (const e of unused) console.error(`  stale exclusion: ${e.check}${e.file ? ` ${e.file}` : ''} matches no finding; remove it`);
      fail('exclusions.json lists findings that no longer occur');
    }
    if (open.length > 0) fail(`${open.length} finding(s) to fix, or to accept with a reason in tools/electronegativity/exclusions.json`);
    console.log('electronegativity: no open findings');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
