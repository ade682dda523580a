import { describe, expect, it } from 'vitest';
import type { StationState } from '../../stores/station';
import { createAppI18n } from '../../i18n';
import { fieldErrors, formFrom, inputOf, overrideLabels } from './station-form';

const STATE: StationState = {
  configured: true,
  config: {
    version: 1,
    role: 'counter',
    hallCode: 'HALL01',
    hallName: '示范供电营业厅',
    stationCode: 'C01',
    idReaderUrl: 'http://127.0.0.1:19196',
    enrolmentPending: false,
  },
  path: null,
  overrides: [],
};

describe('station settings form: the ID card reader address', () => {
  it("a supervisor's save keeps the reader address the config has", () => {
    expect(inputOf(formFrom(STATE)).idReaderUrl).toBe('http://127.0.0.1:19196');
  });

  it('an emptied field drops it; another host is an error on the field', () => {
    const form = formFrom(STATE);
    form.idReaderUrl = '  ';
    expect(inputOf(form)).not.toHaveProperty('idReaderUrl');
    form.idReaderUrl = 'http://192.168.1.20:19196';
    expect(fieldErrors(form, true).idReaderUrl).toMatch(/必须是本机地址/);
    expect(fieldErrors(form, false).idReaderUrl).toMatch(/must be a local address/);
  });
});

describe('station settings: the development overrides notice', () => {
  it('names the overridden fields by their labels in the chosen language, never by key', () => {
    for (const [locale, expected] of [
      ['zh-CN', ['中心系统地址', '本机用途', '工位代码']],
      ['en', null],
    ] as const) {
      const { t, te } = createAppI18n(locale).global;
      const labels = overrideLabels(['centralUrl', 'role', 'stationCode'], t, (k) => te(k));
      if (expected) expect(labels).toEqual(expected);
      for (const label of labels) expect(label).not.toMatch(/^(centralUrl|role|stationCode)$/);
    }
  });
});
