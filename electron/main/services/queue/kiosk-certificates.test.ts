import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCentralCore, type CentralCore } from '../../../../central/server';
import { ApiError } from '../../../../shared/api/errors';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { KioskDraft } from '../../../../shared/queue/kiosk';
import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';
import { createApplicationRepository } from '../applications/repository';
import { createApplicationService } from '../applications/service';
import { openDatabase, type Database } from '../db';
import { createQueueService } from './service';
import { testLog } from '../../../../tests/support/test-log';

/**
 * A kiosk draft takes the certificates the counter takes, with the same check per type: a wrong
 * number is said at the kiosk, a right one reaches the clerk's draft normalised, with its type.
 */
let dir: string;
let core: CentralCore;
const clock = Date.parse('2026-03-02T01:00:00Z'); // 09:00 in the hall
const dbs: Database[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-kiosk-cert-'));
  core = createCentralCore({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
    now: () => clock,
  });
});
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function station(code: string, kind: 'staff' | 'kiosk') {
  const db = openDatabase(join(dir, `${code}.db`), { now: () => new Date(clock), log: testLog });
  dbs.push(db);
  const applications = createApplicationService({
    db,
    catalogues: singleCatalogue(CATALOGUE),
    now: () => new Date(clock),
    hallName: 'test',
    hallCode: 'HALL-K',
    stationCode: code,
  });
  const q = createQueueService({
    db,
    centralUrl: 'http://central.test',
    hallCode: 'HALL-K',
    stationCode: code,
    registrationSecret: DEV_REGISTRATION_SECRET,
    kind,
    catalogue: CATALOGUE,
    saveDraft: applications.saveDraft,
    now: () => clock,
    fetch: (input, init) => core.fetch(input, init),
    log: testLog,
  });
  return { q, db };
}

const draft = (fields: Partial<KioskDraft['fields']>): KioskDraft => ({
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: { applicantName: '测试客户', mobile: '13800138000', ...fields },
  note: '',
});

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('kiosk drafts: certificate types', () => {
  it('a passport typed loosely reaches the clerk normalised, with its type', async () => {
    const kiosk = station('K01', 'kiosk').q;
    const { q: counter, db } = station('C01', 'staff');
    const t = await kiosk.startApplication(
      draft({ idType: 'passport', idNumber: 'e1234 5678' }),
      'normal',
    );
    await counter.callNext(['NEW']);
    const { applicationId } = await counter.verifyKioskDraft(t.id, 'clerk1');
    const fields = JSON.parse(
      createApplicationRepository(db).findById(applicationId)?.fields_json ?? '{}',
    ) as Record<string, unknown>;
    expect([fields.idType, fields.idNumber]).toEqual(['passport', 'E12345678']);
  });

  it.each([
    ['resident_id', 'E12345678', /身份证/],
    ['hk_macao_permit', 'K12345678', /港澳居民来往内地通行证号码应为H或M/],
    ['taiwan_permit', '1234567', /台湾居民来往大陆通行证号码应为8位数字/],
    ['passport', '110105194912310019', /不是护照号码/],
  ] as const)(
    'a wrong %s number is refused at the kiosk, in words',
    async (idType, idNumber, says) => {
      const kiosk = station('K01', 'kiosk').q;
      const err = await refusal(kiosk.startApplication(draft({ idType, idNumber }), 'normal'));
      expect(err.body.code).toBe('VALIDATION');
      expect(err.body.field).toBe('draft.fields.idNumber');
      expect(err.body.message).toMatch(says);
      expect(err.body.messageEn).not.toBe('');
      expect(JSON.stringify(err.body)).not.toContain(idNumber);
    },
  );
});
