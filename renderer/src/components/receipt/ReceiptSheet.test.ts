// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../../shared/api/schemas';
import { createAppI18n } from '../../i18n';
import { installElementPlus } from '../../plugins/element-plus';
import { installBridge, removeBridge } from '../../testing/mount-app';
import ReceiptSheet from './ReceiptSheet.vue';

/** The receipt names the whole-process limit only where the rules set one. */
const base: Receipt = {
  appNo: 'C0120260302000001',
  typeCode: 'NEW_LV_BIZ',
  typeName: { zh: '低压非居民新装', en: 'Low-voltage business new connection' },
  accountKind: 'lv_business',
  applicantName: '福州闽江包装有限公司',
  idMasked: '',
  phoneMasked: '138****8000',
  addressMasked: '福建省福州市鼓楼区****',
  acceptedAt: '2026-03-02T10:00:00.000+08:00',
  deadlineAt: '2026-03-10T17:30:00.000+08:00',
  deadlineWorkingDays: 6,
  wholeProcess: { workingDays: 15, deadlineAt: '2026-03-23T17:30:00.000+08:00' },
  papersReceived: [],
  papersMissing: [],
  hallName: '鼓楼营业厅',
  stationCode: 'C01',
  clerk: 'C101',
  fields: [],
  queryUrl: 'https://query.example.cn/q?no=C0120260302000001',
};

function sheet(receipt: Receipt, locale: 'zh-CN' | 'en' = 'zh-CN') {
  installBridge({
    invoke: async () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '无', messageEn: 'none' },
    }),
  });
  return mount(ReceiptSheet, {
    props: { receipt, qr: '', paper: 'a5' },
    global: { plugins: [createPinia(), createAppI18n(locale), { install: installElementPlus }] },
  });
}

afterEach(() => removeBridge());

describe('ReceiptSheet limits', () => {
  it('shows the utility limit and the whole-process limit of a low-voltage business', () => {
    // "by the day" would read as if the day itself were past: the deadline's time says it is not.
    const w = sheet(base);
    expect(w.get('[data-testid="receipt-deadline"]').text()).toContain(
      '2026-03-10 17:30 前（6 个工作日）',
    );
    expect(w.get('[data-testid="receipt-whole-process"]').text()).toContain(
      '2026-03-23 17:30 前（15 个工作日）',
    );
    expect(w.text()).toContain('全流程办结时限');
  });

  it('says it in English too', () => {
    const w = sheet(base, 'en');
    expect(w.get('[data-testid="receipt-whole-process"]').text()).toContain(
      'by 2026-03-23 17:30 (15 working days)',
    );
    expect(w.text()).toContain('Whole process');
  });

  it('has no whole-process line where the rules set none', () => {
    const w = sheet({ ...base, typeCode: 'NEW_LV_RES', wholeProcess: null });
    expect(w.find('[data-testid="receipt-whole-process"]').exists()).toBe(false);
  });
});
