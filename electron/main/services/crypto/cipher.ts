import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomFillSync,
  type KeyObject,
} from 'node:crypto';
import type { HallKeys } from './keys';
import { normalizeCode, normalizePhone } from '../../../../shared/validators/normalize';

/**
 * Sealed values look like `e1.<keyId>.<base64url(iv | tag | ciphertext)>`: the prefix lets a
 * migration tell sealed from plain rows and a rotation find values under an old key.
 */
const PREFIX = 'e1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`sealed value cannot be opened: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/** What a blind index is computed over: the kinds of whole values searched exactly. */
export type IndexKind = 'id_number' | 'mobile' | 'credit_code' | 'account_no';

export interface FieldCipher {
  /**
   * AES-256-GCM under the current data key. `context` (e.g. `applications.id_number`) is bound
   * as associated data, so a sealed value moved to another column does not open.
   */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** `open` as UTF-8 bytes, for a value that goes on as bytes (a push body): no decoding. */
  openBytes(sealed: string, context: string): Buffer;
  isSealed(value: string): boolean;
  /** The id of the key a value was sealed with (for rotation), or null for plain text. */
  keyIdOf(value: string): string | null;
  currentKeyId(): string;
  /** HMAC-SHA256 of the normalised whole value: equal values give equal indexes, nothing else. */
  blindIndex(kind: IndexKind, value: string): string;
}

/** Whole-value normalisation before indexing: what a clerk may type differently. */
export function normaliseForIndex(kind: IndexKind, value: string): string {
  return kind === 'mobile' ? normalizePhone(value) : normalizeCode(value);
}

/**
 * Fresh random IVs taken from a pool refilled from the CSPRNG a few hundred at a time: one
 * system call per pool instead of one per sealed value (a submit seals several).
 */
function ivSource(): () => Buffer {
  const pool = Buffer.alloc(IV_BYTES * 256);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    // A view, used at once (the IV is copied into the sealed value before the next refill).
    const iv = pool.subarray(offset, offset + IV_BYTES);
    offset += IV_BYTES;
    return iv;
  };
}

/** Per-call cost matters (several seals per submit): key objects and AAD buffers are made once. */
export function createFieldCipher(keys: HallKeys): FieldCipher {
  const keyObjects = new Map<string, { raw: Buffer; key: KeyObject }>();
  const keyOf = (id: string): KeyObject => {
    const raw = keys.dataKeys.get(id);
    if (!raw) throw new SealedValueError(`unknown key ${id}`);
    const cached = keyObjects.get(id);
    if (cached?.raw === raw) return cached.key;
    const key = createSecretKey(raw);
    keyObjects.set(id, { raw, key });
    return key;
  };
  const indexKey = createSecretKey(keys.indexKey);
  const aads = new Map<string, Buffer>();
  const aadOf = (context: string): Buffer => {
    let aad = aads.get(context);
    if (!aad) {
      aad = Buffer.from(context, 'utf8');
      // Contexts are a handful of column names (sync_state adds one per key): bounded anyway.
      if (aads.size < 256) aads.set(context, aad);
    }
    return aad;
  };
  const nextIv = ivSource();
  const parts = (value: string): [string, string, string] | null => {
    const [prefix, keyId, body, ...rest] = value.split('.');
    if (prefix !== PREFIX || !keyId || !body || rest.length > 0) return null;
    return [prefix, keyId, body];
  };
  const openBytes = (sealed: string, context: string): Buffer => {
    const p = parts(sealed);
    if (!p) throw new SealedValueError('not a sealed value');
    const raw = Buffer.from(p[2], 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealedValueError('truncated');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(p[1]), raw.subarray(0, IV_BYTES));
    decipher.setAAD(aadOf(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      // GCM's final() adds no bytes; it checks the tag.
      const plain = decipher.update(raw.subarray(IV_BYTES + TAG_BYTES));
      decipher.final();
      return plain;
    } catch {
      // Never echo the value: the reason is enough to find the row.
      throw new SealedValueError('authentication failed');
    }
  };
  return {
    seal(plain, context) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', keyOf(keys.currentKeyId), iv);
      cipher.setAAD(aadOf(context));
      const body = cipher.update(plain, 'utf8');
      const tail = cipher.final();
      const sealed = Buffer.concat([iv, cipher.getAuthTag(), body, tail]).toString('base64url');
      return `${PREFIX}.${keys.currentKeyId}.${sealed}`;
    },
    open: (sealed, context) => openBytes(sealed, context).toString('utf8'),
    openBytes,
    isSealed: (value) => parts(value) !== null,
    keyIdOf: (value) => parts(value)?.[1] ?? null,
    currentKeyId: () => keys.currentKeyId,
    blindIndex(kind, value) {
      return createHmac('sha256', indexKey)
        .update(`${kind}\u0000${normaliseForIndex(kind, value)}`, 'utf8')
        .digest('base64url')
        .slice(0, 32);
    },
  };
}
