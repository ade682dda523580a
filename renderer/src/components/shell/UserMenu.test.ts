// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { ElMessageBox } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useUnsavedGuard } from '../../composables/useUnsavedGuard';
import { createAppI18n } from '../../i18n';
import { installElementPlus } from '../../plugins/element-plus';
import { useSessionStore } from '../../stores/session';
import UserMenu from './UserMenu.vue';

/** Signing out with a half-typed form open asks 离开/留下 first, as F5 does. */
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

async function signOutWith(dirty: boolean, answer: 'leave' | 'stay') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.stationRole = 'staff';
  session.staff = { staffNo: 's1', name: '王主管', role: 'supervisor' };
  const signOut = vi.spyOn(session, 'signOut').mockResolvedValue(undefined);
  const confirm = vi
    .spyOn(ElMessageBox, 'confirm')
    .mockImplementation(() =>
      answer === 'leave' ? Promise.resolve('confirm' as never) : Promise.reject('cancel'),
    );
  const scope = effectScope();
  scope.run(() => useUnsavedGuard(() => dirty));
  const wrapper = mount(UserMenu, {
    global: { plugins: [pinia, createAppI18n('zh-CN'), { install: installElementPlus }] },
  });
  wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'sign-out');
  await flushPromises();
  wrapper.unmount();
  scope.stop();
  return { asked: confirm.mock.calls, signedOut: signOut.mock.calls.length };
}

describe('signing out from the user menu', () => {
  it('asks first while a guarded form is dirty, and stays when told to', async () => {
    const { asked, signedOut } = await signOutWith(true, 'stay');
    expect(asked).toHaveLength(1);
    expect(String(asked[0]?.[0])).toContain('未保存');
    expect(asked[0]?.[2]).toMatchObject({ confirmButtonText: '离开', cancelButtonText: '留下' });
    expect(signedOut).toBe(0);
  });

  it('signs out after 离开', async () => {
    expect((await signOutWith(true, 'leave')).signedOut).toBe(1);
  });

  it('signs out at once with nothing unsaved', async () => {
    const { asked, signedOut } = await signOutWith(false, 'stay');
    expect([asked.length, signedOut]).toEqual([0, 1]);
  });
});

describe('the user button', () => {
  it('reads name · role with a space on each side of the dot', () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const session = useSessionStore();
    session.stationRole = 'staff';
    session.staff = { staffNo: 's1', name: '王主管', role: 'supervisor' };
    const wrapper = mount(UserMenu, {
      global: { plugins: [pinia, createAppI18n('zh-CN'), { install: installElementPlus }] },
    });
    const text = wrapper
      .find('[data-testid="staff-name"]')
      .text()
      .replace(/\u00a0/g, ' ');
    expect(text).toContain('王主管 · 主管');
    wrapper.unmount();
  });
});
