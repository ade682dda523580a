import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createApplicationRepository } from '../../applications/repository';
import { MIGRATIONS, openDatabase, type Database } from '../../db';
import { createOutboxStore } from '../outbox-store';
import { canonicalJson } from '../../../../../shared/sync/canonical-json';
import type { ApplicationSubmitPayload } from '../../../../../shared/sync/application-payload';
import { testLog } from '../../../../../tests/support/test-log';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The console database with the sync tables, for tests and benches. */
export function openSyncDb(file: string): Database {
  return openDatabase(file, {
    migrations: MIGRATIONS,
    backupDir: join(dirname(file), 'backups'),
    log: testLog,
  });
}

export interface SeedOptions {
  hallCode: string;
  stationCode?: string;
  /** Every nth application also gets an application.replace after its submit (0 = none). */
  replaceEvery?: number;
  /** Change a submit payload before it is stored (to make invalid ones). */
  mutate?: (p: ApplicationSubmitPayload, index: number) => ApplicationSubmitPayload;
  now?: number;
}

export interface Seeded {
  applicationIds: string[];
  ops: number;
}

/** What an application looks like once submitted at the counter (test data, not real people). */
export function testPayload(
  applicationId: string,
  hallCode: string,
  stationCode: string,
  i: number,
) {
  const payload: ApplicationSubmitPayload = {
    applicationId,
    appNo: `${stationCode}-T${String(i).padStart(7, '0')}-${applicationId.slice(-6)}`,
    typeCode: i % 3 === 0 ? 'hv_new' : 'lv_resident_new',
    accountKind: i % 3 === 0 ? 'hv' : 'lv_resident',
    fields: {
      applicantName: '测试用户',
      idNumber: '11010519491231002X',
      mobile: '13800000000',
      address: {
        province: '北京市',
        city: '北京市',
        district: '西城区',
        street: '',
        detail: '测试路1号',
      },
    },
    papers: [{ code: 'id_card', status: 'received' }],
    acceptedAt: '2026-03-02T09:30:00+08:00',
    deadlineAt: '2026-03-09T17:00:00+08:00',
    catalogueVersion: 'test-1',
    clerk: 'clerk01',
    hallCode,
    stationCode,
  };
  return payload;
}

/**
 * Queued applications with their outbox rows, written as the counter's submit writes them
 * (application + outbox in one transaction through their owners, so sealed as the product
 * stores them; payload stored canonical).
 */
export function seedQueued(db: Database, count: number, opts: SeedOptions): Seeded {
  const station = opts.stationCode ?? 'S1';
  const now = opts.now ?? Date.now();
  const applications = createApplicationRepository(db);
  const outbox = createOutboxStore(db);
  const insertOp = (
    op_id: string,
    application_id: string,
    kind: string,
    payload: string,
    payload_hash: string,
    created_at: number,
  ): void => outbox.enqueue({ op_id, application_id, kind, payload, payload_hash, created_at });
  const ids: string[] = [];
  let ops = 0;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = uuidv7();
      let payload = testPayload(id, opts.hallCode, station, i);
      if (opts.mutate) payload = opts.mutate(payload, i);
      applications.insert({
        id,
        app_no: payload.appNo,
        type_code: payload.typeCode,
        family: 'new',
        account_kind: payload.accountKind,
        state: 'queued',
        applicant_name: '测试用户',
        mobile: '13800000000',
        id_number: '11010519491231002X',
        credit_code: '',
        account_no: '',
        fields_json: JSON.stringify(payload.fields),
        papers_json: '[]',
        catalogue_version: 'test-1',
        clerk: 'clerk01',
        ticket_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
        accepted_at: now,
        deadline_at: now,
      });
      const text = canonicalJson(payload);
      insertOp(uuidv7(), id, 'application.submit', text, sha256(text), now);
      ops++;
      if (opts.replaceEvery && i % opts.replaceEvery === 0) {
        const replace = { ...payload, clerk: 'clerk02', baseHash: sha256(text) };
        const rtext = canonicalJson(replace);
        insertOp(uuidv7(), id, 'application.replace', rtext, sha256(rtext), now);
        ops++;
      }
      ids.push(id);
    }
  })();
  return { applicationIds: ids, ops };
}
