import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue';
import type { ApplicationInput } from '../../shared/api/schemas';
import { idCheckChar } from '../../shared/validators';
import { ctxFor, seedStaff, TEST_COST } from '../../electron/main/services/auth/testing/services';
import { createServices } from '../../electron/main/services/createServices';
import { createHallLogger } from '../../electron/main/services/logging';
import { createSyncState } from '../../electron/main/services/sync/sync-state';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';

/**
 * Plain-text scan (issue 10): canary personal data goes in through the dispatcher, then the raw
 * bytes of the database, its -wal, every backup and every log file are searched for each canary
 * as UTF-8 and UTF-16. Prints `pi_plaintext hits=H canaries=N`; any hit fails.
 */
const CANARY_IDS = ['35010219800101', '44030519850520', '11010519770707'].map((head, i) => {
  const body = `${head}${String(871 + i).padStart(3, '0')}`;
  return body + idCheckChar(body);
});
const CANARY_PHONES = ['13957318801', '13957318802', '13957318803'];
const CANARY_DETAIL = '幸福里金丝雀巷77号'; // an address detail
const CANARY_TOKENS = ['canary-bearer-7f3a9c01e2', 'canary-refresh-5b8d2e44f1'];
const CANARIES = [...CANARY_IDS, ...CANARY_PHONES, CANARY_DETAIL, ...CANARY_TOKENS];

const dir = mkdtempSync(join(tmpdir(), 'hall-pi-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function canaryInput(i: number): ApplicationInput {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(300 + i), new Date());
  const fields: ApplicationInput['fields'] = {
    ...input.fields,
    idNumber: CANARY_IDS[i]!,
    mobile: CANARY_PHONES[i]!,
  };
  const address = input.fields.address;
  if (address && typeof address === 'object')
    fields.address = { ...address, detail: CANARY_DETAIL };
  return { ...input, fields };
}

/** Every file under `root` (the db, -wal, -shm, backups, logs, keys excluded). */
function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return e.name === 'hall-keys.json' ? [] : [path];
  });
}

function hitsIn(files: string[], canaries: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const c of canaries) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(c, enc))) hits.push(`${file} (${enc})`);
      }
    }
  }
  return hits;
}

describe('personal data at rest', () => {
  it('finds no canary in the database, its -wal, the backups or the logs', async () => {
    const dbFile = join(dir, 'hall.db');
    const logDir = join(dir, 'logs');
    const services = createServices({
      dbFile,
      backupDir: join(dir, 'backups'),
      transport: 'http',
      logger: createHallLogger({ dir: logDir, echo: false }),
      auth: { enforce: true, scryptCost: TEST_COST },
    });
    const tokens = await seedStaff(services);
    // The address canary really goes in (the type has an address field).
    expect(JSON.stringify(canaryInput(0).fields.address)).toContain(CANARY_DETAIL);
    const call = async (method: string, input: unknown, token: string) => {
      const res = await services.dispatch(method, input, ctxFor(token));
      expect(res.ok, `${method}: ${JSON.stringify(res.ok ? '' : res.error)}`).toBe(true);
      return res.ok ? (res.value as { id: string; version: number }) : undefined;
    };
    // A draft, edited, then submitted; a direct submit; a draft left as a draft.
    const draft = await call('applications.saveDraft', canaryInput(0), tokens.counter);
    await call(
      'applications.submit',
      { ...canaryInput(0), id: draft?.id, baseVersion: draft?.version },
      tokens.counter,
    );
    await call('applications.submit', canaryInput(1), tokens.counter);
    await call('applications.saveDraft', canaryInput(2), tokens.counter);
    await call('applications.list', { q: CANARY_PHONES[1] }, tokens.counter);
    // The device's tokens, as the central connection stores them.
    createSyncState(services.db).saveCredentials({
      deviceId: 'dev-1',
      token: CANARY_TOKENS[0]!,
      tokenExpiresAt: '2099-01-01T00:00:00Z',
      refreshToken: CANARY_TOKENS[1]!,
    });
    await call('backups.create', {}, tokens.supervisor);
    // Read back through the owners: the values are there, only sealed.
    expect(createSyncState(services.db).credentials()?.refreshToken).toBe(CANARY_TOKENS[1]);
    await services.close();

    const files = filesUnder(dir);
    expect(files.some((f) => f.includes('backups'))).toBe(true);
    expect(files.some((f) => f.startsWith(logDir))).toBe(true);
    const hits = hitsIn(files, CANARIES);
    console.log(`pi_plaintext hits=${hits.length} canaries=${CANARIES.length}`);
    expect(hits).toEqual([]);
  });

  it('would find a canary stored in clear (the scan can fail)', () => {
    const file = join(mkdtempSync(join(dir, '..', 'hall-pi-plain-')), 'plain.db');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE plain_canaries (v TEXT)');
    db.prepare('INSERT INTO plain_canaries VALUES (?)').run(CANARY_PHONES[0]);
    db.prepare('INSERT INTO plain_canaries VALUES (?)').run(Buffer.from(CANARY_DETAIL, 'utf16le'));
    db.close();
    expect(existsSync(file)).toBe(true);
    const hits = hitsIn([file], CANARIES);
    expect(hits).toEqual([`${file} (utf8)`, `${file} (utf16le)`]);
  });
});
