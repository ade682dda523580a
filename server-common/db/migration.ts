import type Database from 'better-sqlite3';

/**
 * One schema step. `version` is the `PRAGMA user_version` the database has once `up` has run;
 * versions are 1, 2, 3 ... with no gaps, in the order of the MIGRATIONS array.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the migration's own transaction (no BEGIN/COMMIT, no VACUUM). */
  up: string;
  /**
   * A data step run after `up` in the same transaction, for what SQL alone cannot do (sealing
   * existing values). It gets the open handle, so whatever travels with the handle (the
   * console's cipher) is there; a throw rolls the whole step back.
   */
  data?: (db: Database.Database) => void;
}
