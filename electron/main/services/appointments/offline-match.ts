import { createHmac, scrypt, timingSafeEqual } from 'node:crypto';
import { normalizePhone } from '../../../../shared/validators/normalize';

/**
 * How a station recognises a booking while the hall hub is down, without holding any phone or
 * code (docs/appointments.md "Check-in with the hub down"). The hub gives its stations, per hall
 * day, a random-looking day key and, per booking, the `match`: scrypt of the whole mobile and
 * the code, salted with that key and the day. A customer's typed pair gives the same match
 * only if both are right. The station keeps the day key sealed with its own data key, so a
 * stolen station file cannot test guesses at all; with the key too, every guess costs one
 * scrypt (the masked phone leaves 10^4 numbers times 10^6 codes per booking).
 *
 * The replay `proof` is a second, cheap HMAC of the same pair bound to the booking's id: the
 * station can make it only from what the customer typed (the copy does not hold it), and the
 * hub recomputes it from the booking it keeps.
 */

/** scrypt cost: about 16 MiB and a few tens of ms per match on a hall PC. */
export const MATCH_COST = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const pairText = (mobile: string, code: string): string =>
  `${normalizePhone(mobile)}\u0000${code.trim()}`;

/** The match of a phone and code on `day` under that day's key (base64url, 32 bytes). */
export function matchOf(
  dayKey: string,
  day: string,
  mobile: string,
  code: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(
      pairText(mobile, code),
      `appt-offline\u0000${day}\u0000${dayKey}`,
      32,
      MATCH_COST,
      (err, out) => (err ? reject(err) : resolve(out.toString('base64url'))),
    );
  });
}

/** The proof a replayed check-in carries: that the station was shown this booking's pair. */
export function proofOf(dayKey: string, bookingId: string, mobile: string, code: string): string {
  return createHmac('sha256', dayKey)
    .update(`appt-replay\u0000${bookingId}\u0000${pairText(mobile, code)}`, 'utf8')
    .digest('base64url');
}

/** Constant-time comparison of two proofs (a wrong one of any length is simply false). */
export function sameProof(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
