// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../../../shared/api/methods/complaints';
import type { Role } from '../../../../shared/api/permissions';
import type { ComplaintState } from '../../../../shared/service-rules/complaints';
import { createAppI18n } from '../../i18n';
import { installElementPlus } from '../../plugins/element-plus';
import { useSessionStore } from '../../stores/session';
import { installBridge, removeBridge } from '../../testing/mount-app';
import ComplaintDetailView from './ComplaintDetailView.vue';

/**
 * The complaint page offers only the steps the signed-in role may take (the guide no 派单, the
 * clerk no 归档), and a 回访 starts with no result chosen: sending without one is a field error.
 */
const ID = '0190b6a0-0000-7000-8000-000000000077';
const complaint = (state: ComplaintState): ComplaintDetail => ({
  id: ID,
  complaintNo: 'T01202612010001',
  kind: 'complaint',
  subject: 'billing',
  channel: 'counter',
  state,
  customerName: '林*东',
  phoneMasked: '138****8000',
  idMasked: '',
  takenAt: '2026-12-01T02:00:00.000Z',
  takenBy: 'c01',
  assignee: null,
  nextDueAt: '2026-12-02T02:00:00.000Z',
  nextStep: 'contact',
  repeatCount: 1,
  repeatLevel: 'none',
  accountNo: '',
  applicationId: null,
  content: '电费有疑问',
  ruleVersion: '2026.2',
  contactDueAt: '2026-12-02T02:00:00.000Z',
  answerDueAt: '2026-12-08T09:30:00.000Z',
  visitDueAt: null,
  dispatchedAt: null,
  contactedAt: null,
  answeredAt: null,
  answer: null,
  visitedAt: null,
  visitResult: null,
  archivedAt: null,
  contactInTime: null,
  answerInTime: null,
  visitInTime: null,
  version: 1,
  events: [],
});

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  removeBridge();
  document.body.innerHTML = '';
});

async function open(state: ComplaintState, role: Role, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const calls: string[] = [];
  installBridge({
    invoke: async (method) => {
      calls.push(method);
      return method === 'complaints.get'
        ? { ok: true, value: complaint(state) }
        : { ok: false, error: { code: 'FORBIDDEN', message: '无权限', messageEn: 'Forbidden' } };
    },
  });
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.stationRole = 'staff';
  session.staff = { staffNo: 's1', name: '测试', role: role as 'counter' };
  wrapper = mount(ComplaintDetailView, {
    props: { id: ID },
    attachTo: document.body,
    global: {
      plugins: [pinia, createAppI18n(locale), { install: installElementPlus }],
      stubs: { transition: false, 'transition-group': false },
    },
  });
  await flushPromises();
  return { wrapper, calls };
}
const offered = (w: VueWrapper) =>
  ['dispatch', 'contact', 'answer', 'visit', 'archive'].filter((s) =>
    w.find(`[data-testid="do-${s}"]`).exists(),
  );

describe('the complaint page', () => {
  it.each([
    ['guide', 'taken', []],
    ['counter', 'taken', ['contact']],
    ['supervisor', 'taken', ['dispatch', 'contact']],
    ['counter', 'visited', []],
    ['supervisor', 'visited', ['archive']],
  ] as const)('offers a %s on a %s complaint %j', async (role, state, steps) => {
    const { wrapper: w } = await open(state, role);
    expect(offered(w)).toEqual(steps);
  });

  it.each([
    ['zh-CN', '请选择回访结果'],
    ['en', 'Choose the visit result'],
  ] as const)(
    'starts a visit with no result and refuses to send none (%s)',
    async (locale, msg) => {
      const { wrapper: w, calls } = await open('answered', 'counter', locale);
      expect(w.find('[data-testid="step-visit-result"] input:checked').exists()).toBe(false);
      await w.find('[data-testid="do-visit"]').trigger('click');
      await flushPromises();
      await new Promise((r) => setTimeout(r, 0));
      expect(calls).not.toContain('complaints.visit');
      expect(w.find('[data-testid="step-visit-result-item"]').text()).toContain(msg);
    },
  );

  it.each([
    ['zh-CN', '证件号码', '可选'],
    ['en', 'Certificate number', 'optional'],
  ] as const)(
    'heads the certificate number without the form\'s "optional" (%s)',
    async (locale, label, optional) => {
      const { wrapper: w } = await open('taken', 'counter', locale);
      const labels = w.findAll('.el-descriptions__label').map((l) => l.text());
      expect(labels).toContain(label);
      expect(labels.join('|')).not.toContain(optional);
    },
  );
});
