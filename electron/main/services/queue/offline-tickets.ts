import { prepared, type Database } from '../db';
import { hallDate } from '../../../../shared/hall-time';
import { offlineTicketNumber } from '../../../../shared/queue/numbering';
import type { Channel, Priority } from '../../../../shared/queue/schemas';

export interface OfflineTicketRow {
  id: string;
  number: string;
  day: string;
  prefix: string;
  seq: number;
  service_code: string;
  priority: Priority;
  channel: Channel;
  issued_at: number;
  state: 'pending' | 'merged' | 'void';
}

/**
 * Tickets a station issues while the shared queue cannot be reached. Numbered per station, day
 * and prefix (G01-A001) so they never clash with the hall's numbers or another station's, and
 * merged into the shared queue with their original time once it answers again.
 */
export function createOfflineTickets(db: Database, stationCode: string) {
  const lastSeq = prepared<[string, string], { seq: number | null }>(
    db,
    'SELECT max(seq) AS seq FROM queue_offline_tickets WHERE day = ? AND prefix = ?',
  );
  const insert = prepared(
    db,
    `INSERT INTO queue_offline_tickets (id, number, day, prefix, seq, service_code, priority,
       channel, issued_at) VALUES (@id, @number, @day, @prefix, @seq, @service_code, @priority,
       @channel, @issued_at)`,
  );
  const pending = prepared<[number], OfflineTicketRow>(
    db,
    "SELECT * FROM queue_offline_tickets WHERE state = 'pending' ORDER BY issued_at LIMIT ?",
  );
  const mark = prepared<[string, number | null, string | null, string]>(
    db,
    'UPDATE queue_offline_tickets SET state = ?, merged_at = ?, last_error = ? WHERE id = ?',
  );
  const noteError = prepared<[string, string]>(
    db,
    'UPDATE queue_offline_tickets SET last_error = ? WHERE id = ?',
  );
  const byId = prepared<[string], OfflineTicketRow>(
    db,
    'SELECT * FROM queue_offline_tickets WHERE id = ?',
  );
  const counts = prepared<[], { state: string; n: number }>(
    db,
    'SELECT state, count(*) AS n FROM queue_offline_tickets GROUP BY state',
  );

  return {
    /** Whether this station issued the ticket while offline (merged or not). */
    exists: (id: string): boolean => byId.get(id) !== undefined,
    /** One ticket this station issued offline (an appointment check-in asked again). */
    get: (id: string): OfflineTicketRow | undefined => byId.get(id),
    issue(t: {
      id: string;
      prefix: string;
      serviceCode: string;
      priority: Priority;
      channel: Channel;
      at: number;
    }): OfflineTicketRow {
      return db.transaction(() => {
        const day = hallDate(t.at);
        const seq = (lastSeq.get(day, t.prefix)?.seq ?? 0) + 1;
        const row: OfflineTicketRow = {
          id: t.id,
          number: offlineTicketNumber(stationCode, t.prefix, seq),
          day,
          prefix: t.prefix,
          seq,
          service_code: t.serviceCode,
          priority: t.priority,
          channel: t.channel,
          issued_at: t.at,
          state: 'pending',
        };
        const { state: _state, ...values } = row;
        insert.run(values);
        return row;
      })();
    },
    pending: (limit = 50): OfflineTicketRow[] => pending.all(limit),
    merged: (id: string, at: number): void => void mark.run('merged', at, null, id),
    /** Another hall day by the time the link came back: the shared queue refuses it. */
    void: (id: string, reason: string): void => void mark.run('void', null, reason, id),
    noteError: (id: string, reason: string): void => void noteError.run(reason, id),
    counts(): { pending: number; merged: number; void: number } {
      const out = { pending: 0, merged: 0, void: 0 };
      for (const r of counts.all()) out[r.state as keyof typeof out] = r.n;
      return out;
    },
  };
}

export type OfflineTickets = ReturnType<typeof createOfflineTickets>;
