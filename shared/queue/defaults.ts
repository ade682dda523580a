import { t } from '../text';
import type { Priority, QueueConfig } from './schemas';

/**
 * The hall's starting queue configuration. It is settings data: the shared store keeps its own
 * copy per hall, which a supervisor may change (queue.saveConfig); these are only the seed.
 */
export const DEFAULT_WEIGHTS: Record<Priority, number> = {
  green: 40,
  vip: 30,
  elderly: 20,
  appointment: 10,
  normal: 0,
};

export const DEFAULT_QUEUE_CONFIG: QueueConfig = {
  version: 1,
  services: [
    {
      code: 'NEW',
      prefix: 'A',
      name: t('新装增容', 'New connection / capacity'),
      dailyCap: 300,
      warnAt: 20,
      families: ['new', 'increase'],
      typeCodes: [],
    },
    {
      code: 'CHANGE',
      prefix: 'B',
      name: t('变更用电', 'Change of use'),
      dailyCap: 300,
      warnAt: 20,
      families: ['change'],
      typeCodes: [],
    },
    {
      code: 'GENERAL',
      prefix: 'C',
      name: t('缴费咨询', 'Payments and enquiries'),
      dailyCap: 500,
      warnAt: 30,
      families: [],
      typeCodes: [],
    },
  ],
  weights: DEFAULT_WEIGHTS,
  counters: {},
  longWaitMinutes: 15,
};

/** "C01" → "C01 号窗口" unless the configuration names the counter. */
export function counterName(config: Pick<QueueConfig, 'counters'>, code: string) {
  return config.counters[code] ?? t(`${code} 号窗口`, `Counter ${code}`);
}
