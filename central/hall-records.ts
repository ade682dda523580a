import { randomUUID } from 'node:crypto';
import type { DeviceIdentity } from './auth';
import { refuse } from './op-answers';
import { all, forUpdate, get, run, type CentralStore, type Work } from './store/work';
import { hallDateCompact, toHallIso } from '../shared/hall-time';
import type { FieldCipher } from '../electron/main/services/crypto';
import { HALL_REQUEST_PAYLOAD_CONTEXT, openPayload, sealPayload } from './sealed-payloads';
import type { Op, OpResult } from '../shared/sync/protocol';
import {
  HALL_RECORD_PAYLOAD_SCHEMAS,
  type AlertRaisePayload,
  type CentralAlert,
  type HallRecordKind,
} from '../shared/sync/hall-record-payloads';

const DAY_MS = 86_400_000;
const REQUEST_PREFIX = {
  'request.fault': 'GZ',
  'request.subscribe': 'DY',
  'request.enquiry': 'ZX',
};
const KIND_OF = {
  'request.fault': 'fault',
  'request.subscribe': 'subscription',
  'request.enquiry': 'enquiry',
};

interface RequestRow {
  record_id: string;
  central_no: string;
  hall_code: string;
  kind: string;
  payload_hash: string;
  arrive_by: string | null;
  withdrawn_at: string | null;
  received_at: number;
}

interface AlertRow {
  alert_id: string;
  hall_code: string;
  origin: 'hall' | 'central';
  area: string | null;
  body: string;
  ended_at: number | null;
  ended_by: string | null;
}

/** What an area alert raised at central says (the admin API). */
export interface AreaAlertInput {
  halls: string[];
  area: string;
  level: AlertRaisePayload['level'];
  reason: string;
  staffGuidance: string;
  customerNotice: string;
  scripts: string[];
  endsAt: string;
  raisedBy: string;
}

/** A request as the admin API lists it: numbers and times, never the customer's details. */
export interface RequestSummary {
  centralNo: string;
  recordId: string;
  kind: string;
  arriveBy: string | null;
  arrivalMinutes: number | null;
  withdrawnAt: string | null;
  receivedAt: string;
}

/**
 * The hall's requests and alerts at central: the operations of kind request.* and alert.* the
 * ledger hands over (idempotency and hashes are the ledger's; `decide` is store work inside the
 * ledger's transaction), the alerts a station pulls for its hall, and area alerts central
 * raises for several halls at once. Two requests of a hall taking the same number at once on
 * PostgreSQL: the second meets the `central_no` key and the store runs it again.
 */
export class HallRecords {
  constructor(
    private readonly store: CentralStore,
    /** Seals a request's payload (a fault report's phone and address, a subscriber's mobile). */
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  *decide(device: DeviceIdentity, op: Op, kind: HallRecordKind, canonical: string): Work<OpResult> {
    const parsed = HALL_RECORD_PAYLOAD_SCHEMAS[kind].safeParse(op.payload);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.');
      return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', field ? { field } : {});
    }
    const p = parsed.data as { id: string; hallCode: string };
    if (p.id !== op.applicationId) {
      return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', { field: 'id' });
    }
    if (p.hallCode !== device.hallCode) return refuse(op.opId, 'rejected', 'HALL_MISMATCH');
    switch (kind) {
      case 'request.fault':
      case 'request.subscribe':
      case 'request.enquiry':
        return yield* this.takeRequest(device, op, kind, canonical);
      case 'request.withdrawConsent':
        return yield* this.withdraw(op, device.hallCode, parsed.data as { withdrawnAt: string });
      case 'alert.raise':
        return yield* this.raiseFromHall(op, parsed.data as AlertRaisePayload);
      case 'alert.end':
        return yield* this.endFromHall(op, parsed.data as { endedAt: string; endedBy: string });
    }
  }

  private *requestRow(id: string, lock = false): Work<RequestRow | undefined> {
    const select = 'SELECT * FROM hall_requests WHERE record_id = ?';
    return yield* get<RequestRow>(lock ? forUpdate(select) : select, id);
  }

  private *takeRequest(
    device: DeviceIdentity,
    op: Op,
    kind: keyof typeof REQUEST_PREFIX,
    canonical: string,
  ): Work<OpResult> {
    const seen = yield* this.requestRow(op.applicationId);
    if (seen) {
      return seen.payload_hash === op.payloadHash
        ? applied(op.opId, seen.central_no, 'duplicate')
        : refuse(op.opId, 'conflict', 'APPLICATION_EXISTS');
    }
    const now = this.now();
    const prefix = `${REQUEST_PREFIX[kind]}${device.hallCode}${hallDateCompact(now)}`;
    const n = (yield* get<{ n: number }>(
      'SELECT count(*) AS n FROM hall_requests WHERE central_no LIKE ?',
      `${prefix}%`,
    ))?.n;
    const centralNo = `${prefix}${String((n ?? 0) + 1).padStart(4, '0')}`;
    const arriveBy = kind === 'request.fault' ? (op.payload.arriveBy as string) : null;
    yield* run(
      `INSERT INTO hall_requests (record_id, central_no, hall_code, station_code, kind, payload,
         payload_hash, arrive_by, withdrawn_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      op.applicationId,
      centralNo,
      device.hallCode,
      device.stationCode,
      KIND_OF[kind],
      sealPayload(this.cipher, canonical, HALL_REQUEST_PAYLOAD_CONTEXT),
      op.payloadHash,
      arriveBy,
      now,
    );
    return applied(op.opId, centralNo, 'applied');
  }

  private *withdraw(op: Op, hallCode: string, p: { withdrawnAt: string }): Work<OpResult> {
    const row = yield* this.requestRow(op.applicationId, true);
    if (!row || row.kind !== 'subscription') {
      return refuse(op.opId, 'rejected', 'UNKNOWN_APPLICATION');
    }
    if (row.hall_code !== hallCode) return refuse(op.opId, 'rejected', 'HALL_MISMATCH');
    yield* run(
      'UPDATE hall_requests SET withdrawn_at = ? WHERE record_id = ? AND withdrawn_at IS NULL',
      p.withdrawnAt,
      row.record_id,
    );
    return applied(op.opId, row.central_no, 'applied');
  }

  private *raiseFromHall(op: Op, p: AlertRaisePayload): Work<OpResult> {
    // Raised twice at once on PostgreSQL: the second insert meets the key and runs again.
    const exists = yield* this.alertRow(p.id, p.hallCode);
    if (!exists) yield* this.insertAlert(p.id, p.hallCode, 'hall', null, p);
    return applied(op.opId, alertNo(p.id), exists ? 'duplicate' : 'applied');
  }

  private *endFromHall(op: Op, p: { endedAt: string; endedBy: string }): Work<OpResult> {
    const hallCode = (op.payload as { hallCode: string }).hallCode;
    if (!(yield* this.alertRow(op.applicationId, hallCode))) {
      return refuse(op.opId, 'rejected', 'UNKNOWN_APPLICATION');
    }
    yield* this.end(op.applicationId, hallCode, Date.parse(p.endedAt), p.endedBy);
    return applied(op.opId, alertNo(op.applicationId), 'applied');
  }

  private *alertRow(id: string, hallCode: string): Work<AlertRow | undefined> {
    return yield* get<AlertRow>(
      'SELECT * FROM hall_alerts WHERE alert_id = ? AND hall_code = ?',
      id,
      hallCode,
    );
  }

  private *insertAlert(
    id: string,
    hallCode: string,
    origin: 'hall' | 'central',
    area: string | null,
    body: Omit<AlertRaisePayload, 'id' | 'hallCode' | 'stationCode'>,
  ): Work<void> {
    const text = JSON.stringify({
      level: body.level,
      reason: body.reason,
      staffGuidance: body.staffGuidance,
      customerNotice: body.customerNotice,
      scripts: body.scripts,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      raisedBy: body.raisedBy,
    });
    yield* run(
      `INSERT INTO hall_alerts (alert_id, hall_code, origin, area, body, ends_at, ended_at,
         ended_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)`,
      id,
      hallCode,
      origin,
      area,
      text,
      Date.parse(body.endsAt),
      this.now(),
    );
  }

  private *end(id: string, hallCode: string, endedAt: number, endedBy: string): Work<void> {
    yield* run(
      `UPDATE hall_alerts SET ended_at = ?, ended_by = ?, updated_at = ?
        WHERE alert_id = ? AND hall_code = ? AND ended_at IS NULL`,
      endedAt,
      endedBy,
      this.now(),
      id,
      hallCode,
    );
  }

  /** The hall's alerts a station mirrors: all but those over (ended or past) for a day. */
  async alertsFor(hallCode: string): Promise<CentralAlert[]> {
    const since = this.now() - DAY_MS;
    const rows = await this.store.read(() =>
      all<AlertRow>(
        `SELECT * FROM hall_alerts WHERE hall_code = ? AND ends_at >= ?
           AND (ended_at IS NULL OR ended_at >= ?) ORDER BY updated_at, alert_id`,
        hallCode,
        since,
        since,
      ),
    );
    return rows.map((r) => {
      const body = JSON.parse(r.body) as Omit<
        CentralAlert,
        'id' | 'origin' | 'area' | 'endedAt' | 'endedBy'
      >;
      return {
        id: r.alert_id,
        origin: r.origin,
        area: r.area,
        ...body,
        endedAt: r.ended_at === null ? null : toHallIso(r.ended_at),
        endedBy: r.ended_by,
      };
    });
  }

  /** An alert central raises for an area: one row per hall it covers, one id for all. */
  async raiseAreaAlert(input: AreaAlertInput): Promise<{ id: string }> {
    const id = randomUUID();
    const startsAt = toHallIso(this.now());
    await this.store.write(() => this.insertAreaAlert(id, input, startsAt));
    return { id };
  }

  private *insertAreaAlert(id: string, input: AreaAlertInput, startsAt: string): Work<void> {
    for (const hall of new Set(input.halls)) {
      yield* this.insertAlert(id, hall, 'central', input.area, { ...input, startsAt });
    }
  }

  /** Ends an area alert in every hall it covers; false when there is no such alert. */
  endAreaAlert(id: string, endedBy: string): Promise<boolean> {
    return this.store.write(() => this.endArea(id, endedBy));
  }

  private *endArea(id: string, endedBy: string): Work<boolean> {
    const halls = yield* all<{ hall_code: string }>(
      "SELECT hall_code FROM hall_alerts WHERE alert_id = ? AND origin = 'central'",
      id,
    );
    for (const h of halls) yield* this.end(id, h.hall_code, this.now(), endedBy);
    return halls.length > 0;
  }

  async requestsOf(hallCode: string): Promise<RequestSummary[]> {
    const rows = await this.store.read(() =>
      all<RequestRow & { payload: string }>(
        'SELECT * FROM hall_requests WHERE hall_code = ? ORDER BY received_at, central_no',
        hallCode,
      ),
    );
    return rows.map((r) => {
      const minutes = (
        JSON.parse(openPayload(this.cipher, r.payload, HALL_REQUEST_PAYLOAD_CONTEXT)) as {
          arrivalMinutes?: unknown;
        }
      ).arrivalMinutes;
      return {
        centralNo: r.central_no,
        recordId: r.record_id,
        kind: r.kind,
        arriveBy: r.arrive_by,
        arrivalMinutes: typeof minutes === 'number' ? minutes : null,
        withdrawnAt: r.withdrawn_at,
        receivedAt: toHallIso(r.received_at),
      };
    });
  }
}

const alertNo = (id: string): string => `ALERT-${id.slice(0, 8)}`;

const applied = (opId: string, centralNo: string, status: 'applied' | 'duplicate'): OpResult => ({
  opId,
  status,
  centralNo,
  centralVersion: 1,
  stage: 'RECEIVED',
});
