// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createAppI18n } from '../i18n';
import { installElementPlus } from '../plugins/element-plus';
import { installBridge, removeBridge } from '../testing/mount-app';
import WarningBadge from '../views/supervisor/WarningBadge.vue';
import DeadlineText from './DeadlineText.vue';

/**
 * Finished (archived) work has nothing left to count: the deadline cell and the warning badge
 * show 已归档, never 正常 or "剩7天13小时", however far the deadline still is.
 */
const due = { deadlineAt: '2026-12-08T17:30:00+08:00' };
const early = new Date('2026-12-01T04:00:00+08:00');

function mountWith(render: () => ReturnType<typeof h>) {
  installBridge({
    invoke: async () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '无', messageEn: 'none' },
    }),
  });
  return mount(defineComponent({ render }), {
    attachTo: document.body,
    global: { plugins: [createPinia(), createAppI18n('zh-CN'), { install: installElementPlus }] },
  });
}

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

describe('a finished application’s deadline', () => {
  it('shows 已归档 instead of a countdown and 正常', async () => {
    const w = mountWith(() =>
      h('div', [
        h('p', { id: 'open' }, [h(DeadlineText, { ...due, now: early })]),
        h('p', { id: 'closed' }, [h(DeadlineText, { ...due, now: early, closed: true })]),
        h('p', { id: 'badge' }, [h(WarningBadge, { ...due, closed: true })]),
      ]),
    );
    await flushPromises();
    const text = (id: string) => document.getElementById(id)?.textContent ?? '';
    // The open one still counts down: the fixture would show the defect.
    expect(text('open')).toMatch(/剩\d+天/);
    expect(text('closed')).toContain('2026-12-08 17:30');
    expect(text('closed')).toContain('已归档');
    expect(text('closed')).not.toContain('剩');
    expect(document.querySelector('#closed [data-warning]')?.getAttribute('data-warning')).toBe(
      'closed',
    );
    expect(text('badge').trim()).toBe('已归档');
    expect(text('badge')).not.toContain('正常');
    w.unmount();
  });
});
