import { describe, expect, it } from 'vitest';
import { CATALOGUE, findType } from '../../../shared/catalogue';
import { fieldsFor, papersFor } from '../../../shared/catalogue/applicability';
import { NOT_NEEDED, cleanFields, defaultStatus, paperEntries } from './values';
import { serverErrorMap, withoutLabel } from './validation';

const household = findType(CATALOGUE, 'NEW_LV_RES')!;

describe('form values sent to the service', () => {
  it('trims strings, drops blanks and fields not shown', () => {
    const defs = fieldsFor(household, 'lv_resident', { agent: 'no' });
    const out = cleanFields(defs, {
      applicantName: '  林小梅 ',
      mobile: '   ',
      agent: 'no',
      agentIdNumber: '11010519491231002X', // not shown without an agent: never sent
      requestedKva: 8,
      unknownKey: 'x',
      address: { province: ' ', city: '', district: '', street: '', detail: '' },
    });
    expect(out).toEqual({ applicantName: '林小梅', agent: 'no', requestedKva: 8 });
  });

  it('lists every applicable paper except optional ones marked not needed', () => {
    const papers = papersFor(household, 'lv_resident', {});
    const statuses = Object.fromEntries(papers.map((p) => [p.code, defaultStatus(p)]));
    expect(statuses.PROPERTY_PROOF).toBe(NOT_NEEDED);
    expect(statuses.ID_CARD).toBe('missing_blocking');
    expect(paperEntries(papers, statuses)).toEqual([
      { code: 'ID_CARD', status: 'missing_blocking' },
    ]);
    statuses.PROPERTY_PROOF = 'missing_accepted';
    expect(paperEntries(papers, statuses)).toContainEqual({
      code: 'PROPERTY_PROOF',
      status: 'missing_accepted',
    });
  });
});

describe('error messages', () => {
  it("maps the service's fieldErrors by path, first message per path", () => {
    const map = serverErrorMap({
      code: 'VALIDATION',
      message: 'a',
      messageEn: 'a',
      fieldErrors: [
        { field: 'fields.mobile', message: '一', messageEn: 'one' },
        { field: 'fields.mobile', message: '二', messageEn: 'two' },
        { field: 'papers.ID_CARD', message: '缺', messageEn: 'missing' },
      ],
    });
    expect(map).toEqual({
      'fields.mobile': { zh: '一', en: 'one' },
      'papers.ID_CARD': { zh: '缺', en: 'missing' },
    });
  });

  it('drops the label prefix only when it is there', () => {
    expect(withoutLabel('联系电话（手机）：格式不正确', '联系电话（手机）')).toBe('格式不正确');
    expect(withoutLabel('Contact mobile: bad format', 'Contact mobile')).toBe('bad format');
    expect(withoutLabel('格式不正确', '联系电话（手机）')).toBe('格式不正确');
  });
});
