import { describe, expect, it } from 'vitest';
import { invalidInput } from '../api/input-errors';
import { DEFAULT_RECEIPT_QUERY_URL, queryUrlFor, ReceiptQueryUrlSchema } from './query-url';
import { StationSetupSchema } from './config';

const problemOf = (value: string) => {
  const parsed = ReceiptQueryUrlSchema.safeParse(value);
  return parsed.success ? null : invalidInput(parsed.error.issues).message;
};

describe('receipt query address template', () => {
  it('accepts an https template with the placeholder once, and the default', () => {
    expect(problemOf('https://q.example.cn/query?no={applicationNo}')).toBeNull();
    expect(problemOf('https://q.example.cn/a/{applicationNo}/status')).toBeNull();
    expect(problemOf(DEFAULT_RECEIPT_QUERY_URL)).toBeNull();
  });

  it.each([
    ['http://q.example.cn/query?no={applicationNo}', 'https://'],
    ['https://user:pw@q.example.cn/?no={applicationNo}', 'https://'],
    ['not a url {applicationNo}', 'https://'],
    ['https://q.example.cn/query', '{applicationNo}'],
    ['https://q.example.cn/{applicationNo}/{applicationNo}', '{applicationNo}'],
  ])('refuses %s in Chinese, naming what to fix', (value, hint) => {
    const message = problemOf(value);
    expect(message).toContain(hint);
    expect(message).not.toMatch(/字段 [A-Za-z]/);
  });

  it('puts the application number in, URL-encoded', () => {
    expect(queryUrlFor('https://q.example.cn/query?no={applicationNo}', 'HALL01-C01 7')).toBe(
      'https://q.example.cn/query?no=HALL01-C01%207',
    );
  });

  it('is an optional field of the station config, named by its label when wrong', () => {
    const base = { role: 'counter', hallCode: 'HALL01', hallName: '示范厅', stationCode: 'C01' };
    expect(StationSetupSchema.safeParse(base).success).toBe(true);
    const bad = StationSetupSchema.safeParse({
      ...base,
      receiptQueryUrl: 'http://x/{applicationNo}',
    });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      const body = invalidInput(bad.error.issues);
      expect(body.field).toBe('receiptQueryUrl');
      expect(body.message).toContain('回执二维码查询地址');
    }
  });
});
