import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import type { OpResult } from '../../../../shared/sync/protocol';
import { createOutbox } from './outbox';
import { createOutboxStore } from './outbox-store';
import { openSyncDb, seedQueued } from './testing/seed';

/** What the `response` column holds for an answer, as the file has it (no opening). */
const stored = (db: Database, seq: number): string =>
  db.prepare('SELECT response FROM outbox WHERE seq = ?').pluck().get(seq) as string;

describe('acknowledgements at rest', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sync-acks-'));
    db = openSyncDb(join(dir, 'hall.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an answer of ids and numbers in clear, one with a central record sealed, both read back as sent', () => {
    seedQueued(db, 2, { hallCode: 'H01' });
    const outbox = createOutbox(db);
    const rows = outbox.nextBatch(10);
    expect(rows).toHaveLength(2);
    const [plainRow, recordRow] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const applied: OpResult = {
      opId: plainRow.op_id,
      status: 'applied',
      centralNo: 'H01-20261201-000001',
      centralVersion: 1,
      stage: 'accepted',
    };
    // A duplicate answered with central's record: the record holds the applicant's payload.
    const withRecord: OpResult = {
      opId: recordRow.op_id,
      status: 'duplicate',
      centralNo: 'H01-20261201-000002',
      centralVersion: 1,
      stage: 'accepted',
      central: {
        applicationId: recordRow.application_id,
        centralNo: 'H01-20261201-000002',
        version: 1,
        payloadHash: recordRow.payload_hash,
        stage: 'accepted',
        payload: { fields: { applicantName: '测试用户', mobile: '13800000000' } },
      },
    };
    outbox.markAttempt(rows);
    const tally = outbox.recordResults(rows, [applied, withRecord], 2);
    expect(tally).toEqual({ acked: 2, dead: 0, conflict: 0 });

    expect(stored(db, plainRow.seq)).toBe(JSON.stringify(applied));
    const sealed = stored(db, recordRow.seq);
    expect(sealed.startsWith('e1.')).toBe(true);
    expect(sealed).not.toContain('13800000000');
    expect(sealed).not.toContain('测试用户');

    // Read through the owner, both come back as the answers that arrived.
    const acked = new Map(
      createOutboxStore(db)
        .byState('acked')
        .map((r) => [r.seq, r.response]),
    );
    expect(acked.get(plainRow.seq)).toBe(JSON.stringify(applied));
    expect(acked.get(recordRow.seq)).toBe(JSON.stringify(withRecord));
  });
});
