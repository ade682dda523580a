import type { CentralDb } from './db';
import { sqlFor, type Sql } from './sql';
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
  private readonly sql: Sql;

  constructor(
    db: CentralDb,
    private readonly now: () => number,
  ) {
    this.sql = sqlFor(db);
  }

  report(deviceId: string, tail: AuditTail): 'accepted' | 'refused' {
    const known = this.sql<[string], { last_id: number; last_hash: string }>(
      'SELECT last_id, last_hash FROM audit_tails WHERE device_id = ?',
    ).get(deviceId);
    const refusal: TailRefusal | undefined = !known
      ? undefined
      : tail.lastId < known.last_id
        ? 'backwards'
        : tail.lastId === known.last_id && tail.hash !== known.last_hash
          ? 'rewritten'
          : undefined;
    if (refusal && known) {
      this.sql(
        `INSERT INTO audit_tail_refusals (device_id, reason, known_id, reported_id, at)
           VALUES (?, ?, ?, ?, ?)`,
      ).run(deviceId, refusal, known.last_id, tail.lastId, this.now());
      return 'refused';
    }
    this.sql(
      `INSERT INTO audit_tails (device_id, last_id, last_hash, reported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET last_id = excluded.last_id,
           last_hash = excluded.last_hash, reported_at = excluded.reported_at`,
    ).run(deviceId, tail.lastId, tail.hash, this.now());
    return 'accepted';
  }

  /** The refused tails, newest first (the admin's alert list). */
  alerts(limit = 100): AuditAlert[] {
    return this.sql<
      [number],
      { device_id: string; reason: TailRefusal; known_id: number; reported_id: number; at: number }
    >(
      `SELECT device_id, reason, known_id, reported_id, at FROM audit_tail_refusals
         ORDER BY id DESC LIMIT ?`,
    )
      .all(limit)
      .map((r) => ({
        deviceId: r.device_id,
        reason: r.reason,
        knownId: r.known_id,
        reportedId: r.reported_id,
        at: new Date(r.at).toISOString(),
      }));
  }

  refusedCount(): number {
    return (
      this.sql<[], { n: number }>('SELECT count(*) AS n FROM audit_tail_refusals').get()?.n ?? 0
    );
  }
}
