import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type {
  HallRecordKind,
  HALL_RECORD_PAYLOAD_SCHEMAS,
} from '../../../../shared/sync/hall-record-payloads';
import type { z } from 'zod';
import type { Database } from '../db';
import { createOutboxStore } from '../sync/outbox-store';

type PayloadOf<K extends HallRecordKind> = z.input<(typeof HALL_RECORD_PAYLOAD_SCHEMAS)[K]>;

export type RecordSyncState = 'queued' | 'sent' | 'acknowledged' | 'rejected' | 'conflict';

/**
 * The outbox side of the hall's requests and alerts: an operation queued in the caller's
 * transaction (the same outbox, order per record, sealed payload, idempotency key as an
 * application's submit), and the record's sync state derived from its operations.
 */
export function createRecordOutbox(db: Database) {
  const store = createOutboxStore(db);
  return {
    enqueue<K extends HallRecordKind>(
      kind: K,
      id: string,
      payload: PayloadOf<K>,
      at: number,
    ): void {
      const text = canonicalJson(payload);
      store.enqueue({
        op_id: uuidv7(),
        application_id: id,
        kind,
        payload: text,
        payload_hash: createHash('sha256').update(text).digest('hex'),
        created_at: at,
      });
    },
    stateOf(id: string): RecordSyncState {
      const ops = store.opsOf(id);
      if (ops.some((o) => o.state === 'conflict')) return 'conflict';
      if (ops.some((o) => o.state === 'dead')) return 'rejected';
      if (ops.some((o) => o.state === 'pending' && o.attempts > 0)) return 'sent';
      if (ops.some((o) => o.state === 'pending')) return 'queued';
      return 'acknowledged';
    },
  };
}

export type RecordOutbox = ReturnType<typeof createRecordOutbox>;
