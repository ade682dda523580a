import { describe, expect, it } from 'vitest';
import { formatAddress } from './address-text';
import {
  maskAddress,
  maskCreditCode,
  maskIdNumber,
  maskMobile,
  maskName,
  maskPersonal,
} from './mask';

const address = {
  province: '福建省',
  city: '福州市',
  district: '鼓楼区',
  street: '东街街道',
  detail: '八一七北路88号3栋502',
};

describe('masks', () => {
  it('masks an ID number keeping the first 3 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X');
    expect(maskIdNumber('1234567')).toBe('*******');
  });

  it('hides most of a short certificate number (passport, permit)', () => {
    expect(maskIdNumber('e12345678')).toBe('E*****678');
    expect(maskIdNumber('H12345678')).toBe('H*****678');
    expect(maskIdNumber('12345678')).toBe('1****678');
    expect(maskIdNumber('USA310170123456')).toBe('USA********3456');
  });

  it('masks a mobile number, with or without +86', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 13812345678')).toBe('138****5678');
    expect(maskMobile('008613812345678')).toBe('138****5678');
  });

  it('masks a credit code keeping the first 4 and last 4', () => {
    expect(maskCreditCode('91350100M000100Y43')).toBe('9135**********0Y43');
  });

  it('masks a name keeping the surname', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王*');
    expect(maskName('')).toBe('');
  });

  it('keeps province, city and district of an address and hides the rest', () => {
    expect(maskAddress(address)).toBe('福建省福州市鼓楼区****');
    expect(
      maskAddress({ ...address, province: '北京市', city: '北京市', district: '西城区' }),
    ).toBe('北京市西城区****');
    expect(maskAddress('福建省福州市鼓楼区八一七北路88号')).toBe('福建省福州市鼓楼区****');
    expect(maskAddress('某某路88号3栋')).toBe('某某路****');
    expect(maskAddress(address)).not.toContain('88');
  });

  it('dispatches by field kind and leaves non-personal kinds as text', () => {
    expect(maskPersonal('idNumber', '11010519491231002X')).toBe('110***********002X');
    expect(maskPersonal('mobile', '13812345678')).toBe('138****5678');
    expect(maskPersonal('creditCode', '91350100M000100Y43')).toBe('9135**********0Y43');
    expect(maskPersonal('address', address)).toBe('福建省福州市鼓楼区****');
    expect(maskPersonal('personName', '张三')).toBe('张三');
    expect(maskPersonal('capacityKva', 315)).toBe('315');
    expect(maskPersonal('text', null)).toBe('');
    expect(maskPersonal('mobile', undefined)).toBe('');
  });

  it('formats an address on one line without repeating a municipality', () => {
    expect(formatAddress(address)).toBe('福建省福州市鼓楼区东街街道八一七北路88号3栋502');
    expect(formatAddress({ ...address, province: '上海市', city: '上海市', street: '' })).toBe(
      '上海市鼓楼区八一七北路88号3栋502',
    );
  });
});
