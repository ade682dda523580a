import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from './index';

const KEY = 'hall.locale';

/** The clerk's language survives a reload; nothing personal is stored. */
export function restoreLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    return isAppLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function persistLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(KEY, locale);
  } catch {
    // Storage may be disabled (kiosk profiles); the switch still works for this session.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
