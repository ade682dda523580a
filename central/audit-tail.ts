import { all, forUpdate, get, run, type CentralStore, type Work } from './store/work';
import type { AuditTail } from '../shared/sync/protocol';

export type TailRefusal = 'backwards' | 'rewritten';

export interface AuditAlert {
  deviceId: string;
  reason: TailRefusal;
  knownId: number;
  reportedId: number;
  at: string;
}

/**
 * The latest audit-trail tail (last row id and hash) each device reported with its pushes. The
 * station's trail is append-only and hash-chained, so its tail only moves forward: a tail that
 * goes back, or a known id whose hash changed, means rows were cut off the end or rewritten.
 * Such a tail is not kept; it is recorded as an alert the admin sees in stats.
 */
export class AuditTails {
  constructor(
    private readonly store: CentralStore,
    private readonly now: () => number,
  ) {}

  report(deviceId: string, tail: AuditTail): Promise<'accepted' | 'refused'> {
    return this.store.write(() => this.reportWork(deviceId, tail));
  }

  /** Inside the push's own transaction, or alone. */
  *reportWork(deviceId: string, tail: AuditTail): Work<'accepted' | 'refused'> {
    const known = yield* get<{ last_id: number; last_hash: string }>(
      forUpdate('SELECT last_id, last_hash FROM audit_tails WHERE device_id = ?'),
      deviceId,
    );
    const refusal: TailRefusal | undefined = !known
      ? undefined
      : tail.lastId < known.last_id
        ? 'backwards'
        : tail.lastId === known.last_id && tail.hash !== known.last_hash
          ? 'rewritten'
          : undefined;
    if (refusal && known) {
      yield* run(
        `INSERT INTO audit_tail_refusals (device_id, reason, known_id, reported_id, at)
           VALUES (?, ?, ?, ?, ?)`,
        deviceId,
        refusal,
        known.last_id,
        tail.lastId,
        this.now(),
      );
      return 'refused';
    }
    yield* run(
      `INSERT INTO audit_tails (device_id, last_id, last_hash, reported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET last_id = excluded.last_id,
           last_hash = excluded.last_hash, reported_at = excluded.reported_at`,
      deviceId,
      tail.lastId,
      tail.hash,
      this.now(),
    );
    return 'accepted';
  }

  /** The refused tails, newest first (the admin's alert list). */
  async alerts(limit = 100): Promise<AuditAlert[]> {
    const rows = await this.store.read(() =>
      all<{
        device_id: string;
        reason: TailRefusal;
        known_id: number;
        reported_id: number;
        at: number;
      }>(
        `SELECT device_id, reason, known_id, reported_id, at FROM audit_tail_refusals
           ORDER BY id DESC LIMIT ?`,
        limit,
      ),
    );
    return rows.map((r) => ({
      deviceId: r.device_id,
      reason: r.reason,
      knownId: r.known_id,
      reportedId: r.reported_id,
      at: new Date(r.at).toISOString(),
    }));
  }

  async refusedCount(): Promise<number> {
    const row = await this.store.read(() =>
      get<{ n: number }>('SELECT count(*) AS n FROM audit_tail_refusals'),
    );
    return row?.n ?? 0;
  }
}
