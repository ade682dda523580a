import type { Priority } from './schemas';

/** What decides who is called next among waiting tickets. */
export interface WaitingKey {
  weight: number;
  /** Epoch ms the customer arrived (kept through a transfer). */
  arrivalAt: number;
  /** Tie-break for tickets issued in the same millisecond: order of issue. */
  order: number;
}

/** Higher priority weight first, then earlier arrival, then issue order. */
export function compareWaiting(a: WaitingKey, b: WaitingKey): number {
  return b.weight - a.weight || a.arrivalAt - b.arrivalAt || a.order - b.order;
}

export const weightOf = (weights: Record<Priority, number>, p: Priority): number => weights[p] ?? 0;
