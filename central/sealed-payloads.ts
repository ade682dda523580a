import type { FieldCipher } from '../electron/main/services/crypto';
import { SqliteStore } from './store/sqlite-store';
import type { OpResult } from '../shared/sync/protocol';
import { all, dialects, run, type CentralStore, type Work } from './store/work';

/**
 * Operation payloads central keeps (an application's applicant, ID number, phone and address; a
 * fault report's or subscription's phone and address) are sealed at rest with the hub keys, as
 * its customers are. Each column has its own context, so a value moved to another column does
 * not open. A plain payload is JSON (it starts with `{`); a sealed one starts with `e1.`.
 */
export const APPLICATION_PAYLOAD_CONTEXT = 'applications.payload';
export const HALL_REQUEST_PAYLOAD_CONTEXT = 'hall_requests.payload';
/** An op's first answer is kept for its resends; a conflict's carries the central payload. */
export const OP_RESULT_CONTEXT = 'ops.result';

export const sealPayload = (cipher: FieldCipher, canonical: string, context: string): string =>
  cipher.seal(canonical, context);

export const sealApplication = (cipher: FieldCipher, canonical: string): string =>
  cipher.seal(canonical, APPLICATION_PAYLOAD_CONTEXT);

/** The payload's JSON text; a row written in clear before sealing is read as it is. */
export const openPayload = (cipher: FieldCipher, stored: string, context: string): string =>
  cipher.isSealed(stored) ? cipher.open(stored, context) : stored;

/**
 * An op's answer as the ops table keeps it: sealed when it carries an application's payload
 * (a conflict's central record), plain otherwise (ids, codes and numbers only: no cost per op).
 */
export function storedResult(cipher: FieldCipher, result: OpResult): string {
  const json = JSON.stringify(result);
  return result.central?.payload ? cipher.seal(json, OP_RESULT_CONTEXT) : json;
}

export const resultOf = (cipher: FieldCipher, stored: string): OpResult =>
  JSON.parse(openPayload(cipher, stored, OP_RESULT_CONTEXT)) as OpResult;

/** Rows sealed per transaction when sealing plain rows left by an older central. */
const SEAL_CHUNK = 500;

/** Migration 012's partial index on ops has this very predicate (the planner matches it). */
const PLAIN_CONFLICT = `result LIKE '%"payload":{%' AND result NOT LIKE 'e1.%'`;

const TABLES = [
  { table: 'applications', key: 'application_id', context: APPLICATION_PAYLOAD_CONTEXT },
  { table: 'hall_requests', key: 'record_id', context: HALL_REQUEST_PAYLOAD_CONTEXT },
] as const;

/**
 * One chunk of plain payloads sealed (the runner's migrations have no keys, so this runs at
 * start-up). `NOT LIKE 'e1.%'` is the predicate of migration 012's partial indexes: once every
 * row is sealed, finding none costs an empty index, not a table scan. Idempotent: a sealed row
 * is left alone, and a row is only replaced while it still holds the plain text read.
 */
export function* sealPlainChunk(cipher: FieldCipher): Work<number> {
  let found = 0;
  for (const { table, key, context } of TABLES) {
    const rows = yield* all<{ id: string; payload: string }>(
      dialects(
        `SELECT ${key} AS id, payload FROM ${table} WHERE payload NOT LIKE 'e1.%' LIMIT ${SEAL_CHUNK}`,
        `SELECT ${key} AS id, payload FROM ${table} WHERE payload NOT LIKE 'e1.%'
           ORDER BY ${key} LIMIT ${SEAL_CHUNK} FOR UPDATE`,
      ),
    );
    found += rows.length;
    for (const r of rows) {
      yield* run(
        `UPDATE ${table} SET payload = ? WHERE ${key} = ? AND payload = ?`,
        cipher.seal(r.payload, context),
        r.id,
        r.payload,
      );
    }
  }
  // Conflict answers an older central kept in clear (the partial index holds only those).
  const answers = yield* all<{ device_id: string; op_id: string; result: string }>(
    `SELECT device_id, op_id, result FROM ops WHERE ${PLAIN_CONFLICT} LIMIT ${SEAL_CHUNK}`,
  );
  found += answers.length;
  for (const r of answers) {
    yield* run(
      'UPDATE ops SET result = ? WHERE device_id = ? AND op_id = ? AND result = ?',
      cipher.seal(r.result, OP_RESULT_CONTEXT),
      r.device_id,
      r.op_id,
      r.result,
    );
  }
  return found;
}

/**
 * Seals every plain payload of the embedded store. Rewriting a row leaves its old text in the
 * file (free space inside pages: secure_delete does not reach all of it, a test shows), so when
 * anything was sealed the file is rebuilt (VACUUM) and the write-ahead log that held the old
 * pages emptied: neither file keeps the text once this returns. Once per older file only.
 * Answers how many rows it sealed.
 */
export function sealPlainPayloadsSync(store: SqliteStore, cipher: FieldCipher): number {
  let total = 0;
  for (let n = store.writeSync(() => sealPlainChunk(cipher)); n > 0;) {
    total += n;
    n = store.writeSync(() => sealPlainChunk(cipher));
  }
  if (total > 0) {
    store.db.exec('VACUUM');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return total;
}

/** The same for any store (PostgreSQL: each chunk one transaction, rows locked while sealed). */
export async function sealPlainPayloads(store: CentralStore, cipher: FieldCipher): Promise<number> {
  if (store instanceof SqliteStore) return sealPlainPayloadsSync(store, cipher);
  let total = 0;
  for (let n = await store.write(() => sealPlainChunk(cipher)); n > 0;) {
    total += n;
    n = await store.write(() => sealPlainChunk(cipher));
  }
  return total;
}
