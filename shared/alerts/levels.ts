import { hall } from '../catalogue/sources';
import type { FigureSource } from '../catalogue/types';
import { t, type LocalizedText } from '../text';

/**
 * Hall alerts (红橙黄 for the whole hall, issue 17): a level raised by a supervisor or by
 * central for an area, shown on every staff screen, the kiosk and the display until it ends.
 * Not the per-application deadline warnings (shared/deadline), which share the colours only.
 */
export const ALERT_LEVELS = ['yellow', 'orange', 'red'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const ALERT_LEVEL_NAMES: Record<AlertLevel, LocalizedText> = {
  yellow: t('黄色预警', 'Yellow alert'),
  orange: t('橙色预警', 'Orange alert'),
  red: t('红色预警', 'Red alert'),
};

/** Higher is worse; `none` is 0. */
export const levelRank = (level: AlertLevel | 'none'): number =>
  level === 'none' ? 0 : ALERT_LEVELS.indexOf(level) + 1;

export const worstLevel = (levels: readonly (AlertLevel | 'none')[]): AlertLevel | 'none' =>
  levels.reduce<AlertLevel | 'none'>((w, l) => (levelRank(l) > levelRank(w) ? l : w), 'none');

/** The hall's own signals a suggestion is made from. */
export const ALERT_SIGNALS = [
  'waitingTickets',
  'repeatContactsToday',
  'overdueApplications',
] as const;
export type AlertSignal = (typeof ALERT_SIGNALS)[number];

export const ALERT_SIGNAL_NAMES: Record<AlertSignal, LocalizedText> = {
  waitingTickets: t('当前等候人数', 'Tickets waiting now'),
  repeatContactsToday: t('今日重复诉求（红色）', 'Repeat contacts today (red)'),
  overdueApplications: t('超期未办结申请', 'Overdue open applications'),
};

/** A count at or above `yellow` suggests yellow, and so on; each must not be below the last. */
export interface SignalThresholds {
  yellow: number;
  orange: number;
  red: number;
}

export type AlertThresholds = Record<AlertSignal, SignalThresholds>;

/**
 * The defaults are the hall's own settings (no published figure exists for a hall-wide
 * warning): the supervisor changes them on the alerts screen; every change is logged.
 */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  waitingTickets: { yellow: 20, orange: 35, red: 50 },
  repeatContactsToday: { yellow: 1, orange: 2, red: 3 },
  overdueApplications: { yellow: 1, orange: 5, red: 10 },
};

export const ALERT_THRESHOLDS_SOURCE: FigureSource = hall(
  '本厅设置：全厅预警的建议阈值（等候人数、今日重复诉求、超期申请），无公开的统一规定',
  "Hall's own setting: suggestion thresholds for hall alerts (waiting, repeat contacts today, overdue applications); no published figure",
);
