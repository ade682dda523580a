import { describe, expect, it } from 'vitest';
import type { AccountKind } from './types';

import { fieldsOf, ORG, ORG_PAPERS, PERSON, received, run } from './testing/validate-fixtures';

describe('validateApplication: type and account kind', () => {
  it('refuses an unknown type and a kind the type is not for', () => {
    expect(fieldsOf(run('NOPE', 'lv_resident', {}, []))).toEqual(['typeCode']);
    expect(fieldsOf(run('CHG_PAUSE', 'lv_resident', {}, []))).toEqual(['accountKind']);
    expect(fieldsOf(run('NEW_LV_RES', 'mars' as AccountKind, {}, []))).toEqual(['accountKind']);
  });
});

describe('validateApplication: household 新装', () => {
  const fields = { ...PERSON, requestedKva: 8, phases: '1' };

  it('accepts a complete application and normalizes values', () => {
    const r = run('NEW_LV_RES', 'lv_resident', fields, received('ID_CARD'));
    expect(r.errors).toEqual([]);
    expect(r.normalized).toMatchObject({
      applicantName: '张三',
      idNumber: '11010519491231002X',
      mobile: '13812345678',
      requestedKva: 8,
      agent: 'no',
    });
  });

  it('drops values of fields that do not apply (agent fields without an agent, business fields)', () => {
    const r = run(
      'NEW_LV_RES',
      'lv_resident',
      { ...fields, agentName: '王五', agentIdNumber: 'garbage' },
      received('ID_CARD'),
    );
    expect(r.errors).toEqual([]);
    expect(r.normalized).not.toHaveProperty('agentIdNumber');
    // A type for several kinds: the business-only field is dropped for a household.
    const rename = run(
      'CHG_RENAME',
      'lv_resident',
      { ...PERSON, accountNo: '0123456789', newName: '张三丰', creditCode: 'garbage' },
      received('ID_CARD', 'NAME_CHANGE_PROOF'),
    );
    expect(rename.errors).toEqual([]);
    expect(rename.normalized).not.toHaveProperty('creditCode');
  });

  it('refuses keys the type does not define', () => {
    expect(
      fieldsOf(run('NEW_LV_RES', 'lv_resident', { ...fields, shoeSize: 42 }, received('ID_CARD'))),
    ).toEqual(['fields.shoeSize']);
  });

  it('in draft mode checks only what is present', () => {
    expect(run('NEW_LV_RES', 'lv_resident', {}, [], 'draft').errors).toEqual([]);
    const r = run(
      'NEW_LV_RES',
      'lv_resident',
      { idNumber: '110105194912310021', mobile: '' },
      [],
      'draft',
    );
    expect(fieldsOf(r)).toEqual(['fields.idNumber']);
    expect(r.errors[0]!.message).toContain('申请人证件号码：身份证号校验位不正确');
    expect(r.errors[0]!.messageEn).toContain("Applicant's certificate number: ID number");
    expect(r.errors[0]!.message).not.toContain('110105');
  });

  it('in submit mode requires every required field and the ID card', () => {
    const r = run('NEW_LV_RES', 'lv_resident', {}, []);
    expect(fieldsOf(r)).toEqual(
      expect.arrayContaining([
        'fields.applicantName',
        'fields.idNumber',
        'fields.mobile',
        'fields.address',
        'fields.requestedKva',
        'fields.agent',
        'papers.ID_CARD',
      ]),
    );
    expect(fieldsOf(r)).not.toContain('papers.PROPERTY_PROOF');
  });

  it('never defers the ID card; blocks on a paper marked missing_blocking', () => {
    expect(
      fieldsOf(
        run('NEW_LV_RES', 'lv_resident', fields, [{ code: 'ID_CARD', status: 'missing_accepted' }]),
      ),
    ).toEqual(['papers.ID_CARD']);
    expect(
      fieldsOf(
        run('NEW_LV_RES', 'lv_resident', fields, [
          ...received('ID_CARD'),
          { code: 'PROPERTY_PROOF', status: 'missing_blocking' },
        ]),
      ),
    ).toEqual(['papers.PROPERTY_PROOF']);
    expect(
      run('NEW_LV_RES', 'lv_resident', fields, [
        ...received('ID_CARD'),
        { code: 'PROPERTY_PROOF', status: 'missing_accepted' },
      ]).errors,
    ).toEqual([]);
  });

  it('with an agent, requires the agent fields and papers', () => {
    const agentFields = { ...fields, agent: 'yes' };
    const r = run('NEW_LV_RES', 'lv_resident', agentFields, received('ID_CARD'));
    expect(fieldsOf(r)).toEqual([
      'fields.agentName',
      'fields.agentIdNumber',
      'fields.agentMobile',
      'papers.AUTHORIZATION',
      'papers.AGENT_ID',
    ]);
    const ok = run(
      'NEW_LV_RES',
      'lv_resident',
      {
        ...agentFields,
        agentName: '王五',
        agentIdNumber: '440524188001010014',
        agentMobile: '15012345678',
      },
      received('ID_CARD', 'AUTHORIZATION', 'AGENT_ID'),
    );
    expect(ok.errors).toEqual([]);
  });

  it('refuses unknown, duplicated and ill-typed paper entries', () => {
    const r = run('NEW_LV_RES', 'lv_resident', fields, [
      ...received('ID_CARD', 'ID_CARD', 'PASSPORT_PHOTO'),
    ]);
    expect(fieldsOf(r)).toEqual(['papers.ID_CARD', 'papers.PASSPORT_PHOTO']);
  });

  it('refuses out-of-range capacity and unknown select values', () => {
    const r = run(
      'NEW_LV_RES',
      'lv_resident',
      { ...fields, requestedKva: 0, phases: '2' },
      received('ID_CARD'),
    );
    expect(fieldsOf(r)).toEqual(['fields.requestedKva', 'fields.phases']);
  });
});

describe('validateApplication: business 增容', () => {
  const fields = { ...ORG, accountNo: '0123456789', existingKw: 50, addedKw: '30' };

  it('accepts it, with deferred property proof', () => {
    const r = run('INC_LV_BIZ', 'lv_business', fields, [
      ...received('BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL'),
      { code: 'PROPERTY_PROOF', status: 'missing_accepted' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.normalized['addedKw']).toBe(30);
  });

  it('checks the credit code, the 户号 and the low-voltage limit', () => {
    expect(
      fieldsOf(
        run(
          'INC_LV_BIZ',
          'lv_business',
          { ...fields, creditCode: '91350100M000100Y44', accountNo: '12345' },
          received(...ORG_PAPERS),
        ),
      ),
    ).toEqual(['fields.accountNo', 'fields.creditCode']);
    const r = run(
      'INC_LV_BIZ',
      'lv_business',
      { ...fields, existingKw: 100, addedKw: 80 },
      received(...ORG_PAPERS),
    );
    expect(fieldsOf(r)).toEqual(['rules.MAX_TOTAL']);
    expect(r.errors[0]!.message).toContain('160 kW');
  });

  it('does not allow the seal or the licence to be deferred', () => {
    const r = run('INC_LV_BIZ', 'lv_business', fields, [
      ...received('BUSINESS_LICENCE', 'LEGAL_REP_ID', 'PROPERTY_PROOF'),
      { code: 'OFFICIAL_SEAL', status: 'missing_accepted' },
    ]);
    expect(fieldsOf(r)).toEqual(['papers.OFFICIAL_SEAL']);
  });
});
