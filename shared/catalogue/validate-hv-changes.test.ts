import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { fieldErrorsToApiError } from './validate';

import { fieldsOf, ORG, ORG_PAPERS, PERSON, received, run } from './testing/validate-fixtures';

describe('validateApplication: high voltage', () => {
  const hvPapers = received(...ORG_PAPERS, 'EQUIPMENT_LIST');
  const inc = {
    ...ORG,
    accountNo: '0123456789',
    existingKva: 315,
    addedTransformerCount: 1,
    addedTransformerKva: 200,
    voltageKv: '10',
    supplyMode: 'single',
    heavyIndustry: 'no',
  };

  it('增容: standard sizes per added transformer, any existing total', () => {
    expect(run('INC_HV', 'hv', inc, hvPapers).errors).toEqual([]);
    // 315 + 2 × 630 = 1575 kVA: not a standard size itself, and it need not be.
    expect(
      run('INC_HV', 'hv', { ...inc, addedTransformerCount: 2, addedTransformerKva: 630 }, hvPapers)
        .errors,
    ).toEqual([]);
    expect(fieldsOf(run('INC_HV', 'hv', { ...inc, addedTransformerKva: 300 }, hvPapers))).toEqual([
      'fields.addedTransformerKva',
    ]);
    // 9,000 existing + 2 × 630 on 10 kV passes the hall's 10,000 kVA limit for 10 kV.
    const big = run(
      'INC_HV',
      'hv',
      { ...inc, existingKva: 9000, addedTransformerCount: 2, addedTransformerKva: 630 },
      hvPapers,
    );
    expect(fieldsOf(big)).toEqual(['rules.TRANSFORMER_SET']);
    expect(big.errors[0]!.message).toContain('10000');
  });

  it('asks for the second-supply reason only for dual supply', () => {
    const dual = {
      ...ORG,
      transformerCount: 1,
      transformerKva: 630,
      voltageKv: '10',
      supplyMode: 'dual',
      heavyIndustry: 'no',
      loadNature: '制造',
    };
    expect(fieldsOf(run('NEW_HV', 'hv', dual, hvPapers))).toEqual(['papers.SECOND_SUPPLY_REASON']);
    expect(
      run('NEW_HV', 'hv', dual, [
        ...hvPapers,
        { code: 'SECOND_SUPPLY_REASON', status: 'missing_accepted' },
      ]).errors,
    ).toEqual([]);
    expect(run('NEW_HV', 'hv', { ...dual, supplyMode: 'single' }, hvPapers).errors).toEqual([]);
  });
});

describe('validateApplication: change of use', () => {
  const holder = { ...ORG, accountNo: '0123456789' };
  const orgPapers = received('BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL');
  const pause = {
    ...holder,
    pauseKva: 315,
    pauseFrom: '2025-10-10',
    pauseDays: 30,
    pausedDaysThisYear: 0,
    pausesThisYear: 0,
  };

  it('暂停: at least 15 days, limited times a year, 5 working days ahead (holidays counted)', () => {
    expect(run('CHG_PAUSE', 'hv', pause, orgPapers).errors).toEqual([]);
    expect(fieldsOf(run('CHG_PAUSE', 'hv', { ...pause, pauseDays: 14 }, orgPapers))).toEqual([
      'rules.MIN_DAYS',
    ]);
    expect(fieldsOf(run('CHG_PAUSE', 'hv', { ...pause, pausesThisYear: 2 }, orgPapers))).toEqual([
      'rules.MAX_PER_YEAR',
    ]);
    // From Fri 09-26: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10 → earliest 10-10.
    const early = run('CHG_PAUSE', 'hv', { ...pause, pauseFrom: '2025-10-09' }, orgPapers);
    expect(fieldsOf(early)).toEqual(['rules.ADVANCE_NOTICE']);
    expect(early.errors[0]!.message).toContain('2025-10-10');
    // The rule is said once: its reason already states the notice the description names.
    expect(early.errors[0]!.message).toBe('须提前5个工作日申请，开始日期不得早于2025-10-10');
    expect(early.errors[0]!.messageEn).toBe(
      'Must be requested 5 working days ahead: start on 2025-10-10 or later',
    );
  });

  it('runs no rules while fields are wrong', () => {
    expect(
      fieldsOf(
        run('CHG_PAUSE', 'hv', { ...pause, pauseDays: 14, pauseFrom: '2025-02-30' }, orgPapers),
      ),
    ).toEqual(['fields.pauseFrom']);
  });

  it('过户: charges must be settled; household variant uses the new holder ID', () => {
    const transfer = {
      ...PERSON,
      accountNo: '0123456789',
      newHolderName: '赵六',
      newHolderIdNumber: '440524188001010014',
      newHolderMobile: '13700001111',
      chargesSettled: 'yes',
    };
    const papers = received('ID_CARD', 'NEW_HOLDER_ID', 'TRANSFER_PROOF');
    expect(run('CHG_TRANSFER', 'lv_resident', transfer, papers).errors).toEqual([]);
    expect(
      fieldsOf(run('CHG_TRANSFER', 'lv_resident', { ...transfer, chargesSettled: 'no' }, papers)),
    ).toEqual(['rules.CHARGES_SETTLED']);
    expect(
      fieldsOf(
        run(
          'CHG_TRANSFER',
          'lv_resident',
          { ...transfer, newHolderIdNumber: '440524188001010015' },
          papers,
        ),
      ),
    ).toEqual(['fields.newHolderIdNumber']);
  });

  it('过户 to the same holder (same certificate number) is refused without naming the number', () => {
    const transfer = {
      ...PERSON,
      accountNo: '0123456789',
      newHolderName: PERSON.applicantName,
      // The holder's number with a lower-case check letter: the same number once normalized.
      newHolderIdNumber: PERSON.idNumber.toLowerCase(),
      newHolderMobile: PERSON.mobile,
      chargesSettled: 'yes',
    };
    const papers = received('ID_CARD', 'NEW_HOLDER_ID', 'TRANSFER_PROOF');
    const [error, ...more] = run('CHG_TRANSFER', 'lv_resident', transfer, papers).errors;
    expect(more).toEqual([]);
    expect(error?.field).toBe('rules.VALUES_DIFFER');
    expect(error?.message).toContain('新户主与原户主相同');
    expect(error?.messageEn).toContain('same certificate number');
    for (const text of [error?.message, error?.messageEn])
      expect(text?.toUpperCase()).not.toContain(PERSON.idNumber.toUpperCase());

    const org = {
      ...holder,
      newHolderName: holder.applicantName,
      newHolderCreditCode: holder.creditCode,
      newHolderMobile: holder.mobile,
      chargesSettled: 'yes',
    };
    const orgTransfer = run('CHG_TRANSFER', 'lv_business', org, [
      ...orgPapers,
      ...received('NEW_HOLDER_LICENCE', 'TRANSFER_PROOF'),
    ]);
    expect(fieldsOf(orgTransfer)).toEqual(['rules.VALUES_DIFFER']);
  });

  it('销户: the refund account must be in the holder name', () => {
    const close = {
      ...holder,
      chargesSettled: true,
      refundAccountName: '福州恒源商贸有限公司',
      refundBank: '中国工商银行福州分行',
      refundAccountNo: '6222020000000000000',
    };
    const papers = [
      ...orgPapers,
      { code: 'REFUND_ACCOUNT_PROOF', status: 'missing_accepted' as const },
    ];
    expect(run('CHG_CLOSE', 'lv_business', close, papers).errors).toEqual([]);
    const r = run('CHG_CLOSE', 'lv_business', { ...close, refundAccountName: '别人' }, papers);
    expect(fieldsOf(r)).toEqual(['rules.REFUND_ACCOUNT_HOLDER']);
    expect(r.errors[0]!.message).not.toContain('别人');
  });

  it('改类: equipment unchanged and a different class; 并户: another account', () => {
    const cls = {
      ...holder,
      currentClass: 'commercial',
      newClass: 'large_industry',
      equipmentUnchanged: 'yes',
    };
    expect(run('CHG_CLASS', 'hv', cls, orgPapers).errors).toEqual([]);
    expect(
      fieldsOf(run('CHG_CLASS', 'hv', { ...cls, equipmentUnchanged: 'no' }, orgPapers)),
    ).toEqual(['rules.EQUIPMENT_UNCHANGED']);
    expect(fieldsOf(run('CHG_CLASS', 'hv', { ...cls, newClass: 'commercial' }, orgPapers))).toEqual(
      ['rules.VALUES_DIFFER'],
    );
    const merge = {
      ...holder,
      otherAccountNo: '0123456789',
      sameSupplyPoint: 'yes',
      currentKva: 50,
      otherKva: 30,
      mergedKva: 80,
      chargesSettled: 'yes',
    };
    expect(
      fieldsOf(
        run('CHG_MERGE', 'lv_business', merge, [...orgPapers, ...received('PROPERTY_PROOF')]),
      ),
    ).toEqual(['rules.VALUES_DIFFER']);
  });

  it('暂拆 for a household, 暂停恢复 needs notice too', () => {
    const remove = {
      ...PERSON,
      accountNo: '0123456789',
      removeFrom: '2025-10-20',
      removeUntil: '2026-04-20',
      reason: '房屋装修',
    };
    expect(run('CHG_TEMP_REMOVE', 'lv_resident', remove, received('ID_CARD')).errors).toEqual([]);
    const restore = { ...holder, restoreKva: 315, restoreFrom: '2025-09-29' };
    expect(fieldsOf(run('CHG_PAUSE_RESTORE', 'hv', restore, orgPapers))).toEqual([
      'rules.ADVANCE_NOTICE',
    ]);
  });
});

describe('validation messages never contain the value', () => {
  it('holds for 2,000 random wrong values in personal fields', () => {
    const keys = ['idNumber', 'mobile', 'applicantName', 'accountNo', 'creditCode'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.string({ minLength: 8, maxLength: 120 }).filter((s) => s.trim().length >= 8),
        (key, value) => {
          const fields = {
            ...ORG,
            accountNo: '0123456789',
            existingKw: 50,
            addedKw: 30,
            [key]: value,
          };
          const r = run('INC_LV_BIZ', 'lv_business', fields, [], 'draft');
          const text = JSON.stringify(r.errors);
          expect(text).not.toContain(value.trim());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('wraps errors in a VALIDATION ApiError naming the first field', () => {
    const r = run('NEW_LV_RES', 'lv_resident', { idNumber: 'x', mobile: 'y' }, [], 'draft');
    const e = fieldErrorsToApiError(r.errors);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.body.code).toBe('VALIDATION');
    expect(e.body.field).toBe('fields.idNumber');
    expect(e.body.message).toBe(r.errors[0]!.message);
    expect(e.body.fieldErrors).toHaveLength(2);
  });
});
