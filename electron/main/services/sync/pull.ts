import { prepared, type Database } from '../db';
import { createApplicationRepository } from '../applications/repository';
import type { ChangesPage } from '../../../../shared/sync/protocol';
import type { SyncState } from './sync-state';

/**
 * Applies one page of the change feed and stores its cursor in ONE transaction, so a crash
 * leaves either both or neither. The cursor only moves forward, a mirror row only takes a
 * newer change, and only the central fields (number, stage) are written: local state and
 * content stay as the clerk and the outbox left them, so a local change still pending is never
 * overwritten.
 */
/** The owner of sync_mirror's writes: the central change feed, one page at a time. */
export function createPuller(db: Database, state: SyncState) {
  const applications = createApplicationRepository(db);
  const upsert = prepared(
    db,
    `
    INSERT INTO sync_mirror (application_id, central_no, stage, stage_index, stage_count, stage_at,
      version, payload_hash, seq)
    VALUES (@applicationId, @centralNo, @stage, @stageIndex, @stageCount, @stageAt, @version,
      @payloadHash, @seq)
    ON CONFLICT (application_id) DO UPDATE SET central_no = excluded.central_no,
      stage = excluded.stage, stage_index = excluded.stage_index,
      stage_count = excluded.stage_count, stage_at = excluded.stage_at,
      version = excluded.version, payload_hash = excluded.payload_hash, seq = excluded.seq
    WHERE excluded.seq > sync_mirror.seq`,
  );

  return {
    applyPage(page: ChangesPage, beforeCommit?: () => void): { applied: number; cursor: number } {
      return db.transaction(() => {
        const cursor = state.pullCursor();
        let applied = 0;
        for (const c of page.changes) {
          if (c.seq <= cursor) continue; // already applied: never go back
          // The feed is per hall: other stations' applications are not ours to mirror.
          if (!applications.exists(c.applicationId)) continue;
          const changed = upsert.run({ ...c, stageAt: Date.parse(c.stageAt) }).changes;
          if (changed === 1) {
            applications.mirrorCentral(c.applicationId, c.centralNo, c.stage);
            applied++;
          }
        }
        const next = Math.max(cursor, page.nextCursor, page.changes.at(-1)?.seq ?? 0);
        state.write('pull_cursor', String(next));
        beforeCommit?.();
        return { applied, cursor: next };
      })();
    },
  };
}

export type Puller = ReturnType<typeof createPuller>;
