import { hall } from '../catalogue/sources';
import type { FigureSource } from '../catalogue/types';
import { worstLevel, type AlertLevel } from './levels';

/**
 * Planned outages pulled from central as a signal for the suggested hall level: an outage in
 * progress in the hall's area brings customers to the counter now, one starting within the
 * next hours brings enquiries. Hall's own setting (no published figure): fixed here.
 */
export const OUTAGE_SIGNAL = {
  /** An outage starting within this many hours counts as "starting soon". */
  soonHours: 24,
  /** The level each suggests, and the level once several are in progress at once. */
  soon: 'yellow',
  inProgress: 'orange',
  /** This many in progress at once suggests red. */
  manyInProgress: 3,
} as const satisfies {
  soonHours: number;
  soon: AlertLevel;
  inProgress: AlertLevel;
  manyInProgress: number;
};

export const OUTAGE_SIGNAL_SOURCE: FigureSource = hall(
  '本厅设置：计划停电进行中建议橙色（同时3处及以上建议红色），24小时内开始建议黄色',
  "Hall's own setting: a planned outage in progress suggests orange (3 or more at once red), one starting within 24 hours yellow",
);

export interface OutageSpan {
  startsAt: number;
  endsAt: number;
}

export interface OutageVerdict {
  inProgress: number;
  startingSoon: number;
  level: AlertLevel | 'none';
}

const HOUR_MS = 3_600_000;

/** Counts the outages in progress and starting soon at `now`, and the level they suggest. */
export function outageVerdict(outages: readonly OutageSpan[], now: number): OutageVerdict {
  const inProgress = outages.filter((o) => o.startsAt <= now && now < o.endsAt).length;
  const soonUntil = now + OUTAGE_SIGNAL.soonHours * HOUR_MS;
  const startingSoon = outages.filter((o) => now < o.startsAt && o.startsAt <= soonUntil).length;
  const level = worstLevel([
    inProgress >= OUTAGE_SIGNAL.manyInProgress ? 'red' : 'none',
    inProgress > 0 ? OUTAGE_SIGNAL.inProgress : 'none',
    startingSoon > 0 ? OUTAGE_SIGNAL.soon : 'none',
  ]);
  return { inProgress, startingSoon, level };
}
