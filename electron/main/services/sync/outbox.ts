import type { Database } from '../db';
import type { OpResult } from '../../../../shared/sync/protocol';

export interface OutboxRow {
  seq: number;
  op_id: string;
  application_id: string;
  kind: string;
  payload: string;
  payload_hash: string;
  created_at: number;
  state: 'pending' | 'acked' | 'dead' | 'conflict' | 'discarded';
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  acked_at: number | null;
  response: string | null;
}

export interface OutboxCounts {
  created: number;
  acknowledged: number;
  dead: number;
  conflict: number;
  pending: number;
  discarded: number;
  /** Pending, but behind a dead or conflicting operation of the same application. */
  blocked: number;
}

/** An outcome the engine decided itself (a batch-level 400/409 on a single operation). */
export interface LocalVerdict {
  status: 'rejected' | 'conflict';
  detail: string;
}

/**
 * The engine's statements over the outbox and the application states it derives from it.
 * Operations of one application go strictly in seq order: an operation is eligible only when
 * every earlier operation of its application is acknowledged or discarded.
 */
export function createOutbox(db: Database) {
  const next = db.prepare<[number], OutboxRow>(`
    SELECT o.* FROM outbox o
     WHERE o.state = 'pending'
       AND NOT EXISTS (SELECT 1 FROM outbox p
                        WHERE p.application_id = o.application_id AND p.seq < o.seq
                          AND p.state IN ('pending', 'dead', 'conflict'))
     ORDER BY o.seq LIMIT ?`);
  const attempt = db.prepare<[number, number]>(
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE seq = ? AND state = 'pending'",
  );
  const failNote = db.prepare<[string, number]>(
    "UPDATE outbox SET last_error = ? WHERE seq = ? AND state = 'pending'",
  );
  const ack = db.prepare<[number, string, number]>(`
    UPDATE outbox SET state = 'acked', acked_at = ?, response = ?, last_error = NULL
     WHERE seq = ? AND state = 'pending'`);
  const settle = db.prepare<[string, string, string, number]>(`
    UPDATE outbox SET state = ?, last_error = ?, response = ? WHERE seq = ? AND state = 'pending'`);
  const setCentral = db.prepare<[string, string | null, string]>(`
    UPDATE applications SET central_no = ?, central_stage = COALESCE(central_stage, ?) WHERE id = ?`);
  // Derived, so it is right after a crash at any point: the outbox is the truth. Read through
  // the per-application index (a state filter would make the planner scan every pending row).
  const opsOfApp = db.prepare<[string], { state: OutboxRow['state']; attempts: number }>(
    'SELECT state, attempts FROM outbox INDEXED BY outbox_app WHERE application_id = ?',
  );
  const setState = db.prepare<[string, string]>(`
    UPDATE applications SET state = ?
     WHERE id = ? AND state IN ('queued', 'sent', 'acknowledged', 'rejected', 'conflict')`);
  const centralNoOf = db.prepare<[string], { central_no: string | null }>(
    'SELECT central_no FROM applications WHERE id = ?',
  );
  const deriveState = (id: string): void => {
    const ops = opsOfApp.all(id);
    const has = (state: OutboxRow['state'], sent = false) =>
      ops.some((o) => o.state === state && (!sent || o.attempts > 0));
    const state = has('conflict')
      ? 'conflict'
      : has('dead')
        ? 'rejected'
        : has('pending', true)
          ? 'sent'
          : has('pending')
            ? 'queued'
            : centralNoOf.get(id)?.central_no
              ? 'acknowledged'
              : 'rejected';
    setState.run(state, id);
  };
  const countStates = db.prepare<[], { state: string; n: number }>(
    'SELECT state, count(*) AS n FROM outbox GROUP BY state',
  );
  const countBlocked = db.prepare<[], { n: number }>(`
    SELECT count(*) AS n FROM outbox o WHERE o.state = 'pending'
       AND EXISTS (SELECT 1 FROM outbox p WHERE p.application_id = o.application_id
                      AND p.seq < o.seq AND p.state IN ('dead', 'conflict'))`);

  const refreshStates = (rows: readonly OutboxRow[]) => {
    for (const id of new Set(rows.map((r) => r.application_id))) deriveState(id);
  };

  return {
    nextBatch: (limit: number): OutboxRow[] => next.all(limit),

    /** Counted before sending, so attempts survive a crash mid-request. */
    markAttempt(rows: readonly OutboxRow[], now: number): void {
      db.transaction(() => {
        for (const r of rows) attempt.run(now, r.seq);
        refreshStates(rows);
      })();
    },

    noteFailure(rows: readonly OutboxRow[], detail: string): void {
      db.transaction(() => {
        for (const r of rows) failNote.run(detail, r.seq);
      })();
    },

    /** Records the central answers of a batch and the application states, in one transaction. */
    recordResults(
      rows: readonly OutboxRow[],
      results: readonly OpResult[],
      now: number,
    ): { acked: number; dead: number; conflict: number } {
      const tally = { acked: 0, dead: 0, conflict: 0 };
      db.transaction(() => {
        rows.forEach((row, i) => {
          const r = results[i];
          if (!r) return;
          const response = JSON.stringify(r);
          if (r.status === 'applied' || r.status === 'duplicate') {
            if (ack.run(now, response, row.seq).changes === 1) tally.acked++;
            if (r.centralNo) setCentral.run(r.centralNo, r.stage ?? null, row.application_id);
          } else {
            const detail = [r.reasonCode, r.field].filter(Boolean).join(' ') || r.status;
            const state = r.status === 'rejected' ? 'dead' : 'conflict';
            if (settle.run(state, detail, response, row.seq).changes === 1) {
              if (state === 'dead') tally.dead++;
              else tally.conflict++;
            }
          }
        });
        refreshStates(rows);
      })();
      return tally;
    },

    /** A verdict the engine reached from an HTTP status on a batch of one. */
    recordVerdict(row: OutboxRow, verdict: LocalVerdict): void {
      db.transaction(() => {
        settle.run(
          verdict.status === 'rejected' ? 'dead' : 'conflict',
          verdict.detail,
          JSON.stringify({ opId: row.op_id, status: verdict.status, detail: verdict.detail }),
          row.seq,
        );
        refreshStates([row]);
      })();
    },

    counts(): OutboxCounts {
      const c: OutboxCounts = {
        created: 0,
        acknowledged: 0,
        dead: 0,
        conflict: 0,
        pending: 0,
        discarded: 0,
        blocked: countBlocked.get()?.n ?? 0,
      };
      for (const { state, n } of countStates.all()) {
        c.created += n;
        if (state === 'acked') c.acknowledged = n;
        else if (
          state === 'dead' ||
          state === 'conflict' ||
          state === 'pending' ||
          state === 'discarded'
        ) {
          c[state] = n;
        }
      }
      return c;
    },

    refreshStates,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
