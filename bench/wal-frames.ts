import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * Pages a write path puts in the WAL per operation: the log emptied first (a TRUNCATE
 * checkpoint), SQLite's auto-checkpoint off while `run` does `n` operations, then the log's
 * growth counted in frames (one page each). Every frame is written, fsynced and later copied
 * into the database by a checkpoint, so the count follows the commit's cost without the
 * machine's load in it.
 */
export async function walFramesPer(
  db: Database.Database,
  file: string,
  n: number,
  run: () => unknown,
): Promise<number> {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const auto = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  try {
    await run();
  } finally {
    db.pragma(`wal_autocheckpoint = ${auto}`);
  }
  const bytes = statSync(`${file}-wal`).size - WAL_HEADER;
  return bytes / (pageSize + FRAME_HEADER) / n;
}
