import type { KeyWrapper } from '../services/crypto';

/** The part of Electron's `safeStorage` the key file needs (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The station's keys wrapped by the OS key store (DPAPI, Keychain, libsecret): the key file
 * then holds nothing usable on another machine or account. Undefined when the OS offers no key
 * store, so the caller falls back to the file-mode key file and says so.
 */
export function safeStorageKeyWrapper(safe: SafeStorageLike): KeyWrapper | undefined {
  if (!safe.isEncryptionAvailable()) return undefined;
  return {
    kind: 'os-keystore',
    wrap: (secret) => safe.encryptString(secret.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safe.decryptString(wrapped), 'base64'),
  };
}
