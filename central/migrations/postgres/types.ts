/** One step of central's PostgreSQL schema: the twin of the SQLite migration with its version. */
export interface PostgresMigration {
  version: number;
  /** The same name as the SQLite migration of this version (a test compares them). */
  name: string;
  /** Statements separated by semicolons, run in one transaction. */
  up: string;
}
