export { openMigratedDatabase, type OpenMigratedOptions } from './open';
export {
  migrate,
  assertMigrationsOrdered,
  type MigrateOptions,
  type MigrateResult,
} from './migrate';
export { backupAndVerify, stamp } from './backup';
export type { Migration } from './migration';
export {
  CONSOLE_PRODUCT,
  DatabaseOpenError,
  DatabaseTooNewError,
  DatabaseCorruptError,
  BackupFailedError,
} from './errors';
