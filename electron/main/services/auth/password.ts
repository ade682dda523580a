import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: OWASP's minimum is N=2^17, r=8, p=1; tests may lower it to stay fast. */
export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

export const OWASP_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below OWASP's cost. */
const maxmemFor = (c: ScryptCost): number => 256 * 2 ** c.log2N * c.r + 16 * 1024 * 1024;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFC'),
      salt,
      KEY_BYTES,
      { N: 2 ** cost.log2N, r: cost.r, p: cost.p, maxmem: maxmemFor(cost) },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** `scrypt$log2N$r$p$salt$hash`: the cost travels with the hash so it can be raised later. */
export async function hashSecret(secret: string, cost: ScryptCost = OWASP_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, cost);
  return [
    'scrypt',
    cost.log2N,
    cost.r,
    cost.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** Constant-time comparison; a malformed stored hash verifies nothing. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![log2N, r, p].every((n) => Number.isInteger(n) && n > 0) || log2N > 22) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const key = await derive(secret, salt, { log2N, r, p });
  return timingSafeEqual(key, expected);
}
