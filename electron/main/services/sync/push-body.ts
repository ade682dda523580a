import type { AuditTail } from '../../../../shared/sync/protocol';
import type { OutboxRow } from './outbox';

/**
 * The body of POST /v1/ops as JSON text, built from the outbox rows without parsing their
 * payloads: a payload is stored as canonical JSON text (and opened from its sealed form just
 * before), so it goes into the body as it is. The same text `JSON.stringify` would make of
 * `{ ops: [{ opId, deviceId, kind, applicationId, payload, payloadHash }], auditTail? }` with
 * the payload parsed (push-body.test.ts checks this), for a fraction of the CPU of a 500-op batch.
 */
export function pushBodyText(
  rows: readonly OutboxRow[],
  deviceId: string,
  auditTail: AuditTail | undefined,
): string {
  const device = JSON.stringify(deviceId);
  const ops = rows.map(
    (row) =>
      `{"opId":${JSON.stringify(row.op_id)},"deviceId":${device},"kind":${JSON.stringify(row.kind)},` +
      `"applicationId":${JSON.stringify(row.application_id)},"payload":${row.payload},` +
      `"payloadHash":${JSON.stringify(row.payload_hash)}}`,
  );
  const tail = auditTail ? `,"auditTail":${JSON.stringify(auditTail)}` : '';
  return `{"ops":[${ops.join(',')}]${tail}}`;
}
