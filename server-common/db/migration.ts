/**
 * One schema step. `version` is the `PRAGMA user_version` the database has once `up` has run;
 * versions are 1, 2, 3 ... with no gaps, in the order of the MIGRATIONS array.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the migration's own transaction (no BEGIN/COMMIT, no VACUUM). */
  up: string;
}
