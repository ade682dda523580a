import type { AppRow } from './op-answers';
import { all, dialects, type Work } from './store/work';

/**
 * The application rows a batch's operations name, read (and on PostgreSQL locked) with one
 * statement for the whole batch instead of one per operation, and kept up to date as the batch
 * inserts and changes them (a replace after its submit in the same batch sees the new row, as a
 * fresh read would). Make one per run of the work: a PostgreSQL retry reads again.
 */
export class BatchApps {
  private readonly rows = new Map<string, AppRow>();

  private constructor() {}

  /** Reads the rows of every application id in the batch (values that are not strings are left out). */
  static *read(ops: readonly unknown[]): Work<BatchApps> {
    const ids = new Set<string>();
    for (const raw of ops) {
      const id =
        typeof raw === 'object' && raw !== null
          ? (raw as { applicationId?: unknown }).applicationId
          : null;
      if (typeof id === 'string') ids.add(id);
    }
    const batch = new BatchApps();
    if (ids.size === 0) return batch;
    const rows = yield* all<AppRow>(
      dialects(
        'SELECT * FROM applications WHERE application_id IN (SELECT value FROM json_each(?))',
        // Locked in key order, so two batches naming the same applications queue, not deadlock.
        `SELECT * FROM applications
           WHERE application_id IN (SELECT json_array_elements_text(?::json))
           ORDER BY application_id FOR UPDATE`,
      ),
      JSON.stringify([...ids]),
    );
    for (const row of rows) batch.rows.set(row.application_id, row);
    return batch;
  }

  get(applicationId: string): AppRow | undefined {
    return this.rows.get(applicationId);
  }

  /** The batch just inserted or changed this row. */
  put(row: AppRow): void {
    this.rows.set(row.application_id, row);
  }
}
