import { cipherOf } from '../crypto';
import { prepared, type Database } from '../db';
import type { AlertLevel } from '../../../../shared/alerts';

/** The alert texts are free text: sealed together under this context. */
export const ALERT_TEXTS_CONTEXT = 'hall_alerts.texts';

export interface AlertTexts {
  reason: string;
  staffGuidance: string;
  customerNotice: string;
  scripts: string[];
}

export interface StoredAlert extends AlertTexts {
  id: string;
  origin: 'hall' | 'central';
  area: string | null;
  level: AlertLevel;
  startsAt: number;
  endsAt: number;
  raisedBy: string;
  endedAt: number | null;
  endedBy: string | null;
}

interface AlertRow {
  id: string;
  origin: 'hall' | 'central';
  area: string | null;
  level: AlertLevel;
  texts: string;
  starts_at: number;
  ends_at: number;
  raised_by: string;
  ended_at: number | null;
  ended_by: string | null;
}

/**
 * The owner of `hall_alerts`: alerts raised at this station and those pulled from central.
 * An alert never changes after it is raised but for its end, and an end is never undone, so a
 * pulled copy merges by keeping the earliest end either side knows.
 */
export function createAlertStore(db: Database) {
  const cipher = cipherOf(db);
  const insert = prepared(
    db,
    `INSERT INTO hall_alerts (id, origin, area, level, texts, starts_at, ends_at, raised_by,
       ended_at, ended_by, updated_at)
     VALUES (@id, @origin, @area, @level, @texts, @startsAt, @endsAt, @raisedBy, @endedAt,
       @endedBy, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET
       ended_at = coalesce(hall_alerts.ended_at, excluded.ended_at),
       ended_by = coalesce(hall_alerts.ended_by, excluded.ended_by),
       updated_at = excluded.updated_at
     WHERE hall_alerts.ended_at IS NULL AND excluded.ended_at IS NOT NULL`,
  );
  const endStmt = prepared<[number, string, number, string]>(
    db,
    'UPDATE hall_alerts SET ended_at = ?, ended_by = ?, updated_at = ? WHERE id = ? AND ended_at IS NULL',
  );
  const byIdStmt = prepared<[string], AlertRow>(db, 'SELECT * FROM hall_alerts WHERE id = ?');
  const inForceStmt = prepared<[number, number], AlertRow>(
    db,
    `SELECT * FROM hall_alerts INDEXED BY hall_alerts_ends
      WHERE ends_at > ? AND starts_at <= ? AND ended_at IS NULL ORDER BY starts_at, id`,
  );

  const opened = (r: AlertRow): StoredAlert => {
    const texts = JSON.parse(cipher.open(r.texts, ALERT_TEXTS_CONTEXT)) as AlertTexts;
    return {
      id: r.id,
      origin: r.origin,
      area: r.area,
      level: r.level,
      ...texts,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      raisedBy: r.raised_by,
      endedAt: r.ended_at,
      endedBy: r.ended_by,
    };
  };

  return {
    /** A new alert, or (pulled again) only the end it may have gained since. */
    put(a: StoredAlert, now: number): void {
      const texts: AlertTexts = {
        reason: a.reason,
        staffGuidance: a.staffGuidance,
        customerNotice: a.customerNotice,
        scripts: a.scripts,
      };
      insert.run({
        id: a.id,
        origin: a.origin,
        area: a.area,
        level: a.level,
        texts: cipher.seal(JSON.stringify(texts), ALERT_TEXTS_CONTEXT),
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        raisedBy: a.raisedBy,
        endedAt: a.endedAt,
        endedBy: a.endedBy,
        updatedAt: now,
      });
    },
    /** True when the alert was in force and is now ended. */
    end: (id: string, at: number, by: string): boolean => endStmt.run(at, by, at, id).changes === 1,
    byId: (id: string): StoredAlert | undefined => {
      const row = byIdStmt.get(id);
      return row && opened(row);
    },
    inForce: (now: number): StoredAlert[] => inForceStmt.all(now, now).map(opened),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
