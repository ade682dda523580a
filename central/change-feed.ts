import type { AppRow } from './op-answers';
import { all, dialects, get, later, run, type SqlParam, type Work } from './store/work';
import type { Change, ChangesPage } from '../shared/sync/protocol';
import { FIRST_STAGE } from '../shared/catalogue/stages';

/**
 * The change feed: one row per central change (a new application, stage or version) with a
 * seq that is never reused, read by each hall's consoles in seq order.
 */

interface ChangeRow {
  seq: number;
  application_id: string;
  central_no: string;
  stage: string;
  stage_index: number;
  stage_count: number;
  stage_at: number;
  version: number;
  payload_hash: string;
}

/**
 * PostgreSQL hands out identity values when a row is inserted, not when it commits: a reader
 * could see seq 11 of one transaction before seq 10 of another commits, move its cursor past
 * 10 and never read it. Taking the hall's row lock first makes the seqs of one hall commit in
 * order (cursors are per hall). SQLite has one writer, so it skips this.
 */
const HALL_FEED_LOCK = dialects(
  '',
  `INSERT INTO change_counters (hall_code, last) VALUES (?, 1)
     ON CONFLICT (hall_code) DO UPDATE SET last = change_counters.last + 1`,
);

/** Appends one change and answers its seq. */
export function* appendChange(app: AppRow, at: number): Work<number> {
  yield* run(HALL_FEED_LOCK, app.hall_code);
  const row = yield* get<{ seq: number }>(
    `${INSERT_CHANGE} RETURNING seq`,
    ...changeValues(app, at),
  );
  return row?.seq ?? 0;
}

/**
 * Appends one change when its seq is not needed (the ledger's answers): no RETURNING, and the
 * insert may be held back with the batch's other writes (`later`; seqs still follow the order).
 */
export function* noteChange(app: AppRow, at: number): Work<void> {
  yield* run(HALL_FEED_LOCK, app.hall_code);
  yield* later(INSERT_CHANGE, ...changeValues(app, at));
}

const INSERT_CHANGE = `INSERT INTO changes (application_id, hall_code, central_no, stage, stage_index,
    stage_count, stage_at, version, payload_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function changeValues(app: AppRow, at: number): SqlParam[] {
  const stages = JSON.parse(app.stages) as string[];
  return [
    app.application_id,
    app.hall_code,
    app.central_no,
    stages[app.stage_index] ?? FIRST_STAGE,
    app.stage_index,
    stages.length,
    at,
    app.version,
    app.payload_hash,
  ];
}

export function* changesSince(hallCode: string, since: number, limit: number): Work<ChangesPage> {
  const rows = yield* all<ChangeRow>(
    'SELECT * FROM changes WHERE hall_code = ? AND seq > ? ORDER BY seq LIMIT ?',
    hallCode,
    since,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const changes: Change[] = page.map((r) => ({
    seq: r.seq,
    applicationId: r.application_id,
    centralNo: r.central_no,
    stage: r.stage,
    stageAt: new Date(r.stage_at).toISOString(),
    stageIndex: r.stage_index,
    stageCount: r.stage_count,
    version: r.version,
    payloadHash: r.payload_hash,
    final: r.stage_index === r.stage_count - 1,
  }));
  return {
    changes,
    nextCursor: changes.at(-1)?.seq ?? since,
    more: rows.length > limit,
  };
}
