import type { Priority } from './schemas';

/** A ticket's priority weight: higher is called first, then earlier arrival, then issue order. */
export const weightOf = (weights: Record<Priority, number>, p: Priority): number => weights[p] ?? 0;
