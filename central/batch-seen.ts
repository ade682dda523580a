import { all, dialects, type Work } from './store/work';

/** The idempotency record of an operation: the hash it came with and its first answer. */
export interface SeenOp {
  payload_hash: string;
  result: string;
}

/**
 * The operations of one batch central has already answered, read with one statement for the
 * whole batch instead of one per operation, and kept up to date as the batch records its own
 * (an op id repeated inside the batch finds the first one's answer, as a fresh read would).
 * Make one per run of the work: a PostgreSQL retry reads again.
 */
export class BatchSeen {
  private readonly seen = new Map<string, SeenOp>();

  private constructor() {}

  /** Reads the records of every op id in the batch (values that are not strings are left out). */
  static *read(deviceId: string, ops: readonly unknown[]): Work<BatchSeen> {
    const ids = ops.flatMap((raw) => {
      const id = typeof raw === 'object' && raw !== null ? (raw as { opId?: unknown }).opId : null;
      return typeof id === 'string' ? [id] : [];
    });
    const batch = new BatchSeen();
    if (ids.length === 0) return batch;
    const rows = yield* all<SeenOp & { op_id: string }>(
      dialects(
        `SELECT op_id, payload_hash, result FROM ops
           WHERE device_id = ? AND op_id IN (SELECT value FROM json_each(?))`,
        `SELECT op_id, payload_hash, result FROM ops
           WHERE device_id = ? AND op_id IN (SELECT json_array_elements_text(?::json))`,
      ),
      deviceId,
      JSON.stringify(ids),
    );
    for (const { op_id, ...record } of rows) batch.seen.set(op_id, record);
    return batch;
  }

  get(opId: string): SeenOp | undefined {
    return this.seen.get(opId);
  }

  /** The batch just recorded this operation's answer. */
  add(opId: string, record: SeenOp): void {
    this.seen.set(opId, record);
  }
}
