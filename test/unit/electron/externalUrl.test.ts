import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isDocumentUrl } from '../../../src-main/electron/externalUrl.ts';

describe('isAllowedExternalUrl', () => {
  it('allows https pages on the Chamelio web app', () => {
    expect(isAllowedExternalUrl('https://app.chamelio.ai/')).toBe(true);
    expect(isAllowedExternalUrl('https://app.chamelio.ai/workflows/tasks/12345')).toBe(true);
    expect(isAllowedExternalUrl('https://APP.CHAMELIO.AI/workflows/tasks/1?tab=steps#x')).toBe(true);
  });

  it('refuses lookalike hosts that a prefix check would let through', () => {
    for (const url of [
      'https://app.chamelio.ai.evil.example/',
      'https://app.chamelio.ai@evil.example/',
      'https://evil.example/?https://app.chamelio.ai/',
      'https://xapp.chamelio.ai/',
      'https://chamelio.ai/',
      'https://platform.chamelio.ai/tasks/1',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses other schemes, ports, credentials and non-strings', () => {
    for (const url of [
      'http://app.chamelio.ai/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://app.chamelio.ai/share',
      'https://app.chamelio.ai:8443/',
      'https://user:pw@app.chamelio.ai/',
      '',
      'app.chamelio.ai/workflows',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    expect(isAllowedExternalUrl(42)).toBe(false);
    expect(isAllowedExternalUrl(null)).toBe(false);
    expect(isAllowedExternalUrl(`https://app.chamelio.ai/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('isDocumentUrl', () => {
  it('takes a presigned https link on any host, and nothing else', () => {
    expect(isDocumentUrl('https://s3.amazonaws.com/chamelio-files/doc.pdf?X-Amz-Signature=ab')).toBe(true);
    for (const bad of ['http://s3.amazonaws.com/doc.pdf', 'javascript:alert(1)', 'https://user:pw@s3.example/doc', 'file:///etc/passwd', 42]) {
      expect(isDocumentUrl(bad)).toBe(false);
    }
  });
});
