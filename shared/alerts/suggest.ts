import {
  ALERT_SIGNALS,
  levelRank,
  worstLevel,
  type AlertLevel,
  type AlertSignal,
  type AlertThresholds,
  type SignalThresholds,
} from './levels';

/** The hall's signals as counted now; null when a signal could not be read (say so, never 0). */
export type AlertSignals = Record<AlertSignal, number | null>;

export interface SignalVerdict {
  signal: AlertSignal;
  value: number | null;
  level: AlertLevel | 'none';
  /** The threshold that was reached (null when none was). */
  threshold: number | null;
}

export interface AlertSuggestion {
  level: AlertLevel | 'none';
  signals: SignalVerdict[];
}

export function levelFor(value: number | null, t: SignalThresholds): SignalVerdict['level'] {
  if (value === null) return 'none';
  if (value >= t.red) return 'red';
  if (value >= t.orange) return 'orange';
  if (value >= t.yellow) return 'yellow';
  return 'none';
}

/**
 * A suggested level from the hall's own signals: the worst of each signal's level. Only a
 * suggestion: a supervisor confirms it (alerts.raise) with a reason and texts of their own.
 */
export function suggestLevel(signals: AlertSignals, thresholds: AlertThresholds): AlertSuggestion {
  const verdicts = ALERT_SIGNALS.map((signal): SignalVerdict => {
    const value = signals[signal];
    const level = levelFor(value, thresholds[signal]);
    return { signal, value, level, threshold: level === 'none' ? null : thresholds[signal][level] };
  });
  return { level: worstLevel(verdicts.map((v) => v.level)), signals: verdicts };
}

/** Thresholds must rise from yellow to red: the first signal where they do not, or null. */
export function unorderedSignal(thresholds: AlertThresholds): AlertSignal | null {
  for (const s of ALERT_SIGNALS) {
    const { yellow, orange, red } = thresholds[s];
    if (!(yellow >= 1 && orange >= yellow && red >= orange)) return s;
  }
  return null;
}

export { levelRank };
