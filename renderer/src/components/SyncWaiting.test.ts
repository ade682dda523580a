// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/sync/sync-api';
import { createAppI18n } from '../i18n';
import SyncWaiting from './SyncWaiting.vue';

const NONE = { application: 0, customer: 0, request: 0, alert: 0, other: 0 };
const counts = (pending: number, waiting: Partial<typeof NONE>): SyncStatusView['counts'] => ({
  created: pending,
  acknowledged: 0,
  dead: 0,
  conflict: 0,
  pending,
  discarded: 0,
  blocked: 0,
  waiting: { ...NONE, ...waiting },
});
const shown = (c: SyncStatusView['counts'], locale: 'zh-CN' | 'en') => {
  const w = mount(SyncWaiting, {
    props: { counts: c },
    global: { plugins: [createAppI18n(locale)] },
  });
  return { text: w.text(), title: w.attributes('title') };
};

describe('SyncWaiting', () => {
  it('names what waits in the hall’s terms, the operations in the tooltip', () => {
    const one = counts(2, { application: 1, customer: 1 });
    expect(shown(one, 'zh-CN').text).toBe('待同步 申请 1 · 客户资料 1');
    expect(shown(one, 'zh-CN').title).toMatch(/^共 2 项同步操作/);
    expect(shown(one, 'en').text).toBe('waiting: 1 application · 1 customer record');
    const many = counts(7, { application: 3, request: 1 });
    expect(shown(many, 'en').text).toBe('waiting: 3 applications · 1 service request');
    expect(shown(many, 'en').title).toMatch(/^7 sync operations/);
  });

  it('says nothing waits when the outbox is empty', () => {
    expect(shown(counts(0, {}), 'zh-CN').text).toBe('无待同步');
    expect(shown(counts(0, {}), 'en').text).toBe('nothing waiting');
  });
});
