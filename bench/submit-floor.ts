/**
 * The floor under a durable submit: a bare better-sqlite3 transaction writing exactly the rows
 * a submit wrote (same tables, indexes and triggers, same columns, same stored sizes, sealed
 * values included) on its own file with WAL + synchronous=FULL. Nothing but SQLite and the
 * fsync: what is left of a submit's time above it is the console's own work. The customer
 * record commits inside the submit's transaction, so its rows (a new customer, the contact
 * history entry, an account seen first on this application) are part of the floor too.
 */
import Database from 'better-sqlite3';
import type { Database as HallDb } from '../electron/main/services/db';
import { now } from './lib';

type Row = Record<string, unknown>;

/** One submit's rows, as stored (sealed, masked) in the console's file. */
interface SubmitRows {
  application: Row;
  history: Row[];
  outbox: Row[];
  counter: Row;
  /** The customer this application created (absent when it only updated one). */
  customer: Row | undefined;
  customerHistory: Row[];
  customerAccounts: Row[];
}

const insertSql = (table: string, row: Row): string => {
  const cols = Object.keys(row);
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
};

export interface SubmitFloor {
  /** Reads back what the console stored for these applications (outside any timing). */
  capture(ids: readonly string[]): SubmitRows[];
  /**
   * Writes each application's rows in its own transaction; returns each one's time in ms.
   * `after` runs after each commit, outside the timing.
   */
  replay(rows: readonly SubmitRows[], after?: () => void): number[];
  /** The floor's own connection and file (for the WAL page count). */
  readonly db: Database.Database;
  readonly file: string;
  close(): void;
}

/**
 * The console's file is copied (VACUUM INTO, before its first submit) so the floor writes into
 * the same tables, indexes and triggers.
 */
export function createSubmitFloor(hall: HallDb, file: string): SubmitFloor {
  hall.prepare('VACUUM INTO ?').run(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const tables = ['applications', 'application_history', 'outbox', 'app_no_counter'];
  const customerTables = ['customer_accounts', 'customer_contact_history', 'customers'];
  for (const t of [...tables, ...customerTables]) {
    db.prepare(`DELETE FROM ${t}`).run();
  }
  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const counterSql = `INSERT INTO app_no_counter (station_code, day, last_seq) VALUES (?, ?, 1)
    ON CONFLICT (station_code, day) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`;
  const write = db.transaction((r: SubmitRows) => {
    stmt(counterSql).get(r.counter.station_code, r.counter.day);
    stmt(insertSql('applications', r.application)).run(r.application);
    for (const h of r.history) stmt(insertSql('application_history', h)).run(h);
    if (r.customer) stmt(insertSql('customers', r.customer)).run(r.customer);
    for (const o of r.outbox) stmt(insertSql('outbox', o)).run(o);
    for (const h of r.customerHistory) stmt(insertSql('customer_contact_history', h)).run(h);
    for (const a of r.customerAccounts) stmt(insertSql('customer_accounts', a)).run(a);
  });

  return {
    capture(ids) {
      const app = hall.prepare('SELECT * FROM applications WHERE id = ?');
      const hist = hall.prepare('SELECT * FROM application_history WHERE application_id = ?');
      const out = hall.prepare('SELECT * FROM outbox WHERE application_id = ?');
      const counter = hall.prepare('SELECT station_code, day FROM app_no_counter LIMIT 1');
      const customerHistory = hall.prepare(
        'SELECT * FROM customer_contact_history WHERE application_id = ?',
      );
      const created = hall.prepare(
        `SELECT c.* FROM customers c JOIN customer_contact_history h ON h.customer_id = c.id
          WHERE h.application_id = ? AND h.action = 'created'`,
      );
      const accounts = hall.prepare('SELECT * FROM customer_accounts WHERE application_id = ?');
      // With a central system configured, the customer's own operation follows the application's.
      const customerOp = hall.prepare(
        'SELECT * FROM outbox WHERE application_id = ? AND seq > ? ORDER BY seq LIMIT 1',
      );
      return ids.map((id) => {
        const outbox = out.all(id) as Row[];
        const customerRows = customerHistory.all(id) as Row[];
        const customerId = customerRows[0]?.customer_id;
        const op = customerId && customerOp.get(customerId, outbox.at(-1)?.seq ?? 0);
        return {
          application: app.get(id) as Row,
          history: hist.all(id) as Row[],
          outbox: op ? [...outbox, op as Row] : outbox,
          counter: counter.get() as Row,
          customer: created.get(id) as Row | undefined,
          customerHistory: customerRows,
          customerAccounts: accounts.all(id) as Row[],
        };
      });
    },
    replay(rows, after) {
      return rows.map((r) => {
        const t = now();
        write.immediate(r);
        const elapsed = now() - t;
        after?.();
        return elapsed;
      });
    },
    db,
    file,
    close: () => db.close(),
  };
}
