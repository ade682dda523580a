/**
 * What the hall calls the things an operation is about, by the part of its kind before the dot
 * (application.submit, customer.contact, request.fault, alert.raise); 'other' for any new kind.
 * A module without zod: the always-visible sync indicator reads it in the renderer's entry chunk.
 */
export const WAITING_FAMILIES = ['application', 'customer', 'request', 'alert', 'other'] as const;
export type WaitingFamily = (typeof WAITING_FAMILIES)[number];
export const waitingFamilyOf = (kind: string): WaitingFamily => {
  const head = kind.split('.')[0] ?? '';
  return (WAITING_FAMILIES as readonly string[]).includes(head) ? (head as WaitingFamily) : 'other';
};
