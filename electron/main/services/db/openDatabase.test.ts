import {
  chmodSync,
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseCorruptError, openDatabase, type Database } from './index';
import { testLog } from '../../../../tests/support/test-log';

let dir: string;
let db: Database | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-db-'));
});
afterEach(() => {
  if (db?.open) db.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const quiet = { log: testLog };
const APP_ID = '0190f5b0-0000-7000-8000-000000000001';

function insertApplication(target: Database, id = APP_ID): void {
  target
    .prepare(
      `INSERT INTO applications (id, type_code, family, account_kind, state, fields_json,
        papers_json, catalogue_version, clerk, created_at, updated_at)
       VALUES (?, 'T', 'new', 'lv_resident', 'draft', '{}', '[]', 'v1', 'c', 1, 1)`,
    )
    .run(id);
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    db = openDatabase(join(dir, 'hall.db'), quiet);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('keeps the settings on reopen of an existing file', () => {
    openDatabase(join(dir, 'hall.db'), quiet).close();
    db = openDatabase(join(dir, 'hall.db'), quiet);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it.runIf(process.platform !== 'win32')(
    'keeps the file, its WAL and shared memory to the owner (0600), narrowing an older file',
    () => {
      const file = join(dir, 'hall.db');
      db = openDatabase(file, quiet);
      db.prepare('CREATE TABLE probe (v TEXT)').run();
      db.prepare("INSERT INTO probe VALUES ('x')").run();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(statSync(f).mode & 0o777, f).toBe(0o600);
      }
      db.close();
      // A file an older version left readable by everyone.
      chmodSync(file, 0o644);
      db = openDatabase(file, quiet);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses a file that is not a database, with a zh/en message', () => {
    const file = join(dir, 'hall.db');
    writeFileSync(file, 'this is not an SQLite database, just text '.repeat(200));
    let error: unknown;
    try {
      openDatabase(file, quiet);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as DatabaseCorruptError).text.zh).toContain('损坏');
    expect((error as DatabaseCorruptError).text.en).toContain('damaged');
  });

  it('refuses a database whose pages were overwritten', () => {
    const file = join(dir, 'hall.db');
    const seed = openDatabase(file, quiet);
    insertApplication(seed);
    const many = seed.prepare(
      `INSERT INTO application_history (application_id, at, actor, action, changes_json)
       VALUES (?, ?, 'c', 'x', ?)`,
    );
    seed.transaction(() => {
      for (let i = 0; i < 2000; i++) many.run(APP_ID, i, 'y'.repeat(100));
    })();
    seed.pragma('wal_checkpoint(TRUNCATE)');
    seed.pragma('journal_mode = DELETE');
    seed.close();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    // Garbage over the middle of the file: b-tree pages, not the header.
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(() => openDatabase(file, quiet)).toThrow(DatabaseCorruptError);
  });
});

describe('schema 001', () => {
  it('makes application history append-only', () => {
    db = openDatabase(join(dir, 'hall.db'), quiet);
    insertApplication(db);
    db.prepare(
      `INSERT INTO application_history (application_id, at, actor, action, changes_json)
       VALUES (?, 1, 'c', 'draft.create', '{}')`,
    ).run(APP_ID);
    expect(() => db?.exec("UPDATE application_history SET actor = 'someone else'")).toThrow(
      /append-only/,
    );
    expect(() => db?.exec('DELETE FROM application_history')).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM application_history').pluck().all()).toEqual(['c']);
  });

  it('enforces the foreign key from the history; the outbox also carries requests and alerts', () => {
    db = openDatabase(join(dir, 'hall.db'), quiet);
    expect(() =>
      db
        ?.prepare(
          `INSERT INTO application_history (application_id, at, actor, action, changes_json)
           VALUES ('no-such-application', 1, 'c', 'draft.create', '{}')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    // Since v11 an outbox row may name a service request or a hall alert, not only an
    // application, so the outbox has no foreign key to applications.
    expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_list('outbox')").pluck().get()).toBe(
      0,
    );
  });

  it('rejects a state outside the local lifecycle', () => {
    db = openDatabase(join(dir, 'hall.db'), quiet);
    insertApplication(db);
    expect(() => db?.exec("UPDATE applications SET state = 'lost'")).toThrow(/CHECK/);
  });

  it('has the outbox exactly as the sync engine expects it', () => {
    db = openDatabase(join(dir, 'hall.db'), quiet);
    const columns = db.prepare('PRAGMA table_info(outbox)').all() as {
      name: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    expect(columns.map((c) => [c.name, c.notnull, c.dflt_value, c.pk])).toEqual([
      ['seq', 0, null, 1],
      ['op_id', 1, null, 0],
      ['application_id', 1, null, 0],
      ['kind', 1, null, 0],
      ['payload', 1, null, 0],
      ['payload_hash', 1, null, 0],
      ['created_at', 1, null, 0],
      ['state', 1, "'pending'", 0],
      ['attempts', 1, '0', 0],
      ['next_attempt_at', 1, '0', 0],
      ['last_error', 0, null, 0],
      ['acked_at', 0, null, 0],
      ['response', 0, null, 0],
    ]);
    const indexes = db.prepare('PRAGMA index_list(outbox)').all() as { name: string }[];
    expect(indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['outbox_pending', 'outbox_app']),
    );
    insertApplication(db);
    const insert = db.prepare(
      `INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
       VALUES (?, ?, 'application.submit', '{}', 'h', 1)`,
    );
    insert.run('op-1', APP_ID);
    expect(() => insert.run('op-1', APP_ID)).toThrow(/UNIQUE/);
    expect(() => db?.exec("UPDATE outbox SET state = 'sent'")).toThrow(/CHECK/);
  });
});
