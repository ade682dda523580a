import type { Address } from '../api/schemas';
import { isPlaceholderCity } from './regions';

/**
 * The city as written in an address: none for a municipality (北京市, or the region list's
 * 市辖区 / 县) or a county the province administers directly.
 */
export const cityPart = (a: Pick<Address, 'province' | 'city'>): string =>
  a.city === a.province || isPlaceholderCity(a.city) ? '' : a.city;

/** One-line address for screens and paper (unmasked: callers decide whether to mask). */
export function formatAddress(a: Address): string {
  return [a.province, cityPart(a), a.district, a.street, a.detail]
    .filter((p) => p && p.trim() !== '')
    .join('');
}
