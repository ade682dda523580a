import { describe, expect, it } from 'vitest';
import { createFieldCipher, ephemeralKeys, SealedValueError } from '.';

/** openBytes: the same check as open, the plain value as UTF-8 bytes (a push body's payload). */
describe('opening a sealed value as bytes', () => {
  const cipher = createFieldCipher(ephemeralKeys());
  const plain = '{"address":"浙江省杭州市西湖区文三路 123 号","name":"张三"}';

  it('gives the UTF-8 of what open gives', () => {
    const sealed = cipher.seal(plain, 'outbox.payload');
    const bytes = cipher.openBytes(sealed, 'outbox.payload');
    expect(bytes.equals(Buffer.from(plain, 'utf8'))).toBe(true);
    expect(cipher.open(sealed, 'outbox.payload')).toBe(plain);
  });

  it('refuses another context and a changed ciphertext, returning nothing of the value', () => {
    const sealed = cipher.seal(plain, 'outbox.payload');
    expect(() => cipher.openBytes(sealed, 'outbox.response')).toThrow(SealedValueError);
    // A character well inside the ciphertext (after the IV and tag) changed.
    const at = sealed.length - 20;
    const changed = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(changed).not.toBe(sealed);
    let opened: Buffer | undefined;
    try {
      opened = cipher.openBytes(changed, 'outbox.payload');
    } catch (err) {
      expect(err).toBeInstanceOf(SealedValueError);
      expect(String(err)).not.toContain('张三');
    }
    expect(opened).toBeUndefined();
  });
});
