import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { CentralDb } from './db';
import type { DeviceIdentity } from './auth';
import { canonicalJson } from '../shared/sync/canonical-json';
import { hallDateCompact } from '../shared/hall-time';
import {
  OpSchema,
  PAYLOAD_SCHEMAS,
  type Change,
  type ChangesPage,
  type CentralRecord,
  type Op,
  type OpResult,
  type ReasonCode,
} from '../shared/sync/protocol';
import type { ApplicationSubmitPayload } from '../shared/sync/application-payload';
import type { AccountKind } from '../shared/catalogue/types';
import { FIRST_STAGE } from '../shared/catalogue/stages';

/** Which stages an application goes through, from its type and account kind. */
export type StageResolver = (typeCode: string, accountKind: AccountKind) => readonly string[];

export const payloadHashOf = (payload: unknown): string =>
  createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');

/** Fixed reason texts: codes and field paths only, never a value from the payload. */
const REASONS: Record<ReasonCode, { zh: string; en: string }> = {
  INVALID_OP: { zh: '操作格式不正确', en: 'The operation is malformed' },
  INVALID_PAYLOAD: { zh: '申请内容未通过校验', en: 'The application content failed validation' },
  HASH_MISMATCH: { zh: '内容摘要与内容不符', en: 'The payload hash does not match the payload' },
  OP_ID_REUSED: {
    zh: '操作编号已用于其他内容',
    en: 'The operation id was already used with another payload',
  },
  DEVICE_MISMATCH: { zh: '操作的设备与凭证不符', en: 'The operation names another device' },
  HALL_MISMATCH: { zh: '申请所属营业厅与设备不符', en: 'The application belongs to another hall' },
  UNKNOWN_APPLICATION: { zh: '中心没有该申请', en: 'The central system has no such application' },
  APPLICATION_EXISTS: {
    zh: '中心已有该申请且内容不同',
    en: 'The central system already holds this application with other content',
  },
  BASE_MISMATCH: {
    zh: '中心记录已被修改，请核对后再提交',
    en: 'The central record changed since this edit was based on it',
  },
};

const refuse = (
  opId: string,
  status: 'rejected' | 'conflict',
  reasonCode: ReasonCode,
  extra: Partial<OpResult> = {},
): OpResult => ({ opId, status, reasonCode, reason: REASONS[reasonCode], ...extra });

interface AppRow {
  application_id: string;
  central_no: string;
  hall_code: string;
  payload: string;
  payload_hash: string;
  version: number;
  last_op_id: string;
  stages: string;
  stage_index: number;
}

export interface LedgerCounters {
  applied: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
}

/** The central ledger: idempotent operations, central numbers, stages and the change feed. */
export class Ledger {
  readonly counters: LedgerCounters = { applied: 0, duplicates: 0, rejected: 0, conflicts: 0 };

  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(
    private readonly db: CentralDb,
    private readonly stagesFor: StageResolver,
    private readonly now: () => number,
  ) {}

  /** Prepared once per SQL text: preparing is a large share of a small statement's cost. */
  private sql(text: string): Statement<unknown[]> {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  /** Applies a batch in one transaction (one fsync), answering each operation in order. */
  applyBatch(device: DeviceIdentity, ops: unknown[]): OpResult[] {
    const results = this.db.transaction(() => ops.map((raw) => this.applyOne(device, raw)))();
    for (const r of results) {
      if (r.status === 'applied') this.counters.applied++;
      else if (r.status === 'duplicate') this.counters.duplicates++;
      else if (r.status === 'rejected') this.counters.rejected++;
      else this.counters.conflicts++;
    }
    return results;
  }

  private applyOne(device: DeviceIdentity, raw: unknown): OpResult {
    const rawOpId =
      typeof raw === 'object' &&
      raw !== null &&
      typeof (raw as { opId?: unknown }).opId === 'string'
        ? ((raw as { opId: string }).opId.slice(0, 64) as string)
        : '';
    const parsed = OpSchema.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.');
      return refuse(rawOpId, 'rejected', 'INVALID_OP', field ? { field } : {});
    }
    const op = parsed.data;
    if (op.deviceId !== device.deviceId) return refuse(op.opId, 'rejected', 'DEVICE_MISMATCH');
    if (payloadHashOf(op.payload) !== op.payloadHash) {
      return refuse(op.opId, 'rejected', 'HASH_MISMATCH');
    }

    const seen = this.sql(
      'SELECT payload_hash, result FROM ops WHERE device_id = ? AND op_id = ?',
    ).get(device.deviceId, op.opId) as { payload_hash: string; result: string } | undefined;
    if (seen) {
      if (seen.payload_hash !== op.payloadHash) return refuse(op.opId, 'rejected', 'OP_ID_REUSED');
      const first = JSON.parse(seen.result) as OpResult;
      return first.status === 'applied' ? { ...first, status: 'duplicate' } : first;
    }

    const result = this.decide(device, op);
    this.sql(
      `INSERT INTO ops (device_id, op_id, payload_hash, application_id, result, received_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      device.deviceId,
      op.opId,
      op.payloadHash,
      op.applicationId,
      JSON.stringify(result),
      this.now(),
    );
    return result;
  }

  private decide(device: DeviceIdentity, op: Op): OpResult {
    const schema = PAYLOAD_SCHEMAS[op.kind];
    const payload = schema.safeParse(op.payload);
    if (!payload.success) {
      const field = payload.error.issues[0]?.path.map(String).join('.');
      return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', field ? { field } : {});
    }
    const p = payload.data as ApplicationSubmitPayload & { baseHash?: string };
    if (p.applicationId !== op.applicationId) {
      return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', { field: 'applicationId' });
    }
    if (p.hallCode !== device.hallCode) return refuse(op.opId, 'rejected', 'HALL_MISMATCH');

    const app = this.sql('SELECT * FROM applications WHERE application_id = ?').get(
      op.applicationId,
    ) as AppRow | undefined;
    if (app) this.noteOrder(app, op.opId);

    if (op.kind === 'application.submit') {
      if (!app) return this.insert(device, op, p);
      if (app.payload_hash === op.payloadHash) return this.answer(op.opId, 'duplicate', app);
      return refuse(op.opId, 'conflict', 'APPLICATION_EXISTS', {
        central: this.record(app, device),
      });
    }
    // application.replace
    if (!app) return refuse(op.opId, 'rejected', 'UNKNOWN_APPLICATION');
    if (app.hall_code !== device.hallCode) return refuse(op.opId, 'rejected', 'HALL_MISMATCH');
    if (app.payload_hash === op.payloadHash) return this.answer(op.opId, 'duplicate', app);
    if (app.payload_hash !== p.baseHash) {
      return refuse(op.opId, 'conflict', 'BASE_MISMATCH', { central: this.record(app, device) });
    }
    const version = app.version + 1;
    this.sql(
      'UPDATE applications SET payload = ?, payload_hash = ?, version = ?, last_op_id = ? WHERE application_id = ?',
    ).run(canonicalJson(op.payload), op.payloadHash, version, op.opId, app.application_id);
    const updated = { ...app, payload_hash: op.payloadHash, version, last_op_id: op.opId };
    this.appendChange(updated, this.now());
    return this.answer(op.opId, 'applied', updated);
  }

  private insert(device: DeviceIdentity, op: Op, p: ApplicationSubmitPayload): OpResult {
    const now = this.now();
    const stages = this.stagesFor(p.typeCode, p.accountKind);
    const day = hallDateCompact(now);
    const counter = this.sql(
      `INSERT INTO number_counters (hall_code, day, last) VALUES (?, ?, 1)
         ON CONFLICT (hall_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
    ).get(device.hallCode, day) as { last: number };
    const centralNo = `${device.hallCode}-${day}-${String(counter.last).padStart(6, '0')}`;
    const row: AppRow = {
      application_id: op.applicationId,
      central_no: centralNo,
      hall_code: device.hallCode,
      payload: canonicalJson(op.payload),
      payload_hash: op.payloadHash,
      version: 1,
      last_op_id: op.opId,
      stages: JSON.stringify(stages),
      stage_index: 0,
    };
    this.sql(
      `INSERT INTO applications (application_id, central_no, hall_code, station_code, device_id,
           type_code, account_kind, payload, payload_hash, version, last_op_id, stages, stage_index,
           stage_at, accepted_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?, ?)`,
    ).run(
      row.application_id,
      centralNo,
      device.hallCode,
      p.stationCode,
      device.deviceId,
      p.typeCode,
      p.accountKind,
      row.payload,
      row.payload_hash,
      op.opId,
      row.stages,
      now,
      p.acceptedAt,
      now,
    );
    this.appendChange(row, now);
    return this.answer(op.opId, 'applied', row);
  }

  /** UUIDv7 ids sort by creation time: an older op arriving after a newer one is out of order. */
  private noteOrder(app: AppRow, opId: string): void {
    if (opId < app.last_op_id) {
      this.sql(
        'INSERT INTO order_violations (application_id, op_id, after_op_id) VALUES (?, ?, ?)',
      ).run(app.application_id, opId, app.last_op_id);
    }
  }

  private answer(opId: string, status: 'applied' | 'duplicate', app: AppRow): OpResult {
    const stages = JSON.parse(app.stages) as string[];
    return {
      opId,
      status,
      centralNo: app.central_no,
      centralVersion: app.version,
      stage: stages[app.stage_index] ?? FIRST_STAGE,
    };
  }

  private record(app: AppRow, device: DeviceIdentity): CentralRecord {
    const stages = JSON.parse(app.stages) as string[];
    return {
      applicationId: app.application_id,
      centralNo: app.central_no,
      version: app.version,
      payloadHash: app.payload_hash,
      stage: stages[app.stage_index] ?? FIRST_STAGE,
      ...(app.hall_code === device.hallCode
        ? { payload: JSON.parse(app.payload) as Record<string, unknown> }
        : {}),
    };
  }

  private appendChange(app: AppRow, at: number): void {
    const stages = JSON.parse(app.stages) as string[];
    this.sql(
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

  /**
   * Moves an application to `stage` (or the next one). Only forward: the central stage never
   * goes back. Returns null when there is no such application, or a reason when it cannot move.
   */
  advance(key: {
    applicationId?: string | undefined;
    centralNo?: string | undefined;
    stage?: string | undefined;
  }):
    | {
        ok: true;
        applicationId: string;
        centralNo: string;
        stage: string;
        seq: number;
        final: boolean;
      }
    | { ok: false; reason: 'not_found' | 'unknown_stage' | 'not_forward' } {
    const stage = key.stage;
    return this.db.transaction(() => {
      const app = (
        key.applicationId
          ? this.sql('SELECT * FROM applications WHERE application_id = ?').get(key.applicationId)
          : this.sql('SELECT * FROM applications WHERE central_no = ?').get(key.centralNo)
      ) as AppRow | undefined;
      if (!app) return { ok: false as const, reason: 'not_found' as const };
      const stages = JSON.parse(app.stages) as string[];
      const target = stage === undefined ? app.stage_index + 1 : stages.indexOf(stage);
      if (stage !== undefined && target < 0)
        return { ok: false as const, reason: 'unknown_stage' as const };
      if (target <= app.stage_index || target >= stages.length) {
        return { ok: false as const, reason: 'not_forward' as const };
      }
      const now = this.now();
      this.sql(
        'UPDATE applications SET stage_index = ?, stage_at = ? WHERE application_id = ?',
      ).run(target, now, app.application_id);
      this.appendChange({ ...app, stage_index: target }, now);
      const seq = (this.sql('SELECT last_insert_rowid() AS seq').get() as { seq: number }).seq;
      return {
        ok: true as const,
        applicationId: app.application_id,
        centralNo: app.central_no,
        stage: stages[target] ?? '',
        seq,
        final: target === stages.length - 1,
      };
    })();
  }

  /** Demo mode: moves up to `count` random open applications one stage on. */
  advanceSome(count: number): number {
    const open = this.sql(
      `SELECT application_id FROM applications
          WHERE stage_index < json_array_length(stages) - 1 ORDER BY random() LIMIT ?`,
    ).all(count) as { application_id: string }[];
    // One transaction (one fsync) for the whole tick; each advance nests as a savepoint.
    return this.db.transaction(() => {
      let moved = 0;
      for (const row of open) if (this.advance({ applicationId: row.application_id }).ok) moved++;
      return moved;
    })();
  }

  changesSince(hallCode: string, since: number, limit: number): ChangesPage {
    const rows = this.sql(
      `SELECT * FROM changes WHERE hall_code = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ).all(hallCode, since, limit + 1) as {
      seq: number;
      application_id: string;
      central_no: string;
      stage: string;
      stage_index: number;
      stage_count: number;
      stage_at: number;
      version: number;
      payload_hash: string;
    }[];
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

  summary(): {
    applications: number;
    distinctAppNos: number;
    ops: number;
    orderViolations: number;
  } {
    const one = (sql: string): number => (this.sql(sql).get() as { n: number }).n;
    return {
      applications: one('SELECT count(*) AS n FROM applications'),
      distinctAppNos: one(
        "SELECT count(DISTINCT json_extract(payload, '$.appNo')) AS n FROM applications",
      ),
      ops: one('SELECT count(*) AS n FROM ops'),
      orderViolations: one('SELECT count(*) AS n FROM order_violations'),
    };
  }
}
