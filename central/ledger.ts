import type { DeviceIdentity } from './auth';
import { appendChange, changesSince, noteChange } from './change-feed';
import { BatchNumbers } from './batch-numbers';
import { BatchSeen } from './batch-seen';
import { BatchApps } from './batch-apps';
import { OpEnvelopeSchema } from './op-envelope';
import { answer, record, refuse, sha256Hex, type AppRow } from './op-answers';
import {
  all,
  dialects,
  forUpdate,
  get,
  later,
  run,
  type CentralStore,
  type SqlText,
  type Work,
} from './store/work';
import { canonicalJson } from '../shared/sync/canonical-json';
import { PAYLOAD_SCHEMAS, type ChangesPage, type Op, type OpResult } from '../shared/sync/protocol';
import type { ApplicationSubmitPayload } from '../shared/sync/application-payload';
import { isHallRecordKind } from '../shared/sync/hall-record-payloads';
import { HallRecords } from './hall-records';
import { CentralCustomers } from './customers';
import { PlannedOutages } from './planned-outages';
import { isCustomerOpKind } from '../shared/sync/customer-payloads';
import { resultOf, sealApplication, storedResult } from './sealed-payloads';
import {
  createFieldCipher,
  ephemeralKeys,
  type FieldCipher,
} from '../electron/main/services/crypto';
import type { AccountKind } from '../shared/catalogue/types';

export { payloadHashOf } from './op-answers';

/**
 * Which stages an application goes through, from its type and account kind, by the catalogue
 * version it was accepted under (the payload's catalogueVersion) at its acceptance time.
 */
export type StageResolver = (
  typeCode: string,
  accountKind: AccountKind,
  accepted: { catalogueVersion: string; acceptedAt: string },
) => readonly string[];

export interface LedgerCounters {
  applied: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
}

/** The central ledger: idempotent operations, central numbers, stages and the change feed. */
export class Ledger {
  readonly counters: LedgerCounters = { applied: 0, duplicates: 0, rejected: 0, conflicts: 0 };

  /** The hall's requests and alerts (issue 17): operations of kind request.* and alert.*. */
  readonly records: HallRecords;

  /** The hall's customers (issue 15): operations of kind customer.* and the stations' pull. */
  readonly customers: CentralCustomers;

  /** Planned outages central publishes for an area (issue 17), pulled by the area's halls. */
  readonly outages: PlannedOutages;

  constructor(
    private readonly store: CentralStore,
    private readonly stagesFor: StageResolver,
    private readonly now: () => number,
    /** Seals personal data at rest (the hub keys); throwaway keys when absent. */
    private readonly cipher: FieldCipher = createFieldCipher(ephemeralKeys()),
  ) {
    this.records = new HallRecords(store, cipher, now);
    this.customers = new CentralCustomers(store, cipher, now);
    this.outages = new PlannedOutages(store, now);
  }

  /** Applies a batch in one transaction (one fsync), answering each operation in order. */
  async applyBatch(device: DeviceIdentity, ops: unknown[]): Promise<OpResult[]> {
    const results = await this.store.write(() => this.applyAll(device, ops));
    for (const r of results) {
      if (r.status === 'applied') this.counters.applied++;
      else if (r.status === 'duplicate') this.counters.duplicates++;
      else if (r.status === 'rejected') this.counters.rejected++;
      else this.counters.conflicts++;
    }
    return results;
  }

  private *applyAll(device: DeviceIdentity, ops: unknown[]): Work<OpResult[]> {
    // Made inside the work, so a PostgreSQL retry starts again from the stored counter.
    const numbers = new BatchNumbers(device.hallCode);
    const seen = yield* BatchSeen.read(device.deviceId, ops);
    const apps = yield* BatchApps.read(ops);
    const results: OpResult[] = [];
    for (const raw of ops) results.push(yield* this.applyOne(device, raw, numbers, seen, apps));
    yield* numbers.flush();
    return results;
  }

  private *applyOne(
    device: DeviceIdentity,
    raw: unknown,
    numbers: BatchNumbers,
    seenOps: BatchSeen,
    apps: BatchApps,
  ): Work<OpResult> {
    const rawOpId =
      typeof raw === 'object' &&
      raw !== null &&
      typeof (raw as { opId?: unknown }).opId === 'string'
        ? ((raw as { opId: string }).opId.slice(0, 64) as string)
        : '';
    const parsed = OpEnvelopeSchema.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.');
      return refuse(rawOpId, 'rejected', 'INVALID_OP', field ? { field } : {});
    }
    const op = parsed.data;
    if (op.deviceId !== device.deviceId) return refuse(op.opId, 'rejected', 'DEVICE_MISMATCH');
    // Canonical once: hashed here, stored as the application's payload by decide().
    const canonical = canonicalJson(op.payload);
    if (sha256Hex(canonical) !== op.payloadHash) {
      return refuse(op.opId, 'rejected', 'HASH_MISMATCH');
    }

    const seen = seenOps.get(op.opId);
    if (seen) {
      if (seen.payload_hash !== op.payloadHash) return refuse(op.opId, 'rejected', 'OP_ID_REUSED');
      const first = resultOf(this.cipher, seen.result);
      return first.status === 'applied' ? { ...first, status: 'duplicate' } : first;
    }

    const result = yield* this.decide(device, op, canonical, numbers, apps);
    const record = { payload_hash: op.payloadHash, result: storedResult(this.cipher, result) };
    yield* later(
      `INSERT INTO ops (device_id, op_id, payload_hash, application_id, result, received_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      device.deviceId,
      op.opId,
      record.payload_hash,
      op.applicationId,
      record.result,
      this.now(),
    );
    seenOps.add(op.opId, record);
    return result;
  }

  private *decide(
    device: DeviceIdentity,
    op: Op,
    canonical: string,
    numbers: BatchNumbers,
    apps: BatchApps,
  ): Work<OpResult> {
    if (isHallRecordKind(op.kind)) {
      return yield* this.records.decide(device, op, op.kind, canonical);
    }
    if (isCustomerOpKind(op.kind)) return yield* this.customers.decide(device, op, op.kind);
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

    const app = apps.get(op.applicationId);
    if (app) yield* this.noteOrder(app, op.opId);

    if (op.kind === 'application.submit') {
      if (!app) {
        const { row, result } = yield* this.insert(device, op, p, canonical, numbers);
        apps.put(row);
        return result;
      }
      if (app.payload_hash === op.payloadHash) return answer(op.opId, 'duplicate', app);
      return refuse(op.opId, 'conflict', 'APPLICATION_EXISTS', {
        central: record(app, device, this.cipher),
      });
    }
    // application.replace
    if (!app) return refuse(op.opId, 'rejected', 'UNKNOWN_APPLICATION');
    if (app.hall_code !== device.hallCode) return refuse(op.opId, 'rejected', 'HALL_MISMATCH');
    if (app.payload_hash === op.payloadHash) return answer(op.opId, 'duplicate', app);
    if (app.payload_hash !== p.baseHash) {
      return refuse(op.opId, 'conflict', 'BASE_MISMATCH', {
        central: record(app, device, this.cipher),
      });
    }
    const version = app.version + 1;
    const sealed = sealApplication(this.cipher, canonical);
    yield* later(
      'UPDATE applications SET payload = ?, app_no = ?, payload_hash = ?, version = ?, last_op_id = ? WHERE application_id = ?',
      sealed,
      p.appNo,
      op.payloadHash,
      version,
      op.opId,
      app.application_id,
    );
    const updated = {
      ...app,
      payload: sealed,
      payload_hash: op.payloadHash,
      version,
      last_op_id: op.opId,
    };
    apps.put(updated);
    yield* noteChange(updated, this.now());
    return answer(op.opId, 'applied', updated);
  }

  private *insert(
    device: DeviceIdentity,
    op: Op,
    p: ApplicationSubmitPayload,
    canonical: string,
    numbers: BatchNumbers,
  ): Work<{ row: AppRow; result: OpResult }> {
    const now = this.now();
    const stages = this.stagesFor(p.typeCode, p.accountKind, p);
    const day = numbers.dayOf(now);
    const centralNo = `${device.hallCode}-${day}-${String(yield* numbers.next(day)).padStart(6, '0')}`;
    const row: AppRow = {
      application_id: op.applicationId,
      central_no: centralNo,
      hall_code: device.hallCode,
      payload: sealApplication(this.cipher, canonical),
      payload_hash: op.payloadHash,
      version: 1,
      last_op_id: op.opId,
      stages: JSON.stringify(stages),
      stage_index: 0,
    };
    yield* later(
      `INSERT INTO applications (application_id, central_no, hall_code, station_code, device_id,
           type_code, account_kind, payload, app_no, payload_hash, version, last_op_id, stages,
           stage_index, stage_at, accepted_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?, ?)`,
      row.application_id,
      centralNo,
      device.hallCode,
      p.stationCode,
      device.deviceId,
      p.typeCode,
      p.accountKind,
      row.payload,
      p.appNo,
      row.payload_hash,
      op.opId,
      row.stages,
      now,
      p.acceptedAt,
      now,
    );
    yield* noteChange(row, now);
    return { row, result: answer(op.opId, 'applied', row) };
  }

  /** UUIDv7 ids sort by creation time: an older op arriving after a newer one is out of order. */
  private *noteOrder(app: AppRow, opId: string): Work<void> {
    if (opId < app.last_op_id) {
      yield* later(
        'INSERT INTO order_violations (application_id, op_id, after_op_id) VALUES (?, ?, ?)',
        app.application_id,
        opId,
        app.last_op_id,
      );
    }
  }

  /**
   * Moves an application to `stage` (or the next one). Only forward: the central stage never
   * goes back. Answers not_found when there is no such application, or why it cannot move.
   */
  advance(key: AdvanceKey): Promise<AdvanceOutcome> {
    return this.store.write(() => this.advanceWork(key));
  }

  private *advanceWork(key: AdvanceKey): Work<AdvanceOutcome> {
    const stage = key.stage;
    const app = key.applicationId
      ? yield* get<AppRow>(
          forUpdate('SELECT * FROM applications WHERE application_id = ?'),
          key.applicationId,
        )
      : yield* get<AppRow>(
          forUpdate('SELECT * FROM applications WHERE central_no = ?'),
          key.centralNo ?? null,
        );
    if (!app) return { ok: false, reason: 'not_found' };
    const stages = JSON.parse(app.stages) as string[];
    const target = stage === undefined ? app.stage_index + 1 : stages.indexOf(stage);
    if (stage !== undefined && target < 0) return { ok: false, reason: 'unknown_stage' };
    if (target <= app.stage_index || target >= stages.length) {
      return { ok: false, reason: 'not_forward' };
    }
    const now = this.now();
    yield* run(
      'UPDATE applications SET stage_index = ?, stage_at = ? WHERE application_id = ?',
      target,
      now,
      app.application_id,
    );
    const seq = yield* appendChange({ ...app, stage_index: target }, now);
    return {
      ok: true,
      applicationId: app.application_id,
      centralNo: app.central_no,
      stage: stages[target] ?? '',
      seq,
      final: target === stages.length - 1,
    };
  }

  /** Demo mode: moves up to `count` random open applications one stage on, in one transaction. */
  advanceSome(count: number): Promise<number> {
    return this.store.write(
      function* (this: Ledger): Work<number> {
        const open = yield* all<{ application_id: string }>(
          dialects(
            `SELECT application_id FROM applications
               WHERE stage_index < json_array_length(stages) - 1 ORDER BY random() LIMIT ?`,
            `SELECT application_id FROM applications
               WHERE stage_index < json_array_length(stages::json) - 1 ORDER BY random() LIMIT ?`,
          ),
          count,
        );
        let moved = 0;
        for (const row of open) {
          if ((yield* this.advanceWork({ applicationId: row.application_id })).ok) moved++;
        }
        return moved;
      }.bind(this),
    );
  }

  changesSince(hallCode: string, since: number, limit: number): Promise<ChangesPage> {
    return this.store.read(() => changesSince(hallCode, since, limit));
  }

  summary(): Promise<LedgerSummary> {
    return this.store.read(summaryWork);
  }
}

export interface LedgerSummary {
  applications: number;
  distinctAppNos: number;
  ops: number;
  orderViolations: number;
}

export function* summaryWork(): Work<LedgerSummary> {
  const one = function* (text: SqlText): Work<number> {
    return (yield* get<{ n: number }>(text))?.n ?? 0;
  };
  return {
    applications: yield* one('SELECT count(*) AS n FROM applications'),
    distinctAppNos: yield* one('SELECT count(DISTINCT app_no) AS n FROM applications'),
    ops: yield* one('SELECT count(*) AS n FROM ops'),
    orderViolations: yield* one('SELECT count(*) AS n FROM order_violations'),
  };
}

export interface AdvanceKey {
  applicationId?: string | undefined;
  centralNo?: string | undefined;
  stage?: string | undefined;
}

export type AdvanceOutcome =
  | {
      ok: true;
      applicationId: string;
      centralNo: string;
      stage: string;
      seq: number;
      final: boolean;
    }
  | { ok: false; reason: 'not_found' | 'unknown_stage' | 'not_forward' };
