// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { DeadLetter } from '../../../../../shared/sync/sync-api';
import { createAppI18n } from '../../../i18n';
import { installElementPlus } from '../../../plugins/element-plus';
import { routes } from '../../../router';
import { useSyncStore } from '../../../stores/sync';
import DeadLetterTable from './DeadLetterTable.vue';

const dead = (seq: number, kind: string, extra: Partial<DeadLetter> = {}): DeadLetter => ({
  seq,
  opId: `op-${seq}`,
  applicationId: '0190a8c2-0000-7000-8000-00000000000' + seq,
  appNo: null,
  typeCode: '',
  kind,
  reasonCode: 'INVALID_PAYLOAD',
  reason: { zh: '内容不合格', en: 'Invalid' },
  field: null,
  attempts: 3,
  createdAt: '2026-11-30T02:00:00.000Z',
  ...extra,
});

describe('DeadLetterTable', () => {
  it('names a refused hall record by its kind, links its screen, and offers no correction', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    useSyncStore().deadLetters = [
      dead(1, 'application.submit', { appNo: 'H01-20261130-0001', typeCode: 'NEW_LV_RES' }),
      dead(2, 'request.fault'),
      dead(3, 'alert.raise'),
      dead(4, 'customer.upsert'),
    ];
    const router = createRouter({ history: createMemoryHistory(), routes });
    const wrapper = mount(DeadLetterTable, {
      global: { plugins: [pinia, createAppI18n('zh-CN'), router, { install: installElementPlus }] },
    });
    const row = (seq: number) => wrapper.get(`[data-testid="dead-${seq}"]`);
    expect(row(1).get('[data-testid="dead-app-no"]').attributes('href')).toContain(
      '/applications/',
    );
    expect(row(1).find('[data-testid="dead-correct"]').exists()).toBe(true);
    expect(row(2).get('[data-testid="dead-kind"]').text()).toBe('故障报修');
    expect(row(2).get('[data-testid="dead-record"]').attributes('href')).toContain('/requests');
    expect(row(3).get('[data-testid="dead-record"]').attributes('href')).toContain('/hall-alerts');
    expect(row(4).get('[data-testid="dead-kind"]').text()).toBe('客户资料');
    for (const seq of [2, 3, 4]) {
      expect(row(seq).find('[data-testid="dead-correct"]').exists()).toBe(false);
      expect(row(seq).find('[data-testid="dead-app-no"]').exists()).toBe(false);
    }
  });
});
