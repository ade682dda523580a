import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLog } from '../../../../tests/support/test-log';
import {
  attachCipher,
  createFieldCipher,
  defaultKeyFile,
  FILE_MODE_WRAPPER,
  loadOrCreateKeys,
} from '../crypto';
import { MIGRATIONS, migrate } from './index';

let dir: string;
let db: BetterSqlite3.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-m015-'));
  const file = join(dir, 'hall.db');
  db = new BetterSqlite3(file);
  attachCipher(
    db,
    createFieldCipher(loadOrCreateKeys(defaultKeyFile(file), FILE_MODE_WRAPPER).keys),
  );
  migrate(db, MIGRATIONS, { backupDir: join(dir, 'unused'), now: () => new Date(), log: testLog });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertCustomer = (id: string, certType: string, bidx: string, manager: string | null) =>
  db
    .prepare(
      `INSERT INTO customers (id, cert_type, cert_bidx, cert_masked, kind, name, contact, manager,
        created_at, updated_at)
       VALUES (?, ?, ?, '1101**********002X', 'person', '王五', 'e1.k1.sealed', ?, 1, 1)`,
    )
    .run(id, certType, bidx, manager);

const plan = (sql: string): string =>
  // Each parameter bound as the statement would be at run time (a text value).
  (
    db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
      ...sql
        .split('?')
        .slice(1)
        .map(() => 'x'),
    ) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join(' | ');

/** Entries an index holds (its leaf cells), read from the file's own page statistics. */
const entries = (index: string): number =>
  (
    db
      .prepare(
        "SELECT coalesce(sum(ncell), 0) AS n FROM dbstat WHERE name = ? AND pagetype = 'leaf'",
      )
      .get(index) as { n: number }
  ).n;

describe('migration 015 (customer indexes a submit writes)', () => {
  it('the manager index holds only managed customers, and the manager look-ups still use it', () => {
    insertCustomer('c1', 'id_number', 'b1', null);
    insertCustomer('c2', 'id_number', 'b2', null);
    insertCustomer('c3', 'id_number', 'b3', 'mgr1');
    expect(entries('customers_manager')).toBe(1);
    // The statements of customers/store.ts that read by manager.
    expect(
      plan('SELECT * FROM customers WHERE manager = ? AND merged_into IS NULL ORDER BY name'),
    ).toContain('USING INDEX customers_manager');
    expect(
      plan('SELECT * FROM customers WHERE manager IS NOT NULL AND merged_into IS NULL'),
    ).toContain('USING INDEX customers_manager');
  });

  it('one unique index answers the certificate look-ups and keeps one customer per certificate', () => {
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'customers_cert%'",
        )
        .all(),
    ).toEqual([{ name: 'customers_cert' }]);
    expect(plan('SELECT * FROM customers WHERE cert_type = ? AND cert_bidx = ?')).toContain(
      'USING INDEX customers_cert',
    );
    expect(
      plan(
        'SELECT * FROM customers WHERE cert_bidx = ? AND merged_into IS NULL ORDER BY created_at',
      ),
    ).toContain('USING INDEX customers_cert');
    insertCustomer('c1', 'id_number', 'b1', null);
    // The same blind index under another certificate type is another certificate.
    insertCustomer('c2', 'passport', 'b1', null);
    expect(() => insertCustomer('c3', 'id_number', 'b1', null)).toThrow(/UNIQUE/);
  });
});
