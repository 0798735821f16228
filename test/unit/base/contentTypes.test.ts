import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../src-main/core/base/contentTypes.ts';

describe('contentTypeOf', () => {
  it('names types for what Vite emits, whatever the case of the extension', () => {
    expect(contentTypeOf('a/b/index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('C:\\ui\\assets\\x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x.svg')).toBe('image/svg+xml');
  });

  it('knows nothing the UI does not ship', () => {
    for (const file of ['x.exe', 'README', '.html', 'dir.js/file']) expect(contentTypeOf(file), file).toBeNull();
  });
});
