import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeSync,
  closeSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedApplications } from '../testing/seed';
import { createBackupSchedule } from './backup-schedule';
import { LATEST_VERSION } from './migrations';
import { openDatabase, type Database } from './openDatabase';
import { restoreDatabase, RestoreRefusedError, type RestoreRefusal } from './restore';
import { stampDatabase } from './station-identity';
import { runRestoreCli } from './restore-cli';

const HERE = { hallCode: 'HALL01', stationCode: 'C01' };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function station() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-restore-'));
  dirs.push(dir);
  const dbFile = join(dir, 'hall.db');
  const backupDir = join(dir, 'backups');
  let at = Date.parse('2026-11-30T01:00:00Z');
  const now = () => new Date((at += 60_000));
  const open = (): Database => {
    const db = openDatabase(dbFile, { now });
    stampDatabase(db, HERE);
    return db;
  };
  const db = open();
  const events: string[] = [];
  const logger = { event: (name: string) => void events.push(name) };
  return { dir, dbFile, backupDir, now, open, db, logger, events };
}

/** Every application row in a fixed order, hashed: "exactly the same data". */
function digest(db: Database): { rows: number; sha: string } {
  const rows = db.prepare('SELECT * FROM applications ORDER BY id').all();
  return {
    rows: rows.length,
    sha: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
  };
}

const fileSha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectRefused(fn: () => unknown, reason: RestoreRefusal): RestoreRefusedError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RestoreRefusedError);
    const refused = err as RestoreRefusedError;
    expect(refused.reason).toBe(reason);
    expect(refused.text.zh).toContain('当前数据库未改动');
    expect(refused.text.en).toContain('The current database is unchanged');
    return refused;
  }
  throw new Error(`expected a ${reason} refusal`);
}

describe('backup and restore', () => {
  it('restores exactly the backed-up data, cycle after cycle', () => {
    const s = station();
    let db = s.db;
    const schedule = () =>
      createBackupSchedule({ db, backupDir: s.backupDir, now: s.now, logger: s.logger });
    const cycles = 5;
    for (let i = 1; i <= cycles; i += 1) {
      seedApplications(db, 20, {
        seed: i,
        stationCode: 'C01',
        startMs: Date.parse('2026-01-01') + i * 1e8,
      });
      const before = digest(db);
      const file = schedule().backupNow('manual');
      seedApplications(db, 15, {
        seed: 100 + i,
        stationCode: 'C01',
        startMs: Date.parse('2026-06-01') + i * 1e8,
      });
      expect(digest(db).rows).toBe(before.rows + 15);
      db.close();
      const result = restoreDatabase(s.dbFile, join(s.backupDir, file), HERE, s.now());
      expect(result.replacedFile && existsSync(result.replacedFile)).toBe(true);
      db = s.open();
      expect(digest(db)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    expect(s.events.filter((e) => e === 'backup.done')).toHaveLength(cycles);

    // Refusals, each leaving the current database byte for byte as it was.
    const good = join(s.backupDir, schedule().backupNow('manual'));
    db.close();
    const current = fileSha(s.dbFile);

    const corrupt = join(s.dir, 'corrupt.bak');
    copyFileSync(good, corrupt);
    const fd = openSync(corrupt, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2); // page 3, header and all
    closeSync(fd);
    const garbage = join(s.dir, 'garbage.bak');
    writeFileSync(garbage, 'not a database at all '.repeat(400));

    const foreign = join(s.dir, 'foreign.db');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.pragma('user_version = 3');
    other.close();

    const otherStation = join(s.dir, 'c02.bak');
    copyFileSync(good, otherStation);
    const o = new BetterSqlite3(otherStation);
    stampDatabase(o, { hallCode: 'HALL01', stationCode: 'C02' });
    o.close();

    const newer = join(s.dir, 'newer.bak');
    copyFileSync(good, newer);
    const n = new BetterSqlite3(newer);
    n.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.close();

    const restore = (from: string) => () => restoreDatabase(s.dbFile, from, HERE, s.now());
    expectRefused(restore(corrupt), 'corrupt');
    expectRefused(restore(garbage), 'corrupt');
    expectRefused(restore(foreign), 'foreign');
    const refused = expectRefused(restore(otherStation), 'otherStation');
    expect(refused.text.zh).toContain('HALL01/C02');
    const tooNew = expectRefused(restore(newer), 'tooNew');
    expect(tooNew.text.en).toContain(`schema version ${LATEST_VERSION + 1}`);
    expectRefused(restore(join(s.dir, 'nowhere.bak')), 'missing');
    expect(fileSha(s.dbFile)).toBe(current);
    expect(existsSync(`${s.dbFile}.restoring`)).toBe(false);
    // A station that does not know who it is (a new PC) takes any station's backup.
    expect(restoreDatabase(s.dbFile, otherStation, null).identity?.stationCode).toBe('C02');
    console.log(`backup_restore cycles=${cycles} ok`);
  });
});

describe('backup schedule', () => {
  it('backs up at the first start, every N hours and on a new hall day, pruning old files', () => {
    const s = station();
    // 2026-11-30 09:00 hall time.
    let at = new Date('2026-11-30T01:00:00Z');
    const schedule = createBackupSchedule({
      db: s.db,
      backupDir: s.backupDir,
      now: () => at,
      logger: s.logger,
      everyHours: 6,
      keepDays: 2,
    });
    expect(schedule.runIfDue()).toMatch(/^hall\.db\.v\d+\.\d{8}T\d{9}\.auto\.bak$/);
    at = new Date('2026-11-30T06:59:00Z'); // 5 h 59 min later: not due
    expect(schedule.runIfDue()).toBeNull();
    at = new Date('2026-11-30T07:00:00Z'); // 6 h later
    expect(schedule.runIfDue()).not.toBeNull();
    at = new Date('2026-11-30T16:05:00Z'); // 00:05 the next hall day, only 9 h later... due anyway
    expect(schedule.runIfDue()).not.toBeNull();
    at = new Date('2026-11-30T16:10:00Z');
    expect(schedule.runIfDue()).toBeNull();
    // Three days on: the new backup is made and the ones older than two days are pruned.
    at = new Date('2026-12-03T16:10:00Z');
    schedule.runIfDue();
    expect(s.events.filter((e) => e === 'backup.done')).toHaveLength(4);
    const left = readdirSync(s.backupDir);
    expect(left).toHaveLength(1);
    s.db.close();
  });

  it('takes the start-up backup after the first screen, not inside start()', async () => {
    const s = station();
    const schedule = createBackupSchedule({
      db: s.db,
      backupDir: s.backupDir,
      now: s.now,
      logger: s.logger,
      firstCheckAfterMs: 50,
    });
    schedule.start();
    // start() returned without the VACUUM INTO: the host can listen at once.
    expect(s.events).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.events).toEqual(['backup.done']);
    schedule.stop();
    s.db.close();
  });

  it('logs a failed backup and leaves no file behind', () => {
    const s = station();
    writeFileSync(join(s.dir, 'blocked'), 'a file where the backup directory should be');
    const schedule = createBackupSchedule({
      db: s.db,
      backupDir: join(s.dir, 'blocked'),
      now: s.now,
      logger: s.logger,
    });
    expect(schedule.runIfDue()).toBeNull();
    expect(s.events).toEqual(['backup.failed']);
    s.db.close();
  });
});

describe('restore command', () => {
  it('restores with the console stopped, refuses a newer file and a database still in use', () => {
    const s = station();
    seedApplications(s.db, 10, { seed: 7, stationCode: 'C01' });
    const before = digest(s.db);
    const schedule = createBackupSchedule({
      db: s.db,
      backupDir: s.backupDir,
      now: s.now,
      logger: s.logger,
    });
    const backup = join(s.backupDir, schedule.backupNow('auto'));
    seedApplications(s.db, 5, { seed: 8, stationCode: 'C01', startMs: Date.parse('2026-05-01') });
    s.db.close();

    const listed = runRestoreCli(['--db', s.dbFile, '--list']);
    expect(listed.code).toBe(0);
    expect(listed.lines.join('\n')).toContain(backup);

    const newer = join(s.dir, 'newer.bak');
    copyFileSync(backup, newer);
    const n = new BetterSqlite3(newer);
    n.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.close();
    const refused = runRestoreCli(['--db', s.dbFile, '--from', newer]);
    expect(refused.code).toBe(1);
    expect(refused.lines[0]).toContain('请先升级');
    expect(refused.lines[1]).toContain('newer than this console supports');

    writeFileSync(`${s.dbFile}-wal`, '');
    expect(runRestoreCli(['--db', s.dbFile, '--from', backup]).code).toBe(1);
    const done = runRestoreCli(['--db', s.dbFile, '--from', backup, '--force']);
    expect(done.code).toBe(0);
    expect(done.lines[1]).toContain('station HALL01/C01');
    const db = s.open();
    expect(digest(db)).toEqual(before);
    db.close();
    expect(runRestoreCli(['--db', s.dbFile]).code).toBe(2);
  });
});
