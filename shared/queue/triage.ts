import type { AccountKind, BusinessType } from '../catalogue/types';
import type { QueueConfig, ServiceConfig } from './schemas';

/** Where the guide sends a customer after triage. */
export const CHANNEL_RECOMMENDATIONS = ['app', 'kiosk', 'counter'] as const;
export type ChannelRecommendation = (typeof CHANNEL_RECOMMENDATIONS)[number];

/**
 * Households with a one-paper case (一证办电: the resident ID only) for a new connection or more
 * capacity can do it themselves on the utility's app; other household cases whose papers may all
 * follow later (容缺) can be started at the kiosk for a clerk to verify; businesses, high voltage,
 * agents (a letter of authority to check) and cases with papers that must be seen go to the counter.
 */
export function recommendChannel(
  type: BusinessType,
  accountKind: AccountKind,
  opts: { agent?: boolean } = {},
): ChannelRecommendation {
  if (accountKind !== 'lv_resident' || opts.agent) return 'counter';
  const needed = type.papers.filter(
    (p) => !p.optional && !p.agentOnly && (!p.accountKinds || p.accountKinds.includes(accountKind)),
  );
  if (type.family !== 'change' && needed.length <= 1) return 'app';
  if (needed.every((p) => p.deferrable || needed.length <= 1)) return 'kiosk';
  return 'counter';
}

/** The queue service that takes a business type: by type code first, then by family. */
export function serviceForType(config: QueueConfig, type: BusinessType): ServiceConfig {
  const byCode = config.services.find((s) => s.typeCodes.includes(type.code));
  if (byCode) return byCode;
  const byFamily = config.services.find((s) => s.families.includes(type.family));
  // The configuration always has at least one service (schema).
  return byFamily ?? (config.services[config.services.length - 1] as ServiceConfig);
}
