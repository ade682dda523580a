import type { Address } from '../api/schemas';

/** One-line address for screens and paper (unmasked: callers decide whether to mask). */
export function formatAddress(a: Address): string {
  return [a.province, a.city === a.province ? '' : a.city, a.district, a.street, a.detail]
    .filter((p) => p && p.trim() !== '')
    .join('');
}
