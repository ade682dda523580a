import { describe, expect, it } from 'vitest';
import { complaintTakeProblems } from './complaint-take-check';

const CTX = { now: new Date('2026-12-01T02:00:00Z'), accountNoLength: 10 };
const GOOD = { customerName: '王芳', mobile: '13812345678', content: '电费核查' };

describe('complaint take check (form and service alike)', () => {
  it('finds nothing wrong in a good complaint', () => {
    expect(
      complaintTakeProblems(
        { ...GOOD, idNumber: '11010519491231002X', accountNo: '3301234567' },
        CTX,
      ),
    ).toEqual([]);
  });

  it('names every bad field at once, in the counter words', () => {
    const problems = complaintTakeProblems(
      {
        customerName: ' ',
        mobile: '1381234567',
        idNumber: '110105194912310021',
        accountNo: '330123',
        content: 'x',
      },
      CTX,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'customerName',
      'mobile',
      'idNumber',
      'accountNo',
      'content',
    ]);
    expect(problems[1]?.reason.zh).toMatch(/^手机号应为11位/);
    expect(problems[2]?.reason.zh).toMatch(/^身份证号校验位不正确/);
    expect(problems[3]?.reason).toEqual({
      zh: '户号应为10位数字',
      en: 'Account number must be 10 digits',
    });
  });
});
