export { createFieldCipher, normaliseForIndex, SealedValueError } from './cipher';
export type { FieldCipher, IndexKind } from './cipher';
export {
  addDataKey,
  defaultKeyFile,
  dropOldDataKeys,
  ephemeralKeys,
  FILE_MODE_WRAPPER,
  KeyFileError,
  loadOrCreateKeys,
} from './keys';
export type { HallKeys, KeyWrapper, LoadedKeys } from './keys';
export { attachCipher, cipherOf, hasCipher, lazyCipherOf, NoCipherError } from './attached';
export { storedIdentifiers } from './identifiers';
export type { PlainIdentifiers, StoredIdentifiers } from './identifiers';
