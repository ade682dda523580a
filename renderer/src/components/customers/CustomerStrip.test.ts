// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../../shared/api/errors';
import type { CustomerBrief } from '../../../../shared/api/methods/customers';
import { createAppI18n } from '../../i18n';
import { installElementPlus } from '../../plugins/element-plus';
import { installBridge, removeBridge } from '../../testing/mount-app';
import CustomerStrip from './CustomerStrip.vue';

/**
 * The guide desk's input faces the queue: once a typed number is recognised it must not stay
 * there in clear (the strip shows it masked). A refused number stays, to be corrected.
 */
const TYPED = '11010519491231002X';
const brief: CustomerBrief = {
  id: '0190b6a0-0000-7000-8000-000000000077',
  name: '王*',
  kind: 'person',
  certType: 'id_card',
  certNo: '1101**********002X',
  tags: [],
  priority: 'normal',
  warn: false,
  manager: null,
};

function strip(answer: () => ApiResult<unknown>) {
  installBridge({
    invoke: async (method) => {
      if (method !== 'customers.identify')
        return { ok: false, error: { code: 'UNAVAILABLE', message: '无', messageEn: 'none' } };
      return answer();
    },
  });
  return mount(CustomerStrip, {
    props: { warn: false },
    attachTo: document.body,
    global: { plugins: [createPinia(), createAppI18n('zh-CN'), { install: installElementPlus }] },
  });
}

async function typeAndEnter(w: ReturnType<typeof strip>) {
  // Element Plus puts the test id on the <input> itself.
  const input = w.get('input[data-testid="customer-identify-input"]');
  await input.setValue(TYPED);
  await input.trigger('keydown', { key: 'Enter' });
  await flushPromises();
  return input.element as HTMLInputElement;
}

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

describe('the customer strip’s typed number', () => {
  it.each([
    ['a known customer', brief],
    ['a first visit', null],
  ])('is cleared once recognised: %s', async (_, customer) => {
    const w = strip(() => ({ ok: true, value: { customer } }));
    const input = await typeAndEnter(w);
    expect(input.value).toBe('');
    expect(w.text()).not.toContain(TYPED);
    if (customer) expect(w.text()).toContain('1101**********002X');
    w.unmount();
  });

  it('stays when the number is refused, to be corrected', async () => {
    const w = strip(() => ({
      ok: false,
      error: { code: 'VALIDATION', message: '证件号码有误', messageEn: 'Invalid ID number' },
    }));
    const input = await typeAndEnter(w);
    expect(input.value).toBe(TYPED);
    w.unmount();
  });
});
