import { describe, expect, it } from 'vitest';
import type { FieldValues, PaperEntry } from '../api/schemas';
import { idCheckChar } from '../validators/id-number';
import { creditCheckChar } from '../validators/credit-code';
import { checkFieldValue } from './field-check';
import { CATALOGUE } from './index';
import { fieldsFor, findType } from './applicability';
import type { AccountKind, FieldDef } from './types';
import { validateApplication } from './validate';

const NOW = new Date('2026-06-01T10:00:00+08:00');
const ADDRESS = {
  province: '福建省',
  city: '福州市',
  district: '鼓楼区',
  street: '',
  detail: '东街88号',
};
const PERSON = {
  applicantName: 'John Smith',
  mobile: '138 0013 8000',
  address: ADDRESS,
  agent: 'no',
  requestedKva: 8,
  phases: '1',
};
const ORG = {
  applicantName: '福州恒源商贸有限公司',
  creditCode: '91350100M000100Y43',
  legalRepName: '李四',
  idNumber: '11010519491231002X',
  mobile: '13912345678',
  address: ADDRESS,
  agent: 'no',
  requestedKw: 50,
  loadNature: '商业',
};
const received = (...codes: string[]): PaperEntry[] =>
  codes.map((code) => ({ code, status: 'received' }));
const ORG_PAPERS = received('BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL', 'PROPERTY_PROOF');

const run = (typeCode: string, kind: AccountKind, fields: FieldValues, papers: PaperEntry[]) =>
  validateApplication(CATALOGUE, { typeCode, accountKind: kind, fields, papers }, 'submit', NOW);
const fieldsOf = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('certificate types in the catalogue', () => {
  it('gives every person ID field a type select, preset to 居民身份证 and optional', () => {
    let n = 0;
    for (const type of CATALOGUE.types) {
      for (const def of type.fields.filter((d) => d.kind === 'idNumber')) {
        const select = type.fields.find(
          (d) => d.key === def.certificateTypeField && d.accountKinds === def.accountKinds,
        );
        expect(select, `${type.code}.${def.key}`).toBeDefined();
        expect(select?.kind).toBe('select');
        expect(select?.required).toBe(false);
        expect(select?.defaultValue).toBe('resident_id');
        expect(select?.options?.map((o) => o.value)).toEqual([
          'resident_id',
          'residence_permit',
          'hk_macao_permit',
          'taiwan_permit',
          'foreign_permanent_id',
          'passport',
        ]);
        n++;
      }
    }
    // Applicant, legal representative and agent on every type, the new holder on 过户.
    expect(n).toBeGreaterThan(CATALOGUE.types.length);
  });

  it('accepts a passport holder and keeps the type with the normalized number', () => {
    const r = run(
      'NEW_LV_RES',
      'lv_resident',
      { ...PERSON, idType: 'passport', idNumber: 'e 1234 5678' },
      received('ID_CARD'),
    );
    expect(r.errors).toEqual([]);
    expect(r.normalized).toMatchObject({
      idType: 'passport',
      idNumber: 'E12345678',
      mobile: '13800138000',
    });
  });

  it('checks the number by its type: no GB 11643 check on a passport, a passport is no ID', () => {
    const asId = run('NEW_LV_RES', 'lv_resident', { ...PERSON, idNumber: 'E12345678' }, []);
    expect(fieldsOf(asId.errors)).toContain('fields.idNumber');
    const idAsPassport = run(
      'NEW_LV_RES',
      'lv_resident',
      { ...PERSON, idType: 'passport', idNumber: '11010519491231002X' },
      received('ID_CARD'),
    );
    expect(fieldsOf(idAsPassport.errors)).toEqual(['fields.idNumber']);
    expect(idAsPassport.errors[0]?.message).toMatch(/^申请人证件号码：.*证件类型/);
  });

  it('reads an application stored without a type as a resident ID (existing data stays valid)', () => {
    const r = run(
      'NEW_LV_RES',
      'lv_resident',
      { ...PERSON, idNumber: '11010519491231002X' },
      received('ID_CARD'),
    );
    expect(r.errors).toEqual([]);
    expect(r.normalized).not.toHaveProperty('idType');
  });

  it('refuses a type that is not offered on the type select and leaves the number alone', () => {
    for (const idType of ['credit_code', 'driving_licence']) {
      const r = run(
        'NEW_LV_RES',
        'lv_resident',
        { ...PERSON, idType, idNumber: 'E12345678' },
        received('ID_CARD'),
      );
      expect(fieldsOf(r.errors), idType).toEqual(['fields.idType']);
      expect(r.errors[0]?.message).toMatch(/^申请人证件类型：/);
    }
  });

  it('lets a legal representative, an agent and a new holder use their own certificate', () => {
    const prBody = '93384019800101001';
    const biz = run(
      'NEW_LV_BIZ',
      'lv_business',
      {
        ...ORG,
        idType: 'foreign_permanent_id',
        idNumber: prBody + idCheckChar(prBody),
        agent: 'yes',
        agentName: '陈六',
        agentIdType: 'hk_macao_permit',
        agentIdNumber: 'h12345678',
        agentMobile: '+86 139-1234-5678',
      },
      [...ORG_PAPERS, ...received('AUTHORIZATION', 'AGENT_ID')],
    );
    expect(biz.errors).toEqual([]);
    expect(biz.normalized).toMatchObject({
      agentIdNumber: 'H12345678',
      agentMobile: '13912345678',
    });

    const transfer = findType(CATALOGUE, 'CHG_TRANSFER')!;
    const keys = fieldsFor(transfer, 'lv_resident').map((d) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['newHolderIdType', 'newHolderIdNumber']));
  });
});

describe('credit code and warnings in the catalogue', () => {
  const withCheck = (body17: string) => body17 + creditCheckChar(body17);

  it('refuses a credit code with a registration authority that does not exist, by label', () => {
    const r = run(
      'NEW_LV_BIZ',
      'lv_business',
      { ...ORG, creditCode: withCheck('B1350100M000100Y4') },
      ORG_PAPERS,
    );
    expect(fieldsOf(r.errors)).toEqual(['fields.creditCode']);
    expect(r.errors[0]?.message).toMatch(/^统一社会信用代码：.*第1位（登记管理部门代码）不存在/);
    expect(r.errors[0]?.messageEn).toMatch(/^Unified social credit code: .*registration authority/);
  });

  it('names the field once: the label, then what is wrong (zh-CN and en)', () => {
    const body = '91350100M000100Y4';
    const bad = body + (creditCheckChar(body) === '0' ? '1' : '0');
    const [error] = run(
      'NEW_LV_BIZ',
      'lv_business',
      { ...ORG, creditCode: bad },
      ORG_PAPERS,
    ).errors;
    expect(error?.message).toBe(
      '统一社会信用代码：校验位不正确，请核对营业执照（或登记证书）上的代码后重新填写',
    );
    expect(error?.messageEn).toBe(
      'Unified social credit code: check character does not match; check it against the business licence (or registration certificate)',
    );
  });

  it('reports a failing GB 11714 organisation code as a warning and still accepts', () => {
    const code = withCheck('91350100M000100Y5');
    const r = run(
      'NEW_LV_BIZ',
      'lv_business',
      { ...ORG, creditCode: code.toLowerCase() },
      ORG_PAPERS,
    );
    expect(r.errors).toEqual([]);
    expect(r.normalized.creditCode).toBe(code);
    expect(fieldsOf(r.warnings)).toEqual(['fields.creditCode']);
    expect(r.warnings[0]?.message).toMatch(/^统一社会信用代码：.*GB 11714/);
    expect(r.warnings[0]?.message).not.toContain('M000100');
  });

  it('has no warnings for a clean application', () => {
    expect(run('NEW_LV_BIZ', 'lv_business', ORG, ORG_PAPERS).warnings).toEqual([]);
  });
});

describe('phone fields', () => {
  const ctx = { now: NOW, accountNoLength: 10 };
  const mobileDef: FieldDef = {
    key: 'tel',
    label: { zh: '电话', en: 'Phone' },
    kind: 'mobile',
    required: true,
  };

  it('takes a landline only where the field allows it', () => {
    expect(checkFieldValue(mobileDef, '0591-87654321', ctx).ok).toBe(false);
    expect(checkFieldValue({ ...mobileDef, landline: true }, '(0591) 8765 4321', ctx)).toEqual({
      ok: true,
      value: '0591-87654321',
    });
    expect(checkFieldValue({ ...mobileDef, landline: true }, '138 0013 8000', ctx)).toEqual({
      ok: true,
      value: '13800138000',
    });
  });
});
