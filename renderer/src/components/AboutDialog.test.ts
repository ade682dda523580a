// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/api/contract';
import { createAppI18n, type AppLocale } from '../i18n';
import { installElementPlus } from '../plugins/element-plus';
import { installBridge, removeBridge } from '../testing/mount-app';
import AboutDialog from './AboutDialog.vue';

type Info = MethodOutput<'system.info'>;

function info(update: Info['update'], configPath: string | null): Info {
  return {
    appVersion: '0.1.0',
    hallName: '示范供电营业厅',
    stationCode: 'C03',
    transport: 'ipc',
    catalogueVersion: '2026.1',
    catalogueChangesOn: '2026-12-01',
    build: 'dd8d0d63cde9 · 2026-11-30T04:23:54Z',
    configPath,
    update,
  };
}

/** The dialog over a bridge whose system.info answers `current` (changeable between calls). */
async function mountAbout(first: Info, locale: AppLocale = 'zh-CN') {
  let current = first;
  installBridge({ invoke: async () => ({ ok: true, value: current }) });
  const wrapper = mount(AboutDialog, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createAppI18n(locale), { install: installElementPlus }],
      stubs: { transition: false },
    },
  });
  await flushPromises();
  return { wrapper, setInfo: (next: Info) => (current = next) };
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

describe('About dialog', () => {
  it('shows version, build, station and config path from system.info', async () => {
    const { wrapper } = await mountAbout(info({ state: 'idle' }, '/etc/hall/station.json'));
    await wrapper.find('[data-testid="about-open"]').trigger('click');
    await flushPromises();
    expect(text('about-version')).toBe('0.1.0');
    expect(text('about-build')).toBe('dd8d0d63cde9 · 2026-11-30T04:23:54Z');
    expect(text('about-station')).toBe('示范供电营业厅 · C03');
    expect(text('about-config')).toBe('/etc/hall/station.json');
    expect(text('about-update')).toBe('已是最新');
    expect(wrapper.find('[data-testid="about-update-badge"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says "update ready, restart to install" once the update has downloaded', async () => {
    const { wrapper, setInfo } = await mountAbout(info({ state: 'downloading' }, null), 'en');
    setInfo(info({ state: 'ready', version: '0.2.0' }, null));
    await wrapper.find('[data-testid="about-open"]').trigger('click'); // reloads system.info
    await flushPromises();
    expect(text('about-update')).toBe('Update 0.2.0 ready, restart to install');
    expect(text('about-config')).toBe('No config file (defaults)');
    expect(wrapper.find('[data-testid="about-update-badge"]').text()).toBe('Update');
    wrapper.unmount();
  });
});
