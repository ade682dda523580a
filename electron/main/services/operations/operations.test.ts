import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Address, ApplicationInput } from '../../../../shared/api/schemas';
import type { BackupList } from '../../../../shared/api/methods/operations';
import { CATALOGUE } from '../../../../shared/catalogue';
import { CATALOGUES } from '../../../../shared/catalogue/versions';
import { createServices, type Services } from '../createServices';
import { callOk, ctxFor, seedStaff, TEST_COST } from '../auth/testing/services';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { LATEST_VERSION } from '../db/migrations';
import { createHallLogger, type HallLogger } from '../logging';
import type { DiagnosticsBundle } from './diagnostics';

const dirs: string[] = [];
const open: { services: Services; logger: HallLogger }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.services.close();
    o.logger.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(dir: string) {
  const logger = createHallLogger({ dir: join(dir, 'logs'), echo: false, maxBytes: 1024 });
  const services = createServices({
    dbFile: join(dir, 'hall.db'),
    transport: 'http',
    logger,
    auth: { enforce: true, stationRole: 'staff', scryptCost: TEST_COST },
  });
  open.push({ services, logger });
  return { services, logger };
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-ops-'));
  dirs.push(dir);
  return dir;
}

const household = householdNewType(CATALOGUE);

/** A valid application whose personal values are remembered as canaries. */
function canaryInput(seed: number): { input: ApplicationInput; canaries: string[] } {
  const input = fakeApplicationInput(household, rng(seed), new Date());
  const address = input.fields.address as Address;
  const canaries = [
    String(input.fields.idNumber),
    String(input.fields.mobile),
    String(input.fields.applicantName),
    address.street,
    address.detail,
  ].filter((c) => c.length >= 2);
  return { input, canaries };
}

const decode = (file: { base64: string }): DiagnosticsBundle =>
  JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as DiagnosticsBundle;

describe('export diagnostics', () => {
  it('bundles logs, versions, config and counts with none of the submitted personal data', async () => {
    const { services, logger } = start(newDir());
    const tokens = await seedStaff(services);
    const all: string[] = [];
    for (let i = 1; i <= 12; i += 1) {
      const { input, canaries } = canaryInput(i);
      all.push(...canaries);
      await callOk(services, 'applications.submit', input, tokens.counter);
      // A careless log line from a service: masked on the way into the file.
      logger.line(
        `sync: rejected ${input.fields.idNumber as string} / ${input.fields.mobile as string}`,
      );
      logger.event('test.careless', { value: String(input.fields.idNumber) });
    }
    const denied = await services.dispatch('system.diagnostics', {}, ctxFor(tokens.counter));
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');

    const file = await callOk<{ filename: string; base64: string; bytes: number }>(
      services,
      'system.diagnostics',
      {},
      tokens.supervisor,
    );
    expect(file.filename).toMatch(/^diagnostics-HALL01-C01-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = decode(file);
    expect(bundle.versions).toMatchObject({
      schema: LATEST_VERSION,
      schemaLatest: LATEST_VERSION,
      // The version in force at the hall date (2026.1 until 30 November), not the newest.
      catalogue: { inForce: CATALOGUES.inForce(new Date()).version, chosenBy: 'hall date' },
      node: process.versions.node,
    });
    expect(bundle.config).toMatchObject({ hallCode: 'HALL01', stationCode: 'C01', central: null });
    expect(bundle.sync.counts.created).toBe(12);
    expect(bundle.database.applicationsByState).toEqual({ queued: 12 });
    // The log files rotated (1 KB each) and the newest three are in the bundle.
    expect(bundle.logs).toHaveLength(3);
    const logText = bundle.logs.flatMap((l) => l.lines).join('\n');
    expect(logText).toContain('test.careless');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const leaked = all.filter((c) => text.includes(c));
    expect(leaked).toEqual([]);
    // Nor anywhere in the log files on disk.
    const logDir = logger.dir ?? '';
    const onDisk = readdirSync(logDir)
      .map((f) => readFileSync(join(logDir, f), 'utf8'))
      .join('\n');
    expect(all.filter((c) => onDisk.includes(c))).toEqual([]);
    console.log(
      `diagnostics canaries=${all.length} leaked_in_bundle=${leaked.length} log_files_in_bundle=${bundle.logs.length} ok`,
    );
  });
});

describe('backups from the supervisor screen', () => {
  it('backs up, schedules a restore, and the next start restores exactly that data', async () => {
    const dir = newDir();
    const first = start(dir);
    const tokens = await seedStaff(first.services);
    for (let i = 1; i <= 3; i += 1) {
      await callOk(first.services, 'applications.submit', canaryInput(i).input, tokens.counter);
    }
    const made = await callOk<{ file: string; kind: string }>(
      first.services,
      'backups.create',
      {},
      tokens.supervisor,
    );
    expect(made.kind).toBe('manual');
    for (let i = 4; i <= 5; i += 1) {
      await callOk(first.services, 'applications.submit', canaryInput(i).input, tokens.counter);
    }

    // A newer-schema copy in the backup directory is refused with a clear message.
    const newerName = made.file.replace(
      /\.v\d+\.(\d{8}T)\d{9}/,
      `.v${LATEST_VERSION + 1}.$1235959999`,
    );
    copyFileSync(join(dir, 'backups', made.file), join(dir, 'backups', newerName));
    const n = new BetterSqlite3(join(dir, 'backups', newerName));
    n.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.close();
    const refused = await first.services.dispatch(
      'backups.restore',
      { file: newerName },
      ctxFor(tokens.supervisor),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.message).toContain('请先升级');
      expect(refused.error.messageEn).toContain('newer than this console supports');
    }

    const list = await callOk<BackupList>(
      first.services,
      'backups.restore',
      { file: made.file },
      tokens.supervisor,
    );
    expect(list.pendingRestore).toBe(made.file);
    expect(list.backups.map((b) => b.file)).toContain(made.file);
    // Nothing changes under the running services.
    expect(first.services.db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(5);
    await first.services.close();
    open.splice(0, 1);
    first.logger.close();

    const second = start(dir);
    expect(second.services.db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(3);
    const tokens2 = await callOk<{ token: string }>(second.services, 'auth.signIn', {
      staffNo: 'S001',
      secret: 'supervisor-pass',
    });
    const after = await callOk<BackupList>(second.services, 'backups.list', {}, tokens2.token);
    expect(after.pendingRestore).toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith('hall.db.replaced.'))).toBe(true);
  });
});
