/**
 * Figures still to be checked are marked "(confirm)" in data and settings, for staff. Such a
 * mark is a note to the hall, not to a customer: customer screens show the text without it.
 */
const REVIEW_MARK = /\s*[（(]\s*(?:confirm|待确认)\s*[）)]/gi;

export const withoutReviewMarks = (text: string): string => text.replace(REVIEW_MARK, '').trim();

/** The same data with every string stripped of review marks (for content a kiosk shows). */
export function forCustomers<T>(value: T): T {
  if (typeof value === 'string') return withoutReviewMarks(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => forCustomers(v)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, forCustomers(v as unknown)]),
    ) as T;
  return value;
}
