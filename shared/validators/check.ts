import type { LocalizedText } from '../text';

/** The result of every validator: the normalized value, or a reason that never echoes the input. */
export type Check<T> = { ok: true; value: T } | { ok: false; reason: LocalizedText };

export const pass = <T>(value: T): Check<T> => ({ ok: true, value });

export const fail = <T = never>(zh: string, en: string): Check<T> => ({
  ok: false,
  reason: { zh, en },
});
