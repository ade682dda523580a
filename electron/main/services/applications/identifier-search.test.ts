import { describe, expect, it } from 'vitest';
import type {
  ApplicationDetail,
  ApplicationInput,
  ListResult,
} from '../../../../shared/api/schemas';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { creditCheckChar } from '../../../../shared/validators/credit-code';
import { idCheckChar } from '../../../../shared/validators/id-number';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';

/**
 * Whole-value search by a protected identifier goes through a keyed hash: the value must be
 * normalised the same way when it is stored and when it is searched, or a phone typed with
 * spaces finds nobody.
 */
const ctx = { transport: 'ipc' as const, actor: 'clerk07' };
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const r = rng(23);
const h = servicesPerTest({
  prefix: 'hall-id-search-',
  actor: ctx.actor,
  options: () => ({ now: () => MONDAY_10 }),
});
const call = h.call;

const found = async (q: string): Promise<string[]> =>
  (await call<ListResult>('applications.list', { q, offset: 0, limit: 20 })).rows.map((i) => i.id);

function household(fields: Record<string, string>): ApplicationInput {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), r, MONDAY_10);
  return { ...input, fields: { ...input.fields, ...fields } };
}

describe('search by a protected identifier finds the same value however it is typed', () => {
  it('a phone stored as 11 digits is found typed with spaces, dashes, +86, 0086 or full width', async () => {
    const app = await call<ApplicationDetail>(
      'applications.submit',
      household({ mobile: '13800138000' }),
    );
    await call<ApplicationDetail>('applications.submit', household({ mobile: '13900139000' }));
    for (const q of [
      '13800138000',
      '138 0013 8000',
      '+86 138-0013-8000',
      '0086 138 0013 8000',
      '(+86) 138.0013.8000',
      '１３８ ００１３ ８０００',
    ]) {
      expect(await found(q), q).toEqual([app.id]);
    }
  });

  it('a phone typed with spaces at the counter is stored normalised and found by its digits', async () => {
    const app = await call<ApplicationDetail>(
      'applications.submit',
      household({ mobile: '+86 137 0013 7000' }),
    );
    expect(await found('13700137000')).toEqual([app.id]);
    expect(await found('137-0013-7000')).toEqual([app.id]);
  });

  it('an ID number and a credit code are found in any case and grouping', async () => {
    const biz = findType(CATALOGUE, 'NEW_LV_BIZ')!;
    const input = fakeApplicationInput(biz, r, MONDAY_10, 'lv_business');
    const body = '91350100M000100Y5'; // a failing GB 11714 part: a warning, still accepted
    const code = body + creditCheckChar(body);
    const app = await call<ApplicationDetail>('applications.submit', {
      ...input,
      fields: { ...input.fields, creditCode: code.toLowerCase(), idNumber: '11010519491231002x' },
    });
    expect(await found(code)).toEqual([app.id]);
    expect(await found(`${code.slice(0, 8).toLowerCase()} ${code.slice(8)}`)).toEqual([app.id]);
    expect(await found('110105 19491231 002X')).toEqual([app.id]);
  });
});

describe('every certificate type is found by its whole value, however it is typed', () => {
  const withCheck = (body: string) => body + idCheckChar(body);
  // [type, as typed at the counter, its normal form, a part of it]
  const CASES: [string, string, string, string][] = [
    ['resident_id', '110105 19491231 002x', '11010519491231002X', '11010519491231'],
    [
      'residence_permit',
      withCheck('81000019900101001').toLowerCase(),
      withCheck('81000019900101001'),
      '810000199001',
    ],
    ['hk_macao_permit', 'm 1234 5678', 'M12345678', 'M1234'],
    ['taiwan_permit', '8765-4321', '87654321', '876543'],
    [
      'foreign_permanent_id',
      withCheck('93384019800101001'),
      withCheck('93384019800101001'),
      '9338401980',
    ],
    ['foreign_permanent_id', 'usa 310170123456', 'USA310170123456', 'USA310170'],
    ['passport', 'e1234 5678', 'E12345678', 'E1234'],
    ['passport', 'ea1234567', 'EA1234567', 'EA123'],
  ];

  it.each(CASES)(
    '%s typed "%s" is found as %s, not by a part',
    async (type, typed, normal, part) => {
      const app = await call<ApplicationDetail>(
        'applications.submit',
        household({ idType: type, idNumber: typed }),
      );
      expect(await found(normal), normal).toEqual([app.id]);
      expect(await found(typed), typed).toEqual([app.id]);
      expect(await found(normal.toLowerCase()), 'lower case').toEqual([app.id]);
      expect(await found(part), part).toEqual([]);
    },
  );
});

describe('certificate types through the service', () => {
  it('takes a passport holder and shows the number masked', async () => {
    const app = await call<ApplicationDetail>(
      'applications.submit',
      household({ idType: 'passport', idNumber: 'e1234 5678' }),
    );
    expect(app.fields.idType).toBe('passport');
    const shown = JSON.stringify(app);
    expect(shown).not.toContain('E12345678');
  });

  it('refuses a credit code with a registration authority that does not exist, naming the field', async () => {
    const biz = findType(CATALOGUE, 'NEW_LV_BIZ')!;
    const input = fakeApplicationInput(biz, r, MONDAY_10, 'lv_business');
    const body = 'B1350100M000100Y4';
    const res = await h.services.dispatch(
      'applications.submit',
      { ...input, fields: { ...input.fields, creditCode: body + creditCheckChar(body) } },
      ctx,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.field).toBe('fields.creditCode');
      expect(res.error.message).toMatch(/^统一社会信用代码：.*登记管理部门代码/);
      expect(res.error.messageEn).toMatch(/^Unified social credit code: .*registration authority/);
    }
  });
});
