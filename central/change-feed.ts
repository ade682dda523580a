import type { AppRow } from './op-answers';
import type { Sql } from './sql';
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

export function appendChange(sql: Sql, app: AppRow, at: number): void {
  const stages = JSON.parse(app.stages) as string[];
  sql(
    `INSERT INTO changes (application_id, hall_code, central_no, stage, stage_index, stage_count,
         stage_at, version, payload_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    app.application_id,
    app.hall_code,
    app.central_no,
    stages[app.stage_index] ?? FIRST_STAGE,
    app.stage_index,
    stages.length,
    at,
    app.version,
    app.payload_hash,
  );
}

export function changesSince(
  sql: Sql,
  hallCode: string,
  since: number,
  limit: number,
): ChangesPage {
  const rows = sql<[string, number, number], ChangeRow>(
    'SELECT * FROM changes WHERE hall_code = ? AND seq > ? ORDER BY seq LIMIT ?',
  ).all(hallCode, since, limit + 1);
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
