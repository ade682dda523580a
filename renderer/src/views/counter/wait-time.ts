/** Whole minutes a customer has waited since taking the ticket (0 for a clock running behind). */
export function minutesWaited(issuedAt: string, now: Date): number {
  const ms = now.getTime() - Date.parse(issuedAt);
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 60_000)) : 0;
}
