import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, loadExclusions, parseSarif, type Finding } from '../../../scripts/electronegativity.ts';

const sarif = JSON.stringify({
  runs: [
    {
      tool: { driver: { rules: [] } },
      results: [
        { ruleId: 'CSP_GLOBAL_CHECK', level: 'warning', message: { text: 'No CSP' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } }] },
        { ruleId: 'SANDBOX_JS_CHECK', level: 'warning', message: { text: 'Use sandbox' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'electron/win.ts' }, region: { startLine: 9 } } }] },
        { ruleId: 'OPEN_EXTERNAL_JS_CHECK', level: 'note', message: { text: 'Review' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'electron/a.ts' }, region: { startLine: 3 } } }] },
      ],
    },
  ],
});

const reason = 'A sentence that explains why this finding is not a problem here.';

describe('the electronegativity gate', () => {
  it('reads SARIF results with repository-relative paths, globals without a file', () => {
    expect(parseSarif(sarif, 'src-main')).toEqual<Finding[]>([
      { check: 'CSP_GLOBAL_CHECK', file: null, line: 1, level: 'warning', message: 'No CSP' },
      { check: 'SANDBOX_JS_CHECK', file: 'src-main/electron/win.ts', line: 9, level: 'warning', message: 'Use sandbox' },
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src-main/electron/a.ts', line: 3, level: 'note', message: 'Review' },
    ]);
  });

  it('fails every finding not excluded, notes included, and reports stale exclusions', () => {
    const findings = parseSarif(sarif, 'src-main');
    const { open, unused } = judge(findings, [
      { check: 'CSP_GLOBAL_CHECK', reason },
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src-main/electron/other.ts', reason },
      { check: 'WEBVIEW_TAG_JS_CHECK', reason },
    ]);
    expect(open.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
    expect(unused.map((e) => e.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'WEBVIEW_TAG_JS_CHECK']);
  });

  it('requires a written reason for each exclusion', () => {
    expect(() => loadExclusions(JSON.stringify({ exclusions: [{ check: 'CSP_GLOBAL_CHECK' }] }))).toThrow(/reason/);
    expect(() => loadExclusions(JSON.stringify({ exclusions: [{ check: 'CSP_GLOBAL_CHECK', reason: 'ok' }] }))).toThrow(/reason/);
    expect(() => loadExclusions(JSON.stringify({}))).toThrow(/exclusions/);
  });

  it('the committed exclusions are few, scoped and explained', () => {
    const file = path.resolve(import.meta.dirname, '../../../tools/electronegativity/exclusions.json');
    const exclusions = loadExclusions(readFileSync(file, 'utf8'));
    expect(exclusions.length).toBeLessThanOrEqual(3);
    for (const e of exclusions) {
      // Never switch off the checks that guard the window's isolation.
      expect(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK']).not.toContain(e.check);
    }
  });
});
