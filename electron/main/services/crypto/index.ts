export { createFieldCipher, normaliseForIndex, SealedValueError } from './cipher';
export type { FieldCipher, IndexKind } from './cipher';
export {
  addDataKey,
  dropOldDataKeys,
  FILE_MODE_WRAPPER,
  KeyFileError,
  loadOrCreateKeys,
} from './keys';
export type { HallKeys, KeyWrapper, LoadedKeys } from './keys';
