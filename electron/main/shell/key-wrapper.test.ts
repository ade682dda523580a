import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileError, FILE_MODE_WRAPPER, loadOrCreateKeys } from '../services/crypto';
import { safeStorageKeyWrapper, type SafeStorageLike } from './key-wrapper';

/** A stand-in for safeStorage: a reversible transform keyed per "OS account". */
const fakeSafeStorage = (account: number, available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`os${account}:${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => {
    const [tag, hex] = b.toString().split(':');
    if (tag !== `os${account}`) throw new Error('not this account');
    return Buffer.from(hex ?? '', 'hex').toString();
  },
});

describe('safeStorage key wrapper', () => {
  it('wraps the key file through the OS key store and reopens it with the same keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hall-wrap-')), 'hall-keys.json');
    const wrapper = safeStorageKeyWrapper(fakeSafeStorage(1));
    if (!wrapper) throw new Error('expected a wrapper');
    const first = loadOrCreateKeys(file, wrapper).keys;
    const again = loadOrCreateKeys(file, wrapper).keys;
    expect(again.indexKey.equals(first.indexKey)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(first.indexKey.toString('base64'));
    // Another OS account cannot unwrap; a file-mode reader is refused outright.
    const other = safeStorageKeyWrapper(fakeSafeStorage(2));
    expect(() => loadOrCreateKeys(file, other!)).toThrow();
    expect(() => loadOrCreateKeys(file, FILE_MODE_WRAPPER)).toThrow(KeyFileError);
  });

  it('gives no wrapper when the OS has no key store', () => {
    expect(safeStorageKeyWrapper(fakeSafeStorage(1, false))).toBeUndefined();
  });
});
