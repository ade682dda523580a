import type { Database } from '../db';
import type { FieldCipher } from './cipher';

/**
 * The station's cipher travels with its database handle: every owner that seals or opens a
 * column (and every migration that encrypts one) asks the handle it already has, so no area
 * needs the cipher threaded through its options.
 */
const ciphers = new WeakMap<Database, FieldCipher>();

export function attachCipher(db: Database, cipher: FieldCipher): void {
  ciphers.set(db, cipher);
}

export class NoCipherError extends Error {
  constructor() {
    super('this database handle has no cipher attached (open it through createServices)');
    this.name = 'NoCipherError';
  }
}

export function cipherOf(db: Database): FieldCipher {
  const cipher = ciphers.get(db);
  if (!cipher) throw new NoCipherError();
  return cipher;
}

export function hasCipher(db: Database): boolean {
  return ciphers.has(db);
}

/**
 * The cipher looked up at first use: owners built on a handle that never seals (a backup file
 * opened to read its identity) work without one, and fail only if they try to seal or open.
 */
export function lazyCipherOf(db: Database): FieldCipher {
  const get = (): FieldCipher => cipherOf(db);
  return {
    seal: (plain, context) => get().seal(plain, context),
    open: (sealed, context) => get().open(sealed, context),
    openBytes: (sealed, context) => get().openBytes(sealed, context),
    isSealed: (value) => get().isSealed(value),
    keyIdOf: (value) => get().keyIdOf(value),
    currentKeyId: () => get().currentKeyId(),
    blindIndex: (kind, value) => get().blindIndex(kind, value),
  };
}
