import { mkdtempSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDataKey,
  createFieldCipher,
  dropOldDataKeys,
  FILE_MODE_WRAPPER,
  KeyFileError,
  loadOrCreateKeys,
  SealedValueError,
  type KeyWrapper,
} from '.';

const keyFile = (): string => join(mkdtempSync(join(tmpdir(), 'hall-keys-')), 'hall-keys.json');
const ID = '11010519491231002X';

describe('key file', () => {
  it('is created with mode 0600 and holds no key in the clear of another wrapper', () => {
    const file = keyFile();
    const first = loadOrCreateKeys(file, FILE_MODE_WRAPPER);
    expect(first.created).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateKeys(file, FILE_MODE_WRAPPER);
    expect(again.created).toBe(false);
    expect(again.keys.indexKey.equals(first.keys.indexKey)).toBe(true);
  });

  it('narrows a widened mode back to 0600 and says so', () => {
    if (process.platform === 'win32') return;
    const file = keyFile();
    loadOrCreateKeys(file, FILE_MODE_WRAPPER);
    chmodSync(file, 0o644);
    expect(loadOrCreateKeys(file, FILE_MODE_WRAPPER).modeFixed).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file made by another wrapper and a file that is not a key file', () => {
    const file = keyFile();
    const xor: KeyWrapper = {
      kind: 'os-keystore',
      wrap: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
      unwrap: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
    };
    loadOrCreateKeys(file, xor);
    expect(() => loadOrCreateKeys(file, FILE_MODE_WRAPPER)).toThrow(KeyFileError);
    // An OS-wrapped file does not hold the raw key bytes.
    const raw = readFileSync(file, 'utf8');
    const { keys } = loadOrCreateKeys(file, xor);
    expect(raw).not.toContain(keys.indexKey.toString('base64'));
  });
});

describe('field cipher', () => {
  it('round-trips, never shows the plain text, and differs on every seal', () => {
    const cipher = createFieldCipher(loadOrCreateKeys(keyFile(), FILE_MODE_WRAPPER).keys);
    const a = cipher.seal(ID, 'applications.id_number');
    const b = cipher.seal(ID, 'applications.id_number');
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(cipher.isSealed(a)).toBe(true);
    expect(cipher.isSealed(ID)).toBe(false);
    expect(cipher.open(a, 'applications.id_number')).toBe(ID);
  });

  it('takes a fresh IV for every seal, across refills of its IV pool', () => {
    const cipher = createFieldCipher(loadOrCreateKeys(keyFile(), FILE_MODE_WRAPPER).keys);
    const ivs = new Set<string>();
    const count = 1000; // the pool holds 256 IVs: this crosses three refills
    for (let i = 0; i < count; i++) {
      const sealed = cipher.seal(`${ID}-${i}`, 'applications.id_number');
      const raw = Buffer.from(sealed.split('.')[2] ?? '', 'base64url');
      ivs.add(raw.subarray(0, 12).toString('hex'));
      expect(cipher.open(sealed, 'applications.id_number')).toBe(`${ID}-${i}`);
    }
    expect(ivs.size).toBe(count);
  });

  it('refuses a value moved to another column or tampered with, without echoing it', () => {
    const cipher = createFieldCipher(loadOrCreateKeys(keyFile(), FILE_MODE_WRAPPER).keys);
    const sealed = cipher.seal(ID, 'applications.id_number');
    expect(() => cipher.open(sealed, 'applications.mobile')).toThrow(SealedValueError);
    // The second-to-last character (six whole bits of the tag) changed, whatever it was: the
    // choice used to look at the last one, so one value in 64 came back unchanged.
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.slice(-1);
    expect(flipped).not.toBe(sealed);
    try {
      cipher.open(flipped, 'applications.id_number');
      expect.unreachable('a tampered value opened');
    } catch (err) {
      expect(err).toBeInstanceOf(SealedValueError);
      expect(String(err)).not.toContain(ID);
    }
  });

  it('blind index: equal for equal whole values (as typed differently), keyed per station', () => {
    const one = createFieldCipher(loadOrCreateKeys(keyFile(), FILE_MODE_WRAPPER).keys);
    const other = createFieldCipher(loadOrCreateKeys(keyFile(), FILE_MODE_WRAPPER).keys);
    expect(one.blindIndex('mobile', '13812345678')).toBe(
      one.blindIndex('mobile', '+86 138-1234-5678'),
    );
    expect(one.blindIndex('id_number', ID)).toBe(one.blindIndex('id_number', ID.toLowerCase()));
    expect(one.blindIndex('mobile', '13812345678')).not.toBe(
      one.blindIndex('mobile', '13812345679'),
    );
    expect(one.blindIndex('mobile', '13812345678')).not.toBe(
      other.blindIndex('mobile', '13812345678'),
    );
    // The kind is part of the input: the same digits index differently per column kind.
    expect(one.blindIndex('account_no', '1381234567')).not.toBe(
      one.blindIndex('mobile', '1381234567'),
    );
  });

  it('rotation: old values open under a new current key until the old keys are dropped', () => {
    const file = keyFile();
    const before = createFieldCipher(loadOrCreateKeys(file, FILE_MODE_WRAPPER).keys);
    const old = before.seal(ID, 'c');
    const rotated = createFieldCipher(addDataKey(file, FILE_MODE_WRAPPER));
    expect(rotated.currentKeyId()).toBe('k2');
    expect(rotated.open(old, 'c')).toBe(ID);
    const resealed = rotated.seal(rotated.open(old, 'c'), 'c');
    expect(rotated.keyIdOf(resealed)).toBe('k2');
    const after = createFieldCipher(dropOldDataKeys(file, FILE_MODE_WRAPPER));
    expect(after.open(resealed, 'c')).toBe(ID);
    expect(() => after.open(old, 'c')).toThrow(SealedValueError);
    expect(after.blindIndex('id_number', ID)).toBe(before.blindIndex('id_number', ID));
  });
});
