import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { MIGRATIONS, openDatabase, type Database } from '../../db';
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
 * (application + outbox in one transaction, payload stored canonical).
 */
export function seedQueued(db: Database, count: number, opts: SeedOptions): Seeded {
  const station = opts.stationCode ?? 'S1';
  const now = opts.now ?? Date.now();
  const insertApp = db.prepare(`
    INSERT INTO applications (id, app_no, type_code, family, account_kind, state, applicant_name,
      mobile, id_number, fields_json, papers_json, catalogue_version, clerk, created_at,
      updated_at, accepted_at, deadline_at)
    VALUES (@id, @appNo, @typeCode, 'new', @accountKind, 'queued', '测试用户', '13800000000',
      '11010519491231002X', @fields, '[]', 'test-1', 'clerk01', @now, @now, @now, @now)`);
  const insertOp = db.prepare(`
    INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const ids: string[] = [];
  let ops = 0;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = uuidv7();
      let payload = testPayload(id, opts.hallCode, station, i);
      if (opts.mutate) payload = opts.mutate(payload, i);
      insertApp.run({
        id,
        appNo: payload.appNo,
        typeCode: payload.typeCode,
        accountKind: payload.accountKind,
        fields: JSON.stringify(payload.fields),
        now,
      });
      const text = canonicalJson(payload);
      insertOp.run(uuidv7(), id, 'application.submit', text, sha256(text), now);
      ops++;
      if (opts.replaceEvery && i % opts.replaceEvery === 0) {
        const replace = { ...payload, clerk: 'clerk02', baseHash: sha256(text) };
        const rtext = canonicalJson(replace);
        insertOp.run(uuidv7(), id, 'application.replace', rtext, sha256(rtext), now);
        ops++;
      }
      ids.push(id);
    }
  })();
  return { applicationIds: ids, ops };
}
