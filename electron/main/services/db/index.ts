export { openDatabase, type OpenDatabaseOptions, type Database } from './openDatabase';
export {
  DatabaseOpenError,
  DatabaseTooNewError,
  DatabaseCorruptError,
  BackupFailedError,
  migrate,
  type MigrateResult,
  type Migration,
} from '../../../../server-common/db';
export { MIGRATIONS, LATEST_VERSION } from './migrations';
export { immediate, prepared } from './statements';
