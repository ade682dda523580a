import { cipherOf } from '../crypto';
import { prepared, type Database } from '../db';
import type { RequestKind } from '../../../../shared/catalogue/request-kinds';

/** Everything a person typed for a request (phone, 户号, address, answer): sealed together. */
export const REQUEST_DETAILS_CONTEXT = 'service_requests.details';

export interface RequestRow {
  id: string;
  request_no: string;
  kind: RequestKind;
  topic: string;
  taken_at: number;
  taken_by: string;
  details: string;
  phone_masked: string;
  phone_bidx: string | null;
  account_no_masked: string;
  arrive_by: number | null;
  consent_at: number | null;
  consent_method: string | null;
  consent_version: string | null;
  withdrawn_at: number | null;
  withdrawn_by: string | null;
}

/** What the customer record's timeline shows of a request: no typed value. */
export type CustomerRequest = Pick<RequestRow, 'id' | 'request_no' | 'kind' | 'topic' | 'taken_at'>;

export type RequestInsert = Omit<RequestRow, 'details' | 'withdrawn_at' | 'withdrawn_by'> & {
  details: Record<string, unknown>;
};

/** The owner of `service_requests`: the request service writes and lists through these. */
export function createRequestStore(db: Database) {
  const cipher = cipherOf(db);
  const insert = prepared(
    db,
    `INSERT INTO service_requests (id, request_no, kind, topic, taken_at, taken_by, details,
       phone_masked, phone_bidx, account_no_masked, arrive_by, consent_at, consent_method,
       consent_version)
     VALUES (@id, @request_no, @kind, @topic, @taken_at, @taken_by, @details, @phone_masked,
       @phone_bidx, @account_no_masked, @arrive_by, @consent_at, @consent_method, @consent_version)`,
  );
  const byId = prepared<[string], RequestRow>(db, 'SELECT * FROM service_requests WHERE id = ?');
  const countLike = prepared<[string], { n: number }>(
    db,
    'SELECT count(*) AS n FROM service_requests WHERE request_no LIKE ?',
  );
  const list = prepared<[number], RequestRow>(
    db,
    'SELECT * FROM service_requests INDEXED BY service_requests_taken ORDER BY taken_at DESC, id LIMIT ?',
  );
  const listKind = prepared<[string, number], RequestRow>(
    db,
    'SELECT * FROM service_requests WHERE kind = ? ORDER BY taken_at DESC, id LIMIT ?',
  );
  const byPhone = prepared<[string], CustomerRequest>(
    db,
    `SELECT id, request_no, kind, topic, taken_at FROM service_requests
      WHERE phone_bidx = ? ORDER BY taken_at DESC LIMIT 200`,
  );
  const withdraw = prepared<[number, string, string]>(
    db,
    `UPDATE service_requests SET withdrawn_at = ?, withdrawn_by = ?
      WHERE id = ? AND kind = 'subscription' AND withdrawn_at IS NULL`,
  );
  const countKinds = prepared<
    [number, number],
    { kind: RequestKind; n: number; withdrawn: number }
  >(
    db,
    `SELECT kind, count(*) AS n, coalesce(sum(withdrawn_at IS NOT NULL), 0) AS withdrawn
       FROM service_requests WHERE taken_at >= ? AND taken_at < ? GROUP BY kind`,
  );

  return {
    insert: (row: RequestInsert): void =>
      void insert.run({
        ...row,
        details: cipher.seal(JSON.stringify(row.details), REQUEST_DETAILS_CONTEXT),
      }),
    byId: (id: string): RequestRow | undefined => byId.get(id),
    /** The sealed details of a row, opened (never listed, never logged). */
    details: (row: RequestRow): Record<string, unknown> =>
      JSON.parse(cipher.open(row.details, REQUEST_DETAILS_CONTEXT)) as Record<string, unknown>,
    /** How many numbers start with this prefix (the next number's sequence). */
    countNumbered: (prefix: string): number => countLike.get(`${prefix}%`)?.n ?? 0,
    list: (kind: RequestKind | undefined, limit: number): RequestRow[] =>
      kind ? listKind.all(kind, limit) : list.all(limit),
    /** A customer's requests by their phone's blind index (the record's timeline), newest first. */
    byPhone: (bidx: string): CustomerRequest[] => (bidx === '' ? [] : byPhone.all(bidx)),
    /** True when the subscription's consent was in force and is now withdrawn. */
    withdraw: (id: string, at: number, by: string): boolean =>
      withdraw.run(at, by, id).changes === 1,
    /** Requests taken in [from, to) by kind, and withdrawn subscriptions among them. */
    countsBetween: (from: number, to: number) => countKinds.all(from, to),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
