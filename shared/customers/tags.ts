import { t, type LocalizedText } from '../text';
import type { Priority } from '../queue/schemas';

/**
 * Customer tags (issue 15): the built-in ones every hall has, and hall-defined ones a supervisor
 * adds (codes `h_<letters, digits, _>`). Some set a ticket's priority, one warns the clerk.
 */
export const BUILTIN_TAGS = [
  'important',
  'sensitive',
  'elderly',
  'disabled',
  'small_business',
  'vip',
  'green_channel',
] as const;
export type BuiltinTag = (typeof BUILTIN_TAGS)[number];

export const BUILTIN_TAG_LABELS: Readonly<Record<BuiltinTag, LocalizedText>> = {
  important: t('重要客户', 'Important customer'),
  sensitive: t('敏感客户', 'Sensitive customer'),
  elderly: t('老年', 'Elderly'),
  disabled: t('残疾', 'Disabled'),
  small_business: t('小微企业', 'Small business'),
  vip: t('VIP', 'VIP'),
  green_channel: t('绿色通道', 'Green channel'),
};

/** A hall-defined tag's code: `h_` and 1–30 lower-case letters, digits or `_`. */
export const HALL_TAG_CODE = /^h_[a-z0-9_]{1,30}$/;

export const isBuiltinTag = (code: string): code is BuiltinTag =>
  (BUILTIN_TAGS as readonly string[]).includes(code);

/** The queue priority a tag gives its customer's ticket; tags not listed give none. */
export const TAG_PRIORITY: Readonly<Partial<Record<BuiltinTag, Priority>>> = {
  green_channel: 'green',
  vip: 'vip',
  elderly: 'elderly',
  disabled: 'elderly',
};

/**
 * The priority of a ticket for a customer with these tags: the highest-weighted among the one
 * chosen at triage and those the tags give. Tags only ever raise a priority, never lower it.
 */
export function priorityForTags(
  tags: readonly string[],
  weights: Readonly<Record<Priority, number>>,
  chosen: Priority = 'normal',
): Priority {
  let best = chosen;
  for (const tag of tags) {
    const p = isBuiltinTag(tag) ? TAG_PRIORITY[tag] : undefined;
    if (p !== undefined && weights[p] > weights[best]) best = p;
  }
  return best;
}

/** Whether the clerk must acknowledge a warning before serving this customer. */
export const needsWarning = (tags: readonly string[]): boolean => tags.includes('sensitive');
