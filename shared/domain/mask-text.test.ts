import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digits, validIdNumber } from '../validators/test-arbitraries';
import { maskNumbersInText } from './mask-text';

describe('maskNumbersInText', () => {
  it.each([
    ['客户电话13800138000请回电', '客户电话138****8000请回电'],
    ['电话 138 0013 8000', '电话 138****8000'],
    ['tel +86 138-0013-8000 thanks', 'tel 138****8000 thanks'],
    ['身份证11010519491231002X', '身份证110***********002X'],
    ['身份证 11010519491231002x 已核', '身份证 110***********002X 已核'],
    ['旧证 110105491231002', '旧证 110********1002'],
    ['座机0591-87654321', '座机059*******21'],
    ['银行卡6222021234567890123', '银行卡622**************23'],
  ])('masks the number in %s', (text, masked) => {
    expect(maskNumbersInText(text)).toBe(masked);
  });

  it.each([
    '预约2026-12-01上午',
    '容量 630 kVA，两台',
    '排队号 A012，户号前缀 123456',
    '申请编号 XA2026113000012 已受理',
    '',
  ])('leaves %s alone', (text) => {
    expect(maskNumbersInText(text)).toBe(text);
  });

  it('masks every number of a text, not only the first', () => {
    const out = maskNumbersInText('13800138000 或 13900139000');
    expect(out).toBe('138****8000 或 139****9000');
  });
});

describe('maskNumbersInText, any text around the number', () => {
  const words = fc.string({ unit: fc.constantFrom('客', '户', '请', '回', '电', '，', ' ', '。') });
  const mobile = fc
    .tuple(fc.constantFrom('13', '15', '18', '19'), digits(9))
    .map(([head, rest]) => head + rest);

  it('no mobile or ID number survives in clear', () => {
    fc.assert(
      fc.property(words, fc.oneof(mobile, validIdNumber(new Date())), words, (a, n, b) => {
        const out = maskNumbersInText(`${a}${n}${b}`);
        expect(out).not.toContain(n);
        expect(out).not.toContain(n.slice(3, 7));
      }),
    );
  });
});
