import { cipherOf } from '../crypto';
import { prepared, type Database } from '../db';
import type { PlannedOutage } from '../../../../shared/sync/outage-payloads';

/** What is affected and the customer notice are free text: sealed together under this context. */
export const OUTAGE_TEXTS_CONTEXT = 'planned_outages.texts';

export interface StoredOutage {
  id: string;
  area: string;
  startsAt: number;
  endsAt: number;
  affected: string;
  customerNotice: string;
  publishedAt: number;
}

interface OutageRow {
  id: string;
  area: string;
  starts_at: number;
  ends_at: number;
  texts: string;
  published_at: number;
}

/**
 * The owner of `planned_outages`: central's planned outages for the hall's area as last pulled.
 * Central answers the whole current set, so a pull replaces it (one withdrawn there goes here).
 */
export function createOutageStore(db: Database) {
  const cipher = cipherOf(db);
  const clear = prepared(db, 'DELETE FROM planned_outages');
  const insert = prepared(
    db,
    `INSERT INTO planned_outages (id, area, starts_at, ends_at, texts, published_at, pulled_at)
     VALUES (@id, @area, @startsAt, @endsAt, @texts, @publishedAt, @pulledAt)`,
  );
  const notEnded = prepared<[number], OutageRow>(
    db,
    'SELECT * FROM planned_outages WHERE ends_at > ? ORDER BY starts_at, id',
  );

  const opened = (r: OutageRow): StoredOutage => {
    const texts = JSON.parse(cipher.open(r.texts, OUTAGE_TEXTS_CONTEXT)) as {
      affected: string;
      customerNotice: string;
    };
    return {
      id: r.id,
      area: r.area,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      ...texts,
      publishedAt: r.published_at,
    };
  };

  return {
    replace(outages: readonly PlannedOutage[], now: number): void {
      db.transaction(() => {
        clear.run();
        for (const o of outages) {
          const texts = JSON.stringify({ affected: o.affected, customerNotice: o.customerNotice });
          insert.run({
            id: o.id,
            area: o.area,
            startsAt: Date.parse(o.startsAt),
            endsAt: Date.parse(o.endsAt),
            texts: cipher.seal(texts, OUTAGE_TEXTS_CONTEXT),
            publishedAt: Date.parse(o.publishedAt),
            pulledAt: now,
          });
        }
      })();
    },
    /** Those in progress or still to come, soonest first. */
    notEnded: (now: number): StoredOutage[] => notEnded.all(now).map(opened),
  };
}

export type OutageStore = ReturnType<typeof createOutageStore>;
