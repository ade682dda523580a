import { describe, expect, it } from 'vitest';
import { checkStationConfig, publicConfig, stationRoleOf, type StationConfig } from './config';

const GOOD: StationConfig = {
  version: 1,
  role: 'counter',
  hallCode: 'HALL01',
  hallName: '示范供电营业厅',
  stationCode: 'C01',
  hubUrl: 'https://10.0.0.5:8443',
  hubFingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
  centralUrl: 'https://central.example.cn',
  enrolmentCode: 'ENROL-1234',
};

const fieldOf = (value: unknown) => {
  const r = checkStationConfig(value);
  return r.ok ? 'ok' : r.problem.field;
};

describe('station config schema', () => {
  it('accepts a complete config and a minimal one', () => {
    expect(checkStationConfig(GOOD).ok).toBe(true);
    for (const idReaderUrl of ['http://127.0.0.1:19196', 'http://localhost:19196/api'])
      expect(checkStationConfig({ ...GOOD, idReaderUrl }).ok).toBe(true);
    const { hubUrl: _h, hubFingerprint: _f, centralUrl: _c, enrolmentCode: _e, ...minimal } = GOOD;
    expect(checkStationConfig(minimal).ok).toBe(true);
  });

  it.each([
    ['role', { ...GOOD, role: 'cashier' }],
    ['hallCode', { ...GOOD, hallCode: 'HALL 01' }],
    ['stationCode', { ...GOOD, stationCode: '' }],
    ['hallName', { ...GOOD, hallName: '' }],
    ['centralUrl', { ...GOOD, centralUrl: 'http://central.example.cn' }],
    ['hubUrl', { ...GOOD, hubUrl: 'ftp://10.0.0.5' }],
    ['hubFingerprint', { ...GOOD, hubFingerprint: 'AB:CD' }],
    ['hubFingerprint', { ...GOOD, hubFingerprint: undefined }],
    ['enrolmentCode', { ...GOOD, enrolmentCode: 'a b' }],
    ['version', { ...GOOD, version: 2 }],
    ['stationcode', { ...GOOD, stationcode: 'C02' }],
    ['idReaderUrl', { ...GOOD, idReaderUrl: 'http://10.0.0.5:19196' }],
    ['idReaderUrl', { ...GOOD, idReaderUrl: 'http://reader.example.cn:19196' }],
    ['idReaderUrl', { ...GOOD, idReaderUrl: 'https://127.0.0.1:19196' }],
    ['idReaderUrl', { ...GOOD, idReaderUrl: 'http://user:pw@127.0.0.1:19196' }],
  ])('names the wrong field: %s', (field, value) => {
    expect(fieldOf(value)).toBe(field);
  });

  it('says what is wrong in Chinese and English, never the value', () => {
    const r = checkStationConfig({ ...GOOD, centralUrl: 'http://secret-host.example.cn' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message).toMatch(/中心系统地址.*https:\/\//);
    expect(r.problem.messageEn).toMatch(/Central system address.*https:\/\//);
    expect(JSON.stringify(r.problem)).not.toContain('secret-host');
  });

  it('plain HTTP only to this machine', () => {
    expect(fieldOf({ ...GOOD, centralUrl: 'http://127.0.0.1:8787' })).toBe('ok');
    expect(fieldOf({ ...GOOD, centralUrl: 'http://192.168.1.2:8787' })).toBe('centralUrl');
    expect(fieldOf({ ...GOOD, centralUrl: 'https://user:pw@central.example.cn' })).toBe(
      'centralUrl',
    );
  });

  it('screens see whether an enrolment code waits, never the code', () => {
    const shown = publicConfig(GOOD);
    expect(shown.enrolmentPending).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('ENROL-1234');
  });

  it('counter, guide and supervisor desks are staff stations', () => {
    expect(
      ['counter', 'guide', 'supervisor', 'kiosk', 'display'].map((k) => stationRoleOf(k as never)),
    ).toEqual(['staff', 'staff', 'staff', 'kiosk', 'display']);
  });
});
