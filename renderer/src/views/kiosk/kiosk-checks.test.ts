import { describe, expect, it } from 'vitest';
import { applyProblems, lookupProblems } from './kiosk-checks';

const TODAY = new Date('2026-12-01T02:00:00Z');
const FILLED = {
  typeCode: 'lv_new',
  applicantName: '张三',
  mobile: '13800138000',
  idType: 'resident_id' as const,
  idNumber: '11010519491231002X',
};

describe('kiosk 预填申请 checks', () => {
  it('passes a whole, well-formed application', () => {
    expect(applyProblems(FILLED, TODAY)).toEqual({});
  });

  it('names a 10-digit phone with the counter message', () => {
    const p = applyProblems({ ...FILLED, mobile: '1380013800' }, TODAY);
    expect(Object.keys(p)).toEqual(['mobile']);
    expect(p.mobile?.zh).toMatch(/^手机号应为11位/);
    expect(p.mobile?.en).toMatch(/^Mobile number must be 11 digits/);
  });

  it('names an ID number with a wrong check digit', () => {
    const p = applyProblems({ ...FILLED, idNumber: '110105194912310021' }, TODAY);
    expect(Object.keys(p)).toEqual(['idNumber']);
    expect(p.idNumber?.zh).toMatch(/^身份证号校验位不正确/);
  });

  it('lists every missing field at once', () => {
    const p = applyProblems({ ...FILLED, typeCode: '', applicantName: ' ', mobile: '' }, TODAY);
    expect(Object.keys(p).sort()).toEqual(['applicantName', 'mobile', 'typeCode']);
  });
});

describe('kiosk 查询进度 checks', () => {
  it('asks for both when both are empty', () => {
    expect(lookupProblems({ appNo: '', mobile: ' ' }).both?.zh).toContain('申请编号和');
  });

  it('says the phone must be 11 digits and the number format before asking', () => {
    const p = lookupProblems({ appNo: 'abc', mobile: '123' });
    expect(p.mobile?.zh).toMatch(/^手机号应为11位/);
    expect(p.appNo?.zh).toMatch(/^申请编号应为回执上印的编号/);
  });

  it('lets a well-formed pair through', () => {
    expect(lookupProblems({ appNo: 'HALL0120261201', mobile: '138 0013 8000' })).toEqual({});
  });
});
