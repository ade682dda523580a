export { openDatabase, type OpenDatabaseOptions, type Database } from './openDatabase';
export {
  DatabaseOpenError,
  DatabaseTooNewError,
  DatabaseCorruptError,
  BackupFailedError,
} from './errors';
export { migrate, type MigrateResult } from './migrate';
export { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';
export { prepared } from './statements';
