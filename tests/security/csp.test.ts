import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/webhost/app';

const BUILT_INDEX = resolve(import.meta.dirname, '../../out/renderer/index.html');

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function checkStrict(policy: string, where: 'header' | 'meta') {
  const d = directives(policy);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  // frame-ancestors works only from a header; in a meta tag Chromium ignores it and logs an error
  // on every page load (a console error on every screen of every role).
  if (where === 'header') expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  else expect(d.has('frame-ancestors')).toBe(false);
  for (const values of d.values()) {
    for (const v of values) expect(v).not.toMatch(/^(https?:|\*|ws:|wss:)/);
  }
}

describe('content security policy', () => {
  it('the web host header is strict', () => {
    checkStrict(CONTENT_SECURITY_POLICY, 'header');
  });

  it('the built index.html carries a strict CSP and no inline script', () => {
    // The test command builds before running unit tests; a missing build is a failure, not a skip.
    expect(existsSync(BUILT_INDEX), 'out/renderer/index.html missing: run `npm run build`').toBe(
      true,
    );
    const html = readFileSync(BUILT_INDEX, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBeTruthy();
    checkStrict(meta![1]!, 'meta');
    // Apart from frame-ancestors the meta tag and the header say the same.
    expect(`${meta![1]!}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
