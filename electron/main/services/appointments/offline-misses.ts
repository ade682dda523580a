import { prepared, type Database } from '../db';

/**
 * The owner of `appt_copy_misses`: the misses of check-in from the appointment copy, kept in
 * the station's file so a restart does not reset the slow-down. Times only, never the pair.
 */
export function createOfflineMisses(db: Database) {
  const insert = prepared<[number]>(db, 'INSERT INTO appt_copy_misses (at) VALUES (?)');
  const prune = prepared<[number]>(db, 'DELETE FROM appt_copy_misses WHERE at < ?');
  const since = prepared<[number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM appt_copy_misses WHERE at >= ?',
  );
  return {
    record: (at: number): void => void insert.run(at),
    /** Misses at or after `cutoff`; older ones are dropped (they count for nothing now). */
    countSince(cutoff: number): number {
      prune.run(cutoff);
      return since.get(cutoff)?.n ?? 0;
    },
  };
}

export type OfflineMisses = ReturnType<typeof createOfflineMisses>;
