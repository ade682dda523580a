import type { LocalizedText } from '../text';

/**
 * The result of every validator: the normalized value, or a reason that never echoes the input.
 * A value that passes may still carry warnings: things the clerk should look at (an embedded
 * code whose own check fails) that are not grounds to refuse the application.
 */
export type Check<T> =
  { ok: true; value: T; warnings?: LocalizedText[] } | { ok: false; reason: LocalizedText };

export const pass = <T>(value: T, warnings: LocalizedText[] = []): Check<T> =>
  warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };

export const fail = <T = never>(zh: string, en: string): Check<T> => ({
  ok: false,
  reason: { zh, en },
});
