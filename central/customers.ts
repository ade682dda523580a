import { randomUUID } from 'node:crypto';
import type { DeviceIdentity } from './auth';
import { refuse } from './op-answers';
import { all, forUpdate, get, run, type CentralStore, type Work } from './store/work';
import type { FieldCipher } from '../electron/main/services/crypto';
import { toHallIso } from '../shared/hall-time';
import type { Op, OpResult } from '../shared/sync/protocol';
import { normalizeCode } from '../shared/validators/normalize';
import {
  CUSTOMER_PAYLOAD_SCHEMAS,
  type CentralCustomer,
  type CustomerContactPayload,
  type CustomerManagerPayload,
  type CustomerMergePayload,
  type CustomerOpKind,
  type CustomersPage,
  type CustomerTagPayload,
} from '../shared/sync/customer-payloads';

/** What central seals under its hub keys: the certificate and contact, reasons, the history. */
export const CUSTOMER_BODY_CONTEXT = 'hall_customers.body';
export const CUSTOMER_TAG_REASON_CONTEXT = 'hall_customer_tags.reason';
export const CUSTOMER_EVENT_CONTEXT = 'hall_customer_events.changes';

interface Body {
  certNo: string;
  name: string;
  mobile: string;
  address: string;
}

interface CustomerRow {
  customer_id: string;
  hall_code: string;
  cert_type: string;
  cert_bidx: string;
  kind: 'person' | 'organisation';
  body: string;
  manager: string | null;
  manager_set_by: string | null;
  merged_into: string | null;
  seq: number;
}

interface TagRow {
  customer_id: string;
  tag: string;
  reason: string;
  label: string | null;
  set_by: string;
  set_at: number;
}

interface EventRow {
  seq: number;
  customer_id: string;
  station_code: string;
  at: number;
  actor: string;
  action: string;
  changes: string;
}

type Changes = Record<string, { from: string; to: string }>;
type Cert = Pick<CustomerContactPayload, 'certType' | 'certNo' | 'kind'>;
interface Found {
  row: CustomerRow;
  body: Body;
  created: boolean;
}

/**
 * The hall's customers at central (issue 15): operations of kind customer.* handed over by the
 * ledger (idempotency per device and op id and the payload hash are the ledger's), matched by
 * hall and certificate, never by a station's id, and the page a station of the hall pulls. The
 * certificate, contact details, reasons and history are sealed with central's keys; answers and
 * errors carry ids and codes only.
 */
export class CentralCustomers {
  constructor(
    private readonly store: CentralStore,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  *decide(device: DeviceIdentity, op: Op, kind: CustomerOpKind): Work<OpResult> {
    const parsed = CUSTOMER_PAYLOAD_SCHEMAS[kind].safeParse(op.payload);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.');
      return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', field ? { field } : {});
    }
    const p = parsed.data;
    if (p.id !== op.applicationId) {
      return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', { field: 'id' });
    }
    // A device writes only its own hall's customers, whatever ids it names.
    if (p.hallCode !== device.hallCode) return refuse(op.opId, 'rejected', 'HALL_MISMATCH');
    const found = yield* this.ensure(device.hallCode, p.id, p, '');
    switch (kind) {
      case 'customer.contact':
        yield* this.contact(device, found, p as CustomerContactPayload);
        break;
      case 'customer.tag':
        yield* this.tag(device, found.row, p as CustomerTagPayload);
        break;
      case 'customer.manager':
        yield* this.manager(device, found.row, p as CustomerManagerPayload);
        break;
      case 'customer.merge': {
        const m = p as CustomerMergePayload;
        const into = yield* this.ensure(device.hallCode, m.into.id, m.into, m.into.name);
        if (into.row.customer_id === found.row.customer_id) {
          return refuse(op.opId, 'rejected', 'INVALID_PAYLOAD', { field: 'into' });
        }
        yield* this.merge(device, found.row, into.row, m);
        break;
      }
    }
    return {
      opId: op.opId,
      status: 'applied',
      centralNo: found.row.customer_id,
      centralVersion: 1,
      stage: 'RECEIVED',
    };
  }

  /** Central's index of a certificate: normalised again, so a lower-case credit code is one. */
  certIndex(certType: string, certNo: string): string {
    const kind = certType === 'credit_code' ? 'credit_code' : 'id_number';
    return this.cipher.blindIndex(kind, normalizeCode(certNo));
  }

  private openBody = (row: CustomerRow): Body =>
    JSON.parse(this.cipher.open(row.body, CUSTOMER_BODY_CONTEXT)) as Body;
  private sealBody = (body: Body): string =>
    this.cipher.seal(JSON.stringify(body), CUSTOMER_BODY_CONTEXT);

  /** The hall's customer with this certificate, created (under the sender's id) when new. */
  private *ensure(hall: string, stationId: string, cert: Cert, name: string): Work<Found> {
    const bidx = this.certIndex(cert.certType, cert.certNo);
    const row = yield* get<CustomerRow>(
      forUpdate(
        'SELECT * FROM hall_customers WHERE hall_code = ? AND cert_type = ? AND cert_bidx = ?',
      ),
      hall,
      cert.certType,
      bidx,
    );
    if (row) return { row, body: this.openBody(row), created: false };
    // The first station's id names it for the hall, unless that id is taken (another hall's).
    const taken = yield* get<{ n: number }>(
      'SELECT 1 AS n FROM hall_customers WHERE customer_id = ?',
      stationId,
    );
    const body: Body = { certNo: normalizeCode(cert.certNo), name, mobile: '', address: '' };
    const fresh: CustomerRow = {
      customer_id: taken ? randomUUID() : stationId,
      hall_code: hall,
      cert_type: cert.certType,
      cert_bidx: bidx,
      kind: cert.kind,
      body: this.sealBody(body),
      manager: null,
      manager_set_by: null,
      merged_into: null,
      seq: 0,
    };
    yield* run(
      `INSERT INTO hall_customers (customer_id, hall_code, cert_type, cert_bidx, kind, body,
         manager, manager_set_by, merged_into, seq) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0)`,
      fresh.customer_id,
      hall,
      fresh.cert_type,
      bidx,
      fresh.kind,
      fresh.body,
    );
    return { row: fresh, body, created: true };
  }

  /** One change in the customer's history, in central order; the customer moves to its seq. */
  private *event(
    device: DeviceIdentity,
    row: CustomerRow,
    at: string,
    actor: string,
    action: string,
    changes: Changes,
  ): Work<void> {
    const last = yield* get<{ n: number | null }>('SELECT MAX(seq) AS n FROM hall_customer_events');
    const seq = Number(last?.n ?? 0) + 1;
    yield* run(
      `INSERT INTO hall_customer_events (seq, customer_id, hall_code, device_id, station_code, at,
         actor, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      seq,
      row.customer_id,
      row.hall_code,
      device.deviceId,
      device.stationCode,
      Date.parse(at),
      actor,
      action,
      this.cipher.seal(JSON.stringify(changes), CUSTOMER_EVENT_CONTEXT),
    );
    yield* run('UPDATE hall_customers SET seq = ? WHERE customer_id = ?', seq, row.customer_id);
  }

  /** Last writer by central order: the values sent replace central's, the history keeps both. */
  private *contact(device: DeviceIdentity, found: Found, p: CustomerContactPayload): Work<void> {
    const before = found.body;
    const after: Body = { ...before, name: p.name, mobile: p.mobile, address: p.address };
    const changes: Changes = {};
    for (const k of ['name', 'mobile', 'address'] as const) {
      if (before[k] !== after[k]) changes[k] = { from: before[k], to: after[k] };
    }
    if (!found.created && Object.keys(changes).length === 0) return;
    yield* run(
      'UPDATE hall_customers SET body = ? WHERE customer_id = ?',
      this.sealBody(after),
      found.row.customer_id,
    );
    const action = found.created ? 'created' : 'contact';
    yield* this.event(device, found.row, p.at, p.actor, action, changes);
  }

  private *tag(device: DeviceIdentity, row: CustomerRow, p: CustomerTagPayload): Work<void> {
    if (p.set) {
      yield* run(
        'DELETE FROM hall_customer_tags WHERE customer_id = ? AND tag = ?',
        row.customer_id,
        p.tag,
      );
      yield* run(
        `INSERT INTO hall_customer_tags (customer_id, tag, reason, label, set_by, set_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        row.customer_id,
        p.tag,
        this.cipher.seal(p.reason, CUSTOMER_TAG_REASON_CONTEXT),
        p.label ? JSON.stringify(p.label) : null,
        p.actor,
        Date.parse(p.at),
      );
    } else {
      yield* run(
        'DELETE FROM hall_customer_tags WHERE customer_id = ? AND tag = ?',
        row.customer_id,
        p.tag,
      );
    }
    const change = p.set ? { from: '', to: p.reason } : { from: p.reason, to: '' };
    const action = p.set ? 'tag_set' : 'tag_removed';
    yield* this.event(device, row, p.at, p.actor, action, { [`tag:${p.tag}`]: change });
  }

  private *manager(
    device: DeviceIdentity,
    row: CustomerRow,
    p: CustomerManagerPayload,
  ): Work<void> {
    yield* run(
      'UPDATE hall_customers SET manager = ?, manager_set_by = ? WHERE customer_id = ?',
      p.manager,
      p.actor,
      row.customer_id,
    );
    const change = { manager: { from: row.manager ?? '', to: p.manager ?? '' } };
    yield* this.event(device, row, p.at, p.actor, 'manager', change);
  }

  /** The duplicate points at the survivor; its tags and manager follow where the survivor has none. */
  private *merge(
    device: DeviceIdentity,
    from: CustomerRow,
    into: CustomerRow,
    p: CustomerMergePayload,
  ): Work<void> {
    yield* run(
      'UPDATE hall_customers SET merged_into = ? WHERE customer_id = ?',
      into.customer_id,
      from.customer_id,
    );
    const has = new Set(
      (yield* all<TagRow>(
        'SELECT * FROM hall_customer_tags WHERE customer_id = ?',
        into.customer_id,
      )).map((t) => t.tag),
    );
    const moving = yield* all<TagRow>(
      'SELECT * FROM hall_customer_tags WHERE customer_id = ?',
      from.customer_id,
    );
    for (const t of moving.filter((m) => !has.has(m.tag))) {
      yield* run(
        `INSERT INTO hall_customer_tags (customer_id, tag, reason, label, set_by, set_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        into.customer_id,
        t.tag,
        t.reason,
        t.label,
        t.set_by,
        t.set_at,
      );
    }
    if (into.manager === null && from.manager !== null) {
      yield* run(
        'UPDATE hall_customers SET manager = ?, manager_set_by = ? WHERE customer_id = ?',
        from.manager,
        p.actor,
        into.customer_id,
      );
    }
    const merge = (other: string) => ({ merge: { from: other, to: p.reason } });
    yield* this.event(device, from, p.at, p.actor, 'merged_away', merge(into.customer_id));
    yield* this.event(device, into, p.at, p.actor, 'merged_in', merge(from.customer_id));
  }

  /**
   * The hall's customers changed after `since`, in central order, each whole (last writer
   * wins) with the changes the hall's other devices made since then (the device's own are in
   * its history already). Only this hall's customers: the hall comes from the device's token.
   */
  async page(device: DeviceIdentity, since: number, limit: number): Promise<CustomersPage> {
    return this.store.read(() => this.pageWork(device, since, limit));
  }

  private *pageWork(device: DeviceIdentity, since: number, limit: number): Work<CustomersPage> {
    const rows = yield* all<CustomerRow>(
      `SELECT * FROM hall_customers WHERE hall_code = ? AND seq > ? ORDER BY seq LIMIT ?`,
      device.hallCode,
      since,
      limit + 1,
    );
    const more = rows.length > limit;
    const customers: CentralCustomer[] = [];
    for (const row of rows.slice(0, limit)) {
      const tags = yield* all<TagRow>(
        'SELECT * FROM hall_customer_tags WHERE customer_id = ? ORDER BY set_at, tag',
        row.customer_id,
      );
      const events = yield* all<EventRow>(
        `SELECT * FROM hall_customer_events WHERE customer_id = ? AND seq > ? AND device_id <> ?
          ORDER BY seq`,
        row.customer_id,
        since,
        device.deviceId,
      );
      customers.push(this.present(row, tags, events));
    }
    const last = customers.at(-1)?.seq;
    return { customers, nextCursor: last ?? since, more };
  }

  private present(row: CustomerRow, tags: TagRow[], events: EventRow[]): CentralCustomer {
    const body = this.openBody(row);
    return {
      seq: Number(row.seq),
      customerId: row.customer_id,
      certType: row.cert_type as CentralCustomer['certType'],
      certNo: body.certNo,
      kind: row.kind,
      name: body.name,
      mobile: body.mobile,
      address: body.address,
      manager: row.manager,
      mergedInto: row.merged_into,
      tags: tags.map((t) => ({
        tag: t.tag,
        reason: this.cipher.open(t.reason, CUSTOMER_TAG_REASON_CONTEXT),
        setBy: t.set_by,
        setAt: toHallIso(Number(t.set_at)),
        label: t.label ? (JSON.parse(t.label) as { zh: string; en: string }) : null,
      })),
      history: events.map((e) => ({
        seq: Number(e.seq),
        at: toHallIso(Number(e.at)),
        actor: e.actor,
        stationCode: e.station_code,
        action: e.action,
        changes: JSON.parse(this.cipher.open(e.changes, CUSTOMER_EVENT_CONTEXT)) as Changes,
      })),
    };
  }
}
