import { randomBytes } from 'node:crypto';
import { normalizeRecoveryCode } from '../../../../shared/auth/schemas';

// Crockford base32: no I, L, O or U, so the code reads back without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20; // 20 × 5 bits = 100 bits of randomness

/** A fresh one-time recovery code, printed as five groups of four (e.g. `7K2M-…`). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What is hashed and compared: the code without separators, in Crockford's reading. */
export const recoveryCodeKey = (code: string): string => normalizeRecoveryCode(code);
