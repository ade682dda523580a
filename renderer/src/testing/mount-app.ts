import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { RouterView, createMemoryHistory, createRouter } from 'vue-router';
import { BRIDGE_KEY } from '../../../shared/api/channels';
import type { HallBridge } from '../api/bridge';
import { createAppI18n, type AppLocale } from '../i18n';
import { installElementPlus } from '../plugins/element-plus';
import { routes } from '../router';

/** Puts a preload-style bridge on window, as Electron's preload would. */
export function installBridge(bridge: HallBridge): void {
  (globalThis as Record<string, unknown>)[BRIDGE_KEY] = bridge;
}

export function removeBridge(): void {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
}

/** The real app pieces (router, Pinia, i18n, Element Plus) around the view at `path`. */
export async function mountAt(path: string, locale: AppLocale = 'zh-CN') {
  const router = createRouter({ history: createMemoryHistory(), routes });
  const i18n = createAppI18n(locale);
  const Root = defineComponent({ render: () => h(RouterView) });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(Root, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), i18n, router, { install: installElementPlus }],
      // Real transitions: Element Plus renders field errors inside a TransitionGroup.
      stubs: { transition: false, 'transition-group': false },
    },
  });
  await flushPromises();
  return { wrapper, router, i18n };
}
