import { cipherOf, type FieldCipher } from '../crypto';
import { prepared, type Database } from '../db';
import { errorNote } from './error-note';

/** Payloads and central answers hold the application's personal data: sealed at rest. */
export const OUTBOX_PAYLOAD_CONTEXT = 'outbox.payload';
export const OUTBOX_RESPONSE_CONTEXT = 'outbox.response';

export const sealOutboxPayload = (cipher: FieldCipher, payload: string): string =>
  cipher.seal(payload, OUTBOX_PAYLOAD_CONTEXT);
export const sealOutboxResponse = (cipher: FieldCipher, response: string | null): string | null =>
  response === null ? null : cipher.seal(response, OUTBOX_RESPONSE_CONTEXT);

/**
 * An acknowledgement as the `response` column keeps it: in clear when it holds ids, codes and
 * numbers only (no `central` record, the one part of an answer that can carry personal data),
 * as central keeps its own answers; sealed otherwise. A sealed value starts with `e1.`, a plain
 * answer with `{`, so reading tells them apart. Saves a seal per drained operation.
 */
export const storedAck = (cipher: FieldCipher, response: string, carriesRecord: boolean): string =>
  carriesRecord ? cipher.seal(response, OUTBOX_RESPONSE_CONTEXT) : response;

/** A row as read and opened; a row on its way to central has its payload as UTF-8 bytes. */
export interface OutboxRow<Payload extends string | Buffer = string> {
  seq: number;
  op_id: string;
  application_id: string;
  kind: string;
  payload: Payload;
  payload_hash: string;
  created_at: number;
  state: 'pending' | 'acked' | 'dead' | 'conflict' | 'discarded';
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  acked_at: number | null;
  response: string | null;
}

/** What the derived application state is read from: each operation's state and attempts. */
export interface OpState {
  state: OutboxRow['state'];
  attempts: number;
}

export interface OutboxInsert {
  op_id: string;
  application_id: string;
  kind: string;
  payload: string;
  payload_hash: string;
  created_at: number;
}

/**
 * The owner of the `outbox` table: the application service enqueues, the sync engine and the
 * sync actions read and settle, all through these functions. Callers add the transactions.
 * Operations of one application go strictly in seq order: an operation is eligible only when
 * every earlier operation of its application is acknowledged or discarded.
 */
export function createOutboxStore(db: Database) {
  const cipher = cipherOf(db);
  // Opened as a row is read: the sender gets the plain payload just before it goes out.
  const openResponse = (response: string | null): string | null =>
    response === null || !cipher.isSealed(response)
      ? response
      : cipher.open(response, OUTBOX_RESPONSE_CONTEXT);
  const opened = (row: OutboxRow): OutboxRow => ({
    ...row,
    payload: cipher.open(row.payload, OUTBOX_PAYLOAD_CONTEXT),
    response: openResponse(row.response),
  });
  // A payload to send stays bytes: the push body is bytes, so it is never decoded to a string.
  const openedToSend = (row: OutboxRow): OutboxRow<Buffer> => ({
    ...row,
    payload: cipher.openBytes(row.payload, OUTBOX_PAYLOAD_CONTEXT),
    response: openResponse(row.response),
  });
  const insert = prepared<[OutboxInsert]>(
    db,
    `
    INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
    VALUES (@op_id, @application_id, @kind, @payload, @payload_hash, @created_at)`,
  );
  const next = prepared<[number], OutboxRow>(
    db,
    `
    SELECT o.* FROM outbox o
     WHERE o.state = 'pending'
       AND NOT EXISTS (SELECT 1 FROM outbox p
                        WHERE p.application_id = o.application_id AND p.seq < o.seq
                          AND p.state IN ('pending', 'dead', 'conflict'))
     ORDER BY o.seq LIMIT ?`,
  );
  // The same, leaving out the operations already on their way (a JSON array of seqs).
  const nextExcluding = prepared<[string, number], OutboxRow>(
    db,
    `
    SELECT o.* FROM outbox o
     WHERE o.state = 'pending' AND o.seq NOT IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM outbox p
                        WHERE p.application_id = o.application_id AND p.seq < o.seq
                          AND p.state IN ('pending', 'dead', 'conflict'))
     ORDER BY o.seq LIMIT ?`,
  );
  // Attempts of a whole batch (a JSON array of seqs): one statement, not one per operation.
  // `next_attempt_at` is left as it is: nothing reads it (the engine's backoff lives in memory),
  // and writing it moved each row's entry in the `outbox_pending` index, ~1.5 µs per operation.
  const attemptMany = prepared<[string]>(
    db,
    `
    UPDATE outbox SET attempts = attempts + 1
     WHERE seq IN (SELECT value FROM json_each(?)) AND +state = 'pending'`,
  );
  const failNote = prepared<[string, number]>(
    db,
    "UPDATE outbox SET last_error = ? WHERE seq = ? AND state = 'pending'",
  );
  // Acknowledgements of a batch: a JSON array of [seq, sealed response] pairs. `+state` keeps
  // the planner on the primary key (through the state index it read every pending row per pair).
  const ackMany = prepared<[number, string]>(
    db,
    `
    UPDATE outbox SET state = 'acked', acked_at = ?, response = a.value ->> 1, last_error = NULL
      FROM json_each(?) AS a
     WHERE outbox.seq = a.value ->> 0 AND +outbox.state = 'pending'`,
  );
  const settle = prepared<[string, string, string, number]>(
    db,
    `
    UPDATE outbox SET state = ?, last_error = ?, response = ? WHERE seq = ? AND state = 'pending'`,
  );
  // Read through the per-application index (a state filter would make the planner scan every
  // pending row).
  const opsOfApp = prepared<[string], OpState>(
    db,
    'SELECT state, attempts FROM outbox INDEXED BY outbox_app WHERE application_id = ?',
  );
  const opsOfApps = prepared<[string], { application_id: string } & OpState>(
    db,
    `
    SELECT application_id, state, attempts FROM outbox INDEXED BY outbox_app
     WHERE application_id IN (SELECT value FROM json_each(?))`,
  );
  const attemptedPending = prepared<[], { application_id: string }>(
    db,
    `SELECT DISTINCT application_id FROM outbox WHERE state = 'pending' AND attempts > 0`,
  );
  const countStates = prepared<[], { state: string; n: number }>(
    db,
    'SELECT state, count(*) AS n FROM outbox GROUP BY state',
  );
  const countBlocked = prepared<[], { n: number }>(
    db,
    `
    SELECT count(*) AS n FROM outbox o WHERE o.state = 'pending'
       AND EXISTS (SELECT 1 FROM outbox p WHERE p.application_id = o.application_id
                      AND p.seq < o.seq AND p.state IN ('dead', 'conflict'))`,
  );
  // One subject (application, customer, request, alert) may have several pending operations:
  // counted once per kind's head (the part before the dot), in SQL (a few rows come back).
  const countPendingSubjects = prepared<[], { head: string; n: number }>(
    db,
    `SELECT substr(kind, 1, instr(kind || '.', '.') - 1) AS head,
            count(DISTINCT application_id) AS n
       FROM outbox WHERE state = 'pending' GROUP BY head`,
  );
  const bySeq = prepared<[number], OutboxRow>(db, 'SELECT * FROM outbox WHERE seq = ?');
  const byState = prepared<[string], OutboxRow>(
    db,
    'SELECT * FROM outbox WHERE state = ? ORDER BY seq',
  );
  const requeue = prepared<[string, string, string, string, number]>(
    db,
    `
    UPDATE outbox SET state = 'pending', op_id = ?, kind = ?, payload = ?, payload_hash = ?,
      attempts = 0, next_attempt_at = 0, last_error = NULL, response = NULL WHERE seq = ?`,
  );
  const discard = prepared<[number]>(db, "UPDATE outbox SET state = 'discarded' WHERE seq = ?");
  const discardLater = prepared<[string, number]>(
    db,
    `
    UPDATE outbox SET state = 'discarded', last_error = 'discarded with an earlier operation'
     WHERE application_id = ? AND seq > ? AND state = 'pending'`,
  );

  return {
    /** Queues an operation behind the earlier ones of its application. */
    enqueue: (row: OutboxInsert): void =>
      void insert.run({ ...row, payload: sealOutboxPayload(cipher, row.payload) }),
    /** The first `limit` eligible operations, in order, but for those in `sending`. */
    nextBatch: (limit: number, sending: readonly number[] = []): OutboxRow<Buffer>[] =>
      (sending.length === 0
        ? next.all(limit)
        : nextExcluding.all(JSON.stringify(sending), limit)
      ).map(openedToSend),
    /** Counted before sending, so attempts survive a crash mid-request. */
    markAttempts: (seqs: readonly number[]): void => {
      if (seqs.length > 0) attemptMany.run(JSON.stringify(seqs));
    },
    noteFailure: (seq: number, detail: string): void => void failNote.run(errorNote(detail), seq),
    /** Acknowledgements in one statement: how many pending rows took theirs. */
    ackMany: (
      acks: readonly { seq: number; response: string; carriesRecord: boolean }[],
      at: number,
    ): number =>
      acks.length === 0
        ? 0
        : ackMany.run(
            at,
            JSON.stringify(
              acks.map((a) => [a.seq, storedAck(cipher, a.response, a.carriesRecord)]),
            ),
          ).changes,
    /** True when the pending row took the verdict (dead or conflict). */
    settle: (seq: number, state: 'dead' | 'conflict', detail: string, response: string): boolean =>
      settle.run(state, errorNote(detail), sealOutboxResponse(cipher, response) ?? '', seq)
        .changes === 1,
    opsOf: (applicationId: string): OpState[] => opsOfApp.all(applicationId),
    /** opsOf for many applications in one read, by application. */
    opsOfMany(applicationIds: readonly string[]): Map<string, OpState[]> {
      const byApp = new Map<string, OpState[]>();
      for (const { application_id, ...op } of opsOfApps.all(JSON.stringify(applicationIds))) {
        const list = byApp.get(application_id);
        if (list) list.push(op);
        else byApp.set(application_id, [op]);
      }
      return byApp;
    },
    /** Subjects with an operation tried and not answered (a crash or a failure since). */
    attemptedPendingSubjects: (): string[] => attemptedPending.all().map((r) => r.application_id),
    countByState: () => countStates.all(),
    countBlocked: (): number => countBlocked.get()?.n ?? 0,
    /** Distinct subjects of the pending operations, by the head of their kind. */
    pendingSubjects: () => countPendingSubjects.all(),
    bySeq: (seq: number): OutboxRow | undefined => {
      const row = bySeq.get(seq);
      return row && opened(row);
    },
    byState: (state: OutboxRow['state']): OutboxRow[] => byState.all(state).map(opened),
    /** The same place in the order under a new operation id, as a fresh attempt. */
    requeue: (seq: number, opId: string, kind: string, payload: string, hash: string): void =>
      void requeue.run(opId, kind, sealOutboxPayload(cipher, payload), hash, seq),
    discard: (seq: number): void => void discard.run(seq),
    /** A dropped submit takes the later pending operations of its application along. */
    discardLater: (applicationId: string, seq: number): void =>
      void discardLater.run(applicationId, seq),
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
