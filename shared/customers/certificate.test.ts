import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateOfApplication, nameKey } from './certificate';

const CODE = '91350100M000100Y43';

describe('which certificate an application belongs to', () => {
  it('an organisation by its credit code however it was typed (lower case, spaces, full width)', () => {
    for (const typed of [
      '91350100m000100y43',
      ' 9135 0100 M000 100Y43 ',
      '９１３５０１００Ｍ０００１００Ｙ４３',
    ]) {
      expect(certificateOfApplication('lv_business', { creditCode: typed })).toEqual({
        type: 'credit_code',
        number: CODE,
        kind: 'organisation',
      });
    }
  });

  it('a household by the applicant certificate, 居民身份证 when no type is given', () => {
    expect(certificateOfApplication('lv_resident', { idNumber: '11010519491231002x' })).toEqual({
      type: 'resident_id',
      number: '11010519491231002X',
      kind: 'person',
    });
    expect(
      certificateOfApplication('lv_resident', { idType: 'passport', idNumber: 'e1234 5678' }),
    ).toEqual({ type: 'passport', number: 'E12345678', kind: 'person' });
    expect(certificateOfApplication('hv', { idNumber: '11010519491231002X' })).toBeUndefined();
  });

  it('any mix of case and separators in a credit code gives one certificate (property)', () => {
    const spelled = fc
      .array(fc.tuple(fc.boolean(), fc.constantFrom('', '', ' ', '-')), {
        minLength: CODE.length,
        maxLength: CODE.length,
      })
      .map((how) =>
        [...CODE].map((ch, i) => (how[i]![0] ? ch.toLowerCase() : ch) + how[i]![1]).join(''),
      );
    fc.assert(
      fc.property(spelled, (typed) => {
        expect(certificateOfApplication('hv', { creditCode: typed })?.number).toBe(CODE);
      }),
      { numRuns: 200 },
    );
  });
});

describe('two spellings of one name', () => {
  it('are one name across width, spaces and the middle dots of transcribed names', () => {
    expect(nameKey('阿依古丽·买买提')).toBe(nameKey('阿依古丽 • 买买提'));
    expect(nameKey('阿依古丽・买买提')).toBe(nameKey('阿依古丽‧买买提'));
    expect(nameKey('ＺＨＡＮＧ Wei')).toBe(nameKey('zhangwei'));
    expect(nameKey('张伟')).not.toBe(nameKey('张纬'));
  });
});
