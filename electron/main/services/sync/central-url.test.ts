import { describe, expect, it } from 'vitest';
import { checkCentralUrl } from './central-url';

describe('central URL policy', () => {
  it('accepts HTTPS anywhere and HTTP on loopback', () => {
    expect(checkCentralUrl('https://central.example.com/')).toBe('https://central.example.com');
    expect(checkCentralUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(checkCentralUrl('http://localhost:8787/')).toBe('http://localhost:8787');
    expect(checkCentralUrl('http://[::1]:8787')).toBe('http://[::1]:8787');
  });

  it('refuses plain HTTP to other hosts, other schemes and credentials in the URL', () => {
    for (const bad of [
      'http://central.example.com',
      'http://10.0.0.5:8787',
      'http://127.0.0.1.evil.com/',
      'ftp://central.example.com',
      'https://user:pw@central.example.com',
      'not a url',
    ]) {
      expect(() => checkCentralUrl(bad), bad).toThrow(/HTTPS|URL/);
    }
  });
});
