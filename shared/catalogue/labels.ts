import { t, type LocalizedText } from '../text';
import type { AccountKind, BusinessFamily } from './types';

export const FAMILY_LABELS: Record<BusinessFamily, LocalizedText> = {
  new: t('新装', 'New connection'),
  increase: t('增容', 'Capacity increase'),
  change: t('变更用电', 'Change of use'),
};

export const ACCOUNT_KIND_LABELS: Record<AccountKind, LocalizedText> = {
  lv_resident: t('低压居民', 'Low-voltage household'),
  lv_business: t('低压非居民', 'Low-voltage business'),
  hv: t('高压', 'High voltage'),
};
