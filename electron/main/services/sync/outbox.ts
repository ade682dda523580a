import type { Database } from '../db';
import {
  createApplicationRepository,
  type AdoptedCentralNo,
  type SyncedState,
} from '../applications/repository';
import { createOutboxStore, type OpState, type OutboxRow } from './outbox-store';
import type { OpResult } from '../../../../shared/sync/protocol';
import {
  WAITING_FAMILIES,
  waitingFamilyOf,
  type WaitingFamily,
} from '../../../../shared/sync/sync-api';

export type { OutboxRow } from './outbox-store';
/** A row chosen to send: its payload as the UTF-8 bytes that go into the push body. */
export type SendingRow = OutboxRow<Buffer>;
/** Either kind of row: what recording an attempt or an answer reads is the same. */
type AnyRow = OutboxRow<string | Buffer>;

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
 * The engine's side of the outbox: batches in order, answers recorded, and the application
 * states derived from them (written through the application repository).
 */
export function createOutbox(db: Database) {
  const store = createOutboxStore(db);
  const applications = createApplicationRepository(db);
  /** A central number (and stage) an answer in this batch carried, by application. */
  type Adopted = Map<string, { centralNo: string; stage: string | null }>;
  // Derived, so it is right after a crash at any point: the outbox is the truth.
  const deriveState = (id: string, ops: readonly OpState[], adopted: string | undefined) => {
    const has = (state: OutboxRow['state'], sent = false) =>
      ops.some((o) => o.state === state && (!sent || o.attempts > 0));
    return has('conflict')
      ? 'conflict'
      : has('dead')
        ? 'rejected'
        : has('pending', true)
          ? 'sent'
          : has('pending')
            ? 'queued'
            : (adopted ?? applications.centralNo(id))
              ? 'acknowledged'
              : 'rejected';
  };
  // One read of the operations and one write per state (or of the adopted numbers) for the
  // whole batch, instead of three statements per application.
  const refreshStates = (
    rows: readonly Pick<OutboxRow, 'application_id'>[],
    adopted: Adopted = new Map(),
  ) => {
    const ids = [...new Set(rows.map((r) => r.application_id))];
    const opsByApp = store.opsOfMany(ids);
    const byState = new Map<SyncedState, string[]>();
    const adopts: AdoptedCentralNo[] = [];
    for (const id of ids) {
      const central = adopted.get(id);
      const state = deriveState(id, opsByApp.get(id) ?? [], central?.centralNo);
      if (central) adopts.push({ id, centralNo: central.centralNo, stage: central.stage, state });
      else {
        const list = byState.get(state);
        if (list) list.push(id);
        else byState.set(state, [id]);
      }
    }
    for (const [state, list] of byState) applications.setSyncedStates(list, state);
    applications.adoptCentralNosWithState(adopts);
  };

  return {
    nextBatch: (limit: number, sending: readonly number[] = []): SendingRow[] =>
      store.nextBatch(limit, sending),

    /** Runs `fn` in one transaction (a savepoint inside an open one) with the outbox's writes. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),

    /**
     * Counted before sending, so attempts survive a crash mid-request. The applications keep
     * their state here: an answered batch moves them once, queued → acknowledged, and `sent`
     * (tried, not answered) is written when a request fails (`showUnanswered`), or on the
     * engine's start after a crash (`showInterrupted`). One row write per drained application.
     */
    markAttempt(rows: readonly AnyRow[]): void {
      store.markAttempts(rows.map((r) => r.seq));
    },

    /** A failed request: its error noted, its applications shown as sent. */
    noteFailure(rows: readonly AnyRow[], detail: string): void {
      db.transaction(() => {
        for (const r of rows) store.noteFailure(r.seq, detail);
        refreshStates(rows);
      })();
    },

    /** A request with no answer to record (sent again one by one, or smaller): shown as sent. */
    showUnanswered(rows: readonly AnyRow[]): void {
      db.transaction(() => refreshStates(rows))();
    },

    /**
     * After a crash between an attempt and its answer: the applications of attempted pending
     * operations get their derived state (sent) before anything is sent again.
     */
    showInterrupted(): void {
      db.transaction(() => {
        const ids = store.attemptedPendingSubjects();
        if (ids.length > 0) refreshStates(ids.map((application_id) => ({ application_id })));
      })();
    },

    /** Records the central answers of a batch and the application states, in one transaction. */
    recordResults(
      rows: readonly AnyRow[],
      results: readonly OpResult[],
      now: number,
    ): { acked: number; dead: number; conflict: number } {
      const tally = { acked: 0, dead: 0, conflict: 0 };
      const adopted: Adopted = new Map();
      const acks: { seq: number; response: string; carriesRecord: boolean }[] = [];
      db.transaction(() => {
        rows.forEach((row, i) => {
          const r = results[i];
          if (!r) return;
          const response = JSON.stringify(r);
          if (r.status === 'applied' || r.status === 'duplicate') {
            // Written together below: each row is a different operation, so the order of the
            // writes does not matter.
            acks.push({ seq: row.seq, response, carriesRecord: r.central !== undefined });
            if (r.centralNo) {
              // Written with the derived state below (the last answer for an application wins,
              // as it did when each answer was written on its own).
              adopted.set(row.application_id, { centralNo: r.centralNo, stage: r.stage ?? null });
            }
          } else {
            const detail = [r.reasonCode, r.field].filter(Boolean).join(' ') || r.status;
            const state = r.status === 'rejected' ? 'dead' : 'conflict';
            if (store.settle(row.seq, state, detail, response)) {
              if (state === 'dead') tally.dead++;
              else tally.conflict++;
            }
          }
        });
        tally.acked = store.ackMany(acks, now);
        refreshStates(rows, adopted);
      })();
      return tally;
    },

    /** A verdict the engine reached from an HTTP status on a batch of one. */
    recordVerdict(row: AnyRow, verdict: LocalVerdict): void {
      db.transaction(() => {
        store.settle(
          row.seq,
          verdict.status === 'rejected' ? 'dead' : 'conflict',
          verdict.detail,
          JSON.stringify({ opId: row.op_id, status: verdict.status, detail: verdict.detail }),
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
        blocked: store.countBlocked(),
      };
      for (const { state, n } of store.countByState()) {
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

    /** Distinct subjects with pending operations, by family (what the hall sees waiting). */
    waiting(): Record<WaitingFamily, number> {
      const out = Object.fromEntries(WAITING_FAMILIES.map((f) => [f, 0])) as Record<
        WaitingFamily,
        number
      >;
      for (const { head, n } of store.pendingSubjects()) out[waitingFamilyOf(head)] += n;
      return out;
    },

    refreshStates,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
