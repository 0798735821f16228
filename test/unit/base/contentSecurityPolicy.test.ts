import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/core/base/contentSecurityPolicy.ts';

describe('the one content security policy', () => {
  it('differs between the app and the preview only in whom the page may connect to', () => {
    const app = contentSecurityPolicy("'none'");
    const preview = contentSecurityPolicy("'self'");
    expect(app).toContain("connect-src 'none'");
    expect(preview).toContain("connect-src 'self'");
    expect(app.replace("connect-src 'none'", '')).toBe(preview.replace("connect-src 'self'", ''));
    expect(app).toContain("frame-ancestors 'none'");
    expect(app).not.toContain('unsafe');
  });

  it("is index.html's <meta> fallback, less frame-ancestors (ignored in a meta tag)", () => {
    const html = readFileSync('src-renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy("'self'", 'meta'));
  });
});
