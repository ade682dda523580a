import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type {
  CUSTOMER_PAYLOAD_SCHEMAS,
  CustomerOpKind,
} from '../../../../shared/sync/customer-payloads';
import { toHallIso } from '../../../../shared/hall-time';
import type { Database } from '../db';
import { createOutboxStore } from '../sync/outbox-store';
import type { CustomerRow } from './store';

type PayloadOf<K extends CustomerOpKind> = z.input<(typeof CUSTOMER_PAYLOAD_SCHEMAS)[K]>;
type Base = Pick<
  PayloadOf<'customer.contact'>,
  'id' | 'hallCode' | 'stationCode' | 'certType' | 'certNo' | 'kind' | 'at' | 'actor'
>;

export interface CustomerSyncSite {
  hallCode: string;
  stationCode: string;
}

/**
 * The outbox side of the customer record: every local change queued in the caller's
 * transaction as its own operation under the customer's id (so one customer's changes go in
 * order; the payload is sealed in the outbox like an application's). A customer whose
 * certificate number the station does not hold (a record from before customer sync) cannot be
 * matched at central and is not sent until its next application gives the number.
 */
export function createCustomerOutbox(db: Database, site: CustomerSyncSite) {
  const store = createOutboxStore(db);
  return {
    /** The fields every operation of this customer carries; undefined when it cannot travel. */
    base(
      row: CustomerRow,
      certNo: string | undefined,
      actor: string,
      at: number,
    ): Base | undefined {
      if (!certNo) return undefined;
      return {
        id: row.id,
        hallCode: site.hallCode,
        stationCode: site.stationCode,
        certType: row.cert_type as Base['certType'],
        certNo,
        kind: row.kind,
        at: toHallIso(at),
        actor,
      };
    },
    enqueue<K extends CustomerOpKind>(kind: K, payload: PayloadOf<K>, at: number): void {
      const text = canonicalJson(payload);
      store.enqueue({
        op_id: uuidv7(),
        application_id: payload.id,
        kind,
        payload: text,
        payload_hash: createHash('sha256').update(text).digest('hex'),
        created_at: at,
      });
    },
    /** A local change of this customer has not reached central yet. */
    pending: (id: string): boolean => store.opsOf(id).some((o) => o.state === 'pending'),
  };
}

export type CustomerOutbox = ReturnType<typeof createCustomerOutbox>;
