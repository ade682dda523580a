import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { LocalizedText } from '../../../shared/text';
import { isAppLocale, type AppLocale } from '../i18n';

/** The current locale and a picker for the catalogue's {zh, en} texts. */
export function useLocalized() {
  const { locale } = useI18n({ useScope: 'global' });
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'));
  const isZh = computed(() => current.value === 'zh-CN');
  const pick = (text: LocalizedText | undefined | null): string =>
    text ? (isZh.value ? text.zh : text.en) : '';
  return { locale: current, isZh, pick };
}
