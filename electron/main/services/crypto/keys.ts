import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * How the key file's secrets are protected on disk. Electron wraps them with the OS key store
 * (`safeStorage`); the web host has no key store and relies on the file's 0600 mode.
 */
export interface KeyWrapper {
  readonly kind: 'os-keystore' | 'file-0600';
  wrap(secret: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

/** No wrapping: the key file's mode is the only protection (web host, tests). */
export const FILE_MODE_WRAPPER: KeyWrapper = {
  kind: 'file-0600',
  wrap: (secret) => Buffer.from(secret),
  unwrap: (wrapped) => Buffer.from(wrapped),
};

export interface HallKeys {
  /** Every data key still able to open stored values, by id; `currentKeyId` seals new ones. */
  dataKeys: ReadonlyMap<string, Buffer>;
  currentKeyId: string;
  /** The blind index key (HMAC): separate, so an index value says nothing about the cipher. */
  indexKey: Buffer;
  wrapping: KeyWrapper['kind'];
}

const keyFileSchema = z.object({
  version: z.literal(1),
  wrapping: z.enum(['os-keystore', 'file-0600']),
  current: z.string().regex(/^k\d+$/),
  dataKeys: z.record(z.string().regex(/^k\d+$/), z.string().min(1)),
  indexKey: z.string().min(1),
});
type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyFileError extends Error {
  constructor(reason: string) {
    super(`key file unusable: ${reason}`);
    this.name = 'KeyFileError';
  }
}

const KEY_BYTES = 32;

function writeKeyFile(file: string, content: KeyFile): void {
  // Written beside, then renamed: a crash never leaves half a key file.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(content, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600); // the umask may have narrowed it further, never widened: be explicit
  renameSync(tmp, file);
}

function decode(file: KeyFile, wrapper: KeyWrapper): HallKeys {
  if (file.wrapping !== wrapper.kind) {
    throw new KeyFileError(`wrapped with ${file.wrapping}, this host uses ${wrapper.kind}`);
  }
  const unwrap = (b64: string): Buffer => {
    const key = wrapper.unwrap(Buffer.from(b64, 'base64'));
    if (key.length !== KEY_BYTES) throw new KeyFileError('a key has the wrong length');
    return key;
  };
  const dataKeys = new Map(Object.entries(file.dataKeys).map(([id, k]) => [id, unwrap(k)]));
  if (!dataKeys.has(file.current)) throw new KeyFileError('the current key is missing');
  return {
    dataKeys,
    currentKeyId: file.current,
    indexKey: unwrap(file.indexKey),
    wrapping: wrapper.kind,
  };
}

function encode(keys: HallKeys, wrapper: KeyWrapper): KeyFile {
  const wrap = (k: Buffer): string => wrapper.wrap(k).toString('base64');
  return {
    version: 1,
    wrapping: wrapper.kind,
    current: keys.currentKeyId,
    dataKeys: Object.fromEntries([...keys.dataKeys].map(([id, k]) => [id, wrap(k)])),
    indexKey: wrap(keys.indexKey),
  };
}

/** Where a station keeps its key file unless told otherwise: beside its database. */
export const defaultKeyFile = (dbFile: string): string => join(dirname(dbFile), 'hall-keys.json');

export interface LoadedKeys {
  keys: HallKeys;
  created: boolean;
  /** The file was readable by group or others and has been narrowed to 0600. */
  modeFixed: boolean;
}

/** Keys that live only as long as the process: for in-memory databases (tests, benches). */
export function ephemeralKeys(): HallKeys {
  return {
    dataKeys: new Map([['k1', randomBytes(KEY_BYTES)]]),
    currentKeyId: 'k1',
    indexKey: randomBytes(KEY_BYTES),
    wrapping: 'file-0600',
  };
}

/** Reads the station's key file, creating it (mode 0600) with fresh random keys on first use. */
export function loadOrCreateKeys(file: string, wrapper: KeyWrapper): LoadedKeys {
  if (!existsSync(file)) {
    const keys: HallKeys = {
      dataKeys: new Map([['k1', randomBytes(KEY_BYTES)]]),
      currentKeyId: 'k1',
      indexKey: randomBytes(KEY_BYTES),
      wrapping: wrapper.kind,
    };
    writeKeyFile(file, encode(keys, wrapper));
    return { keys, created: true, modeFixed: false };
  }
  let modeFixed = false;
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    modeFixed = true;
  }
  let parsed: KeyFile;
  try {
    parsed = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new KeyFileError('not a key file of this console');
  }
  return { keys: decode(parsed, wrapper), created: false, modeFixed };
}

/**
 * Adds a new data key and makes it current (the old ones stay so existing values still open
 * until the rotation has re-sealed them; `dropDataKeys` removes them afterwards).
 */
export function addDataKey(file: string, wrapper: KeyWrapper): HallKeys {
  const { keys } = loadOrCreateKeys(file, wrapper);
  const next = Math.max(...[...keys.dataKeys.keys()].map((id) => Number(id.slice(1)))) + 1;
  const id = `k${next}`;
  const rotated: HallKeys = {
    ...keys,
    dataKeys: new Map([...keys.dataKeys, [id, randomBytes(KEY_BYTES)]]),
    currentKeyId: id,
  };
  writeKeyFile(file, encode(rotated, wrapper));
  return rotated;
}

/** Keeps only the current data key (after every stored value was re-sealed with it). */
export function dropOldDataKeys(file: string, wrapper: KeyWrapper): HallKeys {
  const { keys } = loadOrCreateKeys(file, wrapper);
  const current = keys.dataKeys.get(keys.currentKeyId);
  if (!current) throw new KeyFileError('the current key is missing');
  const kept: HallKeys = { ...keys, dataKeys: new Map([[keys.currentKeyId, current]]) };
  writeKeyFile(file, encode(kept, wrapper));
  return kept;
}
