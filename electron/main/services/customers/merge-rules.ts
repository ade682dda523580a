import type { LocalizedText } from '../../../../shared/text';

interface Mergeable {
  id: string;
  kind: string;
  merged_into: string | null;
}

/**
 * Why two customer records may not be merged, or undefined when they may: a record merges into
 * another of the same kind (a person into a person), both still live, never into itself.
 */
export function customerMergeRefusal(from: Mergeable, into: Mergeable): LocalizedText | undefined {
  if (from.id === into.id)
    return { zh: '不能与自身合并', en: 'A customer cannot be merged into itself' };
  if (from.merged_into !== null || into.merged_into !== null)
    return { zh: '该客户已被合并过', en: 'One of the customers was already merged' };
  if (from.kind !== into.kind)
    return {
      zh: '个人客户与单位客户不能合并',
      en: 'A person and an organisation cannot be merged',
    };
  return undefined;
}
