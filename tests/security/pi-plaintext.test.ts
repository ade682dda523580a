import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue';
import type { ApplicationInput } from '../../shared/api/schemas';
import { startCentral } from '../../central/server';
import { ctxFor, seedStaff, TEST_COST } from '../../electron/main/services/auth/testing/services';
import { createServices, type Services } from '../../electron/main/services/createServices';
import { createHallLogger } from '../../electron/main/services/logging';
import { createOutboxStore } from '../../electron/main/services/sync/outbox-store';
import { createSyncState } from '../../electron/main/services/sync/sync-state';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';
import { writeFreeText } from '../../electron/main/services/testing/free-text';
import { ALL_PI, PI } from './pi-canaries';

/**
 * Plain-text scan (issue 10): canary personal data goes in through every method that stores
 * some (applications and drafts, complaints with their answers and event notes, a guide's
 * note, a kiosk draft held on the hall hub, a dead letter's correction and discard reason, the
 * device's tokens), a backup is taken, then the raw bytes of the station's database, its -wal,
 * every backup, every log file and the hub's database are searched for each canary as UTF-8
 * and UTF-16. Prints `pi_plaintext hits=H canaries=N`; any hit fails, naming file and canary.
 */
const dir = mkdtempSync(join(tmpdir(), 'hall-pi-scan-'));
const hubDir = mkdtempSync(join(tmpdir(), 'hall-pi-hub-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(hubDir, { recursive: true, force: true });
});

function canaryInput(i: number): ApplicationInput {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(300 + i), new Date());
  const fields: ApplicationInput['fields'] = {
    ...input.fields,
    idNumber: PI.ids[i]!,
    mobile: PI.phones[i]!,
  };
  const address = input.fields.address;
  if (address && typeof address === 'object')
    fields.address = { ...address, detail: PI.addressDetail };
  return { ...input, fields };
}

/** Every file under `root` (the db, -wal, -shm, backups, logs; the key files excluded). */
function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return e.name.endsWith('keys.json') ? [] : [path];
  });
}

function hitsIn(files: string[], canaries: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const c of canaries) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(c, enc))) hits.push(`${file} (${enc}): ${c.slice(0, 4)}…`);
      }
    }
  }
  return hits;
}

async function call<T = { id: string; version: number }>(
  services: Services,
  method: string,
  input: unknown,
  token: string,
): Promise<T> {
  const res = await services.dispatch(method, input, ctxFor(token));
  expect(res.ok, `${method}: ${JSON.stringify(res.ok ? '' : res.error)}`).toBe(true);
  return (res.ok ? res.value : undefined) as T;
}

describe('personal data at rest', () => {
  it('finds no canary in the database, its -wal, the backups, the logs or the hub', async () => {
    const hub = await startCentral({
      dbFile: join(hubDir, 'hub.db'),
      allowDevelopmentSecret: true, // demo trust: the station enrols with the development secret
    });
    const dbFile = join(dir, 'hall.db');
    const logDir = join(dir, 'logs');
    const services = createServices({
      dbFile,
      backupDir: join(dir, 'backups'),
      transport: 'http',
      logger: createHallLogger({ dir: logDir, echo: false }),
      auth: { enforce: true, scryptCost: TEST_COST },
      hubUrl: hub.url,
      demo: true,
      startSync: false,
    });
    const tokens = await seedStaff(services);
    // The address canary really goes in (the type has an address field).
    expect(JSON.stringify(canaryInput(0).fields.address)).toContain(PI.addressDetail);

    // Applications: a draft, edited, then submitted; a direct submit; a draft left as a draft.
    const draft = await call(services, 'applications.saveDraft', canaryInput(0), tokens.counter);
    await call(
      services,
      'applications.submit',
      { ...canaryInput(0), id: draft.id, baseVersion: draft.version },
      tokens.counter,
    );
    await call(services, 'applications.submit', canaryInput(1), tokens.counter);
    await call(services, 'applications.saveDraft', canaryInput(2), tokens.counter);
    await call(services, 'applications.list', { q: PI.phones[1] }, tokens.counter);

    // Complaints (content, answer, event notes), a guide's note, a discarded dead letter.
    const { complaintId } = await writeFreeText(
      services,
      {
        complaintContent: PI.complaintContent,
        complaintAnswer: PI.complaintAnswer,
        complaintNote: PI.complaintNote,
        guideNote: PI.guideNote,
        discardReason: PI.discardReason,
        complaintMobile: PI.complaintPhone,
      },
      tokens,
    );
    // A dead letter corrected by the supervisor (the correction's new phone) and sent again.
    const outbox = createOutboxStore(services.db);
    const [second] = outbox.byState('pending');
    expect(second).toBeDefined();
    outbox.settle(second!.seq, 'dead', 'invalid_field fields.mobile', '{"status":"rejected"}');
    await call(
      services,
      'sync.resendDeadLetter',
      { seq: second!.seq, fields: { mobile: PI.correctionPhone } },
      tokens.supervisor,
    );

    // A kiosk draft, held with its ticket on the hall hub.
    await call(
      services,
      'kiosk.startApplication',
      {
        draft: {
          typeCode: 'NEW_LV_RES',
          accountKind: 'lv_resident',
          fields: {
            applicantName: '金丝雀',
            mobile: PI.kioskPhone,
            address: {
              province: '福建省',
              city: '福州市',
              district: '鼓楼区',
              detail: PI.kioskDetail,
            },
          },
          note: PI.kioskNote,
        },
      },
      tokens.guide,
    );

    // A ticket with the guide's triage note, held on the hall hub with the ticket.
    await call(
      services,
      'queue.issue',
      { serviceCode: 'GENERAL', priority: 'normal', note: PI.ticketNote },
      tokens.guide,
    );

    // The device's tokens, as the central connection stores them.
    createSyncState(services.db).saveCredentials({
      deviceId: 'dev-1',
      token: PI.tokens[0]!,
      tokenExpiresAt: '2099-01-01T00:00:00Z',
      refreshToken: PI.tokens[1]!,
    });
    await call(services, 'backups.create', {}, tokens.supervisor);

    // Read back through the owners: the values are there, only sealed.
    expect(createSyncState(services.db).credentials()?.refreshToken).toBe(PI.tokens[1]);
    const complaint = await call<{ content: string; answer: string }>(
      services,
      'complaints.get',
      { id: complaintId },
      tokens.counter,
    );
    expect(complaint).toMatchObject({
      content: PI.complaintContent,
      answer: PI.complaintAnswer,
    });
    expect(JSON.stringify(outbox.byState('pending'))).toContain(PI.correctionPhone);
    await services.close();
    await hub.close();

    const files = [...filesUnder(dir), ...filesUnder(hubDir)];
    expect(files.some((f) => f.includes('backups'))).toBe(true);
    expect(files.some((f) => f.startsWith(logDir))).toBe(true);
    expect(files.some((f) => f.endsWith('hub.db'))).toBe(true);
    const hits = hitsIn(files, ALL_PI);
    console.log(`pi_plaintext hits=${hits.length} canaries=${ALL_PI.length}`);
    expect(hits).toEqual([]);
  });

  it('would find a canary stored in clear (the scan can fail)', () => {
    const file = join(mkdtempSync(join(dir, '..', 'hall-pi-plain-')), 'plain.db');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE plain_canaries (v TEXT)');
    db.prepare('INSERT INTO plain_canaries VALUES (?)').run(PI.phones[0]);
    db.prepare('INSERT INTO plain_canaries VALUES (?)').run(
      Buffer.from(PI.addressDetail, 'utf16le'),
    );
    db.close();
    expect(existsSync(file)).toBe(true);
    const hits = hitsIn([file], ALL_PI);
    expect(hits.map((h) => h.split(':')[0])).toEqual([`${file} (utf8)`, `${file} (utf16le)`]);
  });
});
