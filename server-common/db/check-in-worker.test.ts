import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInWorker } from './check-in-worker';
import { rememberChecked, takeChecked } from './checked-files';
import { DatabaseCorruptError } from './errors';
import { openMigratedDatabase } from './open';
import type { Migration } from './migration';

const MIGRATIONS: Migration[] = [
  { version: 1, name: 'rows', up: 'CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)' },
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-check-worker-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A migrated file with enough rows for b-tree pages in its middle; closed, log folded in. */
function seededFile(): string {
  const file = join(dir, 'hall.db');
  const db = openMigratedDatabase(file, MIGRATIONS, { backupDir: join(dir, 'backups') });
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('y'.repeat(100));
  })();
  db.close();
  return file;
}

/** Garbage over the middle of the file: b-tree pages, not the header. */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

const open = (file: string) =>
  openMigratedDatabase(file, MIGRATIONS, { backupDir: join(dir, 'backups') });

describe('checkInWorker', () => {
  it('lets the next open of an unchanged, sound file skip its own check, once', async () => {
    const file = seededFile();
    await checkInWorker(file);
    expect(takeChecked(file)).toBe(true);
    expect(takeChecked(file)).toBe(false);
  });

  it('reads the file without changing it', async () => {
    const file = seededFile();
    const before = statSync(file);
    await checkInWorker(file);
    const after = statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const db = open(file);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
    db.close();
  });

  it('gives no verdict on a damaged file, which the open still refuses', async () => {
    const file = seededFile();
    damage(file);
    await checkInWorker(file);
    expect(() => open(file)).toThrow(DatabaseCorruptError);
  });

  it('has the open check again when the file was damaged after the early check', async () => {
    const file = seededFile();
    await checkInWorker(file);
    damage(file);
    expect(() => open(file)).toThrow(DatabaseCorruptError);
  });

  it('has the open check again when the log was written after the early check', async () => {
    const file = seededFile();
    await checkInWorker(file);
    const writer = new BetterSqlite3(file);
    writer.prepare('INSERT INTO t (body) VALUES (?)').run('z');
    // The writer stays open so its log is not folded into the file on close.
    try {
      expect(takeChecked(file)).toBe(false);
    } finally {
      writer.close();
    }
  });

  it('does nothing for a file that does not exist yet', async () => {
    const file = join(dir, 'new.db');
    await checkInWorker(file);
    expect(existsSync(file)).toBe(false);
    expect(takeChecked(file)).toBe(false);
  });
});

describe('takeChecked', () => {
  it('refuses a verdict recorded for another state of the file', () => {
    const file = seededFile();
    rememberChecked(file, 'another state');
    expect(() => open(file)).not.toThrow();
    damage(file);
    rememberChecked(file, 'another state');
    expect(() => open(file)).toThrow(DatabaseCorruptError);
  });
});
