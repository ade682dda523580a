// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { CALENDAR_DATA_LAST_YEAR } from '../../../shared/deadline/calendar';
import { createAppI18n } from '../i18n';
import { installElementPlus } from '../plugins/element-plus';
import { installBridge, removeBridge } from '../testing/mount-app';
import CalendarYearPrompt from './CalendarYearPrompt.vue';
import DeadlineText from './DeadlineText.vue';
import ProvisionalDeadlineNote from './ProvisionalDeadlineNote.vue';

/**
 * A deadline counted into a year the calendar data does not cover is never promised silently:
 * the counter's deadline (list and detail) is tagged 暂定, the receipt carries the note, and the
 * supervisor's screens ask for the year to be loaded. With no settings from the services the
 * bundled calendar applies, which ends with CALENDAR_DATA_LAST_YEAR.
 */
const LAST = CALENDAR_DATA_LAST_YEAR;
const NEXT = LAST + 1;
const inside = {
  acceptedAt: `${LAST}-03-02T10:00:00+08:00`,
  deadlineAt: `${LAST}-03-09T17:30:00+08:00`,
};
const across = {
  acceptedAt: `${LAST}-12-31T10:00:00+08:00`,
  deadlineAt: `${NEXT}-01-07T17:30:00+08:00`,
};

function mountWith(render: () => ReturnType<typeof h>) {
  // The services answer nothing: the bundled calendar stays in use.
  installBridge({
    invoke: async () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '无', messageEn: 'none' },
    }),
  });
  return mount(defineComponent({ render }), {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createAppI18n('zh-CN'), { install: installElementPlus }],
      stubs: { transition: false, RouterLink: true },
    },
  });
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);

afterEach(() => {
  removeBridge();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('provisional deadlines on screen and paper', () => {
  it('the counter’s deadline is tagged 暂定 only when it reaches past the calendar', async () => {
    const w = mountWith(() =>
      h('div', [
        h(DeadlineText, { ...across, now: new Date(across.acceptedAt) }),
        h('span', { 'data-testid': 'inside' }, [
          h(DeadlineText, { ...inside, now: new Date(inside.acceptedAt) }),
        ]),
      ]),
    );
    await flushPromises();
    const tags = document.querySelectorAll('[data-testid="deadline-provisional"]');
    expect(tags).toHaveLength(1);
    expect(tags[0]?.textContent).toContain('暂定');
    expect(byTestId('inside')?.querySelector('[data-testid="deadline-provisional"]')).toBeNull();
    w.unmount();
  });

  it('the receipt’s note names the year whose holiday notice is missing', async () => {
    const w = mountWith(() => h(ProvisionalDeadlineNote, across));
    await flushPromises();
    expect(byTestId('deadline-provisional-note')?.textContent).toContain(String(NEXT));
    w.unmount();
  });

  it.each([
    [`${LAST}-11-30T10:00:00+08:00`, true],
    [`${LAST}-03-02T10:00:00+08:00`, false],
  ])('on %s the supervisor is asked to load the next year: %s', async (today, asked) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(today));
    const w = mountWith(() => h(CalendarYearPrompt));
    await flushPromises();
    const prompt = byTestId('calendar-year-prompt');
    expect(prompt !== null).toBe(asked);
    if (asked) expect(prompt?.textContent).toContain(String(NEXT));
    w.unmount();
  });
});
