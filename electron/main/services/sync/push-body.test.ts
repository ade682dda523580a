import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import { PushRequestSchema } from '../../../../shared/sync/protocol';
import { testPayload } from './testing/seed';
import { pushBody } from './push-body';
import type { SendingRow } from './outbox';

const row = (i: number, payload: string): SendingRow => ({
  seq: i,
  op_id: uuidv7(),
  application_id: uuidv7(),
  kind: i % 2 ? 'application.submit' : 'application.replace',
  payload: Buffer.from(payload),
  payload_hash: 'a'.repeat(64),
  created_at: 0,
  state: 'pending',
  attempts: 0,
  next_attempt_at: 0,
  last_error: null,
  acked_at: null,
  response: null,
});

describe('the push body built as bytes', () => {
  // Quotes, backslashes, line breaks and non-ASCII in the stored payload and the names.
  const payloads = [
    canonicalJson(testPayload(uuidv7(), 'H01', 'S1', 1)),
    canonicalJson({ note: 'a "quoted" \\ back\nslash 测试 \u2028', n: 1.5, list: [null, true] }),
  ];
  const rows = payloads.map((p, i) => row(i + 1, p));
  const parsed = (deviceId: string) =>
    rows.map((r) => ({
      opId: r.op_id,
      deviceId,
      kind: r.kind,
      applicationId: r.application_id,
      payload: JSON.parse(r.payload.toString('utf8')) as unknown,
      payloadHash: r.payload_hash,
    }));

  it('is the UTF-8 of the text JSON.stringify makes of the parsed operations', () => {
    const deviceId = uuidv7();
    const body = pushBody(rows, deviceId, undefined);
    expect(body.toString('utf8')).toBe(JSON.stringify({ ops: parsed(deviceId) }));
    expect(body.equals(Buffer.from(JSON.stringify({ ops: parsed(deviceId) })))).toBe(true);
    expect(pushBody([], deviceId, undefined).toString('utf8')).toBe('{"ops":[]}');
  });

  it('carries the audit-trail tail after the operations when there is one', () => {
    const deviceId = uuidv7();
    const tail = { lastId: 7, hash: 'b'.repeat(64) };
    const text = pushBody(rows, deviceId, tail).toString('utf8');
    expect(text).toBe(JSON.stringify({ ops: parsed(deviceId), auditTail: tail }));
    expect(PushRequestSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });
});
