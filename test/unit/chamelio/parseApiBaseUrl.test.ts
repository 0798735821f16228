import { describe, expect, it } from 'vitest';
import { parseApiBaseUrl } from '../../../src-main/core/chamelio/parseApiBaseUrl.ts';
import { DEFAULT_API_BASE_URL } from '../../../src-main/core/app/Settings.ts';

function accepted(text: string): string {
  const result = parseApiBaseUrl(text);
  if (!result.ok) throw new Error(`refused ${text}: ${result.message}`);
  return result.url;
}

function refusal(text: string): string {
  const result = parseApiBaseUrl(text);
  if (result.ok) throw new Error(`accepted ${text} as ${result.url}`);
  return result.message;
}

describe('parseApiBaseUrl', () => {
  it('accepts the default address unchanged', () => {
    expect(accepted(DEFAULT_API_BASE_URL)).toBe('https://platform.chamelio.ai');
  });

  it('normalises case, surrounding space, default port and trailing slashes away', () => {
    expect(accepted('  HTTPS://Platform.Chamelio.AI:443/  ')).toBe('https://platform.chamelio.ai');
    expect(accepted('https://api.example.com/chamelio/v1//')).toBe('https://api.example.com/chamelio/v1');
    expect(accepted('https://api.example.com:8443')).toBe('https://api.example.com:8443');
  });

  it('allows plain http only to this machine', () => {
    expect(accepted('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(accepted('http://localhost:8787')).toBe('http://localhost:8787');
    expect(accepted('http://[::1]:8787')).toBe('http://[::1]:8787');
    expect(refusal('http://platform.chamelio.ai')).toMatch(/must use https/);
    expect(refusal('http://127.0.0.1.example.com')).toMatch(/must use https/);
    expect(refusal('http://localhost.example.com:8787')).toMatch(/must use https/);
  });

  it('refuses other schemes and things that are not URLs', () => {
    expect(refusal('')).toMatch(/Enter the API address/);
    expect(refusal('   ')).toMatch(/Enter the API address/);
    expect(refusal('platform.chamelio.ai')).toMatch(/must start with https:\/\//);
    expect(refusal('ftp://platform.chamelio.ai')).toMatch(/must use https, not ftp/);
    expect(refusal('javascript://alert(1)')).toMatch(/must use https/);
    expect(refusal('file:///etc/passwd')).toMatch(/must use https/);
    expect(refusal('https://')).toMatch(/not a valid URL/);
    expect(refusal(`https://example.com/${'a'.repeat(3000)}`)).toMatch(/too long/);
  });

  it('refuses credentials, queries and fragments, even empty ones', () => {
    expect(refusal('https://user:pass@platform.chamelio.ai')).toMatch(/user name or password/);
    expect(refusal('https://@platform.chamelio.ai')).toMatch(/user name or password/);
    expect(refusal('https://platform.chamelio.ai/?key=1')).toMatch(/query/);
    expect(refusal('https://platform.chamelio.ai/?')).toMatch(/query/);
    expect(refusal('https://platform.chamelio.ai/#top')).toMatch(/fragment/);
    expect(refusal('https://platform.chamelio.ai#')).toMatch(/fragment/);
  });

  it('refuses text the URL parser would silently rewrite', () => {
    expect(refusal('https://platform.chamelio\n.ai')).toMatch(/control characters/);
    expect(refusal('https://platform.chamelio.ai/ a')).toMatch(/spaces/);
    expect(refusal('https:\\\\platform.chamelio.ai')).toMatch(/backslashes/);
  });

  it('keeps an @ in the path, which is not a credential', () => {
    expect(accepted('https://api.example.com/@team')).toBe('https://api.example.com/@team');
  });
});
