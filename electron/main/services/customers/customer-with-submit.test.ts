import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import { testLog } from '../../../../tests/support/test-log';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';

const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const r = rng(1404);
const logged: string[] = [];
const h = servicesPerTest({
  prefix: 'hall-customer-submit-',
  actor: 'clerk14',
  options: () => ({
    now: () => MONDAY_10,
    log: (line: string) => {
      logged.push(line);
      testLog(line);
    },
  }),
});

const household = () => fakeApplicationInput(householdNewType(CATALOGUE), r, MONDAY_10);
const count = (sql: string): number => (h.services.db.prepare(sql).get() as { n: number }).n;

describe('the customer record commits with the submit', () => {
  it('is written inside the submit’s transaction: another connection sees neither before the commit', async () => {
    const file = h.services.db.name;
    const reader = new Database(file, { readonly: true });
    // Called by a trigger as the customer row is inserted: what a second connection sees then.
    const seen: { applications: number; inTransaction: boolean }[] = [];
    h.services.db.function('probe_customer_insert', () => {
      const row = reader.prepare('SELECT count(*) AS n FROM applications').get() as { n: number };
      seen.push({ applications: row.n, inTransaction: h.services.db.inTransaction });
      return 0;
    });
    h.services.db.exec(`CREATE TEMP TRIGGER probe AFTER INSERT ON main.customers
      BEGIN SELECT probe_customer_insert(); END`);
    try {
      const detail = await h.call<ApplicationDetail>('applications.submit', household());
      // Before: the application was committed on its own, then the customer in a second one.
      expect(seen).toEqual([{ applications: 0, inTransaction: true }]);
      const after = reader.prepare('SELECT count(*) AS n FROM applications WHERE id = ?');
      expect((after.get(detail.id) as { n: number }).n).toBe(1);
      expect(count('SELECT count(*) AS n FROM customers')).toBe(1);
    } finally {
      reader.close();
    }
  });

  it('a customer write that fails leaves the submit whole and the customer untouched', async () => {
    logged.length = 0;
    h.services.db.exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON main.customer_contact_history
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const detail = await h.call<ApplicationDetail>('applications.submit', household());
    expect(detail.state).toBe('queued');
    expect(detail.appNo).toMatch(/\d{4}$/);
    // The application, its history and its outbox row are stored; the customer row the
    // failed savepoint had inserted before its history is gone again.
    expect(count('SELECT count(*) AS n FROM applications')).toBe(1);
    expect(count('SELECT count(*) AS n FROM application_history')).toBe(1);
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(1);
    expect(count('SELECT count(*) AS n FROM customers')).toBe(0);
    expect(logged).toContain('customers: record from application failed: SqliteError');
  });
});
