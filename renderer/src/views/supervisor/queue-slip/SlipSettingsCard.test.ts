// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_CONFIG } from '../../../../../shared/queue/defaults';
import type { QueueConfig } from '../../../../../shared/queue/schemas';
import { createAppI18n, type AppLocale } from '../../../i18n';
import { installElementPlus } from '../../../plugins/element-plus';
import { installBridge, removeBridge } from '../../../testing/mount-app';
import SlipSettingsCard from './SlipSettingsCard.vue';

// Element Plus puts a test id on the input itself or on its wrapper, depending on the widget.
const URL_INPUT = 'input[data-testid="slip-url"], [data-testid="slip-url"] input';
const PAPER_58 = 'input[data-testid="slip-paper-58"], [data-testid="slip-paper-58"] input';
const TEMPLATE = 'https://95598.example.cn/queue?day={day}&no={ticket}';

/** The card over a bridge that keeps the hall's queue configuration as central would. */
async function mountCard(locale: AppLocale = 'zh-CN', refuseSave = false) {
  let stored: QueueConfig = { ...DEFAULT_QUEUE_CONFIG, version: 3 };
  const saves: QueueConfig[] = [];
  installBridge({
    invoke: async (method: string, input: unknown) => {
      if (method === 'queue.config') return { ok: true, value: { config: stored, fresh: true } };
      if (method === 'queue.saveConfig') {
        const { config } = input as { config: QueueConfig };
        saves.push(config);
        if (refuseSave) {
          return {
            ok: false,
            error: {
              code: 'UNAVAILABLE',
              message: '无法连接排队系统，请稍后重试',
              messageEn: 'The hall queue cannot be reached; retry later',
            },
          };
        }
        stored = { ...config, version: stored.version + 1 };
        return { ok: true, value: stored };
      }
      return { ok: false, error: { code: 'FORBIDDEN', message: '无权', messageEn: 'No' } };
    },
  });
  const wrapper = mount(SlipSettingsCard, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createAppI18n(locale), { install: installElementPlus }],
      stubs: { transition: false, 'transition-group': false },
    },
  });
  await flushPromises();
  return { wrapper, saves, stored: () => stored };
}

const errorsShown = async () => {
  // The message appears after the field is marked, through a transition group.
  await new Promise((resolve) => setTimeout(resolve, 150));
  await flushPromises();
  return [...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim());
};

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

describe('ticket slip settings card', () => {
  it('saves a 58 mm roll and the query address into the hall queue settings, others kept', async () => {
    const { wrapper, saves, stored } = await mountCard();
    await wrapper.find(PAPER_58).setValue(true);
    await wrapper.find(URL_INPUT).setValue(TEMPLATE);
    await wrapper.find('[data-testid="slip-save"]').trigger('click');
    await flushPromises();
    expect(saves).toHaveLength(1);
    expect(saves[0]!.slip).toEqual({ paperMm: 58, queueQueryUrl: TEMPLATE });
    expect(saves[0]!.services).toEqual(DEFAULT_QUEUE_CONFIG.services);
    expect(stored().slip?.paperMm).toBe(58);
    expect(await errorsShown()).toEqual([]);
    wrapper.unmount();
  });

  it('an address without {ticket} is refused on the field, by its label, in Chinese; nothing sent', async () => {
    const { wrapper, saves } = await mountCard();
    await wrapper.find(URL_INPUT).setValue('https://95598.example.cn/q');
    await wrapper.find('[data-testid="slip-save"]').trigger('click');
    await flushPromises();
    expect(saves).toHaveLength(0);
    expect(await errorsShown()).toEqual([
      '排队查询网址模板必须含有 {ticket}（排队号码填入的位置）',
    ]);
    wrapper.unmount();
  });

  it('in English: an http address is refused with the label and what to do', async () => {
    const { wrapper, saves } = await mountCard('en');
    await wrapper.find(URL_INPUT).setValue('http://q.example.cn/?no={ticket}');
    await wrapper.find('[data-testid="slip-save"]').trigger('click');
    await flushPromises();
    expect(saves).toHaveLength(0);
    expect(await errorsShown()).toEqual([
      'Queue query address template must be an https:// address',
    ]);
    wrapper.unmount();
  });

  it("an emptied address drops the QR; a refused save shows the service's words", async () => {
    const { wrapper, saves } = await mountCard('zh-CN', true);
    await wrapper.find(URL_INPUT).setValue('   ');
    await wrapper.find('[data-testid="slip-save"]').trigger('click');
    await flushPromises();
    expect(saves[0]!.slip).toEqual({ paperMm: 80 });
    expect(wrapper.find('[data-testid="slip-error"]').text()).toContain('无法连接排队系统');
    wrapper.unmount();
  });
});
