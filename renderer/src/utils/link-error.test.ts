import { describe, expect, it } from 'vitest';
import { linkErrorText } from './link-error';

describe('linkErrorText', () => {
  it('says a network failure in words, in Chinese without English', () => {
    const text = linkErrorText('network: TypeError (ECONNREFUSED)', true);
    expect(text).toBe('无法连接中心系统，已保存在本机，恢复后自动同步');
    expect(linkErrorText('timeout: AbortError', true)).toBe(text);
  });
  it('tells an outage, a refusal and a lost enrolment apart', () => {
    expect(linkErrorText('HTTP 503 UNAVAILABLE', true)).toMatch(/繁忙或故障/);
    expect(linkErrorText('HTTP 403 FORBIDDEN', true)).toMatch(/同步已暂停/);
    expect(linkErrorText('HTTP 401', true)).toMatch(/重新登记/);
  });
  it('never shows the technical line, in either language', () => {
    for (const raw of ['network: TypeError (ECONNREFUSED)', 'HTTP 409 CONFLICT', 'invalid: x']) {
      expect(linkErrorText(raw, true)).not.toMatch(/[A-Za-z]{2,}/);
      expect(linkErrorText(raw, false)).not.toContain(raw);
    }
  });
});
